#include "domain/audit/checkpoint.h"

#include <sstream>

#include "security/signing.h"

namespace chibo::domain {

std::string AuditCheckpoint::signed_text() const {
  return "chibo-audit-checkpoint v1 seq=" + std::to_string(seq) + " hash=" + hash + " at=" + at;
}

std::string AuditCheckpoint::line() const {
  return signed_text() + " key=" + public_key + " sig=" + signature;
}

AuditCheckpoint make_checkpoint(int64_t seq, std::string hash, std::string at,
                                const std::string& secret_key) {
  AuditCheckpoint checkpoint;
  checkpoint.seq = seq;
  checkpoint.hash = std::move(hash);
  checkpoint.at = std::move(at);
  // libsodium's secret key ends with the public key.
  checkpoint.public_key = security::to_hex(secret_key.substr(32));
  checkpoint.signature = security::to_hex(security::sign(checkpoint.signed_text(), secret_key));
  return checkpoint;
}

std::optional<AuditCheckpoint> parse_checkpoint(const std::string& line) {
  std::istringstream in(line);
  std::string magic, version;
  in >> magic >> version;
  if (magic != "chibo-audit-checkpoint" || version != "v1") return std::nullopt;
  AuditCheckpoint checkpoint;
  std::string word;
  int seen = 0;
  auto take = [&](const std::string& name, std::string& into) {
    if (word.rfind(name + "=", 0) != 0) return false;
    into = word.substr(name.size() + 1);
    return true;
  };
  std::string seq_text;
  const char* order[] = {"seq", "hash", "at", "key", "sig"};
  std::string* targets[] = {&seq_text, &checkpoint.hash, &checkpoint.at, &checkpoint.public_key,
                            &checkpoint.signature};
  while (in >> word) {
    if (seen >= 5 || !take(order[seen], *targets[seen])) return std::nullopt;
    ++seen;
  }
  if (seen != 5 || seq_text.empty() || seq_text.size() > 18) return std::nullopt;
  for (char c : seq_text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  checkpoint.seq = std::stoll(seq_text);
  return checkpoint;
}

bool checkpoint_signed(const AuditCheckpoint& checkpoint) {
  const std::optional<std::string> key = security::from_hex(checkpoint.public_key);
  const std::optional<std::string> signature = security::from_hex(checkpoint.signature);
  return key && signature && security::verify_signature(checkpoint.signed_text(), *signature, *key);
}

}  // namespace chibo::domain
