// What the remediation of shortcomings needs from storage (issue 15): one table of items tracked
// to closure, whatever recorded them, a review (its shortcomings) or an inspection's conclusion
// (its violations and recommendations). The review and inspection use cases keep their own
// permissions and audit names; they share the items and their rules (domain/remediation).
// Overdue is never stored: open past due.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::app {

struct RemediationItem {
  // The id its area shows (/review-shortcomings/{id}, /inspection-items/{id}): unique within
  // its source.
  int64_t id = 0;
  std::string source;         // "review", "inspection"
  int64_t campaign_id = 0;    // review: the campaign that recorded it
  int64_t inspection_id = 0;  // inspection: the inspection whose conclusion listed it
  int year = 0;               // the campaign's, or the inspection programme's year
  MemberId member_id;         // the member it is about; invalid: an organization's
  OrgId org_id;               // the organization it lies at (the member's)
  OrgPath org_path;
  std::string kind;  // review: "limitation", "fault"; inspection: "violation", "recommendation"
  std::string description;
  std::string action;
  std::string owner;
  Date due_on;
  std::string evidence;
  std::string state;  // "open", "closed"
  std::optional<Date> closed_on;
  int64_t version = 0;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
};

struct RemediationFilter {
  OrgPath subtree;                   // empty: anywhere (with `inspection`)
  std::vector<std::string> sources;  // empty: any
  std::string state;                 // "" any, "open", "closed"
  std::string kind;                  // "" any
  std::optional<Date> overdue_on;    // only open ones due before this day
  std::optional<MemberId> member;    // only this member's
  std::optional<int> year;
  std::optional<int64_t> inspection;  // only this inspection's
  int64_t offset = 0;
  int limit = 200;
};

class RemediationRepository {
 public:
  virtual ~RemediationRepository() = default;
  // Sets the item's id (its source's) and version 1.
  virtual void insert(RemediationItem& item) = 0;
  virtual std::optional<RemediationItem> find(const std::string& source, int64_t id) = 0;
  // Action, owner, due date, evidence, state, closing day; version check (bumps it).
  virtual bool update(const RemediationItem& item) = 0;
  // By due date, then source and id; the filter's page.
  virtual std::vector<RemediationItem> list(const RemediationFilter& filter) = 0;
  // How many the filter matches (offset and limit aside).
  virtual int64_t count(const RemediationFilter& filter) = 0;
};

}  // namespace chibo::app
