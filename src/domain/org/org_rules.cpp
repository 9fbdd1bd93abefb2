#include "domain/org/org_rules.h"

#include "text/clean.h"

namespace chibo::domain {

namespace {

constexpr size_t kMaxNameChars = 255;
constexpr size_t kMaxShortNameChars = 100;
constexpr size_t kMaxCodeChars = 32;

bool is_code_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

}  // namespace

std::vector<FieldError> check_org_fields(const OrgDraft& draft, bool creating,
                                         const Catalog& catalog) {
  std::vector<FieldError> errors;
  if (creating && !draft.kind) errors.push_back({"kind", "required", {}});
  if (draft.kind && !catalog.org_kind(*draft.kind)) {
    errors.push_back({"kind", "unknown_code", {{"value", *draft.kind}}});
  }
  if (creating && !draft.name) errors.push_back({"name", "required", {}});
  if (draft.name) {
    if (draft.name->empty()) {
      errors.push_back({"name", "required", {}});
    } else if (text::code_point_count(*draft.name) > kMaxNameChars) {
      errors.push_back({"name", "too_long", {{"max", std::to_string(kMaxNameChars)}}});
    }
  }
  if (draft.short_name && text::code_point_count(*draft.short_name) > kMaxShortNameChars) {
    errors.push_back({"short_name", "too_long", {{"max", std::to_string(kMaxShortNameChars)}}});
  }
  if (draft.code && !draft.code->empty()) {
    if (draft.code->size() > kMaxCodeChars) {
      errors.push_back({"code", "too_long", {{"max", std::to_string(kMaxCodeChars)}}});
    } else {
      for (char c : *draft.code) {
        if (!is_code_char(c)) {
          errors.push_back({"code", "code_charset", {}});
          break;
        }
      }
    }
  }
  return errors;
}

Status check_placement(const std::string& kind_code, const Organization* parent,
                       const Catalog& catalog) {
  const OrgKind* kind = catalog.org_kind(kind_code);
  if (!kind) return Error::invalid_field("kind", "unknown_code", {{"value", kind_code}});
  if (!parent) {
    if (!kind->may_be_root) {
      return Error::invalid_field("parent_id", "parent_required", {{"kind", kind->name_vi}});
    }
    return Ok();
  }
  if (!parent->active()) return Error::invalid_field("parent_id", "org_not_active");
  if (!kind->may_be_child_of(parent->kind)) {
    const OrgKind* parent_kind = catalog.org_kind(parent->kind);
    return Error::invalid_field(
        "parent_id", "kind_not_allowed_under",
        {{"kind", kind->name_vi},
         {"parent_kind", parent_kind ? parent_kind->name_vi : parent->kind}});
  }
  return Ok();
}

Status check_move(const Organization& node, const Organization& new_parent,
                  const Catalog& catalog) {
  if (!node.active()) return Error::conflict("org_not_active");
  if (node.path.contains(new_parent.path)) {
    return Error::invalid_field("parent_id", "move_into_own_subtree");
  }
  if (node.parent_id == new_parent.id) return Error::invalid_field("parent_id", "move_same_parent");
  return check_placement(node.kind, &new_parent, catalog);
}

Status check_merge(const Organization& source, const Organization& target,
                   const std::vector<Organization>& source_children, int64_t source_direct_members,
                   const Catalog& catalog) {
  if (!source.active()) return Error::conflict("org_not_active");
  if (!target.active()) return Error::invalid_field("target_id", "org_not_active");
  if (source.path.contains(target.path)) {
    return Error::invalid_field("target_id", "merge_into_own_subtree");
  }
  const OrgKind* target_kind = catalog.org_kind(target.kind);
  if (source_direct_members > 0 && (!target_kind || !target_kind->holds_members)) {
    return Error::invalid_field("target_id", "target_cannot_hold_members");
  }
  for (const Organization& child : source_children) {
    if (!child.active()) continue;
    const OrgKind* child_kind = catalog.org_kind(child.kind);
    if (!child_kind || !child_kind->may_be_child_of(target.kind)) {
      return Error::invalid_field("target_id", "target_cannot_take_children",
                                  {{"child", child.name}});
    }
  }
  return Ok();
}

Status check_dissolve(const Organization& node, Date date,
                      const std::vector<ErrorItem>& active_members, int64_t active_member_total) {
  if (!node.active()) return Error::conflict("org_not_active");
  if (node.established_on && date < *node.established_on) {
    return Error::invalid_field("dissolved_on", "date_before_established");
  }
  if (active_member_total > 0) {
    return Error::conflict("org_has_active_members",
                           {{"count", std::to_string(active_member_total)}})
        .with_items(active_members);
  }
  return Ok();
}

}  // namespace chibo::domain
