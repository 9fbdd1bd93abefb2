#include "storage/sql/search/search_index_loader.h"

#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

std::vector<IndexedMember> load_indexed_members(soci::session& session,
                                                const std::vector<long long>* ids) {
  std::vector<IndexedMember> members;
  Bindings bindings;
  std::string sql =
      "SELECT k.member_id, k.search_key, k.org_path, k.status, k.sort_key, m.version "
      "FROM member_search_keys k JOIN members m ON m.id = k.member_id";
  if (ids) sql += " WHERE k.member_id IN " + bindings.number_list(*ids);
  sql += " ORDER BY k.member_id, k.search_key";
  long long id = 0;
  long long version = 0;
  std::string key, path, status, sort_key;
  soci::statement statement(session);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(key));
  statement.exchange(soci::into(path));
  statement.exchange(soci::into(status));
  statement.exchange(soci::into(sort_key));
  statement.exchange(soci::into(version));
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (statement.execute(true)) {
    do {
      if (members.empty() || members.back().id != id) {
        members.push_back({id, version, path, status, sort_key, {}});
      }
      members.back().keys.push_back(key);
    } while (statement.fetch());
  }
  return members;
}

long long member_total(soci::session& session) {
  long long total = 0;
  session << "SELECT COUNT(*) FROM members", soci::into(total);
  return total;
}

}  // namespace chibo::storage
