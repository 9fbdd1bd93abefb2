// The chibo subcommands. Each registers itself on the CLI11 app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace chibo::cli {

// Adds every subcommand; the chosen one sets `exit_code` when it runs.
void add_commands(CLI::App& app, int& exit_code);

void add_serve_command(CLI::App& app, int& exit_code);
void add_init_command(CLI::App& app, int& exit_code);
void add_demo_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_user_command(CLI::App& app, int& exit_code);
void add_audit_command(CLI::App& app, int& exit_code);
void add_db_command(CLI::App& app, int& exit_code);
void add_stats_command(CLI::App& app, int& exit_code);

// Runs the command line; returns the process exit code.
int run(int argc, char** argv);

}  // namespace chibo::cli
