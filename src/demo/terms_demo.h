// Terms and committees in a demo: every organization that holds congresses gets its previous
// and its running term (standard: 5 years, 2020-2025 and 2025-2030; cells: 30 months), and a
// committee chosen among the official members of its subtree (secretary, deputies, standing and
// committee members, an inspection committee at base level and above; a cell's secretary,
// deputy and chi ủy viên), each seat with the superior's decision. A few organizations show
// what the warnings are for: a cell without a secretary, a committee larger than approved, a
// cell past its term without a congress. It draws from its own random stream, so the members
// and organizations of a seed stay what they were.
#pragma once

#include <soci/soci.h>

#include <unordered_map>
#include <vector>

#include "demo/random.h"
#include "domain/catalog/catalog.h"
#include "domain/members/member.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"

namespace chibo::demo {

struct TermsReport {
  long long terms = 0;
  long long seats = 0;
};

class TermsDemo {
 public:
  TermsDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed, Date today,
            std::string now);

  // `full`: both terms and the whole committee; otherwise (the national extension's cells)
  // the running term and its secretary only, to keep national-scale demos fast.
  void org_added(const domain::Organization& org, bool full);
  void member_written(const domain::Member& member);
  // Through the repositories, in the caller's transaction, after the bulk writer's finish().
  void write(soci::session& session);
  const TermsReport& report() const { return report_; }

 private:
  struct OrgEntry {
    domain::Organization org;
    std::string term_class;
    bool holds_members = false;
    bool full = true;
    int64_t officials = 0;       // official members in the subtree
    std::vector<MemberId> pool;  // a uniform sample of them (reservoir)
  };

  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  Rng rng_;
  Date today_;
  std::string now_;
  std::vector<OrgEntry> orgs_;
  std::unordered_map<int64_t, size_t> index_;  // org id -> orgs_ position
  TermsReport report_;
};

}  // namespace chibo::demo
