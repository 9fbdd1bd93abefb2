// A year of the document register at every level of a demo tree: each committee, base
// organization and cell (a sample of them at national scale) issues its resolutions, directives,
// plans, decisions, reports and letters numbered from 01 per series in its running term, and
// the documents it sends down to the organizations below arrive there as incoming documents,
// some passed further down. An organization that has no term yet gets one (the 2025 congress
// round, from the rule data's term classes) so that its numbering has a term to run in.
#pragma once

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "demo/demo_data.h"
#include "demo/random.h"
#include "domain/catalog/catalog.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"

namespace chibo::demo {

struct DocumentsReport {
  long long outgoing = 0;
  long long incoming = 0;
  long long forwards = 0;
  long long terms_added = 0;
};

class DocumentsDemo {
 public:
  DocumentsDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, const DemoData& data,
                uint64_t seed, Date today, std::string now);

  // Every organization as the generator adds it (parents before children); `in_bloc`: in the
  // central bloc (not the provinces of a national-scale demo).
  void org_added(const domain::Organization& org, bool in_bloc);
  // After the other demo data: terms where missing, then the documents, through the
  // repositories in the caller's transaction.
  void write(soci::session& session);
  const DocumentsReport& report() const { return report_; }

 private:
  struct Node {
    domain::Organization org;
    std::vector<size_t> children;
    bool sampled = false;
  };

  int yearly_documents(const std::string& kind) const;

  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  const DemoData& data_;
  Rng rng_;
  Date today_;
  std::string now_;
  std::vector<Node> nodes_;
  std::map<int64_t, size_t> index_;
  long long cells_seen_ = 0;
  DocumentsReport report_;
};

}  // namespace chibo::demo
