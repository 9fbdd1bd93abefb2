// Candidates for admission and the steps of their files, on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/store.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlCandidateRepository : public app::CandidateRepository {
 public:
  explicit SqlCandidateRepository(soci::session& session) : session_(session) {}

  std::optional<app::Candidate> find(CandidateId id) override;
  std::optional<CandidateId> find_open_by_citizen_id(const std::string& citizen_id) override;
  app::CandidatePage page(const app::CandidateFilter& filter) override;
  void insert(app::Candidate& candidate) override;
  bool update(app::Candidate& candidate, const app::Candidate& before) override;
  std::vector<app::StepRecord> steps(CandidateId id) override;
  void add_step(CandidateId id, const app::StepRecord& step) override;
  void remove_step(CandidateId id, domain::AdmissionStep step) override;
  void append_event(const app::CandidateEvent& event) override;
  std::vector<app::CandidateEvent> history(CandidateId id) override;
  int readmissions_of(MemberId member) override;
  int64_t open_in(const OrgPath& subtree) override;
  int64_t move_open(OrgId from, const domain::Organization& to, const std::string& now) override;

 private:
  std::vector<app::Candidate> select(const std::string& where_and_order, Bindings& bindings);
  std::map<CandidateId, std::vector<app::StepRecord>> steps_where(const std::string& where,
                                                                  Bindings& bindings);

  soci::session& session_;
};

}  // namespace chibo::storage
