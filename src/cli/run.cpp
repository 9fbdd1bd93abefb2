#include <spdlog/spdlog.h>

#include "cli/commands.h"

namespace chibo::cli {

void add_commands(CLI::App& app, int& exit_code) {
  add_serve_command(app, exit_code);
  add_init_command(app, exit_code);
  add_demo_command(app, exit_code);
  add_import_command(app, exit_code);
  add_export_command(app, exit_code);
  add_check_command(app, exit_code);
  add_user_command(app, exit_code);
  add_audit_command(app, exit_code);
  add_db_command(app, exit_code);
  add_stats_command(app, exit_code);
}

int run(int argc, char** argv) {
  CLI::App app{"chibo: the working system of a party committee (tổ chức, đảng viên, chi bộ)",
               "chibo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("chibo ") + CHIBO_VERSION);
  int exit_code = 0;
  add_commands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  return exit_code;
}

}  // namespace chibo::cli
