// Use cases of admission: a cell's candidates (đối tượng kết nạp), their files step by step,
// and the ceremony that puts them on the roll. Each runs in one transaction with its history
// event and audit entry. The cell's own steps need member.write over the cell; the committees'
// (appraisal, base resolution, decision) need member.decide.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/members/member_fields.h"

namespace chibo::app {

struct CandidateQuery {
  OrgId org;  // subtree; invalid: all the actor may read
  std::vector<std::string> statuses;
  std::vector<std::string> phases;
  std::string q;
  int64_t offset = 0;
  int limit = 50;
};

struct CandidateView {
  Candidate candidate;
  std::vector<StepRecord> steps;
  domain::AdmissionContext context;
  domain::AdmissionProgress progress;
  std::string org_name;
};

struct CandidateList {
  std::vector<CandidateView> items;
  int64_t total = 0;
};

struct CandidateDetail {
  CandidateView view;
  std::vector<domain::AdmissionStep> to_go;
  std::vector<CandidateEvent> history;
  std::map<MemberId, std::string> introducer_names;
  std::optional<domain::ReadmissionFacts> former;
};

// What a request may set: the person's fields (member field names among
// candidate_person_fields()) and the candidate's own.
struct CandidateInput {
  domain::MemberPatch person;
  std::optional<bool> youth_union_member;
  std::optional<std::optional<long long>> readmission_of;
  std::optional<std::optional<std::string>> record_cleared_on;
  std::optional<std::optional<std::string>> over_age_approval;
};

Result<CandidateList> list_candidates(Context& ctx, const CandidateQuery& query);
Result<CandidateDetail> get_candidate(Context& ctx, CandidateId id);
Result<CandidateDetail> create_candidate(Context& ctx, const CandidateInput& input);
Result<CandidateDetail> update_candidate(Context& ctx, CandidateId id, int64_t version,
                                         const CandidateInput& input);

// Records one step; the ceremony also creates (or, for a readmission, reinstates) the member.
Result<CandidateDetail> record_admission_step(Context& ctx, CandidateId id, StepRecord step);
// Withdraws the latest step (in the procedure's order) when it was recorded in error; the
// ceremony, once held, cannot be withdrawn. The step's content stays in the file's history.
Result<CandidateDetail> undo_admission_step(Context& ctx, CandidateId id,
                                            domain::AdmissionStep step);
// Closes an open file that will not go on (the person withdrew, the cell or committee said no).
Result<CandidateDetail> close_candidate(Context& ctx, CandidateId id, int64_t version, Date on,
                                        const std::string& reason);

// The permission a step needs.
domain::Permission step_permission(domain::AdmissionStep step);

}  // namespace chibo::app
