#include "storage/sql/tools/bulk_writer.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "domain/members/member_fields.h"
#include "domain/members/search_keys.h"
#include "storage/sql/derived/member_counts.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/derived/search_key_bounds.h"
#include "storage/sql/engine/rows.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/tools/pg_copy.h"
#include "text/collation.h"
#include "text/fold.h"
#include "text/person_name.h"

namespace chibo::storage {

namespace {

constexpr size_t kMemberTextColumns = 29;

}  // namespace

struct BulkWriter::Statements {
  // Organization columns.
  long long org_id = 0, parent_id = 0, depth = 0;
  soci::indicator parent_ind = soci::i_ok, short_ind = soci::i_ok, code_ind = soci::i_ok,
                  established_ind = soci::i_ok, dissolved_ind = soci::i_ok;
  std::string path, kind, name, name_fold, org_sort_key, short_name, code, established_on,
      dissolved_on, org_status, org_created;
  std::unique_ptr<soci::statement> insert_org;

  // Member columns.
  long long member_id = 0, member_org = 0;
  std::string org_path, full_name, sort_key, status, member_created;
  std::string texts[kMemberTextColumns];
  soci::indicator indicators[kMemberTextColumns] = {};
  long long gap_days = 0, highest_badge = 0;
  std::unique_ptr<soci::statement> insert_member;

  std::string search_key, prev_key;
  std::unique_ptr<soci::statement> insert_key;

  std::string actor, action, changes;
  std::unique_ptr<soci::statement> insert_event;

  long long award_member = 0, milestone = 0;
  std::string occasion, decided_on, award_number, award_authority, award_actor, award_at;
  std::unique_ptr<soci::statement> insert_award;
};

// kAppend: what the added members add to the derived tables, applied once in finish().
struct BulkWriter::Derived {
  long long stats_threshold = kDefaultStatsThreshold;
  std::map<std::pair<std::string, std::string>, long long> counts;  // (org_path, status) -> n
  NewMemberStats stats;
  std::map<std::string, std::pair<std::string, std::string>> bounds;  // key -> [low, high]

  void add(const domain::Member& member, const std::string& path, const std::string& sort_key,
           const std::vector<std::string>& keys) {
    ++counts[{path, member.status}];
    stats.add(member);
    for (const std::string& key : keys) {
      auto [found, fresh] = bounds.emplace(key, std::make_pair(sort_key, sort_key));
      if (fresh) continue;
      if (sort_key < found->second.first) found->second.first = sort_key;
      if (sort_key > found->second.second) found->second.second = sort_key;
    }
  }
  void apply(soci::session& session) {
    for (const auto& [group, n] : counts) {
      const std::optional<OrgPath> path = OrgPath::parse(group.first);
      if (path) adjust_counts(session, *path, group.second, n);
    }
    stats.apply(session, stats_threshold);
    widen_search_key_bounds(session, bounds);
  }
};

// Rows of the five loaded tables in COPY's text format, in files under a temporary folder
// (national scale: several GB, more than is worth holding in memory).
struct BulkWriter::Spool {
  static constexpr int kCount = 5;
  static constexpr const char* kTables[kCount] = {"organizations", "members", "member_search_keys",
                                                  "member_events", "badge_awards"};
  std::filesystem::path folder;
  std::FILE* files[kCount] = {};
  std::string line;
  bool first = true;
  std::vector<std::string> columns[kCount];

  Spool() {
    std::string pattern = (std::filesystem::temp_directory_path() / "chibo-bulk-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a spool folder");
    folder = pattern;
    for (int table = 0; table < kCount; ++table) {
      files[table] = std::fopen((folder / kTables[table]).c_str(), "wb");
      if (!files[table]) throw std::runtime_error("cannot create a spool file");
      std::setvbuf(files[table], nullptr, _IOFBF, 1 << 20);
    }
  }
  ~Spool() {
    close();
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
  void close() {
    for (std::FILE*& file : files) {
      if (file) std::fclose(file);
      file = nullptr;
    }
  }
  void field(std::optional<std::string_view> value) {
    if (!first) line += '\t';
    first = false;
    append_copy_value(line, value);
  }
  void field(long long value) { field(std::string_view(std::to_string(value))); }
  void end(int table) {
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), files[table]) != line.size())
      throw std::runtime_error("cannot write the spool (disk full?)");
    line.clear();
    first = true;
  }
};

BulkWriter::BulkWriter(soci::session& session, Engine engine, Mode mode, long long stats_threshold)
    : session_(session), engine_(engine), mode_(mode) {
  if (mode == Mode::kAppend) {
    derived_ = std::make_unique<Derived>();
    derived_->stats_threshold = stats_threshold;
  }
  if (engine == Engine::kPostgres) {
    spool_ = std::make_unique<Spool>();
    spool_->columns[0] = {"id",         "parent_id", "path",           "depth",
                          "kind",       "name",      "name_fold",      "sort_key",
                          "short_name", "code",      "established_on", "dissolved_on",
                          "status",     "version",   "created_at",     "updated_at"};
    spool_->columns[1] = {"id", "org_id", "org_path", "full_name", "sort_key"};
    for (const char* column : member_text_columns()) spool_->columns[1].push_back(column);
    for (const char* column :
         {"status", "version", "created_at", "updated_at", "party_age_gap_days", "highest_badge"})
      spool_->columns[1].push_back(column);
    spool_->columns[2] = {"search_key", "prev_key", "org_path", "status", "sort_key", "member_id"};
    spool_->columns[3] = {"member_id", "at", "actor", "action", "changes"};
    spool_->columns[4] = {"member_id",     "milestone",  "occasion",    "doc_number",
                          "doc_authority", "decided_on", "recorded_by", "recorded_at"};
    return;
  }
  statements_ = std::make_unique<Statements>();
  if (mode == Mode::kAppend) {
    session << "SAVEPOINT bulk_writer";
    session << "SELECT COALESCE(MAX(id), 0) FROM members", soci::into(existing_);
    next_id_ = existing_ + 1;
  } else {
    deferred_ = std::make_unique<DeferredIndexes>(
        session, engine,
        std::vector<std::string>{"organizations", "members", "member_search_keys",
                                 "member_events"});
  }
  Statements& s = *statements_;
  s.insert_org = std::make_unique<soci::statement>(unnamed_statement(
      session,
      "INSERT INTO organizations (id, parent_id, path, depth, kind, name, name_fold, "
      "sort_key, "
      "short_name, code, established_on, dissolved_on, status, version, created_at, "
      "updated_at) "
      "VALUES (:id, :parent, :path, :depth, :kind, :name, :fold, :sort, :short, :code, "
      ":established, :dissolved, :status, 1, :created, :created2)",
      soci::use(s.org_id, "id"), soci::use(s.parent_id, s.parent_ind, "parent"),
      soci::use(s.path, "path"), soci::use(s.depth, "depth"), soci::use(s.kind, "kind"),
      soci::use(s.name, "name"), soci::use(s.name_fold, "fold"), soci::use(s.org_sort_key, "sort"),
      soci::use(s.short_name, s.short_ind, "short"), soci::use(s.code, s.code_ind, "code"),
      soci::use(s.established_on, s.established_ind, "established"),
      soci::use(s.dissolved_on, s.dissolved_ind, "dissolved"), soci::use(s.org_status, "status"),
      soci::use(s.org_created, "created"), soci::use(s.org_created, "created2")));

  std::string columns = "id, org_id, org_path, full_name, sort_key";
  std::string values = ":id, :org_id, :org_path, :full_name, :sort_key";
  const std::vector<const char*>& text_names = member_text_columns();
  if (text_names.size() != kMemberTextColumns) throw std::logic_error("member text columns");
  for (const char* column : text_names) {
    columns += std::string(", ") + column;
    values += std::string(", :") + column;
  }
  soci::statement* member = new soci::statement(session);
  s.insert_member.reset(member);
  member->exchange(soci::use(s.member_id, "id"));
  member->exchange(soci::use(s.member_org, "org_id"));
  member->exchange(soci::use(s.org_path, "org_path"));
  member->exchange(soci::use(s.full_name, "full_name"));
  member->exchange(soci::use(s.sort_key, "sort_key"));
  for (size_t index = 0; index < kMemberTextColumns; ++index) {
    member->exchange(soci::use(s.texts[index], s.indicators[index], text_names[index]));
  }
  member->exchange(soci::use(s.status, "status"));
  member->exchange(soci::use(s.member_created, "created"));
  member->exchange(soci::use(s.gap_days, "gap_days"));
  member->exchange(soci::use(s.highest_badge, "highest_badge"));
  prepare_unnamed(*member, "INSERT INTO members (" + columns +
                               ", status, version, created_at, updated_at, party_age_gap_days, "
                               "highest_badge) VALUES (" +
                               values +
                               ", :status, 1, :created, :created, :gap_days, "
                               ":highest_badge)");

  s.insert_key = std::make_unique<soci::statement>(unnamed_statement(
      session,
      "INSERT INTO member_search_keys (search_key, prev_key, org_path, status, sort_key, "
      "member_id) VALUES (:key, :prev, :path, :status, :sort, :id)",
      soci::use(s.search_key, "key"), soci::use(s.prev_key, "prev"), soci::use(s.org_path, "path"),
      soci::use(s.status, "status"), soci::use(s.sort_key, "sort"), soci::use(s.member_id, "id")));
  s.insert_event = std::make_unique<soci::statement>(unnamed_statement(
      session,
      "INSERT INTO member_events (member_id, at, actor, action, changes) VALUES "
      "(:id, :at, :actor, :action, :changes)",
      soci::use(s.member_id, "id"), soci::use(s.member_created, "at"), soci::use(s.actor, "actor"),
      soci::use(s.action, "action"), soci::use(s.changes, "changes")));
}

BulkWriter::~BulkWriter() {
  if (mode_ != Mode::kAppend || done_) return;
  try {
    discard();
  } catch (...) {
    // The caller's transaction rolls back anyway when the writer was abandoned by an exception.
  }
}

MemberId BulkWriter::next_member_id() {
  if (engine_ != Engine::kPostgres) return MemberId(next_id_++);
  if (reserved_used_ == reserved_ids_.size()) {
    // A block at a time: one round trip per thousand members, ids unique among writers.
    reserved_ids_.assign(1000, 0);
    reserved_used_ = 0;
    session_ << "SELECT nextval(pg_get_serial_sequence('members', 'id')) "
                "FROM generate_series(1, 1000)",
        soci::into(reserved_ids_);
  }
  return MemberId(reserved_ids_[reserved_used_++]);
}

void BulkWriter::add_award(MemberId member, int milestone, Date occasion, Date decided_on,
                           const std::string& number, const std::string& authority,
                           const std::string& actor, const std::string& now) {
  if (spool_) {
    Spool& p = *spool_;
    p.field(static_cast<long long>(member.value));
    p.field(static_cast<long long>(milestone));
    p.field(std::string_view(occasion.iso()));
    p.field(std::string_view(number));
    p.field(std::string_view(authority));
    p.field(std::string_view(decided_on.iso()));
    p.field(std::string_view(actor));
    p.field(std::string_view(now));
    p.end(4);
    return;
  }
  Statements& s = *statements_;
  if (!s.insert_award) {
    s.insert_award = std::make_unique<soci::statement>(unnamed_statement(
        session_,
        "INSERT INTO badge_awards (member_id, milestone, occasion, doc_number, doc_authority, "
        "decided_on, recorded_by, recorded_at) VALUES (:member, :milestone, :occasion, :number, "
        ":authority, :decided, :actor, :at)",
        soci::use(s.award_member, "member"), soci::use(s.milestone, "milestone"),
        soci::use(s.occasion, "occasion"), soci::use(s.award_number, "number"),
        soci::use(s.award_authority, "authority"), soci::use(s.decided_on, "decided"),
        soci::use(s.award_actor, "actor"), soci::use(s.award_at, "at")));
  }
  s.award_member = member.value;
  s.milestone = milestone;
  s.occasion = occasion.iso();
  s.decided_on = decided_on.iso();
  s.award_number = number;
  s.award_authority = authority;
  s.award_actor = actor;
  s.award_at = now;
  s.insert_award->execute(true);
}

void BulkWriter::add_org(const domain::Organization& org) {
  if (spool_) {
    Spool& p = *spool_;
    auto optional = [](const std::string& text) {
      return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
    };
    const std::string established = org.established_on ? org.established_on->iso() : "";
    const std::string dissolved = org.dissolved_on ? org.dissolved_on->iso() : "";
    p.field(static_cast<long long>(org.id.value));
    if (org.parent_id.valid()) {
      p.field(static_cast<long long>(org.parent_id.value));
    } else {
      p.field(std::nullopt);
    }
    p.field(std::string_view(org.path.str()));
    p.field(static_cast<long long>(org.path.depth()));
    p.field(std::string_view(org.kind));
    p.field(std::string_view(org.name));
    p.field(std::string_view(text::fold(org.name)));
    p.field(std::string_view(text::sort_key_hex(org.name)));
    p.field(optional(org.short_name));
    p.field(optional(org.code));
    p.field(optional(established));
    p.field(optional(dissolved));
    p.field(std::string_view(domain::org_status_code(org.status)));
    p.field(1LL);
    p.field(std::string_view(org.created_at));
    p.field(std::string_view(org.created_at));
    p.end(0);
    return;
  }
  Statements& s = *statements_;
  s.org_id = org.id.value;
  s.parent_id = org.parent_id.value;
  s.parent_ind = org.parent_id.valid() ? soci::i_ok : soci::i_null;
  s.path = org.path.str();
  s.depth = org.path.depth();
  s.kind = org.kind;
  s.name = org.name;
  s.name_fold = text::fold(org.name);
  s.org_sort_key = text::sort_key_hex(org.name);
  s.short_name = org.short_name;
  s.short_ind = org.short_name.empty() ? soci::i_null : soci::i_ok;
  s.code = org.code;
  s.code_ind = org.code.empty() ? soci::i_null : soci::i_ok;
  s.established_on = org.established_on ? org.established_on->iso() : "";
  s.established_ind = org.established_on ? soci::i_ok : soci::i_null;
  s.dissolved_on = org.dissolved_on ? org.dissolved_on->iso() : "";
  s.dissolved_ind = org.dissolved_on ? soci::i_ok : soci::i_null;
  s.org_status = domain::org_status_code(org.status);
  s.org_created = org.created_at;
  s.insert_org->execute(true);
}

void BulkWriter::add_member(const domain::Member& member, const std::string& actor,
                            const std::string& action, const std::string& changes) {
  ++members_added_;
  if (spool_) {
    Spool& p = *spool_;
    const std::string path = member.org_path.str();
    const std::string sort_key = text::name_sort_key(member.full_name);
    p.field(static_cast<long long>(member.id.value));
    p.field(static_cast<long long>(member.org_id.value));
    p.field(std::string_view(path));
    p.field(std::string_view(member.full_name));
    p.field(std::string_view(sort_key));
    for (const char* column : member_text_columns()) {
      const std::string text = member_column_text(member, column);
      p.field(text.empty() ? std::nullopt : std::optional<std::string_view>(text));
    }
    p.field(std::string_view(member.status));
    p.field(1LL);
    p.field(std::string_view(member.created_at));
    p.field(std::string_view(member.created_at));
    p.field(static_cast<long long>(member.party_age_gap_days));
    p.field(static_cast<long long>(member.highest_badge));
    p.end(1);
    const std::vector<std::string> keys = domain::member_search_keys(member);
    for (size_t index = 0; index < keys.size(); ++index) {
      p.field(std::string_view(keys[index]));
      p.field(std::string_view(index ? keys[index - 1] : std::string()));
      p.field(std::string_view(path));
      p.field(std::string_view(member.status));
      p.field(std::string_view(sort_key));
      p.field(static_cast<long long>(member.id.value));
      p.end(2);
    }
    p.field(static_cast<long long>(member.id.value));
    p.field(std::string_view(member.created_at));
    p.field(std::string_view(actor));
    p.field(std::string_view(action));
    p.field(std::string_view(changes));
    p.end(3);
    if (derived_) derived_->add(member, path, sort_key, keys);
    return;
  }
  Statements& s = *statements_;
  s.member_id = member.id.value;
  s.member_org = member.org_id.value;
  s.org_path = member.org_path.str();
  s.full_name = member.full_name;
  s.sort_key = text::name_sort_key(member.full_name);
  for (size_t index = 0; index < kMemberTextColumns; ++index) {
    s.texts[index] = member_column_text(member, member_text_columns()[index]);
    s.indicators[index] = s.texts[index].empty() ? soci::i_null : soci::i_ok;
  }
  s.gap_days = member.party_age_gap_days;
  s.highest_badge = member.highest_badge;
  s.status = member.status;
  s.member_created = member.created_at;
  s.insert_member->execute(true);
  s.prev_key.clear();
  const std::vector<std::string> keys = domain::member_search_keys(member);
  for (const std::string& key : keys) {
    s.search_key = key;
    s.insert_key->execute(true);
    s.prev_key = s.search_key;
  }
  s.actor = actor;
  s.action = action;
  s.changes = changes;
  s.insert_event->execute(true);
  if (!derived_) return;
  derived_->add(member, s.org_path, s.sort_key, keys);
  // A large import into a smaller table: sorting each index once at the end beats inserting
  // into it in random key order (the UNIQUE indexes, which duplicate checks read, stay).
  if (!deferred_ && members_added_ % 1024 == 0 && members_added_ * 2 >= existing_) {
    deferred_ = std::make_unique<DeferredIndexes>(
        session_, engine_,
        std::vector<std::string>{"members", "member_search_keys", "member_events"});
  }
}

void BulkWriter::discard() {
  if (mode_ != Mode::kAppend || done_) return;
  done_ = true;
  if (engine_ != Engine::kPostgres) {
    session_ << "ROLLBACK TO SAVEPOINT bulk_writer";
    session_ << "RELEASE SAVEPOINT bulk_writer";
  }
  // PostgreSQL: nothing was written; the spool goes with the writer.
}

void BulkWriter::load_spool(const std::vector<int>& tables) {
  Spool& spool = *spool_;
  spool.close();
  for (int table : tables) {
    CopyIn copy(session_, Spool::kTables[table], spool.columns[table]);
    std::FILE* file = std::fopen((spool.folder / Spool::kTables[table]).c_str(), "rb");
    if (!file) throw std::runtime_error("cannot read the spool");
    std::vector<char> buffer(1 << 20);
    for (size_t read; (read = std::fread(buffer.data(), 1, buffer.size(), file)) > 0;)
      copy.raw(std::string_view(buffer.data(), read));
    std::fclose(file);
    copy.finish();
  }
}

void BulkWriter::finish() {
  if (mode_ == Mode::kAppend) {
    if (done_) throw std::logic_error("bulk writer already finished");
    if (spool_) load_spool({0, 1, 2, 3, 4});
    if (deferred_) deferred_->restore();
    derived_->apply(session_);
    if (!spool_) session_ << "RELEASE SAVEPOINT bulk_writer";
    done_ = true;
    return;
  }
  if (spool_) {
    finish_postgres();
    return;
  }
  deferred_->restore();
  rebuild_counts(session_);
  rebuild_stats(session_, kDefaultStatsThreshold, true);
  rebuild_search_key_bounds(session_);
}

void BulkWriter::finish_postgres() {
  DeferredIndexes deferred(
      session_, Engine::kPostgres,
      {"organizations", "members", "member_search_keys", "member_events", "badge_awards"});
  load_spool({0, 1, 2, 3, 4});
  deferred.restore();
  rebuild_counts(session_);
  rebuild_stats(session_, kDefaultStatsThreshold, true);
  rebuild_search_key_bounds(session_);
  for (const char* table : {"organizations", "members", "member_events", "badge_awards"}) {
    session_ << std::string("SELECT setval(pg_get_serial_sequence('") + table +
                    "', 'id'), "
                    "COALESCE((SELECT MAX(id) FROM " +
                    table + "), 0) + 1, false)";
  }
  // Fresh statistics, so that the first queries on the new data are planned for its size.
  session_ << "ANALYZE organizations, members, member_search_keys, member_events, badge_awards, "
              "org_member_counts, org_member_stats, search_key_bounds";
}

bool database_is_empty(soci::session& session) {
  long long count = 0;
  session << "SELECT COUNT(*) FROM organizations", soci::into(count);
  return count == 0;
}

}  // namespace chibo::storage
