// The date normaliser: turns what the named capture groups of a date rule matched into a TIMEX3
// value, computing relative expressions from the document's reference date.
//
// WHAT THIS IS
//   A rule in dictionaries/rules/dates.rules recognises an expression and names its parts with
//   capture groups: (?P<month>...), (?P<day>...), (?P<rel>...), (?P<n>...), (?P<unit>...) and so
//   on (the vocabulary is the Field enum below; dictionaries/README.md documents it for users).
//   Normalize() reads those parts, never the rule id, so that a user's new pattern is normalised
//   without recompiling as long as it uses these group names.
//
//     FieldTexts f{};
//     f[static_cast<int>(Field::kRel)] = "last";
//     f[static_cast<int>(Field::kUnit)] = "year";
//     Normalized n = Normalize(Label::kDate, f, Context{.reference = CivilDate{2024, 4, 26}});
//     // n.value == "2023", n.uses_reference == true
//
// THREAD SAFETY
//   Pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dates/tense.h"
#include "nerkit/date.h"
#include "nerkit/entity.h"

namespace nerkit::internal::dates {

// The group names a date rule may use (besides the rule's own entity group, names starting
// with `x_`, which are free, and `reject`, `reject_*`, which discard a match).
enum class Field : std::uint8_t {
  kYear,       // 2024, '96, nineteen ninety-six
  kMonth,      // April, Apr., 4
  kDay,        // 26, 26th, twenty-sixth
  kWeekday,    // Friday, Fri.
  kWeek,       // ISO week number: "week 17"
  kQuarter,    // first..fourth, 1st..4th, 1..4
  kHalf,       // first, second (of a year)
  kSeason,     // spring, summer, fall, autumn, winter
  kPart,       // morning, afternoon, evening, night, tonight, overnight
  kDecade,     // 1990s, '90s, nineties
  kCentury,    // 20th, twentieth
  kHoliday,    // Christmas, Easter, Thanksgiving, New Year's Day ...
  kHour,       // 3, 15, noon, midnight
  kMinute,     // 00..59
  kSecond,     // 00..59
  kAmPm,       // a.m., pm
  kRel,        // last, next, this, past, coming, previous, current ...
  kN,          // a quantity: 3, three, a, a few, several, 2 1/2
  kUnit,       // day, week, month, quarter, year, decade, century, hour, weekend, daily ...
  kDir,        // ago, earlier, later, before, after, from now
  kToday,      // today, tonight: the reference day
  kYesterday,  // yesterday (the day before yesterday)
  kTomorrow,   // tomorrow (the day after tomorrow)
  kPresent,    // now, currently, these days: PRESENT_REF
  kPast,       // recently, the past, in recent years: PAST_REF
  kFuture,     // the future, soon: FUTURE_REF
  kMod,        // early, mid, late, the end of ...: part of the span, no change to the value
  kTimezone,   // EST, GMT: part of the span, no change to the value
  kCount,
};
inline constexpr int kFieldCount = static_cast<int>(Field::kCount);

// "year", "month", ... as written in a rule's (?P<name>...) group, and back.
std::optional<Field> FieldByName(std::string_view name);
std::string_view FieldName(Field field);

// What each group matched; an empty view is a group that did not take part.
using FieldTexts = std::array<std::string_view, kFieldCount>;

// Supplies the tense of the expression's sentence when the normaliser needs it (a bare weekday
// or month); computed lazily because most expressions do not.
class TenseSource {
 public:
  virtual ~TenseSource() = default;
  virtual Tense Get() = 0;
};

// What a value may be computed from besides the expression's own text.
struct Context {
  // The document's reference date (relative expressions: "last year", "Friday").
  std::optional<CivilDate> reference;
  // The tense of the expression's sentence; null when unknown.
  TenseSource* tense = nullptr;
  // The temporal focus: the value of the last calendar date the document mentioned before
  // the expression ("1995", "1989-Q3"), empty if none. Anaphoric words ("the following year",
  // "the previous day", "that month") count from it, and "a year earlier" right after a quarter
  // means that quarter a year before.
  std::string_view focus;
  bool focus_near = false;            // the focus is in this sentence or one of the two before
  bool focus_same_sentence = false;   // the focus is in this sentence (a time of day takes its day)
  bool focus_uses_reference = false;  // the focus itself was computed from the reference date
};

struct Normalized {
  std::string value;            // TIMEX3 value, empty when none can be given
  bool uses_reference = false;  // the value was computed from the reference date
  bool invalid = false;         // the parts name no real date (31 February): not a time expression
  bool sets_focus = false;      // a calendar date that later anaphoric expressions may count from
};

// Requires: label is one of kDate, kTime, kDuration, kSet.
Normalized Normalize(Label label, const FieldTexts& fields, const Context& context);

}  // namespace nerkit::internal::dates
