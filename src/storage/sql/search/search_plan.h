// How a name search is answered in SQL when no in-memory index holds the members (PostgreSQL,
// and SQLite above two million members). The pure parts, tested apart from any database.
//
// A prefix of a name word ("nguyen", "khanh", "nguyen thi o") matches rows of
// member_search_keys, split by two partial indexes, both in name order within a key: one-word
// keys (a name's last word, the given name, or a one-word name) and phrase keys ("thi oanh",
// "nguyen thi oanh"); the prev_key column counts each member once. The plans:
//  - kScope: the searcher's scope (a cell, a commune) is small: its members are read and
//    matched one by one. Exact count, exact page; cost follows the scope's size.
//  - kKeys: the prefix matches few key rows (a probe reads at most `probe` of them): every
//    match is read, counted and sorted. Exact count, exact page.
//  - kBroad: the prefix is common ("nguyen": 2.2 million of 5.6 million members). No count
//    is exact in bounded time, so the reply gives a lower bound and says so (total_exact =
//    false). The page is still exact, in name order: the prefix's keys are read in the order
//    of their lowest (descending: highest) member sort key (search_key_bounds.h), each key's
//    first matches in name order from its index, until the next key's bound falls after the
//    page's last member. Name order starts with the given name, so one or two keys usually
//    fill the page ("nguyen thi anh" for "nguyen thi").
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace chibo::storage {

struct SearchLimits {
  long long scope_first = 10000;  // a scope of at most this many members is read member by member
  long long probe = 5000;         // key rows read to tell a narrow prefix from a broad one
  long long keys_per_round = 16;  // broad: keys fetched (in bound order) per round trip
};

enum class SearchPlan { kScope, kKeys, kBroad };

// `scope_members`: the members the search may return at most (from the subtree counts), or
// nullopt when it is not limited. `probed_rows`: key rows of the prefix found by the probe
// (it stops after limits.probe + 1).
SearchPlan choose_search_plan(std::optional<long long> scope_members, long long probed_rows,
                              const SearchLimits& limits);

struct RankedMember {
  std::string sort_key;
  long long id = 0;
};

// The page [offset, offset + limit) of the union of `a` and `b`, each the first matches of its
// kind in name order (ascending, or descending), a member possibly in both.
std::vector<long long> merge_ranked(std::vector<RankedMember> a, const std::vector<RankedMember>& b,
                                    long long offset, long long limit, bool descending);

// Broad plan: whether a key whose members' sort keys start at `bound` (their lowest; descending,
// their highest) may still place a member among the first `wanted`, `top` being the best found.
bool key_may_place(const std::string& bound, const std::vector<RankedMember>& top, long long wanted,
                   bool descending);

// Keeps in `top` the first `wanted` of `top` and `more` in name order, no member twice.
void keep_first(std::vector<RankedMember>& top, const std::vector<RankedMember>& more,
                long long wanted, bool descending);

}  // namespace chibo::storage
