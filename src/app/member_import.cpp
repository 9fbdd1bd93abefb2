#include "app/member_import.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "app/access_control.h"
#include "app/discipline.h"
#include "app/member_changes.h"
#include "app/runner.h"
#include "app/single_attempt.h"
#include "domain/members/member_fields.h"
#include "io/csv.h"
#include "io/xlsx/xlsx_reader.h"
#include "text/clean.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

constexpr int kTitleRowsMax = 10;  // title lines a workbook may have above its header
const char* const kOrgCode = "org_code";

// Columns an export writes that an import may carry back and ignores (chibo derives them).
bool is_ignored_column(const std::string& key) {
  const domain::MemberField* field = domain::find_member_field(key);
  if (field && field->access == domain::FieldAccess::kDerived) return true;
  return key == "id" || key == "org_name" || key == "age" || key == "version" ||
         key == "created_at" || key == "updated_at";
}

// Maps a header cell to a field name: the name itself, or a label in either language.
std::string column_key(const std::string& header) {
  const text::Cleaned cleaned = text::clean_line(header);
  if (!cleaned.ok()) return std::string();
  if (domain::find_member_field(cleaned.text) || cleaned.text == kOrgCode ||
      is_ignored_column(cleaned.text)) {
    return cleaned.text;
  }
  const std::string folded = text::fold(cleaned.text);
  for (const domain::MemberField& field : domain::member_fields()) {
    if (folded == text::fold(field.label_vi) || folded == text::fold(field.label_en))
      return field.name;
  }
  if (folded == "ma chi bo" || folded == "organization code") return kOrgCode;
  // The headers a labelled export writes for its extra columns.
  if (folded == "ma so" || folded == "id") return "id";
  if (folded == "ten chi bo" || folded == "organization name") return "org_name";
  return std::string();
}

FieldError at_line(FieldError error, long long line) {
  error.params.emplace_back("line", std::to_string(line));
  return error;
}

// What an export selected, for the audit trail.
nlohmann::json export_details(const MemberQuery& query) {
  nlohmann::json details = nlohmann::json::object();
  if (query.org.valid()) details["org"] = query.org.value;
  if (!query.statuses.empty()) details["status"] = query.statuses;
  if (query.sex) details["sex"] = *query.sex;
  if (!query.ethnicities.empty()) details["ethnicity"] = query.ethnicities;
  if (query.age_min) details["age_min"] = *query.age_min;
  if (query.age_max) details["age_max"] = *query.age_max;
  if (query.admitted_year_from) details["admitted_from"] = *query.admitted_year_from;
  if (query.admitted_year_to) details["admitted_to"] = *query.admitted_year_to;
  if (!query.q.empty()) details["q"] = query.q;
  return details;
}

}  // namespace

namespace member_import_detail {

class CsvRows : public MemberRowSource {
 public:
  explicit CsvRows(std::istream& in) : reader_(in) {}
  Status read(const std::function<bool(const SourceRow&)>& on_row) override {
    SourceRow row;
    bool header = true;
    while (reader_.next(row.cells)) {
      row.line = reader_.record_line();
      header = false;
      if (!on_row(row)) return Ok();
    }
    if (reader_.error()) {
      const std::string line = std::to_string(std::max(1LL, reader_.record_line()));
      return Error::invalid({{"file", "csv_unterminated_quote", {{"line", line}}}});
    }
    if (header) return Error::invalid({{"file", "csv_no_header", {{"line", "1"}}}});
    return Ok();
  }
  long long bytes_read() const override { return reader_.bytes_read(); }

 private:
  io::CsvReader reader_;
};

class XlsxRows : public MemberRowSource {
 public:
  explicit XlsxRows(std::string_view bytes) : bytes_(bytes) {}
  Status read(const std::function<bool(const SourceRow&)>& on_row) override {
    Result<io::xlsx::Reader> reader = io::xlsx::Reader::open_bytes(bytes_);
    if (!reader) return Error::invalid({{"file", "xlsx_unreadable", {{"line", "1"}}}});
    if (reader->sheet_names().empty())
      return Error::invalid({{"file", "xlsx_sheet_missing", {{"line", "1"}}}});
    const bool date1904 = reader->date1904();
    bool any = false;
    SourceRow row;
    Status read = reader->read_sheet(0, [&](int64_t line, const io::xlsx::Row& cells) -> bool {
      // Rows without a value (a blank line an office left) are not records.
      bool blank = true;
      for (const io::xlsx::CellValue& cell : cells) blank = blank && cell.empty();
      if (blank) return true;
      any = true;
      row.line = line;
      row.cells.clear();
      row.dates.clear();
      for (const io::xlsx::CellValue& cell : cells) {
        row.cells.push_back(io::xlsx::cell_text(cell));
        row.dates.push_back(cell.type == io::xlsx::CellValue::Type::kNumber
                                ? io::xlsx::excel_serial_date(cell.number, date1904)
                                : std::nullopt);
      }
      return on_row(row);
    });
    if (!read) return Error::invalid({{"file", "xlsx_unreadable", {{"line", "1"}}}});
    if (!any) return Error::invalid({{"file", "csv_no_header", {{"line", "1"}}}});
    return Ok();
  }
  long long bytes_read() const override { return -1; }

 private:
  std::string_view bytes_;
};

Error import_failed(std::vector<FieldError> errors, size_t count) {
  Error error = Error::invalid(std::move(errors));
  error.reason = "import_failed";
  error.params = {{"count", std::to_string(count)}};
  return error;
}

}  // namespace member_import_detail

std::unique_ptr<MemberRowSource> csv_member_rows(std::istream& in) {
  return std::make_unique<member_import_detail::CsvRows>(in);
}

std::unique_ptr<MemberRowSource> xlsx_member_rows(std::string_view bytes) {
  return std::make_unique<member_import_detail::XlsxRows>(bytes);
}

const char* member_file_format(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ? "xlsx" : "csv";
}

Result<ImportReport> import_member_rows(Context& ctx, MemberRowSource& rows,
                                        const ImportOptions& options) {
  using member_import_detail::import_failed;
  ImportReport report;
  std::vector<FieldError> errors;
  size_t error_count = 0;
  auto add_error = [&](FieldError error) {
    ++error_count;
    if (errors.size() < kMaxReportedErrors) errors.push_back(std::move(error));
  };
  Transaction& tx = ctx.tx;
  std::vector<std::string> keys;
  std::vector<bool> date_column;
  bool header_done = false;
  std::optional<Error> stopped;  // a refusal that ends the reading at once
  std::unordered_map<std::string, long long> citizen_lines;
  std::unordered_map<std::string, long long> card_lines;
  std::unordered_map<std::string, std::optional<OrgId>> org_codes;
  NewMemberLookups lookups;
  lookups.batch_citizen_ids = &citizen_lines;
  lookups.batch_card_nos = &card_lines;
  const long long every = std::max(1LL, options.progress_every);
  // Rows are written as they pass their checks, while no row has failed (a refused file then
  // leaves nothing: the writer discards what it wrote). No file's worth of members in memory.
  std::unique_ptr<MemberBulkInsert> writer;
  const std::string now = ctx.now();
  domain::MemberPatch patch;

  auto on_header = [&](const SourceRow& row) -> bool {
    std::set<std::string> seen;
    for (const std::string& cell : row.cells) {
      const std::string key = column_key(cell);
      if (key.empty()) {
        // Columns left without a header and without values (a sheet's trailing blanks).
        if (text::clean_line(cell).text.empty()) {
          keys.push_back(std::string());
          date_column.push_back(false);
          continue;
        }
        add_error(at_line({"file", "column_unknown", {{"column", cell.substr(0, 60)}}}, row.line));
      } else if (!seen.insert(key).second) {
        add_error(at_line({key, "column_duplicate", {}}, row.line));
      }
      keys.push_back(key);
      const domain::MemberField* field = domain::find_member_field(key);
      date_column.push_back(field && field->kind == domain::FieldKind::kDate);
    }
    for (const domain::MemberField& field : domain::member_fields()) {
      const bool has_org = seen.count("org_id") || seen.count(kOrgCode);
      const bool present =
          field.kind == domain::FieldKind::kOrgRef ? has_org : seen.count(field.name) > 0;
      if (field.required && !present)
        add_error(at_line({field.name, "column_missing", {}}, row.line));
    }
    if (error_count > 0) {
      stopped = import_failed(std::move(errors), error_count);
      return false;
    }
    // Importing is a permission of its own; rows outside the importer's reach are "not found".
    if (reach_of(ctx, domain::Permission::kMemberImport).none()) {
      stopped = Error::not_found("organization");
      return false;
    }
    return true;
  };

  auto on_record = [&](const SourceRow& row) -> bool {
    const long long line = row.line;
    ++report.rows;
    if (options.progress && report.rows % every == 0) {
      if (options.dry_run) {
        options.progress({"checking", report.rows, rows.bytes_read()});
      } else {
        options.progress({"writing", report.imported, rows.bytes_read()});
      }
    }
    if (options.cancelled && options.cancelled()) {
      stopped = Error::conflict("member_import_cancelled");
      return false;
    }
    // A workbook's row may stop at its last value; a CSV record must have every column.
    const bool short_ok = !row.dates.empty() && row.cells.size() < keys.size();
    if (row.cells.size() != keys.size() && !short_ok) {
      bool extra_blank = row.cells.size() > keys.size() && !row.dates.empty();
      for (size_t index = keys.size(); extra_blank && index < row.cells.size(); ++index)
        extra_blank = row.cells[index].empty();
      if (!extra_blank) {
        add_error(at_line({"file",
                           "row_width",
                           {{"found", std::to_string(row.cells.size())},
                            {"expected", std::to_string(keys.size())}}},
                          line));
        return true;
      }
    }
    patch.clear();
    bool row_ok = true;
    for (size_t index = 0; index < row.cells.size() && index < keys.size(); ++index) {
      const std::string& key = keys[index];
      if (key.empty()) continue;
      std::string cell = io::unguard_cell(row.cells[index]);
      if (cell.empty() || is_ignored_column(key)) continue;
      if (date_column[index]) {
        // Dates as offices type them: an Excel date (a serial day), dd/mm/yyyy or ISO.
        if (index < row.dates.size() && row.dates[index]) {
          cell = row.dates[index]->iso();
        } else if (std::optional<Date> typed = io::xlsx::parse_text_date(cell)) {
          cell = typed->iso();
        }
      }
      if (key == kOrgCode) {
        auto found = org_codes.find(cell);
        if (found == org_codes.end())
          found = org_codes.emplace(cell, tx.orgs().find_by_code(cell)).first;
        if (!found->second) {
          add_error(at_line({kOrgCode, "org_not_found", {}}, line));
          row_ok = false;
        } else {
          patch["org_id"] = std::to_string(found->second->value);
        }
        continue;
      }
      patch[key] = cell;
    }
    if (!row_ok) return true;
    Result<Member> member = prepare_new_member(ctx, patch, &lookups);
    if (!member) {
      for (FieldError error : member.error().fields) add_error(at_line(std::move(error), line));
      return true;
    }
    // Duplicates inside the file, which the store cannot see yet.
    if (auto [it, fresh] = citizen_lines.emplace(member->citizen_id, line); !fresh) {
      add_error(at_line({"citizen_id", "duplicate_in_file", {{"line", std::to_string(it->second)}}},
                        line));
      return true;
    }
    if (!member->party_card_no.empty()) {
      if (auto [it, fresh] = card_lines.emplace(member->party_card_no, line); !fresh) {
        add_error(at_line(
            {"party_card_no", "duplicate_in_file", {{"line", std::to_string(it->second)}}}, line));
        return true;
      }
    }
    if (!options.dry_run && error_count == 0) {
      if (!writer) writer = tx.members().bulk_insert();
      member->created_at = member->updated_at = now;
      std::vector<FieldChange> changes = domain::diff_members(Member(), *member);
      writer->add(*member,
                  {0, MemberId(), now, ctx.actor.name, "import", std::move(changes), {}, {}});
      ++report.imported;
    }
    return true;
  };

  // A workbook as offices keep it may have title lines above the header: the header is the
  // first row naming at least two known columns (within the first few rows).
  int skipped = 0;
  auto known_columns = [](const SourceRow& row) {
    int known = 0;
    for (const std::string& cell : row.cells) known += column_key(cell).empty() ? 0 : 1;
    return known;
  };
  Status read = rows.read([&](const SourceRow& row) -> bool {
    if (!header_done) {
      if (!row.dates.empty() && skipped < kTitleRowsMax && known_columns(row) < 2) {
        ++skipped;
        return true;
      }
      header_done = true;
      return on_header(row);
    }
    return on_record(row);
  });
  auto refuse = [&](Error error) -> Result<ImportReport> {
    if (writer) writer->discard();
    return error;
  };
  if (stopped) return refuse(std::move(*stopped));
  if (read && !header_done) add_error({"file", "csv_no_header", {{"line", "1"}}});
  if (!read) {
    // The file broke off (an open quote, a damaged workbook): reported with the rows' errors.
    for (FieldError error : read.error().fields) add_error(std::move(error));
  }
  if (error_count > 0) return refuse(import_failed(std::move(errors), error_count));
  if (options.dry_run) return report;
  if (options.cancelled && options.cancelled())
    return refuse(Error::conflict("member_import_cancelled"));
  if (writer) writer->finish();
  if (options.progress) options.progress({"writing", report.imported, rows.bytes_read()});
  ctx.audit(AuditEntry::about("member.import", "import", 0).with("rows", report.imported));
  return report;
}

Result<ImportReport> import_members(Services& services, const Actor& actor, MemberRowSource& rows,
                                    const ImportOptions& options) {
  SingleAttempt once;  // the rows are read from the source inside the transaction
  return run_write(services, actor, [&](Context& ctx) -> Result<ImportReport> {
    if (Status first = once.begin(); !first) return std::move(first).error();
    return import_member_rows(ctx, rows, options);
  });
}

Result<ImportReport> import_members(Services& services, const Actor& actor, std::istream& in,
                                    const ImportOptions& options) {
  std::unique_ptr<MemberRowSource> rows = csv_member_rows(in);
  return import_members(services, actor, *rows, options);
}

Result<long long> export_members(Services& services, const Actor& actor, const MemberQuery& query,
                                 std::ostream& out, const ExportOptions& options) {
  long long written = 0;
  if (options.bom) out << "\xEF\xBB\xBF";
  io::CsvWriter writer(out);
  const domain::Reach restricted = reach_of(services, actor, domain::Permission::kDisciplineRead);
  // Restricted columns (discipline: the decided cases in force and the legacy note, the text the
  // member's detail shows) exist only for those who may read discipline somewhere; values
  // outside their discipline.read reach are blank.
  std::vector<domain::MemberField> fields;
  for (const domain::MemberField& field : domain::member_fields())
    if (!field.restricted || !restricted.none()) fields.push_back(field);
  const bool en = options.english;
  std::vector<std::string> header = {options.labels ? (en ? "Id" : "Mã số") : "id"};
  for (const domain::MemberField& field : fields) {
    header.push_back(options.labels ? (en ? field.label_en : field.label_vi) : field.name);
  }
  header.push_back(options.labels ? (en ? "Organization name" : "Tên chi bộ") : "org_name");
  writer.write(header);
  const domain::Catalog& catalog = services.catalog;
  auto label_of = [&](const domain::MemberField& field, const std::string& code) -> std::string {
    if (!options.labels || code.empty()) return code;
    if (field.list) {
      const domain::CatalogEntry* entry = (catalog.*(field.list)).find(code);
      return entry ? (en ? entry->name_en : entry->name_vi) : code;
    }
    if (field.kind == domain::FieldKind::kStatus) {
      const domain::MemberStatusInfo* info = catalog.member_status(code);
      return info ? (en ? info->name_en : info->name_vi) : code;
    }
    return code;
  };
  MemberQuery unpaged = query;
  unpaged.offset = 0;
  unpaged.limit = 1;
  // The export is recorded first (what was asked, by whom); a failed export leaves that record.
  Result<MemberFilter> checked =
      run_write(services, actor, [&](Context& ctx) -> Result<MemberFilter> {
        Result<MemberFilter> filter = build_filter(ctx, domain::Permission::kMemberExport, unpaged);
        if (!filter) return filter;
        AuditEntry entry = AuditEntry::about("member.export", "export", 0,
                                             filter->subtree ? filter->subtree->str() : "");
        entry.restricted = !restricted.none();
        entry.details = export_details(query);
        ctx.audit(entry);
        return filter;
      });
  if (!checked) return std::move(checked).error();
  SingleAttempt once;  // rows go to `out` as they are read
  Status status = run_read(services, actor, [&](Context& ctx) -> Status {
    if (Status first = once.begin(); !first) return first;
    std::vector<std::string> row;
    // The decided cases of the export's whole tree, read before the rows stream.
    std::map<MemberId, std::vector<domain::discipline::DecidedSanction>> decided;
    if (!restricted.none()) {
      std::optional<OrgPath> tree;
      if (checked->subtree) tree = OrgPath::root(checked->subtree->ids().front());
      decided = decided_sanctions_in(ctx.tx, tree);
    }
    ctx.tx.members().scan(*checked, [&](const Member& stored, const std::string& org_name) {
      const Member* member = &stored;
      Member shown;
      if (!restricted.none() && restricted.covers(stored.org_path)) {
        const auto found = decided.find(stored.id);
        if (found != decided.end() || !stored.discipline_legacy.empty()) {
          shown = stored;
          shown.discipline = domain::discipline::discipline_text(
              found != decided.end() ? found->second
                                     : std::vector<domain::discipline::DecidedSanction>{},
              stored.discipline_legacy);
          member = &shown;
        }
      }
      row.clear();
      row.push_back(std::to_string(member->id.value));
      for (const domain::MemberField& field : fields)
        row.push_back(label_of(field, domain::member_field_text(*member, field)));
      row.push_back(org_name);
      writer.write(row);
      ++written;
    });
    return Ok();
  });
  if (!status) return std::move(status).error();
  out.flush();
  return written;
}

}  // namespace chibo::app
