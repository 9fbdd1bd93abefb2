// What the meeting use cases (issue 14) need from storage, inside the transactions of
// app/ports/store.h: meetings with their links, attendance, votes, absence notices and
// amendments; and the queries behind the base committee's views (cells missing a meeting, the
// unexcused absences of a subtree in a year).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::app {

struct MeetingAgendaItem {
  std::string code;  // roll_call, last_month_results, documents_from_above, discussion, ...
  std::string title;
  std::string note;
};

struct MeetingRow {
  int64_t id = 0;
  OrgId org_id;
  OrgPath org_path;
  std::string kind;   // regular, thematic, ad_hoc
  std::string state;  // scheduled, held, approved
  Date held_on;
  std::string starts_at;  // "HH:MM" or ""
  std::string place;
  std::string topic;
  std::vector<MeetingAgendaItem> agenda;
  MemberId chair_id;
  MemberId secretary_id;
  std::string resolution;
  std::string minutes;
  int counted = 0;
  int present = 0;
  int absent_excused = 0;
  int absent_unexcused = 0;
  std::string created_at, created_by;
  std::string recorded_at, recorded_by;
  std::string approved_at, approved_by;
};

struct MeetingLinkRow {
  std::string kind;  // document, directive
  int64_t target_id = 0;
};

struct AttendanceRow {
  MemberId member_id;
  std::string status;  // present, absent_excused, absent_unexcused, special_duty
  bool counted = true;
  std::string reason;
};

struct MeetingVoteRow {
  std::string subject;
  int in_favour = 0;
  int against = 0;
  int abstain = 0;
  int entitled = 0;
};

struct AbsenceNoticeRow {
  int64_t id = 0;
  int64_t meeting_id = 0;
  MemberId member_id;
  std::string member_name;  // read back with the row
  std::string reason;
  std::string state;  // pending, accepted, refused
  std::string sent_at;
  std::string decided_at, decided_by, decision_note;
};

struct AttendanceChange {
  MemberId member_id;
  std::string from, to;
};

struct AmendmentRow {
  int64_t id = 0;
  int64_t meeting_id = 0;
  std::string section;
  std::string text;
  std::string reason;
  std::vector<AttendanceChange> changes;
  std::string created_at, created_by;
};

struct MeetingFilter {
  OrgPath subtree;
  std::optional<int> year;
  std::string kind;   // "" any
  std::string state;  // "" any
  int64_t offset = 0;
  int limit = 50;
};

struct MeetingPageRows {
  std::vector<MeetingRow> items;
  std::map<OrgId, std::string> org_names;
  int64_t total = 0;
};

// A cell of a subtree without a recorded meeting of a kind in a period.
struct MissingCell {
  OrgId id;
  std::string name;
  OrgId parent_id;
  std::string parent_name;
  int64_t scheduled_id = 0;  // a meeting scheduled in the period, not recorded
  std::optional<Date> last_held_on;
};

// One attendance row with its meeting's day and kind (a member's own view, the removal list,
// a cell's year).
struct AttendanceFact {
  int64_t meeting_id = 0;
  MemberId member_id;
  Date held_on;
  std::string kind;
  std::string meeting_state;  // only where asked for (a member's own view)
  std::string status;
  bool counted = true;
  std::string reason;
};

// A member as the removal list reads them (MeetingRepository::removal_members).
struct RemovalMember {
  MemberId id;
  std::string full_name;
  OrgId org_id;
  OrgPath org_path;
  std::string org_name;  // their organization's
  std::string status;
};

class MeetingRepository {
 public:
  virtual ~MeetingRepository() = default;

  virtual void insert(MeetingRow& meeting) = 0;  // fills id
  virtual void update(const MeetingRow& meeting) = 0;
  virtual std::optional<MeetingRow> find(int64_t id) = 0;

  virtual std::vector<MeetingLinkRow> links_of(int64_t meeting) = 0;
  virtual void replace_links(int64_t meeting, const std::vector<MeetingLinkRow>& links) = 0;
  virtual std::vector<AttendanceRow> attendance_of(int64_t meeting) = 0;
  // Replaces the meeting's attendance; the rows take the meeting's path, day and kind.
  virtual void replace_attendance(const MeetingRow& meeting,
                                  const std::vector<AttendanceRow>& rows) = 0;
  virtual std::vector<MeetingVoteRow> votes_of(int64_t meeting) = 0;
  virtual void replace_votes(int64_t meeting, const std::vector<MeetingVoteRow>& votes) = 0;

  virtual std::vector<AbsenceNoticeRow> notices_of(int64_t meeting) = 0;
  virtual std::vector<AbsenceNoticeRow> notices_of_member(MemberId member, Date from) = 0;
  virtual std::optional<AbsenceNoticeRow> find_notice(int64_t id) = 0;
  virtual void insert_notice(AbsenceNoticeRow& notice) = 0;  // fills id
  virtual void update_notice(const AbsenceNoticeRow& notice) = 0;

  virtual std::vector<AmendmentRow> amendments_of(int64_t meeting) = 0;
  virtual void insert_amendment(AmendmentRow& amendment) = 0;  // fills id

  // Meetings of a subtree, newest first.
  virtual MeetingPageRows page(const MeetingFilter& filter) = 0;
  // Meetings of one organization from `from` on (any state), oldest first.
  virtual std::vector<MeetingRow> of_org(OrgId org, Date from, Date to) = 0;
  // Attendance rows at meetings of `org` held in [from, to], oldest first.
  virtual std::vector<AttendanceFact> attendance_in(OrgId org, Date from, Date to) = 0;
  // The members' attendance at meetings held in [from, to] except `except`, oldest first.
  virtual std::vector<AttendanceFact> attendance_of_members(const std::vector<MemberId>& members,
                                                            Date from, Date to, int64_t except) = 0;
  // Cells (`kinds`) of a subtree, active, without a recorded (held or approved) meeting of
  // `kind` held in [from, to], in path order; `total` is how many in all.
  virtual std::vector<MissingCell> missing(const OrgPath& subtree,
                                           const std::vector<std::string>& kinds,
                                           const std::string& kind, Date from, Date to,
                                           int64_t offset, int limit, int64_t& total) = 0;
  // Unexcused absences (counted) in a subtree at meetings held in [from, to].
  virtual std::vector<AttendanceFact> unexcused_in(const OrgPath& subtree, Date from, Date to) = 0;
  // The members of `ids` that exist, with their organization's name, in id order: one statement
  // per 5,000 ids.
  virtual std::vector<RemovalMember> removal_members(const std::vector<MemberId>& ids) = 0;
};

}  // namespace chibo::app
