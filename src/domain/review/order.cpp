#include "domain/review/order.h"

namespace chibo::domain::review {

std::vector<OrderFinding> check_org_order(int64_t children_ungraded) {
  std::vector<OrderFinding> findings;
  if (children_ungraded > 0) findings.push_back({"lower_before_upper", children_ungraded});
  return findings;
}

std::vector<OrderFinding> check_member_order(bool org_graded, bool is_head,
                                             int64_t others_undecided) {
  std::vector<OrderFinding> findings;
  if (!org_graded) findings.push_back({"collectives_before_individuals", 1});
  if (is_head && others_undecided > 0) findings.push_back({"heads_last", others_undecided});
  return findings;
}

}  // namespace chibo::domain::review
