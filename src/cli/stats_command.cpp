// chibo stats snapshot: the closed-period snapshots of the figures as of a day
// (app/stats_snapshots.h), for a nightly timer: every 30/6 and 31/12 of the last years, or the
// days given; each taken again (the members written since it was taken are then few).
#include <iostream>

#include "app/runner.h"
#include "app/stats_snapshots.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::cli {

namespace {

struct SnapshotOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::vector<std::string> as_of;
  int years = 2;
};

int snapshot(const SnapshotOptions& options) {
  auto runtime = open_runtime({options.db, "", 2, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  std::vector<Date> days;
  for (const std::string& text : options.as_of) {
    const std::optional<Date> day = Date::parse(text);
    if (!day) {
      std::cerr << "chibo stats snapshot: --as-of " << text << ": not a date (YYYY-MM-DD)\n";
      return 2;
    }
    days.push_back(*day);
  }
  if (days.empty()) days = app::closed_period_ends((*runtime)->clock.today(), options.years);
  for (Date day : days) {
    auto taken = app::run_write(*(*runtime)->services, app::Actor::system("chibo stats"),
                                app::take_stats_snapshot, day);
    if (!taken) {
      std::cerr << "chibo stats snapshot: " << day.iso() << ":\n";
      print_error(taken.error());
      return 1;
    }
    std::cout << "snapshot " << taken->as_of.iso() << ": " << taken->members
              << " members on the roll, counts for " << taken->organizations << " organizations\n";
  }
  return 0;
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
  CLI::App* stats = app.add_subcommand("stats", "Statistics kept for fast figures");
  stats->require_subcommand(1);
  auto options = std::make_shared<SnapshotOptions>();
  CLI::App* command = stats->add_subcommand(
      "snapshot",
      "Take the snapshots of the figures as of 30/6 and 31/12 (closed periods), so that the "
      "dashboard answers for those days without reading the whole roll");
  add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Days to take (YYYY-MM-DD, before today)");
  command
      ->add_option("--years", options->years,
                   "Without --as-of: the half-year ends of this many years back, and this year's")
      ->check(CLI::Range(0, 50))
      ->capture_default_str();
  command->callback([options, &exit_code] { exit_code = snapshot(*options); });
}

}  // namespace chibo::cli
