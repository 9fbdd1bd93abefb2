// Party dues (issue 14): a member's dues (bases, reliefs, payments, months due and paid), the
// signed-in member's own, a cell's monthly book, closing it, adjustments to a closed month, the
// reconciliation of a subtree and the removal list of members in arrears. Money is whole đồng
// (JSON integers); months are "YYYY-MM".
#include <algorithm>
#include <limits>
#include <tuple>

#include "app/dues.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

// Named, not anonymous: the unity build joins this file with the other route files.
namespace dues_http {

using app::Month;
using nlohmann::json;

constexpr size_t kNoteChars = 1000;
constexpr size_t kReferenceChars = 100;
constexpr long long kMaxMoney = 1'000'000'000'000;

// ---- rendering ---------------------------------------------------------------------------------

json rules_json(const std::vector<domain::dues::AppliedRule>& rules) {
  json items = json::array();
  for (const auto& rule : rules)
    items.push_back({{"key", rule.key}, {"value", rule.value}, {"source", rule.source}});
  return items;
}

json due_json(const app::DueAmount& due) {
  return {{"month", due.month.iso()},
          {"status", due.status},
          {"category", text_or_null(due.category)},
          {"base", due.base},
          {"full_amount", due.full_amount},
          {"reduction_percent", due.reduction_percent},
          {"amount", due.amount},
          {"relief_id", due.relief_id ? json(due.relief_id) : json(nullptr)},
          {"rules", rules_json(due.rules)}};
}

json basis_json(const app::DuesBasis& b) {
  return {{"id", b.id},         {"valid_from", b.valid_from.iso()}, {"category", b.category},
          {"income", b.income}, {"fixed_amount", b.fixed_amount},   {"note", text_or_null(b.note)}};
}

json relief_json(const app::DuesRelief& r) {
  return {{"id", r.id},
          {"relief", r.kind},
          {"percent", r.percent},
          {"from_month", r.from.iso()},
          {"months", r.months ? json(*r.months) : json(nullptr)},
          {"decision", document_json({r.decision_number, r.decision_authority})},
          {"reason", text_or_null(r.reason)}};
}

json payment_json(const app::DuesPayment& p) {
  return {{"id", p.id},
          {"org_id", p.org_id.value},
          {"paid_on", p.paid_on.iso()},
          {"first_month", p.first_month.iso()},
          {"months", p.months},
          {"amount", p.amount},
          {"extra", p.extra},
          {"channel", p.channel},
          {"reference", text_or_null(p.reference)},
          {"note", text_or_null(p.note)}};
}

json member_dues_json(const app::MemberDues& d) {
  json bases = json::array();
  for (const auto& b : d.bases) bases.push_back(basis_json(b));
  json reliefs = json::array();
  for (const auto& r : d.reliefs) reliefs.push_back(relief_json(r));
  json payments = json::array();
  for (const auto& p : d.payments) payments.push_back(payment_json(p));
  json months = json::array();
  for (const auto& m : d.months) {
    json item = due_json(m.due);
    item["paid"] = m.paid;
    item["outstanding"] = m.outstanding();
    months.push_back(std::move(item));
  }
  return {{"member", {{"id", d.member_id.value}, {"full_name", d.member_name}}},
          {"org", {{"id", d.org_id.value}, {"name", d.org_name}}},
          {"from_month", d.from.iso()},
          {"to_month", d.to.iso()},
          {"months", std::move(months)},
          {"bases", std::move(bases)},
          {"reliefs", std::move(reliefs)},
          {"payments", std::move(payments)},
          {"arrears", d.arrears},
          {"credit", d.credit},
          {"extra", d.extra},
          {"may_write", d.may_write}};
}

json org_ref(const domain::Organization& org) {
  return {{"id", org.id.value}, {"name", org.name}, {"kind", org.kind}};
}

json closing_json(const std::optional<app::DuesClosing>& c) {
  if (!c) return nullptr;
  return {{"members", c->members},     {"due", c->due},
          {"collected", c->collected}, {"extra", c->extra},
          {"kept", c->kept},           {"sent_up", c->sent_up},
          {"keep_bp", c->keep_bp},     {"closed_at", c->closed_at},
          {"closed_by", c->closed_by}};
}

json book_json(const app::DuesBook& book) {
  json lines = json::array();
  for (const auto& line : book.lines) {
    lines.push_back({{"member_id", line.member_id.value},
                     {"full_name", line.member_name},
                     {"status", line.status},
                     {"due", due_json(line.due)},
                     {"paid_for_month", line.paid_for_month},
                     {"received_in_month", line.received_in_month},
                     {"extra_in_month", line.extra_in_month},
                     {"arrears", line.arrears}});
  }
  json adjustments = json::array();
  for (const auto& a : book.adjustments) {
    adjustments.push_back({{"id", a.id},
                           {"amount", a.amount},
                           {"reason", a.reason},
                           {"created_at", a.created_at},
                           {"created_by", a.created_by}});
  }
  return {{"org", org_ref(book.org)},
          {"month", book.month.iso()},
          {"lines", std::move(lines)},
          {"totals",
           {{"due", book.due},
            {"paid_for_month", book.paid_for_month},
            {"collected", book.collected},
            {"extra", book.extra},
            {"arrears", book.arrears}}},
          {"closing", closing_json(book.closing)},
          {"adjustments", std::move(adjustments)},
          {"may_write", book.may_write}};
}

json reconciliation_line_json(const app::ReconciliationLine& l) {
  const domain::dues::SubtreeLine& s = l.sums;
  return {{"org", {{"id", l.org.id.value}, {"name", l.org.name}, {"kind", l.org.kind}}},
          {"collected", s.collected},
          {"received_from_below", s.received_from_below},
          {"kept", s.kept},
          {"sent_up", s.sent_up},
          {"own_collected", s.own_collected},
          {"own_kept", s.own_kept},
          {"keep_bp", s.keep_bp},
          {"rule_key", text_or_null(s.rule_key)},
          {"holds_members", l.holds_members},
          {"has_children", s.has_children},
          {"cells", s.cells},
          {"open_cells", s.open_cells},
          {"closed", s.cells > 0 && s.open_cells == 0}};
}

json reconciliation_json(const app::Reconciliation& recon) {
  json path = json::array();
  for (const domain::Organization& o : recon.path) path.push_back(org_ref(o));
  json children = json::array();
  for (const auto& child : recon.children) children.push_back(reconciliation_line_json(child));
  return {{"org", org_ref(recon.org)},
          {"month", recon.month.iso()},
          {"path", std::move(path)},
          {"rules", rules_json(recon.rules)},
          {"line", reconciliation_line_json(recon.line)},
          {"children", std::move(children)}};
}

json arrears_json(const app::ArrearsList& list) {
  // Built member by member with moves (an initializer list copies each nested value, and the
  // whole list at the root holds thousands of lines); the rule, the same on every line of a
  // threshold, is built once. The keys come out sorted either way.
  json items = json::array();
  items.get_ref<json::array_t&>().reserve(list.items.size());
  json rule;
  for (const auto& e : list.items) {
    if (rule.is_null() || rule["value"] != e.unpaid.threshold ||
        rule["source"] != e.unpaid.rule_source) {
      rule = {{"key", "dues.unpaid_months_for_removal"},
              {"value", e.unpaid.threshold},
              {"source", e.unpaid.rule_source}};
    }
    json months = json::array();
    for (const Month& m : e.unpaid.months) months.push_back(m.iso());
    json org = json::object();
    org["id"] = e.org_id.value;
    org["name"] = e.org_name;
    json item = json::object();
    item["member_id"] = e.member_id.value;
    item["full_name"] = e.member_name;
    item["org"] = std::move(org);
    item["unpaid_months"] = std::move(months);
    item["arrears"] = e.arrears;
    item["rule"] = rule;
    items.push_back(std::move(item));
  }
  return {{"org", org_ref(list.org)},
          {"year", list.year},
          {"through_month", list.through.iso()},
          {"items", std::move(items)},
          {"next_after", list.next_after ? json(list.next_after->value) : json(nullptr)}};
}

// ---- decoding ----------------------------------------------------------------------------------

std::optional<Month> parse_month(const std::string& name, const std::string& text,
                                 std::vector<FieldError>& errors) {
  std::optional<Month> month = Month::parse(text);
  if (!month) errors.push_back({name, "month_format", {{"value", text.substr(0, 40)}}});
  return month;
}

std::optional<Month> read_month_field(JsonFields& fields, const std::string& name, bool required,
                                      std::vector<FieldError>& errors) {
  const size_t before = errors.size();
  const auto value = fields.text(name);
  if (value && *value && !(*value)->empty()) return parse_month(name, **value, errors);
  const bool mistyped = value == std::nullopt && fields.has(name);
  if (required && !mistyped && errors.size() == before) errors.push_back({name, "required", {}});
  return std::nullopt;
}

// An integer amount of đồng; absent is `fallback` unless required.
long long read_money(JsonFields& fields, const std::string& name, bool required,
                     long long fallback) {
  const std::optional<long long> value = fields.integer(name, required);
  if (!value) return fallback;
  if (*value > kMaxMoney || *value < -kMaxMoney) {
    fields.add_error({name, "out_of_range", {{"max", std::to_string(kMaxMoney)}}});
    return fallback;
  }
  return *value;
}

Result<long long> path_id_or(const HttpRequest& request, const char* what) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found(what);
  return *id;
}

Error bad_parameters(std::vector<FieldError> errors) {
  return Error::malformed("invalid_parameter").with_fields(std::move(errors));
}

Result<std::tuple<std::optional<Month>, std::optional<Month>>> decode_dues_window(
    const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  std::optional<Month> from, to;
  if (const auto text = params.text("from_month"); text && !text->empty())
    from = parse_month("from_month", *text, errors);
  if (const auto text = params.text("to_month"); text && !text->empty())
    to = parse_month("to_month", *text, errors);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return bad_parameters(std::move(errors));
  return std::tuple{from, to};
}

Result<std::tuple<MemberId, std::optional<Month>, std::optional<Month>>> decode_member_window(
    const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "member");
  if (!id) return std::move(id).error();
  auto window = decode_dues_window(request);
  if (!window) return std::move(window).error();
  return std::tuple{MemberId(*id), std::get<0>(*window), std::get<1>(*window)};
}

// A member's path id and a JSON body: the shared start of the member writes.
Result<std::pair<MemberId, RequestBody>> member_body(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_id_or(request, "member");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  return std::pair{MemberId(*id), std::move(*body)};
}

Result<std::tuple<MemberId, app::BasisRequest>> decode_basis(const HttpRequest& request) {
  auto read = member_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::BasisRequest basis;
  const std::optional<Month> from = read_month_field(fields, "valid_from", true, errors);
  const size_t before = errors.size();
  basis.category = read_text_field(fields, "category", 40, errors);
  if (basis.category.empty() && errors.size() == before)
    errors.push_back({"category", "required", {}});
  basis.income = read_money(fields, "income", false, 0);
  basis.fixed_amount = read_money(fields, "fixed_amount", false, 0);
  basis.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  basis.valid_from = *from;
  return std::tuple{id, std::move(basis)};
}

Result<std::tuple<MemberId, app::ReliefRequest>> decode_relief(const HttpRequest& request) {
  auto read = member_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::ReliefRequest relief;
  const size_t before = errors.size();
  relief.kind = read_text_field(fields, "relief", 20, errors);
  if (relief.kind.empty() && errors.size() == before) errors.push_back({"relief", "required", {}});
  if (const auto percent = fields.integer("percent", false)) {
    if (*percent < 0 || *percent > 100) {
      errors.push_back({"percent", "out_of_range", {{"min", "0"}, {"max", "100"}}});
    } else {
      relief.percent = static_cast<int>(*percent);
    }
  }
  const std::optional<Month> from = read_month_field(fields, "from_month", true, errors);
  if (const auto months = fields.nullable_integer("months"); months && *months) {
    if (**months < 1 || **months > 1200) {
      errors.push_back({"months", "out_of_range", {{"min", "1"}}});
    } else {
      relief.months = static_cast<int>(**months);
    }
  }
  relief.decision = read_document(fields, "decision", errors);
  relief.decision_date = read_date_field(fields, "decision_date", false, errors);
  relief.reason = read_text_field(fields, "reason", kNoteChars, errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  relief.from = *from;
  return std::tuple{id, std::move(relief)};
}

Result<std::tuple<MemberId, app::PaymentRequest>> decode_payment(const HttpRequest& request) {
  auto read = member_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::PaymentRequest payment;
  const std::optional<Date> paid_on = read_date_field(fields, "paid_on", true, errors);
  const std::optional<Month> first = read_month_field(fields, "first_month", true, errors);
  if (const auto months = fields.integer("months", false)) {
    if (*months < 1 || *months > 120) {
      errors.push_back({"months", "out_of_range", {{"min", "1"}, {"max", "120"}}});
    } else {
      payment.months = static_cast<int>(*months);
    }
  }
  payment.amount = read_money(fields, "amount", true, 0);
  payment.extra = read_money(fields, "extra", false, 0);
  const size_t before = errors.size();
  payment.channel = read_text_field(fields, "channel", 20, errors);
  if (payment.channel.empty() && errors.size() == before)
    errors.push_back({"channel", "required", {}});
  payment.reference = read_text_field(fields, "reference", kReferenceChars, errors);
  payment.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  payment.paid_on = *paid_on;
  payment.first_month = *first;
  return std::tuple{id, std::move(payment)};
}

Result<std::tuple<OrgId, Month>> decode_dues_org_month(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  std::optional<Month> month;
  if (const auto text = params.text("month"); text && !text->empty()) {
    month = parse_month("month", *text, errors);
  } else {
    errors.push_back({"month", "required", {}});
  }
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), *month};
}

Result<std::tuple<OrgId, Month>> decode_dues_close(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const std::optional<Month> month =
      read_month_field(body->fields(), "month", true, body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{OrgId(*id), *month};
}

Result<std::tuple<OrgId, Month, int64_t, std::string>> decode_adjustment(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  const std::optional<Month> month = read_month_field(fields, "month", true, errors);
  const int64_t amount = read_money(fields, "amount", true, 0);
  const size_t before = errors.size();
  std::string reason = read_text_field(fields, "reason", kNoteChars, errors);
  if (reason.empty() && errors.size() == before) errors.push_back({"reason", "required", {}});
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{OrgId(*id), *month, amount, std::move(reason)};
}

Result<std::tuple<OrgId, int, app::ArrearsPage>> decode_arrears(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  const std::optional<long long> year = params.integer("year", 1900, 9999);
  app::ArrearsPage page;
  if (const auto limit = params.integer("limit", 1, 1000)) page.limit = static_cast<size_t>(*limit);
  if (const auto after = params.integer("after", 0, std::numeric_limits<int64_t>::max()))
    page.after = MemberId(*after);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  // A bad value is reported by finish(); "required" only when nothing was sent.
  const bool reported = std::any_of(errors.begin(), errors.end(),
                                    [](const FieldError& e) { return e.field == "year"; });
  if (!year && !reported) errors.push_back({"year", "required", {}});
  if (!errors.empty()) return bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), static_cast<int>(*year), page};
}

// GET .../dues/book.xlsx?month=YYYY-MM or ?year=YYYY (exactly one).
Result<std::tuple<OrgId, app::DuesBookPeriod>> decode_book_export(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::DuesBookPeriod period;
  const std::optional<std::string> month_text = params.text("month");
  if (month_text && !month_text->empty()) period.month = parse_month("month", *month_text, errors);
  const std::optional<long long> year = params.integer("year", 1900, 9999);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  const bool year_reported = std::any_of(errors.begin(), errors.end(),
                                         [](const FieldError& e) { return e.field == "year"; });
  if (year) period.year = static_cast<int>(*year);
  if (errors.empty() && period.month && period.year)
    errors.push_back({"year", "not_with_month", {}});
  if (errors.empty() && !period.month && !period.year && !year_reported)
    errors.push_back({"month", "required", {}});
  if (!errors.empty()) return bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), period};
}

// POST .../dues/payments.xlsx?month=YYYY-MM with the workbook as the body.
auto decode_payments_import(ApiContext& api) {
  return [&api](const HttpRequest& request) -> Result<std::tuple<OrgId, Month, std::string>> {
    Result<std::tuple<OrgId, Month>> target = decode_dues_org_month(request);
    if (!target) return std::move(target).error();
    // The body is the workbook whatever its declared type: the reader refuses anything else
    // (422, after the access check).
    if (request.body.size() > api.max_attachment_bytes) {
      Error error =
          Error::too_large("body_too_large", {{"max", std::to_string(api.max_attachment_bytes)}});
      error.fields = {
          {"file", "too_large_bytes", {{"max", std::to_string(api.max_attachment_bytes)}}}};
      return error;
    }
    return std::tuple{std::get<0>(*target), std::get<1>(*target), request.body};
  };
}

json import_report_json(const app::DuesImportReport& report) {
  return {{"rows", report.rows},
          {"imported", report.imported},
          {"amount", report.amount},
          {"extra", report.extra},
          {"book", book_json(report.book)}};
}

}  // namespace dues_http

void add_dues_routes(Router& router, ApiContext& api) {
  using namespace dues_http;
  router.add(
      "GET", "/api/v1/members/{id}/dues",
      lists(api, decode_member_window, app::get_member_dues, json_reply(200, member_dues_json)));
  router.add("POST", "/api/v1/members/{id}/dues/bases",
             writes(api, decode_basis, app::set_dues_basis, json_reply(201, member_dues_json)));
  router.add(
      "POST", "/api/v1/members/{id}/dues/reliefs",
      writes(api, decode_relief, app::record_dues_relief, json_reply(201, member_dues_json)));
  router.add(
      "POST", "/api/v1/members/{id}/dues/payments",
      writes(api, decode_payment, app::record_dues_payment, json_reply(201, member_dues_json)));
  router.add("GET", "/api/v1/dues/mine",
             lists(api, decode_dues_window, app::get_my_dues, json_reply(200, member_dues_json)));
  router.add("GET", "/api/v1/orgs/{id}/dues/book",
             reads(api, decode_dues_org_month, app::get_dues_book, json_reply(200, book_json)));
  router.add(
      "POST", "/api/v1/orgs/{id}/dues/close",
      writes(api, dues_http::decode_dues_close, app::close_dues_month, json_reply(200, book_json)));
  router.add(
      "POST", "/api/v1/orgs/{id}/dues/adjustments",
      writes(api, decode_adjustment, app::record_dues_adjustment, json_reply(201, book_json)));
  router.add("GET", "/api/v1/orgs/{id}/dues/reconciliation",
             reads(api, decode_dues_org_month, app::get_dues_reconciliation,
                   json_reply(200, reconciliation_json)));
  router.add("GET", "/api/v1/orgs/{id}/dues/arrears",
             reads(api, decode_arrears, app::get_dues_arrears_page, json_reply(200, arrears_json)));
  router.add("GET", "/api/v1/orgs/{id}/dues/book.xlsx",
             reads(api, decode_book_export, app::export_dues_book, xlsx_reply()));
  router.add("POST", "/api/v1/orgs/{id}/dues/payments.xlsx",
             writes(api, decode_payments_import(api), app::import_dues_payments,
                    json_reply(201, import_report_json)));
}

}  // namespace chibo::http
