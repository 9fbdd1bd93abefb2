// Use cases of discipline (issue 15; rules-reference §8): cases against members and
// organizations with the breach, its category and deferrals, the proposed sanction (allowed for
// the subject, Charter Art. 35), the vote (counted against all entitled, Art. 38), the decision
// (refused without the vote's threshold or after the limitation period), the appeal (within
// the appeal period of the decision's receipt, Art. 39) and its outcome. Restricted records:
// discipline.read over the case's organization reads (outside it: not found), and EVERY read,
// list or single, is audited (the runner commits the entry before the reader gets the data);
// discipline.write changes. The clocks are computed on each read, never stored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/discipline.h"
#include "domain/discipline/closure.h"
#include "domain/discipline/deadlines.h"
#include "domain/discipline/limitation.h"
#include "domain/discipline/record.h"
#include "domain/discipline/vote.h"

namespace chibo::app {

// The editable facts of a case (create: all required ones; PATCH: those present).
struct DisciplineFacts {
  std::optional<std::string> breach_summary;
  std::optional<Date> breach_date;
  std::optional<std::optional<Date>> new_breach_date;
  std::optional<domain::discipline::Category> category;
  std::optional<std::vector<DeferralPeriod>> deferrals;
  std::optional<domain::discipline::Sanction> sanction;
  std::optional<std::string> competent_level;
  std::optional<std::optional<Date>> state_decided_on;
  std::optional<std::optional<Date>> state_notified_on;
  std::optional<std::optional<Date>> received_on;
};

struct OpenDisciplineRequest {
  std::optional<MemberId> member_id;  // a member's case, or
  std::optional<OrgId> org_id;        // an organization's
  DisciplineFacts facts;
};

struct DisciplineVoteRequest {
  int64_t id = 0;
  int64_t version = 0;
  domain::discipline::VoteCount vote;
  Date voted_on;
};

struct DisciplineDecisionRequest {
  int64_t id = 0;
  int64_t version = 0;
  Date decided_on;
  int64_t document_id = 0;  // the register's decision, or
  std::string number;       // its number as text
  std::optional<Date> received_on;
};

// Lodges an appeal (received_on, and the body it went to: required from the second level up),
// settles the pending one (decided_on with the outcome, and when known the day the appellant
// received the outcome), or, alone, records that day on the last settled appeal.
struct DisciplineAppealRequest {
  int64_t id = 0;
  int64_t version = 0;
  std::optional<Date> received_on;  // the appeal's receipt
  std::string body;                 // domain/discipline/appeal.h codes; "" unknown
  std::optional<Date> decided_on;   // its resolution, with the outcome
  std::string outcome;              // upheld, reduced, annulled
  std::optional<Date> outcome_received_on;
};

// Suspends the subject's activities while the case is considered, extends the suspension (same
// `from`, a later `until`), or lifts it early (`lifted_on` alone).
struct DisciplineSuspensionRequest {
  int64_t id = 0;
  int64_t version = 0;
  std::optional<Date> from;
  std::optional<Date> until;
  std::string basis;  // investigation, prosecution
  std::optional<Date> lifted_on;
};

// Closes an undecided case without a sanction: the ground (domain/discipline/closure.h), the
// day and the competent body's conclusion. A suspension still running ends that day.
struct DisciplineClosureRequest {
  int64_t id = 0;
  int64_t version = 0;
  Date closed_on;
  std::optional<domain::discipline::ClosureGround> ground;  // nullopt: not given (required)
  std::string note;
};

struct DisciplineQuery {
  OrgId org_id;
  std::string state;
  std::optional<domain::discipline::Subject> subject;
  std::optional<int> year;
  int limit = 200;
};

// A case with its clocks as seen today.
struct DisciplineView {
  DisciplineCase item;
  std::string subject_name;  // the member's or the organization's
  std::string org_name;
  std::optional<domain::discipline::LimitationAnswer> limitation;
  std::optional<domain::discipline::VoteAnswer> vote;  // the threshold the sanction needs
  // The appeal period of the next appeal (when one may be lodged) or of the last one lodged.
  std::optional<domain::discipline::Deadline> appeal;
  std::optional<domain::discipline::Deadline> appeal_resolve;  // the last appeal's
  std::optional<domain::discipline::NextAppeal> next_appeal;   // on a decided case
  std::optional<domain::discipline::Deadline> state_notice;
  bool suspended_today = false;  // the suspension covers today
  std::optional<domain::discipline::AppliedRule>
      suspension_rule;  // its cap; none for a prosecution
  bool may_write = false;
};

struct MemberDiscipline {
  MemberId member_id;
  std::string full_name;
  std::vector<DisciplineView> cases;  // newest breach first
};

Result<DisciplineView> open_discipline_case(Context& ctx, const OpenDisciplineRequest& request);
Result<std::vector<DisciplineView>> list_discipline_cases(Context& ctx,
                                                          const DisciplineQuery& query);
Result<DisciplineView> get_discipline_case(Context& ctx, int64_t id);
Result<DisciplineView> update_discipline_case(Context& ctx, int64_t id, int64_t version,
                                              const DisciplineFacts& facts);
Result<DisciplineView> record_discipline_vote(Context& ctx, const DisciplineVoteRequest& request);
Result<DisciplineView> decide_discipline_case(Context& ctx,
                                              const DisciplineDecisionRequest& request);
Result<DisciplineView> record_discipline_appeal(Context& ctx,
                                                const DisciplineAppealRequest& request);
Result<DisciplineView> record_discipline_suspension(Context& ctx,
                                                    const DisciplineSuspensionRequest& request);
Result<DisciplineView> close_discipline_case(Context& ctx, const DisciplineClosureRequest& request);
Result<MemberDiscipline> get_member_discipline(Context& ctx, MemberId member);

// The members among `members` with a sanction decided in `year` and not annulled on appeal
// (the review's "disciplined in the year"): one query.
std::vector<MemberId> disciplined_members_in(Transaction& tx, const std::vector<MemberId>& members,
                                             int year);

// The decided cases of `members` as their records show them (annulled ones too: the record keeps
// those in force, domain/discipline/record.h), by member, in one query. A decision recorded by
// its register document carries that document's number. No access check, no audit: the caller's.
std::map<MemberId, std::vector<domain::discipline::DecidedSanction>> decided_sanctions_of(
    Transaction& tx, const std::vector<MemberId>& members);
// The same for every member with a case opened in `tree` (nullopt: everywhere): an export's.
std::map<MemberId, std::vector<domain::discipline::DecidedSanction>> decided_sanctions_in(
    Transaction& tx, const std::optional<OrgPath>& tree);

}  // namespace chibo::app
