// Party age (tuổi đảng): counted from the first admission decision, minus the gaps (time off the
// roll before a readmission, transfer time past its deadline), 01-HD/TW and 232-QĐ/TW §4.5 via
// rules-reference.md §9. The age on a day counts only the gaps before that day; a badge
// milestone of N years is reached N years after the admission shifted by those gaps.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"

namespace chibo::domain {

// A gap: the days in [from, to).
struct Gap {
  Date from;
  Date to;
  int64_t days() const { return to.serial() > from.serial() ? to.serial() - from.serial() : 0; }
};

struct PartyAge {
  int years = 0;
  int months = 0;  // 0..11 past the years
  int days = 0;    // past the months
  int64_t total_days = 0;
};

// Days of `gaps` before `on` (a gap that `on` falls in counts up to `on`).
int64_t gap_days_before(const std::vector<Gap>& gaps, Date on);

// The party age on `on` of a member first admitted on `admission`: the calendar time from the
// admission shifted by the gap days before `on`. Zero before the admission.
PartyAge party_age_on(Date admission, const std::vector<Gap>& gaps, Date on);

// The day the party age reaches `years`.
Date milestone_date(Date admission, const std::vector<Gap>& gaps, int years);

}  // namespace chibo::domain
