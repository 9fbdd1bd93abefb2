// chibo check: verify the database's integrity and the derived data chibo keeps.
#include <iostream>

#include "app/dues.h"
#include "app/runner.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "storage/sql/engine/database_url.h"
#include "storage/sql/tools/consistency.h"

namespace chibo::cli {

namespace {

int check(const std::string& db) {
  auto runtime = open_runtime({db, "", 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  auto problems = storage::check_consistency(*(*runtime)->store);
  if (!problems) {
    print_error(problems.error());
    return 1;
  }
  // Derived dues data (issue 14): the removal list's standings, recomputed under today's rules.
  auto dues = app::run_read(*(*runtime)->services, app::Actor::system("chibo check"),
                            app::check_dues_standings);
  if (!dues) {
    print_error(dues.error());
    return 1;
  }
  problems->insert(problems->end(), dues->begin(), dues->end());
  for (const std::string& problem : *problems) std::cout << "problem: " << problem << "\n";
  std::cout << "chibo check: "
            << (problems->empty() ? "ok" : std::to_string(problems->size()) + " problem(s)")
            << "\n";
  return problems->empty() ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<std::string>(storage::kDefaultDatabaseUrl);
  CLI::App* command =
      app.add_subcommand("check", "Check database integrity, tree paths and member counts");
  add_db_option(*command, *db);
  command->callback([db, &exit_code] { exit_code = check(*db); });
}

}  // namespace chibo::cli
