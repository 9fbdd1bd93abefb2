#include "storage/sql/directives/directive_search.h"

#include <string>
#include <vector>

#include "domain/directives/directive_rules.h"

namespace chibo::storage {

long long fold_directive_search_if_needed(soci::session& session, Engine engine) {
  long long pending = 0;
  session << "SELECT COUNT(*) FROM directives WHERE search_text IS NULL", soci::into(pending);
  if (pending == 0) return 0;
  session << begin_write_sql(engine);
  long long folded = 0;
  try {
    std::vector<long long> ids;
    std::vector<std::string> keys;
    {
      long long id = 0;
      std::string title, number;
      soci::indicator number_null = soci::i_ok;
      soci::statement select =
          (session.prepare << "SELECT id, title, number_symbol FROM directives WHERE "
                              "search_text IS NULL",
           soci::into(id), soci::into(title), soci::into(number, number_null));
      select.execute();
      while (select.fetch()) {
        ids.push_back(id);
        keys.push_back(
            domain::directive_search_text(title, number_null == soci::i_ok ? number : ""));
      }
    }
    long long id = 0;
    std::string key;
    soci::statement update =
        (session.prepare << "UPDATE directives SET search_text = :key WHERE id = :id",
         soci::use(key, "key"), soci::use(id, "id"));
    for (size_t i = 0; i < ids.size(); ++i) {
      id = ids[i];
      key = keys[i].empty() ? " " : keys[i];
      update.execute(true);
      ++folded;
    }
    session << "COMMIT";
  } catch (...) {
    session << "ROLLBACK";
    throw;
  }
  return folded;
}

}  // namespace chibo::storage
