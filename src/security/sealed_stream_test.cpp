#include "security/sealed_stream.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace chibo::security {
namespace {

std::string seal(const std::string& plain, const std::string& public_key, size_t piece = 4096) {
  std::string sealed;
  SealedWriter writer(public_key, [&](std::string_view bytes) { sealed.append(bytes); });
  for (size_t at = 0; at < plain.size(); at += piece) writer.write(plain.substr(at, piece));
  writer.finish();
  return sealed;
}

struct Opened {
  Unsealed open = Unsealed::kOk;
  Unsealed read = Unsealed::kOk;
  std::string plain;
  std::string sealed_for;
};

// Reads the whole stream in pieces of an odd size, so that reads straddle chunk ends.
Opened unseal(const std::string& sealed, const std::string& secret_key) {
  size_t at = 0;
  SealedReader reader(
      [&](char* into, size_t most) {
        const size_t n = std::min(most, sealed.size() - at);
        std::copy_n(sealed.data() + at, n, into);
        at += n;
        return n;
      },
      secret_key);
  Opened result;
  result.open = reader.open();
  result.sealed_for = reader.sealed_for();
  if (result.open != Unsealed::kOk) return result;
  char buffer[7777];
  while (const size_t n = reader.read(buffer, sizeof buffer)) result.plain.append(buffer, n);
  result.read = reader.problem();
  return result;
}

std::string text_of(size_t size) {
  std::string text(size, '\0');
  for (size_t i = 0; i < size; ++i) text[i] = static_cast<char>((i * 131 + i / 997) & 0xff);
  return text;
}

constexpr size_t kHeader = 15 + 32 + 80 + 24;

TEST(SealedStream, OpensToTheSameBytesWhateverTheSize) {
  const SealingKeyPair key = new_sealing_key();
  for (const size_t size : {size_t{0}, size_t{1}, kSealedChunkBytes - 1, kSealedChunkBytes,
                            kSealedChunkBytes + 1, 2 * kSealedChunkBytes + 12345}) {
    const std::string plain = text_of(size);
    const std::string sealed = seal(plain, key.public_key);
    const size_t chunks = size == 0 ? 1 : (size + kSealedChunkBytes - 1) / kSealedChunkBytes;
    EXPECT_EQ(sealed.size(), kHeader + size + chunks * (4 + 17)) << size;
    const Opened opened = unseal(sealed, key.secret_key);
    EXPECT_EQ(opened.open, Unsealed::kOk) << size;
    EXPECT_EQ(opened.read, Unsealed::kOk) << size;
    EXPECT_TRUE(opened.plain == plain) << size;
  }
}

TEST(SealedStream, HidesThePlainTextAndSealsEachTimeAnew) {
  const SealingKeyPair key = new_sealing_key();
  const std::string plain = "Nguyễn Văn An, 001085012345, Chi bộ Vụ Tổng hợp";
  const std::string first = seal(plain, key.public_key);
  const std::string second = seal(plain, key.public_key);
  EXPECT_EQ(first.find("001085012345"), std::string::npos);
  EXPECT_EQ(first.find("Chi b"), std::string::npos);
  EXPECT_NE(first.substr(kHeader - 104), second.substr(kHeader - 104));  // a new stream key
  EXPECT_EQ(unseal(first, key.secret_key).plain, plain);
  EXPECT_EQ(unseal(second, key.secret_key).plain, plain);
}

TEST(SealedStream, KeysAndTheirIds) {
  const SealingKeyPair key = new_sealing_key();
  EXPECT_EQ(key.public_key.size(), 32u);
  EXPECT_EQ(sealing_public_key(key.secret_key), key.public_key);
  EXPECT_EQ(sealing_public_key("short"), std::nullopt);
  const std::string id = sealing_key_id(key.public_key);
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id, sealing_key_id(key.public_key));
  EXPECT_NE(id, sealing_key_id(new_sealing_key().public_key));
  EXPECT_THROW(SealedWriter("short", [](std::string_view) {}), std::invalid_argument);
}

TEST(SealedStream, AnotherKeyDoesNotOpenItAndSaysWhichKeyWould) {
  const SealingKeyPair key = new_sealing_key();
  const SealingKeyPair other = new_sealing_key();
  const Opened opened = unseal(seal("bí mật", key.public_key), other.secret_key);
  EXPECT_EQ(opened.open, Unsealed::kOtherKey);
  EXPECT_EQ(opened.sealed_for, sealing_key_id(key.public_key));
  EXPECT_EQ(opened.plain, "");
}

TEST(SealedStream, NotASealedFile) {
  const SealingKeyPair key = new_sealing_key();
  EXPECT_EQ(unseal("SQLite format 3", key.secret_key).open, Unsealed::kNotSealed);
  EXPECT_EQ(unseal("", key.secret_key).open, Unsealed::kNotSealed);
  // A header cut short is not a sealed file either.
  EXPECT_EQ(unseal(seal("x", key.public_key).substr(0, kHeader - 1), key.secret_key).open,
            Unsealed::kNotSealed);
}

// Every changed byte is found: in the header (its stream key, the recipient, the stream's header,
// all bound into every chunk) and in each chunk (length or ciphertext).
TEST(SealedStream, AnyChangedByteIsRefused) {
  const SealingKeyPair key = new_sealing_key();
  const std::string plain = text_of(kSealedChunkBytes + 5000);
  const std::string sealed = seal(plain, key.public_key);
  std::vector<size_t> positions;
  for (size_t at = 0; at < kHeader + 8; ++at) positions.push_back(at);
  const size_t second_chunk = kHeader + 4 + kSealedChunkBytes + 17;
  for (const size_t at : {kHeader + 1000, second_chunk - 1, second_chunk, second_chunk + 3,
                          second_chunk + 4, sealed.size() - 1})
    positions.push_back(at);
  for (const size_t at : positions) {
    std::string changed = sealed;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    const Opened opened = unseal(changed, key.secret_key);
    const bool refused = opened.open != Unsealed::kOk || opened.read != Unsealed::kOk;
    EXPECT_TRUE(refused) << "byte " << at;
    if (at < 15) {
      EXPECT_EQ(opened.open, Unsealed::kNotSealed) << at;
    } else if (at < 15 + 32) {
      EXPECT_EQ(opened.open, Unsealed::kOtherKey) << at;
    }
  }
}

TEST(SealedStream, ACutOrLengthenedStreamIsRefused) {
  const SealingKeyPair key = new_sealing_key();
  const std::string sealed = seal(text_of(2 * kSealedChunkBytes + 10), key.public_key);
  const size_t chunk = 4 + kSealedChunkBytes + 17;
  // Cut after a whole chunk (the FINAL one missing), inside a chunk, inside a length.
  for (const size_t keep : {kHeader, kHeader + chunk, kHeader + 2 * chunk, kHeader + chunk + 100,
                            kHeader + 2, sealed.size() - 1}) {
    const Opened opened = unseal(sealed.substr(0, keep), key.secret_key);
    EXPECT_EQ(opened.read, Unsealed::kCut) << keep;
  }
  EXPECT_EQ(unseal(sealed + "x", key.secret_key).read, Unsealed::kDamaged);
  EXPECT_EQ(unseal(sealed + sealed.substr(kHeader), key.secret_key).read, Unsealed::kDamaged);
}

TEST(SealedStream, ReorderedOrDroppedChunksAreRefused) {
  const SealingKeyPair key = new_sealing_key();
  const std::string sealed = seal(text_of(3 * kSealedChunkBytes), key.public_key);
  const size_t chunk = 4 + kSealedChunkBytes + 17;
  const std::string header = sealed.substr(0, kHeader);
  const std::string a = sealed.substr(kHeader, chunk);
  const std::string b = sealed.substr(kHeader + chunk, chunk);
  const std::string c = sealed.substr(kHeader + 2 * chunk);
  EXPECT_EQ(unseal(header + a + b + c, key.secret_key).read, Unsealed::kOk);
  EXPECT_EQ(unseal(header + b + a + c, key.secret_key).read, Unsealed::kDamaged);
  EXPECT_EQ(unseal(header + a + c, key.secret_key).read, Unsealed::kDamaged);
  // A chunk of another stream sealed for the same key does not fit in.
  const std::string other = seal(text_of(3 * kSealedChunkBytes), key.public_key);
  EXPECT_EQ(unseal(header + a + other.substr(kHeader + chunk, chunk) + c, key.secret_key).read,
            Unsealed::kDamaged);
}

}  // namespace
}  // namespace chibo::security
