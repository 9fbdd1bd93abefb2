// chibo user add: create a user from the server's command line (scripts, tests, the first
// accounts of a deployment). The password comes from standard input, never from arguments
// (which other local users can read in the process list).
#include <iostream>

#include "app/users.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::cli {

namespace {

struct UserAddOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string username;
  std::vector<std::string> roles;
  long long scope = 0;
  std::string display_name;
  std::string totp_secret;
  long long member_id = 0;
};

int add_user(const UserAddOptions& options) {
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    std::cerr << "chibo user add: give the password on standard input (one line)\n";
    return 2;
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto runtime = open_runtime({options.db, "", 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  app::NewUser draft;
  draft.username = options.username;
  draft.display_name = options.display_name.empty() ? options.username : options.display_name;
  for (const std::string& role : options.roles)
    draft.grants.push_back({role, OrgId(options.scope)});
  if (options.member_id > 0) draft.member_id = MemberId(options.member_id);
  draft.password = password;
  draft.totp_secret = options.totp_secret;
  auto created = app::create_user(*(*runtime)->services,
                                  app::Actor::system(cli_actor(), "user-add"), std::move(draft));
  if (!created) {
    print_error(created.error());
    return 1;
  }
  std::cout << "chibo: created user #" << created->view.user.id << " "
            << created->view.user.username << "\n";
  return 0;
}

}  // namespace

void add_user_command(CLI::App& app, int& exit_code) {
  CLI::App* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto options = std::make_shared<UserAddOptions>();
  CLI::App* add = user->add_subcommand(
      "add", "Create a user; the password is read from standard input (first line)");
  add_db_option(*add, options->db);
  add->add_option("--username", options->username, "Login name (a-z, 0-9, . _ -)")->required();
  add->add_option("--role", options->roles,
                  "Role (data/catalog/roles.tsv): administrator, office_staff, leader, "
                  "inspection, cell_secretary, member, dues_staff; repeat for several")
      ->required();
  add->add_option("--scope", options->scope,
                  "Organization id the roles reach (its subtree); omit for everywhere");
  add->add_option("--display-name", options->display_name, "Name shown in the UI");
  add->add_option("--member-id", options->member_id, "The user's own member record");
  add->add_option("--totp-secret", options->totp_secret,
                  "Pre-enrol this base32 TOTP secret as the second factor");
  add->callback([options, &exit_code] { exit_code = add_user(*options); });
}

}  // namespace chibo::cli
