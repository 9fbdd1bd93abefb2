// The account, session and audit use cases over a real SQLite store: login and throttling,
// the second factor, session lifetimes, ending sessions, scoped administration, scoped member
// access with restricted fields, and the audit chain with tampering found.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "app/audit_views.h"
#include "app/discipline.h"
#include "app/member_changes.h"
#include "app/member_views.h"
#include "app/runner.h"
#include "app/sessions.h"
#include "app/users.h"
#include "core/instant.h"
#include "security/hashing.h"
#include "security/signing.h"
#include "security/totp.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo {
namespace {

using testing::date;
using testing::valid_member_patch;

constexpr const char* kPassword = "mot cau rat dai de nho 2026";
constexpr const char* kTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DP";

class Accounts : public ::testing::Test {
 protected:
  void SetUp() override { tree_ = temp_.make_tree(); }

  app::Services& services() { return temp_.services(); }

  int64_t add_user(const std::string& username, const std::string& role, OrgId scope,
                   const std::string& totp_secret = "",
                   std::optional<MemberId> member = std::nullopt) {
    app::NewUser draft;
    draft.username = username;
    draft.display_name = username;
    draft.grants = {{role, scope}};
    draft.password = kPassword;
    draft.totp_secret = totp_secret;
    draft.member_id = member;
    auto created = app::create_user(services(), temp_.actor(), draft);
    EXPECT_TRUE(created) << (created ? "" : created.error().reason);
    return created ? created->view.user.id : 0;
  }

  Result<app::SignedIn> login(const std::string& username, const std::string& password = kPassword,
                              const std::string& totp = "",
                              const std::string& address = "10.0.0.1") {
    return app::login(services(), {username, password, totp, address, "test", "req", ""});
  }

  Result<app::Authenticated> authenticate(const std::string& token) {
    return app::authenticate(services(), token, "req", "10.0.0.1");
  }

  int64_t now_seconds() { return *parse_instant(temp_.clock().now_utc()) / 1000; }

  void advance(int64_t millis) {
    temp_.clock().set(shift_instant(temp_.clock().now_utc(), millis));
  }

  MemberId add_member(OrgId cell, const std::string& citizen_id) {
    domain::MemberPatch patch = valid_member_patch(cell.value, citizen_id);
    auto created = app::run_write(services(), temp_.actor(), app::create_member, patch);
    EXPECT_TRUE(created) << (created ? "" : created.error().reason);
    return created ? created->member.id : MemberId();
  }

  testing::TempStore temp_;
  std::vector<OrgId> tree_;  // bloc, committee, base, cell_a, cell_b
};

TEST_F(Accounts, LoginIssuesAFreshTokenStoredOnlyAsItsHash) {
  add_user("bithu.a", "cell_secretary", tree_[3]);
  auto first = login("bithu.a");
  ASSERT_TRUE(first) << first.error().reason;
  auto second = login("bithu.a");
  ASSERT_TRUE(second);
  EXPECT_GE(first->token.size(), 43u);  // 256 bits in URL-safe base64
  EXPECT_NE(first->token, second->token);
  EXPECT_EQ(first->session.token_hash, security::token_hash(first->token));
  EXPECT_EQ(first->session.stage, "full");
  long long raw = -1;
  ASSERT_TRUE(temp_.store().write_session([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM sessions WHERE token_hash = :t", soci::use(first->token),
        soci::into(raw);
    return Ok();
  }));
  EXPECT_EQ(raw, 0);
  auto who = authenticate(first->token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->actor.name, "bithu.a");
  EXPECT_FALSE(authenticate(first->token + "x"));
}

TEST_F(Accounts, WrongPasswordAndUnknownUserFailAlike) {
  add_user("bithu.a", "cell_secretary", tree_[3]);
  auto wrong = login("bithu.a", "not the password at all");
  auto unknown = login("nobody.here");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().reason, "login_failed");
  EXPECT_EQ(unknown.error().reason, "login_failed");
}

TEST_F(Accounts, TheSixthAttemptIsThrottledWithoutLockingOthersOut) {
  add_user("bithu.a", "cell_secretary", tree_[3]);
  add_user("bithu.b", "cell_secretary", tree_[4]);
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto failed = login("bithu.a", "wrong password " + std::to_string(attempt));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().reason, "login_failed") << attempt;
  }
  auto sixth = login("bithu.a");  // even the right password
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, ErrorCode::kThrottled);
  EXPECT_TRUE(login("bithu.b"));                              // another user, same address
  EXPECT_TRUE(login("bithu.a", kPassword, "", "10.0.0.99"));  // the same user elsewhere
  advance(15 * 60'000 + 1);
  EXPECT_TRUE(login("bithu.a"));  // the window has passed
}

TEST_F(Accounts, AdministratorsNeedTheSecondFactorAndEachCodeWorksOnce) {
  add_user("quantri", "administrator", OrgId(), kTotpSecret);
  auto missing = login("quantri");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().reason, "totp_required");
  auto wrong =
      login("quantri", kPassword,
            "000000" == security::totp_code(kTotpSecret, now_seconds()) ? "111111" : "000000");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().reason, "totp_invalid");
  const std::string code = security::totp_code(kTotpSecret, now_seconds());
  ASSERT_TRUE(login("quantri", kPassword, code));
  auto replay = login("quantri", kPassword, code);
  ASSERT_FALSE(replay);
  EXPECT_EQ(replay.error().reason, "totp_invalid");
  advance(30'000);
  EXPECT_TRUE(login("quantri", kPassword, security::totp_code(kTotpSecret, now_seconds())));
}

TEST_F(Accounts, SessionsEndWhenIdleAndAfterTheirLifetime) {
  add_user("bithu.a", "cell_secretary", tree_[3]);
  auto idle = login("bithu.a");
  ASSERT_TRUE(idle);
  advance(14 * 60'000);
  EXPECT_TRUE(authenticate(idle->token));  // and records the activity
  advance(14 * 60'000);
  EXPECT_TRUE(authenticate(idle->token));
  advance(15 * 60'000 + 1);
  auto expired = authenticate(idle->token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().reason, "session_expired");

  auto busy = login("bithu.a");
  ASSERT_TRUE(busy);
  for (int step = 0; step < 47; ++step) {  // 7 h 50 min of steady work
    advance(10 * 60'000);
    ASSERT_TRUE(authenticate(busy->token)) << step;
  }
  advance(10 * 60'000);  // 8 h after login
  EXPECT_FALSE(authenticate(busy->token));
}

TEST_F(Accounts, LogoutDisablingAndEndingSessionsTakeEffectAtOnce) {
  const int64_t id = add_user("bithu.a", "cell_secretary", tree_[3]);
  auto session = login("bithu.a");
  ASSERT_TRUE(session);
  auto who = authenticate(session->token);
  ASSERT_TRUE(who);
  ASSERT_TRUE(app::run_write(services(), who->actor, app::logout));
  EXPECT_FALSE(authenticate(session->token));

  auto a = login("bithu.a");
  auto b = login("bithu.a");
  ASSERT_TRUE(a && b);
  auto ended = app::run_write(services(), temp_.actor(), app::end_sessions, id);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 2);
  EXPECT_FALSE(authenticate(a->token));
  EXPECT_FALSE(authenticate(b->token));

  auto c = login("bithu.a");
  ASSERT_TRUE(c);
  auto user = app::run_read(services(), temp_.actor(), app::get_user, id);
  ASSERT_TRUE(user);
  app::UserPatch disable;
  disable.version = user->user.version;
  disable.disabled = true;
  ASSERT_TRUE(app::run_write(services(), temp_.actor(), app::update_user, id, disable));
  EXPECT_FALSE(authenticate(c->token));
  auto refused = login("bithu.a");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "login_failed");
}

TEST_F(Accounts, ACachedSessionIsDroppedAtOnceByEveryAccessChange) {
  const int64_t id = add_user("bithu.a", "cell_secretary", tree_[3]);
  app::SessionCache cache;
  auto check = [&](const std::string& token) {
    return app::authenticate(services(), token, "req", "10.0.0.1", {}, &cache);
  };
  auto a = login("bithu.a");
  auto b = login("bithu.a");
  ASSERT_TRUE(a && b);
  auto who = check(a->token);
  ASSERT_TRUE(who);
  ASSERT_TRUE(check(b->token));
  ASSERT_TRUE(check(a->token));  // from the cache

  // Grants changed: the next request sees the new scope.
  auto user = app::run_read(services(), temp_.actor(), app::get_user, id);
  ASSERT_TRUE(user);
  app::UserPatch regrant;
  regrant.version = user->user.version;
  regrant.grants = std::vector<app::UserGrant>{{"cell_secretary", tree_[4]}};
  ASSERT_TRUE(app::run_write(services(), temp_.actor(), app::update_user, id, regrant));
  // (Changing grants ends the user's sessions: both are gone at once.)
  EXPECT_FALSE(check(a->token));
  EXPECT_FALSE(check(b->token));

  auto c = login("bithu.a");
  ASSERT_TRUE(c);
  auto moved = check(c->token);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->actor.principal.grants.at(0).scope->leaf(), tree_[4]);
  ASSERT_TRUE(app::run_write(services(), moved->actor, app::logout));
  EXPECT_FALSE(check(c->token));

  auto d = login("bithu.a");
  ASSERT_TRUE(d);
  ASSERT_TRUE(check(d->token));
  ASSERT_TRUE(app::run_write(services(), temp_.actor(), app::end_sessions, id));
  EXPECT_FALSE(check(d->token));

  // Idle time is judged on every request, cached or not.
  auto e = login("bithu.a");
  ASSERT_TRUE(e);
  ASSERT_TRUE(check(e->token));
  advance(15 * 60'000 + 1);
  EXPECT_FALSE(check(e->token));
}

TEST_F(Accounts, ThePasswordPolicyAndAPasswordChangeEndOtherSessions) {
  add_user("bithu.a", "cell_secretary", tree_[3]);
  auto here = login("bithu.a");
  auto there = login("bithu.a");
  ASSERT_TRUE(here && there);
  auto who = authenticate(here->token);
  ASSERT_TRUE(who);
  for (const char* weak : {"short", "password123", "12345678"}) {
    auto refused = app::change_password(services(), who->actor, kPassword, weak);
    ASSERT_FALSE(refused) << weak;
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].field, "new_password");
  }
  auto wrong =
      app::change_password(services(), who->actor, "not my password", "another long phrase 2026");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields[0].code, "password_wrong");
  // The sign-in throttle (five failures of the account at this address since its last sign-in):
  // then refused unread, the right password included, as signing in is.
  advance(1000);
  for (int attempt = 0; attempt < 5; ++attempt)
    ASSERT_FALSE(app::change_password(services(), who->actor, "guess", "another long phrase 2026"));
  auto throttled = app::change_password(services(), who->actor, kPassword, "a long phrase 2026");
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, ErrorCode::kThrottled);
  EXPECT_EQ(throttled.error().reason, "login_throttled");
  advance(15 * 60'000 + 1);  // the throttle's window has passed (and the sessions' idle time)
  here = login("bithu.a");
  there = login("bithu.a");
  ASSERT_TRUE(here && there);
  who = authenticate(here->token);
  ASSERT_TRUE(who);
  const std::string long_password(64, 'x');
  ASSERT_TRUE(app::change_password(services(), who->actor, kPassword, long_password + " and more"));
  EXPECT_TRUE(authenticate(here->token));
  EXPECT_FALSE(authenticate(there->token));
  EXPECT_TRUE(login("bithu.a", long_password + " and more"));
  EXPECT_FALSE(login("bithu.a"));
}

// ASVS 6.4.1: a one-time password opens no session 72 hours after it was issued, even the right
// one; a reset issues a new one with a new 72 hours; once changed, the password never expires.
TEST_F(Accounts, AOneTimePasswordExpiresSeventyTwoHoursAfterItWasIssued) {
  app::NewUser draft;
  draft.username = "vanthu.moi";
  draft.display_name = "Văn thư mới";
  draft.grants = {{"office_staff", tree_[2]}};
  auto created = app::create_user(services(), temp_.actor(), draft);
  ASSERT_TRUE(created) << created.error().reason;
  const std::string first = created->one_time_password;
  ASSERT_EQ(first.size(), 16u);
  const domain::SessionPolicy policy;
  ASSERT_EQ(policy.one_time_password_lifetime_ms, 72 * 3'600'000);

  advance(72 * 3'600'000 - 60'000);  // a minute before: it still works
  auto in_time = login("vanthu.moi", first);
  ASSERT_TRUE(in_time) << in_time.error().reason;
  EXPECT_EQ(in_time->session.stage, "change_password");
  advance(60'000);  // 72 hours to the millisecond
  auto late = login("vanthu.moi", first);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(late.error().reason, "password_expired");
  EXPECT_EQ(late.error().params, (Params{{"hours", "72"}}));
  // A wrong password still says only that it is wrong.
  auto wrong = login("vanthu.moi", "not the password at all");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().reason, "login_failed");

  auto reset = app::reset_password(services(), temp_.actor(), created->view.user.id, false);
  ASSERT_TRUE(reset) << reset.error().reason;
  advance(71 * 3'600'000);
  auto after_reset = login("vanthu.moi", reset->one_time_password);
  ASSERT_TRUE(after_reset) << after_reset.error().reason;
  auto who = authenticate(after_reset->token);
  ASSERT_TRUE(who);
  ASSERT_TRUE(app::change_password(services(), who->actor, reset->one_time_password, kPassword));
  advance(365LL * 24 * 3'600'000);  // a chosen password does not expire
  EXPECT_TRUE(login("vanthu.moi", kPassword));
  // Accounts created with a chosen password (the operator's command line) never had one.
  add_user("bithu.chon", "cell_secretary", tree_[3]);
  advance(100 * 3'600'000);
  EXPECT_TRUE(login("bithu.chon", kPassword));
}

TEST_F(Accounts, TheFirstAdministratorChangesTheOneTimePasswordThenEnrolsTotp) {
  auto admin = app::create_first_administrator(services(), temp_.actor());
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->one_time_password.size(), 16u);
  auto again = app::create_first_administrator(services(), temp_.actor(), "quantri");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().reason, "users_exist");

  auto session = login("admin", admin->one_time_password);
  ASSERT_TRUE(session) << session.error().reason;
  EXPECT_EQ(session->session.stage, "change_password");
  auto who = authenticate(session->token);
  ASSERT_TRUE(who);
  auto stage = app::change_password(services(), who->actor, admin->one_time_password, kPassword);
  ASSERT_TRUE(stage);
  EXPECT_EQ(*stage, "enrol_totp");
  auto confirm_early = app::run_write(services(), who->actor, app::confirm_totp, "123456");
  ASSERT_FALSE(confirm_early);
  EXPECT_EQ(confirm_early.error().reason, "totp_not_begun");
  const auto begin = [](app::Context& ctx, const std::string& code) {
    return app::begin_totp(ctx, code);
  };
  auto enrolment = app::run_write(services(), who->actor, begin, std::string());
  ASSERT_TRUE(enrolment);
  EXPECT_EQ(enrolment->uri.rfind("otpauth://totp/", 0), 0u);
  auto bad = app::run_write(services(), who->actor, app::confirm_totp, "abc");
  ASSERT_FALSE(bad);
  auto full = app::run_write(services(), who->actor, app::confirm_totp,
                             security::totp_code(enrolment->secret, now_seconds()));
  ASSERT_TRUE(full);
  EXPECT_EQ(*full, "full");
  auto me = app::run_read(services(), who->actor, app::me);
  ASSERT_TRUE(me);
  EXPECT_TRUE(me->user.totp_enabled);
  EXPECT_FALSE(me->user.must_change_password);
  EXPECT_EQ(me->session.stage, "full");

  // Replacing the factor now in force: a code from it, fresh (the confirmation's is spent).
  auto no_code = app::run_write(services(), who->actor, begin, std::string());
  ASSERT_FALSE(no_code);
  EXPECT_EQ(no_code.error().fields.at(0).field, "current_code");
  EXPECT_EQ(no_code.error().fields.at(0).code, "required");
  auto spent = app::run_write(services(), who->actor, begin,
                              security::totp_code(enrolment->secret, now_seconds()));
  ASSERT_FALSE(spent);
  EXPECT_EQ(spent.error().fields.at(0).code, "totp_invalid");
  auto replaced = app::run_write(services(), who->actor, begin,
                                 security::totp_code(enrolment->secret, now_seconds() + 30));
  ASSERT_TRUE(replaced) << replaced.error().reason;
  EXPECT_NE(replaced->secret, enrolment->secret);
}

TEST_F(Accounts, AScopedAdministratorManagesOnlyUsersInsideTheirScope) {
  add_user("qt.boTuPhap", "administrator", tree_[1], kTotpSecret);  // the committee's admin
  const int64_t inside = add_user("bithu.a", "cell_secretary", tree_[3]);
  const int64_t everywhere = add_user("lanhdao", "leader", OrgId());
  auto session = login("qt.botuphap", kPassword, security::totp_code(kTotpSecret, now_seconds()));
  ASSERT_TRUE(session) << session.error().reason;
  auto who = authenticate(session->token);
  ASSERT_TRUE(who);
  const app::Actor& admin = who->actor;

  auto list = app::run_read(services(), admin, app::list_users, "", 0, 50);
  ASSERT_TRUE(list);
  std::vector<std::string> names;
  for (const app::UserView& view : list->items) names.push_back(view.user.username);
  EXPECT_EQ(names, (std::vector<std::string>{"bithu.a", "qt.botuphap"}));
  EXPECT_TRUE(app::run_read(services(), admin, app::get_user, inside));
  auto hidden = app::run_read(services(), admin, app::get_user, everywhere);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);

  app::NewUser outside;
  outside.username = "vp.khoi";
  outside.display_name = "Văn phòng Khối";
  outside.grants = {{"office_staff", tree_[0]}};
  auto refused = app::create_user(services(), admin, outside);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "grants[0].scope_org_id");
  outside.grants = {{"office_staff", OrgId()}};
  EXPECT_FALSE(app::create_user(services(), admin, outside));
  outside.grants = {{"office_staff", tree_[2]}};
  auto created = app::create_user(services(), admin, outside);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->one_time_password.size(), 16u);
  EXPECT_TRUE(created->view.user.must_change_password);
}

TEST_F(Accounts, MemberAccessIsScopedAndRestrictedFieldsNeedTheirRight) {
  const MemberId in_a = add_member(tree_[3], "001080000011");
  const MemberId in_b = add_member(tree_[4], "001080000012");
  // The discipline is recorded through a case: a warning, voted and decided.
  const app::Actor system = temp_.actor();
  app::OpenDisciplineRequest open;
  open.member_id = in_a;
  open.facts.breach_summary = "Vi phạm quy định";
  open.facts.breach_date = date("2020-01-10");
  open.facts.sanction = domain::discipline::Sanction::kWarning;
  open.facts.competent_level = "Chi bộ A";
  auto opened = app::run_write(services(), system, app::open_discipline_case, open);
  ASSERT_TRUE(opened) << opened.error().reason;
  auto voted =
      app::run_write(services(), system, app::record_discipline_vote,
                     app::DisciplineVoteRequest{
                         opened->item.id, opened->item.version, {5, 3, 1, 9}, date("2020-02-01")});
  ASSERT_TRUE(voted) << voted.error().reason;
  app::DisciplineDecisionRequest decision;
  decision.id = voted->item.id;
  decision.version = voted->item.version;
  decision.decided_on = date("2020-02-10");
  decision.number = "12-QĐ/ĐU";
  ASSERT_TRUE(app::run_write(services(), system, app::decide_discipline_case, decision));
  // A free text typed before the cases existed stays, as the legacy note (migration 0027).
  ASSERT_TRUE(app::run_write(services(), system, [&](app::Context& ctx) -> Status {
    std::optional<domain::Member> stored = ctx.tx.members().find(in_a);
    domain::Member noted = *stored;
    noted.discipline_legacy = "Khiển trách (2014)";
    EXPECT_TRUE(ctx.tx.members().update(noted, *stored));
    return Ok();
  }));
  add_user("bithu.a", "cell_secretary", tree_[3]);
  add_user("kiemtra", "inspection", tree_[2]);
  add_user("lanhdao", "leader", tree_[2]);
  auto actor_of = [&](const std::string& name) {
    auto session = login(name);
    EXPECT_TRUE(session);
    return authenticate(session->token)->actor;
  };
  const app::Actor secretary = actor_of("bithu.a");
  const app::Actor inspector = actor_of("kiemtra");
  const app::Actor leader = actor_of("lanhdao");

  app::MemberQuery everyone;
  everyone.limit = 100;
  auto page = app::run_read(services(), secretary, app::list_members, everyone);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0]->id, in_a);
  EXPECT_TRUE(page->items[0]->discipline.empty());
  EXPECT_TRUE(page->items[0]->discipline_legacy.empty());

  auto own = app::run_read(
      services(), secretary, [](app::Context& c, MemberId id) { return app::get_member(c, id); },
      in_a);
  ASSERT_TRUE(own);
  EXPECT_FALSE(own->restricted_shown);
  EXPECT_TRUE(own->member.discipline.empty());
  EXPECT_TRUE(own->member.discipline_legacy.empty());
  EXPECT_TRUE(own->discipline_cases.empty());
  auto other = app::run_read(
      services(), secretary, [](app::Context& c, MemberId id) { return app::get_member(c, id); },
      in_b);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);

  auto inspected = app::run_read(
      services(), inspector, [](app::Context& c, MemberId id) { return app::get_member(c, id); },
      in_a);
  ASSERT_TRUE(inspected);
  EXPECT_TRUE(inspected->restricted_shown);
  EXPECT_EQ(inspected->member.discipline,
            "Cảnh cáo — QĐ 12-QĐ/ĐU ngày 10/02/2020; Ghi chép trước đây: Khiển trách (2014)");
  ASSERT_EQ(inspected->discipline_cases.size(), 1u);
  EXPECT_EQ(inspected->discipline_cases[0].case_id, opened->item.id);
  EXPECT_EQ(inspected->member.discipline_legacy, "Khiển trách (2014)");

  domain::MemberPatch phone;
  phone["phone"] = "0912345678";
  auto read_only =
      app::run_write(services(), leader, app::update_member, in_a, own->member.version, phone);
  ASSERT_FALSE(read_only);
  EXPECT_EQ(read_only.error().code, ErrorCode::kForbidden);
  auto beyond = app::run_write(services(), secretary, app::update_member, in_b, 1, phone);
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().code, ErrorCode::kNotFound);
  // Nobody types the discipline in, not even the inspection committee: it comes from the cases.
  for (const app::Actor& actor : {secretary, inspector, system}) {
    auto typed = app::run_write(
        services(), actor, app::update_member, in_a, own->member.version,
        domain::MemberPatch{{"discipline", std::optional<std::string>("Cảnh cáo (2026)")}});
    ASSERT_FALSE(typed) << actor.name;
    EXPECT_EQ(typed.error().code, ErrorCode::kInvalid) << actor.name;
    EXPECT_EQ(typed.error().fields.at(0).field, "discipline");
    EXPECT_EQ(typed.error().fields.at(0).code, "discipline_member_field_by_case");
  }
  domain::MemberPatch created = valid_member_patch(tree_[3].value, "001080000013");
  created["discipline"] = "Khiển trách";
  auto typed_new = app::run_write(services(), system, app::create_member, created);
  ASSERT_FALSE(typed_new);
  EXPECT_EQ(typed_new.error().fields.at(0).code, "discipline_member_field_by_case");
  auto not_theirs =
      app::run_write(services(), inspector, app::update_member, in_a, own->member.version, phone);
  ASSERT_FALSE(not_theirs);
  EXPECT_EQ(not_theirs.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(app::run_read(services(), inspector, app::list_members, everyone));

  // Reading the member's discipline was audited as a discipline read; the secretary's reads
  // were not.
  app::AuditQuery query;
  query.action = "member.read_discipline";
  auto events = app::run_read(services(), temp_.actor(), app::list_audit, query);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->items.size(), 1u);
  EXPECT_EQ(events->items[0].actor, "kiemtra");
  EXPECT_EQ(events->items[0].object_id, std::to_string(in_a.value));
  EXPECT_EQ(events->items[0].record_class, "restricted");
}

TEST_F(Accounts, EveryWriteIsChainedAndTamperingIsFound) {
  const MemberId member = add_member(tree_[3], "001080000021");
  add_user("bithu.a", "cell_secretary", tree_[3]);
  ASSERT_TRUE(login("bithu.a"));
  ASSERT_FALSE(login("bithu.a", "wrong password here"));
  auto verified = app::run_read(services(), app::Actor::system("audit"),
                                [](app::Context& c) { return app::verify_audit(c); });
  ASSERT_TRUE(verified);
  EXPECT_TRUE(verified->ok);
  EXPECT_GE(verified->events, 9);  // 5 organizations, a member, a user, a login, a failure

  // Sensitive values are hashed in the events' details.
  app::AuditQuery query;
  query.object_type = "member";
  auto events = app::run_read(services(), temp_.actor(), app::list_audit, query);
  ASSERT_TRUE(events);
  ASSERT_FALSE(events->items.empty());
  EXPECT_EQ(events->items.back().details.find("001080000021"), std::string::npos);
  EXPECT_NE(events->items.back().details.find(security::sha256_hex("001080000021")),
            std::string::npos)
      << events->items.back().details;

  // The triggers refuse changes; with them dropped, the altered event is named.
  EXPECT_FALSE(temp_.store().write_session([&](soci::session& sql) -> Status {
    sql << "UPDATE audit_events SET outcome = 'refused' WHERE seq = 3";
    return Ok();
  }));
  EXPECT_FALSE(temp_.store().write_session([&](soci::session& sql) -> Status {
    sql << "DELETE FROM audit_events WHERE seq = 3";
    return Ok();
  }));
  ASSERT_TRUE(app::run_read(services(), app::Actor::system("audit"), [](app::Context& c) {
                return app::verify_audit(c);
              })->ok);
  ASSERT_TRUE(temp_.store().write_session([&](soci::session& sql) -> Status {
    // PostgreSQL names a trigger with its table.
    sql << (temp_.on_postgres() ? "DROP TRIGGER audit_events_no_update ON audit_events"
                                : "DROP TRIGGER audit_events_no_update");
    sql << "UPDATE audit_events SET outcome = 'refused' WHERE seq = 3";
    return Ok();
  }));
  auto broken = app::run_read(services(), app::Actor::system("audit"),
                              [](app::Context& c) { return app::verify_audit(c); });
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->ok);
  EXPECT_EQ(broken->first_broken, 3);
  EXPECT_EQ(broken->problem, "chain");
  (void)member;
}

TEST_F(Accounts, ACheckpointProvesTheHistoryUpToIt) {
  add_user("bithu.a", "cell_secretary", tree_[3]);
  const security::KeyPair key = security::new_signing_key();
  auto checkpoint =
      app::run_read(services(), app::Actor::system("audit"), app::checkpoint_audit, key.secret_key);
  ASSERT_TRUE(checkpoint);
  auto parsed = domain::parse_checkpoint(checkpoint->line());
  ASSERT_TRUE(parsed);
  ASSERT_TRUE(login("bithu.a"));  // more events after the checkpoint
  auto verified = app::run_read(
      services(), app::Actor::system("audit"),
      [](app::Context& c, const std::optional<domain::AuditCheckpoint>& k) {
        return app::verify_audit(c, k);
      },
      parsed);
  ASSERT_TRUE(verified);
  EXPECT_TRUE(verified->ok) << verified->problem;

  domain::AuditCheckpoint forged = *parsed;
  forged.hash[0] = forged.hash[0] == 'a' ? 'b' : 'a';
  auto refused = app::run_read(
      services(), app::Actor::system("audit"),
      [](app::Context& c, const std::optional<domain::AuditCheckpoint>& k) {
        return app::verify_audit(c, k);
      },
      forged);
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->ok);
  EXPECT_EQ(refused->problem, "checkpoint_signature");
}

}  // namespace
}  // namespace chibo
