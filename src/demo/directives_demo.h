// A year of directives cascading through a demo bloc: the bloc committee's resolutions,
// directives and plans (and a resolution from above it studies), their tasks assigned to every
// organization directly under it and passed down by each to its cells (a sample of them at
// large scale), in varied states as of today: most early tasks accepted, some reported or
// returned, some overdue (marked so, counted in the roll-up), later ones still acknowledged or in
// progress; reports with figures on the reported ones, study sessions in cells. Written through
// the directives repository in the demo's transaction, roll-up included.
#pragma once

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "demo/random.h"
#include "domain/calendar/working_calendar.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"

namespace chibo::demo {

struct DirectivesReport {
  long long directives = 0;
  long long assignments = 0;
  long long reports = 0;
  long long overdue = 0;
  long long studies = 0;
};

class DirectivesDemo {
 public:
  // `rules` and `calendar` (optional): a long task of each directive gets a quarterly report
  // schedule (rules/directives.toml), and its done assignments accepted reports for the periods
  // past.
  DirectivesDemo(uint64_t seed, Date today, std::string now, const domain::RuleSet* rules = nullptr,
                 const domain::WorkingCalendar* calendar = nullptr);

  // Every organization as the generator adds it (parents before children); only the central
  // bloc's take part.
  void org_added(const domain::Organization& org, bool in_bloc);
  void write(soci::session& session);
  const DirectivesReport& report() const { return report_; }

 private:
  Rng rng_;
  Date today_;
  std::string now_;
  const domain::RuleSet* rules_ = nullptr;
  const domain::WorkingCalendar* calendar_ = nullptr;
  std::vector<domain::Organization> orgs_;  // the bloc's, parents first
  DirectivesReport report_;
};

}  // namespace chibo::demo
