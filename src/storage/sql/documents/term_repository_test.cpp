// The terms and committee seats tables on a real store (SQLite, or PostgreSQL under
// unit.postgresql): round trips of every column, order, NULLs, optimistic versions.
#include "storage/sql/documents/term_repository.h"

#include <gtest/gtest.h>

#include "app/member_changes.h"
#include "app/runner.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::date;
using chibo::testing::TempStore;

TEST(TermRepository, StoresTermsInCongressOrderWithNullableCounts) {
  TempStore temp;
  const auto tree = temp.make_tree();
  const OrgId base = tree[2];
  int64_t later_id = 0;
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    app::Term later;
    later.org_id = base.value;
    later.name = "Nhiệm kỳ 2025-2030";
    later.congress_opened_on = date("2025-06-10");
    later.congress_closed_on = date("2025-06-11");
    later.approved_committee_size = 9;
    later.approved_standing_size = 0;  // zero is a value, not NULL
    later.congress_delegates = 120;
    later.note = "Đại hội lần thứ IV";
    later.created_at = later.updated_at = "2026-01-01T00:00:00Z";
    tx.terms().insert(later);
    later_id = later.id;
    EXPECT_EQ(later.version, 1);

    app::Term earlier;
    earlier.org_id = base.value;
    earlier.name = "Nhiệm kỳ 2020-2025";
    earlier.congress_closed_on = date("2020-06-12");
    earlier.next_congress_closed_on = date("2025-06-11");
    earlier.created_at = earlier.updated_at = "2026-01-01T00:00:00Z";
    tx.terms().insert(earlier);
    return Ok();
  }));
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    const auto terms = tx.terms().terms_of(base);
    EXPECT_EQ(terms.size(), 2u);
    if (terms.size() != 2) return Ok();
    EXPECT_EQ(terms[0].name, "Nhiệm kỳ 2020-2025");
    EXPECT_FALSE(terms[0].congress_opened_on);
    EXPECT_FALSE(terms[0].approved_committee_size);
    EXPECT_FALSE(terms[0].congress_delegates);
    EXPECT_EQ(terms[0].next_congress_closed_on, date("2025-06-11"));
    EXPECT_EQ(terms[1].id, later_id);
    EXPECT_EQ(terms[1].congress_opened_on, date("2025-06-10"));
    EXPECT_EQ(terms[1].congress_closed_on, date("2025-06-11"));
    EXPECT_FALSE(terms[1].next_congress_closed_on);
    EXPECT_EQ(terms[1].approved_committee_size, 9);
    EXPECT_EQ(terms[1].approved_standing_size, 0);
    EXPECT_EQ(terms[1].congress_delegates, 120);
    EXPECT_EQ(terms[1].note, "Đại hội lần thứ IV");
    EXPECT_EQ(terms[1].org_id, base.value);
    EXPECT_TRUE(tx.terms().terms_of(tree[3]).empty());
    const auto running = tx.terms().running_terms({base, tree[3]});
    EXPECT_EQ(running.size(), 1u);
    if (running.count(base)) {
      EXPECT_EQ(running.at(base).id, later_id);
    }
    EXPECT_FALSE(tx.terms().find(later_id + 100));
    return Ok();
  }));
  // Optimistic versions: a stale update changes nothing.
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    app::Term before = *tx.terms().find(later_id);
    app::Term edited = before;
    edited.approved_committee_size = std::nullopt;
    edited.name = "NK 2025-2030";
    EXPECT_TRUE(tx.terms().update(edited, before));
    EXPECT_EQ(edited.version, 2);
    app::Term stale = before;
    stale.name = "stale";
    EXPECT_FALSE(tx.terms().update(stale, before));
    const app::Term saved = *tx.terms().find(later_id);
    EXPECT_EQ(saved.name, "NK 2025-2030");
    EXPECT_FALSE(saved.approved_committee_size);
    EXPECT_EQ(saved.version, 2);
    return Ok();
  }));
}

TEST(TermRepository, KeepsSeatsWithDecisionsAndHistory) {
  TempStore temp;
  const auto tree = temp.make_tree();
  const OrgId cell = tree[3];
  auto created = app::run_write(temp.services(), temp.actor(), app::create_member,
                                chibo::testing::valid_member_patch(cell.value));
  ASSERT_TRUE(created);
  const MemberId member = created->member.id;
  int64_t term_id = 0, seat_id = 0;
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    app::Term term;
    term.org_id = cell.value;
    term.name = "Nhiệm kỳ 2025-2027";
    term.congress_closed_on = date("2025-03-01");
    term.created_at = term.updated_at = "2026-01-01T00:00:00Z";
    tx.terms().insert(term);
    term_id = term.id;
    app::TermSeat seat;
    seat.term_id = term.id;
    seat.org_id = cell;
    seat.member_id = member;
    seat.position = "secretary";
    seat.started_on = date("2025-03-02");
    seat.decision_number = "12-QĐ/ĐU";
    seat.decision_authority = "Đảng ủy";
    seat.decision_date = date("2025-03-05");
    seat.created_at = seat.updated_at = "2026-01-01T00:00:00Z";
    tx.terms().insert_seat(seat);
    seat_id = seat.id;
    app::TermSeat deputy = seat;
    deputy.position = "deputy_secretary";
    deputy.started_on = date("2025-03-01");
    deputy.decision_number.clear();
    deputy.decision_date.reset();
    tx.terms().insert_seat(deputy);
    return Ok();
  }));
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    const auto seats = tx.terms().seats_of(term_id);
    EXPECT_EQ(seats.size(), 2u);
    if (seats.size() != 2) return Ok();
    EXPECT_EQ(seats[0].position, "deputy_secretary");  // started first
    EXPECT_FALSE(seats[0].decision_date);
    EXPECT_EQ(seats[1].id, seat_id);
    EXPECT_EQ(seats[1].decision_number, "12-QĐ/ĐU");
    EXPECT_EQ(seats[1].decision_authority, "Đảng ủy");
    EXPECT_EQ(seats[1].decision_date, date("2025-03-05"));
    EXPECT_EQ(seats[1].member_id, member);
    EXPECT_EQ(seats[1].org_id, cell);
    EXPECT_TRUE(seats[1].active_on(date("2026-01-01")));

    app::TermSeat before = *tx.terms().find_seat(seat_id);
    app::TermSeat ended = before;
    ended.ended_on = date("2026-02-01");
    ended.end_reason = "Chuyển công tác";
    EXPECT_TRUE(tx.terms().update_seat(ended, before));
    EXPECT_FALSE(tx.terms().update_seat(ended, before));  // stale
    const app::TermSeat saved = *tx.terms().find_seat(seat_id);
    EXPECT_EQ(saved.ended_on, date("2026-02-01"));
    EXPECT_EQ(saved.end_reason, "Chuyển công tác");
    EXPECT_FALSE(saved.active_on(date("2026-02-02")));
    EXPECT_EQ(tx.terms().seats_of_member(member).size(), 2u);
    return Ok();
  }));
}

}  // namespace
}  // namespace chibo::storage
