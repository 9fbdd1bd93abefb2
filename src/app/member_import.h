// Members in and out as CSV (UTF-8, header row). An import checks every row before writing
// and writes all of them or none, in one transaction; each bad row is reported by line and
// field. Exports stream the filtered list in Vietnamese name order.
#pragma once

#include <functional>
#include <istream>
#include <ostream>

#include "app/member_views.h"

namespace chibo::app {

struct ImportProgress {
  const char* phase;  // "checking" or "writing"
  long long rows;
  long long bytes;
};

struct ImportOptions {
  bool dry_run = false;                                 // check everything, write nothing
  std::function<void(const ImportProgress&)> progress;  // called every few thousand rows
};

struct ImportReport {
  long long rows = 0;
  long long imported = 0;
};

// Column names are the API field names (full_name, citizen_id ...) or their Vietnamese or
// English labels; org_code may stand for org_id. Errors carry a "line" parameter; at most
// kMaxReportedErrors are listed, and the error's "count" param tells how many there were.
Result<ImportReport> import_members(Services& services, const Actor& actor, std::istream& in,
                                    const ImportOptions& options);

inline constexpr size_t kMaxReportedErrors = 1000;

struct ExportOptions {
  bool labels = false;   // headers and names (in `english` or Vietnamese) instead of codes
  bool bom = false;      // a UTF-8 byte order mark, so that Excel reads the accents right
  bool english = false;  // English labels (with `labels`)
};

// Writes the members `query` selects (paging ignored) that the actor may export, restricted
// fields blanked unless they may read them; the export is audited. Returns how many.
Result<long long> export_members(Services& services, const Actor& actor, const MemberQuery& query,
                                 std::ostream& out, const ExportOptions& options);

}  // namespace chibo::app
