#include "storage/sql/registry/org_repository.h"

#include <algorithm>
#include <unordered_map>

#include "domain/catalog/catalog.h"
#include "storage/sql/derived/member_counts.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/rows.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/stats/stats_snapshot_repository.h"
#include "text/collation.h"
#include "text/fold.h"
#include "text/person_name.h"

namespace chibo::storage {

using app::Organization;

namespace {

std::vector<long long> raw_ids(const std::vector<OrgId>& ids) {
  std::vector<long long> raw;
  raw.reserve(ids.size());
  for (const OrgId& id : ids) raw.push_back(id.value);
  return raw;
}

soci::indicator null_if_empty(const std::string& text) {
  return text.empty() ? soci::i_null : soci::i_ok;
}

}  // namespace

std::vector<Organization> SqlOrgRepository::select(const std::string& where_and_order,
                                                   Bindings& bindings) {
  std::vector<Organization> orgs;
  const std::string sql =
      std::string("SELECT ") + kOrgColumns + " FROM organizations o " + where_and_order;
  for_each_row<OrgRow>(session_, sql, bindings,
                       [&](const OrgRow& row) { orgs.push_back(row.to_org()); });
  return orgs;
}

std::optional<Organization> SqlOrgRepository::find(OrgId id) {
  Bindings bindings;
  std::vector<Organization> found = select("WHERE o.id = " + bindings.number(id.value), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Organization> SqlOrgRepository::find_many(const std::vector<OrgId>& ids) {
  if (ids.empty()) return {};
  // Lists pass one id per row they show (the same cell many times): ask for each once.
  std::vector<long long> unique = raw_ids(ids);
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  Bindings bindings;
  std::vector<Organization> found =
      select("WHERE o.id IN " + bindings.number_list(unique), bindings);
  std::unordered_map<long long, const Organization*> by_id;
  for (const Organization& org : found) by_id.emplace(org.id.value, &org);
  // Keep the caller's order (ancestors root first).
  std::vector<Organization> ordered;
  ordered.reserve(ids.size());
  for (const OrgId& id : ids) {
    if (auto it = by_id.find(id.value); it != by_id.end()) ordered.push_back(*it->second);
  }
  return ordered;
}

std::vector<Organization> SqlOrgRepository::children(OrgId parent, bool include_inactive) {
  Bindings bindings;
  std::string where = parent.valid() ? "WHERE o.parent_id = " + bindings.number(parent.value)
                                     : std::string("WHERE o.parent_id IS NULL");
  if (!include_inactive) where += " AND o.status = 'active'";
  return select(where + " ORDER BY o.sort_key, o.id", bindings);
}

std::map<OrgId, app::MemberCounts> SqlOrgRepository::counts(const std::vector<OrgId>& ids) {
  std::map<OrgId, app::MemberCounts> result;
  if (ids.empty()) return result;
  Bindings bindings;
  const std::string sql = "SELECT org_id, status, n FROM org_member_counts WHERE org_id IN " +
                          bindings.number_list(raw_ids(ids));
  long long org = 0;
  std::string status;
  long long n = 0;
  soci::statement statement(session_);
  statement.exchange(soci::into(org));
  statement.exchange(soci::into(status));
  statement.exchange(soci::into(n));
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (statement.execute(true)) {
    do {
      app::MemberCounts& counts = result[OrgId(org)];
      counts.total += n;
      if (status == domain::status::kOfficial) counts.official += n;
      if (status == domain::status::kProbationary) counts.probationary += n;
      if (std::find(on_roll_statuses_.begin(), on_roll_statuses_.end(), status) !=
          on_roll_statuses_.end()) {
        counts.on_roll += n;
      }
    } while (statement.fetch());
  }
  return result;
}

std::map<OrgId, int64_t> SqlOrgRepository::active_child_counts(const std::vector<OrgId>& ids) {
  std::map<OrgId, int64_t> result;
  if (ids.empty()) return result;
  Bindings bindings;
  const std::string sql =
      "SELECT parent_id, COUNT(*) FROM organizations WHERE status = 'active' AND parent_id IN " +
      bindings.number_list(raw_ids(ids)) + " GROUP BY parent_id";
  long long parent = 0;
  long long n = 0;
  soci::statement statement(session_);
  statement.exchange(soci::into(parent));
  statement.exchange(soci::into(n));
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (statement.execute(true)) {
    do {
      result[OrgId(parent)] = n;
    } while (statement.fetch());
  }
  return result;
}

std::vector<Organization> SqlOrgRepository::search(const std::vector<std::string>& words,
                                                   const std::vector<std::string>& kinds,
                                                   const std::vector<OrgPath>& within, int limit) {
  Bindings bindings;
  std::string where = "WHERE o.status = 'active'";
  for (const std::string& word : words) {
    // Each word must begin a word of the name, as in member search ("vu" finds "Vụ Pháp chế",
    // not "Bộ Tư pháp ... vụ"-less names containing "vu"). Folded words are letters and
    // digits only, so they carry no LIKE wildcards.
    where += " AND (o.name_fold LIKE " + bindings.text(word + "%") + " OR o.name_fold LIKE " +
             bindings.text("% " + word + "%") + ")";
  }
  if (!kinds.empty()) where += " AND o.kind IN " + bindings.text_list(kinds);
  if (!within.empty()) {
    std::string scope;
    for (const OrgPath& path : within) {
      scope += (scope.empty() ? "" : " OR ") + std::string("(o.path >= ") +
               bindings.text(path.str()) + " AND o.path < " + bindings.text(path.subtree_end()) +
               ")";
    }
    where += " AND (" + scope + ")";
  }
  where += " ORDER BY o.depth, o.sort_key, o.id LIMIT " + bindings.number(limit);
  return select(where, bindings);
}

std::optional<OrgId> SqlOrgRepository::find_by_code(const std::string& code) {
  long long id = 0;
  std::string value = code;
  soci::indicator indicator = soci::i_null;
  session_ << "SELECT id FROM organizations WHERE code = :code", soci::use(value, "code"),
      soci::into(id, indicator);
  if (!session_.got_data() || indicator != soci::i_ok) return std::nullopt;
  return OrgId(id);
}

void SqlOrgRepository::insert(Organization& org) {
  // The path holds the new id, which the database assigns: insert under a unique
  // placeholder, then set the real path.
  const std::string placeholder =
      "#" + org.created_at + "#" + std::to_string(org.parent_id.value) + "#" + org.name;
  std::string name_fold = text::fold(org.name);
  std::string sort_key = text::sort_key_hex(org.name);
  long long parent = org.parent_id.value;
  soci::indicator parent_ind = org.parent_id.valid() ? soci::i_ok : soci::i_null;
  std::string established = org.established_on ? org.established_on->iso() : std::string();
  soci::indicator established_ind = org.established_on ? soci::i_ok : soci::i_null;
  soci::indicator short_ind = null_if_empty(org.short_name);
  soci::indicator code_ind = null_if_empty(org.code);
  long long depth = org.path.empty() ? 1 : org.path.depth() + 1;
  std::string path_text = placeholder;
  long long id = 0;
  session_ << "INSERT INTO organizations (parent_id, path, depth, kind, name, name_fold, sort_key, "
              "short_name, code, established_on, status, version, created_at, updated_at) VALUES "
              "(:parent, :path, :depth, :kind, :name, :fold, :sort, :short, :code, :established, "
              "'active', 1, :created, :updated) RETURNING id",
      soci::use(parent, parent_ind, "parent"), soci::use(path_text, "path"),
      soci::use(depth, "depth"), soci::use(org.kind, "kind"), soci::use(org.name, "name"),
      soci::use(name_fold, "fold"), soci::use(sort_key, "sort"),
      soci::use(org.short_name, short_ind, "short"), soci::use(org.code, code_ind, "code"),
      soci::use(established, established_ind, "established"), soci::use(org.created_at, "created"),
      soci::use(org.updated_at, "updated"), soci::into(id);
  org.id = OrgId(id);
  org.path = org.path.empty() ? OrgPath::root(org.id) : org.path.child(org.id);
  path_text = org.path.str();
  session_ << "UPDATE organizations SET path = :path WHERE id = :id", soci::use(path_text, "path"),
      soci::use(id, "id");
  org.version = 1;
  org.status = domain::OrgStatus::kActive;
}

bool SqlOrgRepository::update_fields(Organization& org) {
  std::string name_fold = text::fold(org.name);
  std::string sort_key = text::sort_key_hex(org.name);
  std::string established = org.established_on ? org.established_on->iso() : std::string();
  soci::indicator established_ind = org.established_on ? soci::i_ok : soci::i_null;
  soci::indicator short_ind = null_if_empty(org.short_name);
  soci::indicator code_ind = null_if_empty(org.code);
  long long id = org.id.value;
  long long version = org.version;
  soci::statement update = unnamed_statement(
      session_,
      "UPDATE organizations SET kind = :kind, name = :name, name_fold = :fold, "
      "sort_key = :sort, short_name = :short, code = :code, established_on = "
      ":established, version = version + 1, updated_at = :updated "
      "WHERE id = :id AND version = :version",
      soci::use(org.kind, "kind"), soci::use(org.name, "name"), soci::use(name_fold, "fold"),
      soci::use(sort_key, "sort"), soci::use(org.short_name, short_ind, "short"),
      soci::use(org.code, code_ind, "code"), soci::use(established, established_ind, "established"),
      soci::use(org.updated_at, "updated"), soci::use(id, "id"), soci::use(version, "version"));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  ++org.version;
  if (changes_) changes_->orgs.push_back(org.id.value);  // its cached name may be stale
  return true;
}

void SqlOrgRepository::move_subtree(const Organization& node, const Organization& new_parent,
                                    const std::string& now) {
  const OrgPath old_path = node.path;
  const OrgPath new_path = new_parent.path.child(node.id);
  std::string old_text = old_path.str();
  std::string old_end = old_path.subtree_end();
  std::string new_text = new_path.str();
  long long keep_from = static_cast<long long>(old_text.size()) + 1;
  long long depth_delta = new_path.depth() - old_path.depth();
  session_ << "UPDATE organizations SET path = :new_path || substr(path, :keep_from), "
              "depth = depth + :delta WHERE path >= :old_path AND path < :old_end",
      soci::use(new_text, "new_path"), soci::use(keep_from, "keep_from"),
      soci::use(depth_delta, "delta"), soci::use(old_text, "old_path"),
      soci::use(old_end, "old_end");
  session_ << "UPDATE members SET org_path = :new_path || substr(org_path, :keep_from) "
              "WHERE org_path >= :old_path AND org_path < :old_end",
      soci::use(new_text, "new_path"), soci::use(keep_from, "keep_from"),
      soci::use(old_text, "old_path"), soci::use(old_end, "old_end");
  // Everything else that keeps a copy of an organization's path follows it.
  const std::pair<const char*, const char*> copies[] = {{"member_search_keys", "org_path"},
                                                        {"candidates", "org_path"},
                                                        {"transfers", "from_path"},
                                                        {"transfers", "to_path"}};
  for (const auto& [table, column] : copies) {
    const std::string col(column);
    session_ << std::string("UPDATE ") + table + " SET " + col + " = :new_path || substr(" + col +
                    ", :keep_from) WHERE " + col + " >= :old_path AND " + col + " < :old_end",
        soci::use(new_text, "new_path"), soci::use(keep_from, "keep_from"),
        soci::use(old_text, "old_path"), soci::use(old_end, "old_end");
  }
  long long id = node.id.value;
  long long parent = new_parent.id.value;
  std::string updated = now;
  session_
      << "UPDATE organizations SET parent_id = :parent, version = version + 1, updated_at = :now "
         "WHERE id = :id",
      soci::use(parent, "parent"), soci::use(updated, "now"), soci::use(id, "id");
  // The subtree's own counts are unchanged; its members leave the old ancestors that are not
  // also new ancestors, and join the new ones.
  const std::map<std::string, long long> moved = counts_of(session_, node.id);
  std::vector<OrgId> old_ancestors = old_path.ids();
  old_ancestors.pop_back();
  const std::vector<OrgId> new_ancestors = new_parent.path.ids();
  std::vector<OrgId> leaving;
  std::vector<OrgId> joining;
  for (const OrgId& org : old_ancestors) {
    if (std::find(new_ancestors.begin(), new_ancestors.end(), org) == new_ancestors.end())
      leaving.push_back(org);
  }
  for (const OrgId& org : new_ancestors) {
    if (std::find(old_ancestors.begin(), old_ancestors.end(), org) == old_ancestors.end())
      joining.push_back(org);
  }
  adjust_counts(session_, leaving, moved, -1);
  adjust_counts(session_, joining, moved, 1);
  adjust_stats_for_move(session_, node.id, leaving, joining, stats_threshold_);
  // The closed-period snapshots' counts of those organizations no longer match their subtrees
  // (app/stats_snapshots.h): forgotten until the next snapshot.
  std::vector<OrgId> changed = leaving;
  changed.insert(changed.end(), joining.begin(), joining.end());
  const Engine engine =
      session_.get_backend_name() == "postgresql" ? Engine::kPostgres : Engine::kSqlite;
  SqlStatsSnapshotRepository(session_, engine).forget_counts(changed);
  if (changes_) changes_->everything = true;  // many members' paths changed
}

int64_t SqlOrgRepository::close_subtree(const Organization& node, domain::OrgStatus status, Date on,
                                        OrgId merged_into, const std::string& now) {
  std::string status_code = domain::org_status_code(status);
  std::string date = on.iso();
  std::string updated = now;
  std::string path = node.path.str();
  std::string path_end = node.path.subtree_end();
  soci::statement update = unnamed_statement(
      session_,
      "UPDATE organizations SET status = :status, dissolved_on = :on, "
      "version = version + 1, updated_at = :now WHERE path >= :path AND "
      "path < :path_end AND status = 'active'",
      soci::use(status_code, "status"), soci::use(date, "on"), soci::use(updated, "now"),
      soci::use(path, "path"), soci::use(path_end, "path_end"));
  update.execute(true);
  const int64_t closed = update.get_affected_rows();
  if (merged_into.valid()) {
    long long target = merged_into.value;
    long long id = node.id.value;
    session_ << "UPDATE organizations SET merged_into = :target WHERE id = :id",
        soci::use(target, "target"), soci::use(id, "id");
  }
  return closed;
}

}  // namespace chibo::storage
