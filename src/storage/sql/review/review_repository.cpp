#include "storage/sql/review/review_repository.h"

#include <algorithm>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::GradeCounts;
using app::MemberReview;
using app::ReviewCampaign;
using app::ReviewUnit;
using domain::review::Grade;

// Named, not anonymous: the unity build joins this file with the other repositories.
namespace review_rows {

std::optional<Grade> grade_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return domain::review::parse_grade(text);
}

std::string grade_text(const std::optional<Grade>& grade) {
  return grade ? std::string(domain::review::grade_code(*grade)) : std::string();
}

std::string optional_number(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::optional<int> number_or_null(const RowReader& row, size_t index) {
  if (row.is_null_number(index)) return std::nullopt;
  return static_cast<int>(row.number(index));
}

OrgPath path_of(const std::string& text) { return OrgPath::parse(text).value_or(OrgPath()); }

constexpr const char* kCountColumns[] = {"m_not_completed", "m_completed", "m_good", "m_excellent",
                                         "o_not_completed", "o_completed", "o_good", "o_excellent"};

// Multi-row statements of this many rows keep each statement short.
constexpr size_t kCountBatch = 200;

}  // namespace review_rows

using namespace review_rows;

// ---- campaigns ---------------------------------------------------------------------------------

std::vector<ReviewCampaign> SqlReviewRepository::select_campaigns(const std::string& where,
                                                                  Bindings& bindings) {
  std::vector<ReviewCampaign> found;
  RowReader row(10, 7);
  select_rows(session_,
              "SELECT org_path, review_date, title, state, created_at, created_by, updated_at, "
              "fanout_state, fanout_cursor, fanout_finished_at, id, org_id, year, units, version, "
              "fanout_total, fanout_batches FROM review_campaigns WHERE " +
                  where,
              bindings, row, [&] {
                ReviewCampaign c;
                c.org_path = path_of(row.text(0));
                c.review_date = row.date(1).value_or(Date());
                c.title = row.text(2);
                c.state = row.text(3);
                c.created_at = row.text(4);
                c.created_by = row.text(5);
                c.updated_at = row.text(6);
                c.id = row.number(0);
                c.org_id = OrgId(row.number(1));
                c.year = static_cast<int>(row.number(2));
                c.units = row.number(3);
                c.version = row.number(4);
                c.fanout_state = row.text(7);
                c.fanout_cursor = row.text(8);
                c.fanout_finished_at = row.text(9);
                c.fanout_total = row.number(5);
                c.fanout_batches = row.number(6);
                found.push_back(std::move(c));
              });
  return found;
}

std::optional<ReviewCampaign> SqlReviewRepository::find_campaign(int64_t id) {
  Bindings bindings;
  auto found = select_campaigns("id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool SqlReviewRepository::campaign_overlaps(const OrgPath& path, int year) {
  // Opened at the organization, above it (its path's prefixes) or below it, the same year.
  std::vector<std::string> prefixes;
  OrgPath prefix;
  for (OrgId id : path.ids()) {
    prefix = prefix.empty() ? OrgPath::root(id) : prefix.child(id);
    prefixes.push_back(prefix.str());
  }
  Bindings bindings;
  return !select_campaigns("year = " + bindings.number(year) + " AND (org_path IN " +
                               bindings.text_list(prefixes) + " OR " +
                               subtree_condition("org_path", path, bindings) + ")",
                           bindings)
              .empty();
}

std::vector<ReviewCampaign> SqlReviewRepository::campaigns_covering(const OrgPath& path) {
  // The campaigns opened at the organization or an ancestor: their paths are its prefixes.
  std::vector<std::string> prefixes;
  OrgPath prefix;
  for (OrgId id : path.ids()) {
    prefix = prefix.empty() ? OrgPath::root(id) : prefix.child(id);
    prefixes.push_back(prefix.str());
  }
  if (prefixes.empty()) return {};
  Bindings bindings;
  return select_campaigns(
      "org_path IN " + bindings.text_list(prefixes) + " ORDER BY year DESC, org_path", bindings);
}

void SqlReviewRepository::insert_campaign(ReviewCampaign& c) {
  RowValues values;
  values.number("org_id", c.org_id.value)
      .text("org_path", c.org_path.str())
      .number("year", c.year)
      .date("review_date", c.review_date)
      .text("title", c.title)
      .text("state", c.state)
      .number("units", c.units)
      .number("version", c.version)
      .text("created_at", c.created_at)
      .text("created_by", c.created_by)
      .text("updated_at", c.updated_at)
      .text("fanout_state", c.fanout_state)
      .number("fanout_total", c.fanout_total)
      .text("fanout_cursor", c.fanout_cursor)
      .number("fanout_batches", c.fanout_batches);
  if (!c.fanout_finished_at.empty()) values.text("fanout_finished_at", c.fanout_finished_at);
  c.id = insert_returning_id(session_, "review_campaigns", values);
}

int64_t SqlReviewRepository::fan_out(const ReviewCampaign& c) {
  Bindings bindings;
  const std::string sql =
      "INSERT INTO review_units (campaign_id, org_id, org_path, parent_id, version) SELECT " +
      std::to_string(c.id) +
      ", id, path, parent_id, 1 FROM organizations WHERE status = "
      "'active' AND " +
      subtree_condition("path", c.org_path, bindings);
  soci::statement statement(session_);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
  const int64_t units = statement.get_affected_rows();
  Bindings where;
  RowValues values;
  values.number("units", units).number("fanout_total", units);
  update_rows(session_, "review_campaigns", values, "id = " + where.number(c.id), where);
  return units;
}

int64_t SqlReviewRepository::fanout_targets(const OrgPath& path) {
  Bindings bindings;
  RowReader row(0, 1);
  int64_t count = 0;
  select_rows(session_,
              "SELECT COUNT(*) FROM organizations WHERE status = 'active' AND " +
                  subtree_condition("path", path, bindings),
              bindings, row, [&] { count = row.number(0); });
  return count;
}

int64_t SqlReviewRepository::fan_out_batch(const ReviewCampaign& c, int limit,
                                           std::string& last_path) {
  // The batch's last path first (an indexed range read), then its units in one statement.
  Bindings bindings;
  std::string range = "status = 'active' AND " + subtree_condition("path", c.org_path, bindings);
  if (!c.fanout_cursor.empty()) range += " AND path > " + bindings.text(c.fanout_cursor);
  RowReader row(1, 0);
  std::string last;
  select_rows(session_,
              "SELECT path FROM organizations WHERE " + range + " ORDER BY path LIMIT 1 OFFSET " +
                  std::to_string(std::max(1, limit) - 1),
              bindings, row, [&] { last = row.text(0); });
  if (last.empty()) {
    // Fewer than `limit` left: the batch runs to the end of the subtree.
    select_rows(session_, "SELECT MAX(path) FROM organizations WHERE " + range, bindings, row,
                [&] { last = row.text(0); });
    if (last.empty()) return 0;
  }
  const std::string sql =
      "INSERT INTO review_units (campaign_id, org_id, org_path, parent_id, version) SELECT " +
      std::to_string(c.id) + ", id, path, parent_id, 1 FROM organizations WHERE " + range +
      " AND path <= " + bindings.text(last);
  soci::statement statement(session_);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
  last_path = last;
  return statement.get_affected_rows();
}

bool SqlReviewRepository::update_campaign_fanout(const ReviewCampaign& c, int64_t before_batches) {
  RowValues values;
  values.number("units", c.units)
      .text("fanout_state", c.fanout_state)
      .number("fanout_total", c.fanout_total)
      .text("fanout_cursor", c.fanout_cursor)
      .number("fanout_batches", c.fanout_batches);
  if (!c.fanout_finished_at.empty()) values.text("fanout_finished_at", c.fanout_finished_at);
  Bindings where;
  const bool saved = update_rows(session_, "review_campaigns", values,
                                 "id = " + where.number(c.id) +
                                     " AND fanout_batches = " + where.number(before_batches),
                                 where) == 1;
  if (saved && c.fanout_state == "done") refresh_planner_statistics(session_, "review_units");
  return saved;
}

// ---- units -------------------------------------------------------------------------------------

std::vector<ReviewUnit> SqlReviewRepository::select_units(const std::string& where,
                                                          Bindings& bindings) {
  std::vector<ReviewUnit> found;
  RowReader row(5, 8);
  select_rows(session_,
              "SELECT org_path, grade, note, decided_at, decided_by, campaign_id, org_id, "
              "parent_id, score, tasks_on_time_pct, tasks_exceeded_pct, tasks_late_pct, version "
              "FROM review_units WHERE " +
                  where,
              bindings, row, [&] {
                ReviewUnit u;
                u.org_path = path_of(row.text(0));
                u.grade = grade_of(row.text(1));
                u.note = row.text(2);
                u.decided_at = row.text(3);
                u.decided_by = row.text(4);
                u.campaign_id = row.number(0);
                u.org_id = OrgId(row.number(1));
                u.parent_id = OrgId(row.number(2));
                u.score = number_or_null(row, 3);
                u.tasks_on_time_pct = number_or_null(row, 4);
                u.tasks_exceeded_pct = number_or_null(row, 5);
                u.tasks_late_pct = number_or_null(row, 6);
                u.version = row.number(7);
                found.push_back(std::move(u));
              });
  return found;
}

std::optional<ReviewUnit> SqlReviewRepository::find_unit(int64_t campaign, OrgId org) {
  Bindings bindings;
  auto found = select_units(
      "campaign_id = " + bindings.number(campaign) + " AND org_id = " + bindings.number(org.value),
      bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<ReviewUnit> SqlReviewRepository::child_units(int64_t campaign, OrgId parent) {
  Bindings bindings;
  return select_units("campaign_id = " + bindings.number(campaign) + " AND parent_id = " +
                          bindings.number(parent.value) + " ORDER BY org_path",
                      bindings);
}

int64_t SqlReviewRepository::ungraded_children(int64_t campaign, OrgId parent) {
  Bindings bindings;
  RowReader row(0, 1);
  int64_t count = 0;
  select_rows(session_,
              "SELECT COUNT(*) FROM review_units WHERE campaign_id = " + bindings.number(campaign) +
                  " AND parent_id = " + bindings.number(parent.value) + " AND grade IS NULL",
              bindings, row, [&] { count = row.number(0); });
  return count;
}

bool SqlReviewRepository::update_unit(const ReviewUnit& u) {
  RowValues values;
  values.text("grade", grade_text(u.grade))
      .text("score", optional_number(u.score))
      .text("tasks_on_time_pct", optional_number(u.tasks_on_time_pct))
      .text("tasks_exceeded_pct", optional_number(u.tasks_exceeded_pct))
      .text("tasks_late_pct", optional_number(u.tasks_late_pct))
      .text("note", u.note)
      .text("decided_at", u.decided_at)
      .text("decided_by", u.decided_by)
      .number("version", u.version + 1);
  Bindings where;
  return update_rows(session_, "review_units", values,
                     "campaign_id = " + where.number(u.campaign_id) + " AND org_id = " +
                         where.number(u.org_id.value) + " AND version = " + where.number(u.version),
                     where) == 1;
}

// ---- members' reviews --------------------------------------------------------------------------

std::vector<MemberReview> SqlReviewRepository::select_member_reviews(const std::string& where,
                                                                     Bindings& bindings) {
  std::vector<MemberReview> found;
  RowReader row(14, 13);
  select_rows(session_,
              "SELECT r.org_path, r.self_grade, r.self_text, r.self_at, r.cell_grade, "
              "r.cell_comment, r.cell_at, r.grade, r.grade_rules, r.decided_at, r.decided_by, "
              "r.superior_action, r.superior_reason, r.updated_at, r.id, r.campaign_id, c.year, "
              "r.member_id, r.org_id, r.group_org_id, r.self_score, r.votes_for, "
              "r.votes_against, r.votes_entitled, r.score, r.disciplined, r.version "
              "FROM review_members r JOIN "
              "review_campaigns c ON c.id = r.campaign_id WHERE " +
                  where,
              bindings, row, [&] {
                MemberReview m;
                m.org_path = path_of(row.text(0));
                m.self_grade = grade_of(row.text(1));
                m.self_text = row.text(2);
                m.self_at = row.text(3);
                m.cell_grade = grade_of(row.text(4));
                m.cell_comment = row.text(5);
                m.cell_at = row.text(6);
                m.grade = grade_of(row.text(7));
                m.grade_rules = row.text(8);
                m.decided_at = row.text(9);
                m.decided_by = row.text(10);
                m.superior_action = row.text(11);
                m.superior_reason = row.text(12);
                m.updated_at = row.text(13);
                m.id = row.number(0);
                m.campaign_id = row.number(1);
                m.year = static_cast<int>(row.number(2));
                m.member_id = MemberId(row.number(3));
                m.org_id = OrgId(row.number(4));
                m.group_org_id = OrgId(row.number(5));
                m.self_score = number_or_null(row, 6);
                m.votes_for = static_cast<int>(row.number(7));
                m.votes_against = static_cast<int>(row.number(8));
                m.votes_entitled = static_cast<int>(row.number(9));
                m.score = number_or_null(row, 10);
                m.disciplined = row.number(11) != 0;
                m.version = row.number(12);
                found.push_back(std::move(m));
              });
  return found;
}

std::optional<MemberReview> SqlReviewRepository::find_member_review(int64_t campaign,
                                                                    MemberId member) {
  Bindings bindings;
  auto found = select_member_reviews("r.campaign_id = " + bindings.number(campaign) +
                                         " AND r.member_id = " + bindings.number(member.value),
                                     bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<MemberReview> SqlReviewRepository::member_reviews_in(int64_t campaign, OrgId org) {
  Bindings bindings;
  return select_member_reviews("r.campaign_id = " + bindings.number(campaign) +
                                   " AND r.org_id = " + bindings.number(org.value),
                               bindings);
}

std::vector<MemberReview> SqlReviewRepository::reviews_of_member(MemberId member) {
  Bindings bindings;
  return select_member_reviews(
      "r.member_id = " + bindings.number(member.value) + " ORDER BY c.year, r.id", bindings);
}

namespace review_rows {

void member_review_values(RowValues& values, const MemberReview& m) {
  values.text("self_score", optional_number(m.self_score))
      .text("self_grade", grade_text(m.self_grade))
      .text("self_text", m.self_text)
      .text("self_at", m.self_at)
      .text("cell_grade", grade_text(m.cell_grade))
      .text("cell_comment", m.cell_comment)
      .text("votes_for", m.cell_at.empty() ? "" : std::to_string(m.votes_for))
      .text("votes_against", m.cell_at.empty() ? "" : std::to_string(m.votes_against))
      .text("votes_entitled", m.cell_at.empty() ? "" : std::to_string(m.votes_entitled))
      .text("cell_at", m.cell_at)
      .text("grade", grade_text(m.grade))
      .text("score", optional_number(m.score))
      .number("disciplined", m.disciplined ? 1 : 0)
      .text("grade_rules", m.grade_rules)
      .text("decided_at", m.decided_at)
      .text("decided_by", m.decided_by)
      .text("superior_action", m.superior_action)
      .text("superior_reason", m.superior_reason)
      .text("updated_at", m.updated_at);
}

}  // namespace review_rows

void SqlReviewRepository::insert_member_review(MemberReview& m) {
  RowValues values;
  values.number("campaign_id", m.campaign_id)
      .number("member_id", m.member_id.value)
      .number("org_id", m.org_id.value)
      .text("org_path", m.org_path.str())
      .number("group_org_id", m.group_org_id.value)
      .number("version", 1);
  member_review_values(values, m);
  m.id = insert_returning_id(session_, "review_members", values);
  m.version = 1;
}

bool SqlReviewRepository::update_member_review(const MemberReview& m) {
  RowValues values;
  member_review_values(values, m);
  values.number("version", m.version + 1);
  Bindings where;
  return update_rows(session_, "review_members", values,
                     "id = " + where.number(m.id) + " AND version = " + where.number(m.version),
                     where) == 1;
}

domain::review::QuotaCount SqlReviewRepository::group_count(int64_t campaign, OrgId group) {
  domain::review::QuotaCount count;
  Bindings bindings;
  RowReader row(1, 1);
  select_rows(session_,
              "SELECT grade, COUNT(*) FROM review_members WHERE campaign_id = " +
                  bindings.number(campaign) +
                  " AND group_org_id = " + bindings.number(group.value) +
                  " AND grade IN ('good', 'excellent') GROUP BY grade",
              bindings, row, [&] {
                if (row.text(0) == "excellent") count.excellent += row.number(0);
                count.good_or_above += row.number(0);
              });
  return count;
}

// ---- counts ------------------------------------------------------------------------------------

void SqlReviewRepository::adjust_counts(int64_t campaign,
                                        const std::map<OrgId, GradeCounts>& deltas) {
  std::vector<std::pair<OrgId, GradeCounts>> rows;
  for (const auto& [org, delta] : deltas) {
    if (!delta.empty()) rows.emplace_back(org, delta);
  }
  std::string columns, updates;
  for (const char* column : kCountColumns) {
    columns += std::string(", ") + column;
    updates += std::string(updates.empty() ? "" : ", ") + column + " = review_counts." + column +
               " + excluded." + column;
  }
  for (size_t from = 0; from < rows.size(); from += kCountBatch) {
    const size_t to = std::min(rows.size(), from + kCountBatch);
    // Only integers: written inline (they cannot carry SQL).
    std::string sql = "INSERT INTO review_counts (campaign_id, org_id" + columns + ") VALUES ";
    for (size_t i = from; i < to; ++i) {
      sql += (i == from ? "(" : ", (") + std::to_string(campaign) + ", " +
             std::to_string(rows[i].first.value);
      for (int rank = 1; rank <= 4; ++rank)
        sql += ", " + std::to_string(rows[i].second.members[rank]);
      for (int rank = 1; rank <= 4; ++rank) sql += ", " + std::to_string(rows[i].second.orgs[rank]);
      sql += ")";
    }
    sql += " ON CONFLICT (campaign_id, org_id) DO UPDATE SET " + updates;
    soci::statement statement(session_);
    prepare_unnamed(statement, sql);
    statement.execute(true);
  }
}

GradeCounts SqlReviewRepository::counts(int64_t campaign, OrgId org) {
  std::map<OrgId, GradeCounts> found = counts_of(campaign, {org});
  return found[org];
}

std::map<OrgId, GradeCounts> SqlReviewRepository::counts_of(int64_t campaign,
                                                            const std::vector<OrgId>& orgs) {
  std::map<OrgId, GradeCounts> found;
  if (orgs.empty()) return found;
  std::string columns;
  for (const char* column : kCountColumns) columns += std::string(", ") + column;
  std::vector<long long> ids;
  for (OrgId org : orgs) {
    found.emplace(org, GradeCounts{});
    ids.push_back(org.value);
  }
  Bindings bindings;
  RowReader row(0, 9);
  select_rows(session_,
              "SELECT org_id" + columns + " FROM review_counts WHERE campaign_id = " +
                  bindings.number(campaign) + " AND org_id IN " + bindings.number_list(ids),
              bindings, row, [&] {
                GradeCounts& counts = found[OrgId(row.number(0))];
                for (int rank = 1; rank <= 4; ++rank) {
                  counts.members[rank] = row.number(rank);
                  counts.orgs[rank] = row.number(rank + 4);
                }
              });
  return found;
}

// ---- closing ----------------------------------------------------------------------------------

bool SqlReviewRepository::update_campaign_state(const ReviewCampaign& c) {
  RowValues values;
  values.text("state", c.state).text("updated_at", c.updated_at).number("version", c.version + 1);
  Bindings where;
  return update_rows(session_, "review_campaigns", values,
                     "id = " + where.number(c.id) + " AND version = " + where.number(c.version),
                     where) == 1;
}

std::vector<MemberId> SqlReviewRepository::undecided_members(
    int64_t campaign, const OrgPath& subtree, const std::vector<std::string>& statuses) {
  std::vector<MemberId> ids;
  if (statuses.empty()) return ids;
  Bindings bindings;
  RowReader row(0, 1);
  const std::string sql =
      "SELECT m.id FROM members m WHERE " + subtree_condition("m.org_path", subtree, bindings) +
      " AND m.status IN " + bindings.text_list(statuses) +
      " AND NOT EXISTS (SELECT 1 FROM review_members r WHERE r.campaign_id = " +
      bindings.number(campaign) +
      " AND r.member_id = m.id AND r.grade IS NOT NULL AND r.grade <> '') ORDER BY m.id";
  select_rows(session_, sql, bindings, row, [&] { ids.push_back(MemberId(row.number(0))); });
  return ids;
}

}  // namespace chibo::storage
