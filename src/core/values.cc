// Plain value types of the public API: labels, dates, errors.
#include <array>
#include <cstdio>
#include <ostream>
#include <stdexcept>

#include "nerkit/date.h"
#include "nerkit/entity.h"
#include "nerkit/error.h"

namespace nerkit {

namespace {
constexpr std::array<std::string_view, kLabelCount> kLabelNames = {
    "PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "DURATION", "SET"};
}

std::string_view LabelName(Label label) { return kLabelNames[static_cast<std::size_t>(label)]; }

std::ostream& operator<<(std::ostream& out, Label label) { return out << LabelName(label); }

std::optional<Label> ParseLabel(std::string_view name) {
  for (std::size_t i = 0; i < kLabelNames.size(); ++i) {
    if (kLabelNames[i] == name) return static_cast<Label>(i);
  }
  return std::nullopt;
}

LabelSet LabelSet::Parse(std::string_view list) {
  LabelSet set;
  std::size_t pos = 0;
  while (pos < list.size()) {
    std::size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) {
      const auto label = ParseLabel(name);
      if (!label) {
        throw std::invalid_argument("unknown label \"" + std::string(name) +
                                    "\" (expected PERSON, LOCATION, ORGANIZATION, DATE, TIME, "
                                    "DURATION or SET)");
      }
      set.Insert(*label);
    }
    pos = comma + 1;
  }
  return set;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<CivilDate> CivilDate::FromParts(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return CivilDate{year, month, day};
}

std::optional<CivilDate> CivilDate::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      out = out * 10 + (iso[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  return FromParts(y, m, d);
}

// Days from civil (Howard Hinnant's algorithm).
long CivilDate::ToDays() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(m <= 2 ? y + 1 : y), static_cast<int>(m), static_cast<int>(d)};
}

std::string CivilDate::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int CivilDate::Weekday() const {
  const long days = ToDays();  // 1970-01-01 was a Thursday (4)
  long w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

LoadError::LoadError(std::string path, std::size_t line, std::size_t column,
                     const std::string& message)
    : Error([&] {
        std::string s = path;
        if (line > 0) {
          s.append(":").append(std::to_string(line));
          if (column > 0) s.append(":").append(std::to_string(column));
        }
        s.append(": ").append(message);
        return s;
      }()),
      path_(std::move(path)),
      line_(line),
      column_(column),
      message_(message) {}

}  // namespace nerkit
