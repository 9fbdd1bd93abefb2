// Cell meetings (issue 14): schedule, record as held, approve, amend; the minutes as DOCX and
// print page; absence notices; the signed-in member's own view; the base committee's views
// (cells missing a meeting, a cell's quality in a year, the removal list).
#include <algorithm>
#include <tuple>

#include "app/meetings.h"
#include "domain/meetings/meeting_state.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "http/request_body.h"
#include "text/clean.h"

namespace chibo::http {

// Named, not anonymous: the unity build joins this file with the other route files.
namespace meeting_http {

using nlohmann::json;
namespace dm = domain::meetings;

constexpr size_t kPlaceChars = 300;
constexpr size_t kTopicChars = 500;
constexpr size_t kReasonChars = 500;
constexpr long long kMaxCount = 100000;

// ---- rendering ---------------------------------------------------------------------------------

json applied_json(const dm::AppliedRule& rule) {
  return {{"key", rule.key}, {"value", rule.value}, {"source", rule.source}};
}

json applied_list(const std::vector<dm::AppliedRule>& rules) {
  json items = json::array();
  for (const auto& rule : rules) items.push_back(applied_json(rule));
  return items;
}

json person_json(const std::optional<app::PersonRef>& person) {
  if (!person) return nullptr;
  return {{"member_id", person->id.value}, {"full_name", person->name}};
}

json agenda_json(const std::vector<app::MeetingAgendaItem>& agenda) {
  json items = json::array();
  for (const auto& item : agenda) {
    json entry = {{"code", item.code}, {"title", item.title}};
    if (!item.note.empty()) entry["note"] = item.note;
    items.push_back(std::move(entry));
  }
  return items;
}

json absence_notice_json(const app::AbsenceNoticeRow& n) {
  return {{"id", n.id},
          {"meeting_id", n.meeting_id},
          {"member_id", n.member_id.value},
          {"full_name", n.member_name},
          {"reason", n.reason},
          {"state", n.state},
          {"sent_at", n.sent_at},
          {"decided_at", n.decided_at},
          {"decided_by", n.decided_by},
          {"decision_note", n.decision_note}};
}

json links_json(const std::vector<app::LinkView>& links) {
  json items = json::array();
  for (const auto& l : links)
    items.push_back({{"id", l.id}, {"number", l.number}, {"title", l.title}});
  return items;
}

double percent_of(int present, int counted) {
  if (counted == 0) return 0.0;
  return static_cast<double>(int64_t{present} * 1000 / counted) / 10.0;
}

json long_excused_json(const std::vector<app::PersonRef>& people,
                       const std::vector<dm::LongExcused>& runs) {
  json items = json::array();
  for (size_t i = 0; i < runs.size() && i < people.size(); ++i) {
    items.push_back({{"member_id", people[i].id.value},
                     {"full_name", people[i].name},
                     {"streak", runs[i].streak}});
  }
  return items;
}

json quality_json(const std::optional<app::QualityView>& q) {
  if (!q) return nullptr;
  const dm::MeetingQuality& m = q->quality;
  return {{"counted", m.tally.counted},
          {"present", m.tally.present},
          {"absent_excused", m.tally.absent_excused},
          {"absent_unexcused", m.tally.absent_unexcused},
          {"attendance_percent", percent_of(m.tally.present, m.tally.counted)},
          {"attendance_ok", m.attendance_ok},
          {"no_unexcused", m.no_unexcused},
          {"long_excused", long_excused_json(q->long_excused_names, m.long_excused)},
          {"meets", m.meets()},
          {"rules", applied_list(m.rules)}};
}

json meeting_json(const app::MeetingView& v) {
  const app::MeetingRow& r = v.row;
  json votes = json::array();
  for (const auto& vote : v.votes) {
    votes.push_back({{"subject", vote.vote.subject},
                     {"in_favour", vote.vote.in_favour},
                     {"against", vote.vote.against},
                     {"abstain", vote.vote.abstain},
                     {"entitled", vote.vote.entitled},
                     {"passed", vote.passed},
                     {"rule", applied_json(vote.rule)}});
  }
  json roster = json::array();
  for (const auto& line : v.roster) {
    roster.push_back({{"member_id", line.member_id.value},
                      {"full_name", line.name},
                      {"member_status", line.member_status},
                      {"counted", line.counted},
                      {"attendance", line.attendance ? json(*line.attendance) : json(nullptr)},
                      {"reason", line.reason},
                      {"notice", line.notice ? absence_notice_json(*line.notice) : json(nullptr)}});
  }
  json notices = json::array();
  for (const auto& n : v.notices) notices.push_back(absence_notice_json(n));
  json amendments = json::array();
  for (const auto& a : v.amendments) {
    json changes = json::array();
    for (const auto& c : a.row.changes) {
      auto name = a.names.find(c.member_id);
      changes.push_back({{"member_id", c.member_id.value},
                         {"full_name", name != a.names.end() ? name->second : std::string()},
                         {"from", c.from},
                         {"to", c.to}});
    }
    amendments.push_back({{"id", a.row.id},
                          {"section", a.row.section},
                          {"text", a.row.text},
                          {"reason", a.row.reason},
                          {"changes", std::move(changes)},
                          {"created_at", a.row.created_at},
                          {"created_by", a.row.created_by}});
  }
  return {{"id", r.id},
          {"org", {{"id", r.org_id.value}, {"name", v.org_name}}},
          {"kind", r.kind},
          {"state", r.state},
          {"held_on", r.held_on.iso()},
          {"starts_at", r.starts_at},
          {"place", r.place},
          {"topic", r.topic},
          {"agenda", agenda_json(r.agenda)},
          {"documents", links_json(v.documents)},
          {"directives", links_json(v.directives)},
          {"chair", person_json(v.chair)},
          {"secretary", person_json(v.secretary)},
          {"resolution", r.resolution},
          {"minutes", r.minutes},
          {"votes", std::move(votes)},
          {"roster", std::move(roster)},
          {"quality", quality_json(v.quality)},
          {"notices", std::move(notices)},
          {"amendments", std::move(amendments)},
          {"created_at", r.created_at},
          {"created_by", r.created_by},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by},
          {"approved_at", r.approved_at},
          {"approved_by", r.approved_by},
          {"may_write", v.may_write}};
}

json meeting_item_json(const app::MeetingRow& r, const std::string& org_name) {
  json meets = nullptr;
  if (r.state != dm::kScheduled) {
    meets = r.counted > 0 && int64_t{r.present} * 100 > 85 * int64_t{r.counted} &&
            r.absent_unexcused == 0;
  }
  return {{"id", r.id},
          {"org", {{"id", r.org_id.value}, {"name", org_name}}},
          {"kind", r.kind},
          {"state", r.state},
          {"held_on", r.held_on.iso()},
          {"starts_at", r.starts_at},
          {"place", r.place},
          {"topic", r.topic},
          {"counted", r.counted},
          {"present", r.present},
          {"meets", meets}};
}

json meeting_list_json(const app::MeetingList& list) {
  json items = json::array();
  for (const auto& r : list.items) {
    auto name = list.org_names.find(r.org_id);
    items.push_back(meeting_item_json(r, name != list.org_names.end() ? name->second : ""));
  }
  return {{"items", std::move(items)}, {"total", list.total}};
}

json org_ref_json(const domain::Organization& org) {
  return {{"id", org.id.value}, {"name", org.name}};
}

json missing_json(const app::MissingMeetings& m) {
  json items = json::array();
  for (const auto& c : m.items) {
    items.push_back(
        {{"org", {{"id", c.id.value}, {"name", c.name}}},
         {"parent", c.parent_id.valid() ? json({{"id", c.parent_id.value}, {"name", c.parent_name}})
                                        : json(nullptr)},
         {"state", c.scheduled_id ? "scheduled" : "none"},
         {"meeting_id", c.scheduled_id ? json(c.scheduled_id) : json(nullptr)},
         {"last_held_on", c.last_held_on ? json(c.last_held_on->iso()) : json(nullptr)}});
  }
  return {{"org", org_ref_json(m.org)},
          {"kind", m.kind},
          {"month", m.month.iso()},
          {"period_from", m.period.first.first_day().iso()},
          {"period_to", m.period.last.last_day().iso()},
          {"total", m.total},
          {"items", std::move(items)}};
}

json months_json(const std::vector<dm::Period>& periods) {
  json items = json::array();
  for (const auto& p : periods) items.push_back(p.first.iso());
  return items;
}

json quarters_json(const std::vector<dm::Period>& periods) {
  json items = json::array();
  for (const auto& p : periods) items.push_back(p.index);
  return items;
}

json cell_quality_json(const app::CellYearQuality& q) {
  json long_excused = json::array();
  for (const auto& [person, streak] : q.long_excused) {
    long_excused.push_back(
        {{"member_id", person.id.value}, {"full_name", person.name}, {"streak", streak}});
  }
  return {{"org", org_ref_json(q.org)},
          {"year", q.year},
          {"through", q.through.iso()},
          {"owed_months", months_json(q.expected.owed_regular)},
          {"missing_months", months_json(q.expected.missing_regular)},
          {"owed_quarters", quarters_json(q.expected.owed_thematic)},
          {"missing_quarters", quarters_json(q.expected.missing_thematic)},
          {"meetings", q.meetings},
          {"counted", q.counted},
          {"present", q.present},
          {"attendance_percent", percent_of(q.present, q.counted)},
          {"unexcused", q.unexcused},
          {"long_excused", std::move(long_excused)},
          {"meetings_meeting_quality", q.meetings_meeting_quality},
          {"meets", q.meets()},
          {"failures", q.failures},
          {"rules", applied_list(q.rules)}};
}

json removal_json(const app::RemovalList& list) {
  json items = json::array();
  for (const auto& e : list.items) {
    json grounds = json::array();
    if (e.for_meetings) grounds.push_back("meetings");
    if (e.for_dues) grounds.push_back("dues");
    json meetings = json::array();
    for (const auto& f : e.unexcused_meetings)
      meetings.push_back(
          {{"meeting_id", f.meeting_id}, {"held_on", f.held_on.iso()}, {"kind", f.kind}});
    json unexcused = json::array();
    for (const auto& m : e.unexcused_months) unexcused.push_back(m.iso());
    json unpaid = json::array();
    for (const auto& m : e.unpaid_months) unpaid.push_back(m.iso());
    items.push_back(
        {{"member_id", e.member_id.value},
         {"full_name", e.name},
         {"org", {{"id", e.org_id.value}, {"name", e.org_name}}},
         {"grounds", std::move(grounds)},
         {"unexcused_meetings", std::move(meetings)},
         {"unexcused_months", std::move(unexcused)},
         {"unpaid_months", std::move(unpaid)},
         {"exit",
          {{"status", "removed"},
           {"ground", "missed_activities_or_dues"},
           {"path", "/api/v1/members/" + std::to_string(e.member_id.value) + "/exit"}}}});
  }
  return {{"org", org_ref_json(list.org)},       {"year", list.year},
          {"through_month", list.through.iso()}, {"total", list.total},
          {"items", std::move(items)},           {"rules", applied_list(list.rules)}};
}

json my_meetings_json(const app::MyMeetings& mine) {
  json upcoming = json::array();
  for (const auto& r : mine.upcoming) upcoming.push_back(meeting_item_json(r, mine.org_name));
  json attendance = json::array();
  for (const auto& f : mine.attendance) {
    attendance.push_back({{"meeting_id", f.meeting_id},
                          {"held_on", f.held_on.iso()},
                          {"kind", f.kind},
                          {"state", f.meeting_state},
                          {"status", f.status},
                          {"reason", f.reason}});
  }
  json notices = json::array();
  for (const auto& n : mine.notices) notices.push_back(absence_notice_json(n));
  return {{"member", {{"id", mine.member.id.value}, {"full_name", mine.member.name}}},
          {"org", {{"id", mine.org_id.value}, {"name", mine.org_name}}},
          {"upcoming", std::move(upcoming)},
          {"attendance", std::move(attendance)},
          {"notices", std::move(notices)}};
}

json catalog_json(const app::MeetingCatalogView& view) {
  json agenda = json::array();
  for (const auto& item : app::agenda_template())
    agenda.push_back(
        {{"code", item.code}, {"title_vi", item.title_vi}, {"title_en", item.title_en}});
  return {
      {"kinds",
       json::array(
           {{{"code", "regular"},
             {"name_vi", "Sinh hoạt thường kỳ"},
             {"name_en", "Regular (monthly)"}},
            {{"code", "thematic"}, {"name_vi", "Sinh hoạt chuyên đề"}, {"name_en", "Thematic"}},
            {{"code", "ad_hoc"}, {"name_vi", "Họp bất thường"}, {"name_en", "Ad hoc"}}})},
      {"agenda_template", std::move(agenda)},
      {"attendance_statuses",
       json::array(
           {{{"code", "present"}, {"name_vi", "Có mặt"}, {"name_en", "Present"}, {"counted", true}},
            {{"code", "absent_excused"},
             {"name_vi", "Vắng có lý do"},
             {"name_en", "Absent with reason"},
             {"counted", true}},
            {{"code", "absent_unexcused"},
             {"name_vi", "Vắng không lý do"},
             {"name_en", "Absent without reason"},
             {"counted", true}},
            {{"code", "special_duty"},
             {"name_vi", "Làm nhiệm vụ đặc biệt"},
             {"name_en", "On special duty"},
             {"counted", false}}})},
      {"rules", applied_list(view.rules)}};
}

HttpResponse minutes_response(const app::RenderedMinutes& rendered, bool docx) {
  HttpResponse response;
  response.status = 200;
  response.body = rendered.content;
  if (docx) {
    response.content_type =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    response.with_header("Content-Disposition",
                         "attachment; filename=\"" + rendered.file_name + "\"");
  } else {
    response.content_type = "text/html; charset=utf-8";
    response.with_header("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                         "base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
  }
  return response;
}

// ---- decoding ----------------------------------------------------------------------------------

Error meeting_bad_parameters(std::vector<FieldError> errors) {
  return Error::malformed("invalid_parameter").with_fields(std::move(errors));
}

Result<int64_t> meeting_path_id(const HttpRequest& request, const char* name, const char* what) {
  const std::optional<long long> id = path_id(request, name);
  if (!id) return Error::not_found(what);
  return *id;
}

// Multi-line text (minutes, resolution, notes) of at most `max_chars` characters.
std::string read_multiline(JsonFields& fields, const std::string& name, size_t max_chars,
                           std::vector<FieldError>& errors) {
  const auto value = fields.text(name);
  if (!value || !*value) return std::string();
  text::Cleaned cleaned = text::clean_multiline(**value);
  if (!cleaned.ok()) {
    errors.push_back(
        {name,
         cleaned.error == text::CleanError::kInvalidUtf8 ? "invalid_utf8" : "control_character",
         {}});
    return std::string();
  }
  if (text::code_point_count(cleaned.text) > max_chars) {
    errors.push_back({name, "too_long", {{"max", std::to_string(max_chars)}}});
    return std::string();
  }
  return std::move(cleaned.text);
}

// An array of objects: `read(nested, inner, index)` for each; errors name "name[i].field".
template <class Read>
void read_object_array(JsonFields& fields, const std::string& name, size_t max,
                       std::vector<FieldError>& errors, Read read) {
  const json* value = fields.raw(name);
  if (!value || value->is_null()) return;
  if (!value->is_array()) {
    errors.push_back({name, "wrong_type", {{"expected_code", "array"}}});
    return;
  }
  if (value->size() > max) {
    errors.push_back({name, "too_many", {{"max", std::to_string(max)}}});
    return;
  }
  for (size_t i = 0; i < value->size(); ++i) {
    const std::string at = name + "[" + std::to_string(i) + "]";
    if (!(*value)[i].is_object()) {
      errors.push_back({at, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields nested((*value)[i]);
    std::vector<FieldError> inner;
    read(nested, inner, i);
    for (FieldError& error : nested.finish()) inner.push_back(std::move(error));
    for (FieldError& error : inner) {
      error.field = at + "." + error.field;
      errors.push_back(std::move(error));
    }
  }
}

std::optional<std::vector<int64_t>> read_id_list(JsonFields& fields, const std::string& name,
                                                 std::vector<FieldError>& errors) {
  const json* value = fields.raw(name);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_array()) {
    errors.push_back({name, "wrong_type", {{"expected_code", "array"}}});
    return std::nullopt;
  }
  std::vector<int64_t> ids;
  for (size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    if (!item.is_number_integer() || item.get<long long>() < 1) {
      errors.push_back(
          {name + "[" + std::to_string(i) + "]", "wrong_type", {{"expected_code", "integer"}}});
      continue;
    }
    ids.push_back(item.get<long long>());
  }
  return ids;
}

int read_count(JsonFields& fields, const std::string& name) {
  const std::optional<long long> value = fields.integer(name, true);
  if (!value) return 0;
  if (*value < 0 || *value > kMaxCount) {
    fields.add_error({name, "out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxCount)}}});
    return 0;
  }
  return static_cast<int>(*value);
}

std::vector<app::AttendanceInput> read_attendance(JsonFields& fields, const std::string& name,
                                                  std::vector<FieldError>& errors) {
  std::vector<app::AttendanceInput> out;
  read_object_array(fields, name, 2000, errors,
                    [&](JsonFields& item, std::vector<FieldError>& inner, size_t) {
                      app::AttendanceInput a;
                      if (const auto id = item.integer("member_id", true))
                        a.member_id = MemberId(*id);
                      a.status = read_text_field(item, "status", 40, inner);
                      if (a.status.empty() && !item.has("status"))
                        inner.push_back({"status", "required", {}});
                      a.reason = read_text_field(item, "reason", kReasonChars, inner);
                      out.push_back(std::move(a));
                    });
  return out;
}

void read_draft_fields(JsonFields& fields, std::vector<FieldError>& errors, app::MeetingDraft& d) {
  if (fields.has("held_on")) d.held_on = read_date_field(fields, "held_on", true, errors);
  if (fields.has("starts_at")) d.starts_at = read_text_field(fields, "starts_at", 5, errors);
  if (fields.has("place")) d.place = read_text_field(fields, "place", kPlaceChars, errors);
  if (fields.has("kind")) d.kind = read_text_field(fields, "kind", 20, errors);
  if (fields.has("topic")) d.topic = read_text_field(fields, "topic", kTopicChars, errors);
  if (fields.has("agenda")) {
    std::vector<app::MeetingAgendaItem> agenda;
    read_object_array(fields, "agenda", 30, errors,
                      [&](JsonFields& item, std::vector<FieldError>& inner, size_t) {
                        app::MeetingAgendaItem a;
                        a.code = read_text_field(item, "code", 40, inner);
                        if (a.code.empty() && !item.has("code"))
                          inner.push_back({"code", "required", {}});
                        a.title = read_text_field(item, "title", 300, inner);
                        a.note = read_multiline(item, "note", 2000, inner);
                        agenda.push_back(std::move(a));
                      });
    d.agenda = std::move(agenda);
  }
  d.document_ids = read_id_list(fields, "document_ids", errors);
  d.directive_ids = read_id_list(fields, "directive_ids", errors);
}

std::string language_of(const HttpRequest& request) {
  return request.header("accept-language").substr(0, 2) == "en" ? "en" : "vi";
}

Result<std::tuple<OrgId, app::MeetingDraft>> decode_schedule(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "organization");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  app::MeetingDraft draft;
  draft.language = language_of(request);
  read_draft_fields(body->fields(), body->errors(), draft);
  if (!body->fields().has("held_on")) body->errors().push_back({"held_on", "required", {}});
  if (!body->fields().has("kind")) body->errors().push_back({"kind", "required", {}});
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{OrgId(*id), std::move(draft)};
}

Result<std::tuple<int64_t, app::MeetingDraft>> decode_patch(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  app::MeetingDraft draft;
  draft.language = language_of(request);
  read_draft_fields(body->fields(), body->errors(), draft);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{*id, std::move(draft)};
}

Result<std::tuple<int64_t, app::MeetingRecordRequest>> decode_record(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::MeetingRecordRequest r;
  if (const auto chair = fields.integer("chair_id", true)) r.chair_id = MemberId(*chair);
  if (const auto secretary = fields.integer("secretary_id", true))
    r.secretary_id = MemberId(*secretary);
  if (fields.has("held_on")) r.held_on = read_date_field(fields, "held_on", true, errors);
  if (fields.has("place")) r.place = read_text_field(fields, "place", kPlaceChars, errors);
  if (!fields.has("attendance")) errors.push_back({"attendance", "required", {}});
  r.attendance = read_attendance(fields, "attendance", errors);
  read_object_array(fields, "votes", 50, errors,
                    [&](JsonFields& item, std::vector<FieldError>& inner, size_t) {
                      app::VoteInput v;
                      v.subject = read_text_field(item, "subject", 500, inner);
                      if (v.subject.empty() && !item.has("subject"))
                        inner.push_back({"subject", "required", {}});
                      v.in_favour = read_count(item, "in_favour");
                      v.against = read_count(item, "against");
                      v.abstain = read_count(item, "abstain");
                      r.votes.push_back(std::move(v));
                    });
  r.resolution = read_multiline(fields, "resolution", 20000, errors);
  r.minutes = read_multiline(fields, "minutes", 50000, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{*id, std::move(r)};
}

Result<std::tuple<int64_t>> decode_meeting_action(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request, true);
  if (!body) return std::move(body).error();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{*id};
}

Result<std::tuple<int64_t>> decode_meeting_id(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  return std::tuple{*id};
}

Result<std::tuple<int64_t, app::AmendmentRequest>> decode_amendment(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::AmendmentRequest a;
  a.section = read_text_field(fields, "section", 40, errors);
  a.text = read_multiline(fields, "text", 20000, errors);
  a.reason = read_multiline(fields, "reason", 1000, errors);
  a.attendance = read_attendance(fields, "attendance", errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{*id, std::move(a)};
}

Result<std::tuple<int64_t, std::optional<MemberId>, std::string>> decode_notice(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::optional<MemberId> member;
  if (const auto value = fields.integer("member_id", false)) member = MemberId(*value);
  std::string reason = read_text_field(fields, "reason", kReasonChars, body->errors());
  if (!fields.has("reason")) body->errors().push_back({"reason", "required", {}});
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{*id, member, std::move(reason)};
}

Result<std::tuple<int64_t, int64_t, std::string, std::string>> decode_decision(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<int64_t> id = meeting_path_id(request, "id", "meeting");
  if (!id) return std::move(id).error();
  Result<int64_t> nid = meeting_path_id(request, "nid", "notice");
  if (!nid) return std::move(nid).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::string decision = read_text_field(fields, "decision", 20, body->errors());
  if (!fields.has("decision")) body->errors().push_back({"decision", "required", {}});
  std::string note = read_text_field(fields, "note", kReasonChars, body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{*id, *nid, std::move(decision), std::move(note)};
}

// A required (or optional) year query parameter; "required" only when nothing was sent.
std::optional<int> read_year(QueryParams& params, bool required, std::vector<FieldError>& errors) {
  const std::optional<long long> year = params.integer("year", 1900, 9999);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  const bool reported = std::any_of(errors.begin(), errors.end(),
                                    [](const FieldError& e) { return e.field == "year"; });
  if (required && !year && !reported) errors.push_back({"year", "required", {}});
  if (!year) return std::nullopt;
  return static_cast<int>(*year);
}

Result<std::tuple<std::optional<int>>> decode_mine(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  std::optional<int> year = read_year(params, false, errors);
  if (!errors.empty()) return meeting_bad_parameters(std::move(errors));
  return std::tuple{year};
}

Result<std::tuple<OrgId, app::MeetingListQuery>> decode_list(const HttpRequest& request) {
  Result<int64_t> id = meeting_path_id(request, "id", "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::MeetingListQuery q;
  if (auto kind = params.text("kind"); kind && !kind->empty()) {
    if (!dm::is_meeting_kind(*kind)) errors.push_back({"kind", "unknown_code", {}});
    q.kind = *kind;
  }
  if (auto state = params.text("state"); state && !state->empty()) {
    if (*state != dm::kScheduled && *state != dm::kHeld && *state != dm::kApproved)
      errors.push_back({"state", "unknown_code", {}});
    q.state = *state;
  }
  q.offset = params.integer("offset", 0, 1'000'000'000).value_or(0);
  q.limit = static_cast<int>(params.integer("limit", 1, 500).value_or(50));
  q.year = read_year(params, false, errors);
  if (!errors.empty()) return meeting_bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), q};
}

Result<std::tuple<OrgId, dm::Month, std::string, int64_t, int>> decode_missing(
    const HttpRequest& request) {
  Result<int64_t> id = meeting_path_id(request, "id", "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  std::optional<dm::Month> month;
  if (auto text = params.text("month"); text && !text->empty()) {
    month = dm::Month::parse(*text);
    if (!month) errors.push_back({"month", "month_format", {{"value", text->substr(0, 40)}}});
  } else {
    errors.push_back({"month", "required", {}});
  }
  std::string kind = "regular";
  if (auto k = params.text("kind"); k && !k->empty()) {
    if (*k != dm::kRegular && *k != dm::kThematic) errors.push_back({"kind", "unknown_code", {}});
    kind = *k;
  }
  const int64_t offset = params.integer("offset", 0, 1'000'000'000).value_or(0);
  const int limit = static_cast<int>(params.integer("limit", 1, 500).value_or(50));
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return meeting_bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), *month, kind, offset, limit};
}

Result<std::tuple<OrgId, int>> decode_quality(const HttpRequest& request) {
  Result<int64_t> id = meeting_path_id(request, "id", "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  std::optional<int> year = read_year(params, true, errors);
  if (!errors.empty()) return meeting_bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), *year};
}

Result<std::tuple<OrgId, int, int64_t, int>> decode_removal(const HttpRequest& request) {
  Result<int64_t> id = meeting_path_id(request, "id", "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  const int64_t offset = params.integer("offset", 0, 1'000'000'000).value_or(0);
  const int limit = static_cast<int>(params.integer("limit", 1, 500).value_or(50));
  std::optional<int> year = read_year(params, true, errors);
  if (!errors.empty()) return meeting_bad_parameters(std::move(errors));
  return std::tuple{OrgId(*id), *year, offset, limit};
}

}  // namespace meeting_http

void add_meeting_routes(Router& router, ApiContext& api) {
  using namespace meeting_http;
  router.add("GET", "/api/v1/meetings/catalog",
             reads(api, no_inputs, app::get_meeting_catalog, json_reply(200, catalog_json)));
  router.add("GET", "/api/v1/meetings/mine",
             lists(api, decode_mine, app::get_my_meetings, json_reply(200, my_meetings_json)));
  router.add("GET", "/api/v1/orgs/{id}/meetings",
             lists(api, decode_list, app::list_org_meetings, json_reply(200, meeting_list_json)));
  router.add("POST", "/api/v1/orgs/{id}/meetings",
             writes(api, decode_schedule, app::schedule_meeting, json_reply(201, meeting_json)));
  router.add("GET", "/api/v1/orgs/{id}/meetings/missing",
             lists(api, decode_missing, app::list_missing_meetings, json_reply(200, missing_json)));
  router.add("GET", "/api/v1/orgs/{id}/meetings/quality",
             reads(api, decode_quality, app::get_cell_meeting_quality,
                   json_reply(200, cell_quality_json)));
  router.add(
      "GET", "/api/v1/orgs/{id}/removal-candidates",
      lists(api, decode_removal, app::list_removal_candidates, json_reply(200, removal_json)));
  router.add("GET", "/api/v1/meetings/{id}",
             reads(api, decode_meeting_id, app::get_meeting, json_reply(200, meeting_json)));
  router.add("PATCH", "/api/v1/meetings/{id}",
             writes(api, decode_patch, app::update_meeting, json_reply(200, meeting_json)));
  router.add("POST", "/api/v1/meetings/{id}/record",
             writes(api, decode_record, app::record_meeting, json_reply(200, meeting_json)));
  router.add(
      "POST", "/api/v1/meetings/{id}/approve",
      writes(api, decode_meeting_action, app::approve_meeting, json_reply(200, meeting_json)));
  router.add("POST", "/api/v1/meetings/{id}/amendments",
             writes(api, decode_amendment, app::amend_meeting, json_reply(201, meeting_json)));
  router.add(
      "GET", "/api/v1/meetings/{id}/docx",
      reads(
          api, decode_meeting_id,
          [](app::Context& ctx, int64_t& id) { return app::render_meeting_minutes(ctx, id, true); },
          [](const app::RenderedMinutes& r) { return minutes_response(r, true); }));
  router.add("GET", "/api/v1/meetings/{id}/print",
             reads(
                 api, decode_meeting_id,
                 [](app::Context& ctx, int64_t& id) {
                   return app::render_meeting_minutes(ctx, id, false);
                 },
                 [](const app::RenderedMinutes& r) { return minutes_response(r, false); }));
  router.add(
      "POST", "/api/v1/meetings/{id}/absence-notices",
      writes(api, decode_notice, app::send_absence_notice, json_reply(201, absence_notice_json)));
  router.add("POST", "/api/v1/meetings/{id}/absence-notices/{nid}/decision",
             writes(api, decode_decision, app::decide_absence_notice,
                    json_reply(200, absence_notice_json)));
}

}  // namespace chibo::http
