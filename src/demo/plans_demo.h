// Personal plans in a demo (issue 13): for the demo's year, most members on the roll have
// recorded a plan or commitment (kế hoạch hành động, cam kết tu dưỡng, rèn luyện) of three to five
// items; the cells' heads (the seats TermsDemo wrote) recorded first, in January, the others in
// February and March (a few late), and some not at all. Once the rules' review windows have
// opened (rules/plans.toml), most plans carry the cell's mid-year review and some the year-end
// one, with an assessment per item. Rows are bound as column vectors (one prepared INSERT per
// batch of a table) after the committees are written: a 65,000-member demo adds about 560,000.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "demo/random.h"
#include "domain/catalog/catalog.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::demo {

struct PlansReport {
  long long plans = 0;
  long long items = 0;
  long long reviews = 0;
};

class PlansDemo {
 public:
  PlansDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed, Date today,
            std::string now);

  void member_written(const domain::Member& member);
  // After TermsDemo::write: reads the running seats to know each cell's heads.
  void write(soci::session& session);
  const PlansReport& report() const { return report_; }

 private:
  struct Entry {
    int64_t member_id = 0;
    int64_t org_id = 0;
    std::string org_path;
  };

  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  Rng rng_;
  Date today_;
  std::string now_;
  std::vector<Entry> entries_;
  PlansReport report_;
};

}  // namespace chibo::demo
