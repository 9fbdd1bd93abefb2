// Signed checkpoints of the audit chain: "the chain had N events ending in hash H at time T",
// signed with an Ed25519 key. Kept off the machine, a checkpoint proves later that the first N
// events were not rewritten, even by someone who could recompute every hash.
#pragma once

#include <optional>
#include <string>

namespace chibo::domain {

struct AuditCheckpoint {
  int64_t seq = 0;
  std::string hash;        // hex SHA-256 of event `seq`
  std::string at;          // when the checkpoint was made
  std::string public_key;  // hex
  std::string signature;   // hex, over signed_text()

  // What is signed: "chibo-audit-checkpoint v1 seq=N hash=H at=T".
  std::string signed_text() const;
  // One line: signed_text() + " key=K sig=S".
  std::string line() const;
};

// Signs with a libsodium secret key (64 bytes, raw).
AuditCheckpoint make_checkpoint(int64_t seq, std::string hash, std::string at,
                                const std::string& secret_key);

// Parses a line(); nullopt when it is not one.
std::optional<AuditCheckpoint> parse_checkpoint(const std::string& line);

// True when the signature is the key's signature of the text.
bool checkpoint_signed(const AuditCheckpoint& checkpoint);

}  // namespace chibo::domain
