#include "storage/sql/search/search_index.h"

#include <algorithm>
#include <mutex>

#include "text/fold.h"

namespace chibo::storage {

namespace {

bool entry_less(const std::string& key, uint32_t slot, const std::string& other_key,
                uint32_t other_slot) {
  const int compared = key.compare(other_key);
  return compared < 0 || (compared == 0 && slot < other_slot);
}

}  // namespace

std::optional<IndexResult> MemberSearchIndex::search(const IndexQuery& query) const {
  std::shared_lock lock(mutex_);
  if (!enabled_) return std::nullopt;
  IndexResult result;
  const std::string end = text::prefix_end(query.prefix);
  auto first =
      std::lower_bound(entries_.begin(), entries_.end(), query.prefix,
                       [](const Entry& entry, const std::string& key) { return entry.key < key; });
  // A member matches once however many of its keys share the prefix: remember who was seen.
  thread_local std::vector<uint32_t> seen_stamp;
  thread_local uint32_t stamp = 0;
  if (seen_stamp.size() < slots_.size()) seen_stamp.resize(slots_.size(), 0);
  if (++stamp == 0) {
    std::fill(seen_stamp.begin(), seen_stamp.end(), 0);
    stamp = 1;
  }
  // The page: the best (offset + limit) matches by name order, kept in a heap.
  const size_t wanted =
      static_cast<size_t>(std::max<long long>(0, query.offset) + std::max(0, query.limit));
  auto better = [&](uint32_t a, uint32_t b) {
    if (prefixes_[a] != prefixes_[b])
      return query.descending ? prefixes_[a] > prefixes_[b] : prefixes_[a] < prefixes_[b];
    const int compared = slots_[a].sort_key.compare(slots_[b].sort_key);
    if (compared != 0) return query.descending ? compared > 0 : compared < 0;
    return query.descending ? slots_[a].id > slots_[b].id : slots_[a].id < slots_[b].id;
  };
  std::vector<uint32_t> heap;  // max-heap under `better`: the worst kept match on top
  heap.reserve(std::min<size_t>(wanted, 4096));
  const auto last =
      std::lower_bound(first, entries_.end(), end,
                       [](const Entry& entry, const std::string& key) { return entry.key < key; });
  for (auto it = first; it != last; ++it) {
    const uint32_t slot = it->slot;
    if (seen_stamp[slot] == stamp) continue;
    seen_stamp[slot] = stamp;
    const Slot& member = slots_[slot];
    if (!query.subtree.empty() &&
        member.org_path.compare(0, query.subtree.size(), query.subtree) != 0)
      continue;
    if (!query.within.empty() &&
        std::none_of(query.within.begin(), query.within.end(), [&](const std::string& path) {
          return member.org_path.compare(0, path.size(), path) == 0;
        })) {
      continue;
    }
    if (query.only_id && member.id != *query.only_id) continue;
    if (!query.statuses.empty() && std::find(query.statuses.begin(), query.statuses.end(),
                                             member.status) == query.statuses.end()) {
      continue;
    }
    ++result.total;
    if (wanted == 0) continue;
    if (heap.size() < wanted) {
      heap.push_back(slot);
      std::push_heap(heap.begin(), heap.end(), better);
    } else if (better(slot, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.back() = slot;
      std::push_heap(heap.begin(), heap.end(), better);
    }
  }
  std::sort_heap(heap.begin(), heap.end(), better);
  for (size_t index = static_cast<size_t>(std::max<long long>(0, query.offset));
       index < heap.size(); ++index) {
    result.ids.push_back(slots_[heap[index]].id);
    result.versions.push_back(slots_[heap[index]].version);
  }
  return result;
}

uint64_t MemberSearchIndex::sort_prefix(const std::string& hex_key) {
  uint64_t prefix = 0;
  for (size_t index = 0; index < 16; ++index) {
    const char c = index < hex_key.size() ? hex_key[index] : '0';
    const uint64_t nibble =
        c >= 'a' ? static_cast<uint64_t>(c - 'a' + 10) : static_cast<uint64_t>(c - '0');
    prefix = (prefix << 4) | nibble;
  }
  return prefix;
}

void MemberSearchIndex::insert_keys(uint32_t slot, const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    auto at = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [slot](const Entry& entry, const std::string& k) {
                                 return entry_less(entry.key, entry.slot, k, slot);
                               });
    entries_.insert(at, Entry{key, slot});
  }
}

void MemberSearchIndex::rebuild(std::vector<IndexedMember> members) {
  std::vector<Slot> slots;
  std::unordered_map<long long, uint32_t> slot_of;
  std::vector<Entry> entries;
  slots.reserve(members.size());
  slot_of.reserve(members.size());
  for (IndexedMember& member : members) {
    const auto slot = static_cast<uint32_t>(slots.size());
    slot_of[member.id] = slot;
    for (std::string& key : member.keys) entries.push_back({std::move(key), slot});
    slots.push_back({member.id, member.version, std::move(member.org_path),
                     std::move(member.status), std::move(member.sort_key)});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return entry_less(a.key, a.slot, b.key, b.slot);
  });
  std::vector<uint64_t> prefixes;
  prefixes.reserve(slots.size());
  for (const Slot& slot : slots) prefixes.push_back(sort_prefix(slot.sort_key));
  std::unique_lock lock(mutex_);
  slots_ = std::move(slots);
  prefixes_ = std::move(prefixes);
  slot_of_ = std::move(slot_of);
  entries_ = std::move(entries);
  enabled_ = true;
}

void MemberSearchIndex::disable() {
  std::unique_lock lock(mutex_);
  enabled_ = false;
  slots_.clear();
  prefixes_.clear();
  slot_of_.clear();
  entries_.clear();
}

void MemberSearchIndex::replace(std::vector<IndexedMember> members) {
  std::unique_lock lock(mutex_);
  if (!enabled_) return;
  for (IndexedMember& member : members) {
    auto found = slot_of_.find(member.id);
    uint32_t slot = 0;
    if (found == slot_of_.end()) {
      slot = static_cast<uint32_t>(slots_.size());
      slots_.push_back({});
      prefixes_.push_back(0);
      slot_of_[member.id] = slot;
    } else {
      slot = found->second;
      entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                    [slot](const Entry& entry) { return entry.slot == slot; }),
                     entries_.end());
    }
    prefixes_[slot] = sort_prefix(member.sort_key);
    slots_[slot] = {member.id, member.version, std::move(member.org_path), std::move(member.status),
                    std::move(member.sort_key)};
    insert_keys(slot, member.keys);
  }
}

size_t MemberSearchIndex::member_count() const {
  std::shared_lock lock(mutex_);
  return slot_of_.size();
}

bool MemberSearchIndex::enabled() const {
  std::shared_lock lock(mutex_);
  return enabled_;
}

size_t MemberSearchIndex::key_count() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace chibo::storage
