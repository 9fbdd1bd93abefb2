#include "demo/meetings_demo.h"

#include <algorithm>

#include "domain/dues/month.h"
#include "storage/sql/tools/table_rows.h"

namespace chibo::demo {

namespace meetings_demo_detail {

using domain::dues::Month;

constexpr const char* kMeetingActor = "demo";
// Rows gathered before the three tables are written, meetings first (attendance and votes refer
// to them).
constexpr size_t kMeetingRowsPerBatch = 20000;

const char* const kTopics[] = {
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Phòng, chống tham nhũng, lãng phí, tiêu cực",
    "Chuyển đổi số trong công tác đảng",
    "Tinh gọn tổ chức bộ máy, nâng cao hiệu lực, hiệu quả",
    "Vai trò nêu gương của cán bộ, đảng viên",
};

const char* const kExcuses[] = {"Đi công tác", "Ốm", "Nghỉ phép", "Việc gia đình",
                                "Đi học tập trung"};

const char* const kAgendaJson =
    R"([{"code":"roll_call","title":"Điểm danh, tuyên bố lý do, giới thiệu chủ trì và thư ký","note":""},)"
    R"({"code":"last_month_results","title":"Đánh giá kết quả thực hiện nhiệm vụ tháng trước","note":""},)"
    R"({"code":"documents_from_above","title":"Phổ biến văn bản, chỉ đạo của cấp trên","note":""},)"
    R"({"code":"discussion","title":"Thảo luận","note":""},)"
    R"({"code":"resolution","title":"Biểu quyết thông qua nghị quyết, nhiệm vụ tháng tới","note":""},)"
    R"({"code":"admissions_recognitions","title":"Kết nạp, công nhận đảng viên chính thức, quần chúng ưu tú","note":""},)"
    R"({"code":"scoring","title":"Đánh giá, chấm điểm chất lượng buổi sinh hoạt","note":""}])";

}  // namespace meetings_demo_detail

using namespace meetings_demo_detail;

MeetingsDemo::MeetingsDemo(uint64_t seed, Date today, std::string now, int history_months)
    : rng_(seed ^ 0x3EE7ULL),
      today_(today),
      now_(std::move(now)),
      history_months_(history_months) {}

void MeetingsDemo::member_written(const domain::Member& member) {
  const bool official = member.status == "official";
  const bool exempt = member.status == "exempted";
  if (!official && !exempt && member.status != "probationary") return;
  Cell& cell = cells_[member.org_id.value];
  if (cell.path.empty()) cell.path = member.org_path.str();
  Person person;
  person.id = member.id.value;
  person.official = official;
  person.exempt = exempt;
  // Most members miss a meeting without reason almost never; about one in a hundred drifts away.
  const double draw = rng_.real();
  person.unexcused = draw < 0.01 ? 0.45 : draw < 0.06 ? 0.04 : 0.004;
  cell.members.push_back(person);
}

void MeetingsDemo::write(soci::session& session) {
  storage::TableRows meetings(session, "meetings",
                              {"id",          "org_id",         "org_path",
                               "kind",        "state",          "held_on",
                               "starts_at",   "place",          "topic",
                               "agenda",      "chair_id",       "secretary_id",
                               "resolution",  "minutes",        "counted",
                               "present",     "absent_excused", "absent_unexcused",
                               "created_at",  "created_by",     "recorded_at",
                               "recorded_by", "approved_at",    "approved_by"},
                              storage::TableRows::kOnFlushOnly);
  storage::TableRows attendance(
      session, "meeting_attendance",
      {"meeting_id", "member_id", "org_path", "held_on", "kind", "status", "counted", "reason"},
      storage::TableRows::kOnFlushOnly);
  storage::TableRows votes(
      session, "meeting_votes",
      {"meeting_id", "seq", "subject", "in_favour", "against", "abstain", "entitled"},
      storage::TableRows::kOnFlushOnly);
  long long next_id = 1;
  const Month current = Month::of(today_);
  const Month first = current.plus(-history_months_);
  for (auto& [org_id, cell] : cells_) {
    if (cell.members.empty()) continue;
    // Chair and secretary: the first two official members (any member when none is official).
    int64_t chair = 0, secretary = 0;
    for (const Person& p : cell.members) {
      if (!p.official) continue;
      if (!chair) {
        chair = p.id;
      } else if (!secretary) {
        secretary = p.id;
        break;
      }
    }
    if (!chair) chair = cell.members.front().id;
    if (!secretary) secretary = chair;
    const bool sloppy = rng_.chance(0.08);  // a cell that sometimes misses a month
    auto add_meeting = [&](Month month, const std::string& kind, bool held, Date day) {
      const long long id = next_id++;
      const bool approved = held && month < current.plus(-1) && rng_.chance(0.8);
      int counted = 0, present = 0, excused = 0, unexcused = 0, present_official = 0, entitled = 0;
      if (held) {
        for (const Person& p : cell.members) {
          std::string status = "present";
          std::string reason;
          const double roll = rng_.real();
          if (p.exempt) {
            status = roll < 0.3 ? "present" : "absent_excused";
          } else if (roll < p.unexcused) {
            status = "absent_unexcused";
          } else if (roll < p.unexcused + 0.05) {
            status = "absent_excused";
          }
          if (status == "absent_excused") reason = kExcuses[rng_.below(std::size(kExcuses))];
          const bool is_counted = !p.exempt;
          if (is_counted) {
            ++counted;
            if (status == "present") ++present;
            if (status == "absent_excused") ++excused;
            if (status == "absent_unexcused") ++unexcused;
            if (p.official) {
              ++entitled;
              if (status == "present") ++present_official;
            }
          }
          attendance.number(id)
              .number(p.id)
              .text(cell.path)
              .text(day.iso())
              .text(kind)
              .text(status)
              .number(is_counted ? 1 : 0)
              .text_or_null(reason)
              .end_row();
          ++report_.attendance;
          if (is_counted && status == "absent_unexcused") ++report_.unexcused;
        }
        votes.number(id)
            .number(1)
            .text(kind == "thematic"
                      ? "Thông qua nội dung chuyên đề"
                      : "Thông qua nghị quyết tháng " + std::to_string(month.month()))
            .number(present_official)
            .number(0)
            .number(0)
            .number(entitled)
            .end_row();
      }
      // The same draws in the same order as ever: a seed gives the same demo.
      const char* const starts_at = rng_.chance(0.7) ? "14:00" : "08:00";
      const std::string topic = kind == "thematic" ? kTopics[rng_.below(std::size(kTopics))] : "";
      meetings.number(id)
          .number(org_id)
          .text(cell.path)
          .text(kind)
          .text(!held      ? "scheduled"
                : approved ? "approved"
                           : "held")
          .text(day.iso())
          .text(starts_at)
          .text("Phòng họp cơ quan")
          .text_or_null(topic);
      meetings.text(kAgendaJson);
      if (held) {
        meetings.number(chair)
            .number(secretary)
            .text("Chi bộ thống nhất thực hiện các nhiệm vụ trọng tâm tháng " +
                  std::to_string(month.month() % 12 + 1) + ".")
            .text(
                "Các đồng chí dự họp thảo luận, thống nhất đánh giá kết quả và nhiệm vụ thời "
                "gian tới.");
      } else {
        meetings.null().null().null().null();
      }
      meetings.number(counted).number(present).number(excused).number(unexcused).text(now_).text(
          kMeetingActor);
      if (held) {
        meetings.text(now_).text(kMeetingActor);
      } else {
        meetings.null().null();
      }
      if (approved) {
        meetings.text(now_).text(kMeetingActor);
      } else {
        meetings.null().null();
      }
      meetings.end_row();
      ++report_.meetings;
      if (meetings.pending() >= kMeetingRowsPerBatch ||
          attendance.pending() >= kMeetingRowsPerBatch || votes.pending() >= kMeetingRowsPerBatch) {
        meetings.flush();
        attendance.flush();
        votes.flush();
      }
    };
    for (Month month = first; month < current; month = month.plus(1)) {
      if (sloppy ? rng_.chance(0.25) : rng_.chance(0.01)) {
        ++report_.missing_months;
      } else {
        const int last = month.last_day().day();
        const Date day = *Date::from_ymd(month.year(), month.month(),
                                         static_cast<int>(rng_.between(3, std::min(25, last))));
        add_meeting(month, "regular", true, day);
      }
      if (month.month() % 3 == 2 && rng_.chance(0.9)) {
        const Date day =
            *Date::from_ymd(month.year(), month.month(), static_cast<int>(rng_.between(26, 28)));
        add_meeting(month, "thematic", true, day);
      }
    }
    // This month's meeting, scheduled ahead (or next month's when this month's day has passed).
    const Date ahead = today_.add_days(static_cast<int>(rng_.between(1, 20)));
    add_meeting(Month::of(ahead), "regular", false, ahead);
  }
  meetings.flush();
  attendance.flush();
  votes.flush();
  if (session.get_backend_name() == "postgresql") {
    session << "SELECT setval(pg_get_serial_sequence('meetings', 'id'), COALESCE((SELECT MAX(id) "
               "FROM meetings), 0) + 1, false)";
  }
}

}  // namespace chibo::demo
