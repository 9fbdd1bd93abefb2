#include "domain/lifecycle/historical_gap.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;
using chibo::testing::has_error;

Member admitted_1985() {
  Member member;
  member.status = "official";
  member.admission_date = date("1985-05-19");
  return member;
}

GapRequest removal_2003_to_2008() {
  return {date("2003-03-01"),
          date("2008-06-15"),
          "readmission",
          {"112-QĐ/ĐU", "Đảng ủy Bộ"},
          "Xóa tên năm 2003, kết nạp lại năm 2008"};
}

const Date kGapToday = date("2026-12-02");

TEST(HistoricalGap, AnOldRemovalAndReadmissionIsRecordable) {
  EXPECT_TRUE(check_historical_gap(admitted_1985(), removal_2003_to_2008(), {}, kGapToday).empty());
}

TEST(HistoricalGap, EveryBadInputNamesItsField) {
  GapRequest bad = removal_2003_to_2008();
  bad.reason = "holiday";
  bad.document = {};
  bad.note.clear();
  bad.to = bad.from;
  auto errors = check_historical_gap(admitted_1985(), bad, {}, kGapToday);
  EXPECT_TRUE(has_error(errors, "reason", "unknown_code"));
  EXPECT_TRUE(has_error(errors, "document.number", "required"));
  EXPECT_TRUE(has_error(errors, "document.authority", "required"));
  EXPECT_TRUE(has_error(errors, "note", "required"));
  EXPECT_TRUE(has_error(errors, "to", "gap_not_after_start"));
  GapRequest early = removal_2003_to_2008();
  early.from = date("1984-01-01");
  EXPECT_TRUE(has_error(check_historical_gap(admitted_1985(), early, {}, kGapToday), "from",
                        "gap_before_admission"));
  GapRequest future = removal_2003_to_2008();
  future.to = date("2026-12-03");
  EXPECT_TRUE(has_error(check_historical_gap(admitted_1985(), future, {}, kGapToday), "to",
                        "date_in_future"));
}

TEST(HistoricalGap, OverlapsAreRefusedButAdjacentGapsAreNot) {
  const std::vector<Gap> stored = {{date("2008-06-15"), date("2009-01-01")}};
  GapRequest overlapping = removal_2003_to_2008();
  overlapping.to = date("2008-06-16");
  EXPECT_TRUE(has_error(check_historical_gap(admitted_1985(), overlapping, stored, kGapToday),
                        "from", "gap_overlaps"));
  EXPECT_TRUE(
      check_historical_gap(admitted_1985(), removal_2003_to_2008(), stored, kGapToday).empty());
}

}  // namespace
}  // namespace chibo::domain
