#include "demo/meetings_demo.h"

#include <algorithm>

#include "domain/dues/month.h"

namespace chibo::demo {

namespace meetings_demo_detail {

using domain::dues::Month;

constexpr const char* kMeetingActor = "demo";
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

struct MeetingColumns {
  std::vector<long long> id, org_id, chair, secretary, counted, present, excused, unexcused;
  std::vector<std::string> org_path, kind, state, held_on, starts_at, place, topic, resolution,
      minutes, recorded_at, approved_at;
  std::vector<soci::indicator> topic_ind, recorded_ind, approved_ind, person_ind;

  size_t size() const { return id.size(); }
  void flush(soci::session& session, const std::string& now) {
    if (id.empty()) return;
    std::vector<std::string> agenda(id.size(), kAgendaJson);
    std::vector<std::string> at(id.size(), now);
    std::vector<std::string> by(id.size(), kMeetingActor);
    std::vector<soci::indicator> chair_ind = person_ind, secretary_ind = person_ind;
    soci::statement statement =
        (session.prepare
             << "INSERT INTO meetings (id, org_id, org_path, kind, state, held_on, starts_at, "
                "place, topic, agenda, chair_id, secretary_id, resolution, minutes, counted, "
                "present, absent_excused, absent_unexcused, created_at, created_by, recorded_at, "
                "recorded_by, approved_at, approved_by) VALUES (:i, :o, :p, :k, :s, :h, :t, :pl, "
                ":tp, :a, :c, :se, :r, :m, :n, :pr, :e, :u, :ca, :cb, :ra, :rb, :aa, :ab)",
         soci::use(id), soci::use(org_id), soci::use(org_path), soci::use(kind), soci::use(state),
         soci::use(held_on), soci::use(starts_at), soci::use(place), soci::use(topic, topic_ind),
         soci::use(agenda), soci::use(chair, chair_ind), soci::use(secretary, secretary_ind),
         soci::use(resolution, recorded_ind), soci::use(minutes, recorded_ind), soci::use(counted),
         soci::use(present), soci::use(excused), soci::use(unexcused), soci::use(at), soci::use(by),
         soci::use(recorded_at, recorded_ind), soci::use(by, recorded_ind),
         soci::use(approved_at, approved_ind), soci::use(by, approved_ind));
    statement.execute(true);
    *this = MeetingColumns();
  }
};

struct AttendanceColumns {
  std::vector<long long> meeting_id, member_id, counted;
  std::vector<std::string> org_path, held_on, kind, status, reason;
  std::vector<soci::indicator> reason_ind;

  size_t size() const { return meeting_id.size(); }
  void flush(soci::session& session) {
    if (meeting_id.empty()) return;
    soci::statement statement =
        (session.prepare << "INSERT INTO meeting_attendance (meeting_id, member_id, org_path, "
                            "held_on, kind, status, counted, reason) VALUES (:m, :p, :o, :h, :k, "
                            ":s, :c, :r)",
         soci::use(meeting_id), soci::use(member_id), soci::use(org_path), soci::use(held_on),
         soci::use(kind), soci::use(status), soci::use(counted), soci::use(reason, reason_ind));
    statement.execute(true);
    *this = AttendanceColumns();
  }
};

struct VoteColumns {
  std::vector<long long> meeting_id, in_favour, entitled;
  std::vector<std::string> subject;

  void flush(soci::session& session) {
    if (meeting_id.empty()) return;
    std::vector<long long> seq(meeting_id.size(), 1), zero(meeting_id.size(), 0);
    soci::statement statement =
        (session.prepare << "INSERT INTO meeting_votes (meeting_id, seq, subject, in_favour, "
                            "against, abstain, entitled) VALUES (:m, :q, :s, :f, :a, :b, :e)",
         soci::use(meeting_id), soci::use(seq), soci::use(subject), soci::use(in_favour),
         soci::use(zero), soci::use(zero), soci::use(entitled));
    statement.execute(true);
    *this = VoteColumns();
  }
};

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
  MeetingColumns meetings;
  AttendanceColumns attendance;
  VoteColumns votes;
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
          attendance.meeting_id.push_back(id);
          attendance.member_id.push_back(p.id);
          attendance.org_path.push_back(cell.path);
          attendance.held_on.push_back(day.iso());
          attendance.kind.push_back(kind);
          attendance.status.push_back(status);
          attendance.counted.push_back(is_counted ? 1 : 0);
          attendance.reason.push_back(reason);
          attendance.reason_ind.push_back(reason.empty() ? soci::i_null : soci::i_ok);
          ++report_.attendance;
          if (is_counted && status == "absent_unexcused") ++report_.unexcused;
        }
        votes.meeting_id.push_back(id);
        votes.subject.push_back(kind == "thematic" ? "Thông qua nội dung chuyên đề"
                                                   : "Thông qua nghị quyết tháng " +
                                                         std::to_string(month.month()));
        votes.in_favour.push_back(present_official);
        votes.entitled.push_back(entitled);
      }
      meetings.id.push_back(id);
      meetings.org_id.push_back(org_id);
      meetings.org_path.push_back(cell.path);
      meetings.kind.push_back(kind);
      meetings.state.push_back(!held ? "scheduled" : approved ? "approved" : "held");
      meetings.held_on.push_back(day.iso());
      meetings.starts_at.push_back(rng_.chance(0.7) ? "14:00" : "08:00");
      meetings.place.push_back("Phòng họp cơ quan");
      const std::string topic = kind == "thematic" ? kTopics[rng_.below(std::size(kTopics))] : "";
      meetings.topic.push_back(topic);
      meetings.topic_ind.push_back(topic.empty() ? soci::i_null : soci::i_ok);
      meetings.chair.push_back(chair);
      meetings.secretary.push_back(secretary);
      meetings.person_ind.push_back(held ? soci::i_ok : soci::i_null);
      meetings.resolution.push_back(
          held ? "Chi bộ thống nhất thực hiện các nhiệm vụ trọng tâm tháng " +
                     std::to_string(month.month() % 12 + 1) + "."
               : "");
      meetings.minutes.push_back(held
                                     ? "Các đồng chí dự họp thảo luận, thống nhất đánh giá kết quả "
                                       "và nhiệm vụ thời gian tới."
                                     : "");
      meetings.recorded_at.push_back(now_);
      meetings.recorded_ind.push_back(held ? soci::i_ok : soci::i_null);
      meetings.approved_at.push_back(now_);
      meetings.approved_ind.push_back(approved ? soci::i_ok : soci::i_null);
      meetings.counted.push_back(counted);
      meetings.present.push_back(present);
      meetings.excused.push_back(excused);
      meetings.unexcused.push_back(unexcused);
      ++report_.meetings;
      // Meetings first: attendance and votes refer to them (foreign keys).
      if (meetings.size() >= kMeetingRowsPerBatch || attendance.size() >= kMeetingRowsPerBatch ||
          votes.meeting_id.size() >= kMeetingRowsPerBatch) {
        meetings.flush(session, now_);
        attendance.flush(session);
        votes.flush(session);
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
  meetings.flush(session, now_);
  attendance.flush(session);
  votes.flush(session);
  if (session.get_backend_name() == "postgresql") {
    session << "SELECT setval(pg_get_serial_sequence('meetings', 'id'), COALESCE((SELECT MAX(id) "
               "FROM meetings), 0) + 1, false)";
  }
}

}  // namespace chibo::demo
