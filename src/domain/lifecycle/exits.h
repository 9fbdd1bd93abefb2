// Leaving the roll (xóa tên, khai trừ, ra khỏi Đảng, từ trần) and exemption from activities
// (miễn công tác và sinh hoạt đảng). Each is recorded with its ground and deciding document;
// expulsion comes from a discipline decision. Rules-reference.md §2, §5, §8.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "domain/catalog/catalog.h"
#include "domain/lifecycle/decision.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

struct ExitRequest {
  std::string status;  // removed, expelled, left, deceased
  Date on;
  std::string ground;  // data/catalog/exit_grounds.tsv, of that status
  Document document;   // the decision (a death needs none)
  std::string note;
};

std::vector<FieldError> check_exit(const Member& member, const ExitRequest& request,
                                   const Catalog& catalog, const RuleSet& rules, Date today);
void apply_exit(Member& member, const ExitRequest& request);

struct ExemptionRequest {
  bool start = true;  // false: back to activities
  Date on;
  Document document;  // the cell's decision
  std::string note;   // the reason (age, illness)
};

std::vector<FieldError> check_exemption(const Member& member, const ExemptionRequest& request,
                                        const RuleSet& rules, Date today);
void apply_exemption(Member& member, const ExemptionRequest& request);

}  // namespace chibo::domain
