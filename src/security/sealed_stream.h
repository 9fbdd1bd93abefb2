// A byte stream sealed for one recipient, for backups that leave the machine (ASVS 11.3.3):
// anyone may seal with the recipient's public key, only the holder of its secret key can open.
// So the server that writes nightly backups holds no key able to read them back.
//
// libsodium: a random 32-byte stream key sealed to the recipient's X25519 public key
// (crypto_box_seal), then the data in chunks of at most 1 MiB under XChaCha20-Poly1305
// secretstream, each chunk authenticated with the header as additional data and the last one
// tagged FINAL. A changed, reordered, dropped or appended chunk, a cut file, or another header
// fails to open. Layout:
//
//   "chibo-sealed-1\n" | recipient public key (32) | sealed stream key (80) | stream header (24)
//   then chunks: ciphertext length (4 bytes, big-endian) | ciphertext (plaintext + 17)
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace chibo::security {

// X25519 keys, 32 raw bytes each.
struct SealingKeyPair {
  std::string public_key;
  std::string secret_key;
};

SealingKeyPair new_sealing_key();

// The public key belonging to `secret_key`; nullopt unless it is 32 bytes.
std::optional<std::string> sealing_public_key(std::string_view secret_key);

// A short name for a public key, printed and checked so that a file says which key opens it:
// 16 hex digits of BLAKE2b over the key.
std::string sealing_key_id(std::string_view public_key);

inline constexpr size_t kSealedChunkBytes = 1 << 20;

// Seals what is written to it, passing the sealed bytes to `sink` as they are ready.
class SealedWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  // Throws std::invalid_argument unless `recipient_public_key` is 32 bytes.
  SealedWriter(const std::string& recipient_public_key, Sink sink);
  ~SealedWriter();
  SealedWriter(const SealedWriter&) = delete;
  SealedWriter& operator=(const SealedWriter&) = delete;

  void write(std::string_view bytes);
  // Seals what is buffered as the FINAL chunk. Nothing may be written after it.
  void finish();

 private:
  void seal(std::string_view plain, bool final);
  struct State;
  State* state_;
  std::string header_;
  std::string pending_;
  Sink sink_;
  bool finished_ = false;
};

enum class Unsealed { kOk, kNotSealed, kOtherKey, kDamaged, kCut };

// Opens a sealed stream read from `source` (which returns how many bytes it put in `into`, at most
// `most`, and 0 only at the end).
class SealedReader {
 public:
  using Source = std::function<size_t(char* into, size_t most)>;
  // Throws std::invalid_argument unless `secret_key` is 32 bytes.
  SealedReader(Source source, const std::string& secret_key);
  ~SealedReader();
  SealedReader(const SealedReader&) = delete;
  SealedReader& operator=(const SealedReader&) = delete;

  // Reads and checks the header: kNotSealed, kOtherKey (sealed_for() then names the key), or
  // kDamaged when the stream key does not open.
  Unsealed open();
  // The key id the stream was sealed for (once open() has read the header).
  const std::string& sealed_for() const { return sealed_for_; }

  // Up to `most` bytes of the plain text; 0 at the end, which is reached only once the FINAL chunk
  // has been verified and nothing follows it. A problem (kDamaged, kCut) also reads 0: check it.
  size_t read(char* into, size_t most);
  Unsealed problem() const { return problem_; }

 private:
  bool read_exactly(char* into, size_t count);
  bool next_chunk();
  struct State;
  State* state_;
  Source source_;
  std::string secret_key_;
  std::string header_;
  std::string sealed_for_;
  std::string plain_;
  size_t offset_ = 0;
  bool final_seen_ = false;
  Unsealed problem_ = Unsealed::kOk;
};

}  // namespace chibo::security
