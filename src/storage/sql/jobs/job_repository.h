// Jobs, their steps' done marks and the outgoing mail queue, on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/jobs.h"
#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

class SqlJobRepository : public app::JobRepository {
 public:
  SqlJobRepository(soci::session& session, Engine engine) : session_(session), engine_(engine) {}

  bool schedule(const std::string& kind, const std::string& key, const std::string& payload,
                const std::string& run_at, const std::string& now) override;
  std::optional<app::JobRow> claim(const std::vector<std::string>& kinds, const std::string& now,
                                   const std::string& owner,
                                   const std::string& lease_until) override;
  bool renew(int64_t id, const std::string& owner, const std::string& lease_until,
             int64_t steps) override;
  bool finish(int64_t id, const std::string& owner, const std::string& now) override;
  bool fail(int64_t id, const std::string& owner, const std::string& error, const std::string& now,
            const std::string& retry_at) override;
  bool release(int64_t id, const std::string& owner, const std::string& now,
               const std::string& run_at) override;
  bool make_due(const std::string& kind, const std::string& now) override;
  bool mark_step(const std::string& step_key, int64_t job_id, const std::string& now) override;
  std::set<std::string> done_steps(const std::vector<std::string>& step_keys) override;
  std::vector<app::JobRow> latest(const std::vector<std::string>& kinds) override;
  std::optional<app::JobRow> next(const std::string& kind) override;
  bool queue_mail(app::OutgoingMail& mail) override;
  std::vector<app::OutgoingMail> claim_mail(const std::string& now, const std::string& lease_until,
                                            int limit) override;
  void mail_sent(int64_t id, const std::string& now) override;
  void mail_failed(int64_t id, const std::string& error, const std::string& retry_at) override;
  int64_t unsent_mail() override;

 private:
  soci::session& session_;
  Engine engine_;
};

}  // namespace chibo::storage
