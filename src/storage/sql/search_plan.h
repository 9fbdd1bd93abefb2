// How a name search is answered in SQL when no in-memory index holds the members (PostgreSQL,
// and SQLite above two million members). The pure parts, tested apart from any database.
//
// A prefix of a name word ("nguyen", "khanh", "nguyen thi o") matches rows of
// member_search_keys, split by two partial indexes: one-word keys (a name's last word, the
// given name, or a one-word name) ordered by (key, sort key), and phrase keys ("thi oanh",
// "nguyen thi oanh") with the prev_key column that counts each member once. The plans:
//  - kScope: the searcher's scope (a cell, a commune) is small: its members are read and
//    matched one by one. Exact count, exact page; cost follows the scope's size.
//  - kKeys: the prefix matches few key rows (a probe reads at most `probe` of them): every
//    match is read, counted and sorted. Exact count, exact page.
//  - kBroad: the prefix is common ("nguyen": 2.2 million of 5.6 million members). No count
//    is exact in bounded time, so the reply gives a lower bound and says so (total_exact =
//    false). The page is still exact, in name order: matches of one-word keys come in name
//    order from their index, word by word, merged; matches of phrase keys come from a walk
//    of the members in name order, which finds them quickly because phrase matches (family
//    and middle names) are spread over name order (which starts with the given name), or,
//    when they are few, from their own index range.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace chibo::storage {

struct SearchLimits {
  long long scope_first = 10000;    // a scope of at most this many members is read member by member
  long long probe = 5000;           // key rows read to tell a narrow prefix from a broad one
  long long walk_per_result = 200;  // members walked in name order per result wanted ...
  long long walk_max = 20000;       // ... at most
  long long max_words = 100;        // one-word keys merged word by word, at most this many words
};

enum class SearchPlan { kScope, kKeys, kBroad };

// `scope_members`: the members the search may return at most (from the subtree counts), or
// nullopt when it is not limited. `probed_rows`: key rows of the prefix found by the probe
// (it stops after limits.probe + 1).
SearchPlan choose_search_plan(std::optional<long long> scope_members, long long probed_rows,
                              const SearchLimits& limits);

// Members to walk in name order for a page ending at `wanted` results.
long long walk_budget(long long wanted, const SearchLimits& limits);

struct RankedMember {
  std::string sort_key;
  long long id = 0;
};

// The page [offset, offset + limit) of the union of `a` and `b`, each the first matches of its
// kind in name order (ascending, or descending), a member possibly in both.
std::vector<long long> merge_ranked(std::vector<RankedMember> a, const std::vector<RankedMember>& b,
                                    long long offset, long long limit, bool descending);

}  // namespace chibo::storage
