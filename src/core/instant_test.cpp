#include "core/instant.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

TEST(Instant, RoundTripsTheClockFormat) {
  const auto parsed = parse_instant("2026-11-29T06:30:05.123Z");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(format_instant(*parsed), "2026-11-29T06:30:05.123Z");
  EXPECT_EQ(*parse_instant("1970-01-01T00:00:01Z"), 1000);
  EXPECT_EQ(format_instant(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Instant, RefusesWhatIsNotAnInstant) {
  for (const char* text :
       {"", "2026-11-29", "2026-11-29T24:00:00Z", "2026-02-30T00:00:00Z", "2026-11-29T06:30:05.12Z",
        "2026-11-29 06:30:05Z", "2026-11-29T06:30:05"}) {
    EXPECT_FALSE(parse_instant(text)) << text;
  }
}

TEST(Instant, ShiftsAcrossDaysAndYears) {
  EXPECT_EQ(shift_instant("2026-12-31T23:50:00.000Z", 15 * 60'000), "2027-01-01T00:05:00.000Z");
  EXPECT_EQ(shift_instant("2024-03-01T00:00:00.000Z", -1), "2024-02-29T23:59:59.999Z");
  EXPECT_EQ(shift_instant("garbage", 5), "garbage");
}

TEST(Instant, CivilDaysAreVietnamDays) {
  // 17:00 UTC is already midnight in Hà Nội.
  EXPECT_EQ(civil_date_of(*parse_instant("2026-12-02T16:59:59.999Z")).iso(), "2026-12-02");
  EXPECT_EQ(civil_date_of(*parse_instant("2026-12-02T17:00:00.000Z")).iso(), "2026-12-03");
  EXPECT_EQ(civil_date_of(-1).iso(), "1970-01-01");
  const Date day = *Date::parse("2026-12-03");
  EXPECT_EQ(format_instant(civil_day_start(day)), "2026-12-02T17:00:00.000Z");
  EXPECT_EQ(format_instant(civil_day_end(day)), "2026-12-03T16:59:59.999Z");
}

}  // namespace
}  // namespace chibo
