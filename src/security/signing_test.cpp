#include "security/signing.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace chibo::security {
namespace {

struct Rfc8032Vector {
  const char* seed;
  const char* public_key;
  const char* message;
  const char* signature;
};

// RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
const Rfc8032Vector kVectors[] = {
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
     "b46bd25bf5f0595bbe24655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f1"
     "1d8c387b2eaeb4302aeeb00d291612bb0c00"},
};

TEST(Signing, MatchesRfc8032Vectors) {
  for (const Rfc8032Vector& vector : kVectors) {
    const std::string public_key = from_hex(vector.public_key).value();
    // libsodium's secret key is the seed followed by the public key.
    const std::string secret_key = from_hex(vector.seed).value() + public_key;
    const std::string message = from_hex(vector.message).value();
    const std::string signature = sign(message, secret_key);
    EXPECT_EQ(to_hex(signature), vector.signature);
    EXPECT_TRUE(verify_signature(message, signature, public_key));
  }
}

TEST(Signing, VerifiesAndFailsAfterOneFlippedByte) {
  const KeyPair key = new_signing_key();
  ASSERT_EQ(key.public_key.size(), 32u);
  ASSERT_EQ(key.secret_key.size(), 64u);
  EXPECT_EQ(key.secret_key.substr(32), key.public_key);
  const std::string message = "Biên bản họp chi bộ tháng 1/2026";
  const std::string signature = sign(message, key.secret_key);
  ASSERT_EQ(signature.size(), 64u);
  EXPECT_TRUE(verify_signature(message, signature, key.public_key));

  std::string bad_signature = signature;
  bad_signature[10] = static_cast<char>(bad_signature[10] ^ 0x01);
  EXPECT_FALSE(verify_signature(message, bad_signature, key.public_key));

  std::string bad_message = message;
  bad_message[0] = static_cast<char>(bad_message[0] ^ 0x01);
  EXPECT_FALSE(verify_signature(bad_message, signature, key.public_key));

  EXPECT_FALSE(verify_signature(message, signature, new_signing_key().public_key));
  EXPECT_NE(new_signing_key().public_key, key.public_key);
}

TEST(Signing, RefusesWrongSizes) {
  const KeyPair key = new_signing_key();
  const std::string signature = sign("x", key.secret_key);
  EXPECT_FALSE(verify_signature("x", signature.substr(0, 63), key.public_key));
  EXPECT_FALSE(verify_signature("x", signature + std::string(1, '\0'), key.public_key));
  EXPECT_FALSE(verify_signature("x", signature, key.public_key.substr(1)));
  EXPECT_FALSE(verify_signature("x", "", ""));
  EXPECT_THROW((void)sign("x", key.public_key), std::invalid_argument);
  EXPECT_THROW((void)sign("x", ""), std::invalid_argument);
}

TEST(Hex, RoundTripsAndRefusesNonHex) {
  EXPECT_EQ(to_hex(""), "");
  EXPECT_EQ(to_hex(std::string("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(from_hex("0001abff"), std::string("\x00\x01\xab\xff", 4));
  EXPECT_EQ(from_hex("0001ABFF"), std::string("\x00\x01\xab\xff", 4));
  EXPECT_EQ(from_hex(""), "");
  EXPECT_EQ(from_hex("abc"), std::nullopt);  // odd length
  EXPECT_EQ(from_hex("zz"), std::nullopt);
  EXPECT_EQ(from_hex("ab cd"), std::nullopt);  // odd, and a space
  EXPECT_EQ(from_hex("ab  cd"), std::nullopt);
  EXPECT_EQ(from_hex("0x00"), std::nullopt);
  const KeyPair key = new_signing_key();
  EXPECT_EQ(from_hex(to_hex(key.secret_key)), key.secret_key);
}

}  // namespace
}  // namespace chibo::security
