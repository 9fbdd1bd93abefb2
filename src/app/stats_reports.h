// Figures as of a past date and the periodic member reports (issue 16): the dashboard's
// breakdowns for any day since the Party's founding, and the 6-monthly or yearly report an
// organization board sends up (members on the roll by status, sex, age band, ethnicity,
// religion, education and theory level at the period's end; admissions, recognitions, exits by
// ground and transfers during it), as JSON and as an XLSX workbook. Reconstructed from the
// dated facts (domain/members/standing_on.h says what cannot be).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo::app {

// The dimensions of GET /orgs/{id}/stats, in its order; the age band is the third.
inline constexpr std::array<const char*, 8> kStatsDimensions = {"status",
                                                                "sex",
                                                                "age_band",
                                                                "ethnicity",
                                                                "religion",
                                                                "general_education",
                                                                "professional_qualification",
                                                                "political_theory"};
inline constexpr size_t kStatsAgeBand = 2;

struct StatsAsOf {
  OrgId org;
  Date as_of;
  int64_t total = 0;  // members on the roll in the subtree on the day
  std::vector<Breakdown> breakdowns;
  // Exempted today without a dated start: counted as official on the day.
  int64_t undated_exemptions = 0;
};

// The breakdowns of GET /orgs/{id}/stats for `as_of`, age bands at that day. Reach: member
// read over the organization (else not found). as_of: from stats.earliest_as_of_ymd to today.
Result<StatsAsOf> org_stats_as_of(Context& ctx, OrgId id, Date as_of);

struct PeriodReport {
  Organization org;
  Date from, to;
  int64_t start_total = 0;   // on the roll the day before `from`
  StatsAsOf end;             // on the roll on `to`
  int64_t admissions = 0;    // admitted in the period (admission_date), in the subtree then
  int64_t recognitions = 0;  // recognized as official in the period (official_date)
  std::vector<std::pair<std::string, int64_t>> exits;  // by ground, transfers out aside
  TransferFlows transfers;
};

Result<PeriodReport> member_period_report(Context& ctx, OrgId id, Date from, Date to);

struct MemberReportFile {
  std::string file_name;
  std::string content;
};

// The same figures as a workbook in the layout of an organization board's report; audited
// (stats.report_export).
Result<MemberReportFile> export_member_period_report(Context& ctx, OrgId id, Date from, Date to);

}  // namespace chibo::app
