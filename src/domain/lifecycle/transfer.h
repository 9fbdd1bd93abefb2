// Transfers of party activity (chuyển sinh hoạt đảng), rules-reference.md §4.
//
// Official transfers move the member's registration: inside the committee's tree in one step
// (out of one cell into another, no gap); out of it with an introduction letter (the member
// leaves the roll and is "in transit" until the receiving side confirms); into it when a member
// presents a letter from outside (on the roll at once; a letter presented past its deadline
// makes the days late a gap in party age). Temporary transfers (3 months to under a year for
// work or residence, up to 2 years of study) keep the registration at home.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "core/result.h"
#include "domain/calendar/working_calendar.h"
#include "domain/lifecycle/decision.h"
#include "domain/lifecycle/party_age.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

enum class TransferKind { kOfficial, kTemporary };
enum class TransferDirection { kInternal, kOutgoing, kIncoming };
enum class TransferState {
  kInTransit,  // official, outgoing: the letter is issued, receipt not yet confirmed
  kAway,       // temporary: attending elsewhere (or, incoming, a guest attending here)
  kCompleted,  // official: arrived (internal and incoming at once; outgoing once confirmed)
  kReturned,   // temporary: back home
  kCancelled,  // withdrawn before completion; an outgoing member is back on the roll
};

std::string_view transfer_kind_code(TransferKind kind);
std::string_view transfer_direction_code(TransferDirection direction);
std::string_view transfer_state_code(TransferState state);
std::optional<TransferKind> parse_transfer_kind(std::string_view code);
std::optional<TransferDirection> parse_transfer_direction(std::string_view code);
std::optional<TransferState> parse_transfer_state(std::string_view code);

struct Transfer {
  TransferId id;
  TransferKind kind = TransferKind::kOfficial;
  TransferDirection direction = TransferDirection::kInternal;
  std::string purpose;  // temporary: "work" (or residence) or "study"
  MemberId member_id;   // absent only for a temporary guest from outside
  OrgId from_org;       // inside the tree (internal, outgoing)
  OrgPath from_path;
  OrgId to_org;  // inside the tree (internal, incoming)
  OrgPath to_path;
  std::string external_org;  // the organization outside the tree, where it is one end
  Date letter_date;          // the introduction letter (giấy giới thiệu)
  Document letter;
  Date started_on;            // the move (internal), the letter (outgoing), the arrival (incoming)
  std::optional<Date> until;  // temporary: the planned return
  TransferState state = TransferState::kInTransit;
  std::optional<Date> completed_on;
  std::string note;        // a reason for a late step
  int64_t gap_days = 0;    // the party-age gap it caused
  std::string standing;    // the member's status when leaving (restored on cancel)
  std::string guest_name;  // a temporary guest from outside: who
  std::string guest_citizen_id;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
};

// The last day to present the letter (transfer.present_working_days in force on its date, in
// working days after it). Fails against `letter_date` when no rule was in force on the letter's
// date (rule_not_in_force) or the calendar lacks a year the count crosses
// (calendar_year_missing): a deadline is never guessed.
Result<Date> present_by(const Transfer& transfer, const RuleSet& rules,
                        const WorkingCalendar& calendar);

// Checks a new transfer of `member` (nullptr for incoming ones), started on `on`.
std::vector<FieldError> check_new_transfer(const Transfer& transfer, const Member* member, Date on,
                                           const RuleSet& rules, const WorkingCalendar& calendar,
                                           Date today);

// The party-age gap of an official arrival presented on `on`: from the deadline to `on`, when
// transfer.late_days_deducted (in force on `on`) says the days late count; nullopt on time.
// Fails as present_by does.
Result<std::optional<Gap>> late_arrival_gap(const Transfer& transfer, Date on, const RuleSet& rules,
                                            const WorkingCalendar& calendar);

// Checks completing a transfer (receipt confirmed, back from a temporary one) on `on`.
std::vector<FieldError> check_transfer_completion(const Transfer& transfer, Date on, Date today);

// A transfer past its time: an outgoing letter whose receipt is not confirmed by the
// presentation deadline, or a temporary absence past its planned end.
bool transfer_overdue(const Transfer& transfer, const RuleSet& rules,
                      const WorkingCalendar& calendar, Date today);

}  // namespace chibo::domain
