// What the lifecycle use cases (admission, recognition, transfers, exits, badges) need from
// storage, inside the transactions of app/ports/store.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/org_path.h"
#include "domain/lifecycle/admission.h"
#include "domain/lifecycle/badges.h"
#include "domain/lifecycle/party_age.h"
#include "domain/lifecycle/probation.h"
#include "domain/lifecycle/transfer.h"
#include "domain/org/organization.h"

namespace chibo::app {

using domain::Candidate;
using domain::Member;
using domain::Organization;
using domain::StepRecord;
using domain::Transfer;

// Something that happened to a candidate's file (details: a JSON object).
struct CandidateEvent {
  int64_t id = 0;
  CandidateId candidate_id;
  std::string at;
  std::string actor;
  std::string action;  // create, update, step, undo_step, close, admit
  std::string details;
};

struct CandidateFilter {
  std::optional<OrgPath> subtree;
  std::vector<OrgPath> within;  // access: only inside these (empty: no such limit)
  std::vector<std::string> statuses;
  std::vector<std::string> phases;
  std::string name_query;  // folded words, each the start of a word of the name
  int64_t offset = 0;
  int limit = 50;
};

struct CandidatePage {
  std::vector<Candidate> items;
  int64_t total = 0;
  std::map<CandidateId, std::vector<StepRecord>> steps;
};

class CandidateRepository {
 public:
  virtual ~CandidateRepository() = default;
  virtual std::optional<Candidate> find(CandidateId id) = 0;
  virtual std::optional<CandidateId> find_open_by_citizen_id(const std::string& citizen_id) = 0;
  // In name order, with every candidate's steps.
  virtual CandidatePage page(const CandidateFilter& filter) = 0;
  virtual void insert(Candidate& candidate) = 0;
  // Saves when the stored version is still before.version; bumps it.
  virtual bool update(Candidate& candidate, const Candidate& before) = 0;
  virtual std::vector<StepRecord> steps(CandidateId id) = 0;
  virtual void add_step(CandidateId id, const StepRecord& step) = 0;
  virtual void remove_step(CandidateId id, domain::AdmissionStep step) = 0;
  virtual void append_event(const CandidateEvent& event) = 0;
  virtual std::vector<CandidateEvent> history(CandidateId id) = 0;  // oldest first
  // Earlier readmissions of a former member (candidates admitted with readmission_of).
  virtual int readmissions_of(MemberId member) = 0;
  // Open files in a subtree (a dissolution must not strand them).
  virtual int64_t open_in(const OrgPath& subtree) = 0;
  // Moves the open files of cell `from` to `to` (a merge); returns how many.
  virtual int64_t move_open(OrgId from, const Organization& to, const std::string& now) = 0;
};

struct TransferFilter {
  std::optional<OrgPath> subtree;  // either end inside it
  std::vector<OrgPath> within;     // access: either end inside these (empty: no limit)
  std::vector<std::string> states;
  std::optional<domain::TransferKind> kind;
  std::optional<domain::TransferDirection> direction;
  std::optional<MemberId> member;
  bool oldest_first = false;  // else newest first
  int limit = 500;
  int offset = 0;
};

class TransferRepository {
 public:
  virtual ~TransferRepository() = default;
  virtual std::optional<Transfer> find(TransferId id) = 0;
  // Newest first.
  virtual std::vector<Transfer> list(const TransferFilter& filter) = 0;
  // A transfer of `member` still in transit or away, if any.
  virtual std::optional<Transfer> open_for(MemberId member) = 0;
  virtual void insert(Transfer& transfer) = 0;
  virtual bool update(Transfer& transfer, const Transfer& before) = 0;
};

struct StoredGap {
  domain::Gap gap;
  std::string reason;  // readmission, late_transfer
  TransferId transfer;
};

struct BadgeAward {
  MemberId member_id;
  int milestone = 0;
  Date occasion;
  domain::Document document;
  Date decided_on;
  std::string recorded_by;
  std::string recorded_at;
};

// Members on the roll whose next badge milestone is reached by `occasion` (the rule then says
// which milestone).
struct BadgeQuery {
  std::optional<OrgPath> subtree;
  std::vector<OrgPath> within;
  Date occasion;
};

struct ProbationQuery {
  std::optional<OrgPath> subtree;
  std::vector<OrgPath> within;
  std::optional<Date> ends_up_to;  // probation ending on or before (nullopt: any)
};

class LifecycleRepository {
 public:
  virtual ~LifecycleRepository() = default;
  // The recognition steps of the probation ending on `probation_ends_on`.
  virtual std::vector<domain::RecognitionRecord> recognition(MemberId member,
                                                             Date probation_ends_on) = 0;
  virtual void add_recognition(MemberId member, Date probation_ends_on,
                               const domain::RecognitionRecord& step) = 0;
  // Probationary members on the roll (in order of the end of probation), and the recognition
  // steps already recorded for each current probation.
  virtual std::vector<Member> probationary(const ProbationQuery& query) = 0;
  virtual std::map<MemberId, std::vector<domain::RecognitionRecord>> recognition_of(
      const std::vector<Member>& members) = 0;

  virtual std::vector<StoredGap> gaps(MemberId member) = 0;
  virtual void add_gap(MemberId member, const StoredGap& gap, const std::string& now) = 0;

  virtual std::vector<BadgeAward> awards(MemberId member) = 0;
  virtual bool has_award(MemberId member, int milestone) = 0;
  virtual void add_award(const BadgeAward& award) = 0;
  virtual std::vector<domain::BadgeFacts> badge_facts(const BadgeQuery& query) = 0;

  // Members by id (those that exist), with their organization's name.
  virtual std::vector<std::pair<Member, std::string>> members_with_org(
      const std::vector<MemberId>& ids) = 0;
};

}  // namespace chibo::app
