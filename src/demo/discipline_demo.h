// Discipline cases in a demo (issue 15): a few at realistic rates, about 3 in 1,000 members on
// the roll over the last two years (well under 1 % a year): most reprimands, some warnings, a
// rare dismissal; most decided after a vote that passed (the vote counted against all
// entitled), a few still open or under appeal; a few with a deferral (inpatient treatment).
// Every other open reprimand concerns a breach of nearly five years ago (its limitation ends in
// 15 to 114 days), so that the compliance board's limitation clock has something to show.
// Every fourth of the other undecided cases voted a month ago or more fell one vote short of the
// share and was closed without a sanction a few days later.
// A few hundred rows for a 65,000-member demo: one INSERT each.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "demo/random.h"
#include "domain/members/member.h"

namespace chibo::demo {

struct DisciplineReport {
  long long cases = 0;
  long long decided = 0;
  long long closed = 0;  // without a sanction (the vote fell short)
};

class DisciplineDemo {
 public:
  DisciplineDemo(uint64_t seed, Date today, std::string now);

  // Every member as the generator writes it.
  void member_written(const domain::Member& member);
  void write(soci::session& session);
  const DisciplineReport& report() const { return report_; }

 private:
  struct Subject {
    int64_t member_id = 0;
    int64_t org_id = 0;
    std::string org_path;
    bool probationary = false;
    std::optional<Date> admitted;
  };

  Rng rng_;
  Date today_;
  std::string now_;
  std::vector<Subject> subjects_;
  int open_reprimands_ = 0;
  int undecided_ = 0;
  DisciplineReport report_;
};

}  // namespace chibo::demo
