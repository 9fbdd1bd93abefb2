#include "app/own_sessions.h"

#include <algorithm>

#include "app/runner.h"
#include "app/sessions.h"
#include "core/instant.h"
#include "domain/access/own_sessions.h"
#include "security/password.h"

namespace chibo::app {

namespace {

constexpr const char* kAction = "user.sessions_end";

// The user's listed sessions at `now_ms`, in list order.
std::vector<Session> listed_sessions(Transaction& tx, int64_t user_id, int64_t now_ms,
                                     const domain::SessionPolicy& policy) {
  std::vector<Session> sessions = tx.sessions().open_sessions(user_id, format_instant(now_ms));
  sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                [&](const Session& session) {
                                  return !domain::session_listed(times_of(session), now_ms, policy);
                                }),
                 sessions.end());
  std::stable_sort(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) {
    return domain::listed_before(times_of(a), times_of(b));
  });
  return sessions;
}

// The public id of the session making the request ("" when it is not found: a bug or a race).
std::string current_id(const std::vector<Session>& sessions, const Actor& actor) {
  for (const Session& session : sessions) {
    if (session.token_hash == actor.session_hash) return session.public_id;
  }
  return {};
}

}  // namespace

Result<std::vector<OwnSession>> list_own_sessions(Context& ctx,
                                                  const domain::SessionPolicy& policy) {
  const int64_t now_ms = parse_instant(ctx.now()).value_or(0);
  std::vector<OwnSession> listed;
  for (Session& session : listed_sessions(ctx.tx, ctx.actor.principal.user_id, now_ms, policy)) {
    OwnSession own;
    own.id = std::move(session.public_id);
    own.created_at = std::move(session.created_at);
    own.last_seen_at = std::move(session.last_seen_at);
    own.expires_at = std::move(session.expires_at);
    own.address = std::move(session.address);
    own.user_agent = std::move(session.user_agent);
    own.current = session.token_hash == ctx.actor.session_hash;
    listed.push_back(std::move(own));
  }
  return listed;
}

Result<int64_t> end_own_sessions(Services& services, const Actor& actor,
                                 const EndOwnSessions& request,
                                 const domain::SessionPolicy& policy) {
  std::vector<FieldError> errors;
  if (!domain::names_one_target(request.id, request.others))
    errors.push_back({"id", "one_of", {{"fields", "id, others"}}});
  if (request.current_password.empty()) errors.push_back({"current_password", "required", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));

  const int64_t now_ms = parse_instant(services.clock.now_utc()).value_or(0);
  const std::string window_start = format_instant(now_ms - policy.throttle_window_ms);
  std::optional<User> user;
  domain::LoginFailures failures;
  Status read = run_read(services, actor, [&](Context& ctx) -> Status {
    user = ctx.tx.users().find(actor.principal.user_id);
    if (!user) return Error::unauthenticated("unauthenticated");
    failures = failures_since(ctx.tx, user->username, actor.address, window_start);
    return Ok();
  });
  if (!read) return std::move(read).error();
  if (domain::login_throttled(failures, policy))
    return Error::throttled("login_throttled", policy.throttle_window_ms / 1000);

  // Argon2id takes a tenth of a second: outside any transaction.
  if (!security::verify_password(request.current_password, user->password_hash)) {
    // A wrong current password counts towards throttling and is audited.
    return run_write(services, actor, [&](Context& ctx) -> Result<int64_t> {
      ctx.tx.sessions().record_attempt(user->username, actor.address, ctx.now(), false);
      AuditEntry entry = AuditEntry::about(kAction, "user", user->id);
      entry.refused = true;
      ctx.audit(entry.with("reason", "password_wrong"));
      return ctx.keep_writes(Error::invalid_field("current_password", "password_wrong"));
    });
  }

  return run_write(services, actor, [&](Context& ctx) -> Result<int64_t> {
    const int64_t at_ms = parse_instant(ctx.now()).value_or(0);
    const std::vector<Session> open = listed_sessions(ctx.tx, user->id, at_ms, policy);
    std::vector<std::string> open_ids;
    for (const Session& session : open) open_ids.push_back(session.public_id);
    const domain::SessionsToEnd chosen =
        domain::sessions_to_end(request.id, request.others, open_ids, current_id(open, actor));
    switch (chosen.outcome) {
      case domain::EndOutcome::kEnd:
        break;
      case domain::EndOutcome::kNeedsOneTarget:
        return Error::invalid_field("id", "one_of", {{"fields", "id, others"}});
      case domain::EndOutcome::kUnknown:
        return Error::not_found("session");
      case domain::EndOutcome::kCurrent:
        return Error::invalid_field("id", "session_current");
    }
    const std::string now = ctx.now();
    for (const Session& session : open) {
      if (std::find(chosen.ids.begin(), chosen.ids.end(), session.public_id) != chosen.ids.end())
        ctx.tx.sessions().end(session.token_hash, now);
    }
    const auto ended = static_cast<int64_t>(chosen.ids.size());
    ctx.audit(AuditEntry::about(kAction, "user", user->id)
                  .with("target", request.others ? "others" : "one")
                  .with("sessions_ended", ended)
                  .with("session_ids", chosen.ids));
    return ended;
  });
}

}  // namespace chibo::app
