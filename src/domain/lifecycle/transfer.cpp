#include "domain/lifecycle/transfer.h"

#include "domain/catalog/catalog.h"

namespace chibo::domain {

namespace {

template <class E>
struct Code {
  E value;
  const char* code;
};

constexpr Code<TransferKind> kKinds[] = {{TransferKind::kOfficial, "official"},
                                         {TransferKind::kTemporary, "temporary"}};
constexpr Code<TransferDirection> kDirections[] = {{TransferDirection::kInternal, "internal"},
                                                   {TransferDirection::kOutgoing, "outgoing"},
                                                   {TransferDirection::kIncoming, "incoming"}};
constexpr Code<TransferState> kStates[] = {{TransferState::kInTransit, "in_transit"},
                                           {TransferState::kAway, "away"},
                                           {TransferState::kCompleted, "completed"},
                                           {TransferState::kReturned, "returned"},
                                           {TransferState::kCancelled, "cancelled"}};

template <class E, size_t N>
std::string_view code_of(const Code<E> (&table)[N], E value) {
  for (const Code<E>& entry : table) {
    if (entry.value == value) return entry.code;
  }
  return "";
}

template <class E, size_t N>
std::optional<E> parse_code(const Code<E> (&table)[N], std::string_view code) {
  for (const Code<E>& entry : table) {
    if (code == entry.code) return entry.value;
  }
  return std::nullopt;
}

void check_temporary(const Transfer& transfer, Date start, const RuleSet& rules,
                     std::vector<FieldError>& errors) {
  if (transfer.purpose != "work" && transfer.purpose != "study") {
    errors.push_back({"purpose",
                      transfer.purpose.empty() ? "required" : "unknown_code",
                      {{"value", transfer.purpose}}});
    return;
  }
  if (!transfer.until) {
    errors.push_back({"until", "required", {}});
    return;
  }
  const RuleParameter* min =
      rule_on(rules, "transfer.temporary_min_months", start, "until", errors);
  const RuleParameter* max =
      rule_on(rules,
              transfer.purpose == "study" ? "transfer.temporary_study_max_months"
                                          : "transfer.temporary_work_max_months",
              start, "until", errors);
  if (!min || !max) return;
  const Date shortest = start.add_months(static_cast<int>(min->value));
  const Date limit = start.add_months(static_cast<int>(max->value));
  if (*transfer.until < shortest) {
    errors.push_back(rule_error("until", "temporary_too_short", *min, {{"min", shortest.iso()}}));
  } else if (transfer.purpose == "work" ? *transfer.until >= limit : *transfer.until > limit) {
    // Work or residence: under the limit (exclusive); study: up to it (inclusive).
    errors.push_back(rule_error("until", "temporary_too_long", *max, {{"max", limit.iso()}}));
  }
}

}  // namespace

std::string_view transfer_kind_code(TransferKind kind) { return code_of(kKinds, kind); }
std::string_view transfer_direction_code(TransferDirection direction) {
  return code_of(kDirections, direction);
}
std::string_view transfer_state_code(TransferState state) { return code_of(kStates, state); }
std::optional<TransferKind> parse_transfer_kind(std::string_view code) {
  return parse_code(kKinds, code);
}
std::optional<TransferDirection> parse_transfer_direction(std::string_view code) {
  return parse_code(kDirections, code);
}
std::optional<TransferState> parse_transfer_state(std::string_view code) {
  return parse_code(kStates, code);
}

Result<Date> present_by(const Transfer& transfer, const RuleSet& rules,
                        const WorkingCalendar& calendar) {
  std::vector<FieldError> errors;
  const RuleParameter* days =
      rule_on(rules, "transfer.present_working_days", transfer.letter_date, "letter_date", errors);
  if (!days) return Error::invalid(std::move(errors));
  Result<Date> due = calendar.add_working_days(transfer.letter_date, static_cast<int>(days->value));
  if (!due) return Error::invalid({calendar_field_error("letter_date", due.error())});
  return due;
}

std::vector<FieldError> check_new_transfer(const Transfer& transfer, const Member* member, Date on,
                                           const RuleSet& rules, const WorkingCalendar& calendar,
                                           Date today) {
  std::vector<FieldError> errors;
  const bool incoming = transfer.direction == TransferDirection::kIncoming;
  const bool guest = incoming && transfer.kind == TransferKind::kTemporary;
  if (!incoming && (!member || !on_roll(*member))) {
    errors.push_back({"member_id", "member_not_on_roll", {}});
    return errors;
  }
  check_step_date("on", on, today, errors);
  check_step_date("letter_date", transfer.letter_date, today, errors);
  if (on < transfer.letter_date) errors.push_back({"on", "date_before_letter", {}});
  if (transfer.direction != TransferDirection::kInternal) {
    if (transfer.external_org.empty()) errors.push_back({"external_org", "required", {}});
    if (transfer.letter.number.empty()) errors.push_back({"letter.number", "required", {}});
  } else if (!transfer.external_org.empty()) {
    errors.push_back({"external_org", "not_for_internal", {}});
  }
  if (transfer.direction == TransferDirection::kInternal && transfer.from_org == transfer.to_org)
    errors.push_back({"to_org_id", "transfer_same_org", {}});
  if (guest) {
    if (transfer.guest_name.empty()) errors.push_back({"guest_name", "required", {}});
  }
  if (transfer.kind == TransferKind::kTemporary) {
    check_temporary(transfer, on, rules, errors);
  } else if (!transfer.purpose.empty() || transfer.until) {
    errors.push_back({transfer.until ? "until" : "purpose", "not_for_official", {}});
  }
  if (incoming && transfer.kind == TransferKind::kOfficial) {
    const Result<Date> due = present_by(transfer, rules, calendar);
    if (!due) {
      for (const FieldError& error : due.error().fields) errors.push_back(error);
    } else if (on > *due && transfer.note.empty()) {
      errors.push_back(
          rule_error("note", "presented_late",
                     *rules.in_force("transfer.present_working_days", transfer.letter_date),
                     {{"due", due->iso()}}));
    }
  }
  return errors;
}

Result<std::optional<Gap>> late_arrival_gap(const Transfer& transfer, Date on, const RuleSet& rules,
                                            const WorkingCalendar& calendar) {
  Result<Date> due = present_by(transfer, rules, calendar);
  if (!due) return std::move(due).error();
  std::vector<FieldError> errors;
  const RuleParameter* deducted = rule_on(rules, "transfer.late_days_deducted", on, "on", errors);
  if (!deducted) return Error::invalid(std::move(errors));
  if (deducted->value == 0 || on <= *due) return std::optional<Gap>();
  return std::optional<Gap>(Gap{*due, on});
}

std::vector<FieldError> check_transfer_completion(const Transfer& transfer, Date on, Date today) {
  std::vector<FieldError> errors;
  if (transfer.state != TransferState::kInTransit && transfer.state != TransferState::kAway) {
    errors.push_back({"state",
                      "transfer_closed",
                      {{"state", std::string(transfer_state_code(transfer.state))}}});
    return errors;
  }
  check_step_date("on", on, today, errors);
  if (on < transfer.letter_date) errors.push_back({"on", "date_before_letter", {}});
  return errors;
}

bool transfer_overdue(const Transfer& transfer, const RuleSet& rules,
                      const WorkingCalendar& calendar, Date today) {
  if (transfer.state == TransferState::kInTransit) {
    const Result<Date> due = present_by(transfer, rules, calendar);
    return due && today > *due;
  }
  if (transfer.state == TransferState::kAway) return transfer.until && today > *transfer.until;
  return false;
}

}  // namespace chibo::domain
