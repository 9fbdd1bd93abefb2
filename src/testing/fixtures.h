// Shared test fixtures: the real catalogs and rules as shipped, and a valid member record.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/documents/document.h"
#include "domain/members/member_fields.h"
#include "domain/rules/rule_set.h"

namespace chibo::testing {

const domain::Catalog& catalog();
const domain::RuleSet& rules();
const domain::WorkingCalendar& calendar();

// A complete, valid new member (official, born 1980, CCCD agreeing) in organization `org`.
domain::MemberPatch valid_member_patch(long long org,
                                       const std::string& citizen_id = "001080012345");

// A complete outgoing plan (kế hoạch) of a base committee, with every mandatory component and
// both marks: the sample the renderers' tests and scripts/render-sample-document.sh print.
domain::PartyDocument sample_party_document();

inline Date date(const char* iso) { return *Date::parse(iso); }

// True when `errors` holds one for `field` with `code`.
inline bool has_error(const std::vector<FieldError>& errors, const std::string& field,
                      const std::string& code) {
  for (const FieldError& error : errors) {
    if (error.field == field && error.code == code) return true;
  }
  return false;
}

}  // namespace chibo::testing
