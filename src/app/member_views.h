// Read use cases for the member registry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/discipline/record.h"

namespace chibo::app {

// A member list request as the user states it; list_members turns it into a MemberFilter.
struct MemberQuery {
  OrgId org;  // subtree root; invalid = everyone
  std::vector<std::string> statuses;
  std::optional<std::string> sex;
  std::vector<std::string> ethnicities;
  std::optional<int> age_min, age_max;  // whole years today
  std::optional<int> admitted_year_from, admitted_year_to;
  std::string q;  // names (any diacritics), CCCD or card number
  MemberSort sort = MemberSort::kName;
  bool descending = false;
  int64_t offset = 0;
  int limit = 50;
};

inline constexpr int kMaxPageSize = 500;

// Checks the query's values (known codes, sane ranges) and returns the page, within what the
// actor may read (restricted fields blanked unless they may read those too).
Result<MemberPage> list_members(Context& ctx, const MemberQuery& query);

struct MemberDetail {
  Member member;
  Organization org;
  std::vector<MemberEvent> history;  // newest first
  bool restricted_shown = false;     // the actor may read the restricted fields (discipline)
  // With restricted_shown: the decided discipline cases in force that member.discipline lists.
  std::vector<domain::discipline::DecidedSanction> discipline_cases;
};

// One member with its history, if the actor may read it ("not found" otherwise). Reading a
// record whose discipline is shown (discipline.read over the member) and not empty is itself
// audited (member.read_discipline, with the cases' ids), as every read of discipline cases is.
// `record_read` is false where the record is returned after a write (already audited).
Result<MemberDetail> get_member(Context& ctx, MemberId id, bool record_read = true);

// The same without access checks or redaction, for use cases that have already checked.
Result<MemberDetail> member_detail_in(Transaction& tx, MemberId id);

// `detail` as `actor` may see it: "not found" beyond their reach; the discipline (derived from
// the decided cases in force, with the legacy note) only with discipline.read over the member,
// else blanked (restricted_shown says which). Audits nothing.
Result<MemberDetail> shown_to(Context& ctx, MemberDetail detail);

// The filter list_members would run for `actor` under `permission` (member.read for lists,
// member.export for exports).
Result<MemberFilter> build_filter(Context& ctx, domain::Permission permission,
                                  const MemberQuery& query);

}  // namespace chibo::app
