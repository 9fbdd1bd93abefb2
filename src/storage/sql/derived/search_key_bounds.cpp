#include "storage/sql/derived/search_key_bounds.h"

#include "storage/sql/engine/statement.h"

namespace chibo::storage {

void widen_search_key_bounds(soci::session& session, const std::vector<std::string>& keys,
                             const std::string& sort_key) {
  std::string key;
  std::string sort = sort_key;
  // Insert-if-absent, then widen only when needed: on PostgreSQL an UPDATE whose WHERE fails
  // locks nothing, so members sharing a common key ("lan") are not serialized on its row.
  soci::statement insert =
      unnamed_statement(session,
                        "INSERT INTO search_key_bounds (search_key, low_sort_key, high_sort_key) "
                        "VALUES (:key, :low, :high) ON CONFLICT (search_key) DO NOTHING",
                        soci::use(key, "key"), soci::use(sort, "low"), soci::use(sort, "high"));
  soci::statement widen = unnamed_statement(
      session,
      "UPDATE search_key_bounds SET "
      "low_sort_key = CASE WHEN :sort1 < low_sort_key THEN :sort2 ELSE low_sort_key END, "
      "high_sort_key = CASE WHEN :sort3 > high_sort_key THEN :sort4 ELSE high_sort_key END "
      "WHERE search_key = :key AND (low_sort_key > :sort5 OR high_sort_key < :sort6)",
      soci::use(sort, "sort1"), soci::use(sort, "sort2"), soci::use(sort, "sort3"),
      soci::use(sort, "sort4"), soci::use(key, "key"), soci::use(sort, "sort5"),
      soci::use(sort, "sort6"));
  for (const std::string& each : keys) {
    key = each;
    insert.execute(true);
    widen.execute(true);
  }
}

void widen_search_key_bounds(
    soci::session& session,
    const std::map<std::string, std::pair<std::string, std::string>>& bounds) {
  std::string key, low, high;
  soci::statement insert =
      unnamed_statement(session,
                        "INSERT INTO search_key_bounds (search_key, low_sort_key, high_sort_key) "
                        "VALUES (:key, :low, :high) ON CONFLICT (search_key) DO NOTHING",
                        soci::use(key, "key"), soci::use(low, "low"), soci::use(high, "high"));
  soci::statement widen = unnamed_statement(
      session,
      "UPDATE search_key_bounds SET "
      "low_sort_key = CASE WHEN :low1 < low_sort_key THEN :low2 ELSE low_sort_key END, "
      "high_sort_key = CASE WHEN :high1 > high_sort_key THEN :high2 ELSE high_sort_key END "
      "WHERE search_key = :key AND (low_sort_key > :low3 OR high_sort_key < :high3)",
      soci::use(low, "low1"), soci::use(low, "low2"), soci::use(high, "high1"),
      soci::use(high, "high2"), soci::use(key, "key"), soci::use(low, "low3"),
      soci::use(high, "high3"));
  for (const auto& [each, range] : bounds) {
    key = each;
    low = range.first;
    high = range.second;
    insert.execute(true);
    widen.execute(true);
  }
}

void rebuild_search_key_bounds(soci::session& session) {
  session << "DELETE FROM search_key_bounds";
  session << "INSERT INTO search_key_bounds (search_key, low_sort_key, high_sort_key) "
             "SELECT search_key, MIN(sort_key), MAX(sort_key) FROM member_search_keys "
             "GROUP BY search_key";
}

long long search_keys_out_of_bounds(soci::session& session) {
  long long count = 0;
  session << "SELECT COUNT(*) FROM member_search_keys k LEFT JOIN search_key_bounds b ON "
             "b.search_key = k.search_key WHERE b.search_key IS NULL OR k.sort_key < "
             "b.low_sort_key OR k.sort_key > b.high_sort_key",
      soci::into(count);
  return count;
}

}  // namespace chibo::storage
