#include "storage/sql/search_index_loader.h"

#include "storage/sql/bindings.h"

namespace chibo::storage {

std::vector<IndexedMember> load_indexed_members(soci::session& session,
                                                const std::vector<long long>* ids) {
  std::vector<IndexedMember> members;
  Bindings bindings;
  std::string sql =
      "SELECT member_id, search_key, org_path, status, sort_key FROM member_search_keys";
  if (ids) sql += " WHERE member_id IN " + bindings.number_list(*ids);
  sql += " ORDER BY member_id, search_key";
  long long id = 0;
  std::string key, path, status, sort_key;
  soci::statement statement(session);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(key));
  statement.exchange(soci::into(path));
  statement.exchange(soci::into(status));
  statement.exchange(soci::into(sort_key));
  bindings.attach(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  if (statement.execute(true)) {
    do {
      if (members.empty() || members.back().id != id)
        members.push_back({id, path, status, sort_key, {}});
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
