// Party age (tuổi đảng): counted from the first admission decision, minus the gaps (time off the
// roll before a readmission, transfer time past its deadline, a gap recorded from an old file),
// 01-HD/TW and 232-QĐ/TW §4.5 via rules-reference.md §9.
//
// How a gap is subtracted (docs/lifecycle.md, "Party age"): the rules count party age in years
// and months of the calendar, so a gap is subtracted as a calendar period, never as a count of
// days (a two-year gap over 29 February is two years, not 731 days).
//  - A gap [from, to) has the period P = (whole calendar months m, then days d): m is the
//    largest count with from + m months <= to (add_months: a day past the end of a short month
//    lands on its last day), d = to - (from + m months).
//  - The anchor is the admission date shifted forward by the period of each gap, in the order
//    the gaps began: anchor + m months (add_months), then + d days.
//  - The party age on a day D is the calendar time from the anchor of the gaps that ended on or
//    before D to D. On a day inside a gap the age stands where it was on the gap's first day.
//  - A milestone of N years is the first day the age reaches N years.
// Every party-age figure (the age shown, badge milestones, the stored party_age_anchor and
// next_badge_on) comes from these functions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/date.h"

namespace chibo::domain {

// A gap: the days in [from, to).
struct Gap {
  Date from;
  Date to;
  int64_t days() const { return to.serial() > from.serial() ? to.serial() - from.serial() : 0; }
};

// A calendar period: whole months (years * 12 + months), then days.
struct Period {
  int months = 0;
  int days = 0;
  int years_part() const { return months / 12; }
  int months_part() const { return months % 12; }
};

// The period of [from, to) (zero when to <= from).
Period period_between(Date from, Date to);
// `day` moved forward by `period`: the months first, then the days.
Date shift(Date day, Period period);

struct PartyAge {
  int years = 0;
  int months = 0;          // 0..11 past the years
  int days = 0;            // past the months
  int64_t total_days = 0;  // days from the anchor to the day (or to the start of the gap it is in)
};

// The gaps in the order they began, overlapping ones joined (recording refuses overlaps; this
// keeps the arithmetic defined for old data).
std::vector<Gap> ordered_gaps(std::span<const Gap> gaps);

// The admission shifted by the period of every gap that ended on or before `on`.
Date party_age_anchor(Date admission, std::span<const Gap> gaps, Date on);
// The same for all the gaps (the stored party_age_anchor: what the age counts from today on).
Date party_age_anchor(Date admission, std::span<const Gap> gaps);

// The party age on `on` of a member first admitted on `admission`. Zero before the admission.
PartyAge party_age_on(Date admission, std::span<const Gap> gaps, Date on);

// The first day the party age reaches `years`.
Date milestone_date(Date admission, std::span<const Gap> gaps, int years);

// Days in the gaps (shown beside the periods; never used to compute an age).
int64_t total_gap_days(std::span<const Gap> gaps);

}  // namespace chibo::domain
