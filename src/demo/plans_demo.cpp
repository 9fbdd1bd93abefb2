#include "demo/plans_demo.h"

#include <algorithm>
#include <unordered_set>

#include "domain/plans/plan.h"

namespace chibo::demo {

namespace plans_demo_detail {

constexpr const char* kPlanActor = "demo";
// Rows per bound INSERT: SOCI binds the columns as vectors, so SQLite steps one prepared
// statement per row (the dues payments' way, about a million rows a second).
constexpr size_t kPlanRowsPerBatch = 20000;

// A column of text that may be NULL (empty).
struct TextColumn {
  std::vector<std::string> values;
  std::vector<soci::indicator> nulls;
  void push(std::string value) {
    nulls.push_back(value.empty() ? soci::i_null : soci::i_ok);
    values.push_back(std::move(value));
  }
};

// Calls `bind` (which binds and inserts rows [from, to)) over `rows` rows in batches.
template <class Bind>
void insert_rows(size_t rows, Bind bind) {
  for (size_t from = 0; from < rows; from += kPlanRowsPerBatch)
    bind(from, std::min(rows, from + kPlanRowsPerBatch));
}

template <class T>
std::vector<T> slice(const std::vector<T>& column, size_t from, size_t to) {
  return std::vector<T>(column.begin() + static_cast<std::ptrdiff_t>(from),
                        column.begin() + static_cast<std::ptrdiff_t>(to));
}

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

  // Column by column, every table whole, parents first (the foreign keys hold at each insert).
  std::vector<long long> p_id, p_member, p_org, p_head;
  std::vector<std::string> p_path, p_kind, p_recorded;
  std::vector<long long> i_id, i_plan, i_position;
  std::vector<std::string> i_content, i_measure;
  TextColumn i_due;
  std::vector<long long> r_id, r_plan;
  std::vector<std::string> r_stage, r_on;
  TextColumn r_comment;
  std::vector<long long> a_review, a_item;
  std::vector<std::string> a_assessment;
  TextColumn a_comment;
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
    p_id.push_back(id);
    p_member.push_back(e.member_id);
    p_org.push_back(e.org_id);
    p_path.push_back(e.org_path);
    p_kind.push_back(rng_.chance(0.6) ? "commitment" : "plan");
    p_head.push_back(head ? 1 : 0);
    p_recorded.push_back(recorded.iso());
    ++report_.plans;
    const int count = static_cast<int>(rng_.between(3, 5));
    const int first = static_cast<int>(rng_.between(0, kItemCount - 1));
    std::vector<long long> ids;
    for (int i = 0; i < count; ++i) {
      const ItemText& text = kPlanItems[(first + i) % kItemCount];
      ids.push_back(++item_id);
      i_id.push_back(item_id);
      i_plan.push_back(id);
      i_position.push_back(i);
      i_content.emplace_back(text.content);
      i_measure.emplace_back(text.measure);
      i_due.push(rng_.chance(0.3) ? day_of(year, 12, 31).iso() : std::string());
      ++report_.items;
    }
    // The cell's reviews, once their windows have opened.
    auto review = [&](const char* stage, Date on, double done) {
      const long long rid = ++review_id;
      r_id.push_back(rid);
      r_plan.push_back(id);
      r_stage.emplace_back(stage);
      r_on.push_back(on.iso());
      r_comment.push(rng_.chance(0.5) ? "Chi bộ thống nhất đánh giá" : "");
      ++report_.reviews;
      for (long long item : ids) {
        const double roll = rng_.real();
        const char* assessment = roll < done ? "done" : roll < done + 0.22 ? "partly" : "not_done";
        a_review.push_back(rid);
        a_item.push_back(item);
        a_assessment.emplace_back(assessment);
        a_comment.push(std::string(assessment) == "not_done" ? "Cần khắc phục trong thời gian tới"
                                                             : "");
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
  }
  const std::string actor = kPlanActor;
  insert_rows(p_id.size(), [&](size_t from, size_t to) {
    auto id = slice(p_id, from, to), member = slice(p_member, from, to),
         org = slice(p_org, from, to), head = slice(p_head, from, to);
    auto path = slice(p_path, from, to), kind = slice(p_kind, from, to),
         recorded = slice(p_recorded, from, to);
    std::vector<long long> year_column(to - from, year), version(to - from, 1);
    std::vector<std::string> at(to - from, now_), by(to - from, actor);
    soci::statement statement =
        (session.prepare << "INSERT INTO plans (id, member_id, org_id, org_path, year, kind, head, "
                            "recorded_on, version, created_at, updated_at, created_by) VALUES (:i, "
                            ":m, :o, :p, :y, :k, :h, :r, :v, :a, :b, :c)",
         soci::use(id), soci::use(member), soci::use(org), soci::use(path), soci::use(year_column),
         soci::use(kind), soci::use(head), soci::use(recorded), soci::use(version), soci::use(at),
         soci::use(at), soci::use(by));
    statement.execute(true);
  });
  insert_rows(i_id.size(), [&](size_t from, size_t to) {
    auto id = slice(i_id, from, to), plan = slice(i_plan, from, to),
         position = slice(i_position, from, to);
    auto content = slice(i_content, from, to), measure = slice(i_measure, from, to),
         due = slice(i_due.values, from, to);
    auto due_null = slice(i_due.nulls, from, to);
    soci::statement statement =
        (session.prepare << "INSERT INTO plan_items (id, plan_id, position, content, measure, "
                            "due_on) VALUES (:i, :p, :n, :c, :m, :d)",
         soci::use(id), soci::use(plan), soci::use(position), soci::use(content),
         soci::use(measure), soci::use(due, due_null));
    statement.execute(true);
  });
  insert_rows(r_id.size(), [&](size_t from, size_t to) {
    auto id = slice(r_id, from, to), plan = slice(r_plan, from, to);
    auto stage = slice(r_stage, from, to), on = slice(r_on, from, to),
         comment = slice(r_comment.values, from, to);
    auto comment_null = slice(r_comment.nulls, from, to);
    std::vector<std::string> at(to - from, now_), by(to - from, actor);
    soci::statement statement =
        (session.prepare << "INSERT INTO plan_reviews (id, plan_id, stage, reviewed_on, comment, "
                            "reviewer, created_at) VALUES (:i, :p, :s, :o, :c, :r, :a)",
         soci::use(id), soci::use(plan), soci::use(stage), soci::use(on),
         soci::use(comment, comment_null), soci::use(by), soci::use(at));
    statement.execute(true);
  });
  insert_rows(a_review.size(), [&](size_t from, size_t to) {
    auto review = slice(a_review, from, to), item = slice(a_item, from, to);
    auto assessment = slice(a_assessment, from, to), comment = slice(a_comment.values, from, to);
    auto comment_null = slice(a_comment.nulls, from, to);
    soci::statement statement =
        (session.prepare << "INSERT INTO plan_assessments (review_id, item_id, assessment, "
                            "comment) VALUES (:r, :i, :a, :c)",
         soci::use(review), soci::use(item), soci::use(assessment),
         soci::use(comment, comment_null));
    statement.execute(true);
  });
  if (session.get_backend_name() == "postgresql") {
    for (const char* table : {"plans", "plan_items", "plan_reviews"}) {
      session << std::string("SELECT setval(pg_get_serial_sequence('") + table +
                     "', 'id'), COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)";
    }
  }
}

}  // namespace chibo::demo
