#include "domain/dues/dues_basis.h"

namespace chibo::domain::dues {

const std::vector<std::string_view>& categories() {
  static const std::vector<std::string_view> all = {
      category::kBhxhSalary,      category::kBhxhBenefit, category::kPension,   category::kStudent,
      category::kAbroadAllowance, category::kAbroadFixed, category::kOtherFixed};
  return all;
}

bool takes_income(std::string_view c) {
  return c == category::kBhxhSalary || c == category::kBhxhBenefit || c == category::kPension ||
         c == category::kAbroadAllowance;
}

bool takes_fixed_amount(std::string_view c) {
  return c == category::kAbroadFixed || c == category::kOtherFixed;
}

const DuesBasis* basis_in(const std::vector<DuesBasis>& bases, Month month) {
  const DuesBasis* found = nullptr;
  for (const DuesBasis& basis : bases) {
    if (basis.valid_from <= month && (!found || found->valid_from <= basis.valid_from))
      found = &basis;
  }
  return found;
}

}  // namespace chibo::domain::dues
