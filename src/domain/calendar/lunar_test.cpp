#include "domain/calendar/lunar.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

TEST(Lunar, TetOfTheAnnouncedYears) {
  // Mùng 1 Tết as the Government's holiday notices give it.
  EXPECT_EQ(lunar_new_year(2020), date("2020-01-25"));
  EXPECT_EQ(lunar_new_year(2021), date("2021-02-12"));
  EXPECT_EQ(lunar_new_year(2022), date("2022-02-01"));
  EXPECT_EQ(lunar_new_year(2023), date("2023-01-22"));
  EXPECT_EQ(lunar_new_year(2024), date("2024-02-10"));
  EXPECT_EQ(lunar_new_year(2025), date("2025-01-29"));
  EXPECT_EQ(lunar_new_year(2026), date("2026-02-17"));
  EXPECT_EQ(lunar_new_year(2027), date("2027-02-06"));
}

TEST(Lunar, TetOfEarlierYearsAndWhereVietnamDiffersFromChina) {
  EXPECT_EQ(lunar_new_year(1995), date("1995-01-31"));
  EXPECT_EQ(lunar_new_year(1999), date("1999-02-16"));
  EXPECT_EQ(lunar_new_year(2000), date("2000-02-05"));
  EXPECT_EQ(lunar_new_year(2002), date("2002-02-12"));
  // Vietnam (UTC+7) keeps the new moon of 17/2/2007 on that day; China's is 18/2.
  EXPECT_EQ(lunar_new_year(2007), date("2007-02-17"));
  EXPECT_EQ(lunar_new_year(2030), date("2030-02-02"));  // China: 3/2 (the new moon at 23:07 UTC+7)
  EXPECT_EQ(lunar_new_year(2035), date("2035-02-08"));
}

TEST(Lunar, HungKingsDayOfTheAnnouncedYears) {
  // 10/3 âm lịch, as holidays.tsv lists it (or the Sunday it fell on).
  EXPECT_EQ(lunar_to_solar(2020, 3, 10), date("2020-04-02"));
  EXPECT_EQ(lunar_to_solar(2021, 3, 10), date("2021-04-21"));
  EXPECT_EQ(lunar_to_solar(2022, 3, 10), date("2022-04-10"));
  EXPECT_EQ(lunar_to_solar(2023, 3, 10), date("2023-04-29"));  // after the leap 2nd month
  EXPECT_EQ(lunar_to_solar(2024, 3, 10), date("2024-04-18"));
  EXPECT_EQ(lunar_to_solar(2025, 3, 10), date("2025-04-07"));
  EXPECT_EQ(lunar_to_solar(2026, 3, 10), date("2026-04-26"));
  EXPECT_EQ(lunar_to_solar(2027, 3, 10), date("2027-04-16"));
}

TEST(Lunar, HungKingsDayOf2007) { EXPECT_EQ(lunar_to_solar(2007, 3, 10), date("2007-04-26")); }

TEST(Lunar, RefusesDatesThatDoNotExist) {
  EXPECT_FALSE(lunar_to_solar(2024, 3, 10, true));  // 2024 has no leap month
  EXPECT_TRUE(lunar_to_solar(2023, 2, 1, true));    // 2023 has a leap 2nd month
  EXPECT_FALSE(lunar_to_solar(1800, 1, 1));
  EXPECT_FALSE(lunar_to_solar(2024, 13, 1));
}

}  // namespace
}  // namespace chibo::domain
