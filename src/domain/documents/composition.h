// Warnings on a committee's composition in a term: the seats held against the cell leadership
// rules (Điều lệ Đảng 2011, Điều 24; Quy định 294-QĐ/TW) and the sizes the superior approved
// for the term. Like structural warnings they inform; they do not block a write (a committee
// can be short of a secretary between a resignation and the next election).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/catalog/catalog.h"
#include "domain/documents/document_catalog.h"
#include "domain/documents/term.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

struct CommitteeSeat {
  int64_t member_id = 0;
  std::string position;  // committee_positions.tsv code
};

struct CompositionWarning {
  // no_secretary, cell_committee_below_threshold (committee members elected in a cell with
  // fewer official members than the threshold), cell_committee_too_large, too_many_deputies,
  // committee_over_approved, standing_over_approved, inspection_in_cell (a cell has no
  // inspection committee: a cell committee member is assigned to inspection instead),
  // unknown_position.
  std::string code;
  std::string rule;  // the rule parameter's key, or the term's field for approved sizes
  int64_t threshold = 0;
  int64_t actual = 0;
  std::string source;
};

// Whether a seat of `position` exists in an organization of `kind`: a tổ đảng (no congress)
// has only its group leader and deputy; a cell (chi bộ, chi bộ cơ sở: it holds members) its
// secretary, deputy secretary and chi ủy viên (no standing or inspection committee: rules-
// reference §1); a đảng bộ bộ phận its committee only; base committees and above their
// committee, standing committee and inspection committee (Điều lệ Đảng 2011, Điều 32).
bool position_fits_kind(const CommitteePosition& position, const OrgKind& kind);

// Warnings for the committee of an organization of `kind` with `official_members` official
// members, holding `seats` in `term`, with the rules in force on `on`.
std::vector<CompositionWarning> composition_warnings(const OrgKind& kind, int64_t official_members,
                                                     const Term& term,
                                                     const std::vector<CommitteeSeat>& seats,
                                                     const DocumentCatalog& catalog,
                                                     const RuleSet& rules, Date on);

}  // namespace chibo::domain
