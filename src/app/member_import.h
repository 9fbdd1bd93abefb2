// Members in and out as CSV (UTF-8, header row), and in from XLSX (issue 16: the first sheet,
// as offices keep them). An import checks every row before writing and writes all of them or
// none, in one transaction; each bad row is reported by line (the sheet's row number for a
// workbook) and field. Exports stream the filtered list in Vietnamese name order.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "app/member_views.h"

namespace chibo::app {

struct ImportProgress {
  const char* phase;  // "checking" or "writing"
  long long rows;
  long long bytes;
};

struct ImportOptions {
  bool dry_run = false;                                 // check everything, write nothing
  std::function<void(const ImportProgress&)> progress;  // called every `progress_every` rows
  long long progress_every = 5000;
  // Polled between rows: true stops the import with conflict "member_import_cancelled".
  std::function<bool()> cancelled;
};

// One row of a file as text cells, column A / the first field first. `dates` (a workbook's
// number cells, as Excel serial days) is empty or as long as `cells`.
struct SourceRow {
  long long line = 0;  // the CSV record's first line, or the sheet's row number
  std::vector<std::string> cells;
  std::vector<std::optional<Date>> dates;
};

// Where an import's rows come from: a CSV stream or an XLSX workbook's first sheet. The
// checking and writing code is the same for both.
class MemberRowSource {
 public:
  virtual ~MemberRowSource() = default;
  // Hands the rows over in order, the header first, until `on_row` returns false. An unreadable
  // file is an invalid error naming "file" (with the line where it broke).
  virtual Status read(const std::function<bool(const SourceRow&)>& on_row) = 0;
  // Bytes of the file read so far (-1: not known, a workbook inflates as it goes).
  virtual long long bytes_read() const = 0;
};

std::unique_ptr<MemberRowSource> csv_member_rows(std::istream& in);
// `bytes` must outlive the source.
std::unique_ptr<MemberRowSource> xlsx_member_rows(std::string_view bytes);
// "xlsx" when `bytes` start like a ZIP archive (a workbook), else "csv".
const char* member_file_format(std::string_view bytes);

struct ImportReport {
  long long rows = 0;
  long long imported = 0;
};

// Column names are the API field names (full_name, citizen_id ...) or their Vietnamese or
// English labels; org_code may stand for org_id. Errors carry a "line" parameter; at most
// kMaxReportedErrors are listed, and the error's "count" param tells how many there were.
Result<ImportReport> import_members(Services& services, const Actor& actor, std::istream& in,
                                    const ImportOptions& options);
Result<ImportReport> import_members(Services& services, const Actor& actor, MemberRowSource& rows,
                                    const ImportOptions& options);
// The same inside a transaction the caller holds (the background import's job): reads `rows`
// once. A refused import writes nothing, but the caller must roll back what it wrote itself.
Result<ImportReport> import_member_rows(Context& ctx, MemberRowSource& rows,
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
