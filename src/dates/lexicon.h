// The words the date normaliser understands: what the text captured by each named group of a
// date rule means (month and weekday names, numbers written in digits or words, ordinals, units,
// seasons, parts of the day, holidays, relative and direction words).
//
// Every parser takes the captured text as written (any case, curly or straight apostrophes,
// trailing period of an abbreviation, hyphens or spaces inside number words) and returns nullopt
// when it does not understand it. All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nerkit::internal::dates {

// Lower-case ASCII copy with curly apostrophes made straight, runs of white space and hyphens
// made one space, and a trailing period removed ("Sept." -> "sept", "twenty-six" -> "twenty six").
std::string NormalizeWords(std::string_view text);

// "January", "Jan", "Jan.", "Sept", "1".."12", "01" -> 1..12.
std::optional<int> ParseMonth(std::string_view text);

// "Monday", "Mon", "Tues.", "Mondays" -> 1..7 (ISO: Monday = 1).
std::optional<int> ParseWeekday(std::string_view text);

// A quantity: "3", "1,500", "2.5", "1/2", "2 1/2", "a", "an", "one" .. "ninety-nine", "a hundred",
// "two thousand", "a dozen", "a couple of", "half a", "a year and a half" style "and a half".
struct Quantity {
  double value = 0;    // meaningful when !vague
  bool vague = false;  // "several", "a few", "some", "many", "dozens of": an unknown number
};
std::optional<Quantity> ParseQuantity(std::string_view text);

// A cardinal number in words or digits ("twenty-six", "26", "one hundred and five") -> value.
std::optional<long> ParseCardinal(std::string_view text);

// An ordinal or a plain day number: "26th", "26", "twenty-sixth", "third", "1st" -> value.
std::optional<int> ParseOrdinal(std::string_view text);

// A year: "2024", "'96" / "96" (two digits, see below), "nineteen ninety-six", "two thousand
// one", "twenty twenty-four". Two-digit years take the century that puts them at most 20 years
// after `reference_year` (or, with no reference, 1950..2049).
struct Year {
  int value = 0;
  bool two_digit = false;
};
std::optional<Year> ParseYear(std::string_view text, std::optional<int> reference_year);

// A decade as its TIMEX3 prefix: "1990s" -> 199, "'90s" / "90s" / "nineties" -> 199 (the century
// that puts it at or before the reference decade; 19.. without a reference), "2000s" -> 200.
std::optional<int> ParseDecade(std::string_view text, std::optional<int> reference_year);

// A century as its TIMEX3 prefix: "20th", "twentieth" -> 19; "21st" -> 20.
std::optional<int> ParseCentury(std::string_view text);

// Units of time, in the order of their length.
enum class Unit {
  kSecond,
  kMinute,
  kHour,
  kDay,
  kNight,
  kWeekend,
  kWeek,
  kFortnight,
  kMonth,
  kQuarter,
  kHalf,
  kYear,
  kDecade,
  kCentury,
};
// "year", "years", "yr", "daily", "annually", "annual", "quarterly", "biweekly" (kWeek with
// multiplier 2) ... -> the unit and how many of it one word means.
struct UnitWord {
  Unit unit = Unit::kDay;
  int multiplier = 1;
};
std::optional<UnitWord> ParseUnit(std::string_view text);

// Seasons: 1 spring, 2 summer, 3 fall/autumn, 4 winter; their TIMEX3 codes SP, SU, FA, WI.
std::optional<int> ParseSeason(std::string_view text);
std::string_view SeasonCode(int season);

// Parts of the day as TIMEX3 codes: "morning" -> MO, "afternoon" / "mid-afternoon" -> AF,
// "evening" -> EV, "night" / "tonight" / "overnight" / "nights" -> NI.
std::optional<std::string_view> ParsePartOfDay(std::string_view text);

// A clock hour: "3" .. "23", "noon" / "midday" (12), "midnight" (24).
std::optional<int> ParseHour(std::string_view text);

// "am" / "a.m." / "AM" -> false, "pm" / "p.m." -> true.
std::optional<bool> ParsePm(std::string_view text);

// Relative words: "last", "past", "previous", "preceding", "prior", "latest", "most recent",
// "this past" -> -1; "next", "coming", "following", "upcoming", "forthcoming", "this coming" -> +1;
// "this", "current", "present", "same" -> 0. ("the" is not relative: the normaliser decides a
// "the weekend" or "the quarter" by the tense of the sentence.)
std::optional<int> ParseRelative(std::string_view text);

// Whether a relative word counts from the time the text is speaking of rather than from the
// reference date: "following", "previous", "preceding", "prior", "subsequent", "ensuing",
// "that", "same", "the next" ("the next day" in a story is the day after the story's day).
bool IsAnaphoricRelative(std::string_view text);

// Direction of an offset: "ago", "earlier", "before", "back", "previously" -> -1; "later",
// "after", "hence", "from now", "on", "away", "in" -> +1.
std::optional<int> ParseDirection(std::string_view text);

// Day offsets for the deictic groups: today/tonight -> 0, yesterday -> -1, tomorrow -> +1, and
// "the day before yesterday" -> -2, "the day after tomorrow" -> +2.
std::optional<int> ParseDayOffset(std::string_view text, int base);

// A holiday's date in a given year ("Christmas", "Christmas Eve", "New Year's Day", "Easter",
// "Good Friday", "Thanksgiving", "Independence Day", "Labor Day", "Memorial Day", "Halloween",
// "Valentine's Day", "Boxing Day", "Veterans Day", "Mother's Day", "Father's Day",
// "Election Day" ...). nullopt for an unknown name; IsKnownHoliday() tells whether a name is
// known at all.
struct MonthDay {
  int month = 1;
  int day = 1;
};
std::optional<MonthDay> HolidayDate(std::string_view name, int year);
bool IsKnownHoliday(std::string_view name);

}  // namespace nerkit::internal::dates
