// Twelve months of cell meetings for every demo cell with members: a regular meeting each
// month that has ended (a few cells miss a month), a thematic meeting each quarter, the coming
// meeting of this month scheduled; attendance of every member with realistic habits (most
// present, some absent with reason, a few absent without reason, a few members drifting away
// who end on the removal list; exempted members not counted), one vote on the resolution, the
// older meetings approved with their minutes. Rows are bound as columns (SOCI vectors), so the
// 65,000-member demo adds a few seconds.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/random.h"
#include "domain/members/member.h"

namespace chibo::demo {

struct MeetingsReport {
  long long meetings = 0;
  long long attendance = 0;
  long long unexcused = 0;
  long long missing_months = 0;  // cell-months without a regular meeting
};

class MeetingsDemo {
 public:
  MeetingsDemo(uint64_t seed, Date today, std::string now, int history_months);

  // Every member as the generator writes it.
  void member_written(const domain::Member& member);
  void write(soci::session& session);
  const MeetingsReport& report() const { return report_; }

 private:
  struct Person {
    int64_t id = 0;
    bool official = false;
    bool exempt = false;
    double unexcused = 0.0;  // this member's chance of missing a meeting without reason
  };
  struct Cell {
    std::string path;
    std::vector<Person> members;
  };

  Rng rng_;
  Date today_;
  std::string now_;
  int history_months_;
  std::map<int64_t, Cell> cells_;
  MeetingsReport report_;
};

}  // namespace chibo::demo
