// A realistic party bloc for demonstrations, tests and benchmarks: the central agencies' bloc
// (about 60 subordinate committees, 900 base organizations, 5,500 cells, 65,000 members at
// the default size), with Vietnamese names in their real frequencies and consistent records
// (CCCD digits agree with sex and birth year; admission after 18; official 12 months later).
// Past 200,000 members the extra members go to 63 provincial committees, up to national scale,
// and the bloc and the provinces sit under one national root (party_central).
// The same seed and size give the same data.
#pragma once

#include <cstdint>
#include <functional>

#include "core/date.h"
#include "core/result.h"
#include "demo/directives_demo.h"
#include "demo/discipline_demo.h"
#include "demo/documents_demo.h"
#include "demo/dues_demo.h"
#include "demo/inspection_demo.h"
#include "demo/lifecycle_demo.h"
#include "demo/meetings_demo.h"
#include "demo/plans_demo.h"
#include "demo/review_demo.h"
#include "demo/terms_demo.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/rules/rule_set.h"
#include "storage/sql/engine/sql_store.h"

namespace chibo::demo {

struct DemoOptions {
  uint64_t seed = 2017;
  long long members = 65000;
  // Ended months of history (1 to 12): meetings in each of them; dues for up to eleven of them
  // and the running month. Fewer make the national demo fit a benchmark run.
  int history_months = 12;
  Date today;
  std::string now_utc;
  std::function<void(long long members_written, long long members_total)> progress;
  // Called as each area's rows are written (national scale takes long enough to want to know).
  std::function<void(const char* area, double seconds)> area_written;
};

struct DemoReport {
  long long committees = 0;  // above base level, including the roots
  long long base_orgs = 0;
  long long cells = 0;  // chi bộ trực thuộc and chi bộ cơ sở
  long long members = 0;
  LifecycleReport lifecycle;
  TermsReport terms;
  DocumentsReport documents;
  DirectivesReport directives;
  DuesReport dues;
  PlansReport plans;
  ReviewReport review;
  MeetingsReport meetings;
  InspectionReport inspection;
  DisciplineReport discipline;
};

inline constexpr long long kMaxDemoMembers = 6'000'000;

// What the generated records are checked against (the same as the server's).
struct DemoRules {
  const domain::Catalog& catalog;
  const domain::RuleSet& rules;
  const domain::WorkingCalendar& calendar;
};

// Fills an empty database; refuses one that already holds organizations.
Result<DemoReport> generate_demo(storage::SqlStore& store, const DemoRules& rules,
                                 const DemoOptions& options);

}  // namespace chibo::demo
