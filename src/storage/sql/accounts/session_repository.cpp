#include "storage/sql/accounts/session_repository.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

std::vector<app::Session> SqlSessionRepository::select(const std::string& where,
                                                       const std::string& a, const std::string& b) {
  std::vector<app::Session> sessions;
  app::Session row;
  long long user_id = 0;
  soci::indicator ended_ind{};
  std::string first = a, second = b;
  soci::statement statement(session_);
  statement.exchange(soci::into(row.token_hash));
  statement.exchange(soci::into(row.public_id));
  statement.exchange(soci::into(user_id));
  statement.exchange(soci::into(row.stage));
  statement.exchange(soci::into(row.created_at));
  statement.exchange(soci::into(row.last_seen_at));
  statement.exchange(soci::into(row.expires_at));
  statement.exchange(soci::into(row.ended_at, ended_ind));
  statement.exchange(soci::into(row.address));
  statement.exchange(soci::into(row.user_agent));
  statement.exchange(soci::use(first, "a"));
  if (where.find(":b") != std::string::npos) statement.exchange(soci::use(second, "b"));
  prepare_unnamed(statement,
                  "SELECT token_hash, public_id, user_id, stage, created_at, last_seen_at, "
                  "expires_at, ended_at, address, user_agent FROM sessions " +
                      where);
  if (statement.execute(true)) {
    do {
      app::Session session = row;
      session.user_id = user_id;
      if (ended_ind != soci::i_ok) session.ended_at.clear();
      sessions.push_back(std::move(session));
    } while (statement.fetch());
  }
  return sessions;
}

void SqlSessionRepository::insert(const app::Session& session) {
  long long user_id = session.user_id;
  app::Session copy = session;
  session_
      << "INSERT INTO sessions (token_hash, public_id, user_id, stage, created_at, last_seen_at, "
         "expires_at, address, user_agent) VALUES (:hash, :public_id, :user, :stage, :created, "
         ":seen, :expires, :address, :agent)",
      soci::use(copy.token_hash, "hash"), soci::use(copy.public_id, "public_id"),
      soci::use(user_id, "user"), soci::use(copy.stage, "stage"),
      soci::use(copy.created_at, "created"), soci::use(copy.last_seen_at, "seen"),
      soci::use(copy.expires_at, "expires"), soci::use(copy.address, "address"),
      soci::use(copy.user_agent, "agent");
}

std::optional<app::Session> SqlSessionRepository::find(const std::string& token_hash) {
  auto found = select("WHERE token_hash = :a", token_hash, "");
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlSessionRepository::touch(const std::string& token_hash, const std::string& now) {
  std::string hash = token_hash, at = now;
  session_ << "UPDATE sessions SET last_seen_at = :at WHERE token_hash = :hash",
      soci::use(at, "at"), soci::use(hash, "hash");
}

void SqlSessionRepository::set_stage(const std::string& token_hash, const std::string& stage) {
  if (changes_) changes_->access = true;
  std::string hash = token_hash, value = stage;
  session_ << "UPDATE sessions SET stage = :stage WHERE token_hash = :hash",
      soci::use(value, "stage"), soci::use(hash, "hash");
}

void SqlSessionRepository::end(const std::string& token_hash, const std::string& now) {
  if (changes_) changes_->access = true;
  std::string hash = token_hash, at = now;
  session_ << "UPDATE sessions SET ended_at = :at WHERE token_hash = :hash AND ended_at IS NULL",
      soci::use(at, "at"), soci::use(hash, "hash");
}

int64_t SqlSessionRepository::end_all(int64_t user_id, const std::string& now,
                                      const std::string& except) {
  if (changes_) changes_->access = true;
  long long id = user_id;
  std::string at = now, keep = except;
  soci::statement update =
      unnamed_statement(session_,
                        "UPDATE sessions SET ended_at = :at WHERE user_id = :user AND "
                        "ended_at IS NULL AND token_hash <> :keep",
                        soci::use(at, "at"), soci::use(id, "user"), soci::use(keep, "keep"));
  update.execute(true);
  return update.get_affected_rows();
}

std::vector<app::Session> SqlSessionRepository::open_sessions(int64_t user_id,
                                                              const std::string& now) {
  return select(
      "WHERE user_id = :a AND ended_at IS NULL AND expires_at > :b ORDER BY created_at DESC",
      std::to_string(user_id), now);
}

void SqlSessionRepository::record_attempt(const std::string& username, const std::string& address,
                                          const std::string& at, bool succeeded) {
  std::string name = username, from = address, when = at;
  int ok = succeeded ? 1 : 0;
  session_ << "INSERT INTO login_attempts (username, address, at, succeeded) VALUES (:name, "
              ":address, :at, :ok)",
      soci::use(name, "name"), soci::use(from, "address"), soci::use(when, "at"),
      soci::use(ok, "ok");
}

int64_t SqlSessionRepository::failures(const std::string& username, const std::string& address,
                                       const std::string& since) {
  std::string name = username, from = address, after = since, name2 = username, from2 = address;
  long long count = 0;
  // Failures since the window began and since the last success from the same address.
  session_ << "SELECT COUNT(*) FROM login_attempts WHERE username = :name AND address = :address "
              "AND at > :since "
              "AND succeeded = 0 AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE "
              "username = :name2 AND "
              "address = :address2 AND succeeded = 1), '')",
      soci::use(name, "name"), soci::use(from, "address"), soci::use(after, "since"),
      soci::use(name2, "name2"), soci::use(from2, "address2"), soci::into(count);
  return count;
}

int64_t SqlSessionRepository::failures_from(const std::string& address, const std::string& since) {
  std::string from = address, after = since;
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM login_attempts WHERE address = :address AND at > :since AND "
              "succeeded = 0",
      soci::use(from, "address"), soci::use(after, "since"), soci::into(count);
  return count;
}

}  // namespace chibo::storage
