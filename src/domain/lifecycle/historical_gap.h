// A party-age gap recorded from an old member's file (hồ sơ đảng viên): time off the roll before
// a readmission, or a transfer presented late, that happened before chibo kept the procedure
// (the admission and transfer rules it checks begin with the Charters they came from, and old
// files carry the fact, not the steps). Rules-reference.md §9: party age excludes removal,
// expulsion, lost contact and transfer gaps. The gap is a fact attested by a document; it
// changes the member's party age and badge milestones like any other gap.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/lifecycle/decision.h"
#include "domain/lifecycle/party_age.h"
#include "domain/members/member.h"

namespace chibo::domain {

struct GapRequest {
  Date from;  // the first day not counted
  Date to;    // the day the member was back (the readmission decision, the letter presented)
  std::string reason;  // readmission | late_transfer (the codes of stored gaps)
  Document document;   // the paper that attests it (a decision, the file's record)
  std::string note;    // what happened, in the office's words
};

// The reasons a recorded gap may give.
const std::vector<std::string>& gap_reasons();

// Checks recording `request` for `member`, whose `existing` gaps are stored: a known reason,
// the document's number and issuer, a note, the dates in order, not before the admission, not
// after `today`, and no overlap with another gap. Field names are the request's.
std::vector<FieldError> check_historical_gap(const Member& member, const GapRequest& request,
                                             std::span<const Gap> existing, Date today);

}  // namespace chibo::domain
