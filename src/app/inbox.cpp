#include "app/inbox.h"

namespace chibo::app {

namespace {

// The inbox belongs to a signed-in user: the operator's commands have none.
Result<int64_t> inbox_owner(const Context& ctx) {
  if (ctx.actor.principal.user_id <= 0) return Error::not_found("inbox");
  return ctx.actor.principal.user_id;
}

}  // namespace

Result<InboxPage> list_inbox(Context& ctx, InboxRequest request) {
  Result<int64_t> user = inbox_owner(ctx);
  if (!user) return std::move(user).error();
  InboxQuery query;
  query.user_id = *user;
  query.unread_only = request.unread_only;
  query.unread_first = request.unread_first;
  query.offset = request.offset;
  query.limit = request.limit;
  InboxPage page;
  page.items = ctx.tx.inbox().page(query);
  page.unread = ctx.tx.inbox().count(*user, true);
  page.total = request.unread_only ? page.unread : ctx.tx.inbox().count(*user, false);
  return page;
}

Result<int64_t> inbox_unread_count(Context& ctx) {
  Result<int64_t> user = inbox_owner(ctx);
  if (!user) return std::move(user).error();
  return ctx.tx.inbox().count(*user, true);
}

Result<Notification> mark_notification_read(Context& ctx, int64_t id) {
  Result<int64_t> user = inbox_owner(ctx);
  if (!user) return std::move(user).error();
  std::optional<Notification> found = ctx.tx.inbox().find(id);
  // Another user's notification is not there for this one (404, not 403).
  if (!found || found->user_id != *user) return Error::not_found("notification");
  if (found->read_at.empty()) {
    const std::string now = ctx.now();
    if (ctx.tx.inbox().mark_read(id, *user, now)) {
      found->read_at = now;
      ctx.audit(
          AuditEntry::about("notification.read", "notification", id).with("kind", found->kind));
    }
  }
  return *found;
}

Result<int64_t> mark_inbox_read(Context& ctx) {
  Result<int64_t> user = inbox_owner(ctx);
  if (!user) return std::move(user).error();
  const int64_t marked = ctx.tx.inbox().mark_all_read(*user, ctx.now());
  if (marked > 0) {
    ctx.audit(AuditEntry::about("notification.read_all", "user", *user).with("marked", marked));
  }
  return marked;
}

}  // namespace chibo::app
