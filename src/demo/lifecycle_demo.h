// The member lifecycle in a demo bloc: cells preparing candidates at every step (introduced by
// real official members of their base organization), probationary members awaiting recognition,
// members away on temporary transfers or in transit out of the bloc, readmitted members with a
// gap, and the badges the older members received at past occasions. Every candidate step is
// checked by the same rules the server applies, so the demo shows what the rules allow.
#pragma once

#include <soci/soci.h>

#include <map>
#include <vector>

#include "demo/random.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/lifecycle/admission.h"
#include "domain/lifecycle/party_age.h"
#include "domain/lifecycle/probation.h"
#include "domain/lifecycle/transfer.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"
#include "storage/sql/tools/bulk_writer.h"

namespace chibo::demo {

// Where a cell sits: its base organization, and which resolutions its candidates need.
struct CellPlace {
  domain::Organization cell;
  OrgId base;
  domain::AdmissionContext context;
  bool in_bloc = true;  // the central bloc (provinces get fewer candidates)
};

struct LifecycleReport {
  long long candidates = 0;
  long long steps = 0;
  long long transfers = 0;
  long long awards = 0;
  long long recognitions = 0;
};

class LifecycleDemo {
 public:
  LifecycleDemo(const domain::Catalog& catalog, const domain::RuleSet& rules,
                const domain::WorkingCalendar& calendar, Rng& rng, Date today, std::string now);

  // Before a member is written: may take it out of the bloc by transfer, give it a readmission
  // gap, and record the badges it received; then derives its facts.
  void shape_member(domain::Member& member, const CellPlace& place);
  // After a member is written: remembered as a possible introducer, probationer, traveller.
  void member_written(const domain::Member& member, const CellPlace& place);
  // After a cell's members are written: its candidates, from people made by `person` (a member
  // record of the given age, never written).
  template <class MakePerson>
  void cell_done(const CellPlace& place, MakePerson person);

  // Badge awards go through the bulk writer, before its finish().
  void write_awards(storage::BulkWriter& writer);
  // Candidates, steps, recognition steps, transfers and gaps go through the repositories, in
  // the caller's transaction, after the bulk writer's finish(): on PostgreSQL the members and
  // organizations they refer to are loaded only then.
  void write(soci::session& session);
  const LifecycleReport& report() const { return report_; }

 private:
  struct Official {
    MemberId id;
    Date official_since;
  };
  struct PendingGap {
    MemberId member;
    domain::Gap gap;
  };
  struct PendingAward {
    MemberId member;
    int milestone;
    Date occasion;
  };

  void make_candidate(const CellPlace& place, domain::Member person);
  void badges_of(domain::Member& member, const std::vector<domain::Gap>& gaps);
  int cell_officials(OrgId cell) const;

  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  const domain::WorkingCalendar& calendar_;
  Rng& rng_;
  Date today_;
  std::string now_;
  Date last_occasion_;
  std::map<int64_t, std::vector<Official>> officials_by_base_;
  std::map<int64_t, int> officials_by_cell_;
  std::vector<std::pair<domain::Candidate, std::vector<domain::StepRecord>>> candidates_;
  std::vector<domain::Transfer> transfers_;
  std::vector<PendingGap> gaps_;
  std::vector<PendingAward> awards_;
  std::vector<std::pair<domain::Member, domain::RecognitionRecord>> recognitions_;
  LifecycleReport report_;
};

template <class MakePerson>
void LifecycleDemo::cell_done(const CellPlace& place, MakePerson person) {
  // About one cell in eight of the bloc prepares someone at any time (143,000 admissions a year
  // across 5.6 million members), fewer in the national extension.
  if (!rng_.chance(place.in_bloc ? 0.13 : 0.02)) return;
  const int count = rng_.chance(0.7) ? 1 : static_cast<int>(rng_.between(2, 3));
  for (int index = 0; index < count; ++index)
    make_candidate(place, person(static_cast<int>(rng_.between(21, 38))));
}

}  // namespace chibo::demo
