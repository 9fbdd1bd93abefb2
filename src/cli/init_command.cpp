// chibo init: create or upgrade the database, and optionally its root organization.
#include <iostream>

#include "app/org_changes.h"
#include "app/runner.h"
#include "app/users.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "domain/access/session_policy.h"
#include "storage/sql/engine/database_url.h"
#include "storage/sql/engine/migrations.h"

namespace chibo::cli {

namespace {

struct InitOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string rules_dir;
  std::string root_name;
  std::string root_code;
  std::string root_kind = "committee_central";
  std::string admin_username = "admin";
};

// The first administrator, once: its one-time password is printed here and nowhere else, and
// must be changed (then a second factor enrolled) at the first login.
int first_administrator(app::Services& services, const std::string& username) {
  auto created =
      app::create_first_administrator(services, app::Actor::system(cli_actor(), "init"), username);
  if (!created) {
    if (created.error().reason == "users_exist") return 0;
    print_error(created.error());
    return 1;
  }
  std::cout << "chibo: created the administrator \"" << created->view.user.username
            << "\" with the one-time password\n\n    " << created->one_time_password
            << "\n\nIt is shown only now and works for "
            << domain::SessionPolicy{}.one_time_password_lifetime_ms / 3'600'000
            << " hours. Sign in with it, choose a new password and enrol a second factor (TOTP).\n";
  return 0;
}

int init(const InitOptions& options) {
  auto runtime = open_runtime({options.db, options.rules_dir, 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  std::cout << "chibo: database ready (" << options.db << ")\n";
  if (const int status = first_administrator(*(*runtime)->services, options.admin_username);
      status != 0)
    return status;
  if (options.root_name.empty()) return 0;
  domain::OrgDraft draft;
  draft.kind = options.root_kind;
  draft.name = options.root_name;
  if (!options.root_code.empty()) draft.code = options.root_code;
  auto created = app::run_write(*(*runtime)->services, app::Actor::system(cli_actor(), "init"),
                                app::create_org, OrgId(), draft);
  if (!created) {
    print_error(created.error());
    return 1;
  }
  std::cout << "chibo: created root organization #" << created->org.id.value << " "
            << created->org.name << "\n";
  return 0;
}

}  // namespace

void add_init_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command =
      app.add_subcommand("init", "Create the database (or apply pending migrations)");
  add_db_option(*command, options->db);
  command->add_option("--rules-dir", options->rules_dir, "Read rule files from this folder");
  command->add_option("--root-name", options->root_name,
                      "Also create the root organization with this name");
  command->add_option("--root-code", options->root_code, "Code of the root organization");
  command->add_option("--root-kind", options->root_kind, "Kind of the root organization")
      ->capture_default_str();
  command
      ->add_option("--admin-username", options->admin_username,
                   "Name of the first administrator (created once, with a one-time password)")
      ->capture_default_str();
  command->callback([options, &exit_code] { exit_code = init(*options); });
}

}  // namespace chibo::cli
