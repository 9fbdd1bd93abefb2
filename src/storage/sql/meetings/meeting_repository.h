// Cell meetings, their links, attendance, votes, absence notices and amendments, on SOCI
// (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/meetings.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlMeetingRepository : public app::MeetingRepository {
 public:
  explicit SqlMeetingRepository(soci::session& session) : session_(session) {}

  void insert(app::MeetingRow& meeting) override;
  void update(const app::MeetingRow& meeting) override;
  std::optional<app::MeetingRow> find(int64_t id) override;
  std::vector<app::MeetingLinkRow> links_of(int64_t meeting) override;
  void replace_links(int64_t meeting, const std::vector<app::MeetingLinkRow>& links) override;
  std::vector<app::AttendanceRow> attendance_of(int64_t meeting) override;
  void replace_attendance(const app::MeetingRow& meeting,
                          const std::vector<app::AttendanceRow>& rows) override;
  std::vector<app::MeetingVoteRow> votes_of(int64_t meeting) override;
  void replace_votes(int64_t meeting, const std::vector<app::MeetingVoteRow>& votes) override;
  std::vector<app::AbsenceNoticeRow> notices_of(int64_t meeting) override;
  std::vector<app::AbsenceNoticeRow> notices_of_member(MemberId member, Date from) override;
  std::optional<app::AbsenceNoticeRow> find_notice(int64_t id) override;
  void insert_notice(app::AbsenceNoticeRow& notice) override;
  void update_notice(const app::AbsenceNoticeRow& notice) override;
  std::vector<app::AmendmentRow> amendments_of(int64_t meeting) override;
  void insert_amendment(app::AmendmentRow& amendment) override;
  app::MeetingPageRows page(const app::MeetingFilter& filter) override;
  std::vector<app::MeetingRow> of_org(OrgId org, Date from, Date to) override;
  std::vector<app::AttendanceFact> attendance_in(OrgId org, Date from, Date to) override;
  std::vector<app::AttendanceFact> attendance_of_members(const std::vector<MemberId>& members,
                                                         Date from, Date to,
                                                         int64_t except) override;
  std::vector<app::MissingCell> missing(const OrgPath& subtree,
                                        const std::vector<std::string>& kinds,
                                        const std::string& kind, Date from, Date to, int64_t offset,
                                        int limit, int64_t& total) override;
  std::vector<app::AttendanceFact> unexcused_in(const OrgPath& subtree, Date from,
                                                Date to) override;
  std::vector<app::RemovalMember> removal_members(const std::vector<MemberId>& ids) override;

 private:
  std::vector<app::MeetingRow> select_meetings(const std::string& where_and_order,
                                               Bindings& bindings);
  std::vector<app::AbsenceNoticeRow> select_notices(const std::string& where, Bindings& bindings);
  std::vector<app::AttendanceFact> select_facts(const std::string& where, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
