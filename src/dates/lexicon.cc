#include "dates/lexicon.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "dates/calendar.h"

namespace nerkit::internal::dates {
namespace {

struct Word {
  std::string_view word;
  int value;
};

template <std::size_t N>
std::optional<int> Find(const std::array<Word, N>& table, std::string_view w) {
  for (const Word& e : table) {
    if (e.word == w) return e.value;
  }
  return std::nullopt;
}

constexpr std::array<Word, 24> kMonths = {{
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
}};

constexpr std::array<Word, 19> kWeekdays = {{
    {"monday", 1},    {"mon", 1},    {"tuesday", 2},  {"tue", 2},      {"tues", 2},
    {"wednesday", 3}, {"wed", 3},    {"thursday", 4}, {"thu", 4},      {"thur", 4},
    {"thurs", 4},     {"friday", 5}, {"fri", 5},      {"saturday", 6}, {"sat", 6},
    {"sunday", 7},    {"sun", 7},    {"weds", 3},     {"thr", 4},
}};

constexpr std::array<Word, 28> kCardinals = {{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
}};

constexpr std::array<Word, 28> kOrdinals = {{
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},   {"sixtieth", 60},
    {"seventieth", 70},  {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100},
}};

// Decades in words: "twenties" -> 2 ... "nineties" -> 9.
constexpr std::array<Word, 9> kDecadeWords = {{
    {"tens", 1},
    {"twenties", 2},
    {"thirties", 3},
    {"forties", 4},
    {"fifties", 5},
    {"sixties", 6},
    {"seventies", 7},
    {"eighties", 8},
    {"nineties", 9},
}};

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<long> Digits(std::string_view s) {
  if (!IsDigits(s) || s.size() > 9) return std::nullopt;
  long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t space = s.find(' ', pos);
    if (space == std::string_view::npos) space = s.size();
    if (space > pos) out.push_back(s.substr(pos, space - pos));
    pos = space + 1;
  }
  return out;
}

// Removes a plural "s" ("mondays", "years") when what is left is a known word.
std::string_view Singular(std::string_view w) {
  if (w.size() > 3 && w.back() == 's') return w.substr(0, w.size() - 1);
  return w;
}

// "1,500" -> 1500, "2.5" -> 2.5, "1/2" -> 0.5.
std::optional<double> NumberToken(std::string_view w) {
  std::string digits;
  bool dot = false;
  for (char c : w) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == ',' && !dot) {
      continue;
    } else if (c == '.' && !dot) {
      dot = true;
      digits.push_back('.');
    } else if (c == '/') {
      const std::size_t slash = w.find('/');
      const auto num = Digits(w.substr(0, slash));
      const auto den = Digits(w.substr(slash + 1));
      if (!num || !den || *den == 0) return std::nullopt;
      return static_cast<double>(*num) / static_cast<double>(*den);
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  return std::strtod(digits.c_str(), nullptr);
}

}  // namespace

std::string NormalizeWords(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // U+2018 / U+2019 quotes -> ', U+2010..U+2014 dashes, U+00A0, U+2007, U+2009, U+202F ->
    // separators.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char c3 = static_cast<unsigned char>(text[i + 2]);
      if (c3 == 0x98 || c3 == 0x99) {
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back('\'');
        i += 2;
        continue;
      }
      // Dashes, and the figure, thin and narrow no-break spaces (U+2007, U+2009, U+202F).
      if ((c3 >= 0x90 && c3 <= 0x94) || c3 == 0x87 || c3 == 0x89 || c3 == 0xAF) {
        space = true;
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::optional<int> ParseMonth(std::string_view text) {
  const std::string w = NormalizeWords(text);
  if (auto d = Digits(w)) {
    if (*d >= 1 && *d <= 12) return static_cast<int>(*d);
    return std::nullopt;
  }
  return Find(kMonths, w);
}

std::optional<int> ParseWeekday(std::string_view text) {
  const std::string w = NormalizeWords(text);
  if (auto d = Find(kWeekdays, w)) return d;
  return Find(kWeekdays, Singular(w));
}

constexpr long kMaxCardinal = 1000000000000L;

std::optional<long> ParseCardinal(std::string_view text) {
  // (Most are digits alone, which need no normalizing: "26", "2024".)
  if (const auto d = Digits(text)) return d;
  const std::string norm = NormalizeWords(text);
  long total = 0;
  long current = 0;
  bool any = false;
  for (std::string_view w : SplitWords(norm)) {
    if (w == "and") continue;
    if (auto d = Digits(w)) {
      current += *d;
      any = true;
    } else if (w.find(',') != std::string_view::npos) {
      const auto n = NumberToken(w);
      if (!n || *n != std::floor(*n) || *n > kMaxCardinal) return std::nullopt;
      current += static_cast<long>(*n);
      any = true;
    } else if (w == "a" || w == "an") {
      current += 1;
      any = true;
    } else if (auto v = Find(kCardinals, w)) {
      current += *v;
      any = true;
    } else if (w == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
      any = true;
    } else if (w == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
      any = true;
    } else if (w == "thousand") {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
      any = true;
    } else if (w == "million") {
      total += (current == 0 ? 1 : current) * 1000000;
      current = 0;
      any = true;
    } else {
      return std::nullopt;
    }
    // No count of anything runs past a trillion ("dozen dozen dozen ..." would overflow).
    if (current > kMaxCardinal || total > kMaxCardinal) return std::nullopt;
  }
  if (!any) return std::nullopt;
  return total + current;
}

std::optional<Quantity> ParseQuantity(std::string_view text) {
  std::string norm = NormalizeWords(text);
  // Vague quantities.
  static constexpr std::array<std::string_view, 16> kVague = {
      "several",  "few",       "a few",     "some",        "many",     "a number of",
      "dozens",   "dozens of", "hundreds",  "hundreds of", "numerous", "a handful of",
      "multiple", "countless", "thousands", "thousands of"};
  for (std::string_view v : kVague) {
    if (norm == v) return Quantity{0, true};
  }
  if (norm == "a couple" || norm == "a couple of" || norm == "couple" || norm == "couple of" ||
      norm == "a pair of" || norm == "other") {
    return Quantity{2, false};
  }
  if (norm == "half a" || norm == "half an" || norm == "a half" || norm == "half") {
    return Quantity{0.5, false};
  }
  double extra = 0;
  for (std::string_view suffix :
       {std::string_view(" and a half"), std::string_view(" and one half")}) {
    if (norm.size() > suffix.size() && norm.ends_with(suffix)) {
      norm.resize(norm.size() - suffix.size());
      extra = 0.5;
    }
  }
  // Digits, with an optional fraction ("2 1/2", "2.5", "1,000").
  std::vector<std::string_view> words = SplitWords(norm);
  if (!words.empty() && (words[0][0] >= '0' && words[0][0] <= '9')) {
    double value = 0;
    for (std::string_view w : words) {
      const auto n = NumberToken(w);
      if (!n) return std::nullopt;
      value += *n;
    }
    return Quantity{value + extra, false};
  }
  if (auto v = ParseCardinal(norm)) return Quantity{static_cast<double>(*v) + extra, false};
  return std::nullopt;
}

std::optional<int> ParseOrdinal(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  std::string_view w = norm;
  if (w.size() > 2 && w[0] >= '0' && w[0] <= '9') {
    const std::string_view tail = w.substr(w.size() - 2);
    if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") w.remove_suffix(2);
  }
  if (auto d = Digits(w)) return static_cast<int>(*d);
  std::vector<std::string_view> words = SplitWords(w);
  if (words.empty() || words.size() > 2) return std::nullopt;
  const auto last = Find(kOrdinals, words.back());
  if (!last) return std::nullopt;
  if (words.size() == 1) return last;
  const auto tens = Find(kCardinals, words[0]);
  if (!tens || *tens < 20 || *tens % 10 != 0 || *last >= 10) return std::nullopt;
  return *tens + *last;
}

namespace {

int PivotTwoDigitYear(int yy, std::optional<int> reference_year) {
  if (!reference_year) return yy < 50 ? 2000 + yy : 1900 + yy;
  int year = (*reference_year / 100) * 100 + yy;
  if (year > *reference_year + 20) year -= 100;
  return year;
}

// 0..99 in words ("ninety six", "oh five", "five").
std::optional<int> SmallNumber(const std::vector<std::string_view>& words, std::size_t from) {
  if (from >= words.size()) return std::nullopt;
  if (words[from] == "oh" || words[from] == "o") {
    if (from + 2 != words.size()) return std::nullopt;
    const auto v = Find(kCardinals, words[from + 1]);
    if (!v || *v > 9) return std::nullopt;
    return v;
  }
  const auto first = Find(kCardinals, words[from]);
  if (!first) return std::nullopt;
  if (from + 1 == words.size()) return first;
  if (from + 2 != words.size() || *first < 20 || *first % 10 != 0) return std::nullopt;
  const auto unit = Find(kCardinals, words[from + 1]);
  if (!unit || *unit == 0 || *unit > 9) return std::nullopt;
  return *first + *unit;
}

}  // namespace

std::optional<Year> ParseYear(std::string_view text, std::optional<int> reference_year) {
  std::string norm = NormalizeWords(text);
  if (!norm.empty() && norm[0] == '\'') norm.erase(0, 1);
  if (IsDigits(norm)) {
    const auto v = Digits(norm);
    if (norm.size() == 4 && *v >= 1) return Year{static_cast<int>(*v), false};
    if (norm.size() == 2)
      return Year{PivotTwoDigitYear(static_cast<int>(*v), reference_year), true};
    if (norm.size() == 3 && *v >= 100) return Year{static_cast<int>(*v), false};
    return std::nullopt;
  }
  const std::vector<std::string_view> words = SplitWords(norm);
  if (words.empty()) return std::nullopt;
  // "nineteen ninety six", "nineteen hundred", "twenty twenty four", "nineteen oh five".
  const auto first = Find(kCardinals, words[0]);
  if (first && *first >= 10 && words.size() >= 2 && words[1] != "thousand") {
    if (words.size() == 2 && words[1] == "hundred") return Year{*first * 100, false};
    std::size_t from = 1;
    if (words.size() >= 3 && words[1] == "hundred" && words[2] == "and")
      from = 3;
    else if (words.size() >= 2 && words[1] == "hundred")
      from = 2;
    const auto rest = SmallNumber(words, from);
    if (rest && (*rest >= 10 || words[from] == "oh" || words[from] == "o" || from > 1)) {
      return Year{*first * 100 + *rest, false};
    }
    return std::nullopt;
  }
  // "two thousand", "two thousand and one", "two thousand twenty four".
  if (const auto v = ParseCardinal(norm); v && *v >= 1000 && *v <= 2999) {
    return Year{static_cast<int>(*v), false};
  }
  return std::nullopt;
}

std::optional<int> ParseDecade(std::string_view text, std::optional<int> reference_year) {
  std::string norm = NormalizeWords(text);
  if (!norm.empty() && norm[0] == '\'') norm.erase(0, 1);
  if (norm.size() >= 2 && norm.ends_with("'s")) norm.erase(norm.size() - 2, 1);
  auto from_digit = [&](int d) {  // 0..9, a decade of some century
    if (!reference_year) return 190 + d;
    int decade = (*reference_year / 100) * 10 + d;
    if (decade > *reference_year / 10) decade -= 10;
    return decade;
  };
  if (norm.size() >= 3 && norm.back() == 's') {
    const std::string_view digits = std::string_view(norm).substr(0, norm.size() - 1);
    if (digits.size() == 4 && IsDigits(digits) && digits[3] == '0') {
      return static_cast<int>(*Digits(digits.substr(0, 3)));
    }
    if (digits.size() == 2 && IsDigits(digits) && digits[1] == '0')
      return from_digit(digits[0] - '0');
  }
  std::vector<std::string_view> words = SplitWords(norm);
  if (words.empty()) return std::nullopt;
  if (const auto d = Find(kDecadeWords, words.back())) {
    if (words.size() == 1) return from_digit(*d);
    if (words.size() == 2) {
      const auto century = Find(kCardinals, words[0]);
      if (century && *century >= 10) return *century * 10 + *d;
    }
  }
  return std::nullopt;
}

std::optional<int> ParseCentury(std::string_view text) {
  const auto n = ParseOrdinal(text);
  if (!n || *n < 1 || *n > 99) return std::nullopt;
  return *n - 1;
}

std::optional<UnitWord> ParseUnit(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  struct Entry {
    std::string_view word;
    Unit unit;
    int multiplier;
  };
  static constexpr std::array<Entry, 46> kUnits = {{
      {"second", Unit::kSecond, 1},
      {"sec", Unit::kSecond, 1},
      {"minute", Unit::kMinute, 1},
      {"min", Unit::kMinute, 1},
      {"hour", Unit::kHour, 1},
      {"hr", Unit::kHour, 1},
      {"hourly", Unit::kHour, 1},
      {"day", Unit::kDay, 1},
      {"daily", Unit::kDay, 1},
      {"night", Unit::kNight, 1},
      {"nightly", Unit::kNight, 1},
      {"weekend", Unit::kWeekend, 1},
      {"week", Unit::kWeek, 1},
      {"wk", Unit::kWeek, 1},
      {"weekly", Unit::kWeek, 1},
      {"biweekly", Unit::kWeek, 2},
      {"fortnight", Unit::kFortnight, 1},
      {"fortnightly", Unit::kFortnight, 1},
      {"month", Unit::kMonth, 1},
      {"mo", Unit::kMonth, 1},
      {"monthly", Unit::kMonth, 1},
      {"bimonthly", Unit::kMonth, 2},
      {"quarter", Unit::kQuarter, 1},
      {"quarterly", Unit::kQuarter, 1},
      {"half", Unit::kHalf, 1},
      {"year", Unit::kYear, 1},
      {"yr", Unit::kYear, 1},
      {"yearly", Unit::kYear, 1},
      {"annually", Unit::kYear, 1},
      {"annual", Unit::kYear, 1},
      {"decade", Unit::kDecade, 1},
      {"century", Unit::kCentury, 1},
      {"centuries", Unit::kCentury, 1},
      {"semiannually", Unit::kHalf, 1},
      {"semiannual", Unit::kHalf, 1},
      {"biennially", Unit::kYear, 2},
      {"biennial", Unit::kYear, 2},
      {"mins", Unit::kMinute, 1},
      {"hrs", Unit::kHour, 1},
      {"yrs", Unit::kYear, 1},
      {"secs", Unit::kSecond, 1},
      {"wks", Unit::kWeek, 1},
      {"millennium", Unit::kCentury, 10},
      {"millennia", Unit::kCentury, 10},
      {"months", Unit::kMonth, 1},
      {"days", Unit::kDay, 1},
  }};
  for (std::string_view w : {std::string_view(norm), Singular(norm)}) {
    for (const Entry& e : kUnits) {
      if (e.word == w) return UnitWord{e.unit, e.multiplier};
    }
  }
  return std::nullopt;
}

std::optional<int> ParseSeason(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  const std::string_view w = Singular(norm);
  if (w == "spring" || norm == "springtime") return 1;
  if (w == "summer" || norm == "summertime") return 2;
  if (w == "fall" || w == "autumn") return 3;
  if (w == "winter" || norm == "wintertime") return 4;
  return std::nullopt;
}

std::string_view SeasonCode(int season) {
  static constexpr std::array<std::string_view, 5> kCodes = {"", "SP", "SU", "FA", "WI"};
  return season >= 1 && season <= 4 ? kCodes[static_cast<std::size_t>(season)] : "";
}

std::optional<std::string_view> ParsePartOfDay(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  const std::string_view w = Singular(norm);
  if (w == "morning" || w == "mid morning" || w == "dawn" || w == "daybreak") {
    return std::string_view("MO");
  }
  if (w == "afternoon" || w == "mid afternoon" || w == "midafternoon")
    return std::string_view("AF");
  if (w == "evening" || w == "dusk") return std::string_view("EV");
  if (w == "night" || w == "tonight" || w == "overnight" || w == "late night") {
    return std::string_view("NI");
  }
  return std::nullopt;
}

std::optional<int> ParseHour(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  if (norm == "noon" || norm == "midday" || norm == "high noon") return 12;
  if (norm == "midnight") return 24;
  if (const auto d = Digits(norm); d && *d <= 24) return static_cast<int>(*d);
  if (const auto v = ParseCardinal(norm); v && *v >= 1 && *v <= 12) return static_cast<int>(*v);
  return std::nullopt;
}

std::optional<bool> ParsePm(std::string_view text) {
  std::string letters;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c >= 'a' && c <= 'z') letters.push_back(c);
  }
  if (letters == "am") return false;
  if (letters == "pm") return true;
  return std::nullopt;
}

std::optional<int> ParseRelative(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  std::optional<int> result;
  for (std::string_view w : SplitWords(norm)) {
    if (w == "last" || w == "past" || w == "previous" || w == "preceding" || w == "prior" ||
        w == "latest" || w == "recent" || w == "earlier") {
      return -1;
    }
    if (w == "next" || w == "coming" || w == "following" || w == "upcoming" || w == "forthcoming" ||
        w == "later" || w == "ensuing" || w == "subsequent") {
      return 1;
    }
    if (w == "this" || w == "current" || w == "present" || w == "same" || w == "these" ||
        w == "that" || w == "those" || w == "the" || w == "most") {
      if (w != "the" && w != "most") result = 0;
      continue;
    }
    return std::nullopt;
  }
  return result;
}

bool IsAnaphoricRelative(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  if (norm == "the next") return true;
  for (std::string_view w : SplitWords(norm)) {
    if (w == "following" || w == "previous" || w == "preceding" || w == "prior" ||
        w == "subsequent" || w == "ensuing" || w == "that" || w == "same") {
      return true;
    }
  }
  return false;
}

std::optional<int> ParseDirection(std::string_view text) {
  const std::string norm = NormalizeWords(text);
  if (norm == "ago" || norm == "earlier" || norm == "before" || norm == "back" ||
      norm == "previously" || norm == "prior" || norm == "before that" || norm == "since") {
    return -1;
  }
  if (norm == "later" || norm == "after" || norm == "hence" || norm == "from now" || norm == "on" ||
      norm == "away" || norm == "afterwards" || norm == "afterward" || norm == "from today" ||
      norm == "in" || norm == "after that") {
    return 1;
  }
  return std::nullopt;
}

std::optional<int> ParseDayOffset(std::string_view text, int base) {
  const std::string norm = NormalizeWords(text);
  if (norm.find("day before yesterday") != std::string::npos) return -2;
  if (norm.find("day after tomorrow") != std::string::npos) return 2;
  return base;
}

namespace {

enum class HolidayKind { kFixed, kNthWeekday, kEaster, kElection };
struct Holiday {
  std::string_view name;  // normalised: lower case, no apostrophes or periods
  HolidayKind kind;
  int month;  // kFixed, kNthWeekday
  int day;    // kFixed: day; kNthWeekday: ISO weekday; kEaster: offset from Easter Sunday
  int nth;    // kNthWeekday: 1..5 or -1 for the last
};

constexpr std::array<Holiday, 52> kHolidays = {{
    {"christmas", HolidayKind::kFixed, 12, 25, 0},
    {"christmas day", HolidayKind::kFixed, 12, 25, 0},
    {"xmas", HolidayKind::kFixed, 12, 25, 0},
    {"christmas eve", HolidayKind::kFixed, 12, 24, 0},
    {"boxing day", HolidayKind::kFixed, 12, 26, 0},
    {"new year", HolidayKind::kFixed, 1, 1, 0},
    {"new years", HolidayKind::kFixed, 1, 1, 0},
    {"new years day", HolidayKind::kFixed, 1, 1, 0},
    {"new year day", HolidayKind::kFixed, 1, 1, 0},
    {"new years eve", HolidayKind::kFixed, 12, 31, 0},
    {"new year eve", HolidayKind::kFixed, 12, 31, 0},
    {"halloween", HolidayKind::kFixed, 10, 31, 0},
    {"valentines day", HolidayKind::kFixed, 2, 14, 0},
    {"valentine day", HolidayKind::kFixed, 2, 14, 0},
    {"st valentines day", HolidayKind::kFixed, 2, 14, 0},
    {"saint valentines day", HolidayKind::kFixed, 2, 14, 0},
    {"independence day", HolidayKind::kFixed, 7, 4, 0},
    {"fourth of july", HolidayKind::kFixed, 7, 4, 0},
    {"july fourth", HolidayKind::kFixed, 7, 4, 0},
    {"veterans day", HolidayKind::kFixed, 11, 11, 0},
    {"armistice day", HolidayKind::kFixed, 11, 11, 0},
    {"remembrance day", HolidayKind::kFixed, 11, 11, 0},
    {"st patricks day", HolidayKind::kFixed, 3, 17, 0},
    {"saint patricks day", HolidayKind::kFixed, 3, 17, 0},
    {"may day", HolidayKind::kFixed, 5, 1, 0},
    {"bastille day", HolidayKind::kFixed, 7, 14, 0},
    {"canada day", HolidayKind::kFixed, 7, 1, 0},
    {"australia day", HolidayKind::kFixed, 1, 26, 0},
    {"all saints day", HolidayKind::kFixed, 11, 1, 0},
    {"epiphany", HolidayKind::kFixed, 1, 6, 0},
    {"thanksgiving", HolidayKind::kNthWeekday, 11, 4, 4},
    {"thanksgiving day", HolidayKind::kNthWeekday, 11, 4, 4},
    {"labor day", HolidayKind::kNthWeekday, 9, 1, 1},
    {"labour day", HolidayKind::kNthWeekday, 9, 1, 1},
    {"memorial day", HolidayKind::kNthWeekday, 5, 1, -1},
    {"martin luther king day", HolidayKind::kNthWeekday, 1, 1, 3},
    {"martin luther king jr day", HolidayKind::kNthWeekday, 1, 1, 3},
    {"mlk day", HolidayKind::kNthWeekday, 1, 1, 3},
    {"presidents day", HolidayKind::kNthWeekday, 2, 1, 3},
    {"columbus day", HolidayKind::kNthWeekday, 10, 1, 2},
    {"mothers day", HolidayKind::kNthWeekday, 5, 7, 2},
    {"fathers day", HolidayKind::kNthWeekday, 6, 7, 3},
    {"easter", HolidayKind::kEaster, 0, 0, 0},
    {"easter sunday", HolidayKind::kEaster, 0, 0, 0},
    {"easter day", HolidayKind::kEaster, 0, 0, 0},
    {"easter monday", HolidayKind::kEaster, 0, 1, 0},
    {"good friday", HolidayKind::kEaster, 0, -2, 0},
    {"holy saturday", HolidayKind::kEaster, 0, -1, 0},
    {"palm sunday", HolidayKind::kEaster, 0, -7, 0},
    {"ash wednesday", HolidayKind::kEaster, 0, -46, 0},
    {"pentecost", HolidayKind::kEaster, 0, 49, 0},
    {"election day", HolidayKind::kElection, 11, 0, 0},
}};

std::string HolidayKey(std::string_view name) {
  std::string out;
  for (char c : NormalizeWords(name)) {
    if (c != '\'' && c != '.') out.push_back(c);
  }
  return out;
}

const Holiday* FindHoliday(std::string_view name) {
  const std::string key = HolidayKey(name);
  for (const Holiday& h : kHolidays) {
    if (h.name == key) return &h;
  }
  return nullptr;
}

}  // namespace

bool IsKnownHoliday(std::string_view name) { return FindHoliday(name) != nullptr; }

std::optional<MonthDay> HolidayDate(std::string_view name, int year) {
  const Holiday* h = FindHoliday(name);
  if (!h || year < 1 || year > 9999) return std::nullopt;
  switch (h->kind) {
    case HolidayKind::kFixed:
      return MonthDay{h->month, h->day};
    case HolidayKind::kNthWeekday: {
      const auto d = NthWeekdayOfMonth(year, h->month, h->day, h->nth);
      if (!d) return std::nullopt;
      return MonthDay{d->month, d->day};
    }
    case HolidayKind::kEaster: {
      const CivilDate d = AddDays(EasterSunday(year), h->day);
      return MonthDay{d.month, d.day};
    }
    case HolidayKind::kElection: {
      // The Tuesday after the first Monday of November.
      const auto monday = NthWeekdayOfMonth(year, 11, 1, 1);
      const CivilDate d = AddDays(*monday, 1);
      return MonthDay{d.month, d.day};
    }
  }
  return std::nullopt;
}

}  // namespace nerkit::internal::dates
