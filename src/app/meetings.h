// Use cases of cell meetings (issue 14; rules-reference §5, rules/meetings.toml): schedule a
// meeting with its agenda; record it as held (chair, secretary, attendance of every member of
// the cell, votes, resolution, minutes); approve it (locked; corrections are amendments);
// absence notices (the member sends, the secretary decides); the minutes as DOCX and print
// page; the base committee's views: cells missing a month's meeting, a cell's quality in a
// year, the removal list. Reading needs meeting.read over the cell's path, writing
// meeting.write; a member's own view and notices use the session's member record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/dues.h"
#include "domain/meetings/attendance.h"
#include "domain/meetings/schedule.h"

namespace chibo::app {

// The fields of a meeting a secretary sets when scheduling or editing (absent: unchanged; all
// but agenda and links required when scheduling).
struct MeetingDraft {
  std::optional<Date> held_on;
  std::optional<std::string> starts_at;
  std::optional<std::string> place;
  std::optional<std::string> kind;
  std::optional<std::string> topic;
  std::optional<std::vector<MeetingAgendaItem>> agenda;
  std::optional<std::vector<int64_t>> document_ids;
  std::optional<std::vector<int64_t>> directive_ids;
  std::string language = "vi";  // of the template's agenda titles
};

struct AttendanceInput {
  MemberId member_id;
  std::string status;
  std::string reason;
};

struct VoteInput {
  std::string subject;
  int in_favour = 0;
  int against = 0;
  int abstain = 0;
};

struct MeetingRecordRequest {
  MemberId chair_id;
  MemberId secretary_id;
  std::optional<Date> held_on;
  std::optional<std::string> place;
  std::vector<AttendanceInput> attendance;
  std::vector<VoteInput> votes;
  std::string resolution;
  std::string minutes;
};

struct AmendmentRequest {
  std::string section;  // attendance, votes, resolution, minutes, other
  std::string text;
  std::string reason;
  std::vector<AttendanceInput> attendance;
};

struct PersonRef {
  MemberId id;
  std::string name;
};

struct LinkView {
  int64_t id = 0;
  std::string number;
  std::string title;
};

struct RosterLine {
  MemberId member_id;
  std::string name;
  std::string member_status;
  bool counted = true;
  std::optional<std::string> attendance;
  std::string reason;
  std::optional<AbsenceNoticeRow> notice;
};

struct VoteView {
  MeetingVoteRow vote;
  bool passed = false;
  domain::meetings::AppliedRule rule;
};

struct QualityView {
  domain::meetings::MeetingQuality quality;
  std::vector<PersonRef> long_excused_names;  // in the order of quality.long_excused
};

struct AmendmentView {
  AmendmentRow row;
  std::map<MemberId, std::string> names;
};

struct MeetingView {
  MeetingRow row;
  std::string org_name;
  std::string parent_name;  // the organization above the cell (the minutes' heading)
  std::vector<LinkView> documents;
  std::vector<LinkView> directives;
  std::optional<PersonRef> chair, secretary;
  std::vector<VoteView> votes;
  std::vector<RosterLine> roster;
  std::optional<QualityView> quality;
  std::vector<AbsenceNoticeRow> notices;
  std::vector<AmendmentView> amendments;
  bool may_write = false;
};

struct MeetingListQuery {
  std::optional<int> year;
  std::string kind;
  std::string state;
  int64_t offset = 0;
  int limit = 50;
};

struct MeetingList {
  std::vector<MeetingRow> items;
  std::map<OrgId, std::string> org_names;
  int64_t total = 0;
};

struct MissingMeetings {
  Organization org;
  std::string kind;
  domain::meetings::Month month;
  domain::meetings::Period period;
  std::vector<MissingCell> items;
  int64_t total = 0;
};

struct CellYearQuality {
  Organization org;
  int year = 0;
  Date through;
  domain::meetings::Expectations expected;
  int meetings = 0;
  int counted = 0;
  int present = 0;
  int unexcused = 0;
  std::vector<std::pair<PersonRef, int>> long_excused;  // member, longest run
  int meetings_meeting_quality = 0;
  std::vector<std::string> failures;
  std::vector<domain::meetings::AppliedRule> rules;
  bool meets() const { return failures.empty(); }
};

struct RemovalEntry {
  MemberId member_id;
  std::string name;
  OrgId org_id;
  std::string org_name;
  std::vector<AttendanceFact> unexcused_meetings;
  std::vector<domain::meetings::Month> unexcused_months;  // when listed for meetings
  std::vector<domain::meetings::Month> unpaid_months;     // when listed for dues
  bool for_meetings = false;
  bool for_dues = false;
};

struct RemovalList {
  Organization org;
  int year = 0;
  domain::meetings::Month through;
  std::vector<RemovalEntry> items;  // the page
  int64_t total = 0;
  std::vector<domain::meetings::AppliedRule> rules;
};

struct MyAttendance {
  AttendanceFact fact;
};

struct MyMeetings {
  PersonRef member;
  OrgId org_id;
  std::string org_name;
  std::vector<MeetingRow> upcoming;
  std::vector<AttendanceFact> attendance;
  std::vector<AbsenceNoticeRow> notices;
};

struct MeetingCatalogView {
  std::vector<domain::meetings::AppliedRule> rules;
};

// A rendering of the minutes: DOCX bytes or the print page.
struct RenderedMinutes {
  std::string content;
  std::string file_name;
};

Result<MeetingCatalogView> get_meeting_catalog(Context& ctx);
Result<MeetingList> list_org_meetings(Context& ctx, OrgId org, const MeetingListQuery& query);
Result<MeetingView> schedule_meeting(Context& ctx, OrgId org, const MeetingDraft& draft);
Result<MeetingView> get_meeting(Context& ctx, int64_t id);
Result<MeetingView> update_meeting(Context& ctx, int64_t id, const MeetingDraft& draft);
Result<MeetingView> record_meeting(Context& ctx, int64_t id, const MeetingRecordRequest& request);
Result<MeetingView> approve_meeting(Context& ctx, int64_t id);
Result<MeetingView> amend_meeting(Context& ctx, int64_t id, const AmendmentRequest& request);
Result<RenderedMinutes> render_meeting_minutes(Context& ctx, int64_t id, bool docx);
Result<AbsenceNoticeRow> send_absence_notice(Context& ctx, int64_t meeting,
                                             std::optional<MemberId> member,
                                             const std::string& reason);
Result<AbsenceNoticeRow> decide_absence_notice(Context& ctx, int64_t meeting, int64_t notice,
                                               const std::string& decision,
                                               const std::string& note);
Result<MyMeetings> get_my_meetings(Context& ctx, std::optional<int> year);
Result<MissingMeetings> list_missing_meetings(Context& ctx, OrgId org,
                                              domain::meetings::Month month,
                                              const std::string& kind, int64_t offset, int limit);
Result<CellYearQuality> get_cell_meeting_quality(Context& ctx, OrgId org, int year);
Result<RemovalList> list_removal_candidates(Context& ctx, OrgId org, int year, int64_t offset,
                                            int limit);

// The agenda template's items (code, Vietnamese title, English title).
struct AgendaTemplateItem {
  const char* code;
  const char* title_vi;
  const char* title_en;
};
const std::vector<AgendaTemplateItem>& agenda_template();

// The organization kinds that hold meetings as cells (every kind holding members but a party
// group): the missing-meeting view and the compliance board ask about these.
namespace meetings_detail {
std::vector<std::string> cell_kinds(const Services& services);
}  // namespace meetings_detail

}  // namespace chibo::app
