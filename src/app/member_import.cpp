#include "app/member_import.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/access_control.h"
#include "app/discipline.h"
#include "app/member_changes.h"
#include "app/runner.h"
#include "app/single_attempt.h"
#include "domain/members/member_fields.h"
#include "io/csv.h"
#include "text/clean.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

constexpr long long kProgressEvery = 5000;
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

struct PreparedRow {
  long long line;
  Member member;
};

}  // namespace

Result<ImportReport> import_members(Services& services, const Actor& actor, std::istream& in,
                                    const ImportOptions& options) {
  ImportReport report;
  std::vector<FieldError> errors;
  size_t error_count = 0;
  auto add_error = [&](FieldError error) {
    ++error_count;
    if (errors.size() < kMaxReportedErrors) errors.push_back(std::move(error));
  };
  io::CsvReader reader(in);
  std::vector<std::string> header;
  if (!reader.next(header)) {
    return Error::invalid(
        {{"file", reader.error() ? "csv_unterminated_quote" : "csv_no_header", {{"line", "1"}}}});
  }
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const std::string& cell : header) {
    const std::string key = column_key(cell);
    if (key.empty()) {
      add_error(at_line({"file", "column_unknown", {{"column", cell.substr(0, 60)}}}, 1));
    } else if (!seen.insert(key).second) {
      add_error(at_line({key, "column_duplicate", {}}, 1));
    }
    keys.push_back(key);
  }
  for (const domain::MemberField& field : domain::member_fields()) {
    const bool has_org = seen.count("org_id") || seen.count(kOrgCode);
    const bool present =
        field.kind == domain::FieldKind::kOrgRef ? has_org : seen.count(field.name) > 0;
    if (field.required && !present) add_error(at_line({field.name, "column_missing", {}}, 1));
  }
  if (error_count > 0) {
    Error error = Error::invalid(std::move(errors));
    error.reason = "import_failed";
    error.params = {{"count", std::to_string(error_count)}};
    return error;
  }

  // Importing is a permission of its own; rows outside the importer's reach are "not found".
  if (reach_of(services, actor, domain::Permission::kMemberImport).none())
    return Error::not_found("organization");
  SingleAttempt once;  // the rows are read from the stream inside the transaction
  return run_write(services, actor, [&](Context& ctx) -> Result<ImportReport> {
    if (Status first = once.begin(); !first) return std::move(first).error();
    Transaction& tx = ctx.tx;
    std::vector<PreparedRow> prepared;
    std::map<std::string, long long> citizen_lines;
    std::map<std::string, long long> card_lines;
    std::map<std::string, std::optional<OrgId>> org_codes;
    std::vector<std::string> cells;
    while (reader.next(cells)) {
      const long long line = reader.record_line();
      ++report.rows;
      if (options.progress && report.rows % kProgressEvery == 0) {
        options.progress({"checking", report.rows, reader.bytes_read()});
      }
      if (cells.size() != keys.size()) {
        add_error(at_line(
            {"file",
             "row_width",
             {{"found", std::to_string(cells.size())}, {"expected", std::to_string(keys.size())}}},
            line));
        continue;
      }
      domain::MemberPatch patch;
      bool row_ok = true;
      for (size_t index = 0; index < cells.size(); ++index) {
        const std::string& key = keys[index];
        const std::string cell = io::unguard_cell(cells[index]);
        if (cell.empty() || is_ignored_column(key)) continue;
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
      if (!row_ok) continue;
      Result<Member> member = prepare_new_member(ctx, patch);
      if (!member) {
        for (FieldError error : member.error().fields) add_error(at_line(std::move(error), line));
        continue;
      }
      // Duplicates inside the file, which the store cannot see yet.
      if (auto [it, fresh] = citizen_lines.emplace(member->citizen_id, line); !fresh) {
        add_error(at_line(
            {"citizen_id", "duplicate_in_file", {{"line", std::to_string(it->second)}}}, line));
        continue;
      }
      if (!member->party_card_no.empty()) {
        if (auto [it, fresh] = card_lines.emplace(member->party_card_no, line); !fresh) {
          add_error(at_line(
              {"party_card_no", "duplicate_in_file", {{"line", std::to_string(it->second)}}},
              line));
          continue;
        }
      }
      prepared.push_back({line, std::move(*member)});
    }
    if (reader.error())
      add_error(at_line({"file", "csv_unterminated_quote", {}}, reader.record_line()));
    if (error_count > 0) {
      Error error = Error::invalid(std::move(errors));
      error.reason = "import_failed";
      error.params = {{"count", std::to_string(error_count)}};
      return error;
    }
    if (options.dry_run) return report;
    const std::string now = ctx.now();
    for (PreparedRow& row : prepared) {
      row.member.created_at = row.member.updated_at = now;
      tx.members().insert(row.member);
      tx.members().append_event({0,
                                 row.member.id,
                                 now,
                                 actor.name,
                                 "import",
                                 domain::diff_members(Member(), row.member),
                                 {},
                                 {}});
      ++report.imported;
      if (options.progress && report.imported % kProgressEvery == 0) {
        options.progress({"writing", report.imported, reader.bytes_read()});
      }
    }
    ctx.audit(AuditEntry::about("member.import", "import", 0).with("rows", report.imported));
    return report;
  });
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
