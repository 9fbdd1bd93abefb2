// What the account, session and audit use cases need from storage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "domain/audit/audit_event.h"

namespace chibo::app {

struct UserGrant {
  std::string role;
  OrgId scope;  // invalid: everywhere
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  bool must_change_password = false;
  // When the one-time password was issued (create, reset), while it is unchanged; it stops
  // working SessionPolicy::one_time_password_lifetime_ms later.
  std::string one_time_password_at;
  std::string totp_secret;  // base32, set at enrolment, active once totp_enabled
  bool totp_enabled = false;
  std::string totp_pending;    // a secret shown for enrolment, until its first code confirms it
  int64_t totp_last_step = 0;  // the last accepted code's time step: each code works once
  std::optional<MemberId> member_id;
  bool disabled = false;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
  std::string last_login_at;
  std::vector<UserGrant> grants;
};

// stage: what the session may do. "full"; or, on a first login, "change_password" then
// "enrol_totp" (administrators), which allow only those steps.
struct Session {
  std::string token_hash;
  // How the user names the session (listing, ending one): random, so nothing about it leads to
  // the token or its hash; unique.
  std::string public_id;
  int64_t user_id = 0;
  std::string stage;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
  std::string ended_at;
  std::string address;
  std::string user_agent;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> find(int64_t id) = 0;
  virtual std::optional<User> find_by_username(const std::string& username) = 0;
  virtual std::vector<User> list() = 0;
  // Inserts with its grants; fills id and version.
  virtual void insert(User& user) = 0;
  // Saves every field and the grants when the stored version equals user.version; bumps it.
  virtual bool update(User& user) = 0;
  virtual bool any_user() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual void insert(const Session& session) = 0;
  virtual std::optional<Session> find(const std::string& token_hash) = 0;
  virtual void touch(const std::string& token_hash, const std::string& now) = 0;
  virtual void set_stage(const std::string& token_hash, const std::string& stage) = 0;
  virtual void end(const std::string& token_hash, const std::string& now) = 0;
  // Ends every open session of the user but `except` (the caller's own, when it keeps it).
  virtual int64_t end_all(int64_t user_id, const std::string& now,
                          const std::string& except = "") = 0;
  virtual std::vector<Session> open_sessions(int64_t user_id, const std::string& now) = 0;

  virtual void record_attempt(const std::string& username, const std::string& address,
                              const std::string& at, bool succeeded) = 0;
  virtual int64_t failures(const std::string& username, const std::string& address,
                           const std::string& since) = 0;
  virtual int64_t failures_from(const std::string& address, const std::string& since) = 0;
};

struct AuditFilter {
  std::optional<int64_t> actor_id;
  std::string object_type;
  std::string object_id;
  std::string action;
  std::string from;  // instants, inclusive
  std::string to;
  std::vector<std::string> within;  // organization paths the reader may see ("" = everything)
  bool everything = false;
  int64_t before_seq = 0;  // paging: events with seq below this (0: from the newest)
  int limit = 100;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Assigns seq, prev_hash and hash, and appends (in the caller's transaction).
  virtual void append(domain::AuditEvent& event) = 0;
  virtual std::vector<domain::AuditEvent> list(const AuditFilter& filter) = 0;
  // Every event from `after_seq` on, in order (for verification).
  virtual std::vector<domain::AuditEvent> range(int64_t after_seq, int64_t limit) = 0;
  // The chain's head as recorded with the last append: its seq and hash.
  virtual std::pair<int64_t, std::string> head() = 0;
};

}  // namespace chibo::app
