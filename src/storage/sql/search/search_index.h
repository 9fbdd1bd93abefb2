// An in-memory copy of member_search_keys for the embedded (SQLite, one process) deployment:
// a name search, its exact count and its page in Vietnamese order come from sorted arrays in
// microseconds instead of index scans per request. The database stays the source of truth:
// the store rebuilds or patches the index after each committed write, under its lock.
//
// Thread safety: search() may run on many threads at once; replace()/rebuild() take the
// exclusive lock. Invariant: entries_ is sorted by (key, slot) and holds exactly the keys of
// the members in slots_ (members are never deleted, only their status changes).
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace chibo::storage {

struct IndexedMember {
  long long id = 0;
  long long version = 0;  // the record's version, to validate cached copies
  std::string org_path;
  std::string status;
  std::string sort_key;
  std::vector<std::string> keys;  // folded word suffixes, as in member_search_keys
};

struct IndexQuery {
  std::string prefix;                 // folded, non-empty
  std::string subtree;                // org path prefix, "" = everywhere
  std::vector<std::string> statuses;  // empty = any
  // Access limits: only under one of these path prefixes (empty: no limit), only this member.
  std::vector<std::string> within;
  std::optional<long long> only_id;
  bool descending = false;
  long long offset = 0;
  int limit = 20;
};

struct IndexResult {
  long long total = 0;
  std::vector<long long> ids;       // the page, in name order
  std::vector<long long> versions;  // their record versions
};

// Above this many members the index would cost gigabytes of memory; the store then answers
// searches with SQL alone.
inline constexpr long long kMaxIndexedMembers = 2'000'000;

class MemberSearchIndex {
 public:
  // nullopt while the index is disabled (too many members): callers then ask SQL.
  std::optional<IndexResult> search(const IndexQuery& query) const;

  // Replaces everything (start-up, after bulk loads and subtree moves).
  void rebuild(std::vector<IndexedMember> members);
  // Drops the contents and answers nullopt until the next rebuild.
  void disable();
  // Inserts or replaces one member each (after ordinary writes).
  void replace(std::vector<IndexedMember> members);

  size_t member_count() const;
  bool enabled() const;
  size_t key_count() const;

 private:
  struct Slot {
    long long id = 0;
    long long version = 0;
    std::string org_path;
    std::string status;
    std::string sort_key;
  };
  struct Entry {
    std::string key;
    uint32_t slot;
  };
  void insert_keys(uint32_t slot, const std::vector<std::string>& keys);
  // The first 8 bytes of a hex sort key as a number: comparing these (one cache line holds 8
  // members) settles almost every comparison without touching the strings.
  static uint64_t sort_prefix(const std::string& hex_key);

  mutable std::shared_mutex mutex_;
  bool enabled_ = false;
  std::vector<Slot> slots_;
  std::vector<uint64_t> prefixes_;  // sort_prefix(slots_[i].sort_key)
  std::unordered_map<long long, uint32_t> slot_of_;
  std::vector<Entry> entries_;
};

}  // namespace chibo::storage
