#include "storage/sql/accounts/idempotency_repository.h"

#include <nlohmann/json.hpp>

#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

std::string headers_json(const std::vector<std::pair<std::string, std::string>>& headers) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [name, value] : headers) list.push_back({name, value});
  return list.dump();
}

std::vector<std::pair<std::string, std::string>> parse_headers(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> headers;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return headers;
  for (const nlohmann::json& pair : list) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
      headers.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return headers;
}

}  // namespace

bool SqlIdempotencyRepository::claim(int64_t user_id, const std::string& key,
                                     const std::string& fingerprint, const std::string& now,
                                     const std::string& expired_before) {
  long long user = user_id;
  std::string key_value = key, print = fingerprint, at = now, before = expired_before;
  session_ << "DELETE FROM idempotency_keys WHERE user_id = :user AND idem_key = :key AND "
              "created_at < :before",
      soci::use(user, "user"), soci::use(key_value, "key"), soci::use(before, "before");
  // The primary key makes a second claimer of the same key wait for this transaction: it
  // then does nothing and finds the stored reply (or takes the key if this one rolled back).
  soci::statement insert = unnamed_statement(
      session_,
      "INSERT INTO idempotency_keys (user_id, idem_key, fingerprint, status, content_type, body, "
      "headers, created_at) VALUES (:user, :key, :print, 0, '', '', '[]', :at) "
      "ON CONFLICT (user_id, idem_key) DO NOTHING",
      soci::use(user, "user"), soci::use(key_value, "key"), soci::use(print, "print"),
      soci::use(at, "at"));
  insert.execute(true);
  return insert.get_affected_rows() == 1;
}

std::optional<app::IdempotencyRecord> SqlIdempotencyRepository::find(int64_t user_id,
                                                                     const std::string& key) {
  long long user = user_id;
  std::string key_value = key;
  app::IdempotencyRecord record;
  int status = 0;
  std::string headers;
  session_ << "SELECT fingerprint, status, content_type, body, headers, created_at FROM "
              "idempotency_keys WHERE user_id = :user AND idem_key = :key",
      soci::use(user, "user"), soci::use(key_value, "key"), soci::into(record.fingerprint),
      soci::into(status), soci::into(record.reply.content_type), soci::into(record.reply.body),
      soci::into(headers), soci::into(record.created_at);
  if (!session_.got_data()) return std::nullopt;
  record.reply.status = status;
  record.reply.headers = parse_headers(headers);
  return record;
}

void SqlIdempotencyRepository::save_reply(int64_t user_id, const std::string& key,
                                          const app::StoredReply& reply) {
  long long user = user_id;
  std::string key_value = key, content_type = reply.content_type, body = reply.body,
              headers = headers_json(reply.headers);
  int status = reply.status;
  session_ << "UPDATE idempotency_keys SET status = :status, content_type = :type, body = :body, "
              "headers = :headers WHERE user_id = :user AND idem_key = :key",
      soci::use(status, "status"), soci::use(content_type, "type"), soci::use(body, "body"),
      soci::use(headers, "headers"), soci::use(user, "user"), soci::use(key_value, "key");
}

int64_t SqlIdempotencyRepository::purge(const std::string& expired_before) {
  std::string before = expired_before;
  soci::statement remove =
      unnamed_statement(session_, "DELETE FROM idempotency_keys WHERE created_at < :before",
                        soci::use(before, "before"));
  remove.execute(true);
  return remove.get_affected_rows();
}

}  // namespace chibo::storage
