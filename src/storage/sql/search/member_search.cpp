// Name searches: from the in-memory index when the store keeps one, else in SQL by the plans
// of search_plan.h (the scope member by member, all matching keys, or a broad prefix's page in
// name order, key by key in the order of their bounds, with a lower-bound count).
#include <algorithm>
#include <tuple>

#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/registry/member_repository.h"
#include "storage/sql/search/search_plan.h"
#include "text/fold.h"

namespace chibo::storage {

using app::MemberFilter;

namespace {

constexpr const char* kWordKeys = "k.search_key NOT LIKE '% %'";  // the partial indexes' terms
constexpr const char* kPhraseKeys = "k.search_key LIKE '% %'";

std::string paths_condition(const char* column, const std::vector<OrgPath>& within,
                            Bindings& bindings) {
  std::string condition;
  for (const OrgPath& path : within) {
    condition += (condition.empty() ? "(" : " OR ") + std::string("(") + column +
                 " >= " + bindings.text(path.str()) + " AND " + column + " < " +
                 bindings.text(path.subtree_end()) + ")";
  }
  return condition.empty() ? "1 = 0" : condition + ")";
}

// The filter's limits (subtree, statuses, access) on rows of `alias` (k: keys, m: members).
std::string scope_conditions(const MemberFilter& filter, const std::string& alias,
                             Bindings& bindings) {
  const std::string path = alias + ".org_path";
  std::string where;
  if (filter.subtree) {
    where += " AND " + path + " >= " + bindings.text(filter.subtree->str()) + " AND " + path +
             " < " + bindings.text(filter.subtree->subtree_end());
  }
  if (!filter.statuses.empty())
    where += " AND " + alias + ".status IN " + bindings.text_list(filter.statuses);
  if (!filter.within.empty())
    where += " AND " + paths_condition(path.c_str(), filter.within, bindings);
  if (filter.only_member) {
    where += " AND " + alias + (alias == "k" ? ".member_id = " : ".id = ") +
             bindings.number(filter.only_member->value);
  }
  return where;
}

struct Range {
  std::string low, high;  // placeholders
};

Range range_of(const MemberFilter& filter, Bindings& bindings) {
  return {bindings.text(filter.name_query), bindings.text(text::prefix_end(filter.name_query))};
}

std::string in_range(const std::string& column, const Range& range) {
  return column + " >= " + range.low + " AND " + column + " < " + range.high;
}

// A key row that is its member's first in the range (counts each member once: prev_key).
std::string first_of_run(const Range& range) {
  return "NOT (" + in_range("k.prev_key", range) + ")";
}

const char* direction(const MemberFilter& filter) { return filter.descending ? " DESC" : ""; }

long long count_of(soci::session& session, const std::string& sql, Bindings& bindings) {
  long long total = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(total));
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
  return total;
}

std::vector<RankedMember> ranked(soci::session& session, const std::string& sql,
                                 Bindings& bindings) {
  std::vector<RankedMember> members;
  RankedMember row;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.sort_key));
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (statement.execute(true)) {
    do {
      members.push_back(row);
    } while (statement.fetch());
  }
  return members;
}

std::vector<long long> ids_of(const std::vector<RankedMember>& members) {
  std::vector<long long> ids;
  for (const RankedMember& member : members) ids.push_back(member.id);
  return ids;
}

}  // namespace

std::optional<long long> SqlMemberRepository::scope_members(const MemberFilter& filter) {
  if (filter.only_member) return 1;
  // The stored subtree counts bound the scope: the subtree, or the sum of the access roots.
  auto sum_of = [&](const std::vector<OrgId>& orgs) {
    Bindings bindings;
    std::vector<long long> ids;
    for (const OrgId& org : orgs) ids.push_back(org.value);
    std::string sql = "SELECT COALESCE(SUM(n), 0) FROM org_member_counts WHERE org_id IN " +
                      bindings.number_list(ids);
    if (!filter.statuses.empty()) sql += " AND status IN " + bindings.text_list(filter.statuses);
    return count_of(session_, sql, bindings);
  };
  std::optional<long long> bound;
  if (filter.subtree) bound = sum_of({filter.subtree->leaf()});
  if (!filter.within.empty()) {
    std::vector<OrgId> roots;
    for (const OrgPath& path : filter.within) roots.push_back(path.leaf());
    const long long within = sum_of(roots);
    bound = bound ? std::min(*bound, within) : within;
  }
  return bound;
}

app::MemberPage SqlMemberRepository::page_by_keys(const MemberFilter& filter) {
  app::MemberPage page;
  if (index_) {
    IndexQuery query;
    query.prefix = filter.name_query;
    query.subtree = filter.subtree ? filter.subtree->str() : std::string();
    query.statuses = filter.statuses;
    for (const OrgPath& path : filter.within) query.within.push_back(path.str());
    if (filter.only_member) query.only_id = filter.only_member->value;
    query.descending = filter.descending;
    query.offset = filter.offset;
    query.limit = filter.limit;
    if (std::optional<IndexResult> found = index_->search(query)) {
      page.total = found->total;
      fill_page(found->ids, &found->versions, page);
      return page;
    }
  }
  const SearchLimits& limits = search_limits_;
  const long long wanted = filter.offset + filter.limit;
  const std::string order =
      std::string(" ORDER BY sort_key") + direction(filter) + ", id" + direction(filter);

  const std::optional<long long> scope = scope_members(filter);
  long long probed = 0, lower_bound = 0;
  if (!scope || *scope > limits.scope_first) {
    // The probe: at most probe + 1 key rows of each kind; how many there are, and how many of
    // them are members (first of their run) in the scope.
    Bindings bindings;
    const Range range = range_of(filter, bindings);
    const std::string window = bindings.number(limits.probe + 1);
    const std::string scope_k = scope_conditions(filter, "k", bindings);
    auto part = [&](const char* kind) {
      return "SELECT CASE WHEN " + first_of_run(range) + scope_k +
             " THEN 1 ELSE 0 END AS member FROM member_search_keys k WHERE " +
             in_range("k.search_key", range) + " AND " + kind + " LIMIT " + window;
    };
    const std::string sql =
        "SELECT COUNT(*), COALESCE(SUM(member), 0) "
        "FROM (SELECT * FROM (" +
        part(kWordKeys) +
        ") w UNION ALL "
        "SELECT * FROM (" +
        part(kPhraseKeys) + ") p) probe";
    soci::statement statement(session_);
    statement.exchange(soci::into(probed));
    statement.exchange(soci::into(lower_bound));
    bindings.attach(statement);
    prepare_unnamed(statement, sql);
    statement.execute(true);
  }
  const SearchPlan plan = choose_search_plan(scope, probed, limits);

  if (plan == SearchPlan::kScope) {
    // The scope's members, each matched against its keys (index on member_id, search_key).
    auto matching = [&](Bindings& bindings) {
      const Range range = range_of(filter, bindings);
      return " FROM members m WHERE EXISTS (SELECT 1 FROM member_search_keys k WHERE "
             "k.member_id = m.id AND " +
             in_range("k.search_key", range) + ")" + scope_conditions(filter, "m", bindings);
    };
    Bindings count_bindings;
    page.total = count_of(session_, "SELECT COUNT(*)" + matching(count_bindings), count_bindings);
    if (page.total == 0 || filter.offset >= page.total) return page;
    Bindings bindings;
    const std::string where = matching(bindings);
    const std::string sql = "SELECT m.id, m.sort_key" + where + " ORDER BY m.sort_key" +
                            direction(filter) + ", m.id" + direction(filter) + " LIMIT " +
                            bindings.number(filter.limit) + " OFFSET " +
                            bindings.number(filter.offset);
    fill_page(ids_of(ranked(session_, sql, bindings)), nullptr, page);
    return page;
  }

  // Rows of one kind of key that are their member's first in the range, in the scope.
  auto key_rows = [&](Bindings& bindings, const char* kind) {
    const Range range = range_of(filter, bindings);
    return " FROM member_search_keys k WHERE " + in_range("k.search_key", range) + " AND " + kind +
           " AND " + first_of_run(range) + scope_conditions(filter, "k", bindings);
  };
  auto top_of = [&](const char* kind, long long count) {
    Bindings bindings;
    const std::string sql = "SELECT k.member_id AS id, k.sort_key AS sort_key" +
                            key_rows(bindings, kind) + order + " LIMIT " + bindings.number(count);
    return ranked(session_, sql, bindings);
  };

  if (plan == SearchPlan::kKeys) {
    Bindings count_bindings;
    page.total = count_of(session_,
                          "SELECT (SELECT COUNT(*)" + key_rows(count_bindings, kWordKeys) +
                              ") + (SELECT COUNT(*)" + key_rows(count_bindings, kPhraseKeys) + ")",
                          count_bindings);
    if (page.total == 0 || filter.offset >= page.total) return page;
    fill_page(merge_ranked(top_of(kWordKeys, wanted), top_of(kPhraseKeys, wanted), filter.offset,
                           filter.limit, filter.descending),
              nullptr, page);
    return page;
  }

  // Broad: the count is a lower bound (members seen by the probe); the page is exact. The
  // prefix's keys come in the order of their bounds, a round of them at a time; each key's
  // first matches come in name order from its index; the walk stops at the first key whose
  // bound falls after the page's last member (search_plan.h).
  page.total_exact = false;
  std::vector<RankedMember> top;
  std::string after_bound, after_key;  // where the next round of keys starts
  bool more_keys = true;
  while (more_keys) {
    std::vector<std::pair<std::string, std::string>> keys;  // (key, bound)
    {
      Bindings bindings;
      const Range range = range_of(filter, bindings);
      const std::string bound = filter.descending ? "b.high_sort_key" : "b.low_sort_key";
      const char* beyond = filter.descending ? " < " : " > ";
      std::string sql = "SELECT b.search_key, " + bound + " FROM search_key_bounds b WHERE " +
                        in_range("b.search_key", range);
      if (!after_key.empty()) {
        const std::string last_bound = bindings.text(after_bound);
        sql += " AND (" + bound + beyond + last_bound + " OR (" + bound + " = " + last_bound +
               " AND b.search_key" + beyond + bindings.text(after_key) + "))";
      }
      sql += " ORDER BY " + bound + direction(filter) + ", b.search_key" + direction(filter) +
             " LIMIT " + bindings.number(limits.keys_per_round);
      std::pair<std::string, std::string> row;
      soci::statement statement(session_);
      statement.exchange(soci::into(row.first));
      statement.exchange(soci::into(row.second));
      bindings.attach(statement);
      prepare_unnamed(statement, sql);
      if (statement.execute(true)) {
        do {
          keys.push_back(row);
        } while (statement.fetch());
      }
    }
    more_keys = static_cast<long long>(keys.size()) == limits.keys_per_round;
    for (const auto& [key, bound] : keys) {
      if (!key_may_place(bound, top, wanted, filter.descending)) {
        more_keys = false;
        break;
      }
      Bindings bindings;
      const Range range = range_of(filter, bindings);
      const std::string sql =
          "SELECT k.member_id AS id, k.sort_key AS sort_key FROM member_search_keys k WHERE "
          "k.search_key = " +
          bindings.text(key) + " AND " +
          (key.find(' ') == std::string::npos ? kWordKeys : kPhraseKeys) + " AND " +
          first_of_run(range) + scope_conditions(filter, "k", bindings) + order + " LIMIT " +
          bindings.number(wanted);
      keep_first(top, ranked(session_, sql, bindings), wanted, filter.descending);
    }
    if (!keys.empty()) std::tie(after_key, after_bound) = keys.back();
  }
  fill_page(merge_ranked(std::move(top), {}, filter.offset, filter.limit, filter.descending),
            nullptr, page);
  // At least the members the probe saw, and at least those of this page and before it.
  if (!page.items.empty()) {
    page.total =
        std::max<long long>(lower_bound, filter.offset + static_cast<long long>(page.items.size()));
  } else {
    page.total = lower_bound;
  }
  return page;
}

}  // namespace chibo::storage
