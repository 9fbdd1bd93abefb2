#include "security/sealed_stream.h"

#include <sodium.h>

#include <stdexcept>

#include "security/random.h"
#include "security/signing.h"

namespace chibo::security {

namespace sealed_detail {

constexpr std::string_view kMagic = "chibo-sealed-1\n";
constexpr size_t kSealedKeyBytes =
    crypto_secretstream_xchacha20poly1305_KEYBYTES + crypto_box_SEALBYTES;
constexpr size_t kHeaderBytes = kMagic.size() + crypto_box_PUBLICKEYBYTES + kSealedKeyBytes +
                                crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr size_t kLargestChunk = kSealedChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}
unsigned char* bytes_of(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

}  // namespace sealed_detail

SealingKeyPair new_sealing_key() {
  init_sodium();
  SealingKeyPair pair;
  pair.public_key.assign(crypto_box_PUBLICKEYBYTES, '\0');
  pair.secret_key.assign(crypto_box_SECRETKEYBYTES, '\0');
  crypto_box_keypair(sealed_detail::bytes_of(pair.public_key),
                     sealed_detail::bytes_of(pair.secret_key));
  return pair;
}

std::optional<std::string> sealing_public_key(std::string_view secret_key) {
  if (secret_key.size() != crypto_box_SECRETKEYBYTES) return std::nullopt;
  init_sodium();
  std::string public_key(crypto_box_PUBLICKEYBYTES, '\0');
  if (crypto_scalarmult_base(sealed_detail::bytes_of(public_key),
                             sealed_detail::bytes_of(secret_key)) != 0)
    return std::nullopt;
  return public_key;
}

std::string sealing_key_id(std::string_view public_key) {
  init_sodium();
  std::string digest(8, '\0');
  crypto_generichash(sealed_detail::bytes_of(digest), digest.size(),
                     sealed_detail::bytes_of(public_key), public_key.size(), nullptr, 0);
  return to_hex(digest);
}

struct SealedWriter::State {
  crypto_secretstream_xchacha20poly1305_state stream;
};

SealedWriter::SealedWriter(const std::string& recipient_public_key, Sink sink)
    : state_(new State), sink_(std::move(sink)) {
  if (recipient_public_key.size() != crypto_box_PUBLICKEYBYTES) {
    delete state_;
    throw std::invalid_argument("a sealing public key is 32 bytes");
  }
  init_sodium();
  std::string key(crypto_secretstream_xchacha20poly1305_KEYBYTES, '\0');
  crypto_secretstream_xchacha20poly1305_keygen(sealed_detail::bytes_of(key));
  std::string sealed_key(sealed_detail::kSealedKeyBytes, '\0');
  crypto_box_seal(sealed_detail::bytes_of(sealed_key), sealed_detail::bytes_of(key), key.size(),
                  sealed_detail::bytes_of(recipient_public_key));
  std::string stream_header(crypto_secretstream_xchacha20poly1305_HEADERBYTES, '\0');
  crypto_secretstream_xchacha20poly1305_init_push(
      &state_->stream, sealed_detail::bytes_of(stream_header), sealed_detail::bytes_of(key));
  sodium_memzero(key.data(), key.size());
  header_.append(sealed_detail::kMagic);
  header_ += recipient_public_key;
  header_ += sealed_key;
  header_ += stream_header;
  sink_(header_);
  pending_.reserve(kSealedChunkBytes);
}

SealedWriter::~SealedWriter() {
  sodium_memzero(state_, sizeof(State));
  delete state_;
}

void SealedWriter::write(std::string_view bytes) {
  if (finished_) throw std::logic_error("SealedWriter: write after finish");
  while (!bytes.empty()) {
    const size_t room = kSealedChunkBytes - pending_.size();
    const size_t taken = std::min(room, bytes.size());
    pending_.append(bytes.substr(0, taken));
    bytes.remove_prefix(taken);
    // A full chunk waits for the next byte: the last chunk must carry the FINAL tag.
    if (pending_.size() == kSealedChunkBytes && !bytes.empty()) {
      seal(pending_, false);
      pending_.clear();
    }
  }
}

void SealedWriter::finish() {
  if (finished_) return;
  seal(pending_, true);
  pending_.clear();
  finished_ = true;
}

void SealedWriter::seal(std::string_view plain, bool final) {
  std::string chunk(4 + plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
  unsigned long long length = 0;
  crypto_secretstream_xchacha20poly1305_push(
      &state_->stream, sealed_detail::bytes_of(chunk) + 4, &length, sealed_detail::bytes_of(plain),
      plain.size(), sealed_detail::bytes_of(header_), header_.size(),
      final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
            : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  for (int i = 0; i < 4; ++i) chunk[i] = static_cast<char>((length >> (8 * (3 - i))) & 0xff);
  sink_(chunk);
}

struct SealedReader::State {
  crypto_secretstream_xchacha20poly1305_state stream;
};

SealedReader::SealedReader(Source source, const std::string& secret_key)
    : state_(new State), source_(std::move(source)), secret_key_(secret_key) {
  if (secret_key.size() != crypto_box_SECRETKEYBYTES) {
    delete state_;
    throw std::invalid_argument("a sealing secret key is 32 bytes");
  }
  init_sodium();
}

SealedReader::~SealedReader() {
  sodium_memzero(state_, sizeof(State));
  delete state_;
  sodium_memzero(secret_key_.data(), secret_key_.size());
}

bool SealedReader::read_exactly(char* into, size_t count) {
  size_t got = 0;
  while (got < count) {
    const size_t n = source_(into + got, count - got);
    if (n == 0) return false;
    got += n;
  }
  return true;
}

Unsealed SealedReader::open() {
  header_.assign(sealed_detail::kHeaderBytes, '\0');
  if (!read_exactly(header_.data(), header_.size()) ||
      header_.compare(0, sealed_detail::kMagic.size(), sealed_detail::kMagic) != 0) {
    return problem_ = Unsealed::kNotSealed;
  }
  size_t at = sealed_detail::kMagic.size();
  const std::string recipient = header_.substr(at, crypto_box_PUBLICKEYBYTES);
  at += crypto_box_PUBLICKEYBYTES;
  sealed_for_ = sealing_key_id(recipient);
  const std::optional<std::string> own = sealing_public_key(secret_key_);
  if (!own || *own != recipient) return problem_ = Unsealed::kOtherKey;
  std::string key(crypto_secretstream_xchacha20poly1305_KEYBYTES, '\0');
  if (crypto_box_seal_open(sealed_detail::bytes_of(key), sealed_detail::bytes_of(header_) + at,
                           sealed_detail::kSealedKeyBytes, sealed_detail::bytes_of(recipient),
                           sealed_detail::bytes_of(secret_key_)) != 0) {
    return problem_ = Unsealed::kDamaged;
  }
  at += sealed_detail::kSealedKeyBytes;
  const int started = crypto_secretstream_xchacha20poly1305_init_pull(
      &state_->stream, sealed_detail::bytes_of(header_) + at, sealed_detail::bytes_of(key));
  sodium_memzero(key.data(), key.size());
  if (started != 0) return problem_ = Unsealed::kDamaged;
  return Unsealed::kOk;
}

bool SealedReader::next_chunk() {
  unsigned char length_bytes[4];
  if (!read_exactly(reinterpret_cast<char*>(length_bytes), 4)) {
    problem_ = Unsealed::kCut;
    return false;
  }
  const size_t length = (size_t{length_bytes[0]} << 24) | (size_t{length_bytes[1]} << 16) |
                        (size_t{length_bytes[2]} << 8) | size_t{length_bytes[3]};
  if (length < crypto_secretstream_xchacha20poly1305_ABYTES ||
      length > sealed_detail::kLargestChunk) {
    problem_ = Unsealed::kDamaged;
    return false;
  }
  std::string cipher(length, '\0');
  if (!read_exactly(cipher.data(), length)) {
    problem_ = Unsealed::kCut;
    return false;
  }
  plain_.assign(length - crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
  offset_ = 0;
  unsigned long long plain_length = 0;
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(
          &state_->stream, sealed_detail::bytes_of(plain_), &plain_length, &tag,
          sealed_detail::bytes_of(cipher), cipher.size(), sealed_detail::bytes_of(header_),
          header_.size()) != 0) {
    problem_ = Unsealed::kDamaged;
    return false;
  }
  plain_.resize(plain_length);
  if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
    final_seen_ = true;
    char extra = 0;
    if (source_(&extra, 1) != 0) {  // bytes after the FINAL chunk: not what was sealed
      problem_ = Unsealed::kDamaged;
      return false;
    }
  }
  return true;
}

size_t SealedReader::read(char* into, size_t most) {
  if (problem_ != Unsealed::kOk || header_.empty()) return 0;
  while (offset_ == plain_.size()) {
    if (final_seen_) return 0;
    if (!next_chunk()) return 0;
  }
  const size_t n = std::min(most, plain_.size() - offset_);
  std::copy_n(plain_.data() + offset_, n, into);
  offset_ += n;
  return n;
}

}  // namespace chibo::security
