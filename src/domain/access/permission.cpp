#include "domain/access/permission.h"

#include <array>
#include <utility>

namespace chibo::domain {

namespace {

constexpr std::array<std::pair<Permission, std::string_view>, 31> kCodes = {{
    {Permission::kOrgRead, "org.read"},
    {Permission::kOrgWrite, "org.write"},
    {Permission::kMemberRead, "member.read"},
    {Permission::kMemberWrite, "member.write"},
    {Permission::kMemberDecide, "member.decide"},
    {Permission::kRestrictedRead, "member.restricted.read"},
    {Permission::kRestrictedWrite, "member.restricted.write"},
    {Permission::kMemberExport, "member.export"},
    {Permission::kMemberImport, "member.import"},
    {Permission::kUserManage, "user.manage"},
    {Permission::kAuditRead, "audit.read"},
    {Permission::kTermsManage, "terms.manage"},
    {Permission::kDocumentRead, "document.read"},
    {Permission::kDocumentWrite, "document.write"},
    {Permission::kDocumentSecretRead, "document.secret.read"},
    {Permission::kDirectiveRead, "directive.read"},
    {Permission::kDirectiveWrite, "directive.write"},
    {Permission::kDirectiveReport, "directive.report"},
    {Permission::kJobManage, "job.manage"},
    {Permission::kDuesRead, "dues.read"},
    {Permission::kDuesWrite, "dues.write"},
    {Permission::kPlanReview, "plan.review"},
    {Permission::kReviewRead, "review.read"},
    {Permission::kReviewWrite, "review.write"},
    {Permission::kReviewDecide, "review.decide"},
    {Permission::kMeetingRead, "meeting.read"},
    {Permission::kMeetingWrite, "meeting.write"},
    {Permission::kInspectionRead, "inspection.read"},
    {Permission::kInspectionWrite, "inspection.write"},
    {Permission::kDisciplineRead, "discipline.read"},
    {Permission::kDisciplineWrite, "discipline.write"},
}};

}  // namespace

std::optional<Permission> parse_permission(std::string_view code) {
  for (const auto& [permission, name] : kCodes) {
    if (name == code) return permission;
  }
  return std::nullopt;
}

std::string_view permission_code(Permission permission) {
  for (const auto& [candidate, name] : kCodes) {
    if (candidate == permission) return name;
  }
  return "unknown";
}

}  // namespace chibo::domain
