// A user's own sessions over a real store with the injected clock (ASVS 7.5.2): the list (open
// sessions only, the most recently active first, the current one marked, public ids that are not
// the token hash), and ending one or the others after re-authentication: validation, the same
// answer for another user's session as for none, the current one refused, a wrong password
// audited and throttled, and what ends takes effect at the next request.
#include "app/own_sessions.h"

#include <gtest/gtest.h>

#include "app/audit_views.h"
#include "app/runner.h"
#include "app/sessions.h"
#include "app/users.h"
#include "core/instant.h"
#include "security/hashing.h"
#include "testing/temp_store.h"

namespace chibo {
namespace {

constexpr const char* kUserPassword = "mot cau rat dai de nho 2026";
constexpr int64_t kMinuteMs = 60'000;

class OwnSessions : public ::testing::Test {
 protected:
  void SetUp() override { tree_ = temp_.make_tree(); }

  app::Services& services() { return temp_.services(); }

  void add_user(const std::string& username, OrgId scope) {
    app::NewUser draft;
    draft.username = username;
    draft.display_name = username;
    draft.grants = {{"cell_secretary", scope}};
    draft.password = kUserPassword;
    auto created = app::create_user(services(), temp_.actor(), draft);
    ASSERT_TRUE(created) << created.error().reason;
  }

  app::SignedIn login(const std::string& username, const std::string& address = "10.0.0.1") {
    auto signed_in = app::login(
        services(), {username, kUserPassword, "", address, "agent " + address, "req", ""});
    EXPECT_TRUE(signed_in) << (signed_in ? "" : signed_in.error().reason);
    return signed_in ? *signed_in : app::SignedIn{};
  }

  bool open(const std::string& token) {
    return static_cast<bool>(app::authenticate(services(), token, "req", "10.0.0.1"));
  }

  app::Actor actor_of(const std::string& token) {
    auto who = app::authenticate(services(), token, "req", "10.0.0.1");
    EXPECT_TRUE(who);
    return who ? who->actor : app::Actor{};
  }

  std::vector<app::OwnSession> list(const app::Actor& actor) {
    auto listed = app::run_read(services(), actor,
                                [](app::Context& ctx) { return app::list_own_sessions(ctx); });
    EXPECT_TRUE(listed);
    return listed ? *listed : std::vector<app::OwnSession>{};
  }

  Result<int64_t> end(const app::Actor& actor, const std::string& id, bool others,
                      const std::string& password = kUserPassword) {
    return app::end_own_sessions(services(), actor, {id, others, password});
  }

  std::vector<domain::AuditEvent> audit(const std::string& action) {
    app::AuditQuery query;
    query.action = action;
    auto events = app::run_read(services(), temp_.actor(), app::list_audit, query);
    EXPECT_TRUE(events);
    return events ? events->items : std::vector<domain::AuditEvent>{};
  }

  void advance(int64_t millis) {
    temp_.clock().set(shift_instant(temp_.clock().now_utc(), millis));
  }

  testing::TempStore temp_;
  std::vector<OrgId> tree_;  // bloc, committee, base, cell_a, cell_b
};

TEST_F(OwnSessions, TheListShowsOpenSessionsMostRecentlyActiveFirstAndMarksThisOne) {
  add_user("bithu.a", tree_[3]);
  add_user("bithu.b", tree_[4]);
  const app::SignedIn idle = login("bithu.a", "10.0.0.9");
  advance(16 * kMinuteMs);  // idle: over, though nothing marked it ended
  const app::SignedIn here = login("bithu.a");
  advance(kMinuteMs);
  const app::SignedIn there = login("bithu.a", "10.0.0.2");
  const app::SignedIn other_user = login("bithu.b");
  advance(kMinuteMs);
  const app::Actor actor = actor_of(here.token);  // records this session's activity

  const std::vector<app::OwnSession> listed = list(actor);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, here.session.public_id);
  EXPECT_TRUE(listed[0].current);
  EXPECT_EQ(listed[0].address, "10.0.0.1");
  EXPECT_EQ(listed[0].created_at, here.session.created_at);
  EXPECT_EQ(parse_instant(listed[0].last_seen_at), parse_instant(temp_.clock().now_utc()));
  EXPECT_EQ(listed[0].expires_at, here.session.expires_at);
  EXPECT_EQ(listed[1].id, there.session.public_id);
  EXPECT_FALSE(listed[1].current);
  EXPECT_EQ(listed[1].address, "10.0.0.2");
  EXPECT_EQ(listed[1].user_agent, "agent 10.0.0.2");
  for (const app::OwnSession& session : listed) {
    EXPECT_EQ(session.id.size(), 32u);
    EXPECT_NE(session.id, security::token_hash(here.token));
    EXPECT_NE(session.id, security::token_hash(there.token));
  }
  EXPECT_NE(idle.session.public_id, "");
  EXPECT_NE(other_user.session.public_id, there.session.public_id);

  // From the other session, the other one is current.
  const std::vector<app::OwnSession> seen_there = list(actor_of(there.token));
  ASSERT_EQ(seen_there.size(), 2u);
  EXPECT_EQ(seen_there[0].id, there.session.public_id);  // active just now
  EXPECT_TRUE(seen_there[0].current);
  EXPECT_FALSE(seen_there[1].current);
}

TEST_F(OwnSessions, EndingOneSessionNeedsThePasswordAndTakesEffectAtOnce) {
  add_user("bithu.a", tree_[3]);
  add_user("bithu.b", tree_[4]);
  const app::SignedIn here = login("bithu.a");
  const app::SignedIn there = login("bithu.a", "10.0.0.2");
  const app::SignedIn someone_else = login("bithu.b");
  const app::Actor actor = actor_of(here.token);

  // Validation first, every problem at once; nothing ends.
  auto neither = end(actor, "", false, "");
  ASSERT_FALSE(neither);
  ASSERT_EQ(neither.error().fields.size(), 2u);
  EXPECT_EQ(neither.error().fields[0].field, "id");
  EXPECT_EQ(neither.error().fields[0].code, "one_of");
  EXPECT_EQ(neither.error().fields[1].field, "current_password");
  EXPECT_EQ(neither.error().fields[1].code, "required");
  auto both = end(actor, there.session.public_id, true);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().fields.at(0).field, "id");
  EXPECT_TRUE(open(there.token));

  // Another user's session and a made-up id: the same "not found".
  auto foreign = end(actor, someone_else.session.public_id, false);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  auto made_up = end(actor, std::string(32, 'a'), false);
  ASSERT_FALSE(made_up);
  EXPECT_EQ(made_up.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(made_up.error().reason, foreign.error().reason);
  EXPECT_TRUE(open(someone_else.token));
  // Nor does the token hash name a session.
  auto by_hash = end(actor, security::token_hash(there.token), false);
  ASSERT_FALSE(by_hash);
  EXPECT_EQ(by_hash.error().code, ErrorCode::kNotFound);

  // This session: a logout, not this.
  auto current = end(actor, here.session.public_id, false);
  ASSERT_FALSE(current);
  EXPECT_EQ(current.error().fields.at(0).field, "id");
  EXPECT_EQ(current.error().fields.at(0).code, "session_current");
  EXPECT_TRUE(open(here.token));

  // A wrong password: refused, audited, nothing ends.
  auto wrong = end(actor, there.session.public_id, false, "not my password");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
  EXPECT_EQ(wrong.error().fields.at(0).code, "password_wrong");
  EXPECT_TRUE(open(there.token));
  std::vector<domain::AuditEvent> refused = audit("user.sessions_end");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].outcome, "refused");
  EXPECT_EQ(refused[0].session_hash, security::token_hash(here.token));

  auto ended = end(actor, there.session.public_id, false);
  ASSERT_TRUE(ended) << ended.error().reason;
  EXPECT_EQ(*ended, 1);
  EXPECT_FALSE(open(there.token));
  EXPECT_TRUE(open(here.token));
  EXPECT_TRUE(open(someone_else.token));
  const std::vector<app::OwnSession> left = list(actor);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_TRUE(left[0].current);
  std::vector<domain::AuditEvent> events = audit("user.sessions_end");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].outcome, "ok");  // newest first
  EXPECT_NE(events[0].details.find("\"sessions_ended\":1"), std::string::npos) << events[0].details;
  EXPECT_NE(events[0].details.find(there.session.public_id), std::string::npos);
  // Ended, it is unknown.
  auto again = end(actor, there.session.public_id, false);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST_F(OwnSessions, EndingTheOthersKeepsThisOneAndOtherUsers) {
  add_user("bithu.a", tree_[3]);
  add_user("bithu.b", tree_[4]);
  const app::SignedIn here = login("bithu.a");
  const app::SignedIn phone = login("bithu.a", "10.0.0.2");
  const app::SignedIn laptop = login("bithu.a", "10.0.0.3");
  const app::SignedIn someone_else = login("bithu.b");
  const app::Actor actor = actor_of(here.token);
  auto ended = end(actor, "", true);
  ASSERT_TRUE(ended) << ended.error().reason;
  EXPECT_EQ(*ended, 2);
  EXPECT_TRUE(open(here.token));
  EXPECT_FALSE(open(phone.token));
  EXPECT_FALSE(open(laptop.token));
  EXPECT_TRUE(open(someone_else.token));
  auto none_left = end(actor, "", true);
  ASSERT_TRUE(none_left);
  EXPECT_EQ(*none_left, 0);
}

TEST_F(OwnSessions, FiveWrongPasswordsThrottleEvenTheRightOne) {
  add_user("bithu.a", tree_[3]);
  const app::SignedIn here = login("bithu.a");
  const app::SignedIn there = login("bithu.a", "10.0.0.2");
  const app::Actor actor = actor_of(here.token);
  advance(kMinuteMs);  // failures count from after the last sign-in's success
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto wrong = end(actor, there.session.public_id, false, "wrong " + std::to_string(attempt));
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().fields.at(0).code, "password_wrong") << attempt;
  }
  auto throttled = end(actor, there.session.public_id, false);
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, ErrorCode::kThrottled);
  EXPECT_TRUE(open(there.token));
  // The same failures hold back a sign-in of this account from this address.
  auto login_refused =
      app::login(services(), {"bithu.a", kUserPassword, "", "10.0.0.1", "agent", "req", ""});
  ASSERT_FALSE(login_refused);
  EXPECT_EQ(login_refused.error().code, ErrorCode::kThrottled);
  // Once the window has passed (both sessions kept active meanwhile), the right one works.
  advance(10 * kMinuteMs);
  ASSERT_TRUE(open(here.token));
  ASSERT_TRUE(open(there.token));
  advance(5 * kMinuteMs + 1);
  auto ended = end(actor, there.session.public_id, false);
  ASSERT_TRUE(ended) << ended.error().reason;
  EXPECT_EQ(*ended, 1);
}

}  // namespace
}  // namespace chibo
