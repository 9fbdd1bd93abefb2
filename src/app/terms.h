// Use cases of terms (nhiệm kỳ) and committees (cấp ủy, ủy ban kiểm tra): a congress opens a
// term and closes the previous one; members hold committee seats from an appointing decision
// (or the election) until they end; warnings on the composition and on a term past its end.
// Reading needs org.read over the organization, writing terms.manage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/documents/composition.h"
#include "domain/documents/term.h"
#include "domain/org/structure_warnings.h"

namespace chibo::app {

// A term with its place: running today or not, and (running) its standing against the term
// length rules.
struct TermView {
  Term term;
  bool current = false;
  std::optional<domain::TermStanding> standing;
};

struct SeatView {
  TermSeat seat;
  std::string member_name;
  std::string member_org_name;  // the cell the member is registered in
};

struct TermList {
  Organization org;
  std::vector<TermView> terms;  // newest congress first
  bool has_congress = true;     // false for a kind without a congress (a tổ đảng)
  bool may_manage = false;      // the actor may record congresses and seats here
};

// An organization's committee: the current term, its seats held today, the warnings on
// its composition and the term's standing. No current term: empty seats, and the standing
// code "no_term" for a kind that holds congresses.
struct CommitteeView {
  Organization org;
  std::optional<TermView> current;
  std::vector<SeatView> seats;  // held today, in position order
  std::vector<domain::CompositionWarning> warnings;
  std::string standing_code;  // "", "no_term", "term_due_passed", "term_overdue"
  int64_t official_members = 0;
  bool may_manage = false;
};

// One term with every seat of it (ended ones too: the history).
struct TermDetail {
  Organization org;
  TermView view;
  std::vector<SeatView> seats;
  bool may_manage = false;
};

struct CongressRequest {
  std::string name;  // "" : "Nhiệm kỳ <year>-<year>" from the term length rule
  std::optional<Date> opened_on;
  Date closed_on;
  std::optional<int> delegates;
  std::optional<int> approved_committee_size;
  std::optional<int> approved_standing_size;
  std::string note;
};

// Fields a PATCH may change (a set outer optional: the field was sent; an empty inner one:
// cleared).
struct TermPatch {
  std::optional<std::string> name;
  std::optional<std::optional<Date>> opened_on;
  std::optional<std::optional<int>> delegates;
  std::optional<std::optional<int>> approved_committee_size;
  std::optional<std::optional<int>> approved_standing_size;
  std::optional<std::string> note;
};

struct SeatRequest {
  MemberId member;
  std::string position;
  Date started_on;
  domain::Document decision;  // number and authority
  std::optional<Date> decision_date;
};

Result<TermList> list_terms(Context& ctx, OrgId org);
Result<TermDetail> get_term(Context& ctx, int64_t term_id);
Result<CommitteeView> get_committee(Context& ctx, OrgId org);

// A congress of `org` closed: opens a new term (after the last one) and closes the running
// one on that day, ending its seats still held.
Result<TermDetail> record_congress(Context& ctx, OrgId org, const CongressRequest& congress);
Result<TermDetail> update_term(Context& ctx, int64_t term_id, int64_t version,
                               const TermPatch& patch);

Result<SeatView> appoint_seat(Context& ctx, int64_t term_id, const SeatRequest& seat);
Result<SeatView> end_seat(Context& ctx, int64_t seat_id, int64_t version, Date on,
                          const std::string& reason);

// The standing of an organization's running term on `today` (nullopt: no running term, or a
// kind without congress), shared with the organization views' warnings.
std::optional<domain::TermStanding> running_standing(const Services& services,
                                                     const Organization& org, const Term& term,
                                                     Date today);

// The organization's warning when its running term is past the congress's due date
// ("term_due_passed") or past the latest the tolerance allows ("term_overdue"): rule = the term
// length rule, threshold its months, actual the whole months since the congress closed.
std::optional<domain::StructureWarning> term_warning(const Services& services,
                                                     const Organization& org, const Term& term,
                                                     Date today);

}  // namespace chibo::app
