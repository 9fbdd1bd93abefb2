// The member registry through the use cases, on a real SQLite database.
#include "storage/sql/registry/member_repository.h"

#include <gtest/gtest.h>

#include <sstream>

#include "app/exits.h"
#include "app/member_changes.h"
#include "app/member_import.h"
#include "app/org_views.h"
#include "app/runner.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;
using chibo::testing::valid_member_patch;

MemberId add(TempStore& temp, OrgId org, const std::string& name, const std::string& citizen_id,
             const std::string& sex = "male", const std::string& birth = "1980-05-17") {
  auto patch = valid_member_patch(org.value, citizen_id);
  patch["full_name"] = name;
  patch["sex"] = sex;
  patch["birth_date"] = birth;
  auto created = app::run_write(temp.services(), temp.actor(), app::create_member, patch);
  EXPECT_TRUE(created) << name << ": " << (created ? "" : created.error().reason);
  return created ? created->member.id : MemberId();
}

std::vector<std::string> names(const app::MemberPage& page) {
  std::vector<std::string> result;
  for (const auto& member : page.items) result.push_back(member->full_name);
  return result;
}

app::MemberPage search(TempStore& temp, const std::string& q, OrgId org = OrgId()) {
  app::MemberQuery query;
  query.q = q;
  query.org = org;
  auto page = app::run_read(temp.services(), temp.actor(), app::list_members, query);
  EXPECT_TRUE(page);
  return page ? *page : app::MemberPage{};
}

class Registry : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();
    an_ = add(temp_, tree_[3], "Nguyễn Văn An", "001080000001");
    binh_ = add(temp_, tree_[3], "Đặng Thị Bình", "001186000002", "female", "1986-01-02");
    add(temp_, tree_[4], "Trần Văn An", "001080000003");
    add(temp_, tree_[4], "Lê Thị Bình", "001186000004", "female", "1986-12-01");
  }
  TempStore temp_;
  std::vector<OrgId> tree_;
  MemberId an_, binh_;
};

TEST_F(Registry, SearchIgnoresDiacriticsAndCase) {
  EXPECT_EQ(names(search(temp_, "nguyen van an")), std::vector<std::string>{"Nguyễn Văn An"});
  EXPECT_EQ(names(search(temp_, "dang")), std::vector<std::string>{"Đặng Thị Bình"});
  EXPECT_EQ(names(search(temp_, "ĐẶNG")), std::vector<std::string>{"Đặng Thị Bình"});
  EXPECT_EQ(search(temp_, "an").total, 2);
  EXPECT_EQ(search(temp_, "thi binh").total, 2);
  EXPECT_EQ(search(temp_, "van").total, 2);
  EXPECT_EQ(search(temp_, "xyz").total, 0);
  EXPECT_EQ(names(search(temp_, "an", tree_[4])), std::vector<std::string>{"Trần Văn An"});
}

TEST_F(Registry, SearchByCitizenIdAndCardNumber) {
  EXPECT_EQ(search(temp_, "0011860").total, 2);  // women born in 1986, registered in Hà Nội
  EXPECT_EQ(names(search(temp_, "001186000002")), std::vector<std::string>{"Đặng Thị Bình"});
  auto detail = app::run_read(
      temp_.services(), temp_.actor(),
      [](app::Context& c, MemberId id) { return app::get_member(c, id); }, an_);
  ASSERT_TRUE(app::run_write(temp_.services(), temp_.actor(), app::update_member, an_,
                             detail->member.version,
                             domain::MemberPatch{{"party_card_no", "ab-778899"}}));
  EXPECT_EQ(names(search(temp_, "AB-7788")), std::vector<std::string>{"Nguyễn Văn An"});
  EXPECT_EQ(names(search(temp_, "ab-7788")), std::vector<std::string>{"Nguyễn Văn An"});
}

TEST_F(Registry, AMemberWithRepeatedWordsIsCountedOnce) {
  add(temp_, tree_[3], "Nguyễn Văn Nguyên", "001080000005");
  EXPECT_EQ(search(temp_, "nguyen").total, 2);
  EXPECT_EQ(search(temp_, "nguyen").items.size(), 2u);
}

TEST_F(Registry, ListsInVietnameseNameOrder) {
  app::MemberQuery query;
  auto page = app::run_read(temp_.services(), temp_.actor(), app::list_members, query);
  ASSERT_TRUE(page);
  EXPECT_EQ(names(*page), (std::vector<std::string>{"Nguyễn Văn An", "Trần Văn An", "Đặng Thị Bình",
                                                    "Lê Thị Bình"}));
  query.descending = true;
  EXPECT_EQ(
      names(*app::run_read(temp_.services(), temp_.actor(), app::list_members, query)).front(),
      "Lê Thị Bình");
  query.descending = false;
  query.sort = app::MemberSort::kAge;  // youngest first
  EXPECT_EQ(
      names(*app::run_read(temp_.services(), temp_.actor(), app::list_members, query)).front(),
      "Lê Thị Bình");
}

TEST_F(Registry, FiltersAndPaging) {
  app::MemberQuery query;
  query.sex = "female";
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 2);
  query = {};
  query.age_min = 40;  // born on or before 1986-11-29
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 3);
  query.age_max = 40;
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 1);
  query = {};
  query.statuses = {"probationary"};
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 0);
  query = {};
  query.limit = 3;
  query.offset = 3;
  auto page = app::run_read(temp_.services(), temp_.actor(), app::list_members, query);
  EXPECT_EQ(page->total, 4);
  EXPECT_EQ(page->items.size(), 1u);
  query = {};
  query.sex = "unknown";
  auto bad = app::run_read(temp_.services(), temp_.actor(), app::list_members, query);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields[0].field, "sex");
}

TEST_F(Registry, TheTotalOfASubtreeMatchesItsCounts) {
  app::MemberQuery query;
  query.org = tree_[2];
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 4);
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[2])->view.counts.on_roll,
      4);
  query.org = tree_[3];
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 2);
}

TEST_F(Registry, UpdatesRecordHistoryAndRespectVersions) {
  auto detail = app::run_read(
      temp_.services(), temp_.actor(),
      [](app::Context& c, MemberId id) { return app::get_member(c, id); }, an_);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->history.size(), 1u);
  EXPECT_EQ(detail->history[0].action, "create");
  const int64_t version = detail->member.version;
  auto updated = app::run_write(temp_.services(), temp_.actor(), app::update_member, an_, version,
                                domain::MemberPatch{{"phone", "0912 345 678"}});
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->member.phone, "0912345678");
  EXPECT_EQ(updated->member.version, version + 1);
  ASSERT_EQ(updated->history.size(), 2u);
  EXPECT_EQ(updated->history[0].action, "update");
  ASSERT_EQ(updated->history[0].changes.size(), 1u);
  EXPECT_EQ(updated->history[0].changes[0].field, "phone");
  EXPECT_EQ(updated->history[0].changes[0].after, "0912345678");
  EXPECT_EQ(updated->history[0].actor, "test");
  auto stale = app::run_write(temp_.services(), temp_.actor(), app::update_member, an_, version,
                              domain::MemberPatch{{"phone", "0987654321"}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(app::run_read(
                temp_.services(), temp_.actor(),
                [](app::Context& c, MemberId id) { return app::get_member(c, id); }, an_)
                ->member.phone,
            "0912345678");
}

TEST_F(Registry, StatusAndMoveChangesKeepCountsAndSearch) {
  auto detail = app::run_read(
      temp_.services(), temp_.actor(),
      [](app::Context& c, MemberId id) { return app::get_member(c, id); }, an_);
  // A status changes through its procedure; the same PATCH refuses it and changes nothing.
  auto refused = app::run_write(
      temp_.services(), temp_.actor(), app::update_member, an_, detail->member.version,
      domain::MemberPatch{{"status", "deceased"}, {"org_id", std::to_string(tree_[4].value)}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "status");
  EXPECT_EQ(refused.error().fields.front().code, "changed_by_procedure");
  auto deceased = app::run_write(
      temp_.services(), temp_.actor(), app::record_exit, an_, detail->member.version,
      domain::ExitRequest{"deceased", *Date::parse("2026-01-10"), "deceased", {}, ""});
  ASSERT_TRUE(deceased) << deceased.error().reason;
  ASSERT_TRUE(app::run_write(temp_.services(), temp_.actor(), app::update_member, an_,
                             deceased->version,
                             domain::MemberPatch{{"org_id", std::to_string(tree_[4].value)}}));
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[3])->view.counts.on_roll,
      1);
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[4])->view.counts.on_roll,
      2);
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[4])->view.counts.total, 3);
  app::MemberQuery query;
  query.q = "nguyen";
  query.org = tree_[4];
  query.statuses = {"deceased"};
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::list_members, query)->total, 1);
  auto problems = check_consistency(temp_.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST_F(Registry, DuplicatesAndBadReferencesWriteNothing) {
  auto duplicate = app::run_write(temp_.services(), temp_.actor(), app::create_member,
                                  valid_member_patch(tree_[3].value, "001080000001"));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_EQ(duplicate.error().fields[0].field, "citizen_id");
  auto not_a_cell = app::run_write(temp_.services(), temp_.actor(), app::create_member,
                                   valid_member_patch(tree_[2].value, "001080000077"));
  ASSERT_FALSE(not_a_cell);
  EXPECT_EQ(not_a_cell.error().fields[0].code, "org_cannot_hold_members");
  auto missing = app::run_write(temp_.services(), temp_.actor(), app::create_member,
                                valid_member_patch(999, "001080000078"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields[0].code, "org_not_found");
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::list_members, app::MemberQuery{})->total,
      4);
}

TEST_F(Registry, BreakdownsCountTheSubtreeOnTheRoll) {
  auto breakdowns = app::run_read(temp_.services(), temp_.actor(), app::org_breakdowns, tree_[0]);
  ASSERT_TRUE(breakdowns);
  for (const app::Breakdown& breakdown : *breakdowns) {
    int64_t sum = 0;
    for (const auto& [value, count] : breakdown.values) sum += count;
    EXPECT_EQ(sum, 4) << breakdown.dimension;
    if (breakdown.dimension == "sex") {
      EXPECT_EQ(breakdown.values.size(), 2u);
    }
  }
}

TEST_F(Registry, CsvExportThenImportRoundTrips) {
  std::ostringstream exported;
  auto written = app::export_members(temp_.services(), temp_.actor(), app::MemberQuery{}, exported,
                                     {true, false});
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, 4);
  const std::string csv = exported.str();
  EXPECT_NE(csv.find("Họ và tên đang dùng"), std::string::npos);
  EXPECT_NE(csv.find("Đảng viên chính thức"), std::string::npos);
  // Importing the same people again is refused row by row (duplicate CCCDs), writing nothing.
  std::istringstream again(csv);
  auto refused = app::import_members(temp_.services(), temp_.actor(), again, {});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.size(), 4u);
  EXPECT_EQ(refused.error().fields[0].code, "duplicate");
  EXPECT_EQ(refused.error().fields[0].params.back().second, "2");  // line 2 of the file
  // Into a fresh database (same tree) the export imports completely.
  TempStore fresh;
  fresh.make_tree();
  std::istringstream in(csv);
  auto report = app::import_members(fresh.services(), fresh.actor(), in, {});
  ASSERT_TRUE(report) << report.error().reason << " " << report.error().fields[0].field << " "
                      << report.error().fields[0].code;
  EXPECT_EQ(report->imported, 4);
  EXPECT_EQ(names(search(fresh, "dang thi binh")), std::vector<std::string>{"Đặng Thị Bình"});
}

TEST_F(Registry, ImportChecksEveryRowAndWritesAllOrNone) {
  std::istringstream in(
      "full_name,sex,birth_date,ethnicity,religion,citizen_id,admission_date,official_date,org_"
      "code,status\n"
      "Phạm Văn Cường,Nam,1979-01-01,Kinh,Không,001079111111,2001-01-01,2002-01-01,B.1.1.1,Đảng "
      "viên chính thức\n"
      "Hoàng Thị "
      "Dung,Nữ,2024-02-30,Kinh,Không,001179222222,2001-01-01,2002-01-01,B.1.1.1,official\n"
      "Vũ Văn Em,Nam,1979-01-01,Kinh,Không,00107933333X,2001-01-01,2002-01-01,NOPE,official\n"
      "Phạm Văn "
      "Cường,Nam,1979-01-01,Kinh,Không,001079111111,2001-01-01,2002-01-01,B.1.1.1,official\n");
  auto result = app::import_members(temp_.services(), temp_.actor(), in, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().reason, "import_failed");
  std::vector<std::string> found;
  for (const FieldError& error : result.error().fields)
    found.push_back(error.params.back().second + ":" + error.field + ":" + error.code);
  EXPECT_EQ(found,
            (std::vector<std::string>{"3:birth_date:invalid_date", "4:org_code:org_not_found",
                                      "5:citizen_id:duplicate_in_file"}));
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::list_members, app::MemberQuery{})->total,
      4);
  std::istringstream good(
      "Họ và tên đang dùng,Giới tính,Ngày sinh,Dân tộc,Tôn giáo,Số CCCD,Ngày vào Đảng,Ngày chính "
      "thức,Mã chi bộ,Trạng thái\n"
      "Phạm Văn Cường,Nam,1979-01-01,Kinh,Không,001079111111,2001-01-01,2002-01-01,B.1.1.1,Đảng "
      "viên chính thức\r\n");
  auto imported = app::import_members(temp_.services(), temp_.actor(), good, {});
  ASSERT_TRUE(imported) << imported.error().reason;
  EXPECT_EQ(imported->imported, 1);
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::list_members, app::MemberQuery{})->total,
      5);
}

TEST_F(Registry, ImportRejectsUnknownAndMissingColumns) {
  std::istringstream in("full_name,shoe_size\nA,42\n");
  auto result = app::import_members(temp_.services(), temp_.actor(), in, {});
  ASSERT_FALSE(result);
  std::vector<std::string> codes;
  for (const FieldError& error : result.error().fields) codes.push_back(error.code);
  EXPECT_EQ(codes.front(), "column_unknown");
  EXPECT_NE(std::find(codes.begin(), codes.end(), "column_missing"), codes.end());
}

}  // namespace
}  // namespace chibo::storage
