// Reference lists that are data, not code: ethnic groups, religions, province codes of the
// citizen ID, organization kinds, member statuses, qualification levels. Loaded once at
// start-up (io/catalog_loader) and shared read-only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/access/access.h"
#include "domain/documents/document_catalog.h"

namespace chibo::domain {

struct CatalogEntry {
  std::string code;
  std::string name_vi;
  std::string name_en;
};

class CatalogList {
 public:
  CatalogList() = default;
  explicit CatalogList(std::vector<CatalogEntry> entries);
  const std::vector<CatalogEntry>& entries() const { return entries_; }
  const CatalogEntry* find(std::string_view code) const;
  // Looks a value up by code, or by its Vietnamese or English name without regard to case
  // or diacritics ("kinh", "Phật giáo", "nam" all work); for imports typed by people.
  const CatalogEntry* lookup(std::string_view code_or_name) const;

 private:
  std::vector<CatalogEntry> entries_;
  std::vector<std::string> folded_names_;  // 2 per entry: vi, en
};

struct OrgKind {
  std::string code;
  std::string name_vi;
  std::string name_en;
  std::vector<std::string> parent_kinds;  // kinds it may sit under
  bool may_be_root = false;               // it may also be a root (a deployment's top)
  bool holds_members = false;             // members are registered directly in it (cells)
  bool is_base = false;                   // a base organization (tổ chức cơ sở đảng)
  bool min_official_applies = true;       // the minimum of official members applies to it
  // The term-length rules its congress follows: "standard" (term.standard_*), "cell"
  // (term.cell_*), "" when it holds no congress (a tổ đảng).
  std::string term_class;
  bool may_be_child_of(std::string_view parent_kind) const;
};

struct MemberStatusInfo {
  std::string code;
  std::string name_vi;
  std::string name_en;
  bool on_roll = false;  // still a member of the organization (counts toward its size)
};

// Why a member left the roll (xóa tên, khai trừ, ra khỏi Đảng, từ trần ...), and whether
// such a person may ever be readmitted.
struct ExitGround {
  std::string code;
  std::string status;  // the exit status it belongs to
  std::string name_vi;
  std::string name_en;
  bool readmission_allowed = false;
  std::string source;
};

struct Catalog {
  CatalogList sexes;
  CatalogList ethnicities;
  CatalogList religions;
  CatalogList provinces;  // code = the 3 leading digits of a citizen ID
  CatalogList professional_qualifications;
  CatalogList political_theory_levels;
  CatalogList occupations;
  std::vector<OrgKind> org_kinds;
  std::vector<MemberStatusInfo> member_statuses;
  std::vector<ExitGround> exit_grounds;
  CatalogList exit_ground_list;  // the same, for field lookup by code or name
  std::vector<Role> roles;
  DocumentCatalog documents;  // document types, issuer abbreviations, marks, committee positions

  const ExitGround* exit_ground(std::string_view code) const;

  const Role* role(std::string_view code) const;

  const OrgKind* org_kind(std::string_view code) const;
  const MemberStatusInfo* member_status(std::string_view code) const;
  // By code, or by Vietnamese or English name without regard to case or diacritics.
  const MemberStatusInfo* lookup_member_status(std::string_view code_or_name) const;
  std::vector<std::string> on_roll_statuses() const;
};

// Status codes the rules refer to by name.
namespace status {
inline constexpr std::string_view kProbationary = "probationary";
inline constexpr std::string_view kOfficial = "official";
inline constexpr std::string_view kExempted = "exempted";
inline constexpr std::string_view kNotRecognized = "not_recognized";
inline constexpr std::string_view kExpelled = "expelled";
inline constexpr std::string_view kDeceased = "deceased";
inline constexpr std::string_view kTransferredOut = "transferred_out";
}  // namespace status

}  // namespace chibo::domain
