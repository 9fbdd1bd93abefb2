#include "app/meetings.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/access_control.h"
#include "app/directive_support.h"
#include "domain/meetings/meeting_state.h"
#include "domain/meetings/removal.h"
#include "domain/meetings/votes.h"
#include "text/collation.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace meetings_detail {

namespace dm = domain::meetings;
using domain::Permission;

constexpr size_t kPlaceChars = 300;
constexpr size_t kTopicChars = 500;
constexpr size_t kAgendaTitleChars = 300;
constexpr size_t kAgendaNoteChars = 2000;
constexpr size_t kAgendaItemsMax = 30;
constexpr size_t kLinksMax = 50;
constexpr size_t kReasonChars = 500;
constexpr size_t kSubjectChars = 500;
constexpr size_t kResolutionChars = 20000;
constexpr size_t kMinutesChars = 50000;
constexpr size_t kAmendmentTextChars = 20000;
constexpr size_t kAmendmentReasonChars = 1000;
constexpr size_t kVotesMax = 50;
constexpr size_t kAttendanceMax = 2000;

const char* const kAgendaCodes[] = {"roll_call",
                                    "last_month_results",
                                    "documents_from_above",
                                    "discussion",
                                    "resolution",
                                    "admissions_recognitions",
                                    "scoring",
                                    "other"};
const char* const kAmendmentSections[] = {"attendance", "votes", "resolution", "minutes", "other"};

// Character count bound on bytes: at most four bytes per character (text is valid UTF-8).
void check_meeting_text(const std::string& field, const std::string& value, size_t max,
                        bool required, std::vector<FieldError>& errors) {
  if (required && value.empty()) {
    errors.push_back({field, "required", {}});
  } else if (value.size() > max * 4) {
    errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
  }
}

bool is_cell_kind(const Services& services, const std::string& kind) {
  const domain::OrgKind* info = services.catalog.org_kind(kind);
  return info && info->holds_members && kind != "party_group";
}

std::vector<std::string> cell_kinds(const Services& services) {
  std::vector<std::string> kinds;
  for (const auto& kind : services.catalog.org_kinds)
    if (is_cell_kind(services, kind.code)) kinds.push_back(kind.code);
  return kinds;
}

bool meeting_on_roll(const Services& services, const Member& member) {
  const domain::MemberStatusInfo* status = services.catalog.member_status(member.status);
  return status && status->on_roll;
}

bool is_exempt(const Member& member) { return member.status == "exempted"; }

Result<Organization> meeting_readable_org(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach_of(ctx, Permission::kMeetingRead).covers(org->path))
    return Error::not_found("organization");
  return std::move(*org);
}

Result<Organization> meeting_readable_cell(Context& ctx, OrgId id) {
  Result<Organization> org = meeting_readable_org(ctx, id);
  if (!org) return org;
  if (!is_cell_kind(ctx.services, org->kind))
    return Error::invalid_field("id", "not_a_cell", {{"kind", org->kind}});
  return org;
}

Result<Organization> meeting_writable_cell(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  if (Status allowed = require_reach(ctx, Permission::kMeetingWrite, Permission::kMeetingRead,
                                     org->path, "organization");
      !allowed)
    return std::move(allowed).error();
  if (!is_cell_kind(ctx.services, org->kind))
    return Error::conflict("not_a_cell", {{"kind", org->kind}});
  if (!org->active()) return Error::conflict("org_not_active");
  return std::move(*org);
}

Result<MeetingRow> readable_meeting(Context& ctx, int64_t id) {
  std::optional<MeetingRow> meeting = ctx.tx.meetings().find(id);
  if (!meeting || !reach_of(ctx, Permission::kMeetingRead).covers(meeting->org_path))
    return Error::not_found("meeting");
  return std::move(*meeting);
}

Result<MeetingRow> writable_meeting(Context& ctx, int64_t id) {
  std::optional<MeetingRow> meeting = ctx.tx.meetings().find(id);
  if (!meeting) return Error::not_found("meeting");
  if (Status allowed = require_reach(ctx, Permission::kMeetingWrite, Permission::kMeetingRead,
                                     meeting->org_path, "meeting");
      !allowed)
    return std::move(allowed).error();
  return std::move(*meeting);
}

// The members on the roll of a cell (its party groups included), in name order.
std::vector<Member> cell_members(Context& ctx, const OrgPath& path) {
  MemberFilter filter;
  filter.subtree = path;
  for (const auto& status : ctx.services.catalog.member_statuses)
    if (status.on_roll) filter.statuses.push_back(status.code);
  std::vector<Member> members;
  ctx.tx.members().scan(filter, [&](const Member& m, const std::string&) { members.push_back(m); });
  return members;
}

std::string member_name(Context& ctx, MemberId id) {
  if (!id.valid()) return {};
  std::optional<Member> member = ctx.tx.members().find(id);
  return member ? member->full_name : std::string();
}

std::optional<PersonRef> person(Context& ctx, MemberId id) {
  if (!id.valid()) return std::nullopt;
  return PersonRef{id, member_name(ctx, id)};
}

const AgendaTemplateItem* template_item(const std::string& code) {
  for (const AgendaTemplateItem& item : agenda_template())
    if (code == item.code) return &item;
  return nullptr;
}

std::vector<MeetingAgendaItem> default_agenda(const std::string& language) {
  std::vector<MeetingAgendaItem> agenda;
  for (const AgendaTemplateItem& item : agenda_template())
    agenda.push_back({item.code, language == "en" ? item.title_en : item.title_vi, ""});
  return agenda;
}

// The links of a draft, checked: documents of the register the actor may read, directives they
// may read.
void check_links(Context& ctx, const MeetingDraft& draft, std::vector<FieldError>& errors) {
  if (draft.document_ids) {
    if (draft.document_ids->size() > kLinksMax)
      errors.push_back({"document_ids", "too_many", {{"max", std::to_string(kLinksMax)}}});
    for (size_t i = 0; i < draft.document_ids->size(); ++i) {
      const int64_t id = (*draft.document_ids)[i];
      std::optional<RegisteredDocument> document = ctx.tx.documents().find(DocumentId(id));
      const bool readable =
          document && reach_of(ctx, Permission::kDocumentRead).covers(document->org_path) &&
          (document->secrecy.empty() ||
           reach_of(ctx, Permission::kDocumentSecretRead).covers(document->org_path));
      if (!readable)
        errors.push_back({"document_ids[" + std::to_string(i) + "]", "unknown_document", {}});
    }
  }
  if (draft.directive_ids) {
    if (draft.directive_ids->size() > kLinksMax)
      errors.push_back({"directive_ids", "too_many", {{"max", std::to_string(kLinksMax)}}});
    for (size_t i = 0; i < draft.directive_ids->size(); ++i) {
      if (!directive_support::readable_directive(ctx, (*draft.directive_ids)[i]))
        errors.push_back({"directive_ids[" + std::to_string(i) + "]", "unknown_directive", {}});
    }
  }
}

bool valid_time(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return false;
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  return hours < 24 && minutes < 60;
}

// Applies `draft` to `row` (checked first); the links to write, when given.
std::vector<FieldError> apply_draft(Context& ctx, const MeetingDraft& draft, MeetingRow& row,
                                    bool creating) {
  std::vector<FieldError> errors;
  if (creating && !draft.held_on) errors.push_back({"held_on", "required", {}});
  if (creating && !draft.kind) errors.push_back({"kind", "required", {}});
  if (draft.kind && !dm::is_meeting_kind(*draft.kind))
    errors.push_back({"kind", draft.kind->empty() ? "required" : "unknown_code", {}});
  if (draft.starts_at && !draft.starts_at->empty() && !valid_time(*draft.starts_at))
    errors.push_back({"starts_at", "time_format", {}});
  if (draft.place) check_meeting_text("place", *draft.place, kPlaceChars, false, errors);
  if (draft.topic) check_meeting_text("topic", *draft.topic, kTopicChars, false, errors);
  const std::string kind = draft.kind.value_or(row.kind);
  const std::string topic = draft.topic.value_or(row.topic);
  if (kind == dm::kThematic && topic.empty() &&
      std::none_of(errors.begin(), errors.end(),
                   [](const FieldError& e) { return e.field == "kind"; }))
    errors.push_back({"topic", "required", {{"kind", kind}}});
  if (draft.agenda) {
    if (draft.agenda->size() > kAgendaItemsMax)
      errors.push_back({"agenda", "too_many", {{"max", std::to_string(kAgendaItemsMax)}}});
    for (size_t i = 0; i < draft.agenda->size(); ++i) {
      const MeetingAgendaItem& item = (*draft.agenda)[i];
      const std::string at = "agenda[" + std::to_string(i) + "]";
      if (std::find_if(std::begin(kAgendaCodes), std::end(kAgendaCodes), [&](const char* code) {
            return item.code == code;
          }) == std::end(kAgendaCodes))
        errors.push_back({at + ".code", item.code.empty() ? "required" : "unknown_code", {}});
      check_meeting_text(at + ".title", item.title, kAgendaTitleChars, item.code == "other",
                         errors);
      check_meeting_text(at + ".note", item.note, kAgendaNoteChars, false, errors);
    }
  }
  check_links(ctx, draft, errors);
  if (!errors.empty()) return errors;
  if (draft.held_on) row.held_on = *draft.held_on;
  if (draft.starts_at) row.starts_at = *draft.starts_at;
  if (draft.place) row.place = *draft.place;
  if (draft.kind) row.kind = *draft.kind;
  if (draft.topic) row.topic = *draft.topic;
  if (draft.agenda) {
    row.agenda = *draft.agenda;
    for (MeetingAgendaItem& item : row.agenda) {
      if (!item.title.empty()) continue;
      if (const AgendaTemplateItem* t = template_item(item.code))
        item.title = draft.language == "en" ? t->title_en : t->title_vi;
    }
  } else if (creating) {
    row.agenda = default_agenda(draft.language);
  }
  return errors;
}

void write_links(Context& ctx, int64_t meeting, const MeetingDraft& draft) {
  if (!draft.document_ids && !draft.directive_ids) return;
  std::vector<MeetingLinkRow> links;
  std::vector<MeetingLinkRow> existing = ctx.tx.meetings().links_of(meeting);
  std::set<std::pair<std::string, int64_t>> seen;
  auto add = [&](const std::string& kind, int64_t id) {
    if (seen.insert({kind, id}).second) links.push_back({kind, id});
  };
  if (draft.document_ids) {
    for (int64_t id : *draft.document_ids) add("document", id);
  } else {
    for (const auto& link : existing)
      if (link.kind == "document") add(link.kind, link.target_id);
  }
  if (draft.directive_ids) {
    for (int64_t id : *draft.directive_ids) add("directive", id);
  } else {
    for (const auto& link : existing)
      if (link.kind == "directive") add(link.kind, link.target_id);
  }
  ctx.tx.meetings().replace_links(meeting, links);
}

// Each member's statuses at the counted meetings of the meeting's year before it.
std::map<MemberId, std::vector<std::string>> year_history(Context& ctx, const MeetingRow& meeting,
                                                          const std::vector<MemberId>& members) {
  std::map<MemberId, std::vector<std::string>> history;
  if (members.empty()) return history;
  const Date from = dm::Month::of(meeting.held_on.year(), 1).first_day();
  for (const AttendanceFact& fact :
       ctx.tx.meetings().attendance_of_members(members, from, meeting.held_on, meeting.id)) {
    if (!fact.counted || fact.meeting_state == dm::kScheduled) continue;
    if (fact.held_on == meeting.held_on && fact.meeting_id > meeting.id) continue;
    history[fact.member_id].push_back(fact.status);
  }
  return history;
}

MeetingView view_of(Context& ctx, MeetingRow row) {
  MeetingView view;
  if (std::optional<Organization> org = ctx.tx.orgs().find(row.org_id)) {
    view.org_name = org->name;
    if (org->parent_id.valid())
      if (std::optional<Organization> parent = ctx.tx.orgs().find(org->parent_id))
        view.parent_name = parent->name;
  }
  for (const MeetingLinkRow& link : ctx.tx.meetings().links_of(row.id)) {
    if (link.kind == "document") {
      std::optional<RegisteredDocument> d = ctx.tx.documents().find(DocumentId(link.target_id));
      LinkView v{link.target_id, "", ""};
      if (d) {
        v.number = d->symbol.empty() && d->number ? std::to_string(*d->number) : d->symbol;
        if (d->number && !d->symbol.empty())
          v.number = std::to_string(*d->number) + "-" + d->symbol;
        v.title = d->summary;
      }
      view.documents.push_back(std::move(v));
    } else {
      std::optional<Directive> d = ctx.tx.directives().find(link.target_id);
      LinkView v{link.target_id, "", ""};
      if (d) {
        v.number = d->number_symbol;
        v.title = d->title;
      }
      view.directives.push_back(std::move(v));
    }
  }
  view.chair = person(ctx, row.chair_id);
  view.secretary = person(ctx, row.secretary_id);
  const domain::RuleParameter* share =
      ctx.services.rules.in_force(dm::kResolutionShare, row.held_on);
  for (MeetingVoteRow& vote : ctx.tx.meetings().votes_of(row.id)) {
    VoteView v;
    v.vote = std::move(vote);
    if (share) {
      v.passed = dm::resolution_passes(
          {v.vote.in_favour, v.vote.against, v.vote.abstain, v.vote.entitled}, *share);
      v.rule = {share->key, share->value, share->source};
    }
    view.votes.push_back(std::move(v));
  }
  view.notices = ctx.tx.meetings().notices_of(row.id);
  std::map<MemberId, const AbsenceNoticeRow*> notice_of;
  for (const AbsenceNoticeRow& n : view.notices) notice_of[n.member_id] = &n;
  // The roster: the attendance recorded, then the cell's present members not in it.
  const std::vector<AttendanceRow> attendance = ctx.tx.meetings().attendance_of(row.id);
  std::map<MemberId, const AttendanceRow*> attended;
  for (const AttendanceRow& a : attendance) attended[a.member_id] = &a;
  std::vector<Member> members = cell_members(ctx, row.org_path);
  std::set<MemberId> listed;
  for (const Member& m : members) listed.insert(m.id);
  for (const AttendanceRow& a : attendance) {
    if (listed.count(a.member_id)) continue;
    if (std::optional<Member> m = ctx.tx.members().find(a.member_id)) members.push_back(*m);
  }
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
    return text::compare_vi(a.full_name, b.full_name) < 0;
  });
  std::vector<dm::AttendanceLine> lines;
  std::vector<MemberId> counted_members;
  for (const Member& m : members) {
    RosterLine line;
    line.member_id = m.id;
    line.name = m.full_name;
    line.member_status = m.status;
    line.counted = !is_exempt(m);
    if (auto a = attended.find(m.id); a != attended.end()) {
      line.attendance = a->second->status;
      line.reason = a->second->reason;
      line.counted = a->second->counted;
      lines.push_back(
          {m.id, a->second->status, !a->second->counted && a->second->status != dm::kSpecialDuty});
      if (a->second->counted) counted_members.push_back(m.id);
    }
    if (auto n = notice_of.find(m.id); n != notice_of.end()) line.notice = *n->second;
    view.roster.push_back(std::move(line));
  }
  if (row.state != dm::kScheduled) {
    QualityView q;
    q.quality = dm::meeting_quality(lines, year_history(ctx, row, counted_members), row.held_on,
                                    ctx.services.rules);
    std::map<MemberId, std::string> names;
    for (const Member& m : members) names[m.id] = m.full_name;
    for (const dm::LongExcused& l : q.quality.long_excused)
      q.long_excused_names.push_back({l.member, names[l.member]});
    view.quality = std::move(q);
  }
  for (AmendmentRow& a : ctx.tx.meetings().amendments_of(row.id)) {
    AmendmentView v;
    for (const AttendanceChange& c : a.changes)
      v.names[c.member_id] = member_name(ctx, c.member_id);
    v.row = std::move(a);
    view.amendments.push_back(std::move(v));
  }
  // The caller may act on this meeting; which acts its state allows (record, approve, amend)
  // follows from `state`.
  view.may_write = reach_of(ctx, Permission::kMeetingWrite).covers(row.org_path);
  view.row = std::move(row);
  return view;
}

AuditEntry meeting_audit(const std::string& action, const MeetingRow& row) {
  AuditEntry entry = AuditEntry::about(action, "meeting", row.id, row.org_path.str());
  entry.with("org_id", row.org_id.value)
      .with("kind", row.kind)
      .with("state", row.state)
      .with("held_on", row.held_on.iso());
  return entry;
}

// The cell a member's meetings are held in: their organization, or the cell above a party group.
std::optional<Organization> cell_of_member(Context& ctx, const Member& member) {
  std::optional<Organization> org = ctx.tx.orgs().find(member.org_id);
  while (org && !is_cell_kind(ctx.services, org->kind) && org->parent_id.valid())
    org = ctx.tx.orgs().find(org->parent_id);
  if (org && !is_cell_kind(ctx.services, org->kind)) return std::nullopt;
  return org;
}

// Attendance entries checked against the cell's members: the rows to write.
std::vector<AttendanceRow> checked_attendance(const std::vector<AttendanceInput>& input,
                                              const std::map<MemberId, const Member*>& roster,
                                              const std::string& field,
                                              std::vector<FieldError>& errors) {
  std::vector<AttendanceRow> rows;
  std::set<MemberId> seen;
  if (input.size() > kAttendanceMax)
    errors.push_back({field, "too_many", {{"max", std::to_string(kAttendanceMax)}}});
  for (size_t i = 0; i < input.size(); ++i) {
    const AttendanceInput& a = input[i];
    const std::string at = field + "[" + std::to_string(i) + "]";
    auto member = roster.find(a.member_id);
    if (member == roster.end()) {
      errors.push_back(
          {at + ".member_id", "not_in_cell", {{"member_id", std::to_string(a.member_id.value)}}});
      continue;
    }
    if (!seen.insert(a.member_id).second) {
      errors.push_back({at + ".member_id", "listed_twice", {}});
      continue;
    }
    if (!dm::is_attendance_status(a.status)) {
      errors.push_back({at + ".status", a.status.empty() ? "required" : "unknown_code", {}});
      continue;
    }
    check_meeting_text(at + ".reason", a.reason, kReasonChars, false, errors);
    rows.push_back({a.member_id, a.status,
                    !is_exempt(*member->second) && a.status != dm::kSpecialDuty, a.reason});
  }
  return rows;
}

void apply_tally(MeetingRow& row, const std::vector<AttendanceRow>& rows) {
  std::vector<dm::AttendanceLine> lines;
  for (const AttendanceRow& a : rows)
    lines.push_back({a.member_id, a.status, !a.counted && a.status != dm::kSpecialDuty});
  const dm::Tally t = dm::tally(lines);
  row.counted = t.counted;
  row.present = t.present;
  row.absent_excused = t.absent_excused;
  row.absent_unexcused = t.absent_unexcused;
}

}  // namespace meetings_detail

using namespace meetings_detail;

const std::vector<AgendaTemplateItem>& agenda_template() {
  static const std::vector<AgendaTemplateItem> items = {
      {"roll_call", "Điểm danh, tuyên bố lý do, giới thiệu chủ trì và thư ký",
       "Roll-call, purpose, chair and secretary"},
      {"last_month_results", "Đánh giá kết quả thực hiện nhiệm vụ tháng trước",
       "Results of last month's tasks"},
      {"documents_from_above", "Phổ biến văn bản, chỉ đạo của cấp trên",
       "Documents and instructions from above"},
      {"discussion", "Thảo luận", "Discussion"},
      {"resolution", "Biểu quyết thông qua nghị quyết, nhiệm vụ tháng tới",
       "Vote on the resolution and next month's tasks"},
      {"admissions_recognitions", "Kết nạp, công nhận đảng viên chính thức, quần chúng ưu tú",
       "Admissions, recognitions, candidates"},
      {"scoring", "Đánh giá, chấm điểm chất lượng buổi sinh hoạt", "Scoring the meeting's quality"},
  };
  return items;
}

Result<MeetingCatalogView> get_meeting_catalog(Context& ctx) {
  if (reach_of(ctx, Permission::kMeetingRead).none()) return Error::forbidden("forbidden");
  MeetingCatalogView view;
  const Date today = ctx.today();
  for (const std::string& key : domain::meetings_rule_keys())
    view.rules.push_back(dm::applied(ctx.services.rules, key, today));
  return view;
}

Result<MeetingList> list_org_meetings(Context& ctx, OrgId id, const MeetingListQuery& query) {
  Result<Organization> org = meeting_readable_org(ctx, id);
  if (!org) return std::move(org).error();
  MeetingFilter filter;
  filter.subtree = org->path;
  filter.year = query.year;
  filter.kind = query.kind;
  filter.state = query.state;
  filter.offset = query.offset;
  filter.limit = query.limit;
  MeetingPageRows rows = ctx.tx.meetings().page(filter);
  return MeetingList{std::move(rows.items), std::move(rows.org_names), rows.total};
}

Result<MeetingView> schedule_meeting(Context& ctx, OrgId id, const MeetingDraft& draft) {
  Result<Organization> org = meeting_writable_cell(ctx, id);
  if (!org) return std::move(org).error();
  MeetingRow row;
  row.org_id = org->id;
  row.org_path = org->path;
  row.state = std::string(dm::kScheduled);
  if (auto errors = apply_draft(ctx, draft, row, true); !errors.empty())
    return Error::invalid(std::move(errors));
  row.created_at = ctx.now();
  row.created_by = ctx.actor.name;
  ctx.tx.meetings().insert(row);
  write_links(ctx, row.id, draft);
  ctx.audit(meeting_audit("meeting.schedule", row));
  return view_of(ctx, std::move(row));
}

Result<MeetingView> get_meeting(Context& ctx, int64_t id) {
  Result<MeetingRow> row = readable_meeting(ctx, id);
  if (!row) return std::move(row).error();
  return view_of(ctx, std::move(*row));
}

Result<MeetingView> update_meeting(Context& ctx, int64_t id, const MeetingDraft& draft) {
  Result<MeetingRow> row = writable_meeting(ctx, id);
  if (!row) return std::move(row).error();
  if (Status editable = dm::check_editable(row->state); !editable)
    return std::move(editable).error();
  // A recorded meeting keeps its day unless recorded again (that checks the day).
  if (row->state != dm::kScheduled && draft.held_on && *draft.held_on > ctx.today())
    return Error::invalid_field("held_on", "date_in_future", {{"today", ctx.today().iso()}});
  if (auto errors = apply_draft(ctx, draft, *row, false); !errors.empty())
    return Error::invalid(std::move(errors));
  ctx.tx.meetings().update(*row);
  write_links(ctx, row->id, draft);
  // The attendance rows repeat the meeting's day and kind.
  if (row->state != dm::kScheduled)
    ctx.tx.meetings().replace_attendance(*row, ctx.tx.meetings().attendance_of(row->id));
  ctx.audit(meeting_audit("meeting.update", *row));
  return view_of(ctx, std::move(*row));
}

Result<MeetingView> record_meeting(Context& ctx, int64_t id, const MeetingRecordRequest& request) {
  Result<MeetingRow> row = writable_meeting(ctx, id);
  if (!row) return std::move(row).error();
  const Date held_on = request.held_on.value_or(row->held_on);
  if (Status allowed = dm::check_record(row->state, held_on, ctx.today()); !allowed)
    return std::move(allowed).error();
  const std::vector<Member> members = cell_members(ctx, row->org_path);
  std::map<MemberId, const Member*> roster;
  for (const Member& m : members) roster[m.id] = &m;
  std::vector<FieldError> errors;
  if (!roster.count(request.chair_id)) errors.push_back({"chair_id", "not_in_cell", {}});
  if (!roster.count(request.secretary_id)) errors.push_back({"secretary_id", "not_in_cell", {}});
  if (request.place) check_meeting_text("place", *request.place, kPlaceChars, false, errors);
  std::vector<AttendanceRow> rows =
      checked_attendance(request.attendance, roster, "attendance", errors);
  // Members not listed: an accepted absence notice makes them absent with its reason; anyone
  // else counted must be listed.
  std::set<MemberId> listed;
  for (const AttendanceInput& a : request.attendance) listed.insert(a.member_id);
  std::map<MemberId, AbsenceNoticeRow> accepted;
  for (AbsenceNoticeRow& n : ctx.tx.meetings().notices_of(row->id))
    if (n.state == "accepted") accepted[n.member_id] = std::move(n);
  for (const Member& m : members) {
    if (listed.count(m.id)) continue;
    if (auto n = accepted.find(m.id); n != accepted.end()) {
      rows.push_back({m.id, std::string(dm::kAbsentExcused), !is_exempt(m), n->second.reason});
    } else if (!is_exempt(m)) {
      errors.push_back(
          {"attendance", "member_missing", {{"member_id", std::to_string(m.id.value)}}});
    }
  }
  // Entitled to vote: official members counted at the meeting.
  int entitled = 0;
  for (const AttendanceRow& a : rows) {
    auto member = roster.find(a.member_id);
    if (a.counted && member != roster.end() && member->second->status == "official") ++entitled;
  }
  std::vector<MeetingVoteRow> votes;
  if (request.votes.size() > kVotesMax)
    errors.push_back({"votes", "too_many", {{"max", std::to_string(kVotesMax)}}});
  for (size_t i = 0; i < request.votes.size(); ++i) {
    const VoteInput& v = request.votes[i];
    const std::string at = "votes[" + std::to_string(i) + "]";
    check_meeting_text(at + ".subject", v.subject, kSubjectChars, true, errors);
    dm::check_vote_count({v.in_favour, v.against, v.abstain, entitled}, at, errors);
    votes.push_back({v.subject, v.in_favour, v.against, v.abstain, entitled});
  }
  check_meeting_text("resolution", request.resolution, kResolutionChars, false, errors);
  check_meeting_text("minutes", request.minutes, kMinutesChars, false, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  row->held_on = held_on;
  if (request.place) row->place = *request.place;
  row->chair_id = request.chair_id;
  row->secretary_id = request.secretary_id;
  row->resolution = request.resolution;
  row->minutes = request.minutes;
  row->state = std::string(dm::kHeld);
  row->recorded_at = ctx.now();
  row->recorded_by = ctx.actor.name;
  apply_tally(*row, rows);
  ctx.tx.meetings().update(*row);
  ctx.tx.meetings().replace_attendance(*row, rows);
  ctx.tx.meetings().replace_votes(row->id, votes);
  AuditEntry entry = meeting_audit("meeting.record", *row);
  entry.with("counted", row->counted)
      .with("present", row->present)
      .with("absent_excused", row->absent_excused)
      .with("absent_unexcused", row->absent_unexcused)
      .with("votes", static_cast<int64_t>(votes.size()));
  ctx.audit(entry);
  return view_of(ctx, std::move(*row));
}

Result<MeetingView> approve_meeting(Context& ctx, int64_t id) {
  Result<MeetingRow> row = writable_meeting(ctx, id);
  if (!row) return std::move(row).error();
  if (Status allowed = dm::check_approve(row->state); !allowed) return std::move(allowed).error();
  row->state = std::string(dm::kApproved);
  row->approved_at = ctx.now();
  row->approved_by = ctx.actor.name;
  ctx.tx.meetings().update(*row);
  ctx.audit(meeting_audit("meeting.approve", *row));
  return view_of(ctx, std::move(*row));
}

Result<MeetingView> amend_meeting(Context& ctx, int64_t id, const AmendmentRequest& request) {
  Result<MeetingRow> row = writable_meeting(ctx, id);
  if (!row) return std::move(row).error();
  if (Status allowed = dm::check_amend(row->state); !allowed) return std::move(allowed).error();
  std::vector<FieldError> errors;
  if (std::find_if(std::begin(kAmendmentSections), std::end(kAmendmentSections),
                   [&](const char* s) { return request.section == s; }) ==
      std::end(kAmendmentSections))
    errors.push_back({"section", request.section.empty() ? "required" : "unknown_code", {}});
  check_meeting_text("text", request.text, kAmendmentTextChars, true, errors);
  check_meeting_text("reason", request.reason, kAmendmentReasonChars, true, errors);
  std::vector<AttendanceRow> current = ctx.tx.meetings().attendance_of(row->id);
  std::vector<AttendanceChange> changes;
  if (request.section == "attendance") {
    if (request.attendance.empty()) errors.push_back({"attendance", "required", {}});
    // Only members recorded at the meeting may be corrected.
    std::vector<Member> members;
    for (const AttendanceRow& a : current)
      if (std::optional<Member> m = ctx.tx.members().find(a.member_id)) members.push_back(*m);
    std::map<MemberId, const Member*> roster;
    for (const Member& m : members) roster[m.id] = &m;
    std::vector<AttendanceRow> corrected =
        checked_attendance(request.attendance, roster, "attendance", errors);
    for (AttendanceRow& c : corrected) {
      for (AttendanceRow& a : current) {
        if (a.member_id != c.member_id || a.status == c.status) continue;
        changes.push_back({a.member_id, a.status, c.status});
        a.status = c.status;
        a.counted = c.counted;
        a.reason = c.reason;
      }
    }
  } else if (!request.attendance.empty()) {
    errors.push_back({"attendance", "only_for_attendance_section", {}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  AmendmentRow amendment;
  amendment.meeting_id = row->id;
  amendment.section = request.section;
  amendment.text = request.text;
  amendment.reason = request.reason;
  amendment.changes = changes;
  amendment.created_at = ctx.now();
  amendment.created_by = ctx.actor.name;
  ctx.tx.meetings().insert_amendment(amendment);
  if (!changes.empty()) {
    apply_tally(*row, current);
    ctx.tx.meetings().update(*row);
    ctx.tx.meetings().replace_attendance(*row, current);
  }
  AuditEntry entry = meeting_audit("meeting.amend", *row);
  entry.with("amendment_id", amendment.id)
      .with("section", amendment.section)
      .with("reason", amendment.reason)
      .with("changes", static_cast<int64_t>(changes.size()));
  ctx.audit(entry);
  return view_of(ctx, std::move(*row));
}

Result<AbsenceNoticeRow> send_absence_notice(Context& ctx, int64_t meeting_id,
                                             std::optional<MemberId> member_id,
                                             const std::string& reason) {
  if (reach_of(ctx, Permission::kMeetingRead).none()) return Error::forbidden("forbidden");
  const std::optional<MemberId> own = ctx.actor.principal.member_id;
  std::optional<Member> member = own ? ctx.tx.members().find(*own) : std::nullopt;
  std::optional<MeetingRow> meeting = ctx.tx.meetings().find(meeting_id);
  const bool in_cell = meeting && member && meeting->org_path.contains(member->org_path);
  if (!meeting || (!in_cell && !reach_of(ctx, Permission::kMeetingRead).covers(meeting->org_path)))
    return Error::not_found("meeting");
  if (!member) return Error::conflict("account_not_linked_to_member");
  if (member_id && *member_id != member->id) return Error::forbidden("forbidden");
  if (!in_cell || !meeting_on_roll(ctx.services, *member))
    return Error::conflict("not_in_meeting_cell");
  if (Status allowed = dm::check_notice(meeting->state, meeting->held_on, ctx.today()); !allowed)
    return std::move(allowed).error();
  std::vector<FieldError> errors;
  check_meeting_text("reason", reason, kReasonChars, true, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  for (const AbsenceNoticeRow& n : ctx.tx.meetings().notices_of(meeting->id))
    if (n.member_id == member->id)
      return Error::conflict("notice_exists", {{"notice_id", std::to_string(n.id)}});
  AbsenceNoticeRow notice;
  notice.meeting_id = meeting->id;
  notice.member_id = member->id;
  notice.member_name = member->full_name;
  notice.reason = reason;
  notice.state = "pending";
  notice.sent_at = ctx.now();
  ctx.tx.meetings().insert_notice(notice);
  AuditEntry entry = AuditEntry::about_member("meeting.absence_notice", *member);
  entry.with("meeting_id", meeting->id).with("notice_id", notice.id);
  ctx.audit(entry);
  return notice;
}

Result<AbsenceNoticeRow> decide_absence_notice(Context& ctx, int64_t meeting_id, int64_t notice_id,
                                               const std::string& decision,
                                               const std::string& note) {
  Result<MeetingRow> meeting = writable_meeting(ctx, meeting_id);
  if (!meeting) return std::move(meeting).error();
  std::optional<AbsenceNoticeRow> notice = ctx.tx.meetings().find_notice(notice_id);
  if (!notice || notice->meeting_id != meeting->id) return Error::not_found("notice");
  std::vector<FieldError> errors;
  if (decision != "accepted" && decision != "refused")
    errors.push_back({"decision", decision.empty() ? "required" : "unknown_code", {}});
  check_meeting_text("note", note, kReasonChars, false, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (Status editable = dm::check_editable(meeting->state); !editable)
    return std::move(editable).error();
  if (notice->state != "pending")
    return Error::conflict("notice_decided", {{"state", notice->state}});
  notice->state = decision;
  notice->decision_note = note;
  notice->decided_at = ctx.now();
  notice->decided_by = ctx.actor.name;
  ctx.tx.meetings().update_notice(*notice);
  AuditEntry entry = meeting_audit("meeting.absence_notice_decide", *meeting);
  entry.with("notice_id", notice->id)
      .with("member_id", notice->member_id.value)
      .with("decision", decision);
  ctx.audit(entry);
  return std::move(*notice);
}

Result<MyMeetings> get_my_meetings(Context& ctx, std::optional<int> year) {
  if (reach_of(ctx, Permission::kMeetingRead).none()) return Error::forbidden("forbidden");
  const std::optional<MemberId> own = ctx.actor.principal.member_id;
  if (!own) return Error::conflict("account_not_linked_to_member");
  std::optional<Member> member = ctx.tx.members().find(*own);
  if (!member) return Error::conflict("account_not_linked_to_member");
  MyMeetings mine;
  mine.member = {member->id, member->full_name};
  const int y = year.value_or(ctx.today().year());
  const Date from = dm::Month::of(y, 1).first_day();
  const Date to = dm::Month::of(y, 12).last_day();
  if (std::optional<Organization> cell = cell_of_member(ctx, *member)) {
    mine.org_id = cell->id;
    mine.org_name = cell->name;
    for (MeetingRow& m : ctx.tx.meetings().of_org(cell->id, ctx.today(), ctx.today().add_years(1)))
      if (m.state == dm::kScheduled) mine.upcoming.push_back(std::move(m));
  }
  mine.attendance = ctx.tx.meetings().attendance_of_members({member->id}, from, to, 0);
  mine.notices = ctx.tx.meetings().notices_of_member(member->id, from);
  return mine;
}

Result<MissingMeetings> list_missing_meetings(Context& ctx, OrgId id, dm::Month month,
                                              const std::string& kind, int64_t offset, int limit) {
  Result<Organization> org = meeting_readable_org(ctx, id);
  if (!org) return std::move(org).error();
  MissingMeetings out;
  out.org = *org;
  out.kind = kind;
  out.month = month;
  const std::string key =
      kind == dm::kThematic ? dm::kThematicEveryMonths : dm::kRegularEveryMonths;
  const dm::AppliedRule every = dm::applied(ctx.services.rules, key, month.last_day());
  out.period = dm::period_of(month, static_cast<int>(std::max<int64_t>(1, every.value)));
  out.items = ctx.tx.meetings().missing(org->path, cell_kinds(ctx.services), kind,
                                        out.period.first.first_day(), out.period.last.last_day(),
                                        offset, limit, out.total);
  return out;
}

Result<CellYearQuality> get_cell_meeting_quality(Context& ctx, OrgId id, int year) {
  Result<Organization> org = meeting_readable_cell(ctx, id);
  if (!org) return std::move(org).error();
  CellYearQuality q;
  q.org = *org;
  q.year = year;
  const Date first = dm::Month::of(year, 1).first_day();
  const Date last = dm::Month::of(year, 12).last_day();
  q.through = std::min(last, ctx.today());
  std::vector<dm::HeldMeeting> held;
  std::vector<MeetingRow> meetings = ctx.tx.meetings().of_org(org->id, first, q.through);
  for (const MeetingRow& m : meetings) {
    if (m.state == dm::kScheduled) continue;
    held.push_back({m.held_on, m.kind});
    ++q.meetings;
    q.counted += m.counted;
    q.present += m.present;
    q.unexcused += m.absent_unexcused;
  }
  q.expected = dm::expectations(year, ctx.today(), org->established_on, held, ctx.services.rules);
  // Per member, the statuses in order: the longest run of excused absences; per meeting, its
  // quality with the runs up to it.
  std::map<MemberId, std::vector<std::string>> history;
  std::map<int64_t, std::vector<AttendanceFact>> by_meeting;
  std::vector<int64_t> order;
  for (AttendanceFact& f : ctx.tx.meetings().attendance_in(org->id, first, q.through)) {
    if (f.meeting_state == dm::kScheduled) continue;
    if (!by_meeting.count(f.meeting_id)) order.push_back(f.meeting_id);
    by_meeting[f.meeting_id].push_back(std::move(f));
  }
  for (int64_t meeting : order) {
    std::vector<dm::AttendanceLine> lines;
    for (const AttendanceFact& f : by_meeting[meeting])
      lines.push_back({f.member_id, f.status, !f.counted && f.status != dm::kSpecialDuty});
    const Date on = by_meeting[meeting].front().held_on;
    if (dm::meeting_quality(lines, history, on, ctx.services.rules).meets())
      ++q.meetings_meeting_quality;
    for (const AttendanceFact& f : by_meeting[meeting])
      if (f.counted) history[f.member_id].push_back(f.status);
  }
  const dm::AppliedRule threshold =
      dm::applied(ctx.services.rules, dm::kMinAttendancePercent, q.through);
  const dm::AppliedRule max_unexcused =
      dm::applied(ctx.services.rules, dm::kMaxUnexcused, q.through);
  const dm::AppliedRule max_run = dm::applied(ctx.services.rules, dm::kMaxExcusedInARow, q.through);
  for (const auto& [member, statuses] : history) {
    const int run = dm::longest_excused_run(statuses);
    if (run > max_run.value) q.long_excused.push_back({{member, member_name(ctx, member)}, run});
  }
  q.rules = q.expected.rules;
  q.rules.push_back(threshold);
  q.rules.push_back(max_unexcused);
  q.rules.push_back(max_run);
  if (!q.expected.missing_regular.empty()) q.failures.push_back("missing_regular");
  if (!q.expected.missing_thematic.empty()) q.failures.push_back("missing_thematic");
  if (q.meetings > 0 && !dm::attendance_ok({q.counted, q.present, 0, 0}, threshold.value))
    q.failures.push_back("attendance");
  if (q.unexcused > max_unexcused.value) q.failures.push_back("unexcused");
  if (!q.long_excused.empty()) q.failures.push_back("long_excused");
  return q;
}

Result<RemovalList> list_removal_candidates(Context& ctx, OrgId id, int year, int64_t offset,
                                            int limit) {
  Result<Organization> org = meeting_readable_org(ctx, id);
  if (!org) return std::move(org).error();
  RemovalList list;
  list.org = *org;
  list.year = year;
  const dm::Month last_ended = dm::Month::of(ctx.today()).plus(-1);
  list.through = std::min(dm::Month::of(year, 12), last_ended);
  const Date first = dm::Month::of(year, 1).first_day();
  const Date through_day = std::min(dm::Month::of(year, 12).last_day(), ctx.today());
  std::map<MemberId, RemovalEntry> entries;
  // Meetings: the unexcused absences of the subtree in the year.
  std::map<MemberId, std::vector<AttendanceFact>> absences;
  for (AttendanceFact& f : ctx.tx.meetings().unexcused_in(org->path, first, through_day))
    absences[f.member_id].push_back(std::move(f));
  dm::AppliedRule meeting_rule =
      dm::applied(ctx.services.rules, dm::kAbsentMonthsForRemoval, through_day);
  // The members listed for meetings, read together afterwards (one statement, not one each).
  std::vector<std::pair<MemberId, dm::UnexcusedYear>> listed;
  for (auto& [member_id, facts] : absences) {
    std::vector<Date> days;
    for (const AttendanceFact& f : facts) days.push_back(f.held_on);
    dm::UnexcusedYear unexcused =
        dm::unexcused_in_year(days, year, through_day, ctx.services.rules);
    meeting_rule = unexcused.rule;
    if (!unexcused.listed()) continue;
    listed.emplace_back(member_id, std::move(unexcused));
  }
  std::vector<MemberId> listed_ids;
  for (const auto& [member_id, unexcused] : listed) listed_ids.push_back(member_id);
  std::map<OrgId, std::string> org_names;
  std::vector<RemovalMember> rows = ctx.tx.meetings().removal_members(listed_ids);
  auto row = rows.begin();
  for (auto& [member_id, unexcused] : listed) {  // both in member id order
    while (row != rows.end() && row->id < member_id) ++row;
    if (row == rows.end() || row->id != member_id) continue;
    Member member;
    member.status = row->status;
    if (!meeting_on_roll(ctx.services, member) || !org->path.contains(row->org_path)) continue;
    RemovalEntry& entry = entries[member_id];
    entry.member_id = member_id;
    entry.name = row->full_name;
    entry.org_id = row->org_id;
    entry.unexcused_meetings = std::move(absences[member_id]);
    entry.unexcused_months = std::move(unexcused.months);
    entry.for_meetings = true;
    org_names.emplace(row->org_id, row->org_name);
  }
  list.rules.push_back(meeting_rule);
  // Dues: through the dues use case (its own query and rules).
  if (Result<ArrearsList> arrears = get_dues_arrears(ctx, id, year)) {
    for (ArrearsEntry& a : arrears->items) {
      RemovalEntry& entry = entries[a.member_id];
      entry.member_id = a.member_id;
      entry.name = a.member_name;
      entry.org_id = a.org_id;
      entry.org_name = a.org_name;
      entry.unpaid_months = a.unpaid.months;
      entry.for_dues = true;
      if (list.rules.size() < 2)
        list.rules.push_back(
            {"dues.unpaid_months_for_removal", a.unpaid.threshold, a.unpaid.rule_source});
    }
  }
  std::vector<RemovalEntry> all;
  for (auto& [member_id, entry] : entries) {
    if (entry.org_name.empty()) {
      auto name = org_names.find(entry.org_id);
      if (name == org_names.end()) {
        std::optional<Organization> o = ctx.tx.orgs().find(entry.org_id);
        name = org_names.emplace(entry.org_id, o ? o->name : std::string()).first;
      }
      entry.org_name = name->second;
    }
    all.push_back(std::move(entry));
  }
  std::sort(all.begin(), all.end(), [](const RemovalEntry& a, const RemovalEntry& b) {
    if (int c = text::compare_vi(a.org_name, b.org_name); c != 0) return c < 0;
    if (int c = text::compare_vi(a.name, b.name); c != 0) return c < 0;
    return a.member_id < b.member_id;
  });
  list.total = static_cast<int64_t>(all.size());
  for (int64_t i = offset; i < list.total && i < offset + limit; ++i)
    list.items.push_back(std::move(all[static_cast<size_t>(i)]));
  return list;
}

}  // namespace chibo::app
