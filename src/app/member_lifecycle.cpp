#include "app/member_lifecycle.h"

#include "app/access_control.h"

namespace chibo::app {

Result<MemberLifecycle> member_lifecycle(Context& ctx, MemberId id) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  const Services& services = ctx.services;
  MemberLifecycle view;
  view.today = ctx.today();
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member || !reach.covers_member(id, member->org_path)) return Error::not_found("member");
  view.member = std::move(*member);
  view.gaps = ctx.tx.lifecycle().gaps(id);
  std::vector<domain::Gap> gaps;
  for (const StoredGap& gap : view.gaps) gaps.push_back(gap.gap);
  if (view.member.admission_date)
    view.party_age = domain::party_age_on(*view.member.admission_date, gaps, view.today);
  if (view.member.probation_ends_on) {
    view.recognition = ctx.tx.lifecycle().recognition(id, *view.member.probation_ends_on);
    bool resolved = false;
    for (const auto& step : view.recognition)
      resolved = resolved || step.step == domain::RecognitionStep::kCellResolution;
    view.probation = domain::probation_view(view.member, resolved, services.rules,
                                            services.calendar, view.today);
  }
  view.awards = ctx.tx.lifecycle().awards(id);
  if (view.member.next_badge_on) {
    view.next_badge_on = view.member.next_badge_on;
    if (const domain::RuleParameter* milestones = services.rules.latest("badge.milestone_years")) {
      for (int64_t years : milestones->values) {
        if (years > view.member.highest_badge) {
          view.next_badge = static_cast<int>(years);
          break;
        }
      }
    }
  }
  TransferQuery query;
  query.member = id;
  Result<std::vector<TransferView>> transfers = list_transfers(ctx, query);
  if (transfers) view.transfers = std::move(*transfers);
  return view;
}

}  // namespace chibo::app
