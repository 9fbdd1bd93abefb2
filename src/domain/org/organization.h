// A party organization: a node of the tree from the root committee down to party groups.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::domain {

enum class OrgStatus { kActive, kDissolved, kMerged };

const char* org_status_code(OrgStatus status);
std::optional<OrgStatus> parse_org_status(std::string_view code);

struct Organization {
  OrgId id;
  OrgId parent_id;  // invalid (0) for a root
  OrgPath path;
  std::string kind;
  std::string name;
  std::string short_name;
  std::string code;  // the organization's own code, unique when present
  std::optional<Date> established_on;
  std::optional<Date> dissolved_on;
  OrgStatus status = OrgStatus::kActive;
  OrgId merged_into;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;

  bool active() const { return status == OrgStatus::kActive; }
};

// Members in an organization's whole subtree, by status (kept up to date by the store).
struct MemberCounts {
  int64_t official = 0;
  int64_t probationary = 0;
  int64_t on_roll = 0;  // every status still on the roll (official, probationary, exempted ...)
  int64_t total = 0;    // including those who left the roll
};

// The editable fields of an organization, already cleaned; absent = unchanged.
struct OrgDraft {
  std::optional<std::string> kind;
  std::optional<std::string> name;
  std::optional<std::string> short_name;
  std::optional<std::string> code;
  std::optional<std::optional<Date>> established_on;
};

}  // namespace chibo::domain
