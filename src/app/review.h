// Use cases of the annual review and classification (issue 15; rules-reference §7): a campaign
// per year opened by a committee for its subtree and fanned out to every organization; per
// member the self-assessment, the cell's comment and proposal, the competent committee's
// decision (the score's band and the quota per group checked), the superior's annulment or
// re-grade; organizations' grades (lower before upper); shortcomings with their remediation
// tracked until closed; a member's grades of every year; results per subtree by grade.
// Reading needs review.read over the object's path (a member reads their own reviews), the
// cell's steps and shortcomings review.write, the committees' decisions review.decide.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/review/eligibility.h"
#include "domain/review/grade.h"
#include "domain/review/quota.h"
#include "domain/review/screening.h"

namespace chibo::app {

struct CampaignRequest {
  OrgId org_id;
  int year = 0;
  Date review_date;
  std::string title;
};

struct SelfAssessmentRequest {
  MemberId member_id;
  int score = 0;  // tenths
  Grade grade = Grade::kNotCompleted;
  std::string text;
};

struct ProposalRequest {
  MemberId member_id;
  Grade grade = Grade::kNotCompleted;
  std::string comment;
  domain::Vote vote;
};

struct DecisionItem {
  MemberId member_id;
  int score = 0;  // tenths
  Grade grade = Grade::kNotCompleted;
  bool disciplined_in_year = false;  // stated by the committee (also read from the record)
};

struct SuperiorReviewRequest {
  MemberId member_id;
  std::string action;  // "annul", "regrade"
  std::optional<Grade> grade;
  std::optional<int> score;
  std::string reason;
};

struct OrgGradeRequest {
  OrgId org_id;
  int score = 0;
  Grade grade = Grade::kNotCompleted;
  std::optional<int> tasks_on_time_pct;
  std::optional<int> tasks_exceeded_pct;
  std::optional<int> tasks_late_pct;
  bool subordinate_disciplined = false;
  std::string note;
};

struct ShortcomingRequest {
  int64_t campaign_id = 0;
  std::optional<MemberId> member_id;
  std::optional<OrgId> org_id;
  std::string kind;
  std::string description;
  std::string action;
  std::string owner;
  Date due_on;
};

struct CloseShortcomingRequest {
  int64_t id = 0;
  int64_t version = 0;
  std::string evidence;
  Date closed_on;
};

struct ShortcomingLine {
  Shortcoming item;
  std::string subject_name;  // the member's, or the organization's
  bool overdue = false;
};

struct UnitLine {
  ReviewUnit unit;
  std::string name;
  std::string kind;
};

struct MemberLine {
  MemberId member_id;
  std::string full_name;
  std::string status;
  domain::review::Eligibility eligibility;
  bool is_head = false;
  std::optional<MemberReview> review;
  std::vector<ShortcomingLine> last_year;  // last year's shortcomings and whether fixed
};

struct QuotaView {
  OrgId group_org_id;
  domain::review::QuotaAnswer answer;
};

struct CampaignView {
  ReviewCampaign campaign;
  std::string campaign_org_name;
  Organization org;  // the organization shown (the campaign's own by default)
  std::optional<ReviewUnit> unit;
  GradeCounts counts;  // decided grades in the organization's whole subtree
  std::vector<UnitLine> children;
  std::vector<MemberLine> members;  // when the organization holds members
  std::optional<QuotaView> quota;   // the group its members' grades count in
  bool may_write = false;
  bool may_decide = false;
};

struct MemberYear {
  MemberReview review;
  std::string campaign_title;
  std::vector<ShortcomingLine> shortcomings;
};

struct MemberReviews {
  MemberId member_id;
  std::string full_name;
  std::vector<MemberYear> years;              // oldest first
  domain::review::ScreeningAnswer screening;  // after the latest decided year
  int screening_year = 0;
};

struct ShortcomingQuery {
  OrgId org_id;
  std::string state;  // "", "open", "closed"
  bool overdue = false;
  std::optional<MemberId> member_id;
  std::optional<int> year;
  int limit = 200;
};

Result<CampaignView> open_review_campaign(Context& ctx, const CampaignRequest& request);
Result<std::vector<ReviewCampaign>> list_review_campaigns(Context& ctx, OrgId org);
Result<CampaignView> get_review_campaign(Context& ctx, int64_t id, std::optional<OrgId> org);
Result<MemberLine> record_self_assessment(Context& ctx, int64_t campaign,
                                          const SelfAssessmentRequest& request);
Result<MemberLine> record_cell_proposal(Context& ctx, int64_t campaign,
                                        const ProposalRequest& request);
Result<std::vector<MemberLine>> decide_review_grades(Context& ctx, int64_t campaign,
                                                     const std::vector<DecisionItem>& items);
Result<MemberLine> superior_review(Context& ctx, int64_t campaign,
                                   const SuperiorReviewRequest& request);
Result<CampaignView> grade_review_org(Context& ctx, int64_t campaign,
                                      const OrgGradeRequest& request);
Result<MemberReviews> get_member_reviews(Context& ctx, MemberId member);
Result<ShortcomingLine> record_shortcoming(Context& ctx, const ShortcomingRequest& request);
Result<ShortcomingLine> close_shortcoming(Context& ctx, const CloseShortcomingRequest& request);
Result<std::vector<ShortcomingLine>> list_shortcomings(Context& ctx, const ShortcomingQuery& query);

// Closing a campaign (review.decide over its organization): refused while members on the roll
// of its subtree are undecided, except those not reviewed (exempted, suspended, admitted
// recently); a closed campaign refuses further steps (409) and its shortcomings carry on.
struct CloseCampaignRequest {
  int64_t id = 0;
  int64_t version = 0;
};
Result<CampaignView> close_review_campaign(Context& ctx, const CloseCampaignRequest& request);

// The grade summary of an organization's subtree as a workbook (review.read over it): a row per
// child organization with its members' decided grades and shares, then the totals; audited.
struct ReviewSummaryFile {
  std::string file_name;
  std::string content;
};
Result<ReviewSummaryFile> export_review_summary(Context& ctx, int64_t id, std::optional<OrgId> org);

}  // namespace chibo::app
