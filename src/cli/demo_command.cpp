// chibo demo: a realistic bloc of organizations and members.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/member_views.h"
#include "app/runner.h"
#include "app/users.h"

#include "cli/commands.h"
#include "cli/runtime.h"
#include "demo/demo_generator.h"
#include "security/random.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::cli {

namespace {

struct DemoCommandOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  uint64_t seed = 2017;
  long long members = 65000;
  int history_months = 12;
  bool replace = false;
  bool quiet = false;
};

struct DemoUser {
  const char* username;
  const char* display_name;
  const char* role;
  bool in_a_cell;  // scoped to the first member's cell (else everywhere)
};

// One user per role, with random passwords: there is no default password anywhere. The
// administrator enrols a second factor at the first login, as every administrator must.
constexpr DemoUser kDemoUsers[] = {
    {"admin", "Quản trị hệ thống", "administrator", false},
    {"vanphong", "Cán bộ Văn phòng Đảng ủy", "office_staff", false},
    {"lanhdao", "Lãnh đạo Đảng ủy", "leader", false},
    {"kiemtra", "Ủy ban Kiểm tra", "inspection", false},
    {"bithu", "Bí thư chi bộ", "cell_secretary", true},
    {"dangvien", "Đảng viên", "member", true},
};

int create_demo_users(app::Services& services, const std::string& db, bool quiet) {
  // The first generated member, and their cell, for the cell secretary and the member.
  auto first = app::run_read(services, app::Actor::system("demo"), [](app::Context& ctx) {
    return app::member_detail_in(ctx.tx, MemberId(1));
  });
  if (!first) {
    print_error(first.error());
    return 1;
  }
  std::ostringstream table;
  table << "Demo users (username / password / role / scope):\n";
  for (const DemoUser& demo_user : kDemoUsers) {
    app::NewUser draft;
    draft.username = demo_user.username;
    draft.display_name = demo_user.display_name;
    draft.grants.push_back({demo_user.role, demo_user.in_a_cell ? first->org.id : OrgId()});
    if (std::string(demo_user.role) == "member") draft.member_id = first->member.id;
    draft.password = security::random_password();
    const std::string password = draft.password;
    auto created =
        app::create_user(services, app::Actor::system(cli_actor(), "demo"), std::move(draft));
    if (!created) {
      print_error(created.error());
      return 1;
    }
    table << "  " << demo_user.username << "  " << password << "  " << demo_user.role << "  "
          << (demo_user.in_a_cell ? first->org.name : std::string("(toàn hệ thống / everywhere)"))
          << "\n";
  }
  // Kept next to a SQLite database so that `make demo` can show them again (mode 0600).
  if (auto url = storage::DatabaseUrl::parse(db); url && url->engine == storage::Engine::kSqlite) {
    const std::string path = url->sqlite_path + ".demo-users.txt";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      const std::string text = table.str();
      if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        std::cerr << "chibo demo: cannot write " << path << "\n";
      ::close(fd);
    }
  }
  if (!quiet) std::cout << table.str();
  return 0;
}

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
  demo_options.history_months = options.history_months;
  demo_options.today = (*runtime)->clock.today();
  demo_options.now_utc = (*runtime)->clock.now_utc();
  if (!options.quiet) {
    demo_options.progress = [](long long written, long long total) {
      std::cerr << "\r  " << written << " / " << total << " members" << std::flush;
    };
    demo_options.area_written = [&options](const char* area, double seconds) {
      if (options.members < 50000) return;  // a small demo is done before anyone asks
      std::fprintf(stderr, "\n  %s: %.1f s", area, seconds);
    };
  }
  auto report = demo::generate_demo(*(*runtime)->store,
                                    {(*runtime)->catalog, (*runtime)->rules, (*runtime)->calendar},
                                    demo_options);
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
  if (Status vacuumed = (*runtime)->store->vacuum_analyze(); !vacuumed) {
    print_error(vacuumed.error());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "chibo demo: " << report->committees << " committees, " << report->base_orgs
            << " base organizations, " << report->cells << " cells, " << report->members
            << " members in " << seconds << " s (seed " << options.seed << ", " << url->text
            << ")\n";
  const demo::LifecycleReport& lifecycle = report->lifecycle;
  std::cout << "  " << lifecycle.candidates << " admission files (" << lifecycle.steps
            << " steps), " << lifecycle.recognitions << " recognition resolutions, "
            << lifecycle.transfers << " transfers, " << lifecycle.awards << " badges awarded\n";
  std::cout << "  " << report->terms.terms << " terms, " << report->terms.seats
            << " committee seats\n";
  const demo::DocumentsReport& documents = report->documents;
  std::cout << "  " << documents.outgoing << " outgoing documents, " << documents.incoming
            << " incoming (" << documents.forwards << " passed down), " << documents.terms_added
            << " terms added for their numbering\n";
  const demo::DirectivesReport& directives = report->directives;
  std::cout << "  " << directives.directives << " directives, " << directives.assignments
            << " assignments (" << directives.overdue << " overdue), " << directives.reports
            << " reports, " << directives.studies << " study sessions\n";
  const demo::DuesReport& dues = report->dues;
  std::cout << "  " << dues.bases << " dues bases, " << dues.payments << " dues payments, "
            << dues.reliefs << " reductions, " << dues.members_in_arrears
            << " members in arrears\n";
  std::cout << "  " << report->plans.plans << " personal plans (" << report->plans.items
            << " items), " << report->plans.reviews << " plan reviews\n";
  const demo::ReviewReport& review = report->review;
  std::cout << "  " << review.campaigns << " review campaign (" << review.units
            << " organizations graded), " << review.member_reviews << " members graded ("
            << review.excellent << " excellent, " << review.not_completed << " not completed), "
            << review.shortcomings << " shortcomings (" << review.shortcomings_open << " open)\n";
  const demo::MeetingsReport& meetings = report->meetings;
  std::cout << "  " << meetings.meetings << " cell meetings, " << meetings.attendance
            << " attendance rows (" << meetings.unexcused << " unexcused), "
            << meetings.missing_months << " cell-months without a regular meeting\n";
  const demo::InspectionReport& inspection = report->inspection;
  std::cout << "  " << inspection.programmes << " inspection programmes, " << inspection.inspections
            << " inspections (" << inspection.concluded << " concluded), " << inspection.items
            << " violations and recommendations (" << inspection.items_open << " open, "
            << inspection.items_overdue << " overdue)\n";
  std::cout << "  " << report->discipline.cases << " discipline cases ("
            << report->discipline.decided << " decided, " << report->discipline.closed
            << " closed without a sanction)\n";
  return create_demo_users(*(*runtime)->services, options.db, options.quiet);
}

}  // namespace

void add_demo_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DemoCommandOptions>();
  CLI::App* command =
      app.add_subcommand("demo", "Fill an empty database with a realistic demo bloc");
  add_db_option(*command, options->db);
  command->add_option("--seed", options->seed, "Random seed; the same seed gives the same data")
      ->capture_default_str();
  command->add_option("--members", options->members, "Number of members (up to 6,000,000)")
      ->capture_default_str();
  command
      ->add_option("--history-months", options->history_months,
                   "Ended months of meetings and dues history")
      ->check(CLI::Range(1, 12))
      ->capture_default_str();
  command->add_flag("--replace", options->replace, "Delete an existing SQLite file first");
  command->add_flag("--quiet", options->quiet, "No progress line");
  command->callback([options, &exit_code] { exit_code = demo(*options); });
}

}  // namespace chibo::cli
