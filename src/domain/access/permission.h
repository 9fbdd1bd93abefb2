// What an actor may do. The set is closed (the code checks each by name); which roles hold
// which permissions is data (data/catalog/roles.tsv).
#pragma once

#include <optional>
#include <string_view>

namespace chibo::domain {

enum class Permission {
  kOrgRead,
  kOrgWrite,
  kMemberRead,
  kMemberWrite,
  kMemberDecide,    // record the superior's decisions: admission, recognition, official
                    // transfers, leaving the roll, badges
  kRestrictedRead,  // record classes with restricted access: discipline, inspection
  kRestrictedWrite,
  kMemberExport,
  kMemberImport,
  kUserManage,
  kAuditRead,
  kTermsManage,    // record congresses (terms) and committee seats
  kDocumentRead,   // the document register (văn bản đi, đến) of the organizations in scope
  kDocumentWrite,  // issue, receive, forward, edit and withdraw documents, attach files
  kDocumentSecretRead,  // read documents marked secret (độ mật); each read is audited
  kDirectiveRead,       // directives, their assignments and roll-up in scope (issued or received)
  kDirectiveWrite,      // issue directives, assign tasks down, accept or return reports
  kDirectiveReport,     // as a receiving organization: acknowledge, report, record study
  kJobManage,           // see the background jobs everywhere and run one now (administrators)
  kDuesRead,            // party dues: members' bases and payments, cell books, reconciliation
  kDuesWrite,           // record bases, reliefs, payments; close a cell's month; adjustments
  kPlanReview,          // review members' personal plans (mid-year, year end) in scope
  kReviewRead,          // review campaigns, grades, shortcomings in scope (a member: their own)
  kReviewWrite,         // self-assessment, the cell's comment and proposal, shortcomings
  kReviewDecide,        // open campaigns, decide members' grades, grade organizations, annul
  kMeetingRead,         // cell meetings, attendance, minutes, quality, the removal list
  kMeetingWrite,        // schedule, record, approve and amend meetings; decide absence notices
  kInspectionRead,      // inspection and supervision programmes, inspections, recommendations
  kInspectionWrite,     // issue programmes, advance inspections, record conclusions, close items
  kDisciplineRead,      // discipline cases in scope (restricted records: every read audited)
  kDisciplineWrite,     // open cases, record deferrals, the vote, the decision and appeals
};

std::optional<Permission> parse_permission(std::string_view code);
std::string_view permission_code(Permission permission);

}  // namespace chibo::domain
