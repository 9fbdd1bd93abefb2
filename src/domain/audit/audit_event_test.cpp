#include "domain/audit/audit_event.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

std::vector<AuditEvent> chain(int count) {
  std::vector<AuditEvent> events;
  std::string previous = kGenesisHash;
  for (int index = 1; index <= count; ++index) {
    AuditEvent event;
    event.seq = index;
    event.at = "2026-11-29T05:00:0" + std::to_string(index) + "Z";
    event.actor_id = 3;
    event.actor = "vanphong";
    event.action = "member.update";
    event.object_type = "member";
    event.object_id = std::to_string(100 + index);
    event.record_class = "ordinary";
    event.outcome = "ok";
    event.details = R"({"phone":["a","b"]})";
    event.prev_hash = previous;
    event.hash = chain_hash(event);
    previous = event.hash;
    events.push_back(event);
  }
  return events;
}

TEST(AuditChain, AnIntactChainVerifies) {
  const auto events = chain(5);
  EXPECT_FALSE(first_broken(events, 0, kGenesisHash));
  EXPECT_EQ(events[0].hash.size(), 64u);
  // A later stretch verifies from the hash before it.
  EXPECT_FALSE(first_broken({events.begin() + 2, events.end()}, 2, events[1].hash));
}

TEST(AuditChain, AnyAlterationNamesTheFirstBrokenEvent) {
  auto altered = chain(5);
  altered[2].details = R"({"phone":["a","c"]})";
  EXPECT_EQ(first_broken(altered, 0, kGenesisHash), 3);
  auto removed = chain(5);
  removed.erase(removed.begin() + 1);
  EXPECT_EQ(first_broken(removed, 0, kGenesisHash), 2);
  auto swapped = chain(5);
  std::swap(swapped[3], swapped[4]);
  EXPECT_EQ(first_broken(swapped, 0, kGenesisHash), 4);
  auto rehashed = chain(5);  // an altered event re-hashed on its own still breaks the next one
  rehashed[1].actor = "someone";
  rehashed[1].hash = chain_hash(rehashed[1]);
  EXPECT_EQ(first_broken(rehashed, 0, kGenesisHash), 3);
}

TEST(AuditChain, CanonicalFormIsUnambiguous) {
  AuditEvent a;
  a.actor = "ab";
  a.action = "c";
  AuditEvent b;
  b.actor = "a";
  b.action = "bc";
  EXPECT_NE(canonical_event(a), canonical_event(b));
  EXPECT_EQ(hashed_value(""), "");
  EXPECT_EQ(hashed_value("001080012345").rfind("sha256:", 0), 0u);
  EXPECT_NE(hashed_value("001080012345"), hashed_value("001080012346"));
}

}  // namespace
}  // namespace chibo::domain
