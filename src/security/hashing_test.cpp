#include "security/hashing.h"

#include <gtest/gtest.h>

#include "security/random.h"

namespace chibo::security {
namespace {

TEST(Sha256, MatchesFips180Vectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // Bytes, not text: a NUL inside the input counts.
  EXPECT_NE(sha256_hex(std::string_view("a\0b", 3)), sha256_hex("ab"));
}

TEST(TokenHash, IsTheSha256OfTheTokenAndHidesIt) {
  const std::string token = random_token();
  const std::string stored = token_hash(token);
  EXPECT_EQ(stored, sha256_hex(token));
  EXPECT_EQ(stored.size(), 64u);
  EXPECT_EQ(stored.find(token), std::string::npos);
  EXPECT_EQ(token_hash(token), stored);  // deterministic, so it can be looked up
  EXPECT_NE(token_hash(random_token()), stored);
}

TEST(ConstantTimeEqual, ComparesBytesAndLengths) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal(std::string_view(), ""));
  EXPECT_TRUE(constant_time_equal("287082", "287082"));
  EXPECT_FALSE(constant_time_equal("287082", "287083"));
  EXPECT_FALSE(constant_time_equal("287082", "28708"));  // prefix
  EXPECT_FALSE(constant_time_equal("", "a"));
  EXPECT_FALSE(constant_time_equal("a", ""));
  EXPECT_TRUE(constant_time_equal(std::string_view("x\0y", 3), std::string_view("x\0y", 3)));
  EXPECT_FALSE(constant_time_equal(std::string_view("x\0y", 3), std::string_view("x\0z", 3)));
}

}  // namespace
}  // namespace chibo::security
