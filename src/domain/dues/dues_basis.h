// What a member's monthly dues are computed from (rules-reference §6): a category and an income
// figure (the social-insurance salary of the previous month, a benefit, a pension, a living
// allowance) or a fixed amount, valid from a month until the next basis; and the decisions that
// exempt or reduce them. Money is whole đồng (int64), never floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dues/month.h"

namespace chibo::domain::dues {

namespace category {
inline constexpr std::string_view kBhxhSalary = "bhxh_salary";    // 1 % of the BHXH salary
inline constexpr std::string_view kBhxhBenefit = "bhxh_benefit";  // 1 % of sick/maternity pay
inline constexpr std::string_view kPension = "pension";           // 0.5 % of the pension
inline constexpr std::string_view kStudent = "student";           // a fixed 5,000 đồng
inline constexpr std::string_view kAbroadAllowance = "abroad_allowance";  // 1 % of the allowance
inline constexpr std::string_view kAbroadFixed = "abroad_fixed";          // 30,000-400,000 chosen
inline constexpr std::string_view kOtherFixed = "other_fixed";  // a fixed amount (not read)
}  // namespace category

// Every category, in the order forms list them.
const std::vector<std::string_view>& categories();
// Whether the category takes an income figure (a rate applies) or a fixed amount.
bool takes_income(std::string_view category);
bool takes_fixed_amount(std::string_view category);

struct DuesBasis {
  int64_t id = 0;
  Month valid_from;
  std::string category;
  int64_t income = 0;        // đồng per month, for the rate categories
  int64_t fixed_amount = 0;  // đồng per month, for abroad_fixed and other_fixed
  std::string note;
};

// A decision that exempts (miễn) or reduces (giảm 30/50/70 %) a member's dues for months.
struct DuesRelief {
  int64_t id = 0;
  std::string kind;  // "exemption" or "reduction"
  int percent = 0;   // a reduction's percent; 100 for an exemption
  Month from;
  std::optional<int> months;  // how many months (a reduction: at most the rule); none: open
  std::string decision_number;
  std::string decision_authority;
  std::string reason;

  bool covers(Month month) const {
    return from <= month && (!months || month.index() < from.index() + *months);
  }
};

// The basis in force in `month`: the latest valid from it or before (nullptr when none).
const DuesBasis* basis_in(const std::vector<DuesBasis>& bases, Month month);

}  // namespace chibo::domain::dues
