#include "domain/documents/issuer_name.h"

#include <array>
#include <utility>

#include "domain/documents/document_catalog.h"

namespace chibo::domain {

namespace {

// "Đảng bộ <level> X" whose committee has a name of its own ("Tỉnh ủy X", not "Đảng ủy tỉnh X").
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kNamedCommittees{{
    {"Đảng bộ tỉnh ", "Tỉnh ủy "},
    {"Đảng bộ thành phố ", "Thành ủy "},
    {"Đảng bộ huyện ", "Huyện ủy "},
}};

constexpr std::string_view kPartyOrg = "Đảng bộ ";

std::string committee_name(std::string_view org_name) {
  for (const auto& [org, committee] : kNamedCommittees) {
    if (org_name.starts_with(org))
      return std::string(committee) + std::string(org_name.substr(org.size()));
  }
  if (org_name.starts_with(kPartyOrg))
    return "Đảng ủy " + std::string(org_name.substr(kPartyOrg.size()));
  return std::string(org_name);  // a cell, or a name chibo cannot read: as it is
}

}  // namespace

std::string issuer_name(std::string_view org_name, std::string_view issuing_body) {
  if (issuing_body == issuing_body::kCommittee) return committee_name(org_name);
  if (issuing_body == issuing_body::kInspectionCommittee)
    return "Ủy ban Kiểm tra " + committee_name(org_name);
  if (issuing_body == issuing_body::kOffice) return "Văn phòng " + committee_name(org_name);
  if (issuing_body == issuing_body::kOrganizationBoard)
    return "Ban Tổ chức " + committee_name(org_name);
  return std::string(org_name);  // a congress issues under the organization's name
}

}  // namespace chibo::domain
