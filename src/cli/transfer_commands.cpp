// chibo import / chibo export: members as CSV (import: CSV or an XLSX workbook's first sheet).
#include <fstream>
#include <iostream>
#include <iterator>

#include "app/member_import.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::cli {

namespace {

struct ImportCommandOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string file;
  bool dry_run = false;
};

int import_file(const ImportCommandOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    std::cerr << "chibo import: cannot read " << options.file << "\n";
    return 2;
  }
  auto runtime = open_runtime({options.db, "", 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  app::ImportOptions import_options;
  import_options.dry_run = options.dry_run;
  import_options.progress = [](const app::ImportProgress& progress) {
    std::cerr << "\r  " << progress.phase << ": " << progress.rows << " rows";
    if (progress.bytes >= 0) std::cerr << " (" << progress.bytes / 1024 << " KiB)";
    std::cerr << std::flush;
  };
  // A workbook is read whole (it is a ZIP archive); a CSV file streams.
  char magic[4] = {0, 0, 0, 0};
  in.read(magic, 4);
  const bool workbook = in.gcount() == 4 && std::string(magic, 4) == std::string("PK\x03\x04", 4);
  in.clear();
  in.seekg(0);
  std::string bytes;
  std::unique_ptr<app::MemberRowSource> rows;
  if (workbook) {
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    rows = app::xlsx_member_rows(bytes);
  } else {
    rows = app::csv_member_rows(in);
  }
  auto report = app::import_members(
      *(*runtime)->services, app::Actor::system(cli_actor(), "import"), *rows, import_options);
  std::cerr << "\n";
  if (!report) {
    print_error(report.error());
    return 1;
  }
  std::cout << "chibo import: " << report->rows << " rows checked, "
            << (options.dry_run ? 0 : report->imported) << " members imported"
            << (options.dry_run ? " (dry run: nothing written)" : "") << "\n";
  return 0;
}

struct ExportCommandOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  long long org = 0;
  std::vector<std::string> statuses;
  std::string q;
  std::string output = "-";
  bool labels = false;
  bool bom = false;
};

int export_file(const ExportCommandOptions& options) {
  auto runtime = open_runtime({options.db, "", 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  app::MemberQuery query;
  query.org = OrgId(options.org);
  query.statuses = options.statuses;
  query.q = options.q;
  std::ofstream file;
  if (options.output != "-") {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "chibo export: cannot write " << options.output << "\n";
      return 2;
    }
  }
  std::ostream& out = options.output == "-" ? std::cout : file;
  auto written =
      app::export_members(*(*runtime)->services, app::Actor::system(cli_actor(), "export"), query,
                          out, {options.labels, options.bom});
  if (!written) {
    print_error(written.error());
    return 1;
  }
  std::cerr << "chibo export: " << *written << " members\n";
  return 0;
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "import",
      "Import members from a CSV file (UTF-8, header row) or an XLSX workbook (its first sheet); "
      "every row is checked and either all are written or none");
  command->add_option("file", options->file, "CSV or XLSX file")->required();
  add_db_option(*command, options->db);
  command->add_flag("--dry-run", options->dry_run, "Check the file without writing anything");
  command->callback([options, &exit_code] { exit_code = import_file(*options); });
}

void add_export_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* command =
      app.add_subcommand("export", "Export members as CSV in Vietnamese name order");
  add_db_option(*command, options->db);
  command->add_option("--org", options->org, "Only this organization's subtree (id)");
  command->add_option("--status", options->statuses, "Only these statuses (repeatable)");
  command->add_option("--q", options->q, "Only members matching this search text");
  command->add_option("-o,--output", options->output, "Output file ('-' for standard output)")
      ->capture_default_str();
  command->add_flag("--labels", options->labels,
                    "Vietnamese column headers and names instead of codes");
  command->add_flag("--bom", options->bom, "Start with a UTF-8 byte order mark (for Excel)");
  command->callback([options, &exit_code] { exit_code = export_file(*options); });
}

}  // namespace chibo::cli
