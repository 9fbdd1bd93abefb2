// The member lifecycle beyond admission: probation and recognition, transfers, leaving the
// roll and exemption, party age, badges, and the working-day calendar.
#include <sstream>

#include "app/badges.h"
#include "app/exits.h"
#include "app/member_lifecycle.h"
#include "app/party_age_gaps.h"
#include "app/probation.h"
#include "app/transfers.h"
#include "http/api.h"
#include "http/idempotency.h"
#include "http/json_body.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "io/csv.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr size_t kNoteChars = 1000;
constexpr size_t kNameChars = 255;
constexpr int kMaxPageSize = 500;

// A list's filters are query parameters: values the use case refuses are a 400.
HttpResponse list_problem(Error error, const HttpRequest& request) {
  if (error.code == ErrorCode::kInvalid) {
    error.code = ErrorCode::kMalformed;
    error.reason = "invalid_parameter";
  }
  return problem_response(error, request);
}

std::optional<long long> body_version(JsonFields& fields, const HttpRequest& request) {
  if (std::optional<long long> version = fields.integer("version", false)) return version;
  return if_match_version(request);
}

HttpResponse invalid(std::vector<FieldError> errors, const HttpRequest& request) {
  return problem_response(Error::invalid(std::move(errors)), request);
}

HttpResponse member_response(const domain::Member& member) {
  return json_response(
      200,
      {{"id", member.id.value},
       {"status", member.status},
       {"version", member.version},
       {"official_date", member.official_date ? json(member.official_date->iso()) : json(nullptr)},
       {"exit_date", member.exit_date ? json(member.exit_date->iso()) : json(nullptr)},
       {"exit_ground", member.exit_ground.empty() ? json(nullptr) : json(member.exit_ground)}});
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

}  // namespace

void add_lifecycle_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;

  router.add("GET", "/api/v1/probation", [&](HttpRequest& request) {
    QueryParams params(request.query);
    const auto org = params.integer("org", 1, INT64_MAX);
    const auto within = params.integer("within", 0, 366).value_or(60);
    // A national list runs to tens of thousands: each list is cut at `limit`, counts stay whole.
    const auto limit = params.integer("limit", 1, 5000).value_or(500);
    if (auto errors = params.finish(); !errors.empty())
      return query_problem(std::move(errors), request);
    auto lists = app::probation_lists(services, actor_of(request), OrgId(org.value_or(0)),
                                      static_cast<int>(within));
    if (!lists) return list_problem(std::move(lists).error(), request);
    return json_response(200, probation_lists_json(*lists, static_cast<size_t>(limit)));
  });

  router.add("POST", "/api/v1/members/{id}/recognition", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return problem_response(Error::not_found("member"), request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<long long> version = body_version(fields, request);
               std::optional<domain::RecognitionRecord> step = read_recognition(fields, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!version) errors.push_back({"version", "required", {}});
               if (!errors.empty() || !step) return invalid(std::move(errors), request);
               // Keyed, a resent step gets its first reply, not a version conflict.
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto steps = tx ? app::record_recognition_in(services, actor_of(request), *tx,
                                                              MemberId(*id), *version, *step)
                                 : app::record_recognition(services, actor_of(request),
                                                           MemberId(*id), *version, *step);
                 if (!steps) return problem_response(steps.error(), request);
                 json items = json::array();
                 for (const auto& each : *steps) items.push_back(recognition_json(each));
                 return json_response(201, {{"member_id", *id}, {"steps", std::move(items)}});
               });
             }));

  router.add("GET", "/api/v1/transfers", [&](HttpRequest& request) {
    QueryParams params(request.query);
    app::TransferQuery query;
    if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
    if (const auto member = params.integer("member", 1, INT64_MAX))
      query.member = MemberId(*member);
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
    if (!errors.empty()) return query_problem(std::move(errors), request);
    auto transfers = app::list_transfers(services, actor_of(request), query);
    if (!transfers) return list_problem(std::move(transfers).error(), request);
    json items = json::array();
    for (const app::TransferView& view : *transfers) items.push_back(transfer_json(view));
    return json_response(200, {{"items", std::move(items)}});
  });

  router.add("POST", "/api/v1/transfers", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               std::optional<app::TransferRequest> transfer = read_transfer(fields, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty() || !transfer) return invalid(std::move(errors), request);
               // Keyed, a resent transfer gets its first reply, not "transfer_open".
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto started =
                     tx ? app::start_transfer_in(services, actor_of(request), *tx, *transfer)
                        : app::start_transfer(services, actor_of(request), *transfer);
                 if (!started) return problem_response(started.error(), request);
                 return json_response(201, transfer_json(*started))
                     .with_header("Location", "/api/v1/transfers/" +
                                                  std::to_string(started->transfer.id.value));
               });
             }));

  router.add("GET", "/api/v1/transfers/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return problem_response(Error::not_found("transfer"), request);
               auto view = app::get_transfer(services, actor_of(request), TransferId(*id));
               if (!view) return problem_response(view.error(), request);
               return json_response(200, transfer_json(*view));
             }));

  for (const char* action : {"complete", "cancel"}) {
    const bool complete = std::string(action) == "complete";
    router.add(
        "POST", std::string("/api/v1/transfers/{id}/") + action,
        no_query([&services, complete](HttpRequest& request) {
          const auto id = path_id(request);
          if (!id) return problem_response(Error::not_found("transfer"), request);
          auto body = read_json_object(request);
          if (!body) return problem_response(body.error(), request);
          JsonFields fields(*body);
          std::vector<FieldError> errors;
          const std::optional<long long> version = body_version(fields, request);
          const std::optional<Date> on = read_date_field(fields, "on", true, errors);
          const std::string text =
              read_text_field(fields, complete ? "note" : "reason", kNoteChars, errors);
          for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
          if (!version) errors.push_back({"version", "required", {}});
          if (!errors.empty()) return invalid(std::move(errors), request);
          // Keyed, a resent action gets its first reply, not a version conflict.
          return with_idempotency(services, request, [&](app::Transaction* tx) {
            const app::Actor& actor = actor_of(request);
            const TransferId transfer(*id);
            Result<app::TransferView> done = Error::internal("unset");
            if (complete) {
              done = tx ? app::complete_transfer_in(services, actor, *tx, transfer, *version, *on,
                                                    text)
                        : app::complete_transfer(services, actor, transfer, *version, *on, text);
            } else {
              done =
                  tx ? app::cancel_transfer_in(services, actor, *tx, transfer, *version, *on, text)
                     : app::cancel_transfer(services, actor, transfer, *version, *on, text);
            }
            if (!done) return problem_response(done.error(), request);
            return json_response(200, transfer_json(*done));
          });
        }));
  }

  router.add("POST", "/api/v1/members/{id}/exit", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return problem_response(Error::not_found("member"), request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<long long> version = body_version(fields, request);
               domain::ExitRequest exit;
               exit.status = read_text_field(fields, "status", 40, errors);
               if (exit.status.empty()) errors.push_back({"status", "required", {}});
               if (const std::optional<Date> on = read_date_field(fields, "on", true, errors))
                 exit.on = *on;
               exit.ground = read_text_field(fields, "ground", 60, errors);
               exit.document = read_document(fields, "document", errors);
               exit.note = read_text_field(fields, "note", kNoteChars, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!version) errors.push_back({"version", "required", {}});
               if (!errors.empty()) return invalid(std::move(errors), request);
               // Keyed, a resent exit gets its first reply, not a version conflict.
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto member = tx ? app::record_exit_in(services, actor_of(request), *tx,
                                                        MemberId(*id), *version, exit)
                                  : app::record_exit(services, actor_of(request), MemberId(*id),
                                                     *version, exit);
                 if (!member) return problem_response(member.error(), request);
                 return member_response(*member);
               });
             }));

  router.add("POST", "/api/v1/members/{id}/exemption", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return problem_response(Error::not_found("member"), request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<long long> version = body_version(fields, request);
               domain::ExemptionRequest exemption;
               const std::string action = read_text_field(fields, "action", 10, errors);
               if (action != "start" && action != "end")
                 errors.push_back(
                     {"action", action.empty() ? "required" : "unknown_code", {{"value", action}}});
               exemption.start = action != "end";
               if (const std::optional<Date> on = read_date_field(fields, "on", true, errors))
                 exemption.on = *on;
               exemption.document = read_document(fields, "document", errors);
               exemption.note = read_text_field(fields, "note", kNoteChars, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!version) errors.push_back({"version", "required", {}});
               if (!errors.empty()) return invalid(std::move(errors), request);
               // Keyed, a resent exemption gets its first reply, not a version conflict.
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto member = tx ? app::record_exemption_in(services, actor_of(request), *tx,
                                                             MemberId(*id), *version, exemption)
                                  : app::record_exemption(services, actor_of(request),
                                                          MemberId(*id), *version, exemption);
                 if (!member) return problem_response(member.error(), request);
                 return member_response(*member);
               });
             }));

  // A party-age gap from an old file (removed and readmitted, or a letter presented late, before
  // chibo kept the procedure): recorded with its reason and document, audited.
  router.add("POST", "/api/v1/members/{id}/gaps", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return problem_response(Error::not_found("member"), request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<long long> version = body_version(fields, request);
               domain::GapRequest gap;
               const std::optional<Date> from = read_date_field(fields, "from", true, errors);
               const std::optional<Date> to = read_date_field(fields, "to", true, errors);
               gap.reason = read_text_field(fields, "reason", 40, errors);
               gap.document = read_document(fields, "document", errors);
               gap.note = read_text_field(fields, "note", kNoteChars, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!version) errors.push_back({"version", "required", {}});
               if (!errors.empty()) return invalid(std::move(errors), request);
               gap.from = *from;
               gap.to = *to;
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto member = tx ? app::record_gap_in(services, actor_of(request), *tx,
                                                       MemberId(*id), *version, gap)
                                  : app::record_gap(services, actor_of(request), MemberId(*id),
                                                    *version, gap);
                 if (!member) return problem_response(member.error(), request);
                 return member_response(*member);
               });
             }));

  router.add("GET", "/api/v1/members/{id}/lifecycle", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return problem_response(Error::not_found("member"), request);
               auto lifecycle = app::member_lifecycle(services, actor_of(request), MemberId(*id));
               if (!lifecycle) return problem_response(lifecycle.error(), request);
               return json_response(200, lifecycle_json(*lifecycle));
             }));

  // Badges: the list of an occasion (JSON pages, or everything as CSV), and a decision's awards.
  for (const bool csv : {false, true}) {
    router.add("GET", csv ? "/api/v1/badges.csv" : "/api/v1/badges",
               [&services, csv](HttpRequest& request) {
                 QueryParams params(request.query);
                 app::BadgeListQuery query;
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
                 std::string lang = "vi";
                 long long page = 1, page_size = 50;
                 if (csv) {
                   lang = params.text("lang").value_or("vi");
                   if (lang != "vi" && lang != "en")
                     errors.push_back({"lang", "unknown_code", {{"value", lang}}});
                   query.limit = 0;
                 } else {
                   page = params.integer("page", 1, 1000000).value_or(1);
                   page_size = params.integer("page_size", 1, kMaxPageSize).value_or(50);
                   query.offset = (page - 1) * page_size;
                   query.limit = static_cast<int>(page_size);
                 }
                 for (FieldError& error : params.finish()) errors.push_back(std::move(error));
                 if (!errors.empty()) return query_problem(std::move(errors), request);
                 auto list = app::list_badges(
                     services, actor_of(request), query,
                     csv ? domain::Permission::kMemberExport : domain::Permission::kMemberRead);
                 if (!list) return list_problem(std::move(list).error(), request);
                 if (!csv) {
                   json body = badge_list_json(*list);
                   body["page"] = page;
                   body["page_size"] = page_size;
                   return json_response(200, body);
                 }
                 HttpResponse response;
                 response.content_type = "text/csv; charset=utf-8";
                 response.body = badges_csv(*list, lang == "en");
                 return response
                     .with_header("Content-Disposition", "attachment; filename=\"huy-hieu-" +
                                                             list->occasion.iso() + ".csv\"")
                     .with_header("X-Total-Count", std::to_string(list->total));
               });
  }

  router.add(
      "POST", "/api/v1/badges/awards", no_query([&](HttpRequest& request) {
        auto body = read_json_object(request);
        if (!body) return problem_response(body.error(), request);
        JsonFields fields(*body);
        std::vector<FieldError> errors;
        app::BadgeAwardRequest award;
        const std::optional<Date> occasion = read_date_field(fields, "occasion", true, errors);
        const std::optional<Date> decided = read_date_field(fields, "decided_on", true, errors);
        award.document = read_document(fields, "document", errors);
        const json* awards = fields.raw("awards");
        if (!awards || !awards->is_array()) {
          errors.push_back(
              {"awards", awards ? "wrong_type" : "required", {{"expected_code", "array"}}});
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
        for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
        if (!errors.empty()) return invalid(std::move(errors), request);
        award.occasion = *occasion;
        award.decided_on = *decided;
        // Keyed, a resent decision gets its first reply, not "badge_already_awarded".
        return with_idempotency(services, request, [&](app::Transaction* tx) {
          auto awarded = tx ? app::award_badges_in(services, actor_of(request), *tx, award)
                            : app::award_badges(services, actor_of(request), award);
          if (!awarded) return problem_response(awarded.error(), request);
          return json_response(201, {{"awarded", *awarded}, {"occasion", occasion->iso()}});
        });
      }));

  router.add("GET", "/api/v1/calendar", [&](HttpRequest& request) {
    QueryParams params(request.query);
    const auto year = params.integer("year", 1900, 2200);
    if (auto errors = params.finish(); !errors.empty())
      return query_problem(std::move(errors), request);
    json days = json::array();
    for (const domain::CalendarDay& day : services.calendar.days()) {
      if (year && day.date.year() != *year) continue;
      days.push_back({{"date", day.date.iso()},
                      {"working", day.working},
                      {"name_vi", day.name_vi},
                      {"source", day.source}});
    }
    return json_response(200, {{"items", std::move(days)}});
  });
}

}  // namespace chibo::http
