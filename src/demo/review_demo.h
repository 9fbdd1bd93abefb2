// Last year's review campaign for the demo bloc: opened at the bloc's committee and fanned out to
// every organization, each member on the roll at the review date graded (self-assessment, the
// cell's proposal with its vote, the base committee's decision) with a realistic spread inside
// the 20 % quota of each base organization, every organization graded within the quota among
// its siblings, the grade counts of every subtree, and shortcomings with their remediation (most
// closed, some open, some of those overdue). Who is not reviewed (admitted less than six months
// before, exempted) is left out, as the server decides. Multi-row INSERTs, like the dues demo.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "demo/random.h"
#include "domain/catalog/catalog.h"
#include "domain/members/member.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"

namespace chibo::demo {

struct ReviewReport {
  long long campaigns = 0;
  long long units = 0;
  long long member_reviews = 0;
  long long excellent = 0;
  long long not_completed = 0;
  long long shortcomings = 0;
  long long shortcomings_open = 0;
};

class ReviewDemo {
 public:
  ReviewDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed,
             Date today, std::string now);

  // Organizations and members of the bloc, as the generator writes them.
  void org_added(const domain::Organization& org, bool in_bloc);
  void member_written(const domain::Member& member, bool in_bloc);
  void write(soci::session& session);
  const ReviewReport& report() const { return report_; }

 private:
  struct OrgEntry {
    int64_t id = 0;
    int64_t parent_id = 0;
    std::string path;
    std::string kind;
    bool is_base = false;
  };
  struct MemberEntry {
    int64_t id = 0;
    int64_t org_id = 0;
    std::string org_path;
    std::string status;
    std::optional<Date> admission_date;
    std::string full_name;
  };

  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  Rng rng_;
  Date today_;
  std::string now_;
  std::vector<OrgEntry> orgs_;
  std::unordered_map<int64_t, size_t> org_index_;
  std::vector<MemberEntry> members_;
  ReviewReport report_;
};

}  // namespace chibo::demo
