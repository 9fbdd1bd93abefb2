// Shortcomings → remediation across its sources (issue 15): the items tracked to closure in an
// organization's subtree, whatever recorded them (a review's shortcomings, an inspection
// conclusion's violations and recommendations), in one list by due date. Each source is read
// with its own permission (review.read, inspection.read) over the organization; an organization
// out of reach of every source asked for is "not found". Recording and closing stay with the
// areas (app/review.h, app/inspection.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/remediation.h"

namespace chibo::app {

struct RemediationQuery {
  OrgId org_id;
  std::string state;   // "" any, "open", "closed", "overdue" (open past due)
  std::string source;  // "" any reachable, "review", "inspection"
  int64_t offset = 0;
  int limit = 50;
};

struct RemediationLine {
  RemediationItem item;
  std::string org_name;
  std::string subject_name;  // the member's, or the organization's
  bool overdue = false;
};

struct RemediationList {
  std::vector<RemediationLine> items;
  int64_t total = 0;
  int64_t offset = 0;
  int limit = 0;
};

Result<RemediationList> list_remediation(Context& ctx, const RemediationQuery& query);

}  // namespace chibo::app
