#include "app/documents.h"

#include <algorithm>
#include <set>

#include "app/access_control.h"
#include "domain/documents/attachment.h"
#include "domain/documents/document_rules.h"
#include "domain/documents/issuer_name.h"
#include "domain/documents/numbering.h"
#include "domain/documents/printed_document.h"
#include "domain/documents/symbol.h"
#include "io/documents/docx_writer.h"
#include "io/documents/print_html.h"
#include "security/hashing.h"
#include "text/clean.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

using domain::Permission;
using domain::Reach;
using nlohmann::json;

constexpr size_t kFromIssuerMaxChars = 255;
constexpr size_t kCirculationMaxChars = 255;
constexpr size_t kReasonMaxChars = 1000;
constexpr size_t kMaxForwards = 500;

const std::vector<std::string>& issuing_bodies() {
  static const std::vector<std::string> bodies = {
      std::string(domain::issuing_body::kCommittee), std::string(domain::issuing_body::kCongress),
      std::string(domain::issuing_body::kInspectionCommittee),
      std::string(domain::issuing_body::kOffice),
      std::string(domain::issuing_body::kOrganizationBoard)};
  return bodies;
}

bool known_body(const std::string& body) {
  const auto& bodies = issuing_bodies();
  return std::find(bodies.begin(), bodies.end(), body) != bodies.end();
}

// Where a document shows: its organization's subtree, and those it was passed down to.
bool covered(const Reach& reach, const RegisteredDocument& document,
             const std::vector<DocumentForward>& forwards) {
  if (reach.covers(document.org_path)) return true;
  return std::any_of(forwards.begin(), forwards.end(),
                     [&](const DocumentForward& f) { return reach.covers(f.org_path); });
}

json audit_json(const RegisteredDocument& d) {
  json value = {{"direction", d.direction},
                {"type", d.type},
                {"org_id", d.org.value},
                {"issued_on", d.issued_on.iso()}};
  if (!d.symbol.empty()) value["symbol"] = d.symbol;
  if (!d.issuing_body.empty()) value["issuing_body"] = d.issuing_body;
  if (d.term_id > 0) value["term_id"] = d.term_id;
  if (d.secret()) value["secrecy"] = d.secrecy;
  return value;
}

AuditEntry document_entry(const std::string& action, const RegisteredDocument& d) {
  AuditEntry entry =
      AuditEntry::about("document." + action, "document", d.id.value, d.org_path.str());
  entry.restricted = d.secret();
  entry.details = audit_json(d);
  return entry;
}

// Cleans a single line in place; a failure is a FieldError against `field`.
void clean_text(std::string& value, const std::string& field, size_t max,
                std::vector<FieldError>& errors) {
  const text::Cleaned cleaned = text::clean_line(value);
  if (!cleaned.ok()) {
    errors.push_back(
        {field,
         cleaned.error == text::CleanError::kInvalidUtf8 ? "invalid_utf8" : "control_character",
         {}});
    return;
  }
  value = cleaned.text;
  if (max > 0 && text::code_point_count(value) > max)
    errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
}

std::string search_symbol_of(const RegisteredDocument& d) {
  std::string key = text::fold(d.symbol);
  if (d.number) key += " " + std::to_string(*d.number);
  return key;
}

std::string search_text_of(const RegisteredDocument& d, const domain::DocumentCatalog& catalog) {
  std::string text;
  if (const domain::DocumentType* type = catalog.type(d.type)) text = type->name_vi + " ";
  text += d.summary + " " + d.issuer_name + " " + d.from_issuer;
  return text::fold(text);
}

void refresh_search(RegisteredDocument& d, const domain::DocumentCatalog& catalog) {
  d.search_symbol = search_symbol_of(d);
  d.search_text = search_text_of(d, catalog);
}

// Applies the fields that were sent (absent: unchanged).
void apply_fields(RegisteredDocument& d, const DocumentFields& f) {
  if (f.type) d.type = *f.type;
  if (f.issued_on) d.issued_on = *f.issued_on;
  if (f.place) d.place = *f.place;
  if (f.summary) d.summary = *f.summary;
  if (f.body) d.body = *f.body;
  if (f.issuer_name) d.issuer_name = *f.issuer_name;
  if (f.superior_issuer) d.superior_issuer = *f.superior_issuer;
  if (f.signer_member) d.signer_member = *f.signer_member;
  if (f.signer_name) d.signer_name = *f.signer_name;
  if (f.signer_position) d.signer_position = *f.signer_position;
  if (f.authority) d.authority = *f.authority;
  if (f.signing_for) d.signing_for = *f.signing_for;
  if (f.recipients) {
    d.recipients.clear();
    for (const RecipientInput& r : *f.recipients) d.recipients.push_back({r.org, r.line});
  }
  if (f.secrecy) d.secrecy = *f.secrecy;
  if (f.urgency) d.urgency = *f.urgency;
  if (f.circulation) d.circulation = *f.circulation;
  if (f.from_issuer) d.from_issuer = *f.from_issuer;
  if (f.symbol) d.symbol = *f.symbol;
  if (f.received_on) d.received_on = *f.received_on;
}

// Names of organizations by id, read in one query.
std::map<OrgId, std::string> org_names_of(Context& ctx, std::vector<OrgId> ids) {
  std::map<OrgId, std::string> names;
  ids.erase(std::remove_if(ids.begin(), ids.end(), [](OrgId id) { return !id.valid(); }),
            ids.end());
  if (ids.empty()) return names;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const Organization& org : ctx.tx.orgs().find_many(ids)) names[org.id] = org.name;
  return names;
}

std::string term_name_of(Context& ctx, const RegisteredDocument& d) {
  if (d.term_id <= 0) return "";
  std::optional<domain::Term> term = ctx.tx.terms().find(d.term_id);
  return term ? term->name : "";
}

DocumentView full_view(Context& ctx, RegisteredDocument document, bool restricted) {
  DocumentView view;
  view.forwards = ctx.tx.documents().forwards(document.id);
  view.attachments = ctx.tx.documents().attachments(document.id);
  view.attachment_count = static_cast<int64_t>(view.attachments.size());
  std::vector<OrgId> ids = {document.org};
  for (const DocumentRecipient& r : document.recipients) ids.push_back(r.org);
  for (const DocumentForward& f : view.forwards) ids.push_back(f.org);
  view.org_names = org_names_of(ctx, ids);
  view.org_name = view.org_names[document.org];
  view.term_name = term_name_of(ctx, document);
  view.restricted = restricted;
  view.document = std::move(document);
  return view;
}

// The term a document dated `on` is numbered in: for a congress, the term it opens (the
// congress's days fall in it); else the term running on that day.
const domain::Term* numbering_term(const std::vector<domain::Term>& terms, const std::string& body,
                                   Date on) {
  if (body == domain::issuing_body::kCongress) {
    for (const domain::Term& term : terms) {
      const Date opened = term.congress_opened_on.value_or(term.congress_closed_on);
      if (opened <= on && on <= term.congress_closed_on) return &term;
    }
  }
  return domain::term_on(terms, on);
}

// Checks who signs: a registry member the actor may see (their name fills signer_name).
void resolve_signer(Context& ctx, RegisteredDocument& d, const Organization& org,
                    std::vector<FieldError>& errors) {
  if (!d.signer_member.valid()) return;
  std::optional<Member> member = ctx.tx.members().find(d.signer_member);
  const Reach members = reach_of(ctx, Permission::kMemberRead);
  if (!member || (!org.path.contains(member->org_path) && !members.covers(member->org_path))) {
    errors.push_back({"signer_member_id", "member_not_found", {}});
    return;
  }
  if (d.signer_name.empty()) d.signer_name = member->full_name;
}

// Recipients in the tree must exist, be active and lie in the actor's reach or above the
// issuer (its superiors); free lines are cleaned.
void check_recipients(Context& ctx, RegisteredDocument& d, const Organization& issuer,
                      const Reach& reach, std::vector<FieldError>& errors) {
  std::vector<OrgId> ids;
  for (const DocumentRecipient& r : d.recipients)
    if (r.org.valid()) ids.push_back(r.org);
  std::map<OrgId, Organization> found;
  if (!ids.empty()) {
    for (Organization& org : ctx.tx.orgs().find_many(ids)) found[org.id] = std::move(org);
  }
  for (size_t i = 0; i < d.recipients.size(); ++i) {
    DocumentRecipient& r = d.recipients[i];
    const std::string field = "recipients[" + std::to_string(i) + "]";
    if (r.org.valid()) {
      auto it = found.find(r.org);
      const bool reachable = it != found.end() && (reach.covers(it->second.path) ||
                                                   it->second.path.contains(issuer.path));
      if (!reachable) {
        errors.push_back({field + ".org_id", "org_not_found", {}});
      } else if (!it->second.active()) {
        errors.push_back({field + ".org_id", "org_not_active", {}});
      }
      r.line.clear();
    } else {
      clean_text(r.line, field + ".text", domain::kRecipientMaxChars, errors);
      if (r.line.empty()) errors.push_back({field, "required", {}});
    }
  }
  if (d.recipients.size() > domain::kMaxRecipients)
    errors.push_back({"recipients", "too_many", {{"max", std::to_string(domain::kMaxRecipients)}}});
}

// The domain's checks of an outgoing document (clean_document, check_document) on its
// printable form; `skip_date` leaves the date to assign_number (issue) or out (update: the
// date never changes).
void check_outgoing(Context& ctx, RegisteredDocument& d, const domain::Term* term, bool skip_date,
                    std::vector<FieldError>& errors) {
  const domain::DocumentCatalog& catalog = ctx.services.catalog.documents;
  std::map<OrgId, std::string> names;
  for (const DocumentRecipient& r : d.recipients)
    if (r.org.valid()) names[r.org] = "-";
  domain::PartyDocument printable = party_document_of(d, names);
  std::vector<FieldError> found;
  domain::clean_document(printable, found);
  for (FieldError& error : domain::check_document(printable, catalog, term)) {
    if (skip_date && error.field == "issued_on") continue;
    if (error.field.rfind("recipients[", 0) == 0) continue;  // checked by check_recipients
    if (error.field == "signer_name" && error.code == "required" && d.signer_member.valid())
      continue;
    found.push_back(std::move(error));
  }
  for (FieldError& error : found) errors.push_back(std::move(error));
  // Take the cleaned text back.
  d.place = printable.place;
  d.summary = printable.summary;
  d.body = printable.body;
  d.issuer_name = printable.issuer_name;
  d.superior_issuer = printable.superior_issuer;
  d.signer_name = printable.signer_name;
  d.signer_position = printable.signer_position;
  d.signing_for = printable.signing_for;
  clean_text(d.circulation, "circulation", kCirculationMaxChars, errors);
}

// Read access to a document: not found outside document.read; secret documents need
// document.secret.read (403: the register line is visible to the reader) and are audited.
Result<RegisteredDocument> readable(Context& ctx, DocumentId id, bool full,
                                    std::vector<DocumentForward>* forwards_out = nullptr) {
  // Outside the reach (or with no reach at all) a document is not found, like one that does
  // not exist.
  const Reach reach = reach_of(ctx, Permission::kDocumentRead);
  std::optional<RegisteredDocument> document = ctx.tx.documents().find(id);
  if (!document) return Error::not_found("document");
  std::vector<DocumentForward> forwards = ctx.tx.documents().forwards(id);
  if (!covered(reach, *document, forwards)) return Error::not_found("document");
  if (full && document->secret()) {
    if (!covered(reach_of(ctx, Permission::kDocumentSecretRead), *document, forwards))
      return Error::forbidden("document_secret");
  }
  if (forwards_out) *forwards_out = std::move(forwards);
  return std::move(*document);
}

void audit_secret_read(Context& ctx, const RegisteredDocument& d, const std::string& what) {
  if (!d.secret()) return;
  AuditEntry entry = document_entry("read_secret", d);
  entry.with("read", what);
  ctx.audit(entry);
}

// Write access: the document's organization in document.write's reach (403 when the actor
// may read it, else not found); a withdrawn document takes no more changes.
Result<RegisteredDocument> writable(Context& ctx, DocumentId id, bool allow_withdrawn = false) {
  const Reach reach = reach_of(ctx, Permission::kDocumentWrite);
  std::optional<RegisteredDocument> document = ctx.tx.documents().find(id);
  if (!document) return Error::not_found("document");
  if (!reach.covers(document->org_path)) {
    const Reach read = reach_of(ctx, Permission::kDocumentRead);
    if (covered(read, *document, ctx.tx.documents().forwards(id)))
      return Error::forbidden("forbidden");
    return Error::not_found("document");
  }
  if (!allow_withdrawn && document->withdrawn()) return Error::conflict("document_withdrawn");
  return std::move(*document);
}

std::string file_stem(const std::string& symbol, DocumentId id) {
  if (symbol.empty()) return "van-ban-" + std::to_string(id.value);
  std::string folded = text::fold(symbol);  // "09 kh du"
  for (char& c : folded) {
    if (c == ' ') c = '-';
  }
  return folded;
}

}  // namespace

domain::PartyDocument party_document_of(const RegisteredDocument& d,
                                        const std::map<OrgId, std::string>& org_names) {
  domain::PartyDocument p;
  p.type = d.type;
  p.superior_issuer = d.superior_issuer;
  p.issuer_name = d.issuer_name;
  p.symbol = d.symbol;
  p.place = d.place;
  p.issued_on = d.issued_on;
  p.summary = d.summary;
  p.body = d.body;
  p.authority = d.authority;
  p.signing_for = d.signing_for;
  p.signer_position = d.signer_position;
  p.signer_name = d.signer_name;
  for (const DocumentRecipient& r : d.recipients) {
    if (r.org.valid()) {
      auto it = org_names.find(r.org);
      p.recipients.push_back(it != org_names.end() ? it->second : "");
    } else {
      p.recipients.push_back(r.line);
    }
  }
  p.secrecy = d.secrecy;
  p.urgency = d.urgency;
  return p;
}

Result<DocumentList> list_documents(Context& ctx, const DocumentQuery& query) {
  const Reach reach = reach_of(ctx, Permission::kDocumentRead);
  if (reach.none()) return Error::forbidden("forbidden");
  const Reach secret = reach_of(ctx, Permission::kDocumentSecretRead);
  DocumentFilter filter;
  filter.direction = query.direction;
  filter.issuing_body = query.issuing_body;
  filter.type = query.type;
  filter.term_id = query.term_id;
  filter.status = query.status;
  filter.from = query.from;
  filter.to = query.to;
  filter.offset = query.offset;
  filter.limit = query.limit;
  filter.query = text::fold(query.q);
  // Secret summaries are searched only for who may read them all (a reader with the
  // permission over part of their scope finds secret documents by number and symbol).
  filter.search_secret_text =
      secret.everything ||
      (!reach.everything && std::all_of(reach.subtrees.begin(), reach.subtrees.end(),
                                        [&](const OrgPath& p) { return secret.covers(p); }));
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.org = query.org;
  }
  if (reach.everything) {
    filter.unlimited = true;
  } else {
    filter.within = reach.subtrees;
  }
  DocumentPage page = ctx.tx.documents().page(filter);
  DocumentList list;
  list.total = page.total;
  std::vector<OrgId> ids;
  for (const RegisteredDocument& d : page.items) ids.push_back(d.org);
  std::map<OrgId, std::string> names = org_names_of(ctx, ids);
  std::map<int64_t, std::string> term_names;
  for (RegisteredDocument& d : page.items) {
    DocumentView view;
    view.org_name = names[d.org];
    if (d.term_id > 0) {
      auto it = term_names.find(d.term_id);
      if (it == term_names.end()) it = term_names.emplace(d.term_id, term_name_of(ctx, d)).first;
      view.term_name = it->second;
    }
    view.attachment_count = page.attachment_counts[d.id];
    if (d.secret()) {
      // The secret reach must cover where the reader sees it from: its organization, or a
      // forward inside the reader's scope (checked per document only for secret ones).
      const bool readable_secret =
          secret.covers(d.org_path) ||
          (!secret.none() && covered(secret, d, ctx.tx.documents().forwards(d.id)));
      if (!readable_secret) {
        view.restricted = true;
        d.summary.clear();
      }
    }
    view.document = std::move(d);
    list.items.push_back(std::move(view));
  }
  return list;
}

Result<DocumentView> get_document(Context& ctx, DocumentId id) {
  Result<RegisteredDocument> document = readable(ctx, id, true);
  if (!document) return std::move(document).error();
  audit_secret_read(ctx, *document, "document");
  return full_view(ctx, std::move(*document), false);
}

namespace {

struct IssuerContext {
  Organization org;
  domain::Issuer issuer;
  const domain::DocumentType* type = nullptr;
  std::vector<domain::Term> terms;
};

// The issuing organization (in document.write's reach: else org_id not found), its issuer for
// `body` and the type, each problem a FieldError.
std::optional<IssuerContext> issuer_context(Context& ctx, OrgId org_id, const std::string& body,
                                            const std::string& type_code, const Reach& reach,
                                            std::vector<FieldError>& errors,
                                            const char* org_field = "org_id",
                                            const char* body_field = "issuing_body") {
  IssuerContext found;
  std::optional<Organization> org = ctx.tx.orgs().find(org_id);
  if (!org || !reach.covers(org->path)) {
    errors.push_back({org_field, "org_not_found", {}});
  } else if (!org->active()) {
    errors.push_back({org_field, "org_not_active", {}});
  }
  const domain::DocumentCatalog& catalog = ctx.services.catalog.documents;
  if (type_code.empty()) {
    errors.push_back({"type", "required", {}});
  } else {
    found.type = catalog.type(type_code);
    if (!found.type)
      errors.push_back({"type", "unknown_code", {{"value", type_code.substr(0, 40)}}});
  }
  if (!known_body(body)) {
    errors.push_back({body_field, "unknown_code", {{"value", body.substr(0, 40)}}});
    return std::nullopt;
  }
  if (!org || !errors.empty()) return std::nullopt;
  found.org = *org;
  const auto overrides = ctx.tx.documents().issuer_overrides(org->id);
  const std::optional<std::string> abbreviation =
      domain::issuer_abbreviation(catalog, org->kind, body, overrides);
  if (!abbreviation) {
    errors.push_back({body_field, "issuer_not_numbering", {{"body", body}}});
    return std::nullopt;
  }
  found.issuer = {org->id.value, body, *abbreviation};
  found.terms = ctx.tx.terms().terms_of(org->id);
  return found;
}

}  // namespace

Result<NumberPreview> next_document_number(Context& ctx, const NumberQuery& query) {
  const Reach reach = reach_of(ctx, Permission::kDocumentRead);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  std::optional<IssuerContext> issuer =
      issuer_context(ctx, query.org, query.issuing_body, query.type, reach, errors, "org");
  if (!issuer) {
    for (FieldError& e : errors) {
      if (e.code == "org_not_found") return Error::not_found("organization");
    }
    return Error::invalid(std::move(errors));
  }
  const Date on = query.issued_on.value_or(ctx.today());
  const domain::Term* term = numbering_term(issuer->terms, query.issuing_body, on);
  if (!term) return Error::invalid_field("issued_on", "no_term");
  Result<domain::AssignedNumber> first =
      domain::assign_number(issuer->issuer, *issuer->type, *term, on, {}, ctx.services.rules);
  if (!first) return std::move(first).error();
  const SeriesKey key{issuer->org.id, first->series.body, first->series.series, term->id};
  const int64_t last = ctx.tx.documents().last_number(key, false);
  Result<domain::AssignedNumber> assigned =
      domain::assign_number(issuer->issuer, *issuer->type, *term, on, {last}, ctx.services.rules);
  if (!assigned) return std::move(assigned).error();
  NumberPreview preview;
  preview.org = issuer->org.id;
  preview.issuing_body = query.issuing_body;
  preview.type = query.type;
  preview.issued_on = on;
  preview.number = assigned->symbol.number;
  preview.symbol = assigned->text;
  preview.number_text = assigned->text.substr(0, assigned->text.find('-'));
  preview.abbreviation = issuer->issuer.abbreviation;
  preview.term = *term;
  return preview;
}

Result<DocumentView> issue_document(Context& ctx, OutgoingDocumentRequest request) {
  const Reach reach = reach_of(ctx, Permission::kDocumentWrite);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  const DocumentFields& f = request.fields;
  if (!f.issued_on) errors.push_back({"issued_on", "required", {}});
  std::optional<IssuerContext> issuer =
      issuer_context(ctx, request.org, request.issuing_body, f.type.value_or(""), reach, errors);
  if (!issuer || !f.issued_on) return Error::invalid(std::move(errors));

  RegisteredDocument d;
  d.direction = document_direction::kOutgoing;
  d.status = document_status::kActive;
  d.org = issuer->org.id;
  d.org_path = issuer->org.path;
  d.issuing_body = request.issuing_body;
  d.issuer_name = domain::issuer_name(issuer->org.name, request.issuing_body);
  if (issuer->org.parent_id.valid()) {
    if (std::optional<Organization> parent = ctx.tx.orgs().find(issuer->org.parent_id))
      d.superior_issuer = parent->name;
  }
  apply_fields(d, f);
  const Date on = d.issued_on;
  const domain::Term* term = numbering_term(issuer->terms, request.issuing_body, on);
  std::optional<domain::AssignedNumber> provisional;
  if (!term) {
    errors.push_back({"issued_on", "no_term", {}});
  } else if (Result<domain::AssignedNumber> first = domain::assign_number(
                 issuer->issuer, *issuer->type, *term, on, {}, ctx.services.rules)) {
    provisional = *first;
    d.symbol = first->text;
  } else {
    for (FieldError& e : std::move(first).error().fields) errors.push_back(std::move(e));
  }
  resolve_signer(ctx, d, issuer->org, errors);
  check_recipients(ctx, d, issuer->org, reach, errors);
  if (d.symbol.empty()) d.symbol = "01-" + issuer->type->symbol + "/" + issuer->issuer.abbreviation;
  check_outgoing(ctx, d, term, /*skip_date=*/true, errors);
  if (!errors.empty() || !provisional) return Error::invalid(std::move(errors));

  // The number: the series' row is locked until commit (PostgreSQL), so concurrent issuances
  // in one series take their turns; the unique index is the last guard.
  const SeriesKey key{d.org, provisional->series.body, provisional->series.series, term->id};
  const int64_t last = ctx.tx.documents().last_number(key, true);
  Result<domain::AssignedNumber> assigned =
      domain::assign_number(issuer->issuer, *issuer->type, *term, on, {last}, ctx.services.rules);
  if (!assigned) return std::move(assigned).error();
  ctx.tx.documents().set_last_number(key, assigned->symbol.number);
  d.series = assigned->series.series;
  d.term_id = term->id;
  d.number = assigned->symbol.number;
  d.symbol = assigned->text;
  refresh_search(d, ctx.services.catalog.documents);
  d.created_at = d.updated_at = ctx.now();
  ctx.tx.documents().insert(d);
  ctx.audit(document_entry("issue", d));
  return full_view(ctx, std::move(d), false);
}

namespace {

// An incoming document's own fields: its issuer, symbol (parsed when its type is numbered),
// dates and marks.
void check_incoming(Context& ctx, RegisteredDocument& d, std::vector<FieldError>& errors) {
  const domain::DocumentCatalog& catalog = ctx.services.catalog.documents;
  clean_text(d.from_issuer, "from_issuer", kFromIssuerMaxChars, errors);
  if (d.from_issuer.empty()) errors.push_back({"from_issuer", "required", {}});
  clean_text(d.summary, "summary", domain::kSummaryMaxChars, errors);
  if (d.summary.empty()) errors.push_back({"summary", "required", {}});
  const domain::DocumentType* type = catalog.type(d.type);
  if (d.type.empty()) {
    errors.push_back({"type", "required", {}});
  } else if (!type) {
    errors.push_back({"type", "unknown_code", {{"value", d.type.substr(0, 40)}}});
  }
  clean_text(d.symbol, "symbol", 60, errors);
  d.number.reset();
  if (type && type->numbered) {
    if (d.symbol.empty()) {
      errors.push_back({"symbol", "required", {}});
    } else if (Result<domain::DocumentSymbol> parsed = domain::parse_symbol(d.symbol, "symbol")) {
      d.number = parsed->number;
      // As written on the document, without a leading "Số" / "Số:".
      const size_t digit = d.symbol.find_first_of("0123456789");
      if (digit != std::string::npos) d.symbol = d.symbol.substr(digit);
    } else {
      for (const FieldError& e : parsed.error().fields) errors.push_back(e);
    }
  } else if (type && !d.symbol.empty()) {
    errors.push_back({"symbol", "symbol_for_unnumbered", {}});
  }
  if (!d.received_on) {
    errors.push_back({"received_on", "required", {}});
  } else {
    if (*d.received_on < d.issued_on)
      errors.push_back({"received_on", "before_issued_on", {{"issued_on", d.issued_on.iso()}}});
    if (ctx.today() < *d.received_on) errors.push_back({"received_on", "in_future", {}});
  }
  for (const auto& [code, kind, field] :
       {std::tuple{&d.secrecy, domain::MarkKind::kSecrecy, "secrecy"},
        std::tuple{&d.urgency, domain::MarkKind::kUrgency, "urgency"}}) {
    if (!code->empty() && !catalog.mark(kind, *code)) errors.push_back({field, "unknown_code", {}});
  }
}

// Organizations an incoming document may be passed down to: below the one that entered it,
// active, in document.write's reach.
std::vector<Organization> forward_targets(Context& ctx, const RegisteredDocument& d,
                                          const std::vector<OrgId>& ids, const Reach& reach,
                                          const std::string& field,
                                          std::vector<FieldError>& errors) {
  std::vector<Organization> targets;
  if (ids.size() > kMaxForwards) {
    errors.push_back({field, "too_many", {{"max", std::to_string(kMaxForwards)}}});
    return targets;
  }
  std::map<OrgId, Organization> found;
  for (Organization& org : ctx.tx.orgs().find_many(ids)) found[org.id] = std::move(org);
  std::set<OrgId> seen;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string name = field + "[" + std::to_string(i) + "]";
    auto it = found.find(ids[i]);
    if (it == found.end() || !reach.covers(it->second.path) ||
        !d.org_path.contains(it->second.path) || it->second.id == d.org) {
      errors.push_back({name, "org_not_found", {}});
    } else if (!it->second.active()) {
      errors.push_back({name, "org_not_active", {}});
    } else if (seen.insert(ids[i]).second) {
      targets.push_back(it->second);
    }
  }
  return targets;
}

}  // namespace

Result<DocumentView> receive_document(Context& ctx, IncomingDocumentRequest request) {
  const Reach reach = reach_of(ctx, Permission::kDocumentWrite);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  std::optional<Organization> org = ctx.tx.orgs().find(request.org);
  if (!org || !reach.covers(org->path)) {
    errors.push_back({"org_id", "org_not_found", {}});
  } else if (!org->active()) {
    errors.push_back({"org_id", "org_not_active", {}});
  }
  RegisteredDocument d;
  d.direction = document_direction::kIncoming;
  d.status = document_status::kActive;
  apply_fields(d, request.fields);
  if (!request.fields.issued_on) errors.push_back({"issued_on", "required", {}});
  if (org) {
    d.org = org->id;
    d.org_path = org->path;
  }
  check_incoming(ctx, d, errors);
  std::vector<Organization> targets;
  if (org) targets = forward_targets(ctx, d, request.forward_to, reach, "forward_to", errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  refresh_search(d, ctx.services.catalog.documents);
  d.created_at = d.updated_at = ctx.now();
  ctx.tx.documents().insert(d);
  for (const Organization& target : targets) {
    ctx.tx.documents().add_forward(
        d.id, {0, target.id, target.path, *d.received_on, "", ctx.actor.name, d.created_at});
  }
  AuditEntry entry = document_entry("receive", d);
  if (!targets.empty()) {
    json ids = json::array();
    for (const Organization& target : targets) ids.push_back(target.id.value);
    entry.with("forwarded_to", ids);
  }
  ctx.audit(entry);
  return full_view(ctx, std::move(d), false);
}

Result<DocumentView> update_document(Context& ctx, DocumentId id, int64_t version,
                                     DocumentFields fields) {
  Result<RegisteredDocument> found = writable(ctx, id);
  if (!found) return std::move(found).error();
  const RegisteredDocument before = *found;
  if (before.version != version) return Error::stale_version();
  std::vector<FieldError> errors;
  RegisteredDocument d = before;
  if (d.outgoing()) {
    // The number, and what it was given for, never change.
    for (const auto& [given, field] : {std::pair{fields.type.has_value(), "type"},
                                       std::pair{fields.issued_on.has_value(), "issued_on"},
                                       std::pair{fields.from_issuer.has_value(), "from_issuer"},
                                       std::pair{fields.symbol.has_value(), "symbol"},
                                       std::pair{fields.received_on.has_value(), "received_on"}}) {
      if (given) errors.push_back({field, "not_editable", {}});
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    apply_fields(d, fields);
    std::optional<Organization> org = ctx.tx.orgs().find(d.org);
    if (!org) return Error::not_found("document");
    if (fields.signer_member && fields.signer_member->valid() && !fields.signer_name)
      d.signer_name.clear();
    resolve_signer(ctx, d, *org, errors);
    if (fields.recipients)
      check_recipients(ctx, d, *org, reach_of(ctx, Permission::kDocumentWrite), errors);
    std::optional<domain::Term> term;
    if (d.term_id > 0) term = ctx.tx.terms().find(d.term_id);
    check_outgoing(ctx, d, term ? &*term : nullptr, /*skip_date=*/true, errors);
  } else {
    for (const auto& [given, field] :
         {std::pair{fields.place.has_value(), "place"}, std::pair{fields.body.has_value(), "body"},
          std::pair{fields.issuer_name.has_value(), "issuer_name"},
          std::pair{fields.superior_issuer.has_value(), "superior_issuer"},
          std::pair{fields.signer_member.has_value(), "signer_member_id"},
          std::pair{fields.signer_name.has_value(), "signer_name"},
          std::pair{fields.signer_position.has_value(), "signer_position"},
          std::pair{fields.authority.has_value(), "authority"},
          std::pair{fields.signing_for.has_value(), "signing_for"},
          std::pair{fields.recipients.has_value(), "recipients"},
          std::pair{fields.circulation.has_value(), "circulation"}}) {
      if (given) errors.push_back({field, "not_editable", {}});
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    apply_fields(d, fields);
    check_incoming(ctx, d, errors);
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  refresh_search(d, ctx.services.catalog.documents);
  d.updated_at = ctx.now();
  if (!ctx.tx.documents().update(d, before)) return Error::stale_version();
  AuditEntry entry = document_entry("update", d);
  json changed = json::array();
  auto note = [&](const char* name, bool differs) {
    if (differs) changed.push_back(name);
  };
  note("summary", d.summary != before.summary);
  note("body", d.body != before.body);
  note("place", d.place != before.place);
  note("signer", d.signer_name != before.signer_name ||
                     d.signer_position != before.signer_position ||
                     d.signer_member != before.signer_member);
  note("authority", d.authority != before.authority || d.signing_for != before.signing_for);
  note("secrecy", d.secrecy != before.secrecy);
  note("urgency", d.urgency != before.urgency);
  note("circulation", d.circulation != before.circulation);
  note("symbol", d.symbol != before.symbol);
  note("from_issuer", d.from_issuer != before.from_issuer);
  note("dates", d.issued_on != before.issued_on || d.received_on != before.received_on);
  entry.with("changed", changed);
  ctx.audit(entry);
  return full_view(ctx, std::move(d), false);
}

Result<DocumentView> withdraw_document(Context& ctx, DocumentId id, int64_t version, Date on,
                                       const std::string& reason) {
  Result<RegisteredDocument> found = writable(ctx, id);
  if (!found) return std::move(found).error();
  const RegisteredDocument before = *found;
  if (before.version != version) return Error::stale_version();
  std::vector<FieldError> errors;
  std::string why = reason;
  clean_text(why, "reason", kReasonMaxChars, errors);
  if (why.empty()) errors.push_back({"reason", "required", {}});
  if (on < before.issued_on)
    errors.push_back({"on", "before_issued_on", {{"issued_on", before.issued_on.iso()}}});
  if (ctx.today() < on) errors.push_back({"on", "in_future", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  RegisteredDocument d = before;
  d.status = document_status::kWithdrawn;
  d.withdrawn_on = on;
  d.withdrawn_reason = why;
  d.updated_at = ctx.now();
  if (!ctx.tx.documents().update(d, before)) return Error::stale_version();
  ctx.audit(document_entry("withdraw", d).with("on", on.iso()));
  return full_view(ctx, std::move(d), false);
}

Result<DocumentView> forward_document(Context& ctx, DocumentId id, std::vector<OrgId> orgs, Date on,
                                      const std::string& note) {
  Result<RegisteredDocument> found = writable(ctx, id);
  if (!found) return std::move(found).error();
  RegisteredDocument d = std::move(*found);
  std::vector<FieldError> errors;
  if (d.outgoing()) return Error::invalid_field("org_ids", "not_incoming");
  if (orgs.empty()) errors.push_back({"org_ids", "required", {}});
  std::string text = note;
  clean_text(text, "note", kReasonMaxChars, errors);
  if (d.received_on && on < *d.received_on)
    errors.push_back({"on", "before_received_on", {{"received_on", d.received_on->iso()}}});
  if (ctx.today() < on) errors.push_back({"on", "in_future", {}});
  const std::vector<Organization> targets =
      forward_targets(ctx, d, orgs, reach_of(ctx, Permission::kDocumentWrite), "org_ids", errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  std::set<OrgId> already;
  for (const DocumentForward& f : ctx.tx.documents().forwards(d.id)) already.insert(f.org);
  json added = json::array();
  const std::string now = ctx.now();
  for (const Organization& target : targets) {
    if (already.count(target.id)) continue;
    ctx.tx.documents().add_forward(d.id,
                                   {0, target.id, target.path, on, text, ctx.actor.name, now});
    added.push_back(target.id.value);
  }
  if (!added.empty()) ctx.audit(document_entry("forward", d).with("forwarded_to", added));
  return full_view(ctx, std::move(d), false);
}

Result<DocumentAttachment> add_attachment(Context& ctx, DocumentId id, AttachmentUpload upload) {
  Result<RegisteredDocument> found = writable(ctx, id);
  if (!found) return std::move(found).error();
  std::vector<FieldError> errors;
  const std::string name = domain::clean_file_name(upload.file_name);
  if (name.empty())
    errors.push_back({"name", upload.file_name.empty() ? "required" : "file_name", {}});
  std::optional<std::string_view> type;
  if (upload.content.empty()) {
    errors.push_back({"file", "required", {}});
  } else {
    type = domain::sniff_attachment_type(upload.content);
    if (!type) errors.push_back({"file", "file_type", {{"accepted", "PDF, DOCX, PNG, JPEG"}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  DocumentAttachment attachment;
  attachment.document = id;
  attachment.file_name = domain::file_name_for_type(name, *type);
  attachment.content_type = std::string(*type);
  attachment.size = static_cast<int64_t>(upload.content.size());
  attachment.sha256 = security::sha256_hex(upload.content);
  attachment.uploaded_at = ctx.now();
  attachment.uploaded_by = ctx.actor.name;
  ctx.tx.documents().store_content(attachment.sha256, upload.content, attachment.uploaded_at);
  ctx.tx.documents().add_attachment(attachment);
  ctx.audit(document_entry("attach", *found)
                .with("attachment_id", attachment.id)
                .with("file_name", attachment.file_name)
                .with("sha256", attachment.sha256)
                .with("size", attachment.size));
  return attachment;
}

Result<AttachmentDownload> download_attachment(Context& ctx, DocumentId id, int64_t attachment_id) {
  Result<RegisteredDocument> document = readable(ctx, id, true);
  if (!document) return std::move(document).error();
  std::optional<DocumentAttachment> attachment = ctx.tx.documents().attachment(id, attachment_id);
  if (!attachment) return Error::not_found("attachment");
  std::optional<std::string> content = ctx.tx.documents().content(attachment->sha256);
  if (!content) return Error::internal("attachment_content_missing");
  audit_secret_read(ctx, *document, "attachment " + std::to_string(attachment_id));
  return AttachmentDownload{std::move(*attachment), std::move(*content)};
}

Result<DocumentView> remove_attachment(Context& ctx, DocumentId id, int64_t attachment_id,
                                       const std::string& reason) {
  Result<RegisteredDocument> found = writable(ctx, id);
  if (!found) return std::move(found).error();
  std::optional<DocumentAttachment> attachment = ctx.tx.documents().attachment(id, attachment_id);
  if (!attachment) return Error::not_found("attachment");
  std::vector<FieldError> errors;
  std::string why = reason;
  clean_text(why, "reason", kReasonMaxChars, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  attachment->removed_at = ctx.now();
  attachment->removed_by = ctx.actor.name;
  attachment->removed_reason = why;
  ctx.tx.documents().remove_attachment(*attachment);
  ctx.audit(document_entry("detach", *found)
                .with("attachment_id", attachment->id)
                .with("file_name", attachment->file_name)
                .with("sha256", attachment->sha256));
  return full_view(ctx, std::move(*found), false);
}

Result<RenderedDocument> render_document(Context& ctx, DocumentId id, DocumentFormat format) {
  Result<RegisteredDocument> document = readable(ctx, id, true);
  if (!document) return std::move(document).error();
  if (!document->outgoing()) return Error::invalid_field("id", "not_outgoing");
  std::vector<OrgId> ids;
  for (const DocumentRecipient& r : document->recipients) ids.push_back(r.org);
  const domain::PartyDocument party = party_document_of(*document, org_names_of(ctx, ids));
  Result<domain::PrintedDocument> printed =
      domain::printed_document(party, ctx.services.catalog.documents, ctx.services.rules);
  if (!printed) return std::move(printed).error();
  RenderedDocument rendered;
  const std::string stem = file_stem(document->symbol, document->id);
  if (format == DocumentFormat::kDocx) {
    Result<std::string> bytes = io::render_docx(*printed);
    if (!bytes) return std::move(bytes).error();
    rendered.content = std::move(*bytes);
    rendered.file_name = stem + ".docx";
  } else {
    Result<std::string> page = io::render_print_html(*printed);
    if (!page) return std::move(page).error();
    rendered.content = std::move(*page);
    rendered.file_name = stem + ".html";
  }
  // Every export or print is audited (reference §5 item 3): a secret document's as a restricted
  // read, any other as an export.
  const char* what = format == DocumentFormat::kDocx ? "docx" : "print";
  if (document->secret()) {
    audit_secret_read(ctx, *document, what);
  } else {
    AuditEntry entry = AuditEntry::about("document.export", "document", document->id.value,
                                         document->org_path.str());
    entry.with("format", what).with("symbol", document->symbol);
    ctx.audit(entry);
  }
  return rendered;
}

namespace {

DocumentIssuers issuers_of(Context& ctx, const Organization& org) {
  DocumentIssuers issuers;
  issuers.org = org.id;
  const auto overrides = ctx.tx.documents().issuer_overrides(org.id);
  for (const std::string& body : issuing_bodies()) {
    IssuerRow row;
    row.body = body;
    row.default_abbreviation =
        domain::issuer_abbreviation(ctx.services.catalog.documents, org.kind, body).value_or("");
    auto it = overrides.find(body);
    if (it != overrides.end()) row.override_abbreviation = it->second;
    issuers.rows.push_back(std::move(row));
  }
  return issuers;
}

}  // namespace

Result<DocumentIssuers> document_issuers(Context& ctx, OrgId org_id) {
  const Reach reach = reach_of(ctx, Permission::kDocumentRead);
  std::optional<Organization> org = ctx.tx.orgs().find(org_id);
  if (!org || !reach.covers(org->path)) return Error::not_found("organization");
  return issuers_of(ctx, *org);
}

Result<DocumentIssuers> set_document_issuers(Context& ctx, OrgId org_id,
                                             const std::map<std::string, std::string>& overrides) {
  std::optional<Organization> org = ctx.tx.orgs().find(org_id);
  if (!org) return Error::not_found("organization");
  if (Status allowed = require_reach(ctx, Permission::kOrgWrite, Permission::kOrgRead, org->path,
                                     "organization");
      !allowed) {
    return std::move(allowed).error();
  }
  std::vector<FieldError> errors;
  std::map<std::string, std::string> cleaned;
  for (const auto& [body, abbreviation] : overrides) {
    const std::string field = "overrides." + body;
    if (!known_body(body)) {
      errors.push_back({field, "unknown_code", {}});
      continue;
    }
    std::string text = abbreviation;
    clean_text(text, field, domain::kSymbolIssuerMaxChars, errors);
    // It must read back as the issuer part of a symbol.
    if (!text.empty() && !domain::parse_symbol("01-NQ/" + text, field))
      errors.push_back({field, "symbol_issuer", {}});
    cleaned[body] = text;
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const std::string now = ctx.now();
  json changed = json::object();
  for (const auto& [body, text] : cleaned) {
    ctx.tx.documents().set_issuer_override(org->id, body, text, now);
    changed[body] = text.empty() ? json(nullptr) : json(text);
  }
  ctx.audit(AuditEntry::about("organization.document_issuers", "organization", org->id.value,
                              org->path.str())
                .with("overrides", changed));
  return issuers_of(ctx, *org);
}

}  // namespace chibo::app
