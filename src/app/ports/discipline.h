// What the discipline use cases (issue 15) need from storage, inside the transactions of
// app/ports/store.h. The clocks are never stored: they follow from the case's dates and the
// rules in force (domain/discipline).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/discipline/appeal.h"
#include "domain/discipline/closure.h"
#include "domain/discipline/limitation.h"
#include "domain/discipline/sanction.h"
#include "domain/discipline/suspension.h"
#include "domain/discipline/vote.h"

namespace chibo::app {

struct DeferralPeriod {
  Date from = Date();
  Date to = Date();
  std::string reason;  // pregnancy, maternity, illness, inpatient
};

struct DisciplineCase {
  int64_t id = 0;
  domain::discipline::Subject subject = domain::discipline::Subject::kOfficialMember;
  MemberId member_id;  // invalid: the organization itself
  OrgId org_id;
  OrgPath org_path;
  std::string breach_summary;
  Date breach_date;
  std::optional<Date> new_breach_date;
  domain::discipline::Category category = domain::discipline::Category::kOrdinary;
  std::vector<DeferralPeriod> deferrals;
  domain::discipline::Sanction sanction = domain::discipline::Sanction::kReprimand;
  std::string competent_level;
  std::optional<Date> state_decided_on;
  std::optional<Date> state_notified_on;
  std::optional<domain::discipline::VoteCount> vote;
  std::optional<Date> voted_on;
  std::optional<Date> decided_on;
  int64_t decision_document_id = 0;  // 0: none in the register
  std::string decision_number;
  std::optional<Date> received_on;
  // Appeals up the levels, the first first (domain/discipline/appeal.h); the last may be pending.
  std::vector<domain::discipline::Appeal> appeals;
  std::string state;  // open, voted, decided, appealed, appeal_decided, closed
  std::optional<domain::discipline::Suspension> suspension;  // đình chỉ sinh hoạt, if any
  std::optional<domain::discipline::Closure> closure;        // closed without a sanction
  int64_t version = 0;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
};

struct DisciplineFilter {
  OrgPath subtree;
  std::string state;  // "" any
  std::optional<domain::discipline::Subject> subject;
  std::optional<MemberId> member;
  std::optional<int> year;  // decided in this year
  int limit = 200;
};

class DisciplineRepository {
 public:
  virtual ~DisciplineRepository() = default;
  virtual void insert_case(DisciplineCase& c) = 0;  // fills id, version
  virtual std::optional<DisciplineCase> find_case(int64_t id) = 0;
  virtual bool update_case(const DisciplineCase& c) = 0;  // version check; bumps it
  virtual std::vector<DisciplineCase> cases(const DisciplineFilter& filter) = 0;
  // The members among `members` with a sanction decided in `year` and not annulled on appeal.
  virtual std::vector<MemberId> decided_in_year(const std::vector<MemberId>& members, int year) = 0;
  // The decided cases of `members` (annulled ones too): their records' discipline. One query.
  virtual std::vector<DisciplineCase> decided_of(const std::vector<MemberId>& members) = 0;
  // The decided cases of members opened in `tree` (nullopt: everywhere), for an export.
  virtual std::vector<DisciplineCase> decided_member_cases(const std::optional<OrgPath>& tree) = 0;
  // The members among `members` whose activities are suspended on `on` by a case. One query.
  virtual std::vector<MemberId> suspended_on(const std::vector<MemberId>& members, Date on) = 0;
};

}  // namespace chibo::app
