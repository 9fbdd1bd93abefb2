#include "storage/sql/registry/member_repository.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "domain/members/member_fields.h"
#include "domain/members/search_keys.h"
#include "storage/sql/derived/member_counts.h"
#include "storage/sql/derived/search_key_bounds.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/rows.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/tools/bulk_writer.h"
#include "text/person_name.h"

namespace chibo::storage {

using app::Member;
using app::MemberFilter;

namespace {

// Members' columns in insert/update order (all but id, version and created_at).
struct MemberValues {
  long long org_id = 0;
  std::string org_path, full_name, sort_key;
  std::vector<std::string> texts;  // nullable text columns, see kTextColumns
  std::vector<soci::indicator> indicators;
  std::string status, updated_at;
  long long party_age_gap_days = 0, highest_badge = 0;
};

const std::vector<const char*>& text_columns() { return member_text_columns(); }

MemberValues values_of(const Member& member) {
  MemberValues values;
  values.org_id = member.org_id.value;
  values.org_path = member.org_path.str();
  values.full_name = member.full_name;
  values.sort_key = text::name_sort_key(member.full_name);
  for (const char* column : text_columns())
    values.texts.push_back(member_column_text(member, column));
  for (const std::string& text : values.texts) {
    values.indicators.push_back(text.empty() ? soci::i_null : soci::i_ok);
  }
  values.status = member.status;
  values.updated_at = member.updated_at;
  values.party_age_gap_days = member.party_age_gap_days;
  values.highest_badge = member.highest_badge;
  return values;
}

void use_values(soci::statement& statement, MemberValues& values) {
  statement.exchange(soci::use(values.org_id, "org_id"));
  statement.exchange(soci::use(values.org_path, "org_path"));
  statement.exchange(soci::use(values.full_name, "full_name"));
  statement.exchange(soci::use(values.sort_key, "sort_key"));
  for (size_t index = 0; index < values.texts.size(); ++index) {
    statement.exchange(
        soci::use(values.texts[index], values.indicators[index], text_columns()[index]));
  }
  statement.exchange(soci::use(values.status, "status"));
  statement.exchange(soci::use(values.updated_at, "updated_at"));
  statement.exchange(soci::use(values.party_age_gap_days, "party_age_gap_days"));
  statement.exchange(soci::use(values.highest_badge, "highest_badge"));
}

// A JSON string as nlohmann::json::dump() writes it (the text is valid UTF-8, cleaned on input).
void append_json_string(std::string& out, const std::string& text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// [{"after":..,"before":..,"field":..}, ...]: nlohmann's dump of the same list (keys sorted),
// written directly; an import writes one per member (it was 7 % of a bulk import's time).
std::string change_json(const std::vector<app::FieldChange>& changes) {
  std::string out = "[";
  for (const app::FieldChange& change : changes) {
    out += out.size() > 1 ? ",{\"after\":" : "{\"after\":";
    append_json_string(out, change.after);
    out += ",\"before\":";
    append_json_string(out, change.before);
    out += ",\"field\":";
    append_json_string(out, change.field);
    out += '}';
  }
  out += ']';
  return out;
}

std::vector<app::FieldChange> parse_changes(const std::string& text) {
  std::vector<app::FieldChange> changes;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return changes;
  for (const nlohmann::json& item : list) {
    changes.push_back({item.value("field", ""), item.value("before", ""), item.value("after", "")});
  }
  return changes;
}

bool names_changed(const Member& a, const Member& b) {
  return a.full_name != b.full_name || a.birth_name != b.birth_name || a.aliases != b.aliases;
}

}  // namespace

std::optional<Member> SqlMemberRepository::find(MemberId id) {
  Bindings bindings;
  std::optional<Member> found;
  const std::string sql = std::string("SELECT ") + kMemberColumns +
                          " FROM members m WHERE m.id = " + bindings.number(id.value);
  for_each_row<MemberRow>(session_, sql, bindings,
                          [&](const MemberRow& row) { found = row.to_member(); });
  return found;
}

std::optional<MemberId> SqlMemberRepository::find_id_by(Lookup& lookup, const char* column,
                                                        const std::string& value) {
  if (!lookup.statement) {
    lookup.statement = std::make_unique<soci::statement>(unnamed_statement(
        session_, std::string("SELECT id FROM members WHERE ") + column + " = :value",
        soci::use(lookup.value, "value"), soci::into(lookup.id, lookup.indicator)));
  }
  lookup.value = value;
  lookup.indicator = soci::i_null;
  if (!lookup.statement->execute(true) || lookup.indicator != soci::i_ok) return std::nullopt;
  return MemberId(lookup.id);
}

std::optional<MemberId> SqlMemberRepository::find_by_citizen_id(const std::string& citizen_id) {
  return find_id_by(by_citizen_id_, "citizen_id", citizen_id);
}

std::optional<MemberId> SqlMemberRepository::find_by_card_no(const std::string& card_no) {
  return find_id_by(by_card_no_, "party_card_no", card_no);
}

namespace {

// The import's bulk path: BulkWriter's append mode, plus the search index told after commit.
class SqlMemberBulkInsert : public app::MemberBulkInsert {
 public:
  SqlMemberBulkInsert(soci::session& session, IndexChanges* changes, long long stats_threshold)
      : writer_(session,
                session.get_backend_name() == "postgresql" ? Engine::kPostgres : Engine::kSqlite,
                BulkWriter::Mode::kAppend, stats_threshold),
        changes_(changes) {}
  void add(Member& member, app::MemberEvent event) override {
    member.id = writer_.next_member_id();
    member.version = 1;
    writer_.add_member(member, event.actor, event.action, change_json(event.changes));
    if (changes_ && ids_.size() <= kReloadAll) ids_.push_back(member.id.value);
  }
  void finish() override {
    writer_.finish();
    if (!changes_) return;
    // Past a few thousand members, reloading the whole index is cheaper than one by one.
    if (ids_.size() > kReloadAll) {
      changes_->everything = true;
    } else {
      changes_->members.insert(changes_->members.end(), ids_.begin(), ids_.end());
    }
  }
  void discard() override { writer_.discard(); }

 private:
  static constexpr size_t kReloadAll = 5000;
  BulkWriter writer_;
  IndexChanges* changes_;
  std::vector<long long> ids_;
};

}  // namespace

std::unique_ptr<app::MemberBulkInsert> SqlMemberRepository::bulk_insert() {
  return std::make_unique<SqlMemberBulkInsert>(session_, changes_, stats_threshold_);
}

void SqlMemberRepository::write_search_keys(const Member& member) {
  long long id = member.id.value;
  std::string key;
  std::string org_path = member.org_path.str();
  std::string status = member.status;
  std::string sort_key = text::name_sort_key(member.full_name);
  std::string previous;
  soci::statement insert = unnamed_statement(
      session_,
      "INSERT INTO member_search_keys (search_key, prev_key, org_path, "
      "status, sort_key, member_id) "
      "VALUES (:key, :prev, :path, :status, :sort, :id)",
      soci::use(key, "key"), soci::use(previous, "prev"), soci::use(org_path, "path"),
      soci::use(status, "status"), soci::use(sort_key, "sort"), soci::use(id, "id"));
  const std::vector<std::string> keys = domain::member_search_keys(member);
  for (const std::string& each : keys) {
    key = each;
    insert.execute(true);
    previous = key;
  }
  widen_search_key_bounds(session_, keys, sort_key);
}

void SqlMemberRepository::insert(Member& member) {
  MemberValues values = values_of(member);
  std::string columns = "org_id, org_path, full_name, sort_key";
  std::string placeholders = ":org_id, :org_path, :full_name, :sort_key";
  for (const char* column : text_columns()) {
    columns += std::string(", ") + column;
    placeholders += std::string(", :") + column;
  }
  long long id = 0;
  std::string created = member.created_at;
  soci::statement statement(session_);
  use_values(statement, values);
  statement.exchange(soci::use(created, "created_at"));
  statement.exchange(soci::into(id));
  prepare_unnamed(statement, "INSERT INTO members (" + columns +
                                 ", status, updated_at, party_age_gap_days, highest_badge, "
                                 "created_at, version) VALUES (" +
                                 placeholders +
                                 ", :status, :updated_at, :party_age_gap_days, :highest_badge, "
                                 ":created_at, 1) RETURNING id");
  statement.execute(true);
  member.id = MemberId(id);
  member.version = 1;
  write_search_keys(member);
  if (changes_) changes_->members.push_back(id);
  adjust_counts(session_, member.org_path, member.status, 1);
  adjust_member_stats(session_, nullptr, member, stats_threshold_);
}

bool SqlMemberRepository::update(Member& member, const Member& before) {
  MemberValues values = values_of(member);
  std::string assignments =
      "org_id = :org_id, org_path = :org_path, full_name = :full_name, sort_key = :sort_key";
  for (const char* column : text_columns())
    assignments += std::string(", ") + column + " = :" + column;
  long long id = member.id.value;
  long long version = before.version;
  soci::statement statement(session_);
  use_values(statement, values);
  statement.exchange(soci::use(id, "id"));
  statement.exchange(soci::use(version, "version"));
  prepare_unnamed(statement,
                  "UPDATE members SET " + assignments +
                      ", status = :status, updated_at = :updated_at, "
                      "party_age_gap_days = :party_age_gap_days, highest_badge = :highest_badge, "
                      "version = version + 1 WHERE id = :id AND version = :version");
  statement.execute(true);
  if (statement.get_affected_rows() != 1) return false;
  member.version = before.version + 1;
  // The search keys copy names, organization path and status: rewrite them when any changes.
  if (names_changed(member, before) || member.org_path != before.org_path ||
      member.status != before.status) {
    session_ << "DELETE FROM member_search_keys WHERE member_id = :id", soci::use(id, "id");
    write_search_keys(member);
  }
  if (changes_) changes_->members.push_back(id);  // the index tracks each record's version
  if (member.org_path != before.org_path || member.status != before.status) {
    adjust_counts(session_, before.org_path, before.status, -1);
    adjust_counts(session_, member.org_path, member.status, 1);
  }
  adjust_member_stats(session_, &before, member, stats_threshold_);
  return true;
}

void SqlMemberRepository::append_event(const app::MemberEvent& event) {
  long long member = event.member_id.value;
  std::string at = event.at;
  std::string actor = event.actor;
  std::string action = event.action;
  std::string changes = change_json(event.changes);
  std::string effective = event.effective_on ? event.effective_on->iso() : std::string();
  std::string number = event.document.number;
  std::string authority = event.document.authority;
  soci::indicator effective_ind = effective.empty() ? soci::i_null : soci::i_ok;
  soci::indicator number_ind = number.empty() ? soci::i_null : soci::i_ok;
  soci::indicator authority_ind = authority.empty() ? soci::i_null : soci::i_ok;
  session_ << "INSERT INTO member_events (member_id, at, actor, action, changes, effective_on, "
              "doc_number, doc_authority) VALUES (:member, :at, :actor, :action, :changes, "
              ":effective, :number, :authority)",
      soci::use(member, "member"), soci::use(at, "at"), soci::use(actor, "actor"),
      soci::use(action, "action"), soci::use(changes, "changes"),
      soci::use(effective, effective_ind, "effective"), soci::use(number, number_ind, "number"),
      soci::use(authority, authority_ind, "authority");
}

std::vector<app::MemberEvent> SqlMemberRepository::history(MemberId id) {
  std::vector<app::MemberEvent> events;
  long long member = id.value;
  long long event_id = 0;
  std::string at, actor, action, changes, effective, number, authority;
  soci::indicator effective_ind{}, number_ind{}, authority_ind{};
  soci::statement statement = unnamed_statement(
      session_,
      "SELECT id, at, actor, action, changes, effective_on, doc_number, doc_authority "
      "FROM member_events WHERE member_id = :member ORDER BY id DESC",
      soci::use(member, "member"), soci::into(event_id), soci::into(at), soci::into(actor),
      soci::into(action), soci::into(changes), soci::into(effective, effective_ind),
      soci::into(number, number_ind), soci::into(authority, authority_ind));
  if (statement.execute(true)) {
    do {
      app::MemberEvent event{event_id, id, at, actor, action, parse_changes(changes), {}, {}};
      if (effective_ind == soci::i_ok) event.effective_on = Date::parse(effective);
      event.document = {number_ind == soci::i_ok ? number : "",
                        authority_ind == soci::i_ok ? authority : ""};
      events.push_back(std::move(event));
    } while (statement.fetch());
  }
  return events;
}

}  // namespace chibo::storage
