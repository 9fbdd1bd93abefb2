#include "domain/documents/composition.h"

#include <set>

namespace chibo::domain {

namespace {

struct SeatCounts {
  std::set<int64_t> committee;  // distinct members with a committee or standing seat
  std::set<int64_t> standing;   // distinct members of the standing committee (with the secretaries)
  int64_t secretaries = 0;
  int64_t deputies = 0;
  int64_t committee_members = 0;  // seats of role member in the committee body
  int64_t inspection = 0;
  std::vector<std::string> unknown;
};

SeatCounts count_seats(const std::vector<CommitteeSeat>& seats, const DocumentCatalog& catalog) {
  SeatCounts counts;
  for (const CommitteeSeat& seat : seats) {
    const CommitteePosition* position = catalog.position(seat.position);
    if (!position) {
      counts.unknown.push_back(seat.position);
      continue;
    }
    if (position->body == "inspection") {
      ++counts.inspection;
      continue;
    }
    if (position->body != "committee" && position->body != "standing") continue;
    counts.committee.insert(seat.member_id);
    if (position->body == "standing" || position->role != position_role::kMember) {
      counts.standing.insert(seat.member_id);
    }
    if (position->role == position_role::kSecretary) ++counts.secretaries;
    if (position->role == position_role::kDeputy) ++counts.deputies;
    if (position->body == "committee" && position->role == position_role::kMember) {
      ++counts.committee_members;
    }
  }
  return counts;
}

CompositionWarning rule_warning(const char* code, const RuleParameter& rule, int64_t actual) {
  return {code, rule.key, rule.value, actual, rule.source};
}

}  // namespace

bool position_fits_kind(const CommitteePosition& position, const OrgKind& kind) {
  if (kind.term_class.empty()) return position.body == "group";
  if (position.body == "group") return false;
  const bool cell_member = position.code == "cell_committee_member";
  if (kind.holds_members)
    return position.body == "committee" && (position.role != position_role::kMember || cell_member);
  if (cell_member) return false;
  // A đảng bộ bộ phận (term class "cell" without members of its own) elects its committee only.
  if (kind.term_class == "cell") return position.body == "committee";
  return true;
}

std::vector<CompositionWarning> composition_warnings(const OrgKind& kind, int64_t official_members,
                                                     const Term& term,
                                                     const std::vector<CommitteeSeat>& seats,
                                                     const DocumentCatalog& catalog,
                                                     const RuleSet& rules, Date on) {
  std::vector<CompositionWarning> warnings;
  const SeatCounts counts = count_seats(seats, catalog);
  for (const std::string& code : counts.unknown) {
    warnings.push_back({"unknown_position", code, 0, 0, "data/catalog/committee_positions.tsv"});
  }
  // A tổ đảng elects no committee (term class "-"); every other organization has a secretary.
  if (!kind.term_class.empty() && counts.secretaries == 0) {
    warnings.push_back(
        {"no_secretary", "committee_positions.secretary", 1, 0,
         "Điều lệ Đảng 2011, Điều 24: chi bộ bầu bí thư [C]; cấp ủy bầu bí thư [R]"});
  }
  if (kind.holds_members) {
    if (counts.inspection > 0) {
      warnings.push_back({"inspection_in_cell", "committee_positions.inspection", 0,
                          counts.inspection,
                          "Rules-reference §1: a chi bộ cơ sở assigns a cell-committee member to "
                          "inspection instead of electing an inspection committee [R]"});
    }
    const RuleParameter* threshold = rules.in_force("committee.cell_committee_min_official", on);
    const RuleParameter* max_size = rules.in_force("committee.cell_committee_max", on);
    const RuleParameter* max_deputies = rules.in_force("committee.cell_deputies_max", on);
    if (threshold && official_members < threshold->value && counts.committee_members > 0) {
      warnings.push_back(
          rule_warning("cell_committee_below_threshold", *threshold, official_members));
    }
    const auto committee_size = static_cast<int64_t>(counts.committee.size());
    if (threshold && max_size && official_members >= threshold->value &&
        committee_size > max_size->value) {
      warnings.push_back(rule_warning("cell_committee_too_large", *max_size, committee_size));
    }
    if (max_deputies && counts.deputies > max_deputies->value) {
      warnings.push_back(rule_warning("too_many_deputies", *max_deputies, counts.deputies));
    }
  }
  const std::string term_source =
      "Approved for the term" + (term.name.empty() ? "" : " (" + term.name + ")");
  if (term.approved_committee_size &&
      static_cast<int64_t>(counts.committee.size()) > *term.approved_committee_size) {
    warnings.push_back({"committee_over_approved", "term.approved_committee_size",
                        *term.approved_committee_size,
                        static_cast<int64_t>(counts.committee.size()), term_source});
  }
  if (term.approved_standing_size &&
      static_cast<int64_t>(counts.standing.size()) > *term.approved_standing_size) {
    warnings.push_back({"standing_over_approved", "term.approved_standing_size",
                        *term.approved_standing_size, static_cast<int64_t>(counts.standing.size()),
                        term_source});
  }
  return warnings;
}

}  // namespace chibo::domain
