#include "app/member_imports.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/access_control.h"
#include "app/fanout_steps.h"
#include "app/member_import.h"
#include "app/runner.h"
#include "app/sessions.h"
#include "domain/documents/attachment.h"
#include "io/xlsx/xlsx_writer.h"
#include "security/hashing.h"

namespace chibo::app {

// ---- the board ---------------------------------------------------------------------------------

void MemberImportBoard::set(int64_t id, const Live& live) {
  std::lock_guard lock(mutex_);
  live_[id] = live;
}

void MemberImportBoard::clear(int64_t id) {
  std::lock_guard lock(mutex_);
  live_.erase(id);
  cancels_.erase(id);
}

std::optional<MemberImportBoard::Live> MemberImportBoard::live(int64_t id) const {
  std::lock_guard lock(mutex_);
  auto found = live_.find(id);
  if (found == live_.end()) return std::nullopt;
  return found->second;
}

void MemberImportBoard::request_cancel(int64_t id) {
  std::lock_guard lock(mutex_);
  cancels_[id] = true;
}

bool MemberImportBoard::cancel_requested(int64_t id) const {
  std::lock_guard lock(mutex_);
  return cancels_.count(id) > 0;
}

// Named, not anonymous: the unity build joins this file with the others.
namespace member_imports_detail {

bool finished(const MemberImport& import) {
  return import.state == "done" || import.state == "failed" || import.state == "cancelled";
}

MemberImportView view_of(const Services& services, MemberImport import) {
  MemberImportView view;
  if (!finished(import) && services.member_import_board)
    view.live = services.member_import_board->live(import.id);
  view.import = std::move(import);
  return view;
}

// The importer sees their imports; member.import over every organization sees all of them.
// Without member.import: forbidden; anyone else: not found.
Result<MemberImport> visible_import(Context& ctx, int64_t id) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberImport);
  if (reach.none()) return Error::forbidden("forbidden");
  std::optional<MemberImport> found = ctx.tx.member_imports().find(id);
  if (!found) return Error::not_found("member_import");
  if (!reach.everything && found->user_id != ctx.actor.principal.user_id)
    return Error::not_found("member_import");
  return *found;
}

// The file's kind from its declared type, sniffed when the type says nothing.
std::optional<std::string> format_of(const MemberImportUpload& upload) {
  std::string type = upload.content_type.substr(0, upload.content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string sniffed = member_file_format(upload.content);
  if (type == io::xlsx::kContentType)
    return sniffed == "xlsx" ? std::optional("xlsx") : std::nullopt;
  if (type == "text/csv" || type == "text/plain" || type == "application/csv") {
    if (sniffed != "csv") return std::nullopt;
    // Text: no NUL byte in its beginning (a PDF or an image sent as CSV).
    if (upload.content.substr(0, 4096).find('\0') != std::string::npos) return std::nullopt;
    return "csv";
  }
  if (type == "application/octet-stream" || type.empty()) {
    if (upload.content.substr(0, 4096).find('\0') != std::string::npos && sniffed != "xlsx")
      return std::nullopt;
    return sniffed;
  }
  return std::nullopt;
}

// The import's errors as stored: each with its row (the "line" parameter) apart.
std::string errors_json(const Error& error) {
  nlohmann::json list = nlohmann::json::array();
  for (const FieldError& field : error.fields) {
    nlohmann::json params = nlohmann::json::object();
    // The row is the last "line" (at_line appends it); an earlier one names another row (the
    // first of a duplicate).
    long long row = 0;
    for (const auto& [key, value] : field.params) {
      if (key == "line") {
        if (row != 0) params["first_line"] = std::to_string(row);
        row = std::atoll(value.c_str());
      } else {
        params[key] = value;
      }
    }
    list.push_back(
        {{"row", row}, {"field", field.field}, {"code", field.code}, {"params", params}});
  }
  if (list.empty()) {
    // A refusal of the whole file (no member.import or member.write anywhere any more).
    list.push_back({{"row", 0},
                    {"field", "file"},
                    {"code", error.reason},
                    {"params", nlohmann::json::object()}});
  }
  return list.dump();
}

int64_t error_count_of(const Error& error) {
  for (const auto& [key, value] : error.params)
    if (key == "count") return std::atoll(value.c_str());
  return static_cast<int64_t>(std::max<size_t>(1, error.fields.size()));
}

class MemberImportKind : public JobKind {
 public:
  explicit MemberImportKind(MemberImportKindOptions options) : options_(options) {}
  std::string kind() const override { return kJobMemberImport; }
  JobSchedule schedule() const override { return JobSchedule::kOnDemand; }

  // One step: one phase of the import, whatever `limit`.
  Result<int> run_steps(Context& ctx, const JobRow& job, int) override {
    const std::optional<int64_t> id = fanout_payload_id(job.payload, "import");
    if (!id) return Error::malformed("job_payload_invalid", {{"key", job.key}});
    std::optional<MemberImport> found = ctx.tx.member_imports().find(*id);
    if (!found || finished(*found)) return 0;  // the run is done
    MemberImport import = *found;
    MemberImportBoard* board = ctx.services.member_import_board;
    const std::optional<User> user = ctx.tx.users().find(import.user_id);
    std::optional<std::string> content = ctx.tx.documents().content(import.file_sha256);
    if (!user || user->disabled || !content) {
      Error gone = Error::invalid({});
      gone.reason = !content ? "member_import_file_missing" : "member_import_importer_disabled";
      return fail(ctx, import, gone);
    }
    // The importer's access decides, as if they imported in their request.
    Actor importer;
    importer.principal = principal_of(ctx.tx, *user);
    importer.name = user->username;
    importer.request_id = "import-" + std::to_string(import.id);
    Context as_importer(ctx.services, importer, ctx.tx);

    const bool writing = import.state == "checked";
    std::istringstream csv;
    std::unique_ptr<MemberRowSource> rows;
    if (import.format == "xlsx") {
      rows = xlsx_member_rows(*content);
    } else {
      csv.str(*content);
      rows = csv_member_rows(csv);
    }
    ImportOptions options;
    options.dry_run = !writing;
    options.progress_every = options_.row_us > 0 ? 1 : 1000;
    const int64_t file_size = import.file_size;
    options.progress = [&, board](const ImportProgress& progress) {
      if (options_.row_us > 0)
        std::this_thread::sleep_for(std::chrono::microseconds(options_.row_us));
      if (!board) return;
      // The write phase checks each row again as it writes it: shown as writing throughout.
      const bool checked = std::string(progress.phase) == "checking";
      board->set(import.id,
                 {writing ? "writing" : progress.phase,
                  writing && checked ? int64_t{0} : int64_t{progress.rows},
                  progress.bytes < 0 ? int64_t{-1} : std::min<int64_t>(progress.bytes, file_size)});
    };
    options.cancelled = [&, board] { return board && board->cancel_requested(import.id); };
    if (board) board->set(import.id, {writing ? "writing" : "checking", 0, 0});
    Result<ImportReport> report = import_member_rows(as_importer, *rows, options);
    if (board) board->clear(import.id);
    if (!report) {
      // Cancelled: nothing of the phase stays; the cancel request records the state.
      if (report.error().reason == "member_import_cancelled") return std::move(report).error();
      // A refusal (the rows changed in the database since the check, when writing) leaves
      // none of the rows (the import discards what it wrote): recorded. Anything else fails the
      // run, rolled back, and the job runner tries it again later.
      if (report.error().reason != "import_failed" && report.error().reason != "not_found" &&
          report.error().reason != "forbidden")
        return std::move(report).error();
      return fail(ctx, import, report.error());
    }
    const int64_t version = import.version;
    import.updated_at = ctx.now();
    if (writing) {
      import.state = "done";
      import.rows_written = report->imported;
      import.finished_at = import.updated_at;
    } else {
      import.state = "checked";
      import.rows_total = report->rows;
      import.rows_checked = report->rows;
    }
    if (!ctx.tx.member_imports().update(import, version)) return Error::conflict("job_lease_lost");
    if (writing) {
      ctx.audit(AuditEntry::about("member.import_done", "member_import", import.id)
                    .with("rows", import.rows_written)
                    .with("file_name", import.file_name)
                    .with("importer", import.created_by));
      return 0;
    }
    return 1;
  }

 private:
  // Records the failure in the run's transaction; the run is then done.
  Result<int> fail(Context& ctx, MemberImport import, const Error& error) {
    const int64_t version = import.version;
    import.state = "failed";
    import.errors = errors_json(error);
    import.error_count = error_count_of(error);
    import.updated_at = import.finished_at = ctx.now();
    if (!ctx.tx.member_imports().update(import, version)) return Error::conflict("job_lease_lost");
    ctx.audit(AuditEntry::about("member.import_failed", "member_import", import.id)
                  .with("errors", import.error_count)
                  .with("file_name", import.file_name));
    return 0;
  }

  MemberImportKindOptions options_;
};

}  // namespace member_imports_detail

using namespace member_imports_detail;

Result<MemberImportView> start_member_import(Context& ctx, MemberImportUpload upload) {
  if (reach_of(ctx, domain::Permission::kMemberImport).none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  if (upload.content.empty()) {
    errors.push_back({"file", "member_import_empty", {{"line", "1"}}});
    return Error::invalid(std::move(errors));
  }
  const std::optional<std::string> format = format_of(upload);
  if (!format) {
    errors.push_back({"file", "member_import_file_type", {{"accepted", "CSV, XLSX"}}});
    return Error::invalid(std::move(errors));
  }
  MemberImport import;
  import.state = "queued";
  import.format = *format;
  import.file_name = domain::clean_file_name(upload.file_name);
  if (import.file_name.empty()) import.file_name = "members." + *format;
  import.file_size = static_cast<int64_t>(upload.content.size());
  import.file_sha256 = security::sha256_hex(upload.content);
  import.user_id = ctx.actor.principal.user_id;
  import.created_by = ctx.actor.name;
  import.created_at = import.updated_at = ctx.now();
  ctx.tx.documents().store_content(import.file_sha256, upload.content, import.created_at);
  ctx.tx.member_imports().insert(import);
  schedule_fanout(ctx, kJobMemberImport, "import", import.id);
  ctx.audit(AuditEntry::about("member.import_start", "member_import", import.id)
                .with("file_name", import.file_name)
                .with("format", import.format)
                .with("bytes", import.file_size)
                .with("sha256", import.file_sha256));
  return view_of(ctx.services, std::move(import));
}

Result<MemberImportView> get_member_import(Context& ctx, int64_t id) {
  Result<MemberImport> found = visible_import(ctx, id);
  if (!found) return std::move(found).error();
  return view_of(ctx.services, std::move(*found));
}

Result<MemberImportView> cancel_member_import(Services& services, const Actor& actor, int64_t id) {
  // First seen (404 otherwise), then the phase in progress here is told to stop: it gives up
  // its transaction, which lets the state below be written.
  Result<MemberImport> seen = run_read(services, actor, [&](Context& ctx) -> Result<MemberImport> {
    return visible_import(ctx, id);
  });
  if (!seen) return std::move(seen).error();
  if (finished(*seen) && seen->state != "cancelled")
    return Error::conflict("member_import_finished", {{"state", seen->state}});
  if (services.member_import_board) services.member_import_board->request_cancel(id);
  return run_write(services, actor, [&](Context& ctx) -> Result<MemberImportView> {
    Result<MemberImport> found = visible_import(ctx, id);
    if (!found) return std::move(found).error();
    if (found->state == "cancelled") return view_of(ctx.services, std::move(*found));
    if (finished(*found))
      return Error::conflict("member_import_finished", {{"state", found->state}});
    const int64_t version = found->version;
    found->state = "cancelled";
    found->updated_at = found->finished_at = ctx.now();
    if (!ctx.tx.member_imports().update(*found, version)) return Error::conflict("stale_version");
    ctx.audit(AuditEntry::about("member.import_cancel", "member_import", id)
                  .with("file_name", found->file_name));
    return view_of(ctx.services, std::move(*found));
  });
}

std::unique_ptr<JobKind> make_member_import_kind(MemberImportKindOptions options) {
  return std::make_unique<member_imports_detail::MemberImportKind>(options);
}

}  // namespace chibo::app
