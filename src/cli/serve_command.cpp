// chibo serve: the HTTP API and the web UI.
#include <arpa/inet.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/directive_assignments.h"
#include "app/directive_fanout.h"
#include "app/followup.h"
#include "app/jobs.h"
#include "app/member_imports.h"
#include "app/review_fanout.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "cli/smtp_mailer.h"
#include "http/api.h"
#include "http/server.h"
#include "storage/sql/engine/database_url.h"
#include "storage/sql/engine/sql_store.h"

#ifndef CHIBO_DEFAULT_WEB_ROOT
#define CHIBO_DEFAULT_WEB_ROOT ""
#endif

namespace chibo::cli {

namespace {

struct ServeOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string listen = "127.0.0.1:8080";
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  int pool_size = 0;  // 0: threads + 2
  std::string web_root;
  std::string rules_dir;
  std::string log_level = "info";
  bool no_migrate = false;  // the schema is the owner's to migrate (chibo db migrate)
  bool secure_cookies = false;
  std::vector<std::string> trusted_proxies;
  size_t max_attachment_bytes = 20 * 1024 * 1024;
  // Background jobs (issue 13): reminders, overdue marking, mail.
  std::string jobs = "on";  // "off": this process runs none (another one does)
  int jobs_interval_ms = 60000;
  int job_lease_seconds = 120;
  int job_batch = 50;
  std::string smtp_url;  // "" : no mail
  std::string smtp_from = "chibo@localhost";
  int test_job_steps = 0;  // > 0: the fault tests' countable kind
  int test_job_step_ms = 0;
  std::string test_job_mail;
  // Directives (issue 13): fan-outs of more assignments than this run in the background.
  int64_t fanout_inline_max = 5000;
  int fanout_batch = 2000;
  int test_fanout_step_ms = 0;
  std::size_t max_connections = http::ServerOptions{}.max_connections;
  unsigned read_timeout_seconds = http::ServerOptions{}.read_timeout_seconds;
  // Members imports (issue 16): the largest file accepted, and a test pacing.
  size_t max_import_bytes = 256 * 1024 * 1024;
  int test_import_row_us = 0;
  // Per-user rate limits (http/rate_limits.h).
  http::RateLimitSettings rate_limits;
};

// Calls JobRunner::run_due_jobs every `interval` until stop(), on a thread of its own.
class JobTicker {
 public:
  JobTicker(app::JobRunner& jobs, app::Clock& clock, int interval_ms)
      : jobs_(jobs), clock_(clock), interval_(interval_ms) {
    thread_ = std::thread([this] { loop(); });
  }
  ~JobTicker() { stop(); }
  // Runs the due jobs now rather than at the next tick.
  void wake() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      woken_ = true;
    }
    wake_.notify_all();
  }
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    jobs_.stop();
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        auto report = jobs_.run_due_jobs(clock_.today());
        if (!report) {
          spdlog::warn("jobs: {}", report.error().reason);
        } else if (report->steps > 0 || report->failed > 0) {
          spdlog::info("jobs: {} runs, {} steps, {} failed", report->runs, report->steps,
                       report->failed);
        }
      } catch (const std::exception& error) {
        spdlog::error("jobs: {}", error.what());
      }
      lock.lock();
      wake_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
      woken_ = false;
    }
  }

  app::JobRunner& jobs_;
  app::Clock& clock_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

bool parse_listen(const std::string& text, http::ServerOptions& server) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  server.host = text.substr(0, colon);
  if (server.host.size() > 2 && server.host.front() == '[' && server.host.back() == ']') {
    server.host = server.host.substr(1, server.host.size() - 2);
  }
  try {
    const int port = std::stoi(text.substr(colon + 1));
    if (port < 1 || port > 65535) return false;
    server.port = static_cast<uint16_t>(port);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

int serve(const ServeOptions& options) {
  spdlog::set_level(spdlog::level::from_str(options.log_level));
  http::ServerOptions server;
  if (!parse_listen(options.listen, server)) {
    std::cerr << "chibo serve: --listen must be HOST:PORT, e.g. 127.0.0.1:8080\n";
    return 2;
  }
  server.threads = std::max(1u, options.threads);
  server.max_connections = options.max_connections;
  server.read_timeout_seconds = options.read_timeout_seconds;
  // The transport takes a whole attachment and a little more, so that one just over the
  // limit gets its 413 from the API (a larger body closes the connection).
  server.max_body_bytes =
      std::max<std::uint64_t>(server.max_body_bytes, options.max_attachment_bytes + 1024 * 1024);
  server.max_body_bytes =
      std::max<std::uint64_t>(server.max_body_bytes, options.max_import_bytes + 1024 * 1024);
  for (const std::string& proxy : options.trusted_proxies) {
    unsigned char parsed[16];
    if (inet_pton(AF_INET, proxy.c_str(), parsed) != 1 &&
        inet_pton(AF_INET6, proxy.c_str(), parsed) != 1) {
      std::cerr << "chibo serve: --trusted-proxy must be an IP address, e.g. 127.0.0.1\n";
      return 2;
    }
    server.trusted_proxies.push_back(proxy);
  }
  RuntimeOptions runtime_options;
  runtime_options.db_url = options.db;
  runtime_options.rules_dir = options.rules_dir;
  // A transaction in flight per worker thread, and two more for requests that finish on
  // another thread (password hashing) while a worker starts the next one.
  runtime_options.connections =
      options.pool_size > 0 ? options.pool_size : static_cast<int>(server.threads) + 2;
  runtime_options.search_index = true;  // the server answers name searches from memory
  runtime_options.migrate = !options.no_migrate;
  runtime_options.require_current = options.no_migrate;
  auto runtime = open_runtime(runtime_options);
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  const std::string web_root = !options.web_root.empty()       ? options.web_root
                               : std::getenv("CHIBO_WEB_ROOT") ? std::getenv("CHIBO_WEB_ROOT")
                                                               : CHIBO_DEFAULT_WEB_ROOT;
  const http::StaticFiles web(web_root);
  if (web.file_count() == 0)
    spdlog::warn("no web UI files under '{}': serving the API only", web_root);
  http::ApiContext context{
      *(*runtime)->services,
      (*runtime)->store->engine() == storage::Engine::kSqlite ? "sqlite" : "postgresql"};
  storage::SqlStore& store = *(*runtime)->store;
  context.search_in_memory = [&store] { return store.search_in_memory(); };
  context.services.fanout_inline_max = options.fanout_inline_max;
  context.sessions.secure_cookies = options.secure_cookies;
  context.max_attachment_bytes = options.max_attachment_bytes;
  context.max_import_bytes = options.max_import_bytes;
  app::MemberImportBoard import_board;
  context.services.member_import_board = &import_board;
  std::shared_ptr<app::Mailer> mailer;
  if (!options.smtp_url.empty()) {
    auto made = make_smtp_mailer(options.smtp_url, options.smtp_from);
    if (!made) {
      std::cerr << "chibo serve: --smtp-url must be smtp://HOST:PORT and --smtp-from an "
                   "address\n";
      return 2;
    }
    mailer = *made;
  }
  app::JobRunnerOptions job_options;
  job_options.lease_seconds = options.job_lease_seconds;
  job_options.batch_steps = options.job_batch;
  app::JobRunner jobs(context.services, job_options);
  // The reminders walk the directives' open assignments; overdue marks them once a day.
  std::shared_ptr<app::AssignmentSource> assignments = app::make_directive_assignments();
  jobs.add(app::make_reminders_kind(assignments, {mailer != nullptr}));
  jobs.add(app::make_overdue_kind(assignments));
  jobs.add(app::make_mail_kind(mailer, 300));
  jobs.add(app::make_fanout_kind({options.fanout_batch, options.test_fanout_step_ms}));
  if (options.test_job_steps > 0) {
    jobs.add(app::make_test_count_kind(options.test_job_steps, options.test_job_step_ms,
                                       options.test_job_mail));
  }
  jobs.add(app::make_review_fanout_kind({options.fanout_batch, options.test_fanout_step_ms}));
  jobs.add(app::make_member_import_kind({options.test_import_row_us}));
  context.jobs = &jobs;
  std::unique_ptr<JobTicker> ticker;
  if (options.jobs == "on") {
    ticker = std::make_unique<JobTicker>(jobs, context.services.clock, options.jobs_interval_ms);
    context.wake_jobs = [&ticker] { ticker->wake(); };
  }
  const http::Router api = http::build_api(context);
  http::RateLimits limits(options.rate_limits);
  const http::Admission admission = [&context, &limits](http::Gate gate,
                                                        http::HttpRequest& request) {
    return http::admit(context.services, context.sessions, &context.session_cache, &limits, gate,
                       request);
  };
  std::string error;
  const bool served = http::serve_until_signal(server, api, admission, web, error);
  if (ticker) ticker->stop();  // a run in progress stops after its batch, leaving the rest
  if (!served) {
    std::cerr << "chibo serve: cannot listen on " << options.listen << ": " << error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command =
      app.add_subcommand("serve", "Serve the API and the web UI until SIGINT/SIGTERM");
  add_db_option(*command, options->db);
  command->add_option("--listen", options->listen, "Address to listen on, HOST:PORT")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "Worker threads")->capture_default_str();
  command
      ->add_option("--pool-size", options->pool_size,
                   "Database connections (PostgreSQL: in all; SQLite: readers); default "
                   "threads + 2")
      ->envname("CHIBO_POOL_SIZE")
      ->check(CLI::Range(storage::kMinPoolSize, storage::kMaxPoolSize));
  command->add_option("--web-root", options->web_root,
                      "Folder with the built web UI (default: web/dist)");
  command->add_option("--rules-dir", options->rules_dir,
                      "Read rule files from this folder instead of the built-in ones");
  command->add_option("--log-level", options->log_level, "trace, debug, info, warn, error")
      ->capture_default_str();
  command
      ->add_flag("--no-migrate", options->no_migrate,
                 "Never change the schema: refuse to start unless it is this chibo's newest "
                 "(migrate with `chibo db migrate` as the database owner)")
      ->envname("CHIBO_NO_MIGRATE");
  command->add_flag("--secure-cookies", options->secure_cookies,
                    "Behind TLS: Secure __Host- session cookie, and https Origin for writes");
  command
      ->add_option("--trusted-proxy", options->trusted_proxies,
                   "A reverse proxy's address (repeatable): its requests' client is the last "
                   "X-Forwarded-For entry")
      ->envname("CHIBO_TRUSTED_PROXY");
  command
      ->add_option("--max-attachment-bytes", options->max_attachment_bytes,
                   "Largest file attached to a document, in bytes")
      ->envname("CHIBO_MAX_ATTACHMENT_BYTES")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  command
      ->add_option("--jobs", options->jobs,
                   "Run the background jobs (reminders, overdue marking, mail) in this process: "
                   "on or off (several processes may run them: each run is done once)")
      ->envname("CHIBO_JOBS")
      ->check(CLI::IsMember({"on", "off"}))
      ->capture_default_str();
  command
      ->add_option("--jobs-interval-ms", options->jobs_interval_ms,
                   "How often the job runner looks for due jobs, in milliseconds")
      ->envname("CHIBO_JOBS_INTERVAL_MS")
      ->check(CLI::Range(10, 24 * 3600 * 1000))
      ->capture_default_str();
  command
      ->add_option("--job-lease-seconds", options->job_lease_seconds,
                   "A job run whose process stops renewing its lease is taken over after this")
      ->envname("CHIBO_JOB_LEASE_SECONDS")
      ->check(CLI::Range(1, 24 * 3600))
      ->capture_default_str();
  command->add_option("--job-batch", options->job_batch, "Job steps per transaction")
      ->envname("CHIBO_JOB_BATCH")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  command
      ->add_option("--smtp-url", options->smtp_url,
                   "Send reminders by mail through this SMTP relay: smtp://HOST:PORT (no TLS)")
      ->envname("CHIBO_SMTP_URL");
  command->add_option("--smtp-from", options->smtp_from, "The sender address of chibo's mail")
      ->envname("CHIBO_SMTP_FROM")
      ->capture_default_str();
  command
      ->add_option("--test-job-steps", options->test_job_steps,
                   "Tests only: a job kind of this many countable steps a day")
      ->envname("CHIBO_TEST_JOB_STEPS")
      ->group("");
  command
      ->add_option("--test-job-step-ms", options->test_job_step_ms,
                   "Tests only: milliseconds each step of that kind takes")
      ->envname("CHIBO_TEST_JOB_STEP_MS")
      ->group("");
  command
      ->add_option("--test-job-mail", options->test_job_mail,
                   "Tests only: each step of that kind queues a mail to this address")
      ->envname("CHIBO_TEST_JOB_MAIL")
      ->group("");
  command
      ->add_option(
          "--fanout-inline-max", options->fanout_inline_max,
          "Directives, review campaigns: a fan-out of more assignments (units) than this runs as "
          "a background job")
      ->envname("CHIBO_FANOUT_INLINE_MAX")
      ->check(CLI::Range(int64_t{0}, int64_t{1000000}))
      ->capture_default_str();
  command
      ->add_option("--fanout-batch", options->fanout_batch,
                   "Directives, review campaigns: rows a background fan-out writes per transaction")
      ->envname("CHIBO_FANOUT_BATCH")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command
      ->add_option("--test-fanout-step-ms", options->test_fanout_step_ms,
                   "Tests only: milliseconds each batch of a background fan-out takes")
      ->envname("CHIBO_TEST_FANOUT_STEP_MS")
      ->group("");
  command
      ->add_option("--max-connections", options->max_connections,
                   "Connections served at once; more wait to be accepted")
      ->envname("CHIBO_MAX_CONNECTIONS")
      ->check(CLI::Range(std::size_t{4}, std::size_t{65536}))
      ->capture_default_str();
  command
      ->add_option("--read-timeout-seconds", options->read_timeout_seconds,
                   "Seconds a client has to send a whole request; then its connection closes "
                   "(slow clients hold a connection no longer)")
      ->envname("CHIBO_READ_TIMEOUT_SECONDS")
      ->check(CLI::Range(1u, 3600u))
      ->capture_default_str();
  command
      ->add_option("--max-import-bytes", options->max_import_bytes,
                   "Largest members file (CSV, XLSX) accepted by POST /members/imports, in bytes")
      ->envname("CHIBO_MAX_IMPORT_BYTES")
      ->check(CLI::Range(size_t{1}, size_t{1} << 31))
      ->capture_default_str();
  command
      ->add_option("--rate-limit-per-minute", options->rate_limits.per_minute,
                   "API requests a signed-in user may make per minute, past the burst (0: no "
                   "limit); more get 429 with Retry-After")
      ->envname("CHIBO_RATE_LIMIT_PER_MINUTE")
      ->check(CLI::Range(0LL, 1000000LL))
      ->capture_default_str();
  command
      ->add_option("--rate-limit-burst", options->rate_limits.burst,
                   "API requests a signed-in user may make at once before the rate applies")
      ->envname("CHIBO_RATE_LIMIT_BURST")
      ->check(CLI::Range(1LL, 1000000LL))
      ->capture_default_str();
  command
      ->add_option("--export-limit-per-hour", options->rate_limits.exports_per_hour,
                   "Exports (CSV, XLSX) and member imports a user may start per hour (0: no "
                   "limit); more get 429 with Retry-After")
      ->envname("CHIBO_EXPORT_LIMIT_PER_HOUR")
      ->check(CLI::Range(0LL, 1000000LL))
      ->capture_default_str();
  command
      ->add_option("--test-import-row-us", options->test_import_row_us,
                   "Tests only: microseconds each row of a background members import takes")
      ->envname("CHIBO_TEST_IMPORT_ROW_US")
      ->group("");
  command->callback([options, &exit_code] { exit_code = serve(*options); });
}

}  // namespace chibo::cli
