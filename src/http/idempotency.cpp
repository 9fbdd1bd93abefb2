#include "http/idempotency.h"

#include "http/problem.h"
#include "security/hashing.h"

namespace chibo::http {

namespace {

constexpr std::string_view kHeader = "idempotency-key";

bool key_character(char c) { return c > 0x20 && c < 0x7F && c != '"' && c != '\\'; }

Error invalid_key() {
  Error error = Error::malformed("idempotency_key_invalid");
  error.fields = {{"Idempotency-Key", "idempotency_key_format", {}}};
  return error;
}

}  // namespace

Result<std::optional<app::IdempotentRequest>> idempotency_of(const HttpRequest& request) {
  const std::pair<std::string, std::string>* found = nullptr;
  for (const auto& header : request.headers) {
    if (header.first != kHeader) continue;
    if (found) return invalid_key();  // twice: which one?
    found = &header;
  }
  if (!found) return std::optional<app::IdempotentRequest>();
  std::string_view key = found->second;
  while (!key.empty() && (key.front() == ' ' || key.front() == '\t')) key.remove_prefix(1);
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
  // The IETF draft makes the value a structured-field string ("..."); plain tokens, as most
  // clients send them, are taken as they are.
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
    key = key.substr(1, key.size() - 2);
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength) return invalid_key();
  for (char c : key) {
    if (!key_character(c)) return invalid_key();
  }
  app::IdempotentRequest keyed;
  keyed.key = std::string(key);
  // What makes two requests the same: method, path with query, body (byte for byte).
  std::string material = request.method + " " + request.path;
  if (!request.query.empty()) material += "?" + request.query;
  material += "\n";
  material += request.body;
  keyed.fingerprint = security::sha256_hex(material);
  return std::optional<app::IdempotentRequest>(std::move(keyed));
}

app::StoredReply stored_reply(HttpResponse response) {
  app::StoredReply stored;
  stored.status = response.status;
  stored.content_type = std::move(response.content_type);
  stored.body = std::move(response.body);
  stored.headers = std::move(response.headers);
  return stored;
}

HttpResponse replayed_response(app::KeyedReply keyed) {
  HttpResponse response;
  response.status = keyed.reply.status;
  response.content_type = std::move(keyed.reply.content_type);
  response.body = std::move(keyed.reply.body);
  response.headers = std::move(keyed.reply.headers);
  if (keyed.replayed) response.with_header("Idempotent-Replayed", "true");
  return response;
}

}  // namespace chibo::http
