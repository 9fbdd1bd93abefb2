#include "app/review.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/access_control.h"
#include "app/discipline.h"
#include "app/review_fanout.h"
#include "domain/remediation/item.h"
#include "domain/review/order.h"
#include "domain/review/summary.h"
#include "io/xlsx/xlsx_writer.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace review_detail {

using domain::Permission;
using domain::review::AppliedRule;
using domain::review::EligibilityFacts;
using domain::review::GradeAnswer;
using domain::review::GradeFacts;
using domain::review::QuotaAnswer;
using domain::review::QuotaCount;

std::string code_of(Grade grade) { return std::string(domain::review::grade_code(grade)); }

Params rule_params(const AppliedRule& rule) {
  return {{"rule", rule.key}, {"value", std::to_string(rule.value)}, {"source", rule.source}};
}

std::string rules_text(const std::vector<AppliedRule>& rules) {
  std::string text;
  for (const AppliedRule& rule : rules) {
    if (!text.empty()) text += "; ";
    text += rule.key + "=" + std::to_string(rule.value);
  }
  return text;
}

// The campaign, when the actor may read it (its root or the organization asked about).
Result<ReviewCampaign> readable_campaign(Context& ctx, int64_t id, const OrgPath* within,
                                         MemberId member = MemberId()) {
  std::optional<ReviewCampaign> campaign = ctx.tx.review().find_campaign(id);
  if (!campaign) return Error::not_found("review_campaign");
  const domain::Reach reach = reach_of(ctx, Permission::kReviewRead);
  if (reach.covers(campaign->org_path)) return std::move(*campaign);
  if (within && campaign->org_path.contains(*within) &&
      (reach.covers(*within) || (member.valid() && reach.covers_member(member, *within))))
    return std::move(*campaign);
  return Error::not_found("review_campaign");
}

// The steps need the campaign's units: refused (409) while its fan-out still writes them.
Status require_fanned_out(const ReviewCampaign& campaign) {
  if (campaign.fanout_state == "done") return Ok();
  return Error::conflict("review_fanning_out", {{"units", std::to_string(campaign.units)},
                                                {"total", std::to_string(campaign.fanout_total)}});
}

Result<ReviewCampaign> open_campaign_of(Context& ctx, int64_t id, const OrgPath& within,
                                        MemberId member = MemberId()) {
  Result<ReviewCampaign> campaign = readable_campaign(ctx, id, &within, member);
  if (!campaign) return campaign;
  if (campaign->state != "open") return Error::conflict("campaign_closed");
  if (Status ready = require_fanned_out(*campaign); !ready) return std::move(ready).error();
  return campaign;
}

// Ok when `permission` reaches `path`; "forbidden" when the actor may read the object at
// `object_path` (they know it exists), "not found" otherwise.
Status require_review(Context& ctx, Permission permission, const OrgPath& path,
                      const OrgPath& object_path, MemberId member, const std::string& what) {
  if (reach_of(ctx, permission).covers(path)) return Ok();
  const domain::Reach read = reach_of(ctx, Permission::kReviewRead);
  if (read.covers(object_path) || (member.valid() && read.covers_member(member, object_path)))
    return Error::forbidden("forbidden");
  return Error::not_found(what);
}

// The member, in the campaign's subtree and readable by the actor.
Result<Member> campaign_member(Context& ctx, const ReviewCampaign& campaign, MemberId id) {
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member || !campaign.org_path.contains(member->org_path) ||
      !reach_of(ctx, Permission::kReviewRead).covers_member(member->id, member->org_path))
    return Error::not_found("member");
  const domain::MemberStatusInfo* status = ctx.services.catalog.member_status(member->status);
  if (!status || !status->on_roll)
    return Error::conflict("member_not_on_roll", {{"status", member->status}});
  return std::move(*member);
}

domain::review::Eligibility eligibility_of(Context& ctx, const Member& member, Date review_date) {
  EligibilityFacts facts;
  facts.status = member.status;
  facts.admission_date = member.admission_date;
  facts.activities_suspended = !ctx.tx.discipline().suspended_on({member.id}, review_date).empty();
  return domain::review::eligibility(facts, review_date, ctx.services.rules);
}

Status require_reviewed(Context& ctx, const Member& member, const ReviewCampaign& campaign,
                        const std::string& field) {
  const auto answer = eligibility_of(ctx, member, campaign.review_date);
  if (answer.reviewed) return Ok();
  Params params = {{"reason", answer.reason}};
  if (answer.reviewable_from) params.emplace_back("from", answer.reviewable_from->iso());
  if (answer.rule) {
    for (auto& param : rule_params(*answer.rule)) params.push_back(std::move(param));
  }
  return Error::invalid_field(field, "not_reviewed", std::move(params));
}

// The base organization a member's grade is decided by (the quota group): the nearest
// organization of a base kind on the member's path, else the member's own organization.
OrgId group_of(Context& ctx, const Member& member) {
  std::vector<OrgId> ids = member.org_path.ids();
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    std::optional<Organization> org = ctx.tx.orgs().find(*it);
    if (!org) continue;
    const domain::OrgKind* kind = ctx.services.catalog.org_kind(org->kind);
    if (kind && kind->is_base) return org->id;
  }
  return member.org_id;
}

bool is_head(Context& ctx, const Member& member, Date on) {
  for (const TermSeat& seat : ctx.tx.terms().seats_of_member(member.id)) {
    if (seat.org_id == member.org_id && seat.active_on(on) &&
        (seat.position == "secretary" || seat.position == "group_leader"))
      return true;
  }
  return false;
}

// The members among `ids` disciplined in `year`: a sanction of the discipline records decided
// that year and not annulled on appeal (app/discipline.h), in one query.
std::set<MemberId> disciplined_in(Context& ctx, const std::vector<MemberId>& ids, int year) {
  const std::vector<MemberId> found = disciplined_members_in(ctx.tx, ids, year);
  return {found.begin(), found.end()};
}

// Grade deltas along `path` from the campaign's organization down to the path's own.
void add_along(std::map<OrgId, GradeCounts>& deltas, const ReviewCampaign& campaign,
               const OrgPath& path, std::optional<Grade> grade, int sign, bool org) {
  if (!grade) return;
  const int depth = campaign.org_path.depth();
  std::vector<OrgId> ids = path.ids();
  for (size_t i = static_cast<size_t>(depth - 1); i < ids.size(); ++i) {
    GradeCounts& counts = deltas[ids[i]];
    (org ? counts.orgs : counts.members)[domain::review::grade_rank(*grade)] += sign;
  }
}

Error quota_error(const std::string& field, const QuotaAnswer& answer) {
  Params params = {{"allowed", std::to_string(answer.allowed)},
                   {"excellent", std::to_string(answer.count.excellent)},
                   {"good_or_above", std::to_string(answer.count.good_or_above)}};
  if (answer.rule) {
    for (auto& param : rule_params(*answer.rule)) params.push_back(std::move(param));
  }
  return Error::invalid_field(field, "quota_exceeded", std::move(params));
}

// The band check: `grade` at most what the facts allow.
Result<GradeAnswer> check_band(Context& ctx, const GradeFacts& facts, Grade grade, Date on,
                               const std::string& field) {
  std::optional<GradeAnswer> answer = domain::review::grade_for(facts, on, ctx.services.rules);
  if (!answer)
    return Error::invalid_field("review_date", "no_rule_in_force",
                                {{"rule", "review.excellent_min_score_tenths"}});
  if (domain::review::grade_rank(grade) > domain::review::grade_rank(answer->grade)) {
    Params params = {{"allowed", code_of(answer->grade)},
                     {"score", domain::review::score_text(facts.score_tenths)}};
    if (!answer->lowered_by.empty()) params.emplace_back("lowered_by", answer->lowered_by.back());
    for (auto& param : rule_params(answer->rules.back())) params.push_back(std::move(param));
    return Error::invalid_field(field, "grade_above_band", std::move(params));
  }
  return std::move(*answer);
}

Error order_error(const std::string& field, const domain::review::OrderFinding& finding) {
  return Error::invalid_field(
      field, finding.code,
      {{"waiting", std::to_string(finding.waiting)}, {"source", domain::review::kOrderSource}});
}

std::vector<ShortcomingLine> shortcoming_lines(Context& ctx, std::vector<Shortcoming> items) {
  std::vector<ShortcomingLine> lines;
  const Date today = ctx.today();
  for (Shortcoming& item : items) {
    ShortcomingLine line;
    if (item.member_id.valid()) {
      if (auto member = ctx.tx.members().find(item.member_id))
        line.subject_name = member->full_name;
    } else if (auto org = ctx.tx.orgs().find(item.org_id)) {
      line.subject_name = org->name;
    }
    line.overdue = domain::remediation::overdue(item.state, item.due_on, today);
    line.item = std::move(item);
    lines.push_back(std::move(line));
  }
  return lines;
}

MemberLine line_of(Context& ctx, const ReviewCampaign& campaign, const Member& member,
                   std::optional<MemberReview> review) {
  MemberLine line;
  line.member_id = member.id;
  line.full_name = member.full_name;
  line.status = member.status;
  line.eligibility = eligibility_of(ctx, member, campaign.review_date);
  line.is_head = is_head(ctx, member, campaign.review_date);
  line.review = std::move(review);
  RemediationFilter filter;
  filter.sources = {"review"};
  filter.subtree = member.org_path;
  filter.member = member.id;
  filter.year = campaign.year - 1;
  line.last_year = shortcoming_lines(ctx, ctx.tx.remediation().list(filter));
  return line;
}

MemberLine line_of(Context& ctx, const ReviewCampaign& campaign, const Member& member) {
  return line_of(ctx, campaign, member, ctx.tx.review().find_member_review(campaign.id, member.id));
}

// The member's review row, created on the first step.
MemberReview review_row(Context& ctx, const ReviewCampaign& campaign, const Member& member) {
  if (auto found = ctx.tx.review().find_member_review(campaign.id, member.id)) return *found;
  MemberReview row;
  row.campaign_id = campaign.id;
  row.year = campaign.year;
  row.member_id = member.id;
  row.org_id = member.org_id;
  row.org_path = member.org_path;
  row.group_org_id = group_of(ctx, member);
  return row;
}

Status save_row(Context& ctx, MemberReview& row) {
  row.updated_at = ctx.now();
  if (row.id == 0) {
    ctx.tx.review().insert_member_review(row);
    return Ok();
  }
  if (!ctx.tx.review().update_member_review(row)) return Error::stale_version();
  ++row.version;
  return Ok();
}

Result<CampaignView> view_of(Context& ctx, const ReviewCampaign& campaign,
                             const Organization& org) {
  CampaignView view;
  view.campaign = campaign;
  if (auto root = ctx.tx.orgs().find(campaign.org_id)) view.campaign_org_name = root->name;
  view.org = org;
  view.unit = ctx.tx.review().find_unit(campaign.id, org.id);
  view.counts = ctx.tx.review().counts(campaign.id, org.id);
  // The children's names in one statement: at the root of the whole Party a summary lists
  // dozens of committees, each a round trip when read one by one.
  std::vector<ReviewUnit> units = ctx.tx.review().child_units(campaign.id, org.id);
  std::vector<OrgId> child_ids;
  for (const ReviewUnit& unit : units) child_ids.push_back(unit.org_id);
  std::map<OrgId, const Organization*> by_id;
  const std::vector<Organization> children = ctx.tx.orgs().find_many(child_ids);
  for (const Organization& child : children) by_id.emplace(child.id, &child);
  for (ReviewUnit& unit : units) {
    UnitLine line;
    if (auto child = by_id.find(unit.org_id); child != by_id.end()) {
      line.name = child->second->name;
      line.kind = child->second->kind;
    }
    line.unit = std::move(unit);
    view.children.push_back(std::move(line));
  }
  const domain::OrgKind* kind = ctx.services.catalog.org_kind(org.kind);
  if (kind && kind->holds_members) {
    std::map<MemberId, MemberReview> rows;
    for (MemberReview& row : ctx.tx.review().member_reviews_in(campaign.id, org.id))
      rows.emplace(row.member_id, std::move(row));
    std::vector<Member> members = ctx.tx.members().direct_members(org.id);
    for (const Member& member : members) {
      const domain::MemberStatusInfo* status = ctx.services.catalog.member_status(member.status);
      if (!status || !status->on_roll) continue;
      std::optional<MemberReview> row;
      if (auto found = rows.find(member.id); found != rows.end()) row = found->second;
      view.members.push_back(line_of(ctx, campaign, member, std::move(row)));
    }
    if (!members.empty()) {
      const OrgId group = group_of(ctx, members.front());
      view.quota = QuotaView{
          group, domain::review::check_quota(ctx.tx.review().group_count(campaign.id, group),
                                             campaign.review_date, ctx.services.rules)};
    }
  }
  view.may_write = reach_of(ctx, Permission::kReviewWrite).covers(org.path);
  view.may_decide = reach_of(ctx, Permission::kReviewDecide).covers(org.path);
  return view;
}

constexpr size_t kReviewTextChars = 4000;

void check_review_text(const std::string& field, const std::string& value, size_t max,
                       bool required, std::vector<FieldError>& errors) {
  if (required && value.empty()) errors.push_back({field, "required", {}});
  if (value.size() > max * 4) errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
}

}  // namespace review_detail

using namespace review_detail;

Result<CampaignView> open_review_campaign(Context& ctx, const CampaignRequest& request) {
  std::optional<Organization> org = ctx.tx.orgs().find(request.org_id);
  if (!org) return Error::not_found("organization");
  if (Status allowed = require_review(ctx, Permission::kReviewDecide, org->path, org->path,
                                      MemberId(), "organization");
      !allowed)
    return std::move(allowed).error();
  if (!org->active()) return Error::conflict("org_not_active");
  std::vector<FieldError> errors;
  if (request.review_date.year() != request.year && request.review_date.year() != request.year + 1)
    errors.push_back(
        {"review_date", "review_date_outside_year", {{"year", std::to_string(request.year)}}});
  if (!domain::review::grade_for({}, request.review_date, ctx.services.rules))
    errors.push_back(
        {"review_date", "no_rule_in_force", {{"rule", "review.excellent_min_score_tenths"}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (ctx.tx.review().campaign_overlaps(org->path, request.year))
    return Error::conflict("campaign_exists", {{"year", std::to_string(request.year)}});
  ReviewCampaign campaign;
  campaign.org_id = org->id;
  campaign.org_path = org->path;
  campaign.year = request.year;
  campaign.review_date = request.review_date;
  campaign.title = request.title;
  campaign.state = "open";
  campaign.version = 1;
  campaign.created_at = campaign.updated_at = ctx.now();
  campaign.created_by = ctx.actor.name;
  // A large subtree fans out in the background (app/review_fanout.h), a small one here.
  const int64_t targets = ctx.tx.review().fanout_targets(org->path);
  const bool background = targets > ctx.services.fanout_inline_max;
  if (background) {
    campaign.fanout_state = "running";
    campaign.fanout_total = targets;
  }
  ctx.tx.review().insert_campaign(campaign);
  if (background) {
    schedule_fanout(ctx, kJobReviewFanout, "campaign", campaign.id);
  } else {
    campaign.units = campaign.fanout_total = ctx.tx.review().fan_out(campaign);
  }
  ctx.audit(AuditEntry::about("review.campaign_open", "review_campaign", campaign.id,
                              campaign.org_path.str())
                .with("year", campaign.year)
                .with("review_date", campaign.review_date.iso())
                .with("units", campaign.units)
                .with("fanout_total", campaign.fanout_total)
                .with("fanout", campaign.fanout_state));
  return view_of(ctx, campaign, *org);
}

Result<std::vector<ReviewCampaign>> list_review_campaigns(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach_of(ctx, Permission::kReviewRead).covers(org->path))
    return Error::not_found("organization");
  return ctx.tx.review().campaigns_covering(org->path);
}

Result<CampaignView> get_review_campaign(Context& ctx, int64_t id, std::optional<OrgId> org_id) {
  std::optional<Organization> org;
  if (org_id) {
    org = ctx.tx.orgs().find(*org_id);
    if (!org) return Error::not_found("organization");
  }
  Result<ReviewCampaign> campaign = readable_campaign(ctx, id, org ? &org->path : nullptr);
  if (!campaign) return std::move(campaign).error();
  if (!org) {
    org = ctx.tx.orgs().find(campaign->org_id);
    if (!org) return Error::not_found("organization");
  }
  if (!campaign->org_path.contains(org->path) ||
      !reach_of(ctx, Permission::kReviewRead).covers(org->path))
    return Error::not_found("organization");
  return view_of(ctx, *campaign, *org);
}

Result<MemberLine> record_self_assessment(Context& ctx, int64_t campaign_id,
                                          const SelfAssessmentRequest& request) {
  std::optional<Member> probe = ctx.tx.members().find(request.member_id);
  Result<ReviewCampaign> campaign =
      open_campaign_of(ctx, campaign_id, probe ? probe->org_path : OrgPath(), request.member_id);
  if (!campaign) return std::move(campaign).error();
  Result<Member> member = campaign_member(ctx, *campaign, request.member_id);
  if (!member) return std::move(member).error();
  // The cell records the self-assessment the member hands in.
  if (Status allowed = require_review(ctx, Permission::kReviewWrite, member->org_path,
                                      member->org_path, member->id, "member");
      !allowed)
    return std::move(allowed).error();
  std::vector<FieldError> errors;
  check_review_text("text", request.text, kReviewTextChars, false, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (Status reviewed = require_reviewed(ctx, *member, *campaign, "member_id"); !reviewed)
    return std::move(reviewed).error();
  GradeFacts facts;
  facts.score_tenths = request.score;
  Result<GradeAnswer> band = check_band(ctx, facts, request.grade, campaign->review_date, "grade");
  if (!band) return std::move(band).error();
  MemberReview row = review_row(ctx, *campaign, *member);
  if (row.grade) return Error::conflict("review_decided");
  row.self_score = request.score;
  row.self_grade = request.grade;
  row.self_text = request.text;
  row.self_at = ctx.now();
  if (Status saved = save_row(ctx, row); !saved) return std::move(saved).error();
  ctx.audit(AuditEntry::about_member("review.self_assessment", *member)
                .with("campaign_id", campaign->id)
                .with("score", domain::review::score_text(request.score))
                .with("grade", code_of(request.grade)));
  return line_of(ctx, *campaign, *member, row);
}

Result<MemberLine> record_cell_proposal(Context& ctx, int64_t campaign_id,
                                        const ProposalRequest& request) {
  std::optional<Member> probe = ctx.tx.members().find(request.member_id);
  Result<ReviewCampaign> campaign =
      open_campaign_of(ctx, campaign_id, probe ? probe->org_path : OrgPath(), request.member_id);
  if (!campaign) return std::move(campaign).error();
  Result<Member> member = campaign_member(ctx, *campaign, request.member_id);
  if (!member) return std::move(member).error();
  if (Status allowed = require_review(ctx, Permission::kReviewWrite, member->org_path,
                                      member->org_path, member->id, "member");
      !allowed)
    return std::move(allowed).error();
  std::vector<FieldError> errors;
  check_review_text("comment", request.comment, kReviewTextChars, true, errors);
  const domain::Vote& vote = request.vote;
  if (vote.entitled < 1) errors.push_back({"vote.entitled", "out_of_range", {{"min", "1"}}});
  if (vote.in_favour < 0) errors.push_back({"vote.in_favour", "out_of_range", {{"min", "0"}}});
  if (vote.against < 0) errors.push_back({"vote.against", "out_of_range", {{"min", "0"}}});
  if (vote.in_favour + vote.against > vote.entitled)
    errors.push_back(
        {"vote.in_favour", "exceeds_members", {{"max", std::to_string(vote.entitled)}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (Status reviewed = require_reviewed(ctx, *member, *campaign, "member_id"); !reviewed)
    return std::move(reviewed).error();
  MemberReview row = review_row(ctx, *campaign, *member);
  if (row.grade) return Error::conflict("review_decided");
  row.cell_grade = request.grade;
  row.cell_comment = request.comment;
  row.votes_for = vote.in_favour;
  row.votes_against = vote.against;
  row.votes_entitled = vote.entitled;
  row.cell_at = ctx.now();
  if (Status saved = save_row(ctx, row); !saved) return std::move(saved).error();
  ctx.audit(AuditEntry::about_member("review.cell_proposal", *member)
                .with("campaign_id", campaign->id)
                .with("grade", code_of(request.grade))
                .with("vote", {vote.in_favour, vote.against, vote.entitled}));
  return line_of(ctx, *campaign, *member, row);
}

Result<std::vector<MemberLine>> decide_review_grades(Context& ctx, int64_t campaign_id,
                                                     const std::vector<DecisionItem>& items) {
  if (items.empty()) return Error::invalid_field("decisions", "required");
  std::optional<Member> probe = ctx.tx.members().find(items.front().member_id);
  Result<ReviewCampaign> campaign = open_campaign_of(
      ctx, campaign_id, probe ? probe->org_path : OrgPath(), items.front().member_id);
  if (!campaign) return std::move(campaign).error();
  const Date on = campaign->review_date;
  struct Planned {
    Member member;
    MemberReview row;
    std::optional<Grade> before;
    std::vector<AppliedRule> rules;
  };
  std::vector<Planned> plan;
  std::set<MemberId> seen;
  std::vector<MemberId> item_ids;
  for (const DecisionItem& item : items) item_ids.push_back(item.member_id);
  const std::set<MemberId> disciplined = disciplined_in(ctx, item_ids, campaign->year);
  for (size_t i = 0; i < items.size(); ++i) {
    const DecisionItem& item = items[i];
    const std::string prefix = "decisions[" + std::to_string(i) + "].";
    if (!seen.insert(item.member_id).second)
      return Error::invalid_field(prefix + "member_id", "duplicate_in_file",
                                  {{"line", std::to_string(i + 1)}});
    Result<Member> member = campaign_member(ctx, *campaign, item.member_id);
    if (!member) return std::move(member).error();
    MemberReview row = review_row(ctx, *campaign, *member);
    const std::optional<Organization> group = ctx.tx.orgs().find(row.group_org_id);
    if (!group) return Error::not_found("organization");
    if (Status allowed = require_review(ctx, Permission::kReviewDecide, group->path,
                                        member->org_path, member->id, "member");
        !allowed)
      return std::move(allowed).error();
    if (Status reviewed = require_reviewed(ctx, *member, *campaign, prefix + "member_id");
        !reviewed)
      return std::move(reviewed).error();
    if (row.cell_at.empty()) return Error::invalid_field(prefix + "member_id", "no_cell_proposal");
    GradeFacts facts;
    facts.score_tenths = item.score;
    facts.disciplined_in_year = item.disciplined_in_year || disciplined.count(member->id) > 0;
    Result<GradeAnswer> band = check_band(ctx, facts, item.grade, on, prefix + "grade");
    if (!band) return std::move(band).error();
    Planned planned{*member, row, row.grade, band->rules};
    planned.row.grade = item.grade;
    planned.row.score = item.score;
    planned.row.disciplined = facts.disciplined_in_year;
    plan.push_back(std::move(planned));
  }
  // The order: the member's organization graded first (collectives before individuals); a head
  // after every other reviewed member of their organization (heads last).
  std::map<OrgId, std::vector<Member>> members_of;
  for (size_t i = 0; i < plan.size(); ++i) {
    const Member& member = plan[i].member;
    const std::string field = "decisions[" + std::to_string(i) + "].member_id";
    std::optional<ReviewUnit> unit = ctx.tx.review().find_unit(campaign->id, member.org_id);
    const bool org_graded = unit && unit->grade;
    const bool head = is_head(ctx, member, on);
    int64_t others_undecided = 0;
    if (head) {
      auto [it, inserted] = members_of.try_emplace(member.org_id);
      if (inserted) it->second = ctx.tx.members().direct_members(member.org_id);
      std::map<MemberId, MemberReview> rows;
      for (MemberReview& r : ctx.tx.review().member_reviews_in(campaign->id, member.org_id))
        rows.emplace(r.member_id, std::move(r));
      for (const Member& other : it->second) {
        if (other.id == member.id) continue;
        const domain::MemberStatusInfo* status = ctx.services.catalog.member_status(other.status);
        if (!status || !status->on_roll || !eligibility_of(ctx, other, on).reviewed) continue;
        const bool in_batch = seen.count(other.id) > 0;
        auto found = rows.find(other.id);
        if (!in_batch && (found == rows.end() || !found->second.grade)) ++others_undecided;
      }
    }
    const auto findings = domain::review::check_member_order(org_graded, head, others_undecided);
    if (!findings.empty()) return order_error(field, findings.front());
  }
  // The quota per group, on the grades as they would stand.
  std::map<OrgId, QuotaCount> groups;
  for (const Planned& p : plan) {
    auto [it, inserted] = groups.try_emplace(p.row.group_org_id);
    if (inserted) it->second = ctx.tx.review().group_count(campaign->id, p.row.group_org_id);
    if (p.before) domain::review::count_grade(it->second, *p.before, -1);
    domain::review::count_grade(it->second, *p.row.grade);
  }
  // Only a decision granting "excellent" can be over the quota (a lower grade never is, even
  // when it leaves the group's share above it).
  for (const auto& [group, count] : groups) {
    const bool grants = std::any_of(plan.begin(), plan.end(), [&, g = group](const Planned& p) {
      return p.row.group_org_id == g && p.row.grade == Grade::kExcellent;
    });
    if (!grants) continue;
    const QuotaAnswer answer = domain::review::check_quota(count, on, ctx.services.rules);
    if (answer.within) continue;
    size_t blamed = 0;
    for (size_t i = 0; i < plan.size(); ++i) {
      if (plan[i].row.group_org_id == group && plan[i].row.grade == Grade::kExcellent) {
        blamed = i;
        break;
      }
    }
    return quota_error("decisions[" + std::to_string(blamed) + "].grade", answer);
  }
  std::map<OrgId, GradeCounts> deltas;
  std::vector<MemberLine> lines;
  for (Planned& p : plan) {
    std::vector<AppliedRule> applied = p.rules;
    if (p.row.grade == Grade::kExcellent) {
      const QuotaAnswer quota =
          domain::review::check_quota(groups[p.row.group_org_id], on, ctx.services.rules);
      if (quota.rule) applied.push_back(*quota.rule);
    }
    p.row.grade_rules = rules_text(applied);
    p.row.decided_at = ctx.now();
    p.row.decided_by = ctx.actor.name;
    p.row.superior_action.clear();
    p.row.superior_reason.clear();
    if (Status saved = save_row(ctx, p.row); !saved) return std::move(saved).error();
    add_along(deltas, *campaign, p.member.org_path, p.before, -1, false);
    add_along(deltas, *campaign, p.member.org_path, p.row.grade, 1, false);
    ctx.audit(AuditEntry::about_member("review.decide", p.member)
                  .with("campaign_id", campaign->id)
                  .with("grade", code_of(*p.row.grade))
                  .with("score", domain::review::score_text(*p.row.score))
                  .with("before", p.before ? code_of(*p.before) : std::string())
                  .with("rules", p.row.grade_rules));
  }
  ctx.tx.review().adjust_counts(campaign->id, deltas);
  for (Planned& p : plan) lines.push_back(line_of(ctx, *campaign, p.member, p.row));
  return lines;
}

Result<MemberLine> superior_review(Context& ctx, int64_t campaign_id,
                                   const SuperiorReviewRequest& request) {
  std::optional<Member> probe = ctx.tx.members().find(request.member_id);
  Result<ReviewCampaign> campaign =
      open_campaign_of(ctx, campaign_id, probe ? probe->org_path : OrgPath(), request.member_id);
  if (!campaign) return std::move(campaign).error();
  Result<Member> member = campaign_member(ctx, *campaign, request.member_id);
  if (!member) return std::move(member).error();
  // Deciding about the member at all (the deciding organization or above it) ...
  const std::optional<Organization> group = ctx.tx.orgs().find(group_of(ctx, *member));
  if (!group) return Error::not_found("organization");
  if (Status allowed = require_review(ctx, Permission::kReviewDecide, group->path, member->org_path,
                                      member->id, "member");
      !allowed)
    return std::move(allowed).error();
  std::vector<FieldError> errors;
  check_review_text("reason", request.reason, kReviewTextChars, true, errors);
  if (request.action != "annul" && request.action != "regrade")
    errors.push_back({"action", "not_allowed", {{"allowed", "annul, regrade"}}});
  if (request.action == "regrade") {
    if (!request.grade) errors.push_back({"grade", "required", {}});
    if (!request.score) errors.push_back({"score", "required", {}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  std::optional<MemberReview> found = ctx.tx.review().find_member_review(campaign->id, member->id);
  if (!found || !found->grade) return Error::conflict("review_not_decided");
  MemberReview row = *found;
  // ... and being the superior: the committee directly above the deciding organization.
  std::optional<Organization> superior =
      group->parent_id.valid() ? ctx.tx.orgs().find(group->parent_id) : group;
  if (!superior) return Error::not_found("organization");
  if (!reach_of(ctx, Permission::kReviewDecide).covers(superior->path))
    return Error::forbidden("forbidden");
  const std::optional<Grade> before = row.grade;
  std::vector<AppliedRule> applied;
  if (request.action == "regrade") {
    GradeFacts facts;
    facts.score_tenths = *request.score;
    facts.disciplined_in_year =
        row.disciplined || !disciplined_in(ctx, {member->id}, campaign->year).empty();
    Result<GradeAnswer> band =
        check_band(ctx, facts, *request.grade, campaign->review_date, "grade");
    if (!band) return std::move(band).error();
    applied = band->rules;
    if (*request.grade == Grade::kExcellent) {
      QuotaCount count = ctx.tx.review().group_count(campaign->id, row.group_org_id);
      domain::review::count_grade(count, *before, -1);
      domain::review::count_grade(count, *request.grade);
      const QuotaAnswer quota =
          domain::review::check_quota(count, campaign->review_date, ctx.services.rules);
      if (!quota.within) return quota_error("grade", quota);
      if (quota.rule) applied.push_back(*quota.rule);
    }
    row.grade = request.grade;
    row.score = request.score;
    row.grade_rules = rules_text(applied);
    row.superior_action = "regraded";
  } else {
    row.grade.reset();
    row.score.reset();
    row.grade_rules.clear();
    row.superior_action = "annulled";
  }
  row.superior_reason = request.reason;
  row.decided_at = ctx.now();
  row.decided_by = ctx.actor.name;
  if (Status saved = save_row(ctx, row); !saved) return std::move(saved).error();
  std::map<OrgId, GradeCounts> deltas;
  add_along(deltas, *campaign, member->org_path, before, -1, false);
  add_along(deltas, *campaign, member->org_path, row.grade, 1, false);
  ctx.tx.review().adjust_counts(campaign->id, deltas);
  ctx.audit(AuditEntry::about_member("review." + row.superior_action, *member)
                .with("campaign_id", campaign->id)
                .with("before", code_of(*before))
                .with("grade", row.grade ? code_of(*row.grade) : std::string())
                .with("reason", request.reason));
  return line_of(ctx, *campaign, *member, row);
}

Result<CampaignView> grade_review_org(Context& ctx, int64_t campaign_id,
                                      const OrgGradeRequest& request) {
  std::optional<Organization> org = ctx.tx.orgs().find(request.org_id);
  Result<ReviewCampaign> campaign = open_campaign_of(ctx, campaign_id, org ? org->path : OrgPath());
  if (!campaign) return std::move(campaign).error();
  if (!org || !campaign->org_path.contains(org->path) ||
      !reach_of(ctx, Permission::kReviewRead).covers(org->path))
    return Error::not_found("organization");
  std::optional<ReviewUnit> unit = ctx.tx.review().find_unit(campaign->id, org->id);
  if (!unit) return Error::not_found("organization");
  // The level directly above grades an organization.
  std::optional<Organization> superior =
      org->parent_id.valid() ? ctx.tx.orgs().find(org->parent_id) : org;
  if (!superior) return Error::not_found("organization");
  if (Status allowed = require_review(ctx, Permission::kReviewDecide, superior->path, org->path,
                                      MemberId(), "organization");
      !allowed)
    return std::move(allowed).error();
  std::vector<FieldError> errors;
  check_review_text("note", request.note, kReviewTextChars, false, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const auto order =
      domain::review::check_org_order(ctx.tx.review().ungraded_children(campaign->id, org->id));
  if (!order.empty()) return order_error("org_id", order.front());
  GradeFacts facts;
  facts.collective = true;
  facts.score_tenths = request.score;
  facts.tasks_on_time_pct = request.tasks_on_time_pct;
  facts.tasks_exceeded_pct = request.tasks_exceeded_pct;
  facts.tasks_late_pct = request.tasks_late_pct;
  facts.subordinate_disciplined = request.subordinate_disciplined;
  Result<GradeAnswer> band = check_band(ctx, facts, request.grade, campaign->review_date, "grade");
  if (!band) return std::move(band).error();
  // The quota among the organizations the same superior grades (its children in the campaign).
  if (request.grade == Grade::kExcellent && org->parent_id.valid() && campaign->org_id != org->id) {
    QuotaCount count;
    for (const ReviewUnit& sibling : ctx.tx.review().child_units(campaign->id, org->parent_id)) {
      if (sibling.org_id == org->id || !sibling.grade) continue;
      domain::review::count_grade(count, *sibling.grade);
    }
    domain::review::count_grade(count, request.grade);
    const QuotaAnswer quota =
        domain::review::check_quota(count, campaign->review_date, ctx.services.rules);
    if (!quota.within) return quota_error("grade", quota);
  }
  const std::optional<Grade> before = unit->grade;
  unit->grade = request.grade;
  unit->score = request.score;
  unit->tasks_on_time_pct = request.tasks_on_time_pct;
  unit->tasks_exceeded_pct = request.tasks_exceeded_pct;
  unit->tasks_late_pct = request.tasks_late_pct;
  unit->note = request.note;
  unit->decided_at = ctx.now();
  unit->decided_by = ctx.actor.name;
  if (!ctx.tx.review().update_unit(*unit)) return Error::stale_version();
  std::map<OrgId, GradeCounts> deltas;
  add_along(deltas, *campaign, org->path, before, -1, true);
  add_along(deltas, *campaign, org->path, unit->grade, 1, true);
  ctx.tx.review().adjust_counts(campaign->id, deltas);
  ctx.audit(AuditEntry::about("review.grade_org", "organization", org->id.value, org->path.str())
                .with("campaign_id", campaign->id)
                .with("grade", code_of(request.grade))
                .with("score", domain::review::score_text(request.score))
                .with("rules", rules_text(band->rules)));
  return view_of(ctx, *campaign, *org);
}

Result<MemberReviews> get_member_reviews(Context& ctx, MemberId id) {
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member ||
      !reach_of(ctx, Permission::kReviewRead).covers_member(member->id, member->org_path))
    return Error::not_found("member");
  MemberReviews out;
  out.member_id = member->id;
  out.full_name = member->full_name;
  std::map<int, Grade> grades;
  std::map<int64_t, std::string> titles;
  for (MemberReview& review : ctx.tx.review().reviews_of_member(member->id)) {
    MemberYear year;
    if (!titles.count(review.campaign_id)) {
      auto campaign = ctx.tx.review().find_campaign(review.campaign_id);
      titles[review.campaign_id] = campaign ? campaign->title : std::string();
    }
    year.campaign_title = titles[review.campaign_id];
    RemediationFilter filter;
    filter.sources = {"review"};
    filter.subtree = OrgPath::root(member->org_path.ids().front());
    filter.member = member->id;
    filter.year = review.year;
    year.shortcomings = shortcoming_lines(ctx, ctx.tx.remediation().list(filter));
    if (review.grade) {
      grades[review.year] = *review.grade;
      out.screening_year = std::max(out.screening_year, review.year);
    }
    year.review = std::move(review);
    out.years.push_back(std::move(year));
  }
  if (out.screening_year > 0)
    out.screening =
        domain::review::screening(grades, out.screening_year, ctx.today(), ctx.services.rules);
  return out;
}

Result<ShortcomingLine> record_shortcoming(Context& ctx, const ShortcomingRequest& request) {
  const domain::remediation::Source& source = domain::remediation::review_source();
  std::vector<FieldError> errors;
  if (request.member_id.has_value() == request.org_id.has_value())
    errors.push_back({"member_id", "one_of", {{"fields", "member_id, org_id"}}});
  for (FieldError& error : domain::remediation::check_facts(
           source,
           {request.kind, request.description, request.action, request.owner, request.due_on}))
    errors.push_back(std::move(error));
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Shortcoming item;
  OrgPath path;
  std::optional<Member> member;
  if (request.member_id) {
    member = ctx.tx.members().find(*request.member_id);
    if (!member) return Error::not_found("member");
    path = member->org_path;
    item.member_id = member->id;
    item.org_id = member->org_id;
  } else {
    std::optional<Organization> org = ctx.tx.orgs().find(*request.org_id);
    if (!org) return Error::not_found("organization");
    path = org->path;
    item.org_id = org->id;
  }
  if (Status allowed =
          require_review(ctx, Permission::kReviewWrite, path, path,
                         member ? member->id : MemberId(), member ? "member" : "organization");
      !allowed)
    return std::move(allowed).error();
  Result<ReviewCampaign> campaign = readable_campaign(ctx, request.campaign_id, &path);
  if (!campaign) return std::move(campaign).error();
  if (!campaign->org_path.contains(path))
    return Error::invalid_field(member ? "member_id" : "org_id", "outside_campaign");
  if (std::vector<FieldError> due = domain::remediation::check_due(
          source, request.due_on, campaign->review_date, ctx.services.rules);
      !due.empty())
    return Error::invalid(std::move(due));
  item.source = std::string(source.name);
  item.campaign_id = campaign->id;
  item.year = campaign->year;
  item.org_path = path;
  item.kind = request.kind;
  item.description = request.description;
  item.action = request.action;
  item.owner = request.owner;
  item.due_on = request.due_on;
  item.state = "open";
  item.created_at = item.updated_at = ctx.now();
  item.created_by = ctx.actor.name;
  ctx.tx.remediation().insert(item);
  ctx.audit(
      AuditEntry::about("review.shortcoming_record", "review_shortcoming", item.id, path.str())
          .with("campaign_id", campaign->id)
          .with("kind", item.kind)
          .with("member_id", item.member_id.value)
          .with("due_on", item.due_on.iso()));
  return std::move(shortcoming_lines(ctx, {item}).front());
}

Result<ShortcomingLine> close_shortcoming(Context& ctx, const CloseShortcomingRequest& request) {
  const domain::remediation::Source& source = domain::remediation::review_source();
  std::optional<Shortcoming> item = ctx.tx.remediation().find(std::string(source.name), request.id);
  if (!item) return Error::not_found("review_shortcoming");
  if (Status allowed = require_review(ctx, Permission::kReviewWrite, item->org_path, item->org_path,
                                      item->member_id, "review_shortcoming");
      !allowed)
    return std::move(allowed).error();
  if (item->version != request.version) return Error::stale_version();
  // Not closed before the review that recorded it.
  std::optional<ReviewCampaign> campaign = ctx.tx.review().find_campaign(item->campaign_id);
  const Date opened_on = campaign ? campaign->review_date : Date();
  domain::remediation::CloseCheck check = domain::remediation::check_close(
      source, item->state, request.evidence, request.closed_on, opened_on, ctx.today());
  if (!check.conflict.empty()) return Error::conflict(std::move(check.conflict));
  if (!check.errors.empty()) return Error::invalid(std::move(check.errors));
  item->evidence = request.evidence;
  item->closed_on = request.closed_on;
  item->state = "closed";
  item->updated_at = ctx.now();
  if (!ctx.tx.remediation().update(*item)) return Error::stale_version();
  ++item->version;
  ctx.audit(AuditEntry::about("review.shortcoming_close", "review_shortcoming", item->id,
                              item->org_path.str())
                .with("closed_on", request.closed_on.iso()));
  return std::move(shortcoming_lines(ctx, {*item}).front());
}

Result<std::vector<ShortcomingLine>> list_shortcomings(Context& ctx,
                                                       const ShortcomingQuery& query) {
  std::optional<Organization> org = ctx.tx.orgs().find(query.org_id);
  if (!org || !reach_of(ctx, Permission::kReviewRead).covers(org->path))
    return Error::not_found("organization");
  RemediationFilter filter;
  filter.sources = {"review"};
  filter.subtree = org->path;
  filter.state = query.state;
  if (query.overdue) filter.overdue_on = ctx.today();
  filter.member = query.member_id;
  filter.year = query.year;
  filter.limit = query.limit;
  return shortcoming_lines(ctx, ctx.tx.remediation().list(filter));
}

Result<CampaignView> close_review_campaign(Context& ctx, const CloseCampaignRequest& request) {
  std::optional<ReviewCampaign> campaign = ctx.tx.review().find_campaign(request.id);
  if (!campaign) return Error::not_found("review_campaign");
  if (Status allowed = require_review(ctx, Permission::kReviewDecide, campaign->org_path,
                                      campaign->org_path, MemberId(), "review_campaign");
      !allowed)
    return std::move(allowed).error();
  if (campaign->version != request.version) return Error::stale_version();
  if (campaign->state != "open") return Error::conflict("campaign_closed");
  if (Status ready = require_fanned_out(*campaign); !ready) return std::move(ready).error();
  std::optional<Organization> org = ctx.tx.orgs().find(campaign->org_id);
  if (!org) return Error::not_found("organization");
  // Members without a decided grade hold the campaign open, unless they are not reviewed
  // (exempted, activities suspended, admitted less than six months before the review date).
  int64_t undecided = 0;
  std::string first;
  for (MemberId id : ctx.tx.review().undecided_members(campaign->id, campaign->org_path,
                                                       ctx.services.catalog.on_roll_statuses())) {
    std::optional<Member> member = ctx.tx.members().find(id);
    if (!member || !eligibility_of(ctx, *member, campaign->review_date).reviewed) continue;
    if (undecided++ == 0) first = member->full_name;
  }
  if (undecided > 0)
    return Error::conflict("review_undecided_members",
                           {{"count", std::to_string(undecided)}, {"first", first}});
  campaign->state = "closed";
  campaign->updated_at = ctx.now();
  if (!ctx.tx.review().update_campaign_state(*campaign)) return Error::stale_version();
  ++campaign->version;
  ctx.audit(AuditEntry::about("review.campaign_close", "review_campaign", campaign->id,
                              campaign->org_path.str())
                .with("year", campaign->year));
  return view_of(ctx, *campaign, *org);
}

namespace review_xlsx_detail {

using io::xlsx::Cell;
using io::xlsx::Style;

// Excellent first, as the party's reports list them.
constexpr int kRanks[] = {4, 3, 2, 1};

int64_t graded_total(const std::array<int64_t, 5>& counts) {
  return counts[1] + counts[2] + counts[3] + counts[4];
}

std::vector<Cell> summary_row(int64_t number, const std::string& name,
                              const std::array<int64_t, 5>& counts, bool total) {
  const Style text = total ? Style::kTotalLabel : Style::kText;
  const Style figure = total ? Style::kTotalNumber : Style::kNumber;
  const int64_t all = graded_total(counts);
  std::vector<Cell> row;
  row.push_back(total ? Cell::empty(text) : Cell::of(number));
  row.push_back(Cell::of(name, text));
  row.push_back(Cell::of(all, figure));
  for (int rank : kRanks) {
    row.push_back(Cell::of(counts[rank], figure));
    row.push_back(Cell::of(
        domain::review::share_text(domain::review::share_tenths(counts[rank], all)), text));
  }
  return row;
}

}  // namespace review_xlsx_detail

Result<ReviewSummaryFile> export_review_summary(Context& ctx, int64_t id,
                                                std::optional<OrgId> org_id) {
  using namespace review_xlsx_detail;
  Result<CampaignView> view = get_review_campaign(ctx, id, org_id);
  if (!view) return std::move(view).error();
  Result<std::unique_ptr<io::xlsx::Writer>> writer = io::xlsx::Writer::create();
  if (!writer) return std::move(writer).error();
  io::xlsx::Writer& out = **writer;
  const std::string year = std::to_string(view->campaign.year);
  out.add_sheet("Năm " + year, {6, 36, 12, 10, 9, 10, 9, 10, 9, 10, 9});
  out.title(view->org.name, Style::kSubtitle);
  out.title("TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN", Style::kTitle);
  out.title("Năm " + year + " (" + view->campaign.title + ")", Style::kSubtitle);
  out.title(std::string("Đợt kiểm điểm: ") +
                (view->campaign.state == "closed" ? "đã kết thúc" : "đang tiến hành") +
                "; tỷ lệ (%) trên số đảng viên đã được xếp loại",
            Style::kNote);
  out.row(
      {Cell::of("STT", Style::kHeader), Cell::of("Tổ chức", Style::kHeader),
       Cell::of("Số đảng viên được xếp loại", Style::kHeader),
       Cell::of("Hoàn thành xuất sắc nhiệm vụ", Style::kHeader),
       Cell::of("Tỷ lệ (%)", Style::kHeader), Cell::of("Hoàn thành tốt nhiệm vụ", Style::kHeader),
       Cell::of("Tỷ lệ (%)", Style::kHeader), Cell::of("Hoàn thành nhiệm vụ", Style::kHeader),
       Cell::of("Tỷ lệ (%)", Style::kHeader), Cell::of("Không hoàn thành nhiệm vụ", Style::kHeader),
       Cell::of("Tỷ lệ (%)", Style::kHeader)});
  int64_t number = 0;
  std::array<int64_t, 5> children{};
  std::vector<OrgId> child_ids;
  for (const UnitLine& child : view->children) child_ids.push_back(child.unit.org_id);
  std::map<OrgId, GradeCounts> child_counts =
      ctx.tx.review().counts_of(view->campaign.id, child_ids);
  for (const UnitLine& child : view->children) {
    const GradeCounts& counts = child_counts[child.unit.org_id];
    for (int rank = 1; rank <= 4; ++rank) children[rank] += counts.members[rank];
    out.row(summary_row(++number, child.name, counts.members, false));
  }
  // Members directly in the organization (a cell, or a base organization's own members).
  std::array<int64_t, 5> direct{};
  for (int rank = 1; rank <= 4; ++rank) direct[rank] = view->counts.members[rank] - children[rank];
  if (graded_total(direct) > 0 || view->children.empty())
    out.row(summary_row(++number, view->org.name + " (đảng viên trực thuộc)", direct, false));
  out.row(summary_row(0, "Tổng cộng", view->counts.members, true));
  Result<std::string> bytes = out.finish();
  if (!bytes) return std::move(bytes).error();
  ReviewSummaryFile file;
  file.file_name = "xep-loai-" + year + "-" +
                   (view->org.code.empty() ? std::to_string(view->org.id.value) : view->org.code) +
                   ".xlsx";
  file.content = std::move(*bytes);
  ctx.audit(AuditEntry::about("review.summary_export", "review_campaign", view->campaign.id,
                              view->org.path.str())
                .with("org_id", view->org.id.value)
                .with("year", view->campaign.year));
  return file;
}

}  // namespace chibo::app
