// The Vietnamese lunisolar calendar (âm lịch), for the holidays that follow it: Tết Nguyên đán
// (1/1) and Giỗ Tổ Hùng Vương (10/3). Vietnam reckons it at UTC+7 (China at UTC+8), so a few
// years differ from the Chinese calendar (Tết 2007 was 17 February here, 18 in China).
//
// The algorithm is Hồ Ngọc Đức's ("Âm lịch Việt Nam", public, used by most Vietnamese calendar
// software): new moons from Jean Meeus' "Astronomical Algorithms" series, the 11th month as the
// one holding the winter solstice, a leap month being the first without a major solar term.
// Good for 1900-2100 to the day; the tests check it against the Tết and Hùng Kings' days of the
// announced holiday calendars.
#pragma once

#include <optional>

#include "core/date.h"

namespace chibo::domain {

// The solar date of lunar day `day` of lunar month `month` (1..12; `leap`: the leap month of
// that number) of the lunar year that begins in solar year `year`. nullopt when the date does
// not exist (a leap month the year does not have, day 30 of a 29-day month, years outside
// 1900-2100).
std::optional<Date> lunar_to_solar(int year, int month, int day, bool leap = false);

// Tết Nguyên đán: 1/1 of the lunar year that begins in solar year `year`.
std::optional<Date> lunar_new_year(int year);

}  // namespace chibo::domain
