#include "domain/lifecycle/transfer.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

Member transferring_member(const char* status) {
  Member member;
  member.id = MemberId(5);
  member.status = status;
  member.org_id = OrgId(20);
  return member;
}

Transfer transfer(TransferKind kind, TransferDirection direction, const char* letter_date) {
  Transfer t;
  t.kind = kind;
  t.direction = direction;
  t.member_id = MemberId(5);
  t.from_org = OrgId(20);
  t.to_org = OrgId(21);
  t.letter_date = date(letter_date);
  t.letter = {"88-GGT/ĐU", "Đảng ủy Bộ Công Thương"};
  if (direction != TransferDirection::kInternal) t.external_org = "Đảng bộ tỉnh Nghệ An";
  return t;
}

// The shared fixtures by using-declarations, not wrappers: a unity batch may put this file with
// another that declares the same names.
using chibo::testing::calendar;
using chibo::testing::rules;
const Date kTransferToday = date("2026-12-02");

TEST(Transfer, CodesRoundTrip) {
  EXPECT_EQ(parse_transfer_kind(transfer_kind_code(TransferKind::kTemporary)),
            TransferKind::kTemporary);
  EXPECT_EQ(parse_transfer_direction("outgoing"), TransferDirection::kOutgoing);
  EXPECT_EQ(transfer_state_code(TransferState::kInTransit), "in_transit");
  EXPECT_FALSE(parse_transfer_state("lost"));
}

TEST(Transfer, OnlyMembersOnTheRollMove) {
  const Member left = transferring_member("removed");
  const Transfer t = transfer(TransferKind::kOfficial, TransferDirection::kInternal, "2026-11-02");
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(t, &left, date("2026-11-02"), rules(), calendar(), kTransferToday),
      "member_id", "member_not_on_roll"));
  const Member official = transferring_member("official");
  EXPECT_TRUE(
      check_new_transfer(t, &official, date("2026-11-02"), rules(), calendar(), kTransferToday)
          .empty());
  Transfer same = t;
  same.to_org = same.from_org;
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(same, &official, date("2026-11-02"), rules(), calendar(), kTransferToday),
      "to_org_id", "transfer_same_org"));
}

TEST(Transfer, LeavingTheTreeNeedsALetterAndADestination) {
  const Member official = transferring_member("official");
  Transfer t = transfer(TransferKind::kOfficial, TransferDirection::kOutgoing, "2026-11-02");
  EXPECT_TRUE(
      check_new_transfer(t, &official, date("2026-11-02"), rules(), calendar(), kTransferToday)
          .empty());
  t.external_org.clear();
  t.letter.number.clear();
  auto errors =
      check_new_transfer(t, &official, date("2026-11-02"), rules(), calendar(), kTransferToday);
  EXPECT_TRUE(testing::has_error(errors, "external_org", "required"));
  EXPECT_TRUE(testing::has_error(errors, "letter.number", "required"));
}

TEST(Transfer, AnArrivalPastItsThirtyWorkingDaysNeedsAReasonAndCostsPartyAge) {
  Transfer t = transfer(TransferKind::kOfficial, TransferDirection::kIncoming, "2026-08-20");
  // 30 working days from Thursday 2026-08-20, with Quốc khánh (1/9, 2/9) off: Monday 5/10
  // (weekdays alone would give Thursday 1/10).
  EXPECT_EQ(*present_by(t, rules(), calendar()), date("2026-10-05"));
  EXPECT_TRUE(
      check_new_transfer(t, nullptr, date("2026-10-05"), rules(), calendar(), kTransferToday)
          .empty());
  EXPECT_FALSE(*late_arrival_gap(t, date("2026-10-05"), rules(), calendar()));
  auto errors =
      check_new_transfer(t, nullptr, date("2026-10-15"), rules(), calendar(), kTransferToday);
  ASSERT_TRUE(testing::has_error(errors, "note", "presented_late"));
  t.note = "Ốm điều trị dài ngày";
  EXPECT_TRUE(
      check_new_transfer(t, nullptr, date("2026-10-15"), rules(), calendar(), kTransferToday)
          .empty());
  const auto gap = late_arrival_gap(t, date("2026-10-15"), rules(), calendar());
  ASSERT_TRUE(gap && *gap);
  EXPECT_EQ((*gap)->days(), 10);
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(t, nullptr, date("2026-08-19"), rules(), calendar(), kTransferToday), "on",
      "date_before_letter"));
}

TEST(Transfer, TemporaryForThreeMonthsToUnderAYearOrUpToTwoYearsOfStudy) {
  const Member official = transferring_member("probationary");
  Transfer t = transfer(TransferKind::kTemporary, TransferDirection::kOutgoing, "2026-01-05");
  t.purpose = "work";
  t.until = date("2026-04-04");
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday),
      "until", "temporary_too_short"));
  t.until = date("2026-04-05");
  EXPECT_TRUE(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday)
          .empty());
  t.until = date("2027-01-04");
  EXPECT_TRUE(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday)
          .empty());
  t.until = date("2027-01-05");  // a full year is not "under one year"
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday),
      "until", "temporary_too_long"));
  t.purpose = "study";
  t.until = date("2028-01-05");  // two years of study, inclusive
  EXPECT_TRUE(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday)
          .empty());
  t.until = date("2028-01-06");
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday),
      "until", "temporary_too_long"));
  t.purpose = "holiday";
  EXPECT_TRUE(testing::has_error(
      check_new_transfer(t, &official, date("2026-01-05"), rules(), calendar(), kTransferToday),
      "purpose", "unknown_code"));
}

TEST(Transfer, OverdueInTransitAndOverdueReturns) {
  Transfer out = transfer(TransferKind::kOfficial, TransferDirection::kOutgoing, "2026-08-20");
  out.state = TransferState::kInTransit;
  EXPECT_FALSE(transfer_overdue(out, rules(), calendar(), date("2026-10-05")));
  EXPECT_TRUE(transfer_overdue(out, rules(), calendar(), date("2026-10-06")));
  Transfer away = transfer(TransferKind::kTemporary, TransferDirection::kInternal, "2026-01-05");
  away.state = TransferState::kAway;
  away.until = date("2026-06-30");
  EXPECT_FALSE(transfer_overdue(away, rules(), calendar(), date("2026-06-30")));
  EXPECT_TRUE(transfer_overdue(away, rules(), calendar(), date("2026-07-01")));
  away.state = TransferState::kReturned;
  EXPECT_FALSE(transfer_overdue(away, rules(), calendar(), date("2026-07-01")));
}

TEST(Transfer, CompletingOnlyWhatIsOpen) {
  Transfer out = transfer(TransferKind::kOfficial, TransferDirection::kOutgoing, "2026-08-20");
  out.state = TransferState::kInTransit;
  EXPECT_TRUE(check_transfer_completion(out, date("2026-09-01"), kTransferToday).empty());
  EXPECT_TRUE(testing::has_error(check_transfer_completion(out, date("2026-08-19"), kTransferToday),
                                 "on", "date_before_letter"));
  out.state = TransferState::kCompleted;
  EXPECT_TRUE(testing::has_error(check_transfer_completion(out, date("2026-09-01"), kTransferToday),
                                 "state", "transfer_closed"));
}

}  // namespace
}  // namespace chibo::domain
