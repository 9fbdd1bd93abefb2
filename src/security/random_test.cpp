#include "security/random.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace chibo::security {
namespace {

bool url_safe(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

TEST(RandomBytes, HasTheRequestedLengthAndVaries) {
  EXPECT_EQ(random_bytes(0), "");
  EXPECT_EQ(random_bytes(1).size(), 1u);
  const std::string a = random_bytes(32);
  const std::string b = random_bytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);  // equal with probability 2^-256
}

TEST(RandomToken, Is43UrlSafeCharactersAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = random_token();
    ASSERT_EQ(token.size(), 43u);  // ceil(256 / 6), no '=' padding
    for (char c : token) ASSERT_TRUE(url_safe(c)) << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(RandomPublicId, Is32LowerCaseHexDigitsAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string id = random_public_id();
    ASSERT_EQ(id.size(), 32u);  // 128 bits
    for (char c : id) ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(RandomPassword, Uses16CharactersWithoutLookAlikes) {
  const std::string_view alphabet(kPasswordAlphabet);
  EXPECT_EQ(alphabet.size(), 56u);
  for (char look_alike : std::string_view("0Oo1lI")) {
    EXPECT_EQ(alphabet.find(look_alike), std::string_view::npos) << look_alike;
  }
  std::set<char> used;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string password = random_password();
    ASSERT_EQ(password.size(), kPasswordLength);
    for (char c : password) {
      ASSERT_NE(alphabet.find(c), std::string_view::npos) << password;
      used.insert(c);
    }
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 200u);
  // 3,200 uniform draws from 56 characters miss one with probability about 56 * e^-57.
  EXPECT_EQ(used.size(), alphabet.size());
}

}  // namespace
}  // namespace chibo::security
