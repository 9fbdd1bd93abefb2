// The order a review follows (rules-reference §7; Quy định 124-QĐ/TW Art. 11, 13): lower before
// upper, collectives before individuals, heads last. Checked when a grade is decided: each
// finding names the order rule broken and how many wait.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chibo::domain::review {

// The order rules' source (not a number, so not a rule parameter).
inline constexpr const char* kOrderSource =
    "Quy định 124-QĐ/TW (4/10/2023), Điều 11, 13: cấp dưới trước, cấp trên sau; tập thể trước, "
    "cá nhân sau; người đứng đầu sau cùng [C] rules-reference §7";

struct OrderFinding {
  // "lower_before_upper": child organizations not graded yet; "collectives_before_individuals":
  // the member's organization not graded yet; "heads_last": other members of the head's
  // organization not decided yet.
  std::string code;
  int64_t waiting = 0;
};

// Grading an organization: `children_ungraded` of its child organizations in the campaign have
// no grade yet.
std::vector<OrderFinding> check_org_order(int64_t children_ungraded);

// Deciding a member's grade: whether the member's organization is graded, whether the member
// heads it (its secretary) and how many other reviewed members of it have no decision (after
// the decisions taken with this one).
std::vector<OrderFinding> check_member_order(bool org_graded, bool is_head,
                                             int64_t others_undecided);

}  // namespace chibo::domain::review
