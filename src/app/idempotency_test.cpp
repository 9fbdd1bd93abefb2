// Idempotency keys through the store (app/runner.h, run_keyed) on SQLite and, with
// CHIBO_TEST_POSTGRES, PostgreSQL: the reply is stored with the write, replayed for the same
// request, refused for another, forgotten after a day, and never stored for a failed write.
#include "app/runner.h"

#include <gtest/gtest.h>

#include "app/member_changes.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;

class Idempotency : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();
    actor_ = temp_.actor();
    actor_.principal.user_id = 7;  // keys belong to a user
  }

  // A keyed creation of the fixture member with `citizen_id`; counts how often it wrote.
  Result<app::KeyedReply> create(const std::string& key, const std::string& fingerprint,
                                 const std::string& citizen_id = "001080000021") {
    return app::run_keyed(temp_.services(), actor_, {key, fingerprint},
                          [&](app::Context& ctx) -> Result<app::StoredReply> {
                            auto patch = chibo::testing::valid_member_patch(tree_[3].value);
                            patch["citizen_id"] = citizen_id;
                            auto created = app::create_member(ctx, patch);
                            if (!created) return created.error();
                            ++writes_;
                            return app::StoredReply{
                                201,
                                "application/json",
                                "{\"id\":" + std::to_string(created->member.id.value) + "}",
                                {{"Location", "/m/" + std::to_string(created->member.id.value)}}};
                          });
  }

  long long members() {
    long long count = 0;
    EXPECT_TRUE(temp_.store().write_session([&](soci::session& sql) -> Status {
      sql << "SELECT COUNT(*) FROM members", soci::into(count);
      return Ok();
    }));
    return count;
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
  app::Actor actor_;
  int writes_ = 0;
};

TEST_F(Idempotency, TheSameRequestGetsTheStoredReplyAndWritesOnce) {
  auto first = create("k1", "f1");
  ASSERT_TRUE(first) << first.error().reason;
  EXPECT_FALSE(first->replayed);
  auto again = create("k1", "f1");
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->reply.status, 201);
  EXPECT_EQ(again->reply.body, first->reply.body);
  EXPECT_EQ(again->reply.headers, first->reply.headers);
  EXPECT_EQ(writes_, 1);
  EXPECT_EQ(members(), 1);
}

TEST_F(Idempotency, AnotherRequestUnderTheKeyIsRefused) {
  ASSERT_TRUE(create("k1", "f1"));
  auto other = create("k1", "f2", "001080000022");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(other.error().reason, "idempotency_key_reused");
  EXPECT_EQ(members(), 1);
}

TEST_F(Idempotency, AFailedWriteLeavesTheKeyFree) {
  auto patch = chibo::testing::valid_member_patch(tree_[3].value);
  patch["citizen_id"] = "001080000021";
  ASSERT_TRUE(app::run_write(temp_.services(), temp_.actor(), app::create_member, patch));
  auto duplicate = create("k1", "f1");  // the same CCCD: refused, nothing stored
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  auto corrected = create("k1", "f2", "001080000099");
  ASSERT_TRUE(corrected) << corrected.error().reason;
  EXPECT_FALSE(corrected->replayed);
}

TEST_F(Idempotency, KeysArePerUserAndForgottenAfterADay) {
  ASSERT_TRUE(create("k1", "f1"));
  actor_.principal.user_id = 8;
  auto theirs = create("k1", "f2", "001080000022");
  ASSERT_TRUE(theirs);
  EXPECT_FALSE(theirs->replayed);
  actor_.principal.user_id = 7;
  temp_.clock().set("2026-11-30T03:00:00.001Z");  // 24 hours and a millisecond later
  auto later = create("k1", "f3", "001080000023");
  ASSERT_TRUE(later) << later.error().reason;
  EXPECT_FALSE(later->replayed);
  EXPECT_EQ(members(), 3);
}

TEST_F(Idempotency, TheOperatorsCommandsCannotUseKeys) {
  actor_.principal.user_id = 0;
  auto refused = create("k1", "f1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(members(), 0);
}

}  // namespace
}  // namespace chibo::storage
