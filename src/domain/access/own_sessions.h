// A user's own sessions (ASVS 7.5.2): which are shown to them, and which a request to end some
// of them ends. Pure decisions over public ids and instants; the use cases are app/own_sessions.h.
#pragma once

#include <string>
#include <vector>

#include "domain/access/session_policy.h"

namespace chibo::domain {

// Shown to its user: a session that still admits requests (not ended, not idle, not past its
// lifetime). The others are over already, whether or not anything marked them ended.
bool session_listed(const SessionTimes& session, int64_t now, const SessionPolicy& policy);

// Whether `a` comes before `b` in the list: the most recent activity first, then the most recent
// sign-in.
bool listed_before(const SessionTimes& a, const SessionTimes& b);

// Exactly one target: a session by its public id, or every other session (`others`).
bool names_one_target(const std::string& id, bool others);

enum class EndOutcome {
  kEnd,             // end `ids` (none when no other session is open)
  kNeedsOneTarget,  // neither or both of id and others
  kUnknown,         // the id is none of the user's open sessions: another user's, over, or made up
  kCurrent,         // the id is the session making the request: that is a logout
};

struct SessionsToEnd {
  EndOutcome outcome = EndOutcome::kEnd;
  std::vector<std::string> ids;
};

// What ending `id` or `others` ends among `open_ids` (the public ids of the user's listed
// sessions, `current_id` among them). An unknown id and another user's are answered alike, so
// nobody learns whether a session exists elsewhere.
SessionsToEnd sessions_to_end(const std::string& id, bool others,
                              const std::vector<std::string>& open_ids,
                              const std::string& current_id);

}  // namespace chibo::domain
