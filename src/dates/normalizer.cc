#include "dates/normalizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <initializer_list>

#include "dates/calendar.h"
#include "dates/lexicon.h"

namespace nerkit::internal::dates {
namespace {

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "year",      "month",    "day",     "weekday", "week",    "quarter", "half",
    "season",    "part",     "decade",  "century", "holiday", "hour",    "minute",
    "second",    "ampm",     "rel",     "n",       "unit",    "dir",     "today",
    "yesterday", "tomorrow", "present", "past",    "future",  "mod",     "timezone",
};

std::string Format(const char* format, int a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, a);
  return buf;
}
std::string Format(const char* format, int a, int b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

// Concatenation (GCC 12 warns, wrongly, about "literal" + std::string temporaries).
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

// Digits written by hand: snprintf was a tenth of the stage's time.
void AppendDigits(std::string& out, int value, int width) {
  char buf[12];
  int n = 0;
  unsigned v = static_cast<unsigned>(value);
  if (value < 0) {  // as printf: "-005"
    out.push_back('-');
    v = 0u - v;
    --width;
  }
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 && n < 11);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(buf[--n]);
}
std::string YearString(int year) {
  std::string s;
  AppendDigits(s, year, 4);
  return s;
}
std::string MonthString(int year, int month) {
  std::string s = YearString(year);
  s.push_back('-');
  AppendDigits(s, month, 2);
  return s;
}
// "2024-04-26", as CivilDate::ToString.
std::string DayString(const CivilDate& d) {
  std::string s = MonthString(d.year, d.month);
  s.push_back('-');
  AppendDigits(s, d.day, 2);
  return s;
}
std::string WeekString(const IsoWeek& w) { return Format("%04d-W%02d", w.year, w.week); }
std::string QuarterString(int year, int quarter) { return Format("%04d-Q%d", year, quarter); }
std::string HalfString(int year, int half) { return Format("%04d-H%d", year, half); }
std::string SeasonString(int year, int season) {
  return Cat({YearString(year), "-", SeasonCode(season)});
}

// A quantity as written in a duration: "3", "2.5", "X".
std::string Amount(double value) {
  if (value == std::floor(value) && value < 1e9) return std::to_string(static_cast<long>(value));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Seasons as a running index: year * 4 + (season - 1), winter counted in the year of its December.
int SeasonIndexOf(const CivilDate& d) {
  if (d.month == 12) return d.year * 4 + 3;
  if (d.month <= 2) return (d.year - 1) * 4 + 3;
  return d.year * 4 + (d.month - 3) / 3;
}

// The parsed parts of an expression.
struct Parts {
  std::optional<Year> year;
  std::optional<int> month, day, weekday, week, quarter, half, season, decade, century;
  std::string_view holiday;
  std::optional<std::string_view> part;
  std::optional<int> hour, minute, second;
  std::optional<bool> pm;
  bool utc = false;  // the time is given in UTC / GMT
  std::optional<int> rel;
  bool rel_the = false;        // "the weekend", "the quarter": decided by tense
  bool rel_anaphoric = false;  // "the following year", "that day": counted from the focus
  std::optional<Quantity> n;
  std::optional<UnitWord> unit;
  std::optional<int> dir;
  std::optional<int> day_offset;
  std::string_view fixed;  // PRESENT_REF, PAST_REF, FUTURE_REF
  bool bad = false;        // a group took part but was not understood
};

bool IsNumber(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename T>
void Take(std::string_view text, std::optional<T> parsed, std::optional<T>& out, bool& bad) {
  if (text.empty()) return;
  if (parsed)
    out = parsed;
  else
    bad = true;
}

Parts Parse(const FieldTexts& f, const std::optional<CivilDate>& reference) {
  Parts p;
  auto text = [&](Field field) { return f[static_cast<std::size_t>(field)]; };
  const std::optional<int> ref_year =
      reference ? std::optional<int>(reference->year) : std::nullopt;
  if (auto t = text(Field::kYear); !t.empty()) Take(t, ParseYear(t, ref_year), p.year, p.bad);
  std::string_view month_text = text(Field::kMonth);
  std::string_view day_text = text(Field::kDay);
  if (IsNumber(month_text) && IsNumber(day_text)) {
    // Numeric dates: a "month" above 12 with a "day" that can be a month is the other order
    // (04/26/2024 under a day-first rule).
    const auto m = ParseCardinal(month_text);
    const auto d = ParseCardinal(day_text);
    if (m && d && *m > 12 && *d <= 12) std::swap(month_text, day_text);
  }
  if (!month_text.empty()) Take(month_text, ParseMonth(month_text), p.month, p.bad);
  if (!day_text.empty()) Take(day_text, ParseOrdinal(day_text), p.day, p.bad);
  if (auto t = text(Field::kWeekday); !t.empty()) Take(t, ParseWeekday(t), p.weekday, p.bad);
  if (auto t = text(Field::kWeek); !t.empty()) Take(t, ParseOrdinal(t), p.week, p.bad);
  if (auto t = text(Field::kQuarter); !t.empty()) {
    std::string_view q = t;
    if (!q.empty() && (q[0] == 'Q' || q[0] == 'q')) q.remove_prefix(1);
    Take(t, ParseOrdinal(q), p.quarter, p.bad);
    if (p.quarter && (*p.quarter < 1 || *p.quarter > 4)) p.bad = true;
  }
  if (auto t = text(Field::kHalf); !t.empty()) {
    const std::string w = NormalizeWords(t);
    if (w == "last" || w == "latter" || w == "back")
      p.half = 2;
    else if (w == "early" || w == "front")
      p.half = 1;
    else
      Take(t, ParseOrdinal(t), p.half, p.bad);
    if (p.half && (*p.half < 1 || *p.half > 2)) p.bad = true;
  }
  if (auto t = text(Field::kSeason); !t.empty()) Take(t, ParseSeason(t), p.season, p.bad);
  if (auto t = text(Field::kPart); !t.empty()) Take(t, ParsePartOfDay(t), p.part, p.bad);
  if (auto t = text(Field::kDecade); !t.empty()) Take(t, ParseDecade(t, ref_year), p.decade, p.bad);
  if (auto t = text(Field::kCentury); !t.empty()) Take(t, ParseCentury(t), p.century, p.bad);
  if (auto t = text(Field::kHoliday); !t.empty()) {
    p.holiday = t;
    if (!IsKnownHoliday(t)) p.bad = true;
  }
  std::string_view minute_text = text(Field::kMinute);
  if (auto t = text(Field::kHour); !t.empty()) {
    // "0900", "1530", "915": the hour and the minute in one number.
    if ((t.size() == 3 || t.size() == 4) && minute_text.empty() && IsNumber(t)) {
      minute_text = t.substr(t.size() - 2);
      t = t.substr(0, t.size() - 2);
    }
    Take(t, ParseHour(t), p.hour, p.bad);
  }
  if (auto t = minute_text; !t.empty()) {
    const auto v = ParseCardinal(t);
    if (v && *v >= 0 && *v <= 59)
      p.minute = static_cast<int>(*v);
    else
      p.bad = true;
  }
  if (auto t = text(Field::kSecond); !t.empty()) {
    const auto v = ParseCardinal(t);
    if (v && *v >= 0 && *v <= 60)
      p.second = static_cast<int>(*v);
    else
      p.bad = true;
  }
  if (auto t = text(Field::kAmPm); !t.empty()) Take(t, ParsePm(t), p.pm, p.bad);
  if (auto t = text(Field::kTimezone); !t.empty()) {
    const std::string zone = NormalizeWords(t);
    p.utc = zone == "utc" || zone == "gmt" || zone == "z";
  }
  if (auto t = text(Field::kRel); !t.empty()) {
    if (NormalizeWords(t) == "the")
      p.rel_the = true;
    else
      Take(t, ParseRelative(t), p.rel, p.bad);
    p.rel_anaphoric = IsAnaphoricRelative(t);
  }
  if (auto t = text(Field::kN); !t.empty()) Take(t, ParseQuantity(t), p.n, p.bad);
  if (auto t = text(Field::kUnit); !t.empty()) Take(t, ParseUnit(t), p.unit, p.bad);
  if (auto t = text(Field::kDir); !t.empty()) Take(t, ParseDirection(t), p.dir, p.bad);
  if (auto t = text(Field::kToday); !t.empty()) p.day_offset = ParseDayOffset(t, 0);
  if (auto t = text(Field::kYesterday); !t.empty()) p.day_offset = ParseDayOffset(t, -1);
  if (auto t = text(Field::kTomorrow); !t.empty()) p.day_offset = ParseDayOffset(t, 1);
  if (!text(Field::kToday).empty() && NormalizeWords(text(Field::kToday)) == "tonight" && !p.part) {
    p.part = "NI";
  }
  if (!text(Field::kPresent).empty()) p.fixed = "PRESENT_REF";
  if (!text(Field::kPast).empty()) p.fixed = "PAST_REF";
  if (!text(Field::kFuture).empty()) p.fixed = "FUTURE_REF";
  if (p.hour && p.pm) {
    if (*p.hour > 12 || *p.hour == 0)
      p.bad = true;
    else if (*p.pm && *p.hour < 12)
      *p.hour += 12;
    else if (!*p.pm && *p.hour == 12)
      p.hour = 0;
  }
  return p;
}

// The date a focus value ("1995", "1989-Q3", "1998-10-23", "1998-W43") starts on.
std::optional<CivilDate> FocusDate(std::string_view v) {
  auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
    if (v.size() < from + n) return std::nullopt;
    int out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return std::nullopt;
      out = out * 10 + (v[i] - '0');
    }
    return out;
  };
  const auto year = digits(0, 4);
  if (!year || *year < 1) return std::nullopt;
  if (v.size() == 4) return CivilDate{*year, 1, 1};
  if (v.size() < 7 || v[4] != '-') return std::nullopt;
  if (v[5] == 'Q') {
    const auto q = digits(6, 1);
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    return CivilDate{*year, (*q - 1) * 3 + 1, 1};
  }
  if (v[5] == 'H') {
    const auto h = digits(6, 1);
    if (!h || *h < 1 || *h > 2) return std::nullopt;
    return CivilDate{*year, *h == 1 ? 1 : 7, 1};
  }
  if (v[5] == 'W') {
    const auto w = digits(6, 2);
    if (!w || *w < 1 || *w > IsoWeeksInYear(*year)) return std::nullopt;
    return IsoWeekMonday(*year, *w);
  }
  const auto month = digits(5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (v.size() >= 10 && v[7] == '-') {
    const auto day = digits(8, 2);
    if (!day) return std::nullopt;
    return CivilDate::FromParts(*year, *month, *day);
  }
  return CivilDate{*year, *month, 1};
}

// What the expression resolves to before the time of day is added.
struct Resolved {
  std::string value;
  std::optional<CivilDate> day;  // set when the value is one calendar day
  bool uses_reference = false;
  bool invalid = false;
};

Tense GetTense(TenseSource* tense) { return tense ? tense->Get() : Tense::kNone; }

// The year of a month (and day) that has none written. News mostly speaks of dates within a
// few months of its own: take the occurrence nearest to the reference, unless the tense of the
// sentence points the other way and the occurrence in that direction is not too far: within nine
// months for the past (the previous October in a past-tense sentence dated in May), eleven for
// the future ("will be signed in March" written in April). Tense markers are noisy ("said" is
// everywhere in news), hence the limits.
int YearByTense(int month, int day, const CivilDate& ref, TenseSource* tense) {
  // Months since year 0 (x2, so that a day-less month sits at its middle: month granularity).
  auto index = [](int y, int m, int d) {
    return (static_cast<long>(y) * 12 + (m - 1)) * 62 + (d == 0 ? 31 : 2 * d - 1);
  };
  const long now = index(ref.year, ref.month, day == 0 ? 0 : ref.day);
  const long same = index(ref.year, month, day);
  if (same == now) return ref.year;
  const int before = same < now ? ref.year : ref.year - 1;  // the last occurrence before
  const int after = same > now ? ref.year : ref.year + 1;   // the next occurrence after
  const long back = now - index(before, month, day);
  const long ahead = index(after, month, day) - now;
  constexpr long kNineMonths = 9 * 62;
  constexpr long kElevenMonths = 11 * 62;
  switch (GetTense(tense)) {
    case Tense::kPast:
      if (back <= kNineMonths) return before;
      break;
    case Tense::kFuture:
      if (ahead <= kElevenMonths) return after;
      break;
    case Tense::kNone:
      break;
  }
  return back <= ahead ? before : after;
}

// A weekday without "last"/"next": the reference day itself if it is that weekday; else the
// previous one in a past-tense sentence, the next one in a future-tense sentence, else the
// nearest.
CivilDate WeekdayByTense(int weekday, const CivilDate& ref, TenseSource* tense) {
  if (ref.Weekday() == weekday) return ref;
  switch (GetTense(tense)) {
    case Tense::kPast:
      return WeekdayBefore(ref, weekday);
    case Tense::kFuture:
      return WeekdayAfter(ref, weekday);
    case Tense::kNone:
      break;
  }
  const int back = (ref.Weekday() - weekday + 7) % 7;
  return back <= 3 ? WeekdayBefore(ref, weekday) : WeekdayAfter(ref, weekday);
}

// A date in `year` made of the parts that name a day, month or part of a year, or "" if the
// parts hold none of these. Sets r.day for a single day; r.invalid for an impossible date.
bool ComposeInYear(const Parts& p, int year, Resolved& r) {
  if (!p.holiday.empty()) {
    const auto md = HolidayDate(p.holiday, year);
    if (!md) return false;
    r.day = CivilDate{year, md->month, md->day};
    r.value = DayString(*r.day);
    return true;
  }
  if (p.month) {
    if (p.day) {
      const auto d = CivilDate::FromParts(year, *p.month, *p.day);
      if (!d) {
        r.invalid = true;
        return true;
      }
      r.day = d;
      r.value = DayString(*d);
    } else {
      r.value = MonthString(year, *p.month);
    }
    return true;
  }
  if (p.week) {
    if (*p.week < 1 || *p.week > IsoWeeksInYear(year)) {
      r.invalid = true;
      return true;
    }
    r.value = WeekString(IsoWeek{year, *p.week});
    return true;
  }
  if (p.quarter) {
    r.value = QuarterString(year, *p.quarter);
    return true;
  }
  if (p.half) {
    r.value = HalfString(year, *p.half);
    return true;
  }
  if (p.season) {
    r.value = SeasonString(year, *p.season);
    return true;
  }
  return false;
}

// The same, when no year is known: "XXXX-04-26", "XXXX-Q3".
bool ComposeWithoutYear(const Parts& p, Resolved& r) {
  if (p.month) {
    if (p.day) {
      // 29 February exists in some year; 30 February in none.
      if (*p.day < 1 || *p.day > DaysInMonth(2000, *p.month)) {
        r.invalid = true;
        return true;
      }
      r.value = Format("XXXX-%02d-%02d", *p.month, *p.day);
    } else {
      r.value = Format("XXXX-%02d", *p.month);
    }
    return true;
  }
  if (p.quarter) {
    r.value = Format("XXXX-Q%d", *p.quarter);
    return true;
  }
  if (p.half) {
    r.value = Format("XXXX-H%d", *p.half);
    return true;
  }
  if (p.season) {
    r.value = Cat({"XXXX-", SeasonCode(*p.season)});
    return true;
  }
  if (p.weekday) {
    r.value = Format("XXXX-WXX-%d", *p.weekday);
    return true;
  }
  return false;
}

// How many units of `unit` span the calendar's ten thousand years: a shift by more lands outside
// it ("99999999999 days later" has no value).
long MaxShift(Unit unit) {
  switch (unit) {
    case Unit::kYear:
      return 10000;
    case Unit::kHalf:
      return 20000;
    case Unit::kQuarter:
      return 40000;
    case Unit::kMonth:
      return 120000;
    case Unit::kFortnight:
      return 261000;
    case Unit::kWeek:
    case Unit::kWeekend:
      return 522000;
    case Unit::kDay:
    case Unit::kNight:
      return 3653000;
    case Unit::kDecade:
      return 1000;
    case Unit::kCentury:
      return 100;
    default:
      return 0;
  }
}

// Moves the reference by `count` units; the value has the unit's granularity. False when the
// result leaves the calendar (years 1-9999) or the unit is finer than a day.
bool Shift(const CivilDate& ref, Unit unit, long count, const Parts& p, Resolved& r) {
  if (count > MaxShift(unit) || count < -MaxShift(unit)) return false;
  switch (unit) {
    case Unit::kYear: {
      const int year = ref.year + static_cast<int>(count);
      if (year < 1 || year > 9999) return false;
      if (!ComposeInYear(p, year, r)) r.value = YearString(year);
      return true;
    }
    case Unit::kHalf: {
      long index = ref.year * 2L + (ref.month - 1) / 6 + count;
      r.value = HalfString(static_cast<int>(index / 2), static_cast<int>(index % 2) + 1);
      return true;
    }
    case Unit::kQuarter: {
      const long index = ref.year * 4L + (QuarterOf(ref.month) - 1) + count;
      r.value = QuarterString(static_cast<int>(index / 4), static_cast<int>(index % 4) + 1);
      return true;
    }
    case Unit::kMonth: {
      const CivilDate d = AddMonths(ref, count);
      if (p.day) {
        const auto day = CivilDate::FromParts(d.year, d.month, *p.day);
        if (!day) return false;
        r.day = day;
        r.value = DayString(*day);
      } else {
        r.value = MonthString(d.year, d.month);
      }
      return true;
    }
    case Unit::kFortnight:
      count *= 2;
      [[fallthrough]];
    case Unit::kWeek: {
      const IsoWeek w = AddWeeks(ref, count);
      if (p.weekday) {
        r.day = AddDays(IsoWeekMonday(w.year, w.week), *p.weekday - 1);
        r.value = DayString(*r.day);
      } else {
        r.value = WeekString(w);
      }
      return true;
    }
    case Unit::kWeekend:
      r.value = WeekString(AddWeeks(ref, count)) + "-WE";
      return true;
    case Unit::kDay:
    case Unit::kNight:
      r.day = AddDays(ref, count);
      r.value = DayString(*r.day);
      return true;
    case Unit::kDecade:
      r.value = Format("%03d", ref.year / 10 + static_cast<int>(count));
      return true;
    case Unit::kCentury:
      r.value = Format("%02d", ref.year / 100 + static_cast<int>(count));
      return true;
    case Unit::kHour:
    case Unit::kMinute:
    case Unit::kSecond:
      return false;
  }
  return false;
}

// last / next / this + a weekday, month, season, holiday or unit, counted from `base` (the
// reference date, or the focus for anaphoric words).
Resolved ResolveRelative(const Parts& p, const CivilDate& base, TenseSource* tense,
                         bool uses_reference) {
  Resolved r;
  r.uses_reference = uses_reference;
  const int rel = p.rel.value_or(0);
  if (p.unit && !(p.rel_the && p.weekday)) {
    Unit unit = p.unit->unit;
    long count = rel;
    if (p.rel_the) {
      // "the weekend" / "the quarter": a past-tense sentence means the last one.
      const Tense t = GetTense(tense);
      if (unit == Unit::kWeekend) {
        const bool weekend_now = base.Weekday() >= 6;
        count = t == Tense::kFuture ? (weekend_now ? 1 : 0) : (weekend_now ? 0 : -1);
      } else if (unit == Unit::kQuarter) {
        count = t == Tense::kPast ? -1 : 0;
      } else {
        count = 0;
      }
    }
    if (unit == Unit::kNight) {  // "last night" is the night of yesterday
      r.day = AddDays(base, count);
      r.value = DayString(*r.day);
      return r;
    }
    if (!Shift(base, unit, count, p, r)) r.value.clear();
    return r;
  }
  if (p.weekday && !p.month) {
    if (p.rel_the) {
      r.day = WeekdayByTense(*p.weekday, base, tense);
    } else if (rel < 0) {
      r.day = WeekdayBefore(base, *p.weekday);
    } else if (rel > 0) {
      r.day = WeekdayAfter(base, *p.weekday);
    } else {
      r.day = AddDays(base, *p.weekday - base.Weekday());
    }
    r.value = DayString(*r.day);
    return r;
  }
  if (p.month) {
    int year = base.year;
    if (rel < 0 && *p.month >= base.month) year -= 1;
    if (rel > 0 && *p.month <= base.month) year += 1;
    ComposeInYear(p, year, r);
    return r;
  }
  if (!p.holiday.empty()) {
    const auto md = HolidayDate(p.holiday, base.year);
    if (!md) return Resolved{};
    int year = base.year;
    const CivilDate this_year{year, md->month, md->day};
    if (rel < 0 && this_year >= base) year -= 1;
    if (rel > 0 && this_year <= base) year += 1;
    ComposeInYear(p, year, r);
    return r;
  }
  if (p.season) {
    const int now = SeasonIndexOf(base);
    int index;
    if (rel < 0) {
      index = now - 1;
      while ((index % 4) + 1 != *p.season) --index;
    } else if (rel > 0) {
      index = now + 1;
      while ((index % 4) + 1 != *p.season) ++index;
    } else {
      index = (now % 4) + 1 == *p.season ? now : base.year * 4 + (*p.season - 1);
    }
    r.value = SeasonString(index / 4, index % 4 + 1);
    return r;
  }
  if (p.quarter) {
    int year = base.year;
    if (rel < 0 && *p.quarter >= QuarterOf(base.month)) year -= 1;
    if (rel > 0 && *p.quarter <= QuarterOf(base.month)) year += 1;
    r.value = QuarterString(year, *p.quarter);
    return r;
  }
  if (p.part) {  // "this morning", "last night"
    r.day = AddDays(base, rel);
    r.value = DayString(*r.day);
    return r;
  }
  r.uses_reference = false;
  return r;
}

Resolved ResolveDate(const Parts& p, Label label, const Context& context) {
  const std::optional<CivilDate>& ref = context.reference;
  TenseSource* tense = context.tense;
  Resolved r;
  if (!p.fixed.empty()) {
    r.value = std::string(p.fixed);
    return r;
  }
  // 1. A written year (or decade, century) makes the value absolute.
  if (p.year) {
    if (!ComposeInYear(p, p.year->value, r)) r.value = YearString(p.year->value);
    return r;
  }
  if (p.decade) {
    r.value = Format("%03d", *p.decade);
    return r;
  }
  if (p.century) {
    r.value = Format("%02d", *p.century);
    return r;
  }
  // 2. Today, yesterday, tomorrow.
  if (p.day_offset) {
    if (!ref) return r;
    r.uses_reference = true;
    r.day = AddDays(*ref, *p.day_offset);
    r.value = DayString(*r.day);
    return r;
  }
  // 3. An offset: "two days ago", "a year earlier", "three weeks later".
  if (p.dir && p.unit) {
    const Quantity n = p.n.value_or(Quantity{1, false});
    if (n.vague) {
      r.value = *p.dir < 0 ? "PAST_REF" : "FUTURE_REF";
      return r;
    }
    // "a year earlier" right after a quarter: that quarter a year before.
    if (p.unit->unit == Unit::kYear && n.value == 1 && *p.dir < 0 && !p.quarter &&
        context.focus_near && context.focus.size() == 7 && context.focus[5] == 'Q') {
      if (const auto focus = FocusDate(context.focus)) {
        r.value = QuarterString(focus->year - 1, QuarterOf(focus->month));
        r.uses_reference = context.focus_uses_reference;
        return r;
      }
    }
    if (!ref) return r;
    double amount = n.value * p.unit->multiplier;
    Unit unit = p.unit->unit;
    if (unit == Unit::kDecade || unit == Unit::kCentury) {  // "a decade ago": that year
      amount *= unit == Unit::kDecade ? 10 : 100;
      unit = Unit::kYear;
    }
    if (amount != std::floor(amount)) {  // "a year and a half ago" -> 18 months
      if (unit == Unit::kYear) {
        amount *= 12;
        unit = Unit::kMonth;
      } else if (unit == Unit::kWeek) {
        amount *= 7;
        unit = Unit::kDay;
      }
      amount = std::round(amount);
    }
    r.uses_reference = true;
    // (An amount beyond any calendar shift is not cast: Shift refuses it.)
    const long count = std::fabs(amount) < 1e9 ? static_cast<long>(amount) : 1000000000L;
    if (!Shift(*ref, unit, count * *p.dir, p, r)) r.value.clear();
    return r;
  }
  // 4. last / next / this + a weekday, month, season, holiday or unit. Anaphoric words count
  // from the focus when there is one, deictic ones from the reference.
  if (p.rel || p.rel_the) {
    if (p.rel_anaphoric) {
      if (const auto focus = FocusDate(context.focus)) {
        return ResolveRelative(p, *focus, tense, context.focus_uses_reference);
      }
    }
    if (ref) return ResolveRelative(p, *ref, tense, true);
    if (!ComposeWithoutYear(p, r)) r.value.clear();
    return r;
  }
  // 5. A month (and day) or weekday, holiday, quarter, season without a year.
  if (p.month || p.weekday || !p.holiday.empty() || p.quarter || p.half || p.season) {
    if (!ref) {
      if (!ComposeWithoutYear(p, r)) r.value.clear();
      return r;
    }
    r.uses_reference = true;
    if (p.month) {
      if (p.day && (*p.day < 1 || *p.day > 31)) {
        r.invalid = true;
        return r;
      }
      const int year = YearByTense(*p.month, p.day.value_or(0), *ref, tense);
      ComposeInYear(p, year, r);
      return r;
    }
    if (p.weekday) {
      r.day = WeekdayByTense(*p.weekday, *ref, tense);
      r.value = DayString(*r.day);
      return r;
    }
    if (!p.holiday.empty()) {
      const auto md = HolidayDate(p.holiday, ref->year);
      if (!md) return Resolved{};
      const int year = YearByTense(md->month, md->day, *ref, tense);
      ComposeInYear(p, year, r);
      return r;
    }
    const int quarter = QuarterOf(ref->month);
    int year = ref->year;
    if (p.quarter) {
      // Quarters are spoken of mostly once they are over: the current and the last completed
      // quarter are this year's (or last year's); the next one is ahead unless the sentence is
      // in the past tense; the one in between goes by the tense.
      const int back = (quarter - *p.quarter + 4) % 4;  // quarters since it last began
      const Tense t = GetTense(tense);
      const bool ahead = back == 3 ? t != Tense::kPast : back == 2 && t == Tense::kFuture;
      if (!ahead && *p.quarter > quarter) --year;
      if (ahead && *p.quarter < quarter) ++year;
    } else if (p.half) {
      const Tense t = GetTense(tense);
      const int half = ref->month <= 6 ? 1 : 2;
      if (t == Tense::kPast && *p.half > half) --year;
      if (t == Tense::kFuture && *p.half < half) ++year;
    } else if (p.season) {
      const Tense t = GetTense(tense);
      const int now = SeasonIndexOf(*ref);
      const int index = year * 4 + (*p.season - 1);
      if (t == Tense::kPast && index > now) --year;
      if (t == Tense::kFuture && index < now) ++year;
    }
    ComposeInYear(p, year, r);
    return r;
  }
  // 6. A calendar unit alone ("year-end"): the current one.
  if (p.unit && !p.n && label == Label::kDate) {
    if (!ref) return r;
    return ResolveRelative(p, *ref, tense, true);
  }
  // 7. An ISO week without a year, or a time of day alone ("this morning" is above).
  if (p.week) {
    if (!ref) return r;
    r.uses_reference = true;
    ComposeInYear(p, ref->year, r);
    return r;
  }
  if ((p.part || p.hour) && label == Label::kTime) {
    // A time of day takes the day named before it in the same sentence ("on April 15 at 6:30
    // a.m."), else the reference day.
    if (context.focus_same_sentence && context.focus.size() == 10) {
      if (const auto day = FocusDate(context.focus)) {
        r.uses_reference = context.focus_uses_reference;
        r.day = day;
        r.value = DayString(*day);
        return r;
      }
    }
    if (!ref) {
      r.value = "XXXX-XX-XX";
      return r;
    }
    r.uses_reference = true;
    r.day = *ref;
    r.value = DayString(*ref);
    return r;
  }
  return r;
}

// "P3Y", "PT48H", "PXD".
std::string DurationValue(const Parts& p) {
  if (!p.unit) return {};
  const Quantity n = p.n.value_or(Quantity{1, false});
  const int mult = p.unit->multiplier;
  const double amount = n.value * mult;
  auto amt = [&](double a) { return n.vague ? std::string("X") : Amount(a); };
  switch (p.unit->unit) {
    case Unit::kSecond:
      return Cat({"PT", amt(amount), "S"});
    case Unit::kMinute:
      return Cat({"PT", amt(amount), "M"});
    case Unit::kHour:
      return Cat({"PT", amt(amount), "H"});
    case Unit::kDay:
    case Unit::kNight:
      return Cat({"P", amt(amount), "D"});
    case Unit::kWeekend:
      return Cat({"P", amt(amount * 2), "D"});
    case Unit::kWeek:
      return Cat({"P", amt(amount), "W"});
    case Unit::kFortnight:
      return Cat({"P", amt(amount * 2), "W"});
    case Unit::kMonth:
      return Cat({"P", amt(amount), "M"});
    case Unit::kQuarter:
      return n.vague ? "PXQ" : Cat({"P", Amount(amount * 3), "M"});
    case Unit::kHalf:
      return n.vague ? "PXM" : Cat({"P", Amount(amount * 6), "M"});
    case Unit::kYear:
      if (!n.vague && amount != std::floor(amount) && amount * 12 == std::floor(amount * 12)) {
        const long months = static_cast<long>(amount * 12);
        const std::string years = std::to_string(months / 12);
        return months % 12 ? Cat({"P", years, "Y", std::to_string(months % 12), "M"})
                           : Cat({"P", years, "Y"});
      }
      return Cat({"P", amt(amount), "Y"});
    case Unit::kDecade:
      return n.vague ? "PXDE" : Cat({"P", Amount(amount * 10), "Y"});
    case Unit::kCentury:
      return n.vague ? "PXCE" : Cat({"P", Amount(amount * 100), "Y"});
  }
  return {};
}

// "XXXX-WXX-1", "P1W", "XXXX-07".
std::string SetValue(const Parts& p) {
  std::string part = p.part ? Cat({"T", *p.part}) : std::string();
  if (p.weekday) return Format("XXXX-WXX-%d", *p.weekday) + part;
  if (p.month) {
    return p.day ? Format("XXXX-%02d-%02d", *p.month, *p.day) : Format("XXXX-%02d", *p.month);
  }
  if (p.season) return Cat({"XXXX-", SeasonCode(*p.season)});
  if (p.quarter) return Format("XXXX-Q%d", *p.quarter);
  if (p.unit && p.unit->unit == Unit::kNight) return "XXXX-XX-XXTNI";
  if (p.part && !p.unit) return "XXXX-XX-XX" + part;
  if (p.hour) {
    return Format("XXXX-XX-XXT%02d:%02d", *p.hour, p.minute.value_or(0));
  }
  if (p.unit) {
    Parts one = p;
    if (one.n && one.n->vague) one.n.reset();
    return DurationValue(one);
  }
  return {};
}

}  // namespace

std::optional<Field> FieldByName(std::string_view name) {
  for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

std::string_view FieldName(Field field) { return kFieldNames[static_cast<std::size_t>(field)]; }

Normalized Normalize(Label label, const FieldTexts& fields, const Context& context) {
  Normalized out;
  const Parts p = Parse(fields, context.reference);
  if (p.bad) return out;  // a part we do not understand: no value rather than a wrong one
  if (label == Label::kDuration) {
    out.value = DurationValue(p);
    return out;
  }
  if (label == Label::kSet) {
    out.value = SetValue(p);
    return out;
  }
  Resolved r = ResolveDate(p, label, context);
  if (r.invalid) {
    out.invalid = true;
    return out;
  }
  if (r.value.empty()) return out;
  // The time of day, on a value that is one day.
  if (p.hour || (p.part && !r.value.ends_with("WE"))) {
    const bool is_day = r.day.has_value() || r.value == "XXXX-XX-XX" ||
                        (r.value.size() == 10 && r.value.starts_with("XXXX-"));
    if (is_day) {
      if (p.hour) {
        r.value += Format("T%02d:%02d", *p.hour, p.minute.value_or(0));
        if (p.second) r.value += Format(":%02d", *p.second);
        if (p.utc) r.value += "Z";
      } else {
        r.value += Cat({"T", *p.part});
      }
    } else if (p.weekday && r.value.starts_with("XXXX-WXX")) {
      r.value += p.hour ? Format("T%02d:%02d", *p.hour, p.minute.value_or(0)) : Cat({"T", *p.part});
    }
  }
  out.sets_focus = !p.dir && !p.rel_anaphoric && !r.value.empty() && r.value[0] >= '0' &&
                   r.value[0] <= '9' && r.value.size() >= 4 && r.value[3] >= '0' &&
                   r.value[3] <= '9';
  out.value = std::move(r.value);
  out.uses_reference = r.uses_reference;
  return out;
}

}  // namespace nerkit::internal::dates
