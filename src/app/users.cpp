#include "app/users.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/audit_trail.h"
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
std::vector<FieldError> check_grants(Services& services, Transaction& tx,
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

std::string grants_json(const std::vector<UserGrant>& grants) {
  nlohmann::json list = nlohmann::json::array();
  for (const UserGrant& grant : grants)
    list.push_back({{"role", grant.role},
                    {"scope_org_id",
                     grant.scope.valid() ? nlohmann::json(grant.scope.value) : nlohmann::json()}});
  return list.dump();
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

Result<UserList> list_users(Services& services, const Actor& actor, const std::string& q,
                            int64_t offset, int limit) {
  if (limit < 1 || limit > 500)
    return Error::invalid_field("limit", "out_of_range", {{"min", "1"}, {"max", "500"}});
  if (offset < 0) return Error::invalid_field("offset", "out_of_range", {{"min", "0"}});
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  const std::string folded = text::fold(q);
  UserList list;
  const std::string now = services.clock.now_utc();
  Status read = services.store.read([&](Transaction& tx) -> Status {
    list = UserList();  // a retried attempt starts afresh
    for (User& user : tx.users().list()) {
      if (!manageable(tx, reach, user)) continue;
      if (!folded.empty() && text::fold(user.username).find(folded) == std::string::npos &&
          text::fold(user.display_name).find(folded) == std::string::npos) {
        continue;
      }
      if (list.total++ < offset || static_cast<int64_t>(list.items.size()) >= limit) continue;
      list.items.push_back(view_of(tx, std::move(user), now));
    }
    return Ok();
  });
  if (!read) return std::move(read).error();
  return list;
}

Result<UserView> get_user(Services& services, const Actor& actor, int64_t id) {
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  UserView view;
  Status read = services.store.read([&](Transaction& tx) -> Status {
    Result<User> user = managed_user(tx, reach, id);
    if (!user) return user.error();
    view = view_of(tx, std::move(*user), services.clock.now_utc());
    return Ok();
  });
  if (!read) return std::move(read).error();
  return view;
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
  const std::string hash = security::hash_password(password);
  Status written = services.store.write([&](Transaction& tx) -> Status {
    std::vector<FieldError> grant_errors =
        check_grants(services, tx, reach, draft.grants, draft.member_id);
    if (tx.users().find_by_username(draft.username))
      grant_errors.insert(grant_errors.begin(), {"username", "username_taken", {}});
    if (!grant_errors.empty()) return Error::invalid(std::move(grant_errors));
    const std::string now = services.clock.now_utc();
    User user;
    user.username = draft.username;
    user.display_name = *display;
    user.password_hash = hash;
    user.must_change_password = !created.one_time_password.empty();
    if (!draft.totp_secret.empty()) {
      user.totp_secret = security::base32_encode(*security::base32_decode(draft.totp_secret));
      user.totp_enabled = true;
    }
    user.member_id = draft.member_id;
    user.grants = draft.grants;
    user.created_at = user.updated_at = now;
    tx.users().insert(user);
    nlohmann::json details = {{"username", user.username},
                              {"grants", nlohmann::json::parse(grants_json(user.grants))}};
    audit(tx, services, actor,
          {"user.create", "user", std::to_string(user.id), "", false, "ok", details.dump()});
    created.view = view_of(tx, std::move(user), now);
    return Ok();
  });
  if (!written) return std::move(written).error();
  return created;
}

Result<UserView> update_user(Services& services, const Actor& actor, int64_t id,
                             const UserPatch& patch) {
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  std::optional<std::string> display;
  if (patch.display_name) {
    Result<std::string> cleaned = clean_display_name(*patch.display_name);
    if (!cleaned) return std::move(cleaned).error();
    display = std::move(*cleaned);
  }
  UserView view;
  Status written = services.store.write([&](Transaction& tx) -> Status {
    Result<User> found = managed_user(tx, reach, id);
    if (!found) return found.error();
    User user = std::move(*found);
    if (user.version != patch.version) return Error::stale_version();
    const User before = user;
    if (display) user.display_name = *display;
    if (patch.member_id) user.member_id = *patch.member_id;
    if (patch.grants) user.grants = *patch.grants;
    if (patch.grants || patch.member_id) {
      std::vector<FieldError> errors =
          check_grants(services, tx, reach, user.grants, user.member_id);
      if (!errors.empty()) return Error::invalid(std::move(errors));
    }
    if (patch.disabled) {
      if (*patch.disabled && user.id == actor.principal.user_id)
        return Error::invalid_field("disabled", "cannot_disable_self");
      user.disabled = *patch.disabled;
    }
    const std::string now = services.clock.now_utc();
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
    if (patch.grants)
      details["grants"] = {nlohmann::json::parse(grants_json(before.grants)),
                           nlohmann::json::parse(grants_json(user.grants))};
    if (before.member_id != user.member_id) {
      details["member_id"] = {before.member_id ? before.member_id->value : 0,
                              user.member_id ? user.member_id->value : 0};
    }
    if (ended > 0) details["sessions_ended"] = ended;
    audit(tx, services, actor,
          {"user.update", "user", std::to_string(user.id), "", false, "ok", details.dump()});
    view = view_of(tx, std::move(user), now);
    return Ok();
  });
  if (!written) return std::move(written).error();
  return view;
}

Result<CreatedUser> reset_password(Services& services, const Actor& actor, int64_t id,
                                   bool reset_totp) {
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  CreatedUser result;
  result.one_time_password = security::random_password();
  const std::string hash = security::hash_password(result.one_time_password);
  Status written = services.store.write([&](Transaction& tx) -> Status {
    Result<User> found = managed_user(tx, reach, id);
    if (!found) return found.error();
    User user = std::move(*found);
    const std::string now = services.clock.now_utc();
    user.password_hash = hash;
    user.must_change_password = true;
    if (reset_totp) {
      user.totp_enabled = false;
      user.totp_secret.clear();
      user.totp_pending.clear();
    }
    user.updated_at = now;
    if (!tx.users().update(user)) return Error::stale_version();
    const int64_t ended = tx.sessions().end_all(user.id, now);
    audit(tx, services, actor,
          {"user.reset_password", "user", std::to_string(user.id), "", false, "ok",
           "{\"reset_totp\":" + std::string(reset_totp ? "true" : "false") +
               ",\"sessions_ended\":" + std::to_string(ended) + "}"});
    result.view = view_of(tx, std::move(user), now);
    return Ok();
  });
  if (!written) return std::move(written).error();
  return result;
}

Result<int64_t> end_sessions(Services& services, const Actor& actor, int64_t id) {
  const domain::Reach reach = reach_of(services, actor, domain::Permission::kUserManage);
  if (reach.none()) return Error::forbidden("forbidden");
  int64_t ended = 0;
  Status written = services.store.write([&](Transaction& tx) -> Status {
    Result<User> found = managed_user(tx, reach, id);
    if (!found) return found.error();
    ended = tx.sessions().end_all(found->id, services.clock.now_utc());
    audit(tx, services, actor,
          {"user.end_sessions", "user", std::to_string(found->id), "", false, "ok",
           "{\"sessions_ended\":" + std::to_string(ended) + "}"});
    return Ok();
  });
  if (!written) return std::move(written).error();
  return ended;
}

Result<CreatedUser> create_first_administrator(Services& services, const Actor& operator_actor) {
  bool exists = false;
  Status read = services.store.read([&](Transaction& tx) -> Status {
    exists = tx.users().any_user();
    return Ok();
  });
  if (!read) return std::move(read).error();
  if (exists) return Error::conflict("users_exist");
  NewUser admin;
  admin.username = "admin";
  admin.display_name = "Quản trị hệ thống";
  admin.grants = {{"administrator", OrgId()}};
  return create_user(services, operator_actor, std::move(admin));
}

}  // namespace chibo::app
