// The member lifecycle beyond admission: probation and recognition, transfers, leaving the
// roll and exemption, party age, badges, and the working-day calendar.
#include <sstream>
#include <tuple>

#include "app/badges.h"
#include "app/exits.h"
#include "app/member_lifecycle.h"
#include "app/party_age_gaps.h"
#include "app/probation.h"
#include "app/transfers.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "http/request_body.h"
#include "io/csv.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr size_t kNoteChars = 1000;
constexpr size_t kNameChars = 255;
constexpr int kMaxPageSize = 500;

json member_state_json(const domain::Member& member) {
  return {
      {"id", member.id.value},
      {"status", member.status},
      {"version", member.version},
      {"official_date", member.official_date ? json(member.official_date->iso()) : json(nullptr)},
      {"exit_date", member.exit_date ? json(member.exit_date->iso()) : json(nullptr)},
      {"exit_ground", member.exit_ground.empty() ? json(nullptr) : json(member.exit_ground)}};
}

// The fields of POST /transfers.
std::optional<app::TransferRequest> read_transfer(JsonFields& fields,
                                                  std::vector<FieldError>& errors) {
  app::TransferRequest request;
  domain::Transfer& t = request.transfer;
  const auto kind = fields.text("kind");
  if (!kind || !*kind) {
    errors.push_back({"kind", "required", {}});
  } else if (auto parsed = domain::parse_transfer_kind(**kind)) {
    t.kind = *parsed;
  } else {
    errors.push_back({"kind", "unknown_code", {{"value", (*kind)->substr(0, 40)}}});
  }
  const auto direction = fields.text("direction");
  if (!direction || !*direction) {
    errors.push_back({"direction", "required", {}});
  } else if (auto parsed = domain::parse_transfer_direction(**direction)) {
    t.direction = *parsed;
  } else {
    errors.push_back({"direction", "unknown_code", {{"value", (*direction)->substr(0, 40)}}});
  }
  t.purpose = read_text_field(fields, "purpose", 20, errors);
  if (const auto member = fields.integer("member_id", false)) t.member_id = MemberId(*member);
  if (const auto to = fields.integer("to_org_id", false)) t.to_org = OrgId(*to);
  t.external_org = read_text_field(fields, "external_org", kNameChars, errors);
  const std::optional<Date> letter_date = read_date_field(fields, "letter_date", true, errors);
  t.letter = read_document(fields, "letter", errors);
  t.until = read_date_field(fields, "until", false, errors);
  t.note = read_text_field(fields, "note", kNoteChars, errors);
  t.guest_name = read_text_field(fields, "guest_name", 100, errors);
  t.guest_citizen_id = read_text_field(fields, "guest_citizen_id", 12, errors);
  const std::optional<Date> on = read_date_field(fields, "on", false, errors);
  if (const json* member = fields.raw("member"); member && !member->is_null()) {
    if (!member->is_object()) {
      errors.push_back({"member", "wrong_type", {{"expected_code", "object"}}});
    } else {
      for (const auto& [name, value] : member->items()) {
        if (value.is_null()) {
          request.arriving[name] = std::nullopt;
        } else if (value.is_string()) {
          request.arriving[name] = value.get<std::string>();
        } else if (value.is_number_integer()) {
          request.arriving[name] = std::to_string(value.get<long long>());
        } else if (value.is_array()) {
          std::string joined;
          for (const json& item : value) {
            if (item.is_string()) joined += (joined.empty() ? "" : ";") + item.get<std::string>();
          }
          request.arriving[name] = joined;
        } else {
          errors.push_back({"member." + name, "wrong_type", {{"expected_code", "string"}}});
        }
      }
    }
  }
  if (!errors.empty()) return std::nullopt;
  t.letter_date = *letter_date;
  request.on = on.value_or(*letter_date);
  return request;
}

std::optional<domain::RecognitionRecord> read_recognition(JsonFields& fields,
                                                          std::vector<FieldError>& errors) {
  domain::RecognitionRecord step;
  const auto code = fields.text("step");
  if (!code || !*code) {
    errors.push_back({"step", "required", {}});
  } else if (**code == "cell_resolution") {
    step.step = domain::RecognitionStep::kCellResolution;
  } else if (**code == "decision") {
    step.step = domain::RecognitionStep::kDecision;
  } else {
    errors.push_back({"step", "unknown_code", {{"value", (*code)->substr(0, 40)}}});
  }
  if (const std::optional<Date> on = read_date_field(fields, "on", true, errors)) step.on = *on;
  step.document = read_document(fields, "document", errors);
  step.vote = read_vote(fields, "vote", errors);
  step.recognized = fields.boolean("recognized").value_or(true);
  step.note = read_text_field(fields, "note", kNoteChars, errors);
  if (!errors.empty()) return std::nullopt;
  return step;
}

// Decoders: each request becomes its use case's inputs, or the problem to answer.

Result<std::tuple<OrgId, int, int>> decode_probation(const HttpRequest& request) {
  QueryParams params(request.query);
  const auto org = params.integer("org", 1, INT64_MAX);
  const auto within = params.integer("within", 0, 366).value_or(60);
  // A national list runs to tens of thousands: each list is cut at `limit`, counts stay whole.
  const auto limit = params.integer("limit", 1, 5000).value_or(500);
  if (auto errors = params.finish(); !errors.empty())
    return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{OrgId(org.value_or(0)), static_cast<int>(within), static_cast<int>(limit)};
}

Result<std::tuple<MemberId, int64_t, domain::RecognitionRecord>> decode_recognition(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("member");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const int64_t version = body->version();
  std::optional<domain::RecognitionRecord> step = read_recognition(body->fields(), body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{MemberId(*id), version, std::move(*step)};
}

Result<std::tuple<app::TransferQuery>> decode_transfer_query(const HttpRequest& request) {
  QueryParams params(request.query);
  app::TransferQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  if (const auto member = params.integer("member", 1, INT64_MAX)) query.member = MemberId(*member);
  query.states = params.list("state");
  std::vector<FieldError> errors;
  if (const auto kind = params.text("kind")) {
    query.kind = domain::parse_transfer_kind(*kind);
    if (!query.kind) errors.push_back({"kind", "unknown_code", {{"value", kind->substr(0, 40)}}});
  }
  if (const auto direction = params.text("direction")) {
    query.direction = domain::parse_transfer_direction(*direction);
    if (!query.direction)
      errors.push_back({"direction", "unknown_code", {{"value", direction->substr(0, 40)}}});
  }
  query.overdue_only = params.flag("overdue").value_or(false);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(query)};
}

Result<std::tuple<app::TransferRequest>> decode_new_transfer(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  std::optional<app::TransferRequest> transfer = read_transfer(body->fields(), body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(*transfer)};
}

// complete and cancel: the version, the day, and a note (complete) or a reason (cancel).
auto decode_transfer_end(const char* text_field) {
  return [text_field](const HttpRequest& request)
             -> Result<std::tuple<TransferId, int64_t, Date, std::string>> {
    if (Status none = no_query_parameters(request); !none) return std::move(none).error();
    const auto id = path_id(request);
    if (!id) return Error::not_found("transfer");
    Result<RequestBody> body = RequestBody::read(request);
    if (!body) return std::move(body).error();
    const int64_t version = body->version();
    const std::optional<Date> on = read_date_field(body->fields(), "on", true, body->errors());
    std::string text = read_text_field(body->fields(), text_field, kNoteChars, body->errors());
    if (Status done = body->finish(); !done) return std::move(done).error();
    return std::tuple{TransferId(*id), version, *on, std::move(text)};
  };
}

Result<std::tuple<MemberId, int64_t, domain::ExitRequest>> decode_exit(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("member");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  const int64_t version = body->version();
  domain::ExitRequest exit;
  exit.status = read_text_field(fields, "status", 40, errors);
  if (exit.status.empty()) errors.push_back({"status", "required", {}});
  if (const std::optional<Date> on = read_date_field(fields, "on", true, errors)) exit.on = *on;
  exit.ground = read_text_field(fields, "ground", 60, errors);
  exit.document = read_document(fields, "document", errors);
  exit.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{MemberId(*id), version, std::move(exit)};
}

Result<std::tuple<MemberId, int64_t, domain::ExemptionRequest>> decode_exemption(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("member");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  const int64_t version = body->version();
  domain::ExemptionRequest exemption;
  const std::string action = read_text_field(fields, "action", 10, errors);
  if (action != "start" && action != "end")
    errors.push_back({"action", action.empty() ? "required" : "unknown_code", {{"value", action}}});
  exemption.start = action != "end";
  if (const std::optional<Date> on = read_date_field(fields, "on", true, errors))
    exemption.on = *on;
  exemption.document = read_document(fields, "document", errors);
  exemption.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{MemberId(*id), version, std::move(exemption)};
}

Result<std::tuple<MemberId, int64_t, domain::GapRequest>> decode_gap(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("member");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  const int64_t version = body->version();
  domain::GapRequest gap;
  const std::optional<Date> from = read_date_field(fields, "from", true, errors);
  const std::optional<Date> to = read_date_field(fields, "to", true, errors);
  gap.reason = read_text_field(fields, "reason", 40, errors);
  gap.document = read_document(fields, "document", errors);
  gap.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  gap.from = *from;
  gap.to = *to;
  return std::tuple{MemberId(*id), version, std::move(gap)};
}

struct BadgePage {
  app::BadgeListQuery query;
  long long page = 1, page_size = 50;
  std::string lang = "vi";  // the CSV's labels
};

// The badge list's filters; `csv`: everything (no paging), labels in `lang`.
auto decode_badge_query(bool csv) {
  return [csv](const HttpRequest& request) -> Result<std::tuple<BadgePage>> {
    QueryParams params(request.query);
    BadgePage page;
    app::BadgeListQuery& query = page.query;
    if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
    std::vector<FieldError> errors;
    if (const auto occasion = params.text("occasion")) {
      query.occasion = Date::parse(*occasion);
      if (!query.occasion) errors.push_back({"occasion", "invalid_date", {}});
    }
    for (const std::string& milestone : params.list("milestone")) {
      if (milestone.empty() || milestone.size() > 3 ||
          milestone.find_first_not_of("0123456789") != std::string::npos) {
        errors.push_back({"milestone", "invalid_number", {}});
      } else {
        query.milestones.push_back(std::stoi(milestone));
      }
    }
    if (csv) {
      page.lang = params.text("lang").value_or("vi");
      if (page.lang != "vi" && page.lang != "en")
        errors.push_back({"lang", "unknown_code", {{"value", page.lang}}});
      query.limit = 0;
    } else {
      page.page = params.integer("page", 1, 1000000).value_or(1);
      page.page_size = params.integer("page_size", 1, kMaxPageSize).value_or(50);
      query.offset = (page.page - 1) * page.page_size;
      query.limit = static_cast<int>(page.page_size);
    }
    for (FieldError& error : params.finish()) errors.push_back(std::move(error));
    if (!errors.empty())
      return Error::malformed("invalid_parameter").with_fields(std::move(errors));
    return std::tuple{std::move(page)};
  };
}

Result<std::tuple<app::BadgeAwardRequest>> decode_awards(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::BadgeAwardRequest award;
  const std::optional<Date> occasion = read_date_field(fields, "occasion", true, errors);
  const std::optional<Date> decided = read_date_field(fields, "decided_on", true, errors);
  award.document = read_document(fields, "document", errors);
  const json* awards = fields.raw("awards");
  if (!awards || !awards->is_array()) {
    errors.push_back({"awards", awards ? "wrong_type" : "required", {{"expected_code", "array"}}});
  } else {
    for (size_t index = 0; index < awards->size(); ++index) {
      const json& item = (*awards)[index];
      const std::string prefix = "awards[" + std::to_string(index) + "]";
      if (!item.is_object() || !item.contains("member_id") ||
          !item["member_id"].is_number_integer() || !item.contains("milestone") ||
          !item["milestone"].is_number_integer() || item.size() != 2) {
        errors.push_back({prefix, "wrong_type", {{"expected_code", "object"}}});
        continue;
      }
      award.awards.emplace_back(MemberId(item["member_id"].get<long long>()),
                                item["milestone"].get<int>());
    }
  }
  if (Status done = body->finish(); !done) return std::move(done).error();
  award.occasion = *occasion;
  award.decided_on = *decided;
  return std::tuple{std::move(award)};
}

Result<std::tuple<std::optional<int>>> decode_calendar(const HttpRequest& request) {
  QueryParams params(request.query);
  const auto year = params.integer("year", 1900, 2200);
  if (auto errors = params.finish(); !errors.empty())
    return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt};
}

// Use cases the routes need in another shape.

// The probation lists with the cut each list gets in the reply.
struct ProbationReply {
  app::ProbationLists lists;
  size_t limit = 0;
};
Result<ProbationReply> probation_reply(app::Context& ctx, OrgId org, int within, int limit) {
  Result<app::ProbationLists> lists = app::probation_lists(ctx, org, within);
  if (!lists) return std::move(lists).error();
  return ProbationReply{std::move(*lists), static_cast<size_t>(limit)};
}

struct BadgeReply {
  app::BadgeList list;
  BadgePage page;
};
auto badge_list(domain::Permission permission) {
  return [permission](app::Context& ctx, const BadgePage& page) -> Result<BadgeReply> {
    Result<app::BadgeList> list = app::list_badges(ctx, page.query, permission);
    if (!list) return std::move(list).error();
    return BadgeReply{std::move(*list), page};
  };
}

struct AwardReply {
  int awarded = 0;
  Date occasion;
};
Result<AwardReply> award_badges(app::Context& ctx, const app::BadgeAwardRequest& request) {
  Result<int> awarded = app::award_badges(ctx, request);
  if (!awarded) return std::move(awarded).error();
  return AwardReply{*awarded, request.occasion};
}

// The working calendar is reference data: no transaction needed, but a route like the rest.
auto calendar_days(const domain::WorkingCalendar& calendar) {
  return [&calendar](app::Context&, std::optional<int> year) -> Result<json> {
    json days = json::array();
    for (const domain::CalendarDay& day : calendar.days()) {
      if (year && day.date.year() != *year) continue;
      days.push_back({{"date", day.date.iso()},
                      {"working", day.working},
                      {"name_vi", day.name_vi},
                      {"source", day.source}});
    }
    return json{{"items", std::move(days)}};
  };
}

// Renderers.

HttpResponse render_recognition(const std::vector<domain::RecognitionRecord>& steps,
                                const HttpRequest& request) {
  json items = json::array();
  for (const auto& each : steps) items.push_back(recognition_json(each));
  return json_response(201,
                       {{"member_id", path_id(request).value_or(0)}, {"steps", std::move(items)}});
}

HttpResponse render_transfers(const std::vector<app::TransferView>& views) {
  json items = json::array();
  for (const app::TransferView& view : views) items.push_back(transfer_json(view));
  return json_response(200, {{"items", std::move(items)}});
}

HttpResponse render_new_transfer(const app::TransferView& view) {
  return json_response(201, transfer_json(view))
      .with_header("Location", "/api/v1/transfers/" + std::to_string(view.transfer.id.value));
}

HttpResponse render_badges(const BadgeReply& reply) {
  json body = badge_list_json(reply.list);
  body["page"] = reply.page.page;
  body["page_size"] = reply.page.page_size;
  return json_response(200, body);
}

std::string badges_csv(const app::BadgeList& list, bool english) {
  std::ostringstream out;
  out << "\xEF\xBB\xBF";  // Excel reads UTF-8 with a byte order mark
  io::CsvWriter csv(out);
  if (english) {
    csv.write({"Member id", "Full name", "Organization", "Admission date", "Badge (years)",
               "Reached on", "Since the previous occasion"});
  } else {
    csv.write({"Mã số", "Họ và tên", "Chi bộ", "Ngày vào Đảng", "Huy hiệu (năm)",
               "Ngày đủ tuổi đảng", "Mới từ đợt trước"});
  }
  for (const app::BadgeItem& item : list.items) {
    csv.write({std::to_string(item.member.id.value), item.member.full_name, item.org_name,
               item.member.admission_date ? item.member.admission_date->iso() : "",
               std::to_string(item.due.milestone), item.due.reached_on.iso(),
               item.due.since_last ? (english ? "yes" : "có") : (english ? "no" : "không")});
  }
  return out.str();
}

HttpResponse render_badges_csv(const BadgeReply& reply) {
  HttpResponse response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = badges_csv(reply.list, reply.page.lang == "en");
  return response
      .with_header("Content-Disposition",
                   "attachment; filename=\"huy-hieu-" + reply.list.occasion.iso() + ".csv\"")
      .with_header("X-Total-Count", std::to_string(reply.list.total));
}

HttpResponse render_awards(const AwardReply& reply) {
  return json_response(201, {{"awarded", reply.awarded}, {"occasion", reply.occasion.iso()}});
}

}  // namespace

// Keyed POSTs: a resent step, transfer, exit or decision gets its first reply, not a version
// conflict or "already done".
void add_lifecycle_routes(Router& router, ApiContext& api) {
  const auto member_state = json_reply(200, member_state_json);
  const auto transfer_view =
      json_reply(200, [](const app::TransferView& view) { return transfer_json(view); });
  router.add("GET", "/api/v1/probation",
             lists(api, decode_probation, probation_reply, [](const ProbationReply& reply) {
               return json_response(200, probation_lists_json(reply.lists, reply.limit));
             }));
  router.add("POST", "/api/v1/members/{id}/recognition",
             writes(api, decode_recognition, app::record_recognition, render_recognition));
  router.add("GET", "/api/v1/transfers",
             lists(api, decode_transfer_query, app::list_transfers, render_transfers));
  router.add("POST", "/api/v1/transfers",
             writes(api, decode_new_transfer, app::start_transfer, render_new_transfer));
  router.add("GET", "/api/v1/transfers/{id}",
             reads(api, path_id_of<TransferId>("transfer"), app::get_transfer, transfer_view));
  router.add("POST", "/api/v1/transfers/{id}/complete",
             writes(api, decode_transfer_end("note"), app::complete_transfer, transfer_view));
  router.add("POST", "/api/v1/transfers/{id}/cancel",
             writes(api, decode_transfer_end("reason"), app::cancel_transfer, transfer_view));
  router.add("POST", "/api/v1/members/{id}/exit",
             writes(api, decode_exit, app::record_exit, member_state));
  router.add("POST", "/api/v1/members/{id}/exemption",
             writes(api, decode_exemption, app::record_exemption, member_state));
  // A party-age gap from an old file (removed and readmitted, or a letter presented late, before
  // chibo kept the procedure): recorded with its reason and document, audited.
  router.add("POST", "/api/v1/members/{id}/gaps",
             writes(api, decode_gap, app::record_gap, member_state));
  router.add("GET", "/api/v1/members/{id}/lifecycle",
             reads(api, path_id_of<MemberId>("member"), app::member_lifecycle,
                   json_reply(200, lifecycle_json)));
  router.add("GET", "/api/v1/badges",
             lists(api, decode_badge_query(false), badge_list(domain::Permission::kMemberRead),
                   render_badges));
  router.add("GET", "/api/v1/badges.csv",
             lists(api, decode_badge_query(true), badge_list(domain::Permission::kMemberExport),
                   render_badges_csv));
  router.add("POST", "/api/v1/badges/awards",
             writes(api, decode_awards, award_badges, render_awards));
  router.add("GET", "/api/v1/calendar",
             reads(api, decode_calendar, calendar_days(api.services.calendar),
                   [](const json& days) { return json_response(200, days); }));
}

}  // namespace chibo::http
