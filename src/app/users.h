// Managing user accounts: administrators create users with a one-time password, scope their
// grants, reset passwords, disable accounts and end sessions. An administrator manages only
// users whose every grant lies inside their own user.manage reach; others are "not found".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/accounts.h"

namespace chibo::app {

struct UserView {
  User user;
  std::vector<std::string> scope_names;  // per grant; "" = everywhere
  int64_t open_sessions = 0;
};

struct UserList {
  std::vector<UserView> items;
  int64_t total = 0;
};

Result<UserList> list_users(Context& ctx, const std::string& q, int64_t offset, int limit);
Result<UserView> get_user(Context& ctx, int64_t id);

struct NewUser {
  std::string username;
  std::string display_name;
  std::vector<UserGrant> grants;
  std::optional<MemberId> member_id;
  // Set by the operator's command line only: a chosen password (else a one-time one) and a
  // pre-enrolled second factor.
  std::string password;
  std::string totp_secret;
};

struct CreatedUser {
  UserView view;
  std::string one_time_password;  // "" when the password was chosen
};

// Hashes the password (Argon2id, outside the transaction), then creates the user in one.
Result<CreatedUser> create_user(Services& services, const Actor& actor, NewUser draft);

struct UserPatch {
  int64_t version = 0;
  std::optional<std::string> display_name;
  std::optional<std::vector<UserGrant>> grants;
  std::optional<std::optional<MemberId>> member_id;
  std::optional<bool> disabled;
};

// Disabling ends the user's sessions at once.
Result<UserView> update_user(Context& ctx, int64_t id, const UserPatch& patch);

// A new one-time password (and, with reset_totp, no second factor until they enrol again);
// ends the user's sessions.
Result<CreatedUser> reset_password(Services& services, const Actor& actor, int64_t id,
                                   bool reset_totp);

Result<int64_t> end_sessions(Context& ctx, int64_t id);

// `chibo init`: the first administrator ("admin", everywhere) with a one-time password. Refused
// once any user exists.
// `username` is checked like any other (username_format); "admin" unless the operator chose.
Result<CreatedUser> create_first_administrator(Services& services, const Actor& operator_actor,
                                               const std::string& username = "admin");

}  // namespace chibo::app
