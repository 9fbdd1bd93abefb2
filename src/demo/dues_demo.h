// Twelve months of party dues for every demo member on the roll: a dues basis (a salary for most,
// a pension for the old, the student amount for the young, a few fixed amounts), a few reduction
// decisions, and payments with realistic habits: most pay each month in cash, some a quarter or
// a year ahead on the public service portal or by bank, some fall behind, a few stop paying
// (they appear on the removal list). Amounts come from the same rules and code as the server's.
// Rows are written in multi-row INSERTs (a few hundred rows a statement), so 65,000 members add
// only seconds.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "demo/random.h"
#include "domain/catalog/catalog.h"
#include "domain/dues/month.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::demo {

struct DuesReport {
  long long bases = 0;
  long long reliefs = 0;
  long long payments = 0;
  long long members_in_arrears = 0;  // with unpaid dues of an ended month
};

class DuesDemo {
 public:
  DuesDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed, Date today,
           std::string now, int history_months);

  // Every member as the generator writes it.
  void member_written(const domain::Member& member);
  void write(soci::session& session);
  const DuesReport& report() const { return report_; }

 private:
  struct Entry {
    int64_t member_id = 0;
    int64_t org_id = 0;
    std::string org_path;
    std::string category;
    int64_t income = 0;
    int64_t fixed_amount = 0;
    domain::dues::Month from;
    std::optional<Date> anchor;
  };

  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  Rng rng_;
  Date today_;
  std::string now_;
  int history_months_;
  std::vector<Entry> entries_;
  DuesReport report_;
};

}  // namespace chibo::demo
