#include "io/catalog_loader.h"

#include <set>

#include "io/tsv.h"
#include "resources/resources.h"

namespace chibo::io {

namespace {

using domain::CatalogEntry;
using domain::CatalogList;

// The first required column must be unique unless `unique_first` is false (tables keyed by
// two columns check their key themselves).
Result<TsvTable> table_of(const std::string& file, const std::vector<std::string>& required_columns,
                          bool unique_first = true) {
  const std::string path = "data/catalog/" + file;
  const std::optional<std::string_view> data = resources::find(path);
  if (!data) return Error::malformed("catalog_missing", {{"source", path}});
  Result<TsvTable> table = parse_tsv(*data, path);
  if (!table) return table;
  for (const std::string& column : required_columns) {
    if (table->column(column) < 0)
      return Error::malformed("catalog_column_missing", {{"source", path}, {"column", column}});
  }
  if (!unique_first) return table;
  std::set<std::string> seen;
  const int first = table->column(required_columns.front());
  for (const auto& row : table->rows) {
    if (!seen.insert(row[first]).second) {
      return Error::malformed("catalog_duplicate_code", {{"source", path}, {"code", row[first]}});
    }
  }
  return table;
}

// A list from columns code (or `code_column`), name_vi, name_en.
Result<CatalogList> list_of(const std::string& file, const std::string& code_column = "code") {
  Result<TsvTable> table = table_of(file, {code_column, "name_vi"});
  if (!table) return std::move(table).error();
  const int code = table->column(code_column);
  const int name_vi = table->column("name_vi");
  const int name_en = table->column("name_en");
  std::vector<CatalogEntry> entries;
  for (const auto& row : table->rows) {
    entries.push_back({row[code], row[name_vi], name_en >= 0 ? row[name_en] : row[name_vi]});
  }
  return CatalogList(std::move(entries));
}

bool flag(const std::string& value) { return value == "1" || value == "yes" || value == "true"; }

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    if (!part.empty() && part != "-") parts.push_back(part);
    start = end + 1;
  }
  return parts;
}

// document_types.tsv, issuer_abbreviations.tsv, document_marks.tsv, committee_positions.tsv;
// the org kinds they name must exist in `catalog`.
Result<domain::DocumentCatalog> load_document_catalog(const domain::Catalog& catalog) {
  domain::DocumentCatalog documents;
  Result<TsvTable> types =
      table_of("document_types.tsv", {"code", "name_vi", "name_en", "symbol", "series", "numbered",
                                      "congress", "layout", "source"});
  if (!types) return std::move(types).error();
  for (const auto& row : types->rows) {
    domain::DocumentType type;
    type.code = row[types->column("code")];
    type.name_vi = row[types->column("name_vi")];
    type.name_en = row[types->column("name_en")];
    type.symbol = row[types->column("symbol")] == "-" ? "" : row[types->column("symbol")];
    type.series = row[types->column("series")] == "-" ? "" : row[types->column("series")];
    type.numbered = flag(row[types->column("numbered")]);
    type.congress = flag(row[types->column("congress")]);
    const std::string layout = row[types->column("layout")];
    type.source = row[types->column("source")];
    if (layout != "standard" && layout != "letter") {
      return Error::malformed("catalog_bad_layout",
                              {{"source", "document_types.tsv"}, {"code", type.code}});
    }
    type.layout =
        layout == "letter" ? domain::DocumentLayout::kLetter : domain::DocumentLayout::kStandard;
    // A numbered type needs a symbol to print and a series to count in.
    if (type.numbered && (type.symbol.empty() || type.series.empty())) {
      return Error::malformed("catalog_type_without_symbol",
                              {{"source", "document_types.tsv"}, {"code", type.code}});
    }
    documents.types.push_back(std::move(type));
  }
  Result<TsvTable> issuers =
      table_of("issuer_abbreviations.tsv", {"org_kind", "body", "abbreviation", "source"}, false);
  if (!issuers) return std::move(issuers).error();
  std::set<std::pair<std::string, std::string>> issuer_keys;
  for (const auto& row : issuers->rows) {
    domain::IssuerAbbreviation issuer;
    issuer.org_kind = row[issuers->column("org_kind")];
    issuer.body = row[issuers->column("body")];
    issuer.abbreviation =
        row[issuers->column("abbreviation")] == "-" ? "" : row[issuers->column("abbreviation")];
    issuer.source = row[issuers->column("source")];
    const bool known_body = issuer.body == domain::issuing_body::kCommittee ||
                            issuer.body == domain::issuing_body::kCongress ||
                            issuer.body == domain::issuing_body::kInspectionCommittee ||
                            issuer.body == domain::issuing_body::kOffice ||
                            issuer.body == domain::issuing_body::kOrganizationBoard;
    if (!catalog.org_kind(issuer.org_kind) || !known_body ||
        !issuer_keys.insert({issuer.org_kind, issuer.body}).second) {
      return Error::malformed(
          "catalog_bad_issuer",
          {{"source", "issuer_abbreviations.tsv"}, {"code", issuer.org_kind + "/" + issuer.body}});
    }
    documents.issuers.push_back(std::move(issuer));
  }
  Result<TsvTable> marks =
      table_of("document_marks.tsv", {"code", "kind", "label", "name_vi", "name_en", "source"});
  if (!marks) return std::move(marks).error();
  for (const auto& row : marks->rows) {
    domain::DocumentMark mark;
    mark.code = row[marks->column("code")];
    const std::string kind = row[marks->column("kind")];
    if (kind == "secrecy") {
      mark.kind = domain::MarkKind::kSecrecy;
    } else if (kind == "urgency") {
      mark.kind = domain::MarkKind::kUrgency;
    } else if (kind == "authority") {
      mark.kind = domain::MarkKind::kAuthority;
    } else {
      return Error::malformed("catalog_bad_mark_kind",
                              {{"source", "document_marks.tsv"}, {"code", mark.code}});
    }
    mark.label = row[marks->column("label")];
    mark.name_vi = row[marks->column("name_vi")];
    mark.name_en = row[marks->column("name_en")];
    mark.source = row[marks->column("source")];
    documents.marks.push_back(std::move(mark));
  }
  Result<TsvTable> positions =
      table_of("committee_positions.tsv", {"code", "body", "role", "name_vi", "name_en", "source"});
  if (!positions) return std::move(positions).error();
  for (const auto& row : positions->rows) {
    domain::CommitteePosition position;
    position.code = row[positions->column("code")];
    position.body = row[positions->column("body")];
    position.role = row[positions->column("role")];
    position.name_vi = row[positions->column("name_vi")];
    position.name_en = row[positions->column("name_en")];
    position.source = row[positions->column("source")];
    const bool known_body = position.body == "committee" || position.body == "standing" ||
                            position.body == "inspection" || position.body == "group";
    const bool known_role = position.role == domain::position_role::kSecretary ||
                            position.role == domain::position_role::kDeputy ||
                            position.role == domain::position_role::kMember;
    if (!known_body || !known_role) {
      return Error::malformed("catalog_bad_position",
                              {{"source", "committee_positions.tsv"}, {"code", position.code}});
    }
    documents.positions.push_back(std::move(position));
  }
  return documents;
}

}  // namespace

Result<domain::Catalog> load_catalog() {
  domain::Catalog catalog;
  struct ListFile {
    CatalogList domain::Catalog::*list;
    const char* file;
    const char* code_column;
  };
  const ListFile lists[] = {
      {&domain::Catalog::sexes, "sexes.tsv", "code"},
      {&domain::Catalog::ethnicities, "ethnicities.tsv", "code"},
      {&domain::Catalog::religions, "religions.tsv", "code"},
      {&domain::Catalog::provinces, "provinces.tsv", "cccd_code"},
      {&domain::Catalog::professional_qualifications, "professional_qualifications.tsv", "code"},
      {&domain::Catalog::political_theory_levels, "political_theory_levels.tsv", "code"},
      {&domain::Catalog::occupations, "occupations.tsv", "code"},
  };
  for (const ListFile& list : lists) {
    Result<CatalogList> loaded = list_of(list.file, list.code_column);
    if (!loaded) return std::move(loaded).error();
    catalog.*(list.list) = std::move(*loaded);
  }
  Result<TsvTable> kinds =
      table_of("org_kinds.tsv", {"code", "name_vi", "name_en", "parents", "holds_members",
                                 "is_base", "min_official_applies"});
  if (!kinds) return std::move(kinds).error();
  for (const auto& row : kinds->rows) {
    domain::OrgKind kind;
    kind.code = row[kinds->column("code")];
    kind.name_vi = row[kinds->column("name_vi")];
    kind.name_en = row[kinds->column("name_en")];
    kind.parent_kinds = split_commas(row[kinds->column("parents")]);
    // "-" among the parents (or no parent at all): the kind may be a root. A committee
    // directly under the Central Committee is the root of its own deployment, and sits under
    // the national root (party_central) in a deployment for the whole Party.
    const std::string parents = row[kinds->column("parents")];
    kind.may_be_root = kind.parent_kinds.empty() || parents == "-" || parents.rfind("-,", 0) == 0 ||
                       parents.find(",-") != std::string::npos;
    kind.holds_members = flag(row[kinds->column("holds_members")]);
    kind.is_base = flag(row[kinds->column("is_base")]);
    kind.min_official_applies = flag(row[kinds->column("min_official_applies")]);
    // Optional column: a catalog without it holds no congress terms.
    if (const int term = kinds->column("term"); term >= 0 && row[term] != "-") {
      if (row[term] != "standard" && row[term] != "cell") {
        return Error::malformed("catalog_bad_term_class",
                                {{"source", "org_kinds.tsv"}, {"code", kind.code}});
      }
      kind.term_class = row[term];
    }
    catalog.org_kinds.push_back(std::move(kind));
  }
  for (const domain::OrgKind& kind : catalog.org_kinds) {
    for (const std::string& parent : kind.parent_kinds) {
      if (!catalog.org_kind(parent)) {
        return Error::malformed("catalog_unknown_parent_kind",
                                {{"source", "org_kinds.tsv"}, {"code", parent}});
      }
    }
  }
  Result<TsvTable> statuses =
      table_of("member_statuses.tsv", {"code", "name_vi", "name_en", "on_roll"});
  if (!statuses) return std::move(statuses).error();
  for (const auto& row : statuses->rows) {
    catalog.member_statuses.push_back(
        {row[statuses->column("code")], row[statuses->column("name_vi")],
         row[statuses->column("name_en")], flag(row[statuses->column("on_roll")])});
  }
  Result<TsvTable> grounds = table_of(
      "exit_grounds.tsv", {"code", "status", "name_vi", "name_en", "readmission", "source"});
  if (!grounds) return std::move(grounds).error();
  std::vector<CatalogEntry> ground_entries;
  for (const auto& row : grounds->rows) {
    domain::ExitGround ground;
    ground.code = row[grounds->column("code")];
    ground.status = row[grounds->column("status")];
    ground.name_vi = row[grounds->column("name_vi")];
    ground.name_en = row[grounds->column("name_en")];
    const std::string readmission = row[grounds->column("readmission")];
    if (readmission != "allowed" && readmission != "never") {
      return Error::malformed("catalog_bad_readmission",
                              {{"source", "exit_grounds.tsv"}, {"code", ground.code}});
    }
    ground.readmission_allowed = readmission == "allowed";
    ground.source = row[grounds->column("source")];
    const domain::MemberStatusInfo* status = catalog.member_status(ground.status);
    if (!status || status->on_roll) {
      return Error::malformed("catalog_bad_exit_status",
                              {{"source", "exit_grounds.tsv"}, {"code", ground.status}});
    }
    ground_entries.push_back({ground.code, ground.name_vi, ground.name_en});
    catalog.exit_grounds.push_back(std::move(ground));
  }
  catalog.exit_ground_list = CatalogList(std::move(ground_entries));
  Result<TsvTable> roles = table_of(
      "roles.tsv", {"code", "name_vi", "name_en", "scope", "requires_totp", "permissions"});
  if (!roles) return std::move(roles).error();
  for (const auto& row : roles->rows) {
    domain::Role role;
    role.code = row[roles->column("code")];
    role.name_vi = row[roles->column("name_vi")];
    role.name_en = row[roles->column("name_en")];
    const std::string scope = row[roles->column("scope")];
    if (scope != "subtree" && scope != "own_record") {
      return Error::malformed("catalog_bad_scope", {{"source", "roles.tsv"}, {"code", role.code}});
    }
    role.scope =
        scope == "own_record" ? domain::ScopeKind::kOwnRecord : domain::ScopeKind::kSubtree;
    role.requires_totp = flag(row[roles->column("requires_totp")]);
    for (const std::string& code : split_commas(row[roles->column("permissions")])) {
      const std::optional<domain::Permission> permission = domain::parse_permission(code);
      if (!permission) {
        return Error::malformed("catalog_unknown_permission",
                                {{"source", "roles.tsv"}, {"code", code}});
      }
      role.permissions.insert(*permission);
    }
    catalog.roles.push_back(std::move(role));
  }
  Result<domain::DocumentCatalog> documents = load_document_catalog(catalog);
  if (!documents) return std::move(documents).error();
  catalog.documents = std::move(*documents);
  for (std::string_view required :
       {domain::status::kOfficial, domain::status::kProbationary, domain::status::kExempted,
        domain::status::kNotRecognized, domain::status::kExpelled, domain::status::kDeceased,
        domain::status::kTransferredOut}) {
    if (!catalog.member_status(required)) {
      return Error::malformed("catalog_missing_status", {{"code", std::string(required)}});
    }
  }
  return catalog;
}

}  // namespace chibo::io
