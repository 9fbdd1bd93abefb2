// The signed-in user's inbox (issue 13): notifications the jobs wrote for them (reminders,
// overdue, escalations). A user sees and marks only their own; no permission is needed for
// that. Marking is audited.
#pragma once

#include <vector>

#include "app/context.h"

namespace chibo::app {

struct InboxPage {
  std::vector<Notification> items;
  int64_t total = 0;   // matching the query
  int64_t unread = 0;  // in the whole inbox
};

struct InboxRequest {
  bool unread_only = false;
  bool unread_first = true;  // false: newest first
  int64_t offset = 0;
  int limit = 50;
};

Result<InboxPage> list_inbox(Context& ctx, InboxRequest request);
// One indexed count: the header polls it.
Result<int64_t> inbox_unread_count(Context& ctx);
// not_found when the notification is not the actor's. Already read: returned as it is.
Result<Notification> mark_notification_read(Context& ctx, int64_t id);
// How many were marked.
Result<int64_t> mark_inbox_read(Context& ctx);

}  // namespace chibo::app
