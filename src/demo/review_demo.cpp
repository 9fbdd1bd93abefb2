#include "demo/review_demo.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>

#include "domain/review/eligibility.h"
#include "domain/review/grade.h"
#include "domain/review/quota.h"
#include "storage/sql/engine/row_values.h"
#include "storage/sql/tools/table_rows.h"

namespace chibo::demo {

// Named, not anonymous: the unity build joins this file with the other demo parts.
namespace review_demo {

using domain::review::Grade;

constexpr const char* kReviewActor = "demo";
// A grade with the realistic spread of a year (excellent is later held to the quota).
Grade draw_grade(Rng& rng, double excellent, double good, double completed) {
  const double roll = rng.real();
  if (roll < excellent) return Grade::kExcellent;
  if (roll < excellent + good) return Grade::kGood;
  if (roll < excellent + good + completed) return Grade::kCompleted;
  return Grade::kNotCompleted;
}

// A score (tenths) inside the grade's band.
int score_in(Rng& rng, Grade grade) {
  switch (grade) {
    case Grade::kExcellent:
      return static_cast<int>(rng.between(900, 980));
    case Grade::kGood:
      return static_cast<int>(rng.between(700, 895));
    case Grade::kCompleted:
      return static_cast<int>(rng.between(500, 695));
    default:
      return static_cast<int>(rng.between(300, 495));
  }
}

// Holds each group to the quota: excellent grades beyond it become good (scores lowered).
template <class Item>
void hold_to_quota(std::map<int64_t, std::vector<Item*>>& groups, Date on,
                   const domain::RuleSet& rules) {
  for (auto& [group, items] : groups) {
    domain::review::QuotaCount count;
    for (const Item* item : items) domain::review::count_grade(count, item->grade);
    const domain::review::QuotaAnswer answer = domain::review::check_quota(count, on, rules);
    int64_t keep = answer.allowed;
    for (Item* item : items) {
      if (item->grade != Grade::kExcellent) continue;
      if (keep > 0) {
        --keep;
        continue;
      }
      item->grade = Grade::kGood;
      item->score = std::min(item->score - 50, 895);
    }
  }
}

const char* const kLimitations[] = {
    "Chưa chủ động nghiên cứu, quán triệt nghị quyết của cấp trên.",
    "Tham gia sinh hoạt chi bộ chưa đầy đủ.",
    "Tinh thần tự phê bình và phê bình chưa cao.",
    "Chưa hoàn thành đúng hạn một số nhiệm vụ chuyên môn.",
    "Chưa thường xuyên giữ mối liên hệ với chi ủy nơi cư trú.",
};
const char* const kActions[] = {
    "Xây dựng kế hoạch tự học, báo cáo chi bộ hằng quý.",
    "Tham gia đầy đủ sinh hoạt định kỳ, báo cáo lý do khi vắng.",
    "Đăng ký nội dung khắc phục trong kế hoạch rèn luyện cá nhân.",
    "Rà soát tiến độ công việc hằng tháng với lãnh đạo đơn vị.",
    "Liên hệ chi ủy nơi cư trú mỗi quý, có nhận xét bằng văn bản.",
};
const char* const kOrgFaults[] = {
    "Nội dung sinh hoạt chuyên đề chưa phong phú.",
    "Việc kiểm tra, giám sát đảng viên chưa thường xuyên.",
    "Chất lượng sinh hoạt chi bộ chưa đồng đều.",
};

}  // namespace review_demo

using namespace review_demo;

ReviewDemo::ReviewDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed,
                       Date today, std::string now)
    : catalog_(catalog),
      rules_(rules),
      rng_(seed ^ 0x5245564945574445ULL),
      today_(today),
      now_(std::move(now)) {}

void ReviewDemo::org_added(const domain::Organization& org, bool in_bloc) {
  // At national scale the nation's root is not the bloc's: the campaign is the bloc committee's.
  if (!in_bloc || !org.active() || org.kind == "party_central") return;
  OrgEntry entry;
  entry.id = org.id.value;
  entry.parent_id = org.parent_id.value;
  entry.path = org.path.str();
  entry.kind = org.kind;
  const domain::OrgKind* kind = catalog_.org_kind(org.kind);
  entry.is_base = kind && kind->is_base;
  org_index_[entry.id] = orgs_.size();
  orgs_.push_back(std::move(entry));
}

void ReviewDemo::member_written(const domain::Member& member, bool in_bloc) {
  if (!in_bloc) return;
  const domain::MemberStatusInfo* status = catalog_.member_status(member.status);
  if (!status || !status->on_roll) return;
  members_.push_back({member.id.value, member.org_id.value, member.org_path.str(), member.status,
                      member.admission_date, member.full_name});
}

void ReviewDemo::write(soci::session& session) {
  if (orgs_.empty()) return;
  const int year = today_.year() - 1;
  const Date review_date = *Date::from_ymd(year, 12, 15);
  if (!domain::review::grade_for({}, review_date, rules_)) return;  // no scale in force then
  // The campaign, at the bloc's committee (the first organization of the bloc).
  const OrgEntry& root = orgs_.front();
  storage::RowValues campaign;
  campaign.number("org_id", root.id)
      .text("org_path", root.path)
      .number("year", year)
      .date("review_date", review_date)
      .text("title", "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm " +
                         std::to_string(year))
      .text("state", "open")
      .number("units", static_cast<long long>(orgs_.size()))
      .number("fanout_total", static_cast<long long>(orgs_.size()))
      .number("version", 1)
      .text("created_at", now_)
      .text("created_by", kReviewActor)
      .text("updated_at", now_);
  const long long campaign_id = storage::insert_returning_id(session, "review_campaigns", campaign);
  ++report_.campaigns;
  const std::string decided_at = review_date.add_days(10).iso() + "T03:00:00Z";
  const int root_depth = OrgPath::parse(root.path)->depth();

  // Subtree counts, per organization: members then organizations, by grade rank.
  std::unordered_map<int64_t, std::array<long long, 8>> counts;
  auto count_along = [&](const std::string& path, Grade grade, bool org) {
    const std::vector<OrgId> ids = OrgPath::parse(path)->ids();
    for (size_t i = static_cast<size_t>(root_depth - 1); i < ids.size(); ++i)
      ++counts[ids[i].value][(org ? 4 : 0) + domain::review::grade_rank(grade) - 1];
  };

  // Organizations: graded by their superior, within the quota among siblings.
  struct Graded {
    size_t index;
    Grade grade;
    int score;
  };
  std::vector<Graded> org_grades;
  org_grades.reserve(orgs_.size());
  for (size_t i = 0; i < orgs_.size(); ++i) {
    const Grade grade = draw_grade(rng_, 0.15, 0.70, 0.13);
    org_grades.push_back({i, grade, score_in(rng_, grade)});
  }
  {
    std::map<int64_t, std::vector<Graded*>> siblings;
    for (Graded& g : org_grades) siblings[orgs_[g.index].parent_id].push_back(&g);
    hold_to_quota(siblings, review_date, rules_);
  }
  storage::TableRows units(
      session, "review_units",
      {"campaign_id", "org_id", "org_path", "parent_id", "grade", "score", "tasks_on_time_pct",
       "tasks_exceeded_pct", "tasks_late_pct", "note", "decided_at", "decided_by", "version"});
  for (const Graded& g : org_grades) {
    const OrgEntry& org = orgs_[g.index];
    units.number(campaign_id)
        .number(org.id)
        .text_or_null(org.path)
        .number(org.parent_id)
        .text_or_null(std::string(domain::review::grade_code(g.grade)))
        .number(g.score)
        .number(g.grade >= Grade::kGood ? 100 : rng_.between(80, 99))
        .number(g.grade == Grade::kExcellent ? rng_.between(30, 60) : rng_.between(0, 29))
        .number(g.grade == Grade::kNotCompleted ? rng_.between(21, 40) : rng_.between(0, 20))
        .null()
        .text_or_null(decided_at)
        .text_or_null(kReviewActor)
        .number(2)
        .end_row();
    count_along(org.path, g.grade, true);
    ++report_.units;
  }
  units.flush();

  // Members: reviewed unless exempted or admitted less than six months before the review date.
  struct MemberGrade {
    const MemberEntry* member;
    int64_t group;
    Grade grade;
    int score;
  };
  std::vector<MemberGrade> grades;
  grades.reserve(members_.size());
  for (const MemberEntry& member : members_) {
    if (member.admission_date && *member.admission_date > review_date) continue;  // joined later
    domain::review::EligibilityFacts facts;
    facts.status = member.status;
    facts.admission_date = member.admission_date;
    if (!domain::review::eligibility(facts, review_date, rules_).reviewed) continue;
    // The quota group: the nearest base organization on the member's path.
    int64_t group = member.org_id;
    const std::vector<OrgId> ids = OrgPath::parse(member.org_path)->ids();
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
      auto found = org_index_.find(it->value);
      if (found != org_index_.end() && orgs_[found->second].is_base) {
        group = it->value;
        break;
      }
    }
    const Grade grade = draw_grade(rng_, 0.16, 0.72, 0.105);
    grades.push_back({&member, group, grade, score_in(rng_, grade)});
  }
  {
    std::map<int64_t, std::vector<MemberGrade*>> groups;
    for (MemberGrade& g : grades) groups[g.group].push_back(&g);
    hold_to_quota(groups, review_date, rules_);
  }
  storage::TableRows rows(
      session, "review_members",
      {"campaign_id",   "member_id",      "org_id",     "org_path",   "group_org_id", "self_score",
       "self_grade",    "self_text",      "self_at",    "cell_grade", "cell_comment", "votes_for",
       "votes_against", "votes_entitled", "cell_at",    "grade",      "score",        "disciplined",
       "grade_rules",   "decided_at",     "decided_by", "version",    "updated_at"});
  const std::string self_at = review_date.add_days(-20).iso() + "T02:00:00Z";
  const std::string cell_at = review_date.add_days(-7).iso() + "T08:00:00Z";
  for (const MemberGrade& g : grades) {
    const std::string code(domain::review::grade_code(g.grade));
    const int self_score = std::min(1000, g.score + static_cast<int>(rng_.between(0, 30)));
    const std::optional<domain::review::GradeAnswer> band =
        domain::review::grade_for({.score_tenths = self_score}, review_date, rules_);
    const long long entitled = rng_.between(8, 30);
    const long long against = rng_.chance(0.1) ? rng_.between(1, 2) : 0;
    std::string applied = code == "excellent" ? "review.excellent_min_score_tenths=900; "
                                                "review.excellent_quota_pct=20"
                          : code == "good"    ? "review.good_min_score_tenths=700"
                                              : "review.completed_min_score_tenths=500";
    rows.number(campaign_id)
        .number(g.member->id)
        .number(g.member->org_id)
        .text_or_null(g.member->org_path)
        .number(g.group)
        .number(self_score)
        .text_or_null(std::string(domain::review::grade_code(band ? band->grade : g.grade)))
        .text_or_null("Bản tự kiểm điểm năm " + std::to_string(year) + " của " +
                      g.member->full_name + ".")
        .text_or_null(self_at)
        .text_or_null(code)
        .text_or_null("Chi bộ nhận xét, đề xuất mức xếp loại.")
        .number(entitled - against - (rng_.chance(0.2) ? 1 : 0))
        .number(against)
        .number(entitled)
        .text_or_null(cell_at)
        .text_or_null(code)
        .number(g.score)
        .number(0)
        .text_or_null(applied)
        .text_or_null(decided_at)
        .text_or_null(kReviewActor)
        .number(3)
        .text_or_null(decided_at)
        .end_row();
    count_along(g.member->org_path, g.grade, false);
    ++report_.member_reviews;
    if (g.grade == Grade::kExcellent) ++report_.excellent;
    if (g.grade == Grade::kNotCompleted) ++report_.not_completed;
  }
  rows.flush();

  storage::TableRows count_rows(
      session, "review_counts",
      {"campaign_id", "org_id", "m_not_completed", "m_completed", "m_good", "m_excellent",
       "o_not_completed", "o_completed", "o_good", "o_excellent"});
  for (const auto& [org, c] : counts) {
    count_rows.number(campaign_id).number(org);
    for (long long value : c) count_rows.number(value);
    count_rows.end_row();
  }
  count_rows.flush();

  // Shortcomings: about one member in twelve and one organization in five; most fixed by now,
  // the rest open, some of those past their due date.
  storage::TableRows items(session, "remediation_items",
                           {"source", "campaign_id", "year", "member_id", "org_id", "org_path",
                            "kind", "description", "action", "owner", "due_on", "evidence", "state",
                            "closed_on", "version", "created_at", "created_by", "updated_at"});
  auto add_item = [&](const MemberEntry* member, const OrgEntry& org, const std::string& text,
                      const std::string& action, const std::string& owner) {
    const Date due = review_date.add_days(static_cast<int32_t>(rng_.between(60, 330)));
    const bool closed = due < today_ ? rng_.chance(0.8) : rng_.chance(0.3);
    const Date closed_on =
        std::min(today_, due.add_days(-static_cast<int32_t>(rng_.between(0, 40))));
    items.text_or_null("review").number(campaign_id).number(year);
    if (member) {
      items.number(member->id);
    } else {
      items.null();
    }
    items.number(org.id)
        .text_or_null(member ? member->org_path : org.path)
        .text_or_null(rng_.chance(0.7) ? "limitation" : "fault")
        .text_or_null(text)
        .text_or_null(action)
        .text_or_null(owner)
        .text_or_null(due.iso())
        .text_or_null(closed ? "Đã khắc phục, chi bộ ghi nhận trong biên bản sinh hoạt." : "")
        .text_or_null(closed ? "closed" : "open")
        .text_or_null(closed ? closed_on.iso() : "")
        .number(closed ? 2 : 1)
        .text_or_null(decided_at)
        .text_or_null(kReviewActor)
        .text_or_null(closed ? closed_on.iso() + "T09:00:00Z" : decided_at)
        .end_row();
    ++report_.shortcomings;
    if (!closed) ++report_.shortcomings_open;
  };
  for (const MemberGrade& g : grades) {
    if (!rng_.chance(g.grade <= Grade::kCompleted ? 0.6 : 0.06)) continue;
    auto found = org_index_.find(g.member->org_id);
    if (found == org_index_.end()) continue;
    const size_t pick = rng_.below(std::size(kLimitations));
    add_item(g.member, orgs_[found->second], kLimitations[pick], kActions[pick],
             g.member->full_name);
  }
  for (const OrgEntry& org : orgs_) {
    if (!rng_.chance(0.2)) continue;
    add_item(nullptr, org, kOrgFaults[rng_.below(std::size(kOrgFaults))],
             "Chi ủy, cấp ủy xây dựng kế hoạch khắc phục, báo cáo cấp trên.", "Bí thư");
  }
  items.flush();
  // New rows show their row id (storage/sql/remediation).
  session << "UPDATE remediation_items SET source_item_id = id WHERE source_item_id IS NULL";
}

}  // namespace chibo::demo
