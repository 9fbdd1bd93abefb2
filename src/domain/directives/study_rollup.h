// How the members who studied a directive (học tập, quán triệt) roll up (issue 13, defect d).
//
// A study is recorded per organization with how many members attended; an organization's
// members include those of its whole subtree. A session held by a base organization for all its
// members and sessions held by its cells count, in part, the same people, so adding them up
// counted members twice. The rule: an organization's `studied` is the larger of its own
// recorded attendance and the sum of its children's `studied`:
//
//   studied(O) = max(own(O), sum of studied(C) over the children C of O)
//
// Each member is counted once (whichever account covers more people is taken, never both), a
// study recorded below shows at its own level and rolls up through the levels that recorded
// none, and a small session recorded above never hides larger ones recorded below. Neither
// side exceeds O's members, so neither does the result.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::domain {

int64_t studied_of(int64_t own_attendees, int64_t children_studied);

// The studied count of every organization on the path of one of `studies` (an organization's
// path and its recorded attendance), by the rule above. Organizations not listed have 0.
std::map<OrgId, int64_t> studied_by_org(const std::vector<std::pair<OrgPath, int64_t>>& studies);

}  // namespace chibo::domain
