#include "app/users.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/runner.h"
#include "app/sessions.h"
#include "security/password.h"
#include "security/random.h"
#include "security/totp.h"
#include "text/clean.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

constexpr size_t kMaxDisplayName = 200;
constexpr size_t kMaxGrants = 20;

// Whether every grant of `user` lies inside `reach` (a user without grants: only for those who
// reach everything).
bool manageable(Transaction& tx, const domain::Reach& reach, const User& user) {
  if (reach.everything) return true;
  if (user.grants.empty()) return false;
  return std::all_of(user.grants.begin(), user.grants.end(), [&](const UserGrant& grant) {
    if (!grant.scope.valid()) return false;
    std::optional<Organization> org = tx.orgs().find(grant.scope);
    return org && reach.covers(org->path);
  });
}

UserView view_of(Transaction& tx, User user, const std::string& now) {
  UserView view;
  for (const UserGrant& grant : user.grants) {
    std::optional<Organization> org =
        grant.scope.valid() ? tx.orgs().find(grant.scope) : std::nullopt;
    view.scope_names.push_back(org ? org->name : std::string());
  }
  view.open_sessions = static_cast<int64_t>(tx.sessions().open_sessions(user.id, now).size());
  view.user = std::move(user);
  return view;
}

// Checks grants against the role catalog and the actor's reach; `field` names them in errors.
std::vector<FieldError> check_grants(const Services& services, Transaction& tx,
                                     const domain::Reach& reach,
                                     const std::vector<UserGrant>& grants,
                                     const std::optional<MemberId>& member_id) {
  std::vector<FieldError> errors;
  if (grants.empty()) errors.push_back({"grants", "required", {}});
  if (grants.size() > kMaxGrants)
    errors.push_back({"grants", "too_many", {{"max", std::to_string(kMaxGrants)}}});
  for (size_t index = 0; index < grants.size(); ++index) {
    const UserGrant& grant = grants[index];
    const std::string at = "grants[" + std::to_string(index) + "]";
    const domain::Role* role = services.catalog.role(grant.role);
    if (!role) {
      errors.push_back({at + ".role", "unknown_code", {{"value", grant.role}}});
      continue;
    }
    if (role->scope == domain::ScopeKind::kOwnRecord) {
      if (!member_id) errors.push_back({"member_id", "required_for_role", {{"role", grant.role}}});
      if (grant.scope.valid() && !reach.everything) {
        std::optional<Organization> org = tx.orgs().find(grant.scope);
        if (!org || !reach.covers(org->path))
          errors.push_back({at + ".scope_org_id", "org_not_found", {}});
      }
      continue;
    }
    if (!grant.scope.valid()) {
      // Everywhere: only someone who reaches everything may grant it.
      if (!reach.everything) errors.push_back({at + ".scope_org_id", "required", {}});
      continue;
    }
    std::optional<Organization> org = tx.orgs().find(grant.scope);
    if (!org || !reach.covers(org->path))
      errors.push_back({at + ".scope_org_id", "org_not_found", {}});
  }
  if (member_id) {
    std::optional<Member> member = tx.members().find(*member_id);
    if (!member || !reach.covers(member->org_path))
      errors.push_back({"member_id", "member_not_found", {}});
  }
  return errors;
}

nlohmann::json grants_json(const std::vector<UserGrant>& grants) {
  nlohmann::json list = nlohmann::json::array();
  for (const UserGrant& grant : grants)
    list.push_back({{"role", grant.role},
                    {"scope_org_id",
                     grant.scope.valid() ? nlohmann::json(grant.scope.value) : nlohmann::json()}});
  return list;
}

Result<std::string> clean_display_name(const std::string& raw) {
  const text::Cleaned cleaned = text::clean_line(raw);
  if (!cleaned.ok()) return Error::invalid_field("display_name", "invalid_text");
  if (cleaned.text.empty()) return Error::invalid_field("display_name", "required");
  if (cleaned.text.size() > kMaxDisplayName)
    return Error::invalid_field("display_name", "too_long",
                                {{"max", std::to_string(kMaxDisplayName)}});
  return cleaned.text;
}

// Finds a user the actor may manage, in `tx`; "not found" otherwise.
Result<User> managed_user(Transaction& tx, const domain::Reach& reach, int64_t id) {
  std::optional<User> user = id > 0 ? tx.users().find(id) : std::nullopt;
  if (!user || !manageable(tx, reach, *user)) return Error::not_found("user");
  return std::move(*user);
}

}  // namespace

Result<UserList> list_users(Context& ctx, const std::string& q, int64_t offset, int limit) {
  if (limit < 1 || limit > 500)
    return Error::invalid_field("limit", "out_of_range", {{"min", "1"}, {"max", "500"}});
  if (offset < 0) return Error::invalid_field("offset", "out_of_range", {{"min", "0"}});
  const domain::Reach reach = reach_of(ctx, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  const std::string folded = text::fold(q);
  UserList list;
  const std::string now = ctx.now();
  Transaction& tx = ctx.tx;
  {
    for (User& user : tx.users().list()) {
      if (!manageable(tx, reach, user)) continue;
      if (!folded.empty() && text::fold(user.username).find(folded) == std::string::npos &&
          text::fold(user.display_name).find(folded) == std::string::npos) {
        continue;
      }
      if (list.total++ < offset || static_cast<int64_t>(list.items.size()) >= limit) continue;
      list.items.push_back(view_of(tx, std::move(user), now));
    }
  }
  return list;
}

Result<UserView> get_user(Context& ctx, int64_t id) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  Result<User> user = managed_user(ctx.tx, reach, id);
  if (!user) return std::move(user).error();
  return view_of(ctx.tx, std::move(*user), ctx.now());
}

Result<CreatedUser> create_user(Services& services, const Actor& actor, NewUser draft) {
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  draft.username = normalize_username(draft.username);
  if (draft.username.empty()) {
    errors.push_back({"username", "required", {}});
  } else if (!valid_username(draft.username)) {
    errors.push_back({"username", "username_format", {{"min", "3"}, {"max", "64"}}});
  }
  Result<std::string> display = clean_display_name(draft.display_name);
  if (!display) {
    for (const FieldError& error : display.error().fields) errors.push_back(error);
  }
  CreatedUser created;
  std::string password = draft.password;
  if (password.empty()) {
    password = created.one_time_password = security::random_password();
  } else if (std::optional<std::string> problem =
                 security::password_problem(password, draft.username)) {
    errors.push_back({"password",
                      *problem,
                      {{"min", std::to_string(security::kMinPasswordLength)},
                       {"max", std::to_string(security::kMaxPasswordLength)}}});
  }
  if (!draft.totp_secret.empty() && !security::base32_decode(draft.totp_secret))
    errors.push_back({"totp_secret", "totp_secret_format", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // Argon2id takes a tenth of a second: outside the transaction.
  const std::string hash = security::hash_password(password);
  return run_write(services, actor, [&](Context& ctx) -> Result<CreatedUser> {
    Transaction& tx = ctx.tx;
    std::vector<FieldError> grant_errors =
        check_grants(ctx.services, tx, reach, draft.grants, draft.member_id);
    if (tx.users().find_by_username(draft.username))
      grant_errors.insert(grant_errors.begin(), {"username", "username_taken", {}});
    if (!grant_errors.empty()) return Error::invalid(std::move(grant_errors));
    const std::string now = ctx.now();
    User user;
    user.username = draft.username;
    user.display_name = *display;
    user.password_hash = hash;
    user.must_change_password = !created.one_time_password.empty();
    if (user.must_change_password) user.one_time_password_at = now;
    if (!draft.totp_secret.empty()) {
      user.totp_secret = security::base32_encode(*security::base32_decode(draft.totp_secret));
      user.totp_enabled = true;
    }
    user.member_id = draft.member_id;
    user.grants = draft.grants;
    user.created_at = user.updated_at = now;
    tx.users().insert(user);
    ctx.audit(AuditEntry::about("user.create", "user", user.id)
                  .with("username", user.username)
                  .with("grants", grants_json(user.grants)));
    CreatedUser done = created;
    done.view = view_of(tx, std::move(user), now);
    return done;
  });
}

Result<UserView> update_user(Context& ctx, int64_t id, const UserPatch& patch) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  std::optional<std::string> display;
  if (patch.display_name) {
    Result<std::string> cleaned = clean_display_name(*patch.display_name);
    if (!cleaned) return std::move(cleaned).error();
    display = std::move(*cleaned);
  }
  Transaction& tx = ctx.tx;
  {
    Result<User> found = managed_user(tx, reach, id);
    if (!found) return std::move(found).error();
    User user = std::move(*found);
    if (user.version != patch.version) return Error::stale_version();
    const User before = user;
    if (display) user.display_name = *display;
    if (patch.member_id) user.member_id = *patch.member_id;
    if (patch.grants) user.grants = *patch.grants;
    if (patch.grants || patch.member_id) {
      std::vector<FieldError> errors =
          check_grants(ctx.services, tx, reach, user.grants, user.member_id);
      if (!errors.empty()) return Error::invalid(std::move(errors));
    }
    if (patch.disabled) {
      if (*patch.disabled && user.id == ctx.actor.principal.user_id)
        return Error::invalid_field("disabled", "cannot_disable_self");
      user.disabled = *patch.disabled;
    }
    const std::string now = ctx.now();
    user.updated_at = now;
    if (!tx.users().update(user)) return Error::stale_version();
    int64_t ended = 0;
    // Whoever loses access loses it at once: disabled, or grants changed.
    if ((user.disabled && !before.disabled) || patch.grants)
      ended = tx.sessions().end_all(user.id, now);
    nlohmann::json details = nlohmann::json::object();
    if (before.display_name != user.display_name)
      details["display_name"] = {before.display_name, user.display_name};
    if (before.disabled != user.disabled) details["disabled"] = {before.disabled, user.disabled};
    if (patch.grants) details["grants"] = {grants_json(before.grants), grants_json(user.grants)};
    if (before.member_id != user.member_id) {
      details["member_id"] = {before.member_id ? before.member_id->value : 0,
                              user.member_id ? user.member_id->value : 0};
    }
    if (ended > 0) details["sessions_ended"] = ended;
    AuditEntry entry = AuditEntry::about("user.update", "user", user.id);
    entry.details = std::move(details);
    ctx.audit(entry);
    return view_of(tx, std::move(user), now);
  }
}

Result<CreatedUser> reset_password(Services& services, const Actor& actor, int64_t id,
                                   bool reset_totp) {
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  CreatedUser result;
  result.one_time_password = security::random_password();
  // Argon2id takes a tenth of a second: outside the transaction.
  const std::string hash = security::hash_password(result.one_time_password);
  return run_write(services, actor, [&](Context& ctx) -> Result<CreatedUser> {
    Transaction& tx = ctx.tx;
    Result<User> found = managed_user(tx, reach, id);
    if (!found) return std::move(found).error();
    User user = std::move(*found);
    const std::string now = ctx.now();
    user.password_hash = hash;
    user.must_change_password = true;
    user.one_time_password_at = now;
    if (reset_totp) {
      user.totp_enabled = false;
      user.totp_secret.clear();
      user.totp_pending.clear();
    }
    user.updated_at = now;
    if (!tx.users().update(user)) return Error::stale_version();
    const int64_t ended = tx.sessions().end_all(user.id, now);
    ctx.audit(AuditEntry::about("user.reset_password", "user", user.id)
                  .with("reset_totp", reset_totp)
                  .with("sessions_ended", ended));
    CreatedUser done = result;
    done.view = view_of(tx, std::move(user), now);
    return done;
  });
}

Result<int64_t> end_sessions(Context& ctx, int64_t id) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  Result<User> found = managed_user(ctx.tx, reach, id);
  if (!found) return std::move(found).error();
  const int64_t ended = ctx.tx.sessions().end_all(found->id, ctx.now());
  ctx.audit(
      AuditEntry::about("user.end_sessions", "user", found->id).with("sessions_ended", ended));
  return ended;
}

Result<CreatedUser> create_first_administrator(Services& services, const Actor& operator_actor,
                                               const std::string& username) {
  Result<bool> exists = run_read(services, operator_actor, [](Context& ctx) -> Result<bool> {
    return ctx.tx.users().any_user();
  });
  if (!exists) return std::move(exists).error();
  if (*exists) return Error::conflict("users_exist");
  NewUser admin;
  admin.username = username;
  admin.display_name = "Quản trị hệ thống";
  admin.grants = {{"administrator", OrgId()}};
  return create_user(services, operator_actor, std::move(admin));
}

}  // namespace chibo::app
