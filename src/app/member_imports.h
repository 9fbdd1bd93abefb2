// Members imports as background jobs (issue 16). POST /members/imports stores the uploaded CSV
// or XLSX file (by its SHA-256, with the attachments' contents) and records the import
// "queued" with a run of the "member_import" job kind, in one transaction. The job runner
// (app/jobs.h) then works through the phases, each its own transaction:
//   checking: every row checked with the importer's access (app/member_import.h, nothing
//             written); errors -> "failed" with the errors by row and field (1000 at most);
//             else "checked" with the row count;
//   writing:  the rows checked again and written, with the state "done", the counts and the
//             audit entry, in ONE transaction.
// A process killed in a phase leaves nothing of it: the next holder of the run (after the
// lease) starts that phase again, and the rows are written once since "done" commits with
// them. Cancelling (the importer, before done) stops a phase in progress in this process at
// its next row and records "cancelled". The live counts of a phase in progress are kept in
// memory (MemberImportBoard) by the process running it; GET shows them.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/jobs.h"
#include "app/ports/member_imports.h"

namespace chibo::app {

inline constexpr const char* kJobMemberImport = "member_import";

// What a process running imports shares with its requests: each running import's phase and
// counts, and the cancel requests.
class MemberImportBoard {
 public:
  struct Live {
    std::string phase;  // "checking" or "writing"
    int64_t rows = 0;
    int64_t bytes = 0;  // -1: not known (a workbook)
  };
  void set(int64_t id, const Live& live);
  void clear(int64_t id);
  std::optional<Live> live(int64_t id) const;
  void request_cancel(int64_t id);
  bool cancel_requested(int64_t id) const;

 private:
  mutable std::mutex mutex_;
  std::map<int64_t, Live> live_;
  std::map<int64_t, bool> cancels_;
};

struct MemberImportUpload {
  std::string file_name;
  std::string content_type;  // as sent: text/csv, the XLSX type, or octet-stream (sniffed)
  std::string content;
};

struct MemberImportView {
  MemberImport import;
  std::optional<MemberImportBoard::Live> live;  // a phase in progress in this process
};

// Needs member.import somewhere; the file is refused when empty, of another type, or larger
// than `max_bytes` is checked by the caller (HTTP). 201 with the import "queued".
Result<MemberImportView> start_member_import(Context& ctx, MemberImportUpload upload);
// The importer's own imports; those with member.import over every organization see all.
Result<MemberImportView> get_member_import(Context& ctx, int64_t id);
// Asks the phase in progress to stop, then records "cancelled" (its own transaction, after the
// phase gave up its writes). conflict "member_import_finished" once done or failed.
Result<MemberImportView> cancel_member_import(Services& services, const Actor& actor, int64_t id);

struct MemberImportKindOptions {
  int row_us = 0;  // tests only: each row takes at least this long (so a test can kill mid-run)
};
std::unique_ptr<JobKind> make_member_import_kind(MemberImportKindOptions options);

}  // namespace chibo::app
