#include "demo/discipline_demo.h"

#include <algorithm>
#include <array>

namespace chibo::demo {

namespace {

// About 3 in 1,000 members on the roll get a case over the two years the demo covers.
constexpr uint64_t kCasesPerThousand = 3;

constexpr std::array<const char*, 5> kBreaches = {
    "Vi phạm quy định về những điều đảng viên không được làm",
    "Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao, gây hậu quả",
    "Vi phạm quy định về kê khai tài sản, thu nhập",
    "Vi phạm nguyên tắc tập trung dân chủ trong sinh hoạt chi bộ",
    "Sử dụng mạng xã hội đăng tải thông tin sai sự thật",
};

}  // namespace

DisciplineDemo::DisciplineDemo(uint64_t seed, Date today, std::string now)
    : rng_(seed ^ 0xD15C1F1EULL), today_(today), now_(std::move(now)) {}

void DisciplineDemo::member_written(const domain::Member& member) {
  if (member.status != "official" && member.status != "probationary") return;
  if (rng_.below(1000) >= kCasesPerThousand) return;
  subjects_.push_back({member.id.value, member.org_id.value, member.org_path.str(),
                       member.status == "probationary", member.admission_date});
}

void DisciplineDemo::write(soci::session& session) {
  for (const Subject& s : subjects_) {
    const uint64_t roll = rng_.below(100);
    // Reprimands mostly; probationary members only reprimand or warning (Charter Art. 35).
    std::string sanction = roll < 70                     ? "reprimand"
                           : roll < 95 || s.probationary ? "warning"
                                                         : "dismissal";
    const Date breach = today_.add_days(-static_cast<int32_t>(60 + rng_.below(600)));
    const int entitled = 5 + static_cast<int>(rng_.below(20));
    const bool two_thirds = sanction == "dismissal";
    const int needed = two_thirds ? entitled * 2 / 3 + 1 : entitled / 2 + 1;
    int in_favour = std::min(entitled, needed + static_cast<int>(rng_.below(3)));
    const int against =
        static_cast<int>(rng_.below(static_cast<uint64_t>(entitled - in_favour) + 1));
    const Date voted = breach.add_days(static_cast<int32_t>(20 + rng_.below(30)));
    const bool decided = rng_.below(10) < 8 && voted <= today_.add_days(-5);
    const Date decided_on = voted.add_days(static_cast<int32_t>(1 + rng_.below(4)));
    const bool appealed = decided && rng_.below(10) == 0;
    // An old breach for every other open reprimand of a member admitted before it (no random
    // draw: the rest of the demo stays as it was).
    Date breach_on = breach;
    if (!decided && sanction == "reprimand" && open_reprimands_++ % 2 == 0) {
      const Date old = today_.add_years(-5).add_days(15 + (open_reprimands_ * 37) % 100);
      if (s.admitted && *s.admitted < old) breach_on = old;
    }
    // One vote short, then closed without a sanction (no random draw either). `against` was drawn
    // for the larger count, so the votes still add up to at most the entitled.
    const bool closed =
        !decided && breach_on == breach && voted <= today_.add_days(-30) && undecided_++ % 4 == 0;
    if (closed) in_favour = needed - 1;
    std::string deferrals = "[]";
    if (rng_.below(10) == 0) {
      const Date from = breach_on.add_days(10);
      deferrals = "[{\"from\":\"" + from.iso() + "\",\"to\":\"" + from.add_days(14).iso() +
                  "\",\"reason\":\"inpatient\"}]";
    }
    const std::string state = appealed  ? "appealed"
                              : decided ? "decided"
                              : closed  ? "closed"
                                        : "voted";
    const std::string closed_iso = closed ? voted.add_days(3).iso() : std::string();
    const std::string ground = closed ? "not_disciplined" : std::string();
    const std::string note =
        closed ? "Biểu quyết không đủ tỷ lệ; chi bộ kết luận không thi hành kỷ luật, nhắc nhở "
                 "đảng viên rút kinh nghiệm"
               : std::string();
    soci::indicator c_ind = closed ? soci::i_ok : soci::i_null, c_ind2 = c_ind, c_ind3 = c_ind;
    const std::string summary = kBreaches[rng_.below(kBreaches.size())];
    const std::string level = "Chi bộ";
    const std::string breach_iso = breach_on.iso(), voted_iso = voted.iso();
    const std::string decided_iso = decided ? decided_on.iso() : std::string();
    const std::string received_iso = decided ? decided_on.add_days(1).iso() : std::string();
    const std::string number =
        decided ? std::to_string(1 + rng_.below(60)) + "-QĐ/CB" : std::string();
    const std::string appeal_iso = appealed ? decided_on.add_days(10).iso() : std::string();
    soci::indicator d_ind = decided ? soci::i_ok : soci::i_null;
    soci::indicator d_ind2 = d_ind, d_ind3 = d_ind;
    soci::indicator a_ind = appealed ? soci::i_ok : soci::i_null, a_ind2 = a_ind;
    // A pending first appeal, lodged with the superior inspection committee.
    const std::string appeals = appealed ? R"([{"body":"superior_inspection","received_on":")" +
                                               appeal_iso + R"(","outcome":""}])"
                                         : std::string();
    const std::string subject = s.probationary ? "probationary" : "official";
    const std::string category = "ordinary";
    const std::string actor = "demo";
    session << "INSERT INTO discipline_cases (subject, member_id, org_id, org_path, "
               "breach_summary, breach_date, category, deferrals, sanction, competent_level, "
               "votes_for, votes_against, votes_abstain, votes_entitled, voted_on, decided_on, "
               "decision_number, received_on, appeal_received_on, appeals, state, version, "
               "created_at, created_by, updated_at, closed_on, closure_ground, closure_note) "
               "VALUES (:s, :m, :o, :p, :b, :bd, :c, :df, :sa, :l, :vf, :va, 0, :ve, :vo, :de, "
               ":dn, :re, :ar, :ap, :st, 1, :ca, :cb, :ua, :co, :cg, :cn)",
        soci::use(subject), soci::use(s.member_id), soci::use(s.org_id), soci::use(s.org_path),
        soci::use(summary), soci::use(breach_iso), soci::use(category), soci::use(deferrals),
        soci::use(sanction), soci::use(level), soci::use(in_favour), soci::use(against),
        soci::use(entitled), soci::use(voted_iso), soci::use(decided_iso, d_ind),
        soci::use(number, d_ind2), soci::use(received_iso, d_ind3), soci::use(appeal_iso, a_ind),
        soci::use(appeals, a_ind2), soci::use(state), soci::use(now_), soci::use(actor),
        soci::use(now_), soci::use(closed_iso, c_ind), soci::use(ground, c_ind2),
        soci::use(note, c_ind3);
    ++report_.cases;
    if (decided) ++report_.decided;
    if (closed) ++report_.closed;
  }
}

}  // namespace chibo::demo
