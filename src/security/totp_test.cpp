#include "security/totp.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "security/random.h"

namespace chibo::security {
namespace {

// RFC 6238 Appendix B: the SHA1 key is the ASCII string "12345678901234567890".
const std::string kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Base32, MatchesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base32_encode(""), "");
  EXPECT_EQ(base32_encode("f"), "MY");
  EXPECT_EQ(base32_encode("fo"), "MZXQ");
  EXPECT_EQ(base32_encode("foo"), "MZXW6");
  EXPECT_EQ(base32_encode("foob"), "MZXW6YQ");
  EXPECT_EQ(base32_encode("fooba"), "MZXW6YTB");
  EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(base32_encode("12345678901234567890"), kRfcSecret);
}

TEST(Base32, DecodesAsPeopleTypeIt) {
  EXPECT_EQ(base32_decode("MZXW6YTBOI"), "foobar");
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), "foobar");  // padding allowed
  EXPECT_EQ(base32_decode("mzxw 6ytb oi"), "foobar");      // case and spaces ignored
  EXPECT_EQ(base32_decode("MY======"), "f");
  EXPECT_EQ(base32_decode(""), "");
  EXPECT_EQ(base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), "12345678901234567890");
}

TEST(Base32, RefusesWhatNoEncoderWrites) {
  EXPECT_EQ(base32_decode("MZXW1"), std::nullopt);     // '1' is not in the alphabet
  EXPECT_EQ(base32_decode("MZXW6-YT"), std::nullopt);  // nor '-'
  EXPECT_EQ(base32_decode("M"), std::nullopt);         // 1 character past a multiple of 8
  EXPECT_EQ(base32_decode("MZX"), std::nullopt);       // 3
  EXPECT_EQ(base32_decode("MZXW6Y"), std::nullopt);    // 6
  EXPECT_EQ(base32_decode("MZ=XW6"), std::nullopt);    // '=' inside
  EXPECT_EQ(base32_decode("Đ"), std::nullopt);
}

TEST(Base32, RoundTripsEveryLength) {
  for (size_t length = 0; length <= 41; ++length) {
    const std::string bytes = random_bytes(length);
    const std::string text = base32_encode(bytes);
    EXPECT_EQ(text.size(), (length * 8 + 4) / 5);
    EXPECT_EQ(base32_decode(text), bytes) << length;
  }
}

TEST(NewTotpSecret, Is160RandomBitsInBase32) {
  const std::string secret = new_totp_secret();
  EXPECT_EQ(secret.size(), 32u);
  ASSERT_TRUE(base32_decode(secret));
  EXPECT_EQ(base32_decode(secret)->size(), 20u);
  EXPECT_NE(new_totp_secret(), secret);
}

TEST(TotpCode, MatchesRfc6238AppendixB) {
  // The last 6 digits of the RFC's 8-digit SHA1 codes.
  EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");           // 94287082
  EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");   // 07081804
  EXPECT_EQ(totp_code(kRfcSecret, 1111111111), "050471");   // 14050471
  EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");   // 89005924
  EXPECT_EQ(totp_code(kRfcSecret, 2000000000), "279037");   // 69279037
  EXPECT_EQ(totp_code(kRfcSecret, 20000000000), "353130");  // 65353130
}

TEST(TotpCode, ChangesAtStepBoundaries) {
  // RFC 4226 Appendix D HOTP values for counters 0-3.
  EXPECT_EQ(totp_code(kRfcSecret, 0), "755224");
  EXPECT_EQ(totp_code(kRfcSecret, 29), "755224");
  EXPECT_EQ(totp_code(kRfcSecret, 30), "287082");
  EXPECT_EQ(totp_code(kRfcSecret, 60), "359152");
  EXPECT_EQ(totp_code(kRfcSecret, 90), "969429");
  EXPECT_EQ(totp_code("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", 59), "287082");  // any case
}

TEST(TotpCode, ThrowsOnBugs) {
  EXPECT_THROW((void)totp_code("not base32!", 59), std::invalid_argument);
  EXPECT_THROW((void)totp_code("", 59), std::invalid_argument);
  EXPECT_THROW((void)totp_code(kRfcSecret, -1), std::invalid_argument);
}

TEST(TotpMatches, AcceptsTheCurrentStepAndTheWindow) {
  // 287082 is step 1 (30-59 s).
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 59), 1);
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 30, 0), 1);
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 59, 0), 1);
  // One step late or early is inside the default window of 1 ...
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 60), 1);
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 89), 1);
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 29), 1);
  EXPECT_EQ(totp_matching_step(kRfcSecret, "287082", 0), 1);
  // ... but not with a window of 0 ...
  EXPECT_FALSE(totp_matches(kRfcSecret, "287082", 60, 0));
  EXPECT_FALSE(totp_matches(kRfcSecret, "287082", 29, 0));
  EXPECT_FALSE(totp_matches(kRfcSecret, "287082", 60, -3));  // negative counts as 0
  // ... and two steps away needs a window of 2.
  EXPECT_FALSE(totp_matches(kRfcSecret, "287082", 90));
  EXPECT_TRUE(totp_matches(kRfcSecret, "287082", 90, 2));
  EXPECT_TRUE(totp_matches(kRfcSecret, "287082", 119, 2));
  EXPECT_FALSE(totp_matches(kRfcSecret, "287082", 120, 2));
  EXPECT_FALSE(totp_matches(kRfcSecret, "969429", 59));  // step 3 from step 1
  EXPECT_TRUE(totp_matches(kRfcSecret, "969429", 59, 2));
  // Far from the epoch too.
  EXPECT_EQ(totp_matching_step(kRfcSecret, "050471", 1111111111 + 30), 37037037);
  EXPECT_FALSE(totp_matches(kRfcSecret, "050471", 1111111111 + 60));
}

TEST(TotpMatches, RequiresSixDigitsAndAValidSecret) {
  EXPECT_TRUE(totp_matches(kRfcSecret, "287 082", 59));  // as apps display it
  EXPECT_FALSE(totp_matches(kRfcSecret, "28708", 59));
  EXPECT_FALSE(totp_matches(kRfcSecret, "2870820", 59));
  EXPECT_FALSE(totp_matches(kRfcSecret, "94287082", 59));  // the RFC's 8-digit form
  EXPECT_FALSE(totp_matches(kRfcSecret, "28708a", 59));
  EXPECT_FALSE(totp_matches(kRfcSecret, "", 59));
  EXPECT_FALSE(totp_matches(kRfcSecret, "287083", 59));
  EXPECT_FALSE(totp_matches("not base32!", "287082", 59));
  EXPECT_FALSE(totp_matches("", "287082", 59));
  EXPECT_FALSE(totp_matches("JBSWY3DPEHPK3PXP", "287082", 59));  // another secret
}

TEST(TotpMatches, WorksWithAFreshSecret) {
  const std::string secret = new_totp_secret();
  const int64_t now = 1767225600;  // 2026-01-01T00:00:00Z
  const std::string code = totp_code(secret, now);
  EXPECT_EQ(code.size(), 6u);
  EXPECT_EQ(totp_matching_step(secret, code, now), now / 30);
  EXPECT_TRUE(totp_matches(secret, code, now + 30));
  EXPECT_TRUE(totp_matches(secret, code, now - 30));
}

TEST(TotpUri, PercentEncodesIssuerAndAccount) {
  EXPECT_EQ(totp_uri("Chi bộ Khối CQTW", "nguyen.van.an@example.vn", kRfcSecret),
            "otpauth://totp/Chi%20b%E1%BB%99%20Kh%E1%BB%91i%20CQTW:nguyen.van.an%40example.vn"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Chi%20b%E1%BB%99%20Kh%E1%BB%91i%20CQTW"
            "&algorithm=SHA1&digits=6&period=30");
  // A ':' or '&' in a name cannot split the label or add a parameter; the secret is normalized.
  EXPECT_EQ(totp_uri("a:b", "c&d=e", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq"),
            "otpauth://totp/a%3Ab:c%26d%3De?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=a%3Ab"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_THROW((void)totp_uri("chibo", "an", "0000"), std::invalid_argument);
}

}  // namespace
}  // namespace chibo::security
