#include "app/sessions.h"

#include <algorithm>
#include <set>

#include "app/access_control.h"
#include "app/runner.h"
#include "core/instant.h"
#include "security/hashing.h"
#include "security/password.h"
#include "security/random.h"
#include "security/totp.h"
#include "text/clean.h"

namespace chibo::app {

namespace {

constexpr const char* kTotpIssuer = "chibo";

// A hash to verify against when the username does not exist, so that the answer takes as long
// as for a real account (no user enumeration by timing).
const std::string& dummy_hash() {
  static const std::string hash = security::hash_password(security::random_token());
  return hash;
}

int64_t now_millis(Services& services) {
  return parse_instant(services.clock.now_utc()).value_or(0);
}

Actor actor_for(const User& user, domain::Principal principal, const Session& session,
                std::string request_id, std::string address) {
  Actor actor;
  actor.principal = std::move(principal);
  actor.name = user.username;
  actor.session_hash = session.token_hash;
  actor.request_id = std::move(request_id);
  actor.address = std::move(address);
  return actor;
}

// The user behind the actor, read in `tx` (kNotFound when gone: a bug or a race with an admin).
Result<User> current_user(Transaction& tx, const Actor& actor) {
  std::optional<User> user = tx.users().find(actor.principal.user_id);
  if (!user) return Error::unauthenticated("unauthenticated");
  return std::move(*user);
}

std::string stage_after(const Services& services, const User& user,
                        const domain::Principal& principal) {
  return domain::session_stage(user.must_change_password,
                               domain::requires_totp(principal, services.catalog.roles),
                               user.totp_enabled);
}

}  // namespace

domain::SessionTimes times_of(const Session& session) {
  domain::SessionTimes times;
  times.created = parse_instant(session.created_at).value_or(0);
  times.last_seen = parse_instant(session.last_seen_at).value_or(0);
  times.expires = parse_instant(session.expires_at).value_or(0);
  times.ended = !session.ended_at.empty();
  return times;
}

domain::LoginFailures failures_since(Transaction& tx, const std::string& username,
                                     const std::string& address, const std::string& window_start) {
  domain::LoginFailures failures;
  failures.account_at_address = tx.sessions().failures(username, address, window_start);
  failures.at_address = tx.sessions().failures_from(address, window_start);
  return failures;
}

std::string normalize_username(const std::string& typed) {
  std::string name = text::clean_line(typed).text;
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return name;
}

bool valid_username(const std::string& username) {
  if (username.size() < 3 || username.size() > 64) return false;
  if (!((username[0] >= 'a' && username[0] <= 'z') || (username[0] >= '0' && username[0] <= '9')))
    return false;
  return std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

domain::Principal principal_of(Transaction& tx, const User& user) {
  domain::Principal principal;
  principal.user_id = user.id;
  principal.username = user.username;
  principal.member_id = user.member_id;
  for (const UserGrant& grant : user.grants) {
    if (!grant.scope.valid()) {
      principal.grants.push_back({grant.role, std::nullopt});
    } else if (std::optional<Organization> org = tx.orgs().find(grant.scope)) {
      principal.grants.push_back({grant.role, org->path});
    }
    // A grant whose organization is gone grants nothing.
  }
  return principal;
}

Result<SignedIn> login(Services& services, const LoginAttempt& attempt,
                       const domain::SessionPolicy& policy) {
  const std::string username = normalize_username(attempt.username);
  std::vector<FieldError> missing;
  if (username.empty()) missing.push_back({"username", "required", {}});
  if (attempt.password.empty()) missing.push_back({"password", "required", {}});
  if (!missing.empty()) return Error::invalid(std::move(missing));
  const std::string now = services.clock.now_utc();
  const int64_t now_ms = parse_instant(now).value_or(0);
  const std::string window_start = format_instant(now_ms - policy.throttle_window_ms);

  Actor actor;
  actor.name = username;
  actor.request_id = attempt.request_id;
  actor.address = attempt.address;

  std::optional<User> user;
  domain::LoginFailures failures;
  Status read = run_read(services, actor, [&](Context& ctx) -> Status {
    failures = failures_since(ctx.tx, username, attempt.address, window_start);
    user = ctx.tx.users().find_by_username(username);
    return Ok();
  });
  if (!read) return std::move(read).error();
  if (domain::login_throttled(failures, policy)) {
    return Error::throttled("login_throttled", policy.throttle_window_ms / 1000);
  }

  // Argon2id takes a tenth of a second: outside any transaction.
  const bool password_ok = user
                               ? security::verify_password(attempt.password, user->password_hash)
                               : (security::verify_password(attempt.password, dummy_hash()), false);
  const int64_t unix_seconds = now_ms / 1000;
  std::optional<int64_t> totp_step;
  std::string refusal;
  if (!user || !password_ok || user->disabled) {
    refusal = "login_failed";
  } else if (user->must_change_password && !user->one_time_password_at.empty() &&
             domain::one_time_password_expired(
                 parse_instant(user->one_time_password_at).value_or(0), now_ms, policy)) {
    refusal = "password_expired";
  } else if (user->totp_enabled) {
    if (attempt.totp.empty()) {
      // The first step of a two-step form, not a failure.
      return Error::unauthenticated("totp_required").with_field({"totp", "totp_required", {}});
    }
    totp_step = security::totp_matching_step(user->totp_secret, attempt.totp, unix_seconds);
    if (!totp_step || *totp_step <= user->totp_last_step) refusal = "totp_invalid";
  }

  if (user) actor.principal.user_id = user->id;
  if (!refusal.empty()) {
    // The failure counts towards throttling and is audited: written, then refused.
    return run_write(services, actor, [&](Context& ctx) -> Result<SignedIn> {
      ctx.tx.sessions().record_attempt(username, attempt.address, now, false);
      AuditEntry entry = AuditEntry::about("auth.login_failed", "user", user ? user->id : 0);
      entry.refused = true;
      ctx.audit(entry.with("reason", refusal));
      Error error = Error::unauthenticated(refusal);
      if (refusal == "password_expired")
        error.params = {
            {"hours", std::to_string(policy.one_time_password_lifetime_ms / 3'600'000)}};
      if (refusal == "totp_invalid") error.fields.push_back({"totp", "totp_invalid", {}});
      return ctx.keep_writes(std::move(error));
    });
  }

  const std::string token = security::random_token();
  Result<SignedIn> signed_in = run_write(services, actor, [&](Context& ctx) -> Result<SignedIn> {
    Transaction& tx = ctx.tx;
    std::optional<User> fresh = tx.users().find(user->id);
    if (!fresh) return Error::unauthenticated("login_failed");
    if (totp_step) {
      // Checked again under the writer: two logins with one code cannot both pass.
      if (*totp_step <= fresh->totp_last_step) return Error::unauthenticated("totp_invalid");
      fresh->totp_last_step = *totp_step;
    }
    if (security::needs_rehash(fresh->password_hash))
      fresh->password_hash = security::hash_password(attempt.password);
    fresh->last_login_at = now;
    fresh->updated_at = now;
    if (!tx.users().update(*fresh)) return Error::stale_version();
    const domain::Principal principal = principal_of(tx, *fresh);
    Session session;
    session.token_hash = security::token_hash(token);
    session.public_id = security::random_public_id();
    session.user_id = fresh->id;
    session.stage = stage_after(services, *fresh, principal);
    session.created_at = now;
    session.last_seen_at = now;
    session.expires_at = format_instant(now_ms + policy.absolute_lifetime_ms);
    session.address = attempt.address;
    session.user_agent = attempt.user_agent.substr(0, 300);
    tx.sessions().insert(session);
    tx.sessions().record_attempt(username, attempt.address, now, true);
    bool replaced = false;
    if (!attempt.previous_token.empty() && attempt.previous_token.size() <= 128) {
      const std::string previous = security::token_hash(attempt.previous_token);
      if (std::optional<Session> old = tx.sessions().find(previous); old && old->ended_at.empty()) {
        tx.sessions().end(previous, now);
        replaced = true;
      }
    }
    // Audited as the session it opens.
    const Actor signed_in_actor =
        actor_for(*fresh, principal, session, attempt.request_id, attempt.address);
    Context as_signed_in(ctx.services, signed_in_actor, tx);
    AuditEntry entry = AuditEntry::about("auth.login", "session", 0).with("stage", session.stage);
    if (replaced) entry.with("ended_previous_session", true);
    as_signed_in.audit(entry);
    SignedIn done;
    done.token = token;
    done.session = std::move(session);
    done.user = std::move(*fresh);
    return done;
  });
  return signed_in;
}

Result<Authenticated> authenticate(Services& services, const std::string& token,
                                   const std::string& request_id, const std::string& address,
                                   const domain::SessionPolicy& policy, SessionCache* cache) {
  if (token.empty() || token.size() > 128) return Error::unauthenticated("unauthenticated");
  const std::string hash = security::token_hash(token);
  const int64_t now_ms = now_millis(services);
  // Read before the session: a change committed after this makes the cached entry stale.
  const uint64_t generation = services.store.access_generation();
  if (cache) {
    if (std::optional<CachedSession> hit = cache->find(hash, generation, now_ms)) {
      const domain::SessionTimes times = times_of(hit->session);
      if (domain::session_state(times, now_ms, policy) == domain::SessionState::kActive &&
          !domain::should_touch(times, now_ms, policy)) {
        Authenticated cached;
        cached.actor =
            actor_for(hit->user, std::move(hit->principal), hit->session, request_id, address);
        cached.session = std::move(hit->session);
        cached.user = std::move(hit->user);
        return cached;
      }
    }
  }
  Authenticated result;
  bool touch = false;
  const Actor anonymous;
  Status read = run_read(services, anonymous, [&](Context& ctx) -> Status {
    Transaction& tx = ctx.tx;
    std::optional<Session> session = tx.sessions().find(hash);
    if (!session) return Error::unauthenticated("unauthenticated");
    const domain::SessionTimes times = times_of(*session);
    if (domain::session_state(times, now_ms, policy) != domain::SessionState::kActive)
      return Error::unauthenticated("session_expired");
    std::optional<User> user = tx.users().find(session->user_id);
    if (!user || user->disabled) return Error::unauthenticated("session_expired");
    touch = domain::should_touch(times, now_ms, policy);
    result.actor = actor_for(*user, principal_of(tx, *user), *session, request_id, address);
    result.session = std::move(*session);
    result.user = std::move(*user);
    return Ok();
  });
  if (!read) return std::move(read).error();
  if (touch) {
    const std::string now = format_instant(now_ms);
    Status touched = run_write(services, anonymous, [&](Context& ctx) -> Status {
      ctx.tx.sessions().touch(hash, now);
      return Ok();
    });
    if (!touched) return std::move(touched).error();
    result.session.last_seen_at = now;
  }
  if (cache)
    cache->put(hash, {result.session, result.user, result.actor.principal}, generation, now_ms);
  return result;
}

Status logout(Context& ctx) {
  ctx.tx.sessions().end(ctx.actor.session_hash, ctx.now());
  ctx.audit(AuditEntry::about("auth.logout", "session", 0));
  return Ok();
}

Result<std::string> change_password(Services& services, const Actor& actor,
                                    const std::string& current, const std::string& replacement,
                                    const domain::SessionPolicy& policy) {
  std::vector<FieldError> errors;
  if (current.empty()) errors.push_back({"current_password", "required", {}});
  if (std::optional<std::string> problem = security::password_problem(replacement, actor.name))
    errors.push_back({"new_password",
                      *problem,
                      {{"min", std::to_string(security::kMinPasswordLength)},
                       {"max", std::to_string(security::kMaxPasswordLength)}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const std::string window_start = format_instant(now_millis(services) - policy.throttle_window_ms);
  domain::LoginFailures failures;
  Result<User> user = run_read(services, actor, [&](Context& ctx) -> Result<User> {
    Result<User> found = current_user(ctx.tx, ctx.actor);
    if (found) failures = failures_since(ctx.tx, found->username, ctx.actor.address, window_start);
    return found;
  });
  if (!user) return std::move(user).error();
  // The sign-in throttle: a stolen session cannot keep guessing the password here either.
  if (domain::login_throttled(failures, policy))
    return Error::throttled("login_throttled", policy.throttle_window_ms / 1000);
  // Argon2id takes a tenth of a second: outside any transaction.
  if (!security::verify_password(current, user->password_hash)) {
    // A wrong current password counts towards throttling and is audited.
    return run_write(services, actor, [&](Context& ctx) -> Result<std::string> {
      ctx.tx.sessions().record_attempt(user->username, ctx.actor.address, ctx.now(), false);
      AuditEntry entry = AuditEntry::about("user.password_change", "user", user->id);
      entry.refused = true;
      ctx.audit(entry);
      return ctx.keep_writes(Error::invalid_field("current_password", "password_wrong"));
    });
  }
  if (current == replacement) return Error::invalid_field("new_password", "password_unchanged");
  const std::string hash = security::hash_password(replacement);
  return run_write(services, actor, [&](Context& ctx) -> Result<std::string> {
    Transaction& tx = ctx.tx;
    Result<User> found = current_user(tx, ctx.actor);
    if (!found) return std::move(found).error();
    User fresh = std::move(*found);
    const std::string now = ctx.now();
    fresh.password_hash = hash;
    fresh.must_change_password = false;
    fresh.one_time_password_at.clear();
    fresh.updated_at = now;
    if (!tx.users().update(fresh)) return Error::stale_version();
    const int64_t ended = tx.sessions().end_all(fresh.id, now, ctx.actor.session_hash);
    std::string stage = stage_after(ctx.services, fresh, principal_of(tx, fresh));
    tx.sessions().set_stage(ctx.actor.session_hash, stage);
    ctx.audit(AuditEntry::about("user.password_change", "user", fresh.id)
                  .with("other_sessions_ended", ended));
    return stage;
  });
}

Result<TotpEnrolment> begin_totp(Context& ctx, const std::string& current_code,
                                 const domain::SessionPolicy& policy) {
  Result<User> found = current_user(ctx.tx, ctx.actor);
  if (!found) return std::move(found).error();
  if (found->totp_enabled) {
    // The same throttle as signing in: failures of this account from this address in the window.
    const int64_t now_ms = now_millis(ctx.services);
    const std::string window_start = format_instant(now_ms - policy.throttle_window_ms);
    const domain::LoginFailures failures =
        failures_since(ctx.tx, found->username, ctx.actor.address, window_start);
    if (domain::login_throttled(failures, policy))
      return Error::throttled("login_throttled", policy.throttle_window_ms / 1000);
    if (current_code.empty()) return Error::invalid_field("current_code", "required");
    const std::optional<int64_t> step =
        security::totp_matching_step(found->totp_secret, current_code, now_ms / 1000);
    if (!step || *step <= found->totp_last_step) {
      ctx.tx.sessions().record_attempt(found->username, ctx.actor.address, ctx.now(), false);
      AuditEntry entry = AuditEntry::about("user.totp_begin", "user", found->id);
      entry.refused = true;
      ctx.audit(entry.with("reason", "totp_invalid"));
      return ctx.keep_writes(Error::invalid_field("current_code", "totp_invalid"));
    }
    found->totp_last_step = *step;  // a code opens one replacement, as it opens one session
  }
  TotpEnrolment enrolment;
  enrolment.secret = security::new_totp_secret();
  enrolment.uri = security::totp_uri(kTotpIssuer, ctx.actor.name, enrolment.secret);
  found->totp_pending = enrolment.secret;
  found->updated_at = ctx.now();
  if (!ctx.tx.users().update(*found)) return Error::stale_version();
  ctx.audit(AuditEntry::about("user.totp_begin", "user", found->id));
  return enrolment;
}

Result<std::string> confirm_totp(Context& ctx, const std::string& code) {
  if (code.empty()) return Error::invalid_field("code", "required");
  const int64_t unix_seconds = now_millis(ctx.services) / 1000;
  Transaction& tx = ctx.tx;
  {
    Result<User> found = current_user(tx, ctx.actor);
    if (!found) return std::move(found).error();
    User user = std::move(*found);
    if (user.totp_pending.empty()) return Error::conflict("totp_not_begun");
    const std::optional<int64_t> step =
        security::totp_matching_step(user.totp_pending, code, unix_seconds);
    if (!step) return Error::invalid_field("code", "totp_invalid");
    user.totp_secret = user.totp_pending;
    user.totp_pending.clear();
    user.totp_enabled = true;
    user.totp_last_step = *step;
    user.updated_at = ctx.now();
    if (!tx.users().update(user)) return Error::stale_version();
    std::string stage = stage_after(ctx.services, user, principal_of(tx, user));
    tx.sessions().set_stage(ctx.actor.session_hash, stage);
    ctx.audit(AuditEntry::about("user.totp_enrol", "user", user.id));
    return stage;
  }
}

Result<MeView> me(Context& ctx) {
  Transaction& tx = ctx.tx;
  MeView view;
  {
    Result<User> found = current_user(tx, ctx.actor);
    if (!found) return std::move(found).error();
    view.user = std::move(*found);
    std::optional<Session> session = tx.sessions().find(ctx.actor.session_hash);
    if (session) view.session = std::move(*session);
    for (const UserGrant& grant : view.user.grants) {
      std::optional<Organization> org =
          grant.scope.valid() ? tx.orgs().find(grant.scope) : std::nullopt;
      view.scope_names.push_back(org ? org->name : std::string());
    }
  }
  std::set<std::string> permissions;
  for (const domain::Grant& grant : ctx.actor.principal.grants) {
    if (const domain::Role* role = ctx.services.catalog.role(grant.role)) {
      for (domain::Permission permission : role->permissions)
        permissions.insert(std::string(domain::permission_code(permission)));
    }
  }
  view.permissions.assign(permissions.begin(), permissions.end());
  return view;
}

}  // namespace chibo::app
