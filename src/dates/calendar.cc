#include "dates/calendar.h"

#include <algorithm>

namespace nerkit::internal::dates {
namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

CivilDate ClampYear(CivilDate d) {
  if (d.year < kMinYear) return CivilDate{kMinYear, 1, 1};
  if (d.year > kMaxYear) return CivilDate{kMaxYear, 12, 31};
  return d;
}

}  // namespace

CivilDate AddDays(const CivilDate& date, long days) {
  return ClampYear(CivilDate::FromDays(date.ToDays() + days));
}

CivilDate AddMonths(const CivilDate& date, long months) {
  long index = static_cast<long>(date.year) * 12 + (date.month - 1) + months;
  long year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = static_cast<int>(index - year * 12) + 1;
  if (year < kMinYear) return CivilDate{kMinYear, 1, 1};
  if (year > kMaxYear) return CivilDate{kMaxYear, 12, 31};
  const int y = static_cast<int>(year);
  return CivilDate{y, month, std::min(date.day, DaysInMonth(y, month))};
}

CivilDate AddYears(const CivilDate& date, long years) { return AddMonths(date, years * 12); }

IsoWeek IsoWeekOf(const CivilDate& date) {
  // The Thursday of the date's week decides the week-numbering year.
  const CivilDate thursday = CivilDate::FromDays(date.ToDays() + (4 - date.Weekday()));
  const long jan1 = CivilDate{thursday.year, 1, 1}.ToDays();
  return IsoWeek{thursday.year, static_cast<int>((thursday.ToDays() - jan1) / 7 + 1)};
}

int IsoWeeksInYear(int year) {
  const int jan1 = CivilDate{year, 1, 1}.Weekday();
  return (jan1 == 4 || (jan1 == 3 && IsLeapYear(year))) ? 53 : 52;
}

CivilDate IsoWeekMonday(int year, int week) {
  // 4 January is always in week 1.
  const CivilDate jan4{year, 1, 4};
  const long monday1 = jan4.ToDays() - (jan4.Weekday() - 1);
  return CivilDate::FromDays(monday1 + 7L * (week - 1));
}

IsoWeek AddWeeks(const CivilDate& date, long weeks) { return IsoWeekOf(AddDays(date, 7 * weeks)); }

int QuarterOf(int month) { return (month - 1) / 3 + 1; }

std::optional<CivilDate> NthWeekdayOfMonth(int year, int month, int weekday, int n) {
  if (month < 1 || month > 12 || weekday < 1 || weekday > 7 || n == 0) return std::nullopt;
  if (n > 0) {
    const CivilDate first{year, month, 1};
    const int offset = (weekday - first.Weekday() + 7) % 7;
    const int day = 1 + offset + 7 * (n - 1);
    return CivilDate::FromParts(year, month, day);
  }
  const CivilDate last{year, month, DaysInMonth(year, month)};
  const int offset = (last.Weekday() - weekday + 7) % 7;
  return CivilDate::FromParts(year, month, last.day - offset);
}

CivilDate EasterSunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDate{year, month, day};
}

CivilDate WeekdayBefore(const CivilDate& date, int weekday) {
  int back = (date.Weekday() - weekday + 7) % 7;
  if (back == 0) back = 7;
  return AddDays(date, -back);
}

CivilDate WeekdayAfter(const CivilDate& date, int weekday) {
  int ahead = (weekday - date.Weekday() + 7) % 7;
  if (ahead == 0) ahead = 7;
  return AddDays(date, ahead);
}

}  // namespace nerkit::internal::dates
