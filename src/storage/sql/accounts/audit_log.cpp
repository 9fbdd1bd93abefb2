#include "storage/sql/accounts/audit_log.h"

#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

constexpr const char* kAuditColumns =
    "seq, at, actor_id, actor, session_hash, request_id, address, action, object_type, object_id, "
    "object_path, "
    "record_class, outcome, details, prev_hash, hash";

soci::indicator null_if_empty(const std::string& text) {
  return text.empty() ? soci::i_null : soci::i_ok;
}

}  // namespace

void SqlAuditLog::append(domain::AuditEvent& event) {
  // Taking the head row first orders concurrent writers (PostgreSQL locks it; SQLite has one
  // writer), so seq has no gaps and each event chains to the one before.
  session_ << "UPDATE audit_head SET seq = seq + 1 WHERE id = 1";
  long long seq = 0;
  std::string previous;
  session_ << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq),
      soci::into(previous);
  event.seq = seq;
  event.prev_hash = previous;
  event.hash = domain::chain_hash(event);
  long long actor_id = event.actor_id;
  soci::indicator actor_ind = event.actor_id > 0 ? soci::i_ok : soci::i_null;
  soci::indicator session_ind = null_if_empty(event.session_hash);
  soci::indicator request_ind = null_if_empty(event.request_id);
  soci::indicator address_ind = null_if_empty(event.address);
  soci::indicator object_ind = null_if_empty(event.object_id);
  soci::indicator path_ind = null_if_empty(event.object_path);
  session_ << "INSERT INTO audit_events (seq, at, actor_id, actor, session_hash, request_id, "
              "address, action, "
              "object_type, object_id, object_path, record_class, outcome, details, prev_hash, "
              "hash) VALUES (:seq, "
              ":at, :actor_id, :actor, :session, :request, :address, :action, :type, :object, "
              ":path, :class, "
              ":outcome, :details, :prev, :hash)",
      soci::use(seq, "seq"), soci::use(event.at, "at"), soci::use(actor_id, actor_ind, "actor_id"),
      soci::use(event.actor, "actor"), soci::use(event.session_hash, session_ind, "session"),
      soci::use(event.request_id, request_ind, "request"),
      soci::use(event.address, address_ind, "address"), soci::use(event.action, "action"),
      soci::use(event.object_type, "type"), soci::use(event.object_id, object_ind, "object"),
      soci::use(event.object_path, path_ind, "path"), soci::use(event.record_class, "class"),
      soci::use(event.outcome, "outcome"), soci::use(event.details, "details"),
      soci::use(event.prev_hash, "prev"), soci::use(event.hash, "hash");
  session_ << "UPDATE audit_head SET hash = :hash WHERE id = 1", soci::use(event.hash, "hash");
}

std::vector<domain::AuditEvent> SqlAuditLog::select(const std::string& where_order_limit,
                                                    Bindings& bindings) {
  std::vector<domain::AuditEvent> events;
  domain::AuditEvent row;
  long long seq = 0, actor_id = 0;
  soci::indicator actor_ind{}, session_ind{}, request_ind{}, address_ind{}, object_ind{},
      path_ind{};
  soci::statement statement(session_);
  statement.exchange(soci::into(seq));
  statement.exchange(soci::into(row.at));
  statement.exchange(soci::into(actor_id, actor_ind));
  statement.exchange(soci::into(row.actor));
  statement.exchange(soci::into(row.session_hash, session_ind));
  statement.exchange(soci::into(row.request_id, request_ind));
  statement.exchange(soci::into(row.address, address_ind));
  statement.exchange(soci::into(row.action));
  statement.exchange(soci::into(row.object_type));
  statement.exchange(soci::into(row.object_id, object_ind));
  statement.exchange(soci::into(row.object_path, path_ind));
  statement.exchange(soci::into(row.record_class));
  statement.exchange(soci::into(row.outcome));
  statement.exchange(soci::into(row.details));
  statement.exchange(soci::into(row.prev_hash));
  statement.exchange(soci::into(row.hash));
  bindings.attach(statement);
  prepare_unnamed(
      statement, std::string("SELECT ") + kAuditColumns + " FROM audit_events" + where_order_limit);
  if (statement.execute(true)) {
    do {
      domain::AuditEvent event = row;
      event.seq = seq;
      event.actor_id = actor_ind == soci::i_ok ? actor_id : 0;
      if (session_ind != soci::i_ok) event.session_hash.clear();
      if (request_ind != soci::i_ok) event.request_id.clear();
      if (address_ind != soci::i_ok) event.address.clear();
      if (object_ind != soci::i_ok) event.object_id.clear();
      if (path_ind != soci::i_ok) event.object_path.clear();
      events.push_back(std::move(event));
    } while (statement.fetch());
  }
  return events;
}

std::vector<domain::AuditEvent> SqlAuditLog::list(const app::AuditFilter& filter) {
  Bindings bindings;
  std::string where = " WHERE 1 = 1";
  if (filter.actor_id) where += " AND actor_id = " + bindings.number(*filter.actor_id);
  if (!filter.object_type.empty())
    where += " AND object_type = " + bindings.text(filter.object_type);
  if (!filter.object_id.empty()) where += " AND object_id = " + bindings.text(filter.object_id);
  if (!filter.action.empty()) where += " AND action = " + bindings.text(filter.action);
  if (!filter.from.empty()) where += " AND at >= " + bindings.text(filter.from);
  if (!filter.to.empty()) where += " AND at <= " + bindings.text(filter.to);
  if (filter.before_seq > 0) where += " AND seq < " + bindings.number(filter.before_seq);
  if (!filter.everything) {
    // Events about organizations the reader may see (by path), and their own actions.
    std::string scope;
    for (const std::string& path : filter.within) {
      std::string end = path;
      end.back() = '0';
      scope += (scope.empty() ? "" : " OR ") + std::string("(object_path >= ") +
               bindings.text(path) + " AND object_path < " + bindings.text(end) + ")";
    }
    where += scope.empty() ? " AND 1 = 0" : " AND (" + scope + ")";
  }
  where += " ORDER BY seq DESC LIMIT " + bindings.number(filter.limit);
  return select(where, bindings);
}

std::pair<int64_t, std::string> SqlAuditLog::head() {
  long long seq = 0;
  std::string hash;
  session_ << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(hash);
  return {seq, hash};
}

std::vector<domain::AuditEvent> SqlAuditLog::range(int64_t after_seq, int64_t limit) {
  Bindings bindings;
  return select(" WHERE seq > " + bindings.number(after_seq) + " ORDER BY seq LIMIT " +
                    bindings.number(limit),
                bindings);
}

}  // namespace chibo::storage
