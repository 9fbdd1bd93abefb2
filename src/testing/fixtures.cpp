#include "testing/fixtures.h"

#include <cstdlib>
#include <iostream>

#include "io/calendar_loader.h"
#include "io/catalog_loader.h"
#include "io/rules_loader.h"

namespace chibo::testing {

const domain::Catalog& catalog() {
  static const domain::Catalog loaded = [] {
    auto result = io::load_catalog();
    if (!result) {
      std::cerr << "catalog failed to load: " << result.error().reason << "\n";
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

const domain::RuleSet& rules() {
  static const domain::RuleSet loaded = [] {
    auto result = io::load_rules("");
    if (!result) {
      std::cerr << "rules failed to load: " << result.error().reason << "\n";
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

const domain::WorkingCalendar& calendar() {
  static const domain::WorkingCalendar loaded = [] {
    auto result = io::load_calendar("", rules());
    if (!result) {
      std::cerr << "calendar failed to load: " << result.error().reason << "\n";
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

domain::MemberPatch valid_member_patch(long long org, const std::string& citizen_id) {
  return {
      {"full_name", "Nguyễn Văn An"},
      {"sex", "male"},
      {"birth_date", "1980-05-17"},
      {"ethnicity", "01"},
      {"religion", "none"},
      {"citizen_id", citizen_id},
      {"admission_date", "2005-03-02"},
      {"official_date", "2006-03-02"},
      {"org_id", std::to_string(org)},
      {"status", "official"},
  };
}

}  // namespace chibo::testing
