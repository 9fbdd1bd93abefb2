#include "domain/catalog/catalog.h"

#include <algorithm>

#include "text/fold.h"

namespace chibo::domain {

CatalogList::CatalogList(std::vector<CatalogEntry> entries) : entries_(std::move(entries)) {
  folded_names_.reserve(entries_.size() * 2);
  for (const CatalogEntry& entry : entries_) {
    folded_names_.push_back(text::fold(entry.name_vi));
    folded_names_.push_back(text::fold(entry.name_en));
  }
}

const CatalogEntry* CatalogList::find(std::string_view code) const {
  for (const CatalogEntry& entry : entries_) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

const CatalogEntry* CatalogList::lookup(std::string_view code_or_name) const {
  if (const CatalogEntry* by_code = find(code_or_name)) return by_code;
  const std::string folded = text::fold(code_or_name);
  if (folded.empty()) return nullptr;
  for (size_t index = 0; index < folded_names_.size(); ++index) {
    if (folded_names_[index] == folded) return &entries_[index / 2];
  }
  return nullptr;
}

bool OrgKind::may_be_child_of(std::string_view parent_kind) const {
  return std::find(parent_kinds.begin(), parent_kinds.end(), parent_kind) != parent_kinds.end();
}

const OrgKind* Catalog::org_kind(std::string_view code) const {
  for (const OrgKind& kind : org_kinds) {
    if (kind.code == code) return &kind;
  }
  return nullptr;
}

const MemberStatusInfo* Catalog::member_status(std::string_view code) const {
  for (const MemberStatusInfo& info : member_statuses) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

const MemberStatusInfo* Catalog::lookup_member_status(std::string_view code_or_name) const {
  if (const MemberStatusInfo* by_code = member_status(code_or_name)) return by_code;
  const std::string folded = text::fold(code_or_name);
  if (folded.empty()) return nullptr;
  for (const MemberStatusInfo& info : member_statuses) {
    if (text::fold(info.name_vi) == folded || text::fold(info.name_en) == folded) return &info;
  }
  return nullptr;
}

const ExitGround* Catalog::exit_ground(std::string_view code) const {
  for (const ExitGround& ground : exit_grounds) {
    if (ground.code == code) return &ground;
  }
  return nullptr;
}

const Role* Catalog::role(std::string_view code) const {
  for (const Role& candidate : roles) {
    if (candidate.code == code) return &candidate;
  }
  return nullptr;
}

std::vector<std::string> Catalog::on_roll_statuses() const {
  std::vector<std::string> codes;
  for (const MemberStatusInfo& info : member_statuses) {
    if (info.on_roll) codes.push_back(info.code);
  }
  return codes;
}

}  // namespace chibo::domain
