// The reference lists behind the document register, as data (data/catalog/): document types
// with the symbol each prints, the default issuer abbreviations per organization kind and
// issuing body, the marks a document may carry (secrecy, urgency, signing authority) and the
// positions of a committee. Loaded once by io/catalog_loader, shared read-only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chibo::domain {

enum class DocumentLayout {
  kStandard,  // type name as a title, the summary under it
  kLetter,    // công văn: no type name; the summary sits under the number and symbol
};

struct DocumentType {
  std::string code;     // "quy_dinh"
  std::string name_vi;  // "Quy định"
  std::string name_en;
  std::string symbol;  // printed in the symbol: "QĐ"; "" when the type is not numbered
  std::string
      series;  // numbering series within an issuer and term: types sharing a symbol share it
  bool numbered = true;
  bool congress = false;  // a party congress issues it
  DocumentLayout layout = DocumentLayout::kStandard;
  std::string source;
};

// Bodies that issue documents under an organization's name.
namespace issuing_body {
inline constexpr std::string_view kCommittee = "committee";
inline constexpr std::string_view kCongress = "congress";
inline constexpr std::string_view kInspectionCommittee = "inspection_committee";
inline constexpr std::string_view kOffice = "office";
inline constexpr std::string_view kOrganizationBoard = "organization_board";
}  // namespace issuing_body

struct IssuerAbbreviation {
  std::string org_kind;
  std::string body;
  std::string abbreviation;  // "" when that body issues no numbered documents at that kind
  std::string source;
};

enum class MarkKind { kSecrecy, kUrgency, kAuthority };

struct DocumentMark {
  std::string code;  // "toi_mat", "hoa_toc", "tm"
  MarkKind kind = MarkKind::kSecrecy;
  std::string label;  // printed: "TỐI MẬT", "HỎA TỐC", "T/M"
  std::string name_vi;
  std::string name_en;
  std::string source;
};

// Roles the composition rules count.
namespace position_role {
inline constexpr std::string_view kSecretary = "secretary";
inline constexpr std::string_view kDeputy = "deputy";
inline constexpr std::string_view kMember = "member";
}  // namespace position_role

struct CommitteePosition {
  std::string code;  // "secretary", "cell_committee_member", "inspection_chair"
  std::string body;  // committee, standing, inspection, group
  std::string role;  // secretary, deputy, member
  std::string name_vi;
  std::string name_en;
  std::string source;
};

// An organization's own abbreviations, by issuing body ("committee" -> "ĐUK"); they win over
// the defaults of its kind.
using IssuerOverrides = std::map<std::string, std::string, std::less<>>;

struct DocumentCatalog {
  std::vector<DocumentType> types;
  std::vector<IssuerAbbreviation> issuers;
  std::vector<DocumentMark> marks;
  std::vector<CommitteePosition> positions;

  const DocumentType* type(std::string_view code) const;
  const DocumentMark* mark(MarkKind kind, std::string_view code) const;
  const CommitteePosition* position(std::string_view code) const;
  // The default row for `body` at `org_kind`, or nullptr.
  const IssuerAbbreviation* issuer(std::string_view org_kind, std::string_view body) const;
};

// The abbreviation `body` of an organization of `org_kind` signs with: its override, else the
// default of its kind; nullopt when that body issues no numbered documents there.
std::optional<std::string> issuer_abbreviation(const DocumentCatalog& catalog,
                                               std::string_view org_kind, std::string_view body,
                                               const IssuerOverrides& overrides = {});

}  // namespace chibo::domain
