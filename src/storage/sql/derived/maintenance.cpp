#include "storage/sql/derived/maintenance.h"

#include <spdlog/spdlog.h>

#include <vector>

#include "storage/sql/derived/search_key_bounds.h"
#include "storage/sql/engine/statement.h"
#include "text/collation.h"
#include "text/person_name.h"

namespace chibo::storage {

namespace {

constexpr const char* kCollationKey = "collation_version";

template <class KeyOf>
void rekey(soci::session& session, const std::string& table, const std::string& column,
           KeyOf key_of) {
  std::vector<long long> ids;
  std::vector<std::string> names;
  {
    long long id = 0;
    std::string name;
    soci::statement select = unnamed_statement(session, "SELECT id, " + column + " FROM " + table,
                                               soci::into(id), soci::into(name));
    if (select.execute(true)) {
      do {
        ids.push_back(id);
        names.push_back(name);
      } while (select.fetch());
    }
  }
  long long id = 0;
  std::string key;
  soci::statement update =
      unnamed_statement(session, "UPDATE " + table + " SET sort_key = :key WHERE id = :id",
                        soci::use(key, "key"), soci::use(id, "id"));
  for (size_t index = 0; index < ids.size(); ++index) {
    id = ids[index];
    key = key_of(names[index]);
    update.execute(true);
  }
}

}  // namespace

void recompute_sort_keys(soci::session& session) {
  rekey(session, "organizations", "name",
        [](const std::string& name) { return text::sort_key_hex(name); });
  rekey(session, "members", "full_name",
        [](const std::string& name) { return text::name_sort_key(name); });
  session << "UPDATE member_search_keys SET sort_key = (SELECT m.sort_key FROM members m WHERE "
             "m.id = member_id)";
  rebuild_search_key_bounds(session);
}

Status refresh_sort_keys_if_needed(soci::session& session, Engine engine) {
  std::string stored;
  soci::indicator indicator = soci::i_null;
  std::string key = kCollationKey;
  session << "SELECT value FROM meta WHERE key = :key", soci::use(key, "key"),
      soci::into(stored, indicator);
  std::string running = text::collation_version();
  const bool known = session.got_data() && indicator == soci::i_ok;
  if (known && stored == running) return Ok();
  session << begin_write_sql(engine);
  try {
    // Processes starting together: one records the version, the others then find it (SQLite's
    // BEGIN IMMEDIATE already serializes them).
    if (engine == Engine::kPostgres) {
      session << "SELECT pg_advisory_xact_lock(7236348295512580612)";
      indicator = soci::i_null;
      session << "SELECT value FROM meta WHERE key = :key", soci::use(key, "key"),
          soci::into(stored, indicator);
      if (session.got_data() && indicator == soci::i_ok && stored == running) {
        session << "COMMIT";
        return Ok();
      }
    }
    if (known) {
      spdlog::warn("ICU collation changed ({} -> {}): recomputing sort keys", stored, running);
      recompute_sort_keys(session);
    }
    session << "DELETE FROM meta WHERE key = :key", soci::use(key, "key");
    session << "INSERT INTO meta (key, value) VALUES (:key, :value)", soci::use(key, "key"),
        soci::use(running, "value");
    session << "COMMIT";
  } catch (...) {
    session << "ROLLBACK";
    throw;
  }
  return Ok();
}

}  // namespace chibo::storage
