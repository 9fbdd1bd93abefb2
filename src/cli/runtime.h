// What every command opens: catalogs, rules, the store, the clock.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "app/context.h"
#include "i18n/messages.h"
#include "storage/sql/engine/sql_store.h"

namespace chibo::cli {

struct Runtime {
  domain::Catalog catalog;
  domain::RuleSet rules;
  domain::WorkingCalendar calendar;
  std::unique_ptr<storage::SqlStore> store;
  app::SystemClock clock;
  std::unique_ptr<app::Services> services;
};

struct RuntimeOptions {
  std::string db_url;
  std::string rules_dir;
  int connections = 4;
  bool migrate = true;
  bool search_index = false;
  // With migrate off: refuse a schema that is not this build's newest (StoreOptions).
  bool require_current = false;
};

Result<std::unique_ptr<Runtime>> open_runtime(const RuntimeOptions& options);

// The --db option every command takes: sqlite:PATH (the default) or postgresql://... (any
// libpq URI: several hosts, target_session_attrs=read-write ...), also read from CHIBO_DB so
// that a password-bearing URL need not appear in the process list.
CLI::Option* add_db_option(CLI::App& command, std::string& db);

// The language for messages on the terminal: CHIBO_LANG, else LANG ("en..." = English),
// else Vietnamese.
i18n::Lang terminal_language();

// Prints an error (and its field errors, with line numbers for imports) to stderr.
void print_error(const Error& error);

// "cli:<user>" for history events written by commands.
std::string cli_actor();

}  // namespace chibo::cli
