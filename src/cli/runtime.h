// What every command opens: catalogs, rules, the store, the clock.
#pragma once

#include <memory>
#include <string>

#include "app/context.h"
#include "i18n/messages.h"
#include "storage/sql/sql_store.h"

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
};

Result<std::unique_ptr<Runtime>> open_runtime(const RuntimeOptions& options);

// The language for messages on the terminal: CHIBO_LANG, else LANG ("en..." = English),
// else Vietnamese.
i18n::Lang terminal_language();

// Prints an error (and its field errors, with line numbers for imports) to stderr.
void print_error(const Error& error);

// "cli:<user>" for history events written by commands.
std::string cli_actor();

}  // namespace chibo::cli
