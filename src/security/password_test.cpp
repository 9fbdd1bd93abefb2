#include "security/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "resources/resources.h"
#include "security/random.h"

namespace chibo::security {
namespace {

std::optional<std::string> problem(std::string_view password) {
  return password_problem(password, "nguyenvanan");
}

TEST(HashPassword, GivesAnArgon2idStringThatVerifies) {
  const std::string stored = hash_password("mậtkhẩu dài của tôi");
  EXPECT_EQ(stored.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << stored;
  EXPECT_EQ(stored.find("mậtkhẩu"), std::string::npos);
  EXPECT_TRUE(verify_password("mậtkhẩu dài của tôi", stored));
  EXPECT_FALSE(verify_password("mậtkhẩu dài của tôi ", stored));
  EXPECT_FALSE(verify_password("mat khau dai cua toi", stored));
  EXPECT_FALSE(verify_password("", stored));
  EXPECT_FALSE(needs_rehash(stored));
}

TEST(HashPassword, SaltsEveryHash) {
  const std::string first = hash_password("correct horse battery staple");
  const std::string second = hash_password("correct horse battery staple");
  EXPECT_NE(first, second);
  EXPECT_TRUE(verify_password("correct horse battery staple", second));
}

TEST(VerifyPassword, RefusesMalformedStoredStrings) {
  EXPECT_FALSE(verify_password("password", ""));
  EXPECT_FALSE(verify_password("password", "password"));
  EXPECT_FALSE(verify_password("password", "$argon2id$v=19$m=65536,t=2,p=1$garbage"));
  EXPECT_FALSE(verify_password("", "$2y$10$abcdefghijklmnopqrstuv"));  // bcrypt is not accepted
}

TEST(NeedsRehash, FlagsOtherLimitsAlgorithmsAndGarbage) {
  init_sodium();
  const char* password = "tạm thời 2024";
  char weaker[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str(weaker, password, std::char_traits<char>::length(password),
                              crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
            0);
  EXPECT_TRUE(verify_password(password, weaker));
  EXPECT_TRUE(needs_rehash(weaker));

  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_argon2i_str(argon2i, password, std::char_traits<char>::length(password),
                                      crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(verify_password(password, argon2i));  // legacy strings still verify
  EXPECT_TRUE(needs_rehash(argon2i));

  // Argon2i with exactly the current limits (libsodium will not make one: it wants t >= 3 for
  // Argon2i, other tools do not): libsodium alone would call it current; the algorithm is not.
  const std::string current = hash_password(password);
  const std::string same_limits_argon2i = "$argon2i$" + current.substr(10);
  ASSERT_EQ(crypto_pwhash_str_needs_rehash(same_limits_argon2i.c_str(),
                                           crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(needs_rehash(same_limits_argon2i));
  EXPECT_FALSE(needs_rehash(current));

  EXPECT_TRUE(needs_rehash(""));
  EXPECT_TRUE(needs_rehash("$argon2id$nonsense"));
}

TEST(PasswordProblem, CountsCodePointsNotBytes) {
  // "mậtkhẩu" is 7 code points in 11 bytes; one more character makes 8.
  EXPECT_EQ(std::string("mậtkhẩu").size(), 11u);
  EXPECT_EQ(problem("mậtkhẩu"), "password_too_short");
  EXPECT_EQ(problem("mậtkhẩu1"), std::nullopt);
  EXPECT_EQ(problem("abcdefg"), "password_too_short");  // 7
  EXPECT_EQ(problem("zq7wkx4m"), std::nullopt);         // 8
  EXPECT_EQ(problem(""), "password_too_short");
  // 8 code points in 32 bytes (U+1F600 ... emoji).
  EXPECT_EQ(problem("😀😁😂😃😄😅😆😇"), std::nullopt);
}

TEST(PasswordProblem, AcceptsLongPasswordsUpTo128) {
  // 64 code points, 85 bytes.
  const std::string sixty_four = "Đồng chí bí thư chi bộ họp vào sáng thứ hai đầu tháng lúc 8 giờ!";
  ASSERT_EQ(sixty_four.size(), 85u);
  EXPECT_EQ(problem(sixty_four), std::nullopt);
  EXPECT_EQ(problem(std::string(64, 'x') + "y"), std::nullopt);
  std::string longest;
  for (int i = 0; i < 128; ++i) longest += "ệ";  // 128 code points, 384 bytes
  EXPECT_EQ(problem(longest), std::nullopt);
  EXPECT_EQ(problem(longest + "a"), "password_too_long");
}

TEST(PasswordProblem, RefusesMalformedUtf8) {
  EXPECT_EQ(problem("abcdefgh\xC3\x28"), "password_invalid_utf8");          // bad continuation
  EXPECT_EQ(problem("abcdefgh\xC0\xAF"), "password_invalid_utf8");          // overlong '/'
  EXPECT_EQ(problem("abcdefgh\xED\xA0\x80"), "password_invalid_utf8");      // surrogate
  EXPECT_EQ(problem("abcdefgh\xF4\x90\x80\x80"), "password_invalid_utf8");  // past U+10FFFF
  EXPECT_EQ(problem("abcdefgh\xE1\xBB"), "password_invalid_utf8");          // truncated
  EXPECT_EQ(problem("\xFF"), "password_invalid_utf8");  // before the length rule
}

TEST(PasswordProblem, RefusesCommonPasswordsInAnyCase) {
  EXPECT_EQ(problem("123456789"), "password_common");
  EXPECT_EQ(problem("password"), "password_common");
  EXPECT_EQ(problem("Password"), "password_common");
  EXPECT_EQ(problem("PASSWORD"), "password_common");
  EXPECT_EQ(problem("iloveyou"), "password_common");
  EXPECT_EQ(problem("qwertyuiop"), "password_common");
  EXPECT_EQ(problem("AnhYeuEm"), "password_common");
  EXPECT_EQ(problem("matkhau123"), "password_common");
  EXPECT_EQ(problem("Vietnam123"), "password_common");
  EXPECT_EQ(problem("chibo123"), "password_common");
  EXPECT_EQ(problem("123456a@"), "password_common");
  // Exact matches only: a variant that is not itself listed passes.
  EXPECT_EQ(problem("123456789xq"), std::nullopt);
  EXPECT_EQ(problem(" password"), std::nullopt);
}

TEST(PasswordProblem, RefusesTheUsernameInsideThePassword) {
  EXPECT_EQ(password_problem("ha-nguyenvanan-2024", "nguyenvanan"), "password_contains_username");
  EXPECT_EQ(password_problem("NguyenVanAn#2024", "nguyenvanan"), "password_contains_username");
  EXPECT_EQ(password_problem("xyz-nguyenvanan", "NguyenVanAn"), "password_contains_username");
  // Vietnamese letters are lower-cased too.
  EXPECT_EQ(password_problem("ĐẶNGTHỊỸ-bí-mật", "đặngthịỹ"), "password_contains_username");
  // Usernames shorter than 3 code points are not checked.
  EXPECT_EQ(password_problem("an-an-an-an-zq", "an"), std::nullopt);
  EXPECT_EQ(password_problem("zq-abc-zq-xw", "abc"), "password_contains_username");
  EXPECT_EQ(password_problem("zq7wkx4m-plain", ""), std::nullopt);
  EXPECT_EQ(password_problem("zq7wkx4m-plain", "nguyenvanan"), std::nullopt);
}

TEST(PasswordProblem, AcceptsGeneratedOneTimePasswords) {
  for (int i = 0; i < 20; ++i) EXPECT_EQ(problem(random_password()), std::nullopt);
}

TEST(CommonPasswords, ListIsLowerCaseAndEveryEntryIsLongEnough) {
  const std::optional<std::string_view> data = resources::find(kCommonPasswordsPath);
  ASSERT_TRUE(data);
  size_t entries = 0;
  size_t start = 0;
  while (start < data->size()) {
    size_t end = data->find('\n', start);
    if (end == std::string_view::npos) end = data->size();
    const std::string_view line = data->substr(start, end - start);
    start = end + 1;
    if (line.empty() || line.front() == '#') continue;
    ++entries;
    const std::string entry(line);
    EXPECT_EQ(problem(entry), "password_common") << entry;
    EXPECT_TRUE(is_common_password(entry)) << entry;
  }
  EXPECT_GE(entries, 10030u);  // 10,000 from zxcvbn-ts and at least 30 Vietnamese ones
}

}  // namespace
}  // namespace chibo::security
