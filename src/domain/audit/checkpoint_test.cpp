#include "domain/audit/checkpoint.h"

#include <gtest/gtest.h>

#include "security/signing.h"

namespace chibo::domain {
namespace {

TEST(AuditCheckpoint, SignsAndParsesBack) {
  const security::KeyPair key = security::new_signing_key();
  const AuditCheckpoint made =
      make_checkpoint(42, std::string(64, 'a'), "2026-11-29T06:00:00.000Z", key.secret_key);
  const std::optional<AuditCheckpoint> parsed = parse_checkpoint(made.line());
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->seq, 42);
  EXPECT_EQ(parsed->hash, std::string(64, 'a'));
  EXPECT_EQ(parsed->public_key, security::to_hex(key.public_key));
  EXPECT_TRUE(checkpoint_signed(*parsed));
}

TEST(AuditCheckpoint, AnyChangeBreaksTheSignature) {
  const security::KeyPair key = security::new_signing_key();
  AuditCheckpoint made =
      make_checkpoint(7, std::string(64, 'b'), "2026-11-29T06:00:00.000Z", key.secret_key);
  AuditCheckpoint moved = made;
  moved.seq = 6;
  EXPECT_FALSE(checkpoint_signed(moved));
  AuditCheckpoint rehashed = made;
  rehashed.hash[0] = 'c';
  EXPECT_FALSE(checkpoint_signed(rehashed));
  // Signed by another key that claims to be this one.
  const security::KeyPair other = security::new_signing_key();
  AuditCheckpoint forged = make_checkpoint(7, made.hash, made.at, other.secret_key);
  forged.public_key = made.public_key;
  EXPECT_FALSE(checkpoint_signed(forged));
}

TEST(AuditCheckpoint, RefusesWhatIsNotACheckpoint) {
  for (const char* line : {"", "chibo-audit-checkpoint v2 seq=1 hash=a at=b key=c sig=d",
                           "chibo-audit-checkpoint v1 seq=x hash=a at=b key=c sig=d",
                           "chibo-audit-checkpoint v1 hash=a seq=1 at=b key=c sig=d",
                           "chibo-audit-checkpoint v1 seq=1 hash=a at=b key=c"}) {
    EXPECT_FALSE(parse_checkpoint(line)) << line;
  }
}

}  // namespace
}  // namespace chibo::domain
