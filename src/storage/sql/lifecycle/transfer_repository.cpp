#include "storage/sql/lifecycle/transfer_repository.h"

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::Transfer;
using domain::TransferDirection;
using domain::TransferKind;
using domain::TransferState;

namespace {

constexpr const char* kTransferColumns =
    "kind, direction, purpose, from_path, to_path, external_org, letter_date, letter_number, "
    "letter_authority, started_on, until, state, completed_on, note, standing, guest_name, "
    "guest_citizen_id, created_at, updated_at, id, member_id, from_org_id, to_org_id, gap_days, "
    "version";
constexpr size_t kTransferTexts = 19;
constexpr size_t kTransferNumbers = 6;

Transfer transfer_of(const RowReader& row) {
  Transfer t;
  t.kind = domain::parse_transfer_kind(row.text(0)).value_or(TransferKind::kOfficial);
  t.direction =
      domain::parse_transfer_direction(row.text(1)).value_or(TransferDirection::kInternal);
  t.purpose = row.text(2);
  t.from_path = OrgPath::parse(row.text(3)).value_or(OrgPath());
  t.to_path = OrgPath::parse(row.text(4)).value_or(OrgPath());
  t.external_org = row.text(5);
  t.letter_date = row.date(6).value_or(Date());
  t.letter = {row.text(7), row.text(8)};
  t.started_on = row.date(9).value_or(Date());
  t.until = row.date(10);
  t.state = domain::parse_transfer_state(row.text(11)).value_or(TransferState::kInTransit);
  t.completed_on = row.date(12);
  t.note = row.text(13);
  t.standing = row.text(14);
  t.guest_name = row.text(15);
  t.guest_citizen_id = row.text(16);
  t.created_at = row.text(17);
  t.updated_at = row.text(18);
  t.id = TransferId(row.number(0));
  t.member_id = MemberId(row.number(1));
  t.from_org = OrgId(row.number(2));
  t.to_org = OrgId(row.number(3));
  t.gap_days = row.number(4);
  t.version = row.number(5);
  return t;
}

RowValues values_of(const Transfer& t) {
  RowValues values;
  values.text("kind", std::string(domain::transfer_kind_code(t.kind)))
      .text("direction", std::string(domain::transfer_direction_code(t.direction)))
      .text("purpose", t.purpose)
      .optional_id("member_id", t.member_id.value)
      .optional_id("from_org_id", t.from_org.value)
      .text("from_path", t.from_path.str())
      .optional_id("to_org_id", t.to_org.value)
      .text("to_path", t.to_path.str())
      .text("external_org", t.external_org)
      .date("letter_date", t.letter_date)
      .text("letter_number", t.letter.number)
      .text("letter_authority", t.letter.authority)
      .date("started_on", t.started_on)
      .date("until", t.until)
      .text("state", std::string(domain::transfer_state_code(t.state)))
      .date("completed_on", t.completed_on)
      .text("note", t.note)
      .number("gap_days", t.gap_days)
      .text("standing", t.standing)
      .text("guest_name", t.guest_name)
      .text("guest_citizen_id", t.guest_citizen_id)
      .text("updated_at", t.updated_at);
  return values;
}

}  // namespace

std::vector<Transfer> SqlTransferRepository::select(const std::string& where_and_order,
                                                    Bindings& bindings) {
  std::vector<Transfer> found;
  RowReader row(kTransferTexts, kTransferNumbers);
  select_rows(session_,
              std::string("SELECT ") + kTransferColumns + " FROM transfers " + where_and_order,
              bindings, row, [&] { found.push_back(transfer_of(row)); });
  return found;
}

std::optional<Transfer> SqlTransferRepository::find(TransferId id) {
  Bindings bindings;
  std::vector<Transfer> found = select("WHERE id = " + bindings.number(id.value), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Transfer> SqlTransferRepository::list(const app::TransferFilter& filter) {
  Bindings bindings;
  std::string where = "1 = 1";
  // A transfer belongs to both ends: it shows in the subtree of either.
  if (filter.subtree) {
    where += " AND ((" + subtree_condition("from_path", *filter.subtree, bindings) + ") OR (" +
             subtree_condition("to_path", *filter.subtree, bindings) + "))";
  }
  if (!filter.within.empty()) {
    where += " AND (" + within_condition("from_path", filter.within, bindings) + " OR " +
             within_condition("to_path", filter.within, bindings) + ")";
  }
  if (!filter.states.empty()) where += " AND state IN " + bindings.text_list(filter.states);
  if (filter.kind)
    where += " AND kind = " + bindings.text(std::string(domain::transfer_kind_code(*filter.kind)));
  if (filter.direction) {
    where += " AND direction = " +
             bindings.text(std::string(domain::transfer_direction_code(*filter.direction)));
  }
  if (filter.member) where += " AND member_id = " + bindings.number(filter.member->value);
  const char* order =
      filter.oldest_first ? " ORDER BY started_on, id" : " ORDER BY started_on DESC, id DESC";
  return select("WHERE " + where + order + " LIMIT " + std::to_string(filter.limit) + " OFFSET " +
                    std::to_string(filter.offset),
                bindings);
}

std::optional<Transfer> SqlTransferRepository::open_for(MemberId member) {
  Bindings bindings;
  std::vector<Transfer> found = select("WHERE member_id = " + bindings.number(member.value) +
                                           " AND state IN ('in_transit', 'away') ORDER BY id DESC",
                                       bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlTransferRepository::insert(Transfer& transfer) {
  RowValues values = values_of(transfer);
  values.number("version", 1).text("created_at", transfer.created_at);
  transfer.id = TransferId(insert_returning_id(session_, "transfers", values));
  transfer.version = 1;
}

bool SqlTransferRepository::update(Transfer& transfer, const Transfer& before) {
  RowValues values = values_of(transfer);
  values.number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(transfer.id.value) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "transfers", values, condition, where) != 1) return false;
  transfer.version = before.version + 1;
  return true;
}

}  // namespace chibo::storage
