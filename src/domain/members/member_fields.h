// The member record's fields as data: name, kind, limits and labels. Decoding (JSON, CSV),
// validation, history diffs and exports all walk this one table.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/catalog/catalog.h"
#include "domain/members/member.h"

namespace chibo::domain {

enum class FieldKind {
  kName,       // a person's name: letters, spaces, and ' - .
  kText,       // free single-line text
  kDate,       // ISO civil date
  kCode,       // a code from a catalog list
  kCitizenId,  // 12 digits
  kCardNo,     // party card number: letters, digits, . - /
  kPhone,
  kEmail,
  kEducation,  // general education "n/10" or "n/12"
  kAliases,    // a list of names, "; "-separated in text form
  kOrgRef,     // an organization id
  kStatus,     // a member status code
};

// Who sets a field: anyone editing the record; a lifecycle procedure (the value may be given
// when a record is created or imported, later only a procedure changes it, with its deciding
// document); or chibo itself (never an input).
enum class FieldAccess { kEditable, kProcedure, kDerived };

struct MemberField {
  const char* name;
  FieldKind kind;
  size_t max_chars;
  bool required;
  const char* label_vi;
  const char* label_en;
  CatalogList Catalog::*list = nullptr;  // for kCode
  // A restricted record class (discipline): shown, exported and changed only with the
  // restricted permissions (domain/access); never in search keys.
  bool restricted = false;
  FieldAccess access = FieldAccess::kEditable;
};

// Every field of a member record, in personal-history order.
const std::vector<MemberField>& member_fields();
const MemberField* find_member_field(std::string_view name);

// Raw input for some fields: field -> text, or nullopt to clear it. Absent fields stay as
// they are. Values are as received (cleaning happens in apply_member_patch).
using MemberPatch = std::map<std::string, std::optional<std::string>>;

// Cleans, parses and assigns every field of `patch` into `member`; problems go to `errors`
// (unknown field, bad UTF-8, too long, bad date, unknown code, bad format ...).
void apply_member_patch(Member& member, const MemberPatch& patch, const Catalog& catalog,
                        std::vector<FieldError>& errors);

// A field's canonical text: dates ISO, aliases "; "-joined, ids decimal, "" when empty.
std::string member_field_text(const Member& member, const MemberField& field);

// Fields whose canonical text differs, in table order.
std::vector<FieldChange> diff_members(const Member& before, const Member& after);

}  // namespace chibo::domain
