// nerkit/date.h: a calendar date, as used for a document's reference date.
//
// WHAT THIS IS
//   A proleptic Gregorian calendar date (year, month, day) with parsing from and formatting to
//   ISO 8601 "YYYY-MM-DD". The reference date of a document (its publication date) is what
//   relative expressions such as "last year" or "on Friday" are computed from.
//
//     std::optional<nerkit::CivilDate> d = nerkit::CivilDate::Parse("2024-04-26");
//     if (d) std::cout << d->ToString() << " is weekday " << d->Weekday();  // 5 (Friday)
//
// THREAD SAFETY
//   A plain value; all functions are pure.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace nerkit {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth(year, month)

  // Parses exactly "YYYY-MM-DD" (four-digit year 0001-9999) and checks that the day exists
  // (2023-02-29 is rejected). Returns nullopt otherwise.
  static std::optional<CivilDate> Parse(std::string_view iso);
  // Makes a date from its parts if they name a real day, else nullopt.
  static std::optional<CivilDate> FromParts(int year, int month, int day);
  // Days since 1970-01-01 (negative before), and back.
  static CivilDate FromDays(long days);
  long ToDays() const;

  // "YYYY-MM-DD".
  std::string ToString() const;
  // ISO weekday: 1 = Monday ... 7 = Sunday.
  int Weekday() const;

  auto operator<=>(const CivilDate&) const = default;
};

// Whether a year is a Gregorian leap year, and the number of days in a month (1..12).
bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace nerkit
