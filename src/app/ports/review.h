// What the review use cases (issue 15) need from storage, inside the transactions of
// app/ports/store.h. Eligibility and the grades' bands are never stored: they follow from the
// member's facts and the rules in force on the campaign's review date (domain/review).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/remediation.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/review/grade.h"
#include "domain/review/quota.h"

namespace chibo::app {

using domain::review::Grade;

struct ReviewCampaign {
  int64_t id = 0;
  OrgId org_id;
  OrgPath org_path;
  int year = 0;
  Date review_date;
  std::string title;
  std::string state;  // "open", "closed"
  int64_t units = 0;  // organizations it was fanned out to (so far, while fanning out)
  // The fan-out (issue 15): "done" once every unit is written, "running" while the background
  // job (app/review_fanout.h) writes them in path order; fanout_total: the organizations to
  // write (known at the opening; the exact count when done); the cursor: the last path written.
  std::string fanout_state = "done";
  int64_t fanout_total = 0;
  std::string fanout_cursor;
  int64_t fanout_batches = 0;
  std::string fanout_finished_at;
  int64_t version = 0;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
};

// An organization's place in a campaign and its collective grade.
struct ReviewUnit {
  int64_t campaign_id = 0;
  OrgId org_id;
  OrgPath org_path;
  OrgId parent_id;
  std::optional<Grade> grade;
  std::optional<int> score;  // tenths of a point
  std::optional<int> tasks_on_time_pct;
  std::optional<int> tasks_exceeded_pct;
  std::optional<int> tasks_late_pct;
  std::string note;
  std::string decided_at;
  std::string decided_by;
  int64_t version = 0;
};

struct MemberReview {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int year = 0;  // the campaign's (read only)
  MemberId member_id;
  OrgId org_id;
  OrgPath org_path;
  OrgId group_org_id;  // the quota group: the base organization deciding
  std::optional<int> self_score;
  std::optional<Grade> self_grade;
  std::string self_text;
  std::string self_at;
  std::optional<Grade> cell_grade;
  std::string cell_comment;
  int votes_for = 0;
  int votes_against = 0;
  int votes_entitled = 0;
  std::string cell_at;
  std::optional<Grade> grade;  // the competent committee's decision (or the superior's)
  std::optional<int> score;
  bool disciplined = false;
  std::string grade_rules;  // "key=value; ..." the decision applied
  std::string decided_at;
  std::string decided_by;
  std::string superior_action;  // "", "annulled", "regraded"
  std::string superior_reason;
  int64_t version = 0;
  std::string updated_at;
};

// Decided grades in an organization's whole subtree, indexed by grade rank (1..4; 0 unused).
struct GradeCounts {
  std::array<int64_t, 5> members{};
  std::array<int64_t, 5> orgs{};
  bool empty() const {
    for (int i = 1; i <= 4; ++i)
      if (members[i] || orgs[i]) return false;
    return true;
  }
};

// A review's shortcoming (hạn chế, khuyết điểm): an item of the remediation table, source
// "review" (app/ports/remediation.h).
using Shortcoming = RemediationItem;

class ReviewRepository {
 public:
  virtual ~ReviewRepository() = default;
  virtual std::optional<ReviewCampaign> find_campaign(int64_t id) = 0;
  // A campaign of `year` opened at the organization of `path`, above it or below it.
  virtual bool campaign_overlaps(const OrgPath& path, int year) = 0;
  // Campaigns opened at `path` or above it (they cover the organization), newest year first.
  virtual std::vector<ReviewCampaign> campaigns_covering(const OrgPath& path) = 0;
  virtual void insert_campaign(ReviewCampaign& campaign) = 0;
  // One unit per active organization of the campaign's subtree (one statement); the count.
  virtual int64_t fan_out(const ReviewCampaign& campaign) = 0;
  // The active organizations of the subtree at `path` (what a campaign there fans out to).
  virtual int64_t fanout_targets(const OrgPath& path) = 0;
  // The background fan-out's batch: units for the next `limit` active organizations of the
  // campaign's subtree after its cursor, in path order (one statement); sets `last_path` to
  // the last one written and returns how many (0: none left).
  virtual int64_t fan_out_batch(const ReviewCampaign& campaign, int limit,
                                std::string& last_path) = 0;
  // Saves units and the fan-out columns when fanout_batches is still `before_batches`.
  virtual bool update_campaign_fanout(const ReviewCampaign& campaign, int64_t before_batches) = 0;

  virtual std::optional<ReviewUnit> find_unit(int64_t campaign, OrgId org) = 0;
  virtual std::vector<ReviewUnit> child_units(int64_t campaign, OrgId parent) = 0;
  virtual int64_t ungraded_children(int64_t campaign, OrgId parent) = 0;
  virtual bool update_unit(const ReviewUnit& unit) = 0;  // version check; bumps it

  virtual std::optional<MemberReview> find_member_review(int64_t campaign, MemberId member) = 0;
  virtual std::vector<MemberReview> member_reviews_in(int64_t campaign, OrgId org) = 0;
  // Every campaign's review of the member, oldest year first.
  virtual std::vector<MemberReview> reviews_of_member(MemberId member) = 0;
  virtual void insert_member_review(MemberReview& review) = 0;
  virtual bool update_member_review(const MemberReview& review) = 0;  // version check; bumps it
  virtual domain::review::QuotaCount group_count(int64_t campaign, OrgId group) = 0;

  // Adds the deltas (per organization) to the subtree counts.
  virtual void adjust_counts(int64_t campaign, const std::map<OrgId, GradeCounts>& deltas) = 0;
  virtual GradeCounts counts(int64_t campaign, OrgId org) = 0;
  // The counts of each of `orgs` in one statement (a summary's children); zero counts for one
  // without a row.
  virtual std::map<OrgId, GradeCounts> counts_of(int64_t campaign,
                                                 const std::vector<OrgId>& orgs) = 0;

  // Closing (issue 15): the state with a version check (bumps it), and the members of
  // `statuses` in the subtree whose review in the campaign has no decided grade.
  virtual bool update_campaign_state(const ReviewCampaign& campaign) = 0;
  virtual std::vector<MemberId> undecided_members(int64_t campaign, const OrgPath& subtree,
                                                  const std::vector<std::string>& statuses) = 0;
};

}  // namespace chibo::app
