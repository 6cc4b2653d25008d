// Calendar arithmetic for the dates stage, on top of nerkit::CivilDate (proleptic Gregorian):
// shifting by days, months and years with month ends clamped, ISO 8601 weeks (including week 53),
// quarters, and the movable feasts and "n-th weekday of a month" holidays that news mentions.
//
// Every function is pure and thread-safe. Years stay within 1..9999; results that would leave
// that range are clamped to it (a date so far off is no date a news article means).
#pragma once

#include <optional>

#include "nerkit/date.h"

namespace nerkit::internal::dates {

// `date` moved by `days` days (negative: into the past).
CivilDate AddDays(const CivilDate& date, long days);

// `date` moved by whole months; the day is clamped to the length of the target month
// (2024-01-31 + 1 month = 2024-02-29, 2023-01-31 + 1 month = 2023-02-28).
CivilDate AddMonths(const CivilDate& date, long months);

// `date` moved by whole years; 29 February becomes 28 February in a common year.
CivilDate AddYears(const CivilDate& date, long years);

// An ISO 8601 week: the week-numbering year (which differs from the calendar year around
// 1 January) and the week 1..53. Week 1 is the week with the year's first Thursday.
struct IsoWeek {
  int year = 1970;
  int week = 1;
  auto operator<=>(const IsoWeek&) const = default;
};

IsoWeek IsoWeekOf(const CivilDate& date);

// 53 for years whose 1 January is a Thursday, or a Wednesday in a leap year; else 52.
int IsoWeeksInYear(int year);

// The Monday of an ISO week. Requires 1 <= week <= IsoWeeksInYear(year).
CivilDate IsoWeekMonday(int year, int week);

// The ISO week `weeks` weeks away from `date`'s week.
IsoWeek AddWeeks(const CivilDate& date, long weeks);

// 1..4 for months 1..12.
int QuarterOf(int month);

// The n-th (1-based) given ISO weekday (1 = Monday .. 7 = Sunday) of a month, or with n = -1 the
// last one. nullopt if the month has no such day (a fifth Monday).
std::optional<CivilDate> NthWeekdayOfMonth(int year, int month, int weekday, int n);

// Western (Gregorian) Easter Sunday of a year.
CivilDate EasterSunday(int year);

// The nearest day with ISO weekday `weekday` strictly before (direction < 0) or strictly after
// (direction > 0) `date`.
CivilDate WeekdayBefore(const CivilDate& date, int weekday);
CivilDate WeekdayAfter(const CivilDate& date, int weekday);

}  // namespace nerkit::internal::dates
