#include "storage/sql/accounts/user_repository.h"

#include <map>
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, password_hash, must_change_password, totp_secret, totp_enabled, "
    "totp_pending, totp_last_step, "
    "member_id, disabled, version, created_at, updated_at, last_login_at, one_time_password_at";

soci::indicator null_if(bool empty) { return empty ? soci::i_null : soci::i_ok; }

}  // namespace

std::vector<app::User> SqlUserRepository::select(const std::string& where,
                                                 const std::string& value) {
  std::vector<app::User> users;
  app::User row;
  int must_change = 0, totp_enabled = 0, disabled = 0;
  long long id = 0, member = 0, version = 0, last_step = 0;
  std::string bound = value;
  soci::indicator secret_ind{}, pending_ind{}, member_ind{}, login_ind{}, issued_ind{};
  soci::statement statement(session_);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row.username));
  statement.exchange(soci::into(row.display_name));
  statement.exchange(soci::into(row.password_hash));
  statement.exchange(soci::into(must_change));
  statement.exchange(soci::into(row.totp_secret, secret_ind));
  statement.exchange(soci::into(totp_enabled));
  statement.exchange(soci::into(row.totp_pending, pending_ind));
  statement.exchange(soci::into(last_step));
  statement.exchange(soci::into(member, member_ind));
  statement.exchange(soci::into(disabled));
  statement.exchange(soci::into(version));
  statement.exchange(soci::into(row.created_at));
  statement.exchange(soci::into(row.updated_at));
  statement.exchange(soci::into(row.last_login_at, login_ind));
  statement.exchange(soci::into(row.one_time_password_at, issued_ind));
  if (!where.empty()) statement.exchange(soci::use(bound, "value"));
  prepare_unnamed(statement, std::string("SELECT ") + kUserColumns + " FROM users" + where +
                                 " ORDER BY username");
  if (statement.execute(true)) {
    do {
      app::User user = row;
      user.id = id;
      user.must_change_password = must_change != 0;
      user.totp_enabled = totp_enabled != 0;
      user.disabled = disabled != 0;
      user.version = version;
      user.totp_last_step = last_step;
      if (secret_ind != soci::i_ok) user.totp_secret.clear();
      if (pending_ind != soci::i_ok) user.totp_pending.clear();
      if (login_ind != soci::i_ok) user.last_login_at.clear();
      if (issued_ind != soci::i_ok) user.one_time_password_at.clear();
      if (member_ind == soci::i_ok) user.member_id = MemberId(member);
      users.push_back(std::move(user));
    } while (statement.fetch());
  }
  // Grants of every user read, in one query.
  if (users.empty()) return users;
  std::map<long long, std::vector<app::UserGrant>> grants;
  long long user_id = 0, scope = 0;
  std::string role;
  soci::indicator scope_ind{};
  // One user (a session's): only theirs; a list: everyone's.
  long long only = users.size() == 1 ? users.front().id : 0;
  soci::statement grant_query =
      unnamed_statement(session_,
                        "SELECT user_id, role, scope_org_id FROM user_grants WHERE (:only = 0 "
                        "OR user_id = :only2) "
                        "ORDER BY id",
                        soci::use(only, "only"), soci::use(only, "only2"), soci::into(user_id),
                        soci::into(role), soci::into(scope, scope_ind));
  if (grant_query.execute(true)) {
    do {
      grants[user_id].push_back({role, OrgId(scope_ind == soci::i_ok ? scope : 0)});
    } while (grant_query.fetch());
  }
  for (app::User& user : users) user.grants = grants[user.id];
  return users;
}

std::optional<app::User> SqlUserRepository::find(int64_t id) {
  auto found = select(" WHERE id = :value", std::to_string(id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<app::User> SqlUserRepository::find_by_username(const std::string& username) {
  auto found = select(" WHERE username = :value", username);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<app::User> SqlUserRepository::list() { return select("", ""); }

bool SqlUserRepository::any_user() {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM users", soci::into(count);
  return count > 0;
}

void SqlUserRepository::write_grants(const app::User& user) {
  long long id = user.id;
  session_ << "DELETE FROM user_grants WHERE user_id = :id", soci::use(id, "id");
  std::string role;
  long long scope = 0;
  soci::indicator scope_ind{};
  soci::statement insert = unnamed_statement(
      session_,
      "INSERT INTO user_grants (user_id, role, scope_org_id) VALUES "
      "(:id, :role, :scope)",
      soci::use(id, "id"), soci::use(role, "role"), soci::use(scope, scope_ind, "scope"));
  for (const app::UserGrant& grant : user.grants) {
    role = grant.role;
    scope = grant.scope.value;
    scope_ind = grant.scope.valid() ? soci::i_ok : soci::i_null;
    insert.execute(true);
  }
}

void SqlUserRepository::insert(app::User& user) {
  int must_change = user.must_change_password ? 1 : 0;
  int totp_enabled = user.totp_enabled ? 1 : 0;
  int disabled = user.disabled ? 1 : 0;
  long long member = user.member_id ? user.member_id->value : 0;
  soci::indicator member_ind = null_if(!user.member_id);
  soci::indicator secret_ind = null_if(user.totp_secret.empty());
  soci::indicator issued_ind = null_if(user.one_time_password_at.empty());
  long long id = 0;
  session_ << "INSERT INTO users (username, display_name, password_hash, must_change_password, "
              "totp_secret, totp_enabled, member_id, disabled, version, created_at, updated_at, "
              "one_time_password_at) VALUES (:username, :display, :hash, :must, :secret, :totp, "
              ":member, :disabled, 1, :created, :updated, :issued) RETURNING id",
      soci::use(user.username, "username"), soci::use(user.display_name, "display"),
      soci::use(user.password_hash, "hash"), soci::use(must_change, "must"),
      soci::use(user.totp_secret, secret_ind, "secret"), soci::use(totp_enabled, "totp"),
      soci::use(member, member_ind, "member"), soci::use(disabled, "disabled"),
      soci::use(user.created_at, "created"), soci::use(user.updated_at, "updated"),
      soci::use(user.one_time_password_at, issued_ind, "issued"), soci::into(id);
  user.id = id;
  user.version = 1;
  write_grants(user);
}

bool SqlUserRepository::update(app::User& user) {
  if (changes_) changes_->access = true;
  int must_change = user.must_change_password ? 1 : 0;
  int totp_enabled = user.totp_enabled ? 1 : 0;
  int disabled = user.disabled ? 1 : 0;
  long long member = user.member_id ? user.member_id->value : 0;
  soci::indicator member_ind = null_if(!user.member_id);
  soci::indicator secret_ind = null_if(user.totp_secret.empty());
  soci::indicator pending_ind = null_if(user.totp_pending.empty());
  soci::indicator login_ind = null_if(user.last_login_at.empty());
  soci::indicator issued_ind = null_if(user.one_time_password_at.empty());
  long long id = user.id;
  long long version = user.version;
  long long last_step = user.totp_last_step;
  soci::statement update = unnamed_statement(
      session_,
      "UPDATE users SET display_name = :display, password_hash = :hash, "
      "must_change_password = "
      ":must, totp_secret = :secret, totp_enabled = :totp, totp_pending = :pending, "
      "totp_last_step = :step, "
      "member_id = :member, disabled = "
      ":disabled, updated_at = :updated, last_login_at = :login, one_time_password_at = :issued, "
      "version = version + 1 "
      "WHERE id = :id AND version = :version",
      soci::use(user.display_name, "display"), soci::use(user.password_hash, "hash"),
      soci::use(must_change, "must"), soci::use(user.totp_secret, secret_ind, "secret"),
      soci::use(totp_enabled, "totp"), soci::use(user.totp_pending, pending_ind, "pending"),
      soci::use(last_step, "step"), soci::use(member, member_ind, "member"),
      soci::use(disabled, "disabled"), soci::use(user.updated_at, "updated"),
      soci::use(user.last_login_at, login_ind, "login"),
      soci::use(user.one_time_password_at, issued_ind, "issued"), soci::use(id, "id"),
      soci::use(version, "version"));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  ++user.version;
  write_grants(user);
  return true;
}

}  // namespace chibo::storage
