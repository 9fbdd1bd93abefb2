#include "domain/access/own_sessions.h"

#include <algorithm>

namespace chibo::domain {

bool session_listed(const SessionTimes& session, int64_t now, const SessionPolicy& policy) {
  return session_state(session, now, policy) == SessionState::kActive;
}

bool listed_before(const SessionTimes& a, const SessionTimes& b) {
  if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
  return a.created > b.created;
}

bool names_one_target(const std::string& id, bool others) { return id.empty() == others; }

SessionsToEnd sessions_to_end(const std::string& id, bool others,
                              const std::vector<std::string>& open_ids,
                              const std::string& current_id) {
  SessionsToEnd result;
  if (!names_one_target(id, others)) {
    result.outcome = EndOutcome::kNeedsOneTarget;
    return result;
  }
  if (others) {
    for (const std::string& open : open_ids) {
      if (open != current_id) result.ids.push_back(open);
    }
    return result;
  }
  if (std::find(open_ids.begin(), open_ids.end(), id) == open_ids.end()) {
    result.outcome = EndOutcome::kUnknown;
  } else if (id == current_id) {
    result.outcome = EndOutcome::kCurrent;
  } else {
    result.ids.push_back(id);
  }
  return result;
}

}  // namespace chibo::domain
