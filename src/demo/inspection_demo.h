// This year's and last year's inspection and supervision programmes of the demo bloc's
// inspection committee (issue 15): a few inspections of each subordinate committee, at the stage
// their time window has reached by today (last year's all concluded), the concluded ones with
// violations and recommendations, most closed, some open and some of those overdue. Written
// through the inspection repository: a few dozen rows, well under a second.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "demo/random.h"
#include "domain/org/organization.h"

namespace chibo::demo {

struct InspectionReport {
  long long programmes = 0;
  long long inspections = 0;
  long long concluded = 0;
  long long items = 0;
  long long items_open = 0;
  long long items_overdue = 0;
};

class InspectionDemo {
 public:
  InspectionDemo(uint64_t seed, Date today, std::string now);

  void org_added(const domain::Organization& org, bool in_bloc);
  void write(soci::session& session);
  const InspectionReport& report() const { return report_; }

 private:
  struct OrgEntry {
    int64_t id = 0;
    OrgPath path;
    std::string name;
  };
  Rng rng_;
  Date today_;
  std::string now_;
  std::optional<OrgEntry> root_;
  std::vector<OrgEntry> committees_;  // the root's subordinate committees (the first few)
  InspectionReport report_;
};

}  // namespace chibo::demo
