#include "demo/plans_demo.h"

#include <algorithm>
#include <unordered_set>

#include "domain/plans/plan.h"
#include "storage/sql/tools/table_rows.h"

namespace chibo::demo {

namespace plans_demo_detail {

constexpr const char* kPlanActor = "demo";
// Rows gathered before the four tables are written, parents first (the foreign keys hold).
constexpr size_t kPlanRowsPerBatch = 20000;

struct ItemText {
  const char* content;
  const char* measure;
};

// What members of central agencies commonly undertake (Quy định 08-QĐi/TW, the yearly
// commitments of tu dưỡng, rèn luyện).
const ItemText kPlanItems[] = {
    {"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Đăng ký và thực hiện ít nhất 2 việc làm cụ thể"},
    {"Giữ gìn phẩm chất chính trị, đạo đức, lối sống; nêu gương trong công tác",
     "Không vi phạm quy định về những điều đảng viên không được làm"},
    {"Hoàn thành tốt nhiệm vụ chuyên môn được giao", "Xếp loại hoàn thành tốt nhiệm vụ trở lên"},
    {"Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định",
     "Dự 12/12 kỳ sinh hoạt; đóng đảng phí hằng tháng"},
    {"Học tập, quán triệt nghị quyết, chỉ thị của Đảng", "Dự đủ các buổi học tập, viết thu hoạch"},
    {"Nâng cao trình độ lý luận chính trị, chuyên môn, ngoại ngữ, tin học",
     "Hoàn thành một khóa bồi dưỡng trong năm"},
    {"Giữ mối liên hệ với chi ủy nơi cư trú", "Nhận xét của chi ủy nơi cư trú tốt"},
    {"Thực hành tiết kiệm, phòng, chống lãng phí, tham nhũng, tiêu cực",
     "Không để xảy ra sai phạm trong lĩnh vực phụ trách"},
    {"Đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng",
     "Chia sẻ thông tin chính thống; không bình luận sai lệch"},
    {"Tham gia phong trào thi đua, hoạt động của đoàn thể tại cơ quan",
     "Tham gia ít nhất 3 hoạt động trong năm"},
};

Date day_of(int year, int month, int day) { return *Date::from_ymd(year, month, day); }

}  // namespace plans_demo_detail

using namespace plans_demo_detail;

PlansDemo::PlansDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed,
                     Date today, std::string now)
    : catalog_(catalog),
      rules_(rules),
      rng_(seed * 7919 + 13),
      today_(today),
      now_(std::move(now)) {}

void PlansDemo::member_written(const domain::Member& member) {
  const domain::MemberStatusInfo* status = catalog_.member_status(member.status);
  if (!status || !status->on_roll) return;
  entries_.push_back({member.id.value, member.org_id.value, member.org_path.str()});
}

void PlansDemo::write(soci::session& session) {
  using domain::plans::Stage;
  const int year = today_.year();
  const std::string today_iso = today_.iso();
  // Heads: members holding a running seat in their own organization's committee today.
  std::unordered_set<int64_t> heads;
  {
    soci::rowset<soci::row> rows =
        (session.prepare << "SELECT member_id, org_id FROM committee_seats WHERE started_on <= '" +
                                today_iso + "' AND (ended_on IS NULL OR ended_on > '" + today_iso +
                                "')");
    for (const soci::row& r : rows) {
      if (r.get_indicator(0) == soci::i_ok) heads.insert(r.get<long long>(0));
    }
  }
  long long plan_id = 0, item_id = 0, review_id = 0;
  {
    long long max_plan = 0, max_item = 0, max_review = 0;
    soci::indicator i1, i2, i3;
    session << "SELECT MAX(id) FROM plans", soci::into(max_plan, i1);
    session << "SELECT MAX(id) FROM plan_items", soci::into(max_item, i2);
    session << "SELECT MAX(id) FROM plan_reviews", soci::into(max_review, i3);
    plan_id = i1 == soci::i_ok ? max_plan : 0;
    item_id = i2 == soci::i_ok ? max_item : 0;
    review_id = i3 == soci::i_ok ? max_review : 0;
  }
  const auto mid = domain::plans::review_window(rules_, year, Stage::kMidYear);
  const auto end = domain::plans::review_window(rules_, year, Stage::kYearEnd);

  const std::string actor = kPlanActor;
  storage::TableRows plans(session, "plans",
                           {"id", "member_id", "org_id", "org_path", "year", "kind", "head",
                            "recorded_on", "version", "created_at", "updated_at", "created_by"},
                           storage::TableRows::kOnFlushOnly);
  storage::TableRows items(session, "plan_items",
                           {"id", "plan_id", "position", "content", "measure", "due_on"},
                           storage::TableRows::kOnFlushOnly);
  storage::TableRows reviews(
      session, "plan_reviews",
      {"id", "plan_id", "stage", "reviewed_on", "comment", "reviewer", "created_at"},
      storage::TableRows::kOnFlushOnly);
  storage::TableRows assessments(session, "plan_assessments",
                                 {"review_id", "item_id", "assessment", "comment"},
                                 storage::TableRows::kOnFlushOnly);
  auto flush = [&] {
    plans.flush();
    items.flush();
    reviews.flush();
    assessments.flush();
  };
  const int kItemCount = static_cast<int>(std::size(kPlanItems));
  for (const Entry& e : entries_) {
    const bool head = heads.count(e.member_id) > 0;
    if (!rng_.chance(head ? 0.97 : 0.85)) continue;
    // Heads in January, before their due date; the others by the end of February, some late.
    Date recorded = head               ? day_of(year, 1, static_cast<int>(rng_.between(5, 28)))
                    : rng_.chance(0.9) ? day_of(year, 2, static_cast<int>(rng_.between(1, 27)))
                                       : day_of(year, 3, static_cast<int>(rng_.between(2, 28)));
    if (today_ < recorded) {
      if (today_.month() == 1 && !head) continue;  // too early in the year for the others
      recorded = today_;
    }
    const long long id = ++plan_id;
    plans.number(id)
        .number(e.member_id)
        .number(e.org_id)
        .text(e.org_path)
        .number(year)
        .text(rng_.chance(0.6) ? "commitment" : "plan")
        .number(head ? 1 : 0)
        .text(recorded.iso())
        .number(1)
        .text(now_)
        .text(now_)
        .text(actor)
        .end_row();
    ++report_.plans;
    const int count = static_cast<int>(rng_.between(3, 5));
    const int first = static_cast<int>(rng_.between(0, kItemCount - 1));
    std::vector<long long> ids;
    for (int i = 0; i < count; ++i) {
      const ItemText& text = kPlanItems[(first + i) % kItemCount];
      ids.push_back(++item_id);
      items.number(item_id)
          .number(id)
          .number(i)
          .text(text.content)
          .text(text.measure)
          .text_or_null(rng_.chance(0.3) ? day_of(year, 12, 31).iso() : std::string())
          .end_row();
      ++report_.items;
    }
    // The cell's reviews, once their windows have opened.
    auto review = [&](const char* stage, Date on, double done) {
      const long long rid = ++review_id;
      reviews.number(rid)
          .number(id)
          .text(stage)
          .text(on.iso())
          .text_or_null(rng_.chance(0.5) ? "Chi bộ thống nhất đánh giá" : "")
          .text(actor)
          .text(now_)
          .end_row();
      ++report_.reviews;
      for (long long item : ids) {
        const double roll = rng_.real();
        const char* assessment = roll < done ? "done" : roll < done + 0.22 ? "partly" : "not_done";
        assessments.number(rid)
            .number(item)
            .text(assessment)
            .text_or_null(
                std::string(assessment) == "not_done" ? "Cần khắc phục trong thời gian tới" : "")
            .end_row();
      }
    };
    if (mid && mid->opens.on <= today_ && rng_.chance(0.75)) {
      Date on = day_of(year, 7, static_cast<int>(rng_.between(5, 25)));
      if (today_ < on) on = today_;
      review("mid_year", on, 0.7);
    }
    if (end && end->opens.on <= today_ && rng_.chance(0.2)) {
      Date on = end->opens.on.add_days(static_cast<int32_t>(rng_.between(0, 20)));
      if (today_ < on) on = today_;
      review("year_end", on, 0.8);
    }
    if (std::max({plans.pending(), items.pending(), reviews.pending(), assessments.pending()}) >=
        kPlanRowsPerBatch)
      flush();
  }
  flush();
  if (session.get_backend_name() == "postgresql") {
    for (const char* table : {"plans", "plan_items", "plan_reviews"}) {
      session << std::string("SELECT setval(pg_get_serial_sequence('") + table +
                     "', 'id'), COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)";
    }
  }
}

}  // namespace chibo::demo
