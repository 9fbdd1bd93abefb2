#include "domain/calendar/lunar.h"

#include <cmath>

namespace chibo::domain {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTimeZone = 7.0;               // Vietnam: UTC+7
constexpr double kSynodicMonth = 29.530588853;  // days
constexpr double kEpoch = 2415021.076998695;    // the new moon of 1900-01-01 (Julian day)
constexpr int32_t kUnixJulianDay = 2440588;     // Julian day number of 1970-01-01

long julian_day(Date date) { return date.serial() + kUnixJulianDay; }
Date from_julian_day(long jd) { return Date(static_cast<int32_t>(jd - kUnixJulianDay)); }

// The instant (Julian day, UT) of the k-th new moon after 1900-01-01.
double new_moon(long k) {
  const double t = static_cast<double>(k) / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double dr = kPi / 180;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * dr) + 0.0021 * std::sin(2 * dr * m);
  c1 = c1 - 0.4068 * std::sin(mpr * dr) + 0.0161 * std::sin(dr * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(dr * 2 * f) - 0.0051 * std::sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(dr * (m - mpr)) + 0.0004 * std::sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(dr * (2 * f - m)) - 0.0006 * std::sin(dr * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(dr * (2 * f - mpr)) + 0.0005 * std::sin(dr * (2 * mpr + m));
  const double delta_t =
      t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
              : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - delta_t;
}

// The day (Julian day number, local time) of the k-th new moon.
long new_moon_day(long k) {
  return static_cast<long>(std::floor(new_moon(k) + 0.5 + kTimeZone / 24));
}

// The sun's longitude at the start of local day `day`, as its twelfth of the circle (0..11).
int sun_longitude_sector(long day) {
  const double t = (static_cast<double>(day) - 0.5 - kTimeZone / 24 - 2451545.0) / 36525;
  const double t2 = t * t;
  const double dr = kPi / 180;
  const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(dr * m);
  dl += (0.019993 - 0.000101 * t) * std::sin(dr * 2 * m) + 0.000290 * std::sin(dr * 3 * m);
  double l = (l0 + dl) * dr;
  l -= kPi * 2 * std::floor(l / (kPi * 2));
  return static_cast<int>(std::floor(l / kPi * 6));
}

// The first day of the 11th lunar month (the one holding the winter solstice) of solar year
// `year`.
long month_eleven(int year) {
  const long off = julian_day(*Date::from_ymd(year, 12, 31)) - 2415021;
  const long k = static_cast<long>(std::floor(static_cast<double>(off) / kSynodicMonth));
  const long day = new_moon_day(k);
  return sun_longitude_sector(day) >= 9 ? new_moon_day(k - 1) : day;
}

// Which month after the 11th month starting on `a11` is the leap month (the first whose sun
// stays in one sector).
int leap_month_offset(long a11) {
  const long k = static_cast<long>(std::floor((a11 - kEpoch) / kSynodicMonth + 0.5));
  int i = 1;
  int arc = sun_longitude_sector(new_moon_day(k + i));
  int last = 0;
  do {
    last = arc;
    ++i;
    arc = sun_longitude_sector(new_moon_day(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

}  // namespace

std::optional<Date> lunar_to_solar(int year, int month, int day, bool leap) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 30)
    return std::nullopt;
  long a11 = 0;
  long b11 = 0;
  if (month < 11) {
    a11 = month_eleven(year - 1);
    b11 = month_eleven(year);
  } else {
    a11 = month_eleven(year);
    b11 = month_eleven(year + 1);
  }
  const long k = static_cast<long>(std::floor(0.5 + (a11 - kEpoch) / kSynodicMonth));
  int off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {  // 13 months: one of them is a leap month
    const int leap_off = leap_month_offset(a11);
    int leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (leap && month != leap_month) return std::nullopt;
    if (leap || off >= leap_off) ++off;
  } else if (leap) {
    return std::nullopt;
  }
  const long start = new_moon_day(k + off);
  const long next = new_moon_day(k + off + 1);
  if (day > next - start) return std::nullopt;
  return from_julian_day(start + day - 1);
}

std::optional<Date> lunar_new_year(int year) { return lunar_to_solar(year, 1, 1); }

}  // namespace chibo::domain
