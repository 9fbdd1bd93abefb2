// chibo demo: a realistic bloc of organizations and members.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/runtime.h"
#include "demo/demo_generator.h"
#include "storage/sql/database_url.h"

namespace chibo::cli {

namespace {

struct DemoCommandOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  uint64_t seed = 2017;
  long long members = 65000;
  bool replace = false;
  bool quiet = false;
};

int demo(const DemoCommandOptions& options) {
  if (options.members < 1 || options.members > demo::kMaxDemoMembers) {
    std::cerr << "chibo demo: --members must be between 1 and " << demo::kMaxDemoMembers << "\n";
    return 2;
  }
  auto url = storage::DatabaseUrl::parse(options.db);
  if (!url) {
    print_error(url.error());
    return 2;
  }
  if (options.replace && url->engine == storage::Engine::kSqlite) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(url->sqlite_path + suffix);
  }
  const auto started = std::chrono::steady_clock::now();
  auto runtime = open_runtime({options.db, "", 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  demo::DemoOptions demo_options;
  demo_options.seed = options.seed;
  demo_options.members = options.members;
  demo_options.today = (*runtime)->clock.today();
  demo_options.now_utc = (*runtime)->clock.now_utc();
  if (!options.quiet) {
    demo_options.progress = [](long long written, long long total) {
      std::cerr << "\r  " << written << " / " << total << " members" << std::flush;
    };
  }
  auto report = demo::generate_demo(*(*runtime)->store, (*runtime)->catalog, demo_options);
  if (!options.quiet && options.members >= 50000) std::cerr << "\n";
  if (!report) {
    if (report.error().reason == "database_not_empty") {
      std::cerr << "chibo demo: " << options.db
                << " already holds data; use another --db or --replace (SQLite) to start over\n";
      return 1;
    }
    print_error(report.error());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "chibo demo: " << report->committees << " committees, " << report->base_orgs
            << " base organizations, " << report->cells << " cells, " << report->members
            << " members in " << seconds << " s (seed " << options.seed << ", " << options.db
            << ")\n";
  return 0;
}

}  // namespace

void add_demo_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DemoCommandOptions>();
  CLI::App* command =
      app.add_subcommand("demo", "Fill an empty database with a realistic demo bloc");
  command->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Random seed; the same seed gives the same data")
      ->capture_default_str();
  command->add_option("--members", options->members, "Number of members (up to 6,000,000)")
      ->capture_default_str();
  command->add_flag("--replace", options->replace, "Delete an existing SQLite file first");
  command->add_flag("--quiet", options->quiet, "No progress line");
  command->callback([options, &exit_code] { exit_code = demo(*options); });
}

}  // namespace chibo::cli
