// The document register's routes (src/http/openapi/11-documents.json): lists, outgoing and
// incoming documents, withdrawal, forwards, attachments (a raw body, its type told by its
// content), the DOCX and print renderings, and an organization's issuer abbreviations.
#include <tuple>

#include "app/documents.h"
#include "domain/documents/attachment.h"
#include "domain/fields.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr size_t kTextChars = 255;
constexpr size_t kSummaryChars = 1000;
constexpr size_t kReasonChars = 1000;
constexpr size_t kQueryChars = 200;
constexpr int kMaxLimit = 500;

json doc_text(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }
json doc_date(const std::optional<Date>& date) { return date ? json(date->iso()) : json(nullptr); }

std::string_view domain_docx_type() { return domain::attachment_type::kDocx; }

// Names of the issuing bodies (data/catalog/issuer_abbreviations.tsv's body column).
std::string api_body_name(const std::string& body, bool vi) {
  static const std::map<std::string, std::pair<const char*, const char*>> names = {
      {"committee", {"Cấp ủy", "Committee"}},
      {"congress", {"Đại hội", "Congress"}},
      {"inspection_committee", {"Ủy ban kiểm tra", "Inspection committee"}},
      {"office", {"Văn phòng", "Office"}},
      {"organization_board", {"Ban Tổ chức", "Organization board"}}};
  auto it = names.find(body);
  if (it == names.end()) return body;
  return vi ? it->second.first : it->second.second;
}

json document_catalog_json(const ApiContext& api) {
  const domain::DocumentCatalog& catalog = api.services.catalog.documents;
  json types = json::array();
  for (const domain::DocumentType& t : catalog.types) {
    types.push_back(
        {{"code", t.code},
         {"name_vi", t.name_vi},
         {"name_en", t.name_en},
         {"symbol", t.symbol},
         {"numbered", t.numbered},
         {"congress", t.congress},
         {"layout", t.layout == domain::DocumentLayout::kLetter ? "letter" : "standard"}});
  }
  json secrecy = json::array(), urgency = json::array(), authority = json::array();
  for (const domain::DocumentMark& m : catalog.marks) {
    json item = {
        {"code", m.code}, {"label", m.label}, {"name_vi", m.name_vi}, {"name_en", m.name_en}};
    if (m.kind == domain::MarkKind::kSecrecy) secrecy.push_back(std::move(item));
    if (m.kind == domain::MarkKind::kUrgency) urgency.push_back(std::move(item));
    if (m.kind == domain::MarkKind::kAuthority) authority.push_back(std::move(item));
  }
  json bodies = json::array();
  for (const char* body :
       {"committee", "congress", "inspection_committee", "office", "organization_board"}) {
    bodies.push_back({{"code", body},
                      {"name_vi", api_body_name(body, true)},
                      {"name_en", api_body_name(body, false)}});
  }
  return {{"types", std::move(types)},
          {"secrecy", std::move(secrecy)},
          {"urgency", std::move(urgency)},
          {"authority", std::move(authority)},
          {"issuing_bodies", std::move(bodies)}};
}

std::string type_name(const ApiContext& api, const std::string& code, const HttpRequest& request) {
  const domain::DocumentType* type = api.services.catalog.documents.type(code);
  if (!type) return code;
  return request.header("accept-language").substr(0, 2) == "en" ? type->name_en : type->name_vi;
}

json attachment_json(const app::DocumentAttachment& a) {
  return {{"id", a.id},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_at", a.uploaded_at},
          {"uploaded_by", doc_text(a.uploaded_by)}};
}

// The fields a list item and a document share.
json item_json(const ApiContext& api, const app::DocumentView& view, const HttpRequest& request) {
  const app::RegisteredDocument& d = view.document;
  return {{"id", d.id.value},
          {"direction", d.direction},
          {"status", d.status},
          {"org_id", d.org.value},
          {"org_name", view.org_name},
          {"issuing_body", doc_text(d.issuing_body)},
          {"type", d.type},
          {"type_name", type_name(api, d.type, request)},
          {"number", d.number ? json(*d.number) : json(nullptr)},
          {"symbol", doc_text(d.symbol)},
          {"term_id", d.term_id > 0 ? json(d.term_id) : json(nullptr)},
          {"term_name", doc_text(view.term_name)},
          {"issued_on", d.issued_on.iso()},
          {"received_on", doc_date(d.received_on)},
          {"from_issuer", doc_text(d.from_issuer)},
          {"summary", view.restricted ? json(nullptr) : json(d.summary)},
          {"secrecy", doc_text(d.secrecy)},
          {"urgency", doc_text(d.urgency)},
          {"attachment_count", view.attachment_count}};
}

json register_document_json(const ApiContext& api, const app::DocumentView& view,
                            const HttpRequest& request) {
  const app::RegisteredDocument& d = view.document;
  json out = item_json(api, view, request);
  auto name_of = [&](OrgId id) {
    auto it = view.org_names.find(id);
    return it == view.org_names.end() ? std::string() : it->second;
  };
  json recipients = json::array();
  for (const app::DocumentRecipient& r : d.recipients) {
    if (r.org.valid()) {
      const std::string name = name_of(r.org);
      recipients.push_back(
          {{"org_id", r.org.value}, {"org_name", name}, {"text", nullptr}, {"line", name}});
    } else {
      recipients.push_back(
          {{"org_id", nullptr}, {"org_name", nullptr}, {"text", r.line}, {"line", r.line}});
    }
  }
  json forwards = json::array();
  for (const app::DocumentForward& f : view.forwards) {
    forwards.push_back({{"org_id", f.org.value},
                        {"org_name", name_of(f.org)},
                        {"forwarded_on", f.forwarded_on.iso()},
                        {"note", doc_text(f.note)},
                        {"by", doc_text(f.actor)}});
  }
  json attachments = json::array();
  for (const app::DocumentAttachment& a : view.attachments)
    attachments.push_back(attachment_json(a));
  out.update(
      {{"issuer_name", doc_text(d.issuer_name)},
       {"superior_issuer", doc_text(d.superior_issuer)},
       {"place", doc_text(d.place)},
       {"body", d.body},
       {"signer_member_id", d.signer_member.valid() ? json(d.signer_member.value) : json(nullptr)},
       {"signer_name", doc_text(d.signer_name)},
       {"signer_position", doc_text(d.signer_position)},
       {"authority", doc_text(d.authority)},
       {"signing_for", doc_text(d.signing_for)},
       {"recipients", std::move(recipients)},
       {"circulation", doc_text(d.circulation)},
       {"forwards", std::move(forwards)},
       {"attachments", std::move(attachments)},
       {"withdrawn_on", doc_date(d.withdrawn_on)},
       {"withdrawn_reason", doc_text(d.withdrawn_reason)},
       {"version", d.version},
       {"created_at", d.created_at},
       {"updated_at", d.updated_at}});
  return out;
}

auto render_document(ApiContext& api, int status, bool location = false) {
  return [&api, status, location](const app::DocumentView& view, const HttpRequest& request) {
    HttpResponse response = json_response(status, register_document_json(api, view, request));
    response.with_header("ETag", "\"v" + std::to_string(view.document.version) + "\"");
    if (location)
      response.with_header("Location",
                           "/api/v1/documents/" + std::to_string(view.document.id.value));
    return response;
  };
}

// ---- decoding ----

std::optional<std::string> optional_text(JsonFields& fields, const std::string& name, size_t max,
                                         std::vector<FieldError>& errors) {
  if (!fields.has(name)) return std::nullopt;
  return read_text_field(fields, name, max, errors);
}

// A code field: absent, null ("" here) or a string.
std::optional<std::string> optional_code(JsonFields& fields, const std::string& name) {
  if (!fields.has(name)) return std::nullopt;
  const auto value = fields.text(name);
  if (!value) return std::nullopt;  // wrong type, reported
  return value->value_or("");
}

std::optional<std::vector<std::string>> read_paragraphs(JsonFields& fields, const std::string& name,
                                                        std::vector<FieldError>& errors) {
  if (!fields.has(name)) return std::nullopt;
  const json* raw = fields.raw(name);
  std::vector<std::string> items;
  if (!raw || raw->is_null()) return items;
  if (!raw->is_array()) {
    errors.push_back({name, "wrong_type", {{"expected_code", "array"}}});
    return items;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const json& item = (*raw)[i];
    if (!item.is_string()) {
      errors.push_back(
          {name + "[" + std::to_string(i) + "]", "wrong_type", {{"expected_code", "string"}}});
      continue;
    }
    items.push_back(item.get<std::string>());
  }
  return items;
}

std::optional<std::vector<app::RecipientInput>> read_recipients(JsonFields& fields,
                                                                std::vector<FieldError>& errors) {
  if (!fields.has("recipients")) return std::nullopt;
  const json* raw = fields.raw("recipients");
  std::vector<app::RecipientInput> items;
  if (!raw || raw->is_null()) return items;
  if (!raw->is_array()) {
    errors.push_back({"recipients", "wrong_type", {{"expected_code", "array"}}});
    return items;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const std::string field = "recipients[" + std::to_string(i) + "]";
    const json& item = (*raw)[i];
    if (!item.is_object()) {
      errors.push_back({field, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    app::RecipientInput recipient;
    bool ok = true;
    for (const auto& [key, value] : item.items()) {
      if (key == "org_id") {
        if (!value.is_number_integer() || value.get<long long>() < 1) {
          errors.push_back({field + ".org_id", "wrong_type", {{"expected_code", "integer"}}});
          ok = false;
        } else {
          recipient.org = OrgId(value.get<long long>());
        }
      } else if (key == "text") {
        if (!value.is_string()) {
          errors.push_back({field + ".text", "wrong_type", {{"expected_code", "string"}}});
          ok = false;
        } else {
          recipient.line = value.get<std::string>();
        }
      } else {
        errors.push_back({field + "." + key, "unknown_field", {}});
        ok = false;
      }
    }
    if (ok && recipient.org.valid() == !recipient.line.empty()) {
      errors.push_back({field, "one_of", {{"fields", "org_id, text"}}});
      ok = false;
    }
    if (ok) items.push_back(std::move(recipient));
  }
  return items;
}

std::optional<MemberId> read_signer(JsonFields& fields) {
  if (!fields.has("signer_member_id")) return std::nullopt;
  const auto value = fields.nullable_integer("signer_member_id");
  if (!value) return std::nullopt;
  return MemberId(value->value_or(0));
}

// The fields of an outgoing document (create and update).
void read_outgoing_fields(JsonFields& fields, app::DocumentFields& out,
                          std::vector<FieldError>& errors) {
  out.place = optional_text(fields, "place", kTextChars, errors);
  out.summary = optional_text(fields, "summary", kSummaryChars, errors);
  out.body = read_paragraphs(fields, "body", errors);
  out.issuer_name = optional_text(fields, "issuer_name", kTextChars, errors);
  out.superior_issuer = optional_text(fields, "superior_issuer", kTextChars, errors);
  out.signer_member = read_signer(fields);
  out.signer_name = optional_text(fields, "signer_name", kTextChars, errors);
  out.signer_position = optional_text(fields, "signer_position", kTextChars, errors);
  out.authority = optional_code(fields, "authority");
  out.signing_for = optional_text(fields, "signing_for", kTextChars, errors);
  out.recipients = read_recipients(fields, errors);
  out.secrecy = optional_code(fields, "secrecy");
  out.urgency = optional_code(fields, "urgency");
  out.circulation = optional_text(fields, "circulation", kTextChars, errors);
}

void read_incoming_fields(JsonFields& fields, app::DocumentFields& out,
                          std::vector<FieldError>& errors) {
  out.from_issuer = optional_text(fields, "from_issuer", kTextChars, errors);
  out.symbol = optional_text(fields, "symbol", 60, errors);
  out.received_on = read_date_field(fields, "received_on", false, errors);
  if (!out.received_on && fields.has("received_on")) out.received_on.reset();
  out.summary = optional_text(fields, "summary", kSummaryChars, errors);
  out.secrecy = optional_code(fields, "secrecy");
  out.urgency = optional_code(fields, "urgency");
}

std::optional<long long> body_org(JsonFields& fields, std::vector<FieldError>& errors) {
  const auto org = fields.integer("org_id", true);
  if (org && *org < 1) {
    errors.push_back({"org_id", "org_not_found", {}});
    return std::nullopt;
  }
  return org;
}

std::vector<OrgId> read_org_ids(JsonFields& fields, const std::string& name,
                                std::vector<FieldError>& errors) {
  std::vector<OrgId> ids;
  const json* raw = fields.raw(name);
  if (!raw || raw->is_null()) return ids;
  if (!raw->is_array()) {
    errors.push_back({name, "wrong_type", {{"expected_code", "array"}}});
    return ids;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const json& item = (*raw)[i];
    if (!item.is_number_integer() || item.get<long long>() < 1) {
      errors.push_back(
          {name + "[" + std::to_string(i) + "]", "wrong_type", {{"expected_code", "integer"}}});
      continue;
    }
    ids.push_back(OrgId(item.get<long long>()));
  }
  return ids;
}

Result<std::tuple<app::OutgoingDocumentRequest>> decode_outgoing(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::OutgoingDocumentRequest out;
  if (const auto org = body_org(fields, errors)) out.org = OrgId(*org);
  if (const auto issuing = optional_code(fields, "issuing_body"); issuing && !issuing->empty())
    out.issuing_body = *issuing;
  out.fields.type = optional_code(fields, "type");
  out.fields.issued_on = read_date_field(fields, "issued_on", true, errors);
  read_outgoing_fields(fields, out.fields, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(out)};
}

Result<std::tuple<app::IncomingDocumentRequest>> decode_incoming(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::IncomingDocumentRequest in;
  if (const auto org = body_org(fields, errors)) in.org = OrgId(*org);
  in.fields.type = optional_code(fields, "type");
  in.fields.issued_on = read_date_field(fields, "issued_on", true, errors);
  read_incoming_fields(fields, in.fields, errors);
  if (!in.fields.received_on && !fields.has("received_on"))
    errors.push_back({"received_on", "required", {}});
  in.forward_to = read_org_ids(fields, "forward_to", errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(in)};
}

Result<std::tuple<DocumentId, int64_t, app::DocumentFields>> decode_update(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("document");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  const int64_t version = body->version();
  app::DocumentFields f;
  f.type = optional_code(fields, "type");
  if (fields.has("issued_on")) f.issued_on = read_date_field(fields, "issued_on", true, errors);
  read_outgoing_fields(fields, f, errors);
  f.from_issuer = optional_text(fields, "from_issuer", kTextChars, errors);
  f.symbol = optional_text(fields, "symbol", 60, errors);
  if (fields.has("received_on"))
    f.received_on = read_date_field(fields, "received_on", true, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{DocumentId(*id), version, std::move(f)};
}

Result<std::tuple<DocumentId, int64_t, Date, std::string>> decode_withdraw(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("document");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const int64_t version = body->version();
  const std::optional<Date> on = read_date_field(body->fields(), "on", true, body->errors());
  std::string reason = read_text_field(body->fields(), "reason", kReasonChars, body->errors());
  if (reason.empty() && body->fields().has("reason")) {
    // Reported by the use case as required.
  } else if (reason.empty()) {
    body->add_error({"reason", "required", {}});
  }
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{DocumentId(*id), version, *on, std::move(reason)};
}

Result<std::tuple<DocumentId, std::vector<OrgId>, Date, std::string>> decode_forwards(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("document");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  std::vector<OrgId> ids = read_org_ids(body->fields(), "org_ids", body->errors());
  if (ids.empty() && body->errors().empty()) body->add_error({"org_ids", "required", {}});
  const std::optional<Date> on = read_date_field(body->fields(), "on", true, body->errors());
  std::string note = read_text_field(body->fields(), "note", kReasonChars, body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{DocumentId(*id), std::move(ids), *on, std::move(note)};
}

auto decode_upload(ApiContext& api) {
  return
      [&api](const HttpRequest& request) -> Result<std::tuple<DocumentId, app::AttachmentUpload>> {
        const auto id = path_id(request);
        QueryParams params(request.query);
        app::AttachmentUpload upload;
        upload.file_name = params.text("name").value_or("");
        std::vector<FieldError> errors = params.finish();
        if (!errors.empty())
          return Error::malformed("invalid_parameter").with_fields(std::move(errors));
        if (!id) return Error::not_found("document");
        if (request.body.size() > api.max_attachment_bytes) {
          Error error = Error::too_large("body_too_large",
                                         {{"max", std::to_string(api.max_attachment_bytes)}});
          error.fields = {
              {"file", "too_large_bytes", {{"max", std::to_string(api.max_attachment_bytes)}}}};
          return error;
        }
        upload.content = request.body;
        return std::tuple{DocumentId(*id), std::move(upload)};
      };
}

Result<std::tuple<DocumentId, int64_t>> decode_attachment_ids(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  const auto aid = path_id(request, "aid");
  if (!id) return Error::not_found("document");
  if (!aid) return Error::not_found("attachment");
  return std::tuple{DocumentId(*id), static_cast<int64_t>(*aid)};
}

Result<std::tuple<DocumentId, int64_t, std::string>> decode_remove_attachment(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  const auto aid = path_id(request, "aid");
  if (!id) return Error::not_found("document");
  if (!aid) return Error::not_found("attachment");
  Result<RequestBody> body = RequestBody::read(request, true);
  if (!body) return std::move(body).error();
  // Its length is checked by the use case, after access (the reply to an object out of reach
  // is 404 whatever the body).
  std::string reason =
      read_text_field(body->fields(), "reason", kReasonChars * 100, body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{DocumentId(*id), static_cast<int64_t>(*aid), std::move(reason)};
}

std::optional<Date> query_date(QueryParams& params, const std::string& name,
                               std::vector<FieldError>& errors) {
  const auto text = params.text(name);
  if (!text || text->empty()) return std::nullopt;
  return domain::parse_date_field(name, *text, errors);
}

std::optional<std::string> query_enum(QueryParams& params, const std::string& name,
                                      std::initializer_list<const char*> allowed,
                                      std::vector<FieldError>& errors) {
  const auto text = params.text(name);
  if (!text || text->empty()) return std::nullopt;
  for (const char* value : allowed) {
    if (*text == value) return *text;
  }
  errors.push_back({name, "unknown_code", {{"value", text->substr(0, 40)}}});
  return std::nullopt;
}

constexpr std::initializer_list<const char*> kBodies = {
    "committee", "congress", "inspection_committee", "office", "organization_board"};

Result<std::tuple<app::DocumentQuery>> decode_query(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::DocumentQuery query;
  query.direction = query_enum(params, "direction", {"outgoing", "incoming"}, errors);
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  query.issuing_body = query_enum(params, "issuing_body", kBodies, errors);
  if (const auto type = params.text("type"); type && !type->empty())
    query.type = type->substr(0, 40);
  if (const auto term = params.integer("term", 1, INT64_MAX)) query.term_id = *term;
  query.status = query_enum(params, "status", {"active", "withdrawn"}, errors);
  query.from = query_date(params, "from", errors);
  query.to = query_date(params, "to", errors);
  if (const auto q = params.text("q")) {
    if (q->size() > kQueryChars * 4) {
      errors.push_back({"q", "too_long", {{"max", std::to_string(kQueryChars)}}});
    } else {
      query.q = *q;
    }
  }
  query.offset = params.integer("offset", 0, INT64_MAX).value_or(0);
  query.limit = static_cast<int>(params.integer("limit", 1, kMaxLimit).value_or(50));
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (query.from && query.to && *query.to < *query.from)
    errors.push_back({"to", "range_reversed", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(query)};
}

Result<std::tuple<app::NumberQuery>> decode_number_query(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::NumberQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) {
    query.org = OrgId(*org);
  }
  if (const auto body = query_enum(params, "issuing_body", kBodies, errors))
    query.issuing_body = *body;
  query.type = params.text("type").value_or("").substr(0, 40);
  query.issued_on = query_date(params, "issued_on", errors);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  if (!query.org.valid())
    return Error::malformed("invalid_parameter").with_fields({{"org", "required", {}}});
  if (query.type.empty()) return Error::invalid_field("type", "required");
  return std::tuple{std::move(query)};
}

Result<std::tuple<OrgId, std::map<std::string, std::string>>> decode_issuers(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("organization");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  std::map<std::string, std::string> overrides;
  const json* raw = body->fields().raw("overrides");
  if (!raw || raw->is_null()) {
    body->add_error({"overrides", "required", {}});
  } else if (!raw->is_object()) {
    body->add_error({"overrides", "wrong_type", {{"expected_code", "object"}}});
  } else {
    for (const auto& [key, value] : raw->items()) {
      if (value.is_null()) {
        overrides[key] = "";
      } else if (value.is_string()) {
        overrides[key] = value.get<std::string>();
      } else {
        body->add_error({"overrides." + key, "wrong_type", {{"expected_code", "string"}}});
      }
    }
  }
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{OrgId(*id), std::move(overrides)};
}

// ---- rendering ----

auto render_list(ApiContext& api) {
  return [&api](const app::DocumentList& list, const HttpRequest& request) {
    json items = json::array();
    for (const app::DocumentView& view : list.items) {
      json item = item_json(api, view, request);
      item["restricted"] = view.restricted;
      items.push_back(std::move(item));
    }
    return json_response(200, {{"items", std::move(items)}, {"total", list.total}});
  };
}

json term_brief(const domain::Term& term) {
  return {{"id", term.id},
          {"name", term.name},
          {"starts_on", term.starts_on().iso()},
          {"ends_on", doc_date(term.ends_on())}};
}

HttpResponse render_preview(const app::NumberPreview& p) {
  return json_response(200, {{"org_id", p.org.value},
                             {"issuing_body", p.issuing_body},
                             {"type", p.type},
                             {"issued_on", p.issued_on.iso()},
                             {"number", p.number},
                             {"number_text", p.number_text},
                             {"symbol", p.symbol},
                             {"abbreviation", p.abbreviation},
                             {"term", term_brief(p.term)}});
}

// RFC 6266: an ASCII fallback and the UTF-8 name.
std::string content_disposition(const std::string& name) {
  std::string ascii;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    ascii.push_back(
        plain ? static_cast<char>(c)
              : (c < 0x80 && c != '"' && c != '\\' && c >= 0x20 ? static_cast<char>(c) : '_'));
    if (plain) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 0xf]);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

HttpResponse render_download(const app::AttachmentDownload& download) {
  HttpResponse response;
  response.status = 200;
  response.content_type = download.attachment.content_type;
  response.body = download.content;
  response.with_header("Content-Disposition", content_disposition(download.attachment.file_name));
  response.with_header("ETag", "\"sha256:" + download.attachment.sha256 + "\"");
  return response;
}

HttpResponse render_docx(const app::RenderedDocument& rendered) {
  HttpResponse response;
  response.status = 200;
  response.content_type = std::string(domain_docx_type());
  response.body = rendered.content;
  response.with_header("Content-Disposition", content_disposition(rendered.file_name));
  return response;
}

HttpResponse render_print(const app::RenderedDocument& rendered) {
  HttpResponse response;
  response.status = 200;
  response.content_type = "text/html; charset=utf-8";
  response.body = rendered.content;
  // The page is the document's text and its own styles: nothing else may run or load.
  response.with_header("Content-Security-Policy",
                       "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                       "base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
  return response;
}

json issuers_json(const ApiContext& api, const app::DocumentIssuers& issuers) {
  json items = json::array();
  for (const app::IssuerRow& row : issuers.rows) {
    const std::string& used =
        row.override_abbreviation.empty() ? row.default_abbreviation : row.override_abbreviation;
    items.push_back({{"body", row.body},
                     {"name_vi", api_body_name(row.body, true)},
                     {"name_en", api_body_name(row.body, false)},
                     {"abbreviation", doc_text(used)},
                     {"default_abbreviation", doc_text(row.default_abbreviation)},
                     {"override", doc_text(row.override_abbreviation)}});
  }
  (void)api;
  return {{"org_id", issuers.org.value}, {"items", std::move(items)}};
}

}  // namespace

void add_document_routes(Router& router, ApiContext& api) {
  router.add("GET", "/api/v1/documents",
             lists(api, decode_query, app::list_documents, render_list(api)));
  router.add("POST", "/api/v1/documents",
             writes(api, decode_outgoing, app::issue_document, render_document(api, 201, true)));
  router.add("POST", "/api/v1/documents/incoming",
             writes(api, decode_incoming, app::receive_document, render_document(api, 201, true)));
  router.add("GET", "/api/v1/documents/next-number",
             reads(api, decode_number_query, app::next_document_number, render_preview));
  router.add("GET", "/api/v1/documents/catalog",
             reads(
                 api, no_inputs, [](app::Context&) -> Result<bool> { return true; },
                 [&api](const bool&) { return json_response(200, document_catalog_json(api)); }));
  router.add(
      "GET", "/api/v1/documents/{id}",
      reads(api, path_id_of<DocumentId>("document"), app::get_document, render_document(api, 200)));
  router.add("PATCH", "/api/v1/documents/{id}",
             writes(api, decode_update, app::update_document, render_document(api, 200)));
  router.add("POST", "/api/v1/documents/{id}/withdraw",
             writes(api, decode_withdraw, app::withdraw_document, render_document(api, 200)));
  router.add("POST", "/api/v1/documents/{id}/forwards",
             writes(api, decode_forwards, app::forward_document, render_document(api, 200)));
  router.add(
      "POST", "/api/v1/documents/{id}/attachments",
      writes(api, decode_upload(api), app::add_attachment, [](const app::DocumentAttachment& a) {
        HttpResponse response = json_response(201, attachment_json(a));
        response.with_header("Location", "/api/v1/documents/" + std::to_string(a.document.value) +
                                             "/attachments/" + std::to_string(a.id));
        return response;
      }));
  router.add("GET", "/api/v1/documents/{id}/attachments/{aid}",
             reads(api, decode_attachment_ids, app::download_attachment, render_download));
  router.add(
      "POST", "/api/v1/documents/{id}/attachments/{aid}/remove",
      writes(api, decode_remove_attachment, app::remove_attachment, render_document(api, 200)));
  router.add("GET", "/api/v1/documents/{id}/docx",
             reads(
                 api, path_id_of<DocumentId>("document"),
                 [](app::Context& ctx, DocumentId& id) {
                   return app::render_document(ctx, id, app::DocumentFormat::kDocx);
                 },
                 render_docx));
  router.add("GET", "/api/v1/documents/{id}/print",
             reads(
                 api, path_id_of<DocumentId>("document"),
                 [](app::Context& ctx, DocumentId& id) {
                   return app::render_document(ctx, id, app::DocumentFormat::kPrintHtml);
                 },
                 render_print));
  router.add("GET", "/api/v1/orgs/{id}/document-issuers",
             reads(api, path_id_of<OrgId>("organization"), app::document_issuers,
                   [&api](const app::DocumentIssuers& issuers) {
                     return json_response(200, issuers_json(api, issuers));
                   }));
  router.add("PUT", "/api/v1/orgs/{id}/document-issuers",
             writes(api, decode_issuers, app::set_document_issuers,
                    [&api](const app::DocumentIssuers& issuers) {
                      return json_response(200, issuers_json(api, issuers));
                    }));
}

}  // namespace chibo::http
