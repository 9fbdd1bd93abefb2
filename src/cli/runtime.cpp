#include "cli/runtime.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "http/field_labels.h"
#include "io/calendar_loader.h"
#include "io/catalog_loader.h"
#include "io/rules_loader.h"

namespace chibo::cli {

i18n::Lang terminal_language() {
  if (const char* chosen = std::getenv("CHIBO_LANG")) return i18n::pick_language(chosen);
  if (const char* lang = std::getenv("LANG"); lang && std::string(lang).rfind("en", 0) == 0)
    return i18n::Lang::kEn;
  return i18n::Lang::kVi;
}

void print_error(const Error& error) {
  const i18n::Lang lang = terminal_language();
  Params params = error.params;
  for (auto& [name, value] : params) {
    if (name == "what") value = i18n::message("noun." + value, lang);
  }
  std::cerr << "chibo: " << i18n::message(error.reason, lang, params) << "\n";
  for (const FieldError& field : error.fields) {
    std::string line;
    for (const auto& [name, value] : field.params) {
      if (name == "line") line = value;
    }
    std::cerr << "  ";
    if (!line.empty()) std::cerr << (lang == i18n::Lang::kVi ? "dòng " : "line ") << line << ": ";
    std::cerr << http::field_message(field, lang) << "\n";
  }
}

CLI::Option* add_db_option(CLI::App& command, std::string& db) {
  return command.add_option("--db", db, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("CHIBO_DB")
      ->capture_default_str();
}

std::string cli_actor() {
  const char* user = std::getenv("SUDO_USER");
  if (!user) user = std::getenv("USER");
  return std::string("cli:") + (user ? user : std::to_string(getuid()));
}

Result<std::unique_ptr<Runtime>> open_runtime(const RuntimeOptions& options) {
  auto runtime = std::make_unique<Runtime>();
  Result<domain::Catalog> catalog = io::load_catalog();
  if (!catalog) return std::move(catalog).error();
  runtime->catalog = std::move(*catalog);
  Result<domain::RuleSet> rules = io::load_rules(options.rules_dir);
  if (!rules) return std::move(rules).error();
  runtime->rules = std::move(*rules);
  Result<domain::WorkingCalendar> calendar = io::load_calendar(options.rules_dir, runtime->rules);
  if (!calendar) return std::move(calendar).error();
  runtime->calendar = std::move(*calendar);
  // Tests only: a fixed civil date, so that demo data, deadlines and the UI agree whatever the
  // day of the run. On stderr: stdout may carry a command's output.
  if (const char* fixed = std::getenv("CHIBO_TEST_TODAY")) {
    const std::optional<Date> today = Date::parse(fixed);
    if (!today) return Error::invalid_field("CHIBO_TEST_TODAY", "invalid_date");
    runtime->clock.fix_today(*today);
    std::cerr << "chibo: warning: CHIBO_TEST_TODAY is set: today is " << today->iso()
              << " (for tests only; the time of day stays real)\n";
  }
  Result<storage::DatabaseUrl> url = storage::DatabaseUrl::parse(options.db_url);
  if (!url) return std::move(url).error();
  storage::StoreOptions store_options;
  store_options.pool_size = options.connections;
  store_options.migrate = options.migrate;
  store_options.require_current = options.require_current;
  store_options.search_index = options.search_index;
  store_options.on_roll_statuses = runtime->catalog.on_roll_statuses();
  auto store = storage::SqlStore::open(*url, store_options, runtime->clock.now_utc());
  if (!store) return std::move(store).error();
  runtime->store = std::move(*store);
  runtime->services = std::make_unique<app::Services>(app::Services{
      *runtime->store, runtime->catalog, runtime->rules, runtime->clock, runtime->calendar});
  return runtime;
}

}  // namespace chibo::cli
