// The dates stage: calendar arithmetic, normalisation of time expressions against a reference
// date, the reference date found in a dateline, date rule errors, and golden articles.
#define BOOST_TEST_MODULE dates
#include <algorithm>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dates/calendar.h"
#include "dates/lexicon.h"
#include "dates/normalizer.h"
#include "nerkit/nerkit.h"

namespace {

namespace fs = std::filesystem;
using nerkit::CivilDate;
namespace dates = nerkit::internal::dates;

CivilDate D(const std::string& iso) { return *CivilDate::Parse(iso); }

// An extractor with the date rules alone (fast, and independent of the name dictionaries).
const nerkit::Extractor& DateExtractor() {
  static const nerkit::Extractor extractor = [] {
    nerkit::LoadOptions options;
    options.load_dictionary_folder = false;
    options.extra_files = {fs::path(NERKIT_TEST_DICTIONARY_DIR) / "rules" / "dates.rules"};
    return nerkit::Extractor::Load(options);
  }();
  return extractor;
}

// The whole default model (names and dates competing in the resolver).
const nerkit::Extractor& FullExtractor() {
  static const nerkit::Extractor extractor = [] {
    nerkit::LoadOptions options;
    options.dictionaries = NERKIT_TEST_DICTIONARY_DIR;
    return nerkit::Extractor::Load(options);
  }();
  return extractor;
}

bool IsTime(nerkit::Label label) {
  return label == nerkit::Label::kDate || label == nerkit::Label::kTime ||
         label == nerkit::Label::kDuration || label == nerkit::Label::kSet;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// ---- Calendar arithmetic ----

BOOST_AUTO_TEST_CASE(month_arithmetic_clamps_to_month_ends) {
  BOOST_TEST(dates::AddMonths(D("2024-01-31"), 1).ToString() == "2024-02-29");  // leap year
  BOOST_TEST(dates::AddMonths(D("2023-01-31"), 1).ToString() == "2023-02-28");
  BOOST_TEST(dates::AddMonths(D("2024-03-31"), -1).ToString() == "2024-02-29");
  BOOST_TEST(dates::AddMonths(D("2024-12-15"), 1).ToString() == "2025-01-15");  // year end
  BOOST_TEST(dates::AddMonths(D("2024-01-15"), -1).ToString() == "2023-12-15");
  BOOST_TEST(dates::AddMonths(D("2024-05-31"), -14).ToString() == "2023-03-31");
  BOOST_TEST(dates::AddYears(D("2024-02-29"), 1).ToString() == "2025-02-28");
  BOOST_TEST(dates::AddYears(D("2024-02-29"), 4).ToString() == "2028-02-29");
  BOOST_TEST(dates::AddDays(D("2024-02-28"), 1).ToString() == "2024-02-29");
  BOOST_TEST(dates::AddDays(D("2100-02-28"), 1).ToString() == "2100-03-01");  // not a leap year
  BOOST_TEST(dates::AddDays(D("2000-02-28"), 1).ToString() == "2000-02-29");  // a leap year
  BOOST_TEST(dates::AddDays(D("2023-12-31"), 1).ToString() == "2024-01-01");
}

struct WeekCase {
  std::string date;
  int year;
  int week;
};
std::ostream& operator<<(std::ostream& out, const WeekCase& c) { return out << c.date; }

const std::vector<WeekCase> kWeeks = {
    {"2020-12-31", 2020, 53}, {"2021-01-03", 2020, 53}, {"2021-01-04", 2021, 1},
    {"2015-12-31", 2015, 53}, {"2016-01-01", 2015, 53}, {"2024-12-30", 2025, 1},
    {"2026-12-31", 2026, 53}, {"2027-01-01", 2026, 53}, {"2024-04-26", 2024, 17},
    {"2008-12-29", 2009, 1},  {"2010-01-03", 2009, 53}, {"2024-01-01", 2024, 1},
};

BOOST_DATA_TEST_CASE(iso_weeks, boost::unit_test::data::make(kWeeks), c) {
  const dates::IsoWeek w = dates::IsoWeekOf(D(c.date));
  BOOST_TEST(w.year == c.year);
  BOOST_TEST(w.week == c.week);
  // The week's Monday is in the week, and the week has that Monday's number.
  const CivilDate monday = dates::IsoWeekMonday(w.year, w.week);
  BOOST_TEST(monday.Weekday() == 1);
  BOOST_TEST(dates::IsoWeekOf(monday).week == c.week);
}

BOOST_AUTO_TEST_CASE(years_with_53_iso_weeks) {
  for (int year : {2004, 2009, 2015, 2020, 2026, 2032})
    BOOST_TEST(dates::IsoWeeksInYear(year) == 53);
  for (int year : {2019, 2021, 2022, 2023, 2024, 2025})
    BOOST_TEST(dates::IsoWeeksInYear(year) == 52);
  BOOST_TEST(dates::AddWeeks(D("2021-01-06"), -1).week == 53);
  BOOST_TEST(dates::AddWeeks(D("2021-01-06"), -1).year == 2020);
}

BOOST_AUTO_TEST_CASE(holidays_and_weekdays) {
  BOOST_TEST(dates::EasterSunday(2024).ToString() == "2024-03-31");
  BOOST_TEST(dates::EasterSunday(2025).ToString() == "2025-04-20");
  BOOST_TEST(dates::EasterSunday(2000).ToString() == "2000-04-23");
  BOOST_TEST(dates::EasterSunday(1998).ToString() == "1998-04-12");
  BOOST_TEST(dates::NthWeekdayOfMonth(2024, 11, 4, 4)->ToString() == "2024-11-28");  // Thanksgiving
  BOOST_TEST(dates::NthWeekdayOfMonth(2024, 5, 1, -1)->ToString() == "2024-05-27");  // last Monday
  BOOST_TEST(!dates::NthWeekdayOfMonth(2024, 2, 1, 5).has_value());  // no fifth Monday
  BOOST_TEST(dates::WeekdayBefore(D("2024-04-26"), 5).ToString() == "2024-04-19");
  BOOST_TEST(dates::WeekdayAfter(D("2024-04-26"), 1).ToString() == "2024-04-29");
  BOOST_TEST(dates::HolidayDate("Christmas Eve", 2023)->day == 24);
  BOOST_TEST(dates::HolidayDate("New Year\u2019s Day", 2023)->month == 1);
  BOOST_TEST(!dates::HolidayDate("Pancake Day", 2023).has_value());
}

BOOST_AUTO_TEST_CASE(words) {
  BOOST_TEST(*dates::ParseMonth("Sept.") == 9);
  BOOST_TEST(*dates::ParseMonth("04") == 4);
  BOOST_TEST(!dates::ParseMonth("13").has_value());
  BOOST_TEST(*dates::ParseWeekday("Thurs.") == 4);
  BOOST_TEST(*dates::ParseOrdinal("twenty-sixth") == 26);
  BOOST_TEST(*dates::ParseOrdinal("31st") == 31);
  BOOST_TEST(dates::ParseYear("nineteen ninety-six", std::nullopt)->value == 1996);
  BOOST_TEST(dates::ParseYear("two thousand and one", std::nullopt)->value == 2001);
  BOOST_TEST(dates::ParseYear("nineteen oh five", std::nullopt)->value == 1905);
  BOOST_TEST(dates::ParseYear("\u201996", 2024)->value == 1996);
  BOOST_TEST(dates::ParseYear("'19", 2024)->value == 2019);
  BOOST_TEST(*dates::ParseDecade("1990s", std::nullopt) == 199);
  BOOST_TEST(*dates::ParseDecade("\u201980s", 2024) == 198);
  BOOST_TEST(*dates::ParseDecade("nineties", std::nullopt) == 199);
  BOOST_TEST(*dates::ParseCentury("20th") == 19);
  BOOST_TEST(dates::ParseQuantity("2 1/2")->value == 2.5);
  BOOST_TEST(dates::ParseQuantity("twenty-four")->value == 24);
  BOOST_TEST(dates::ParseQuantity("a couple of")->value == 2);
  BOOST_TEST(dates::ParseQuantity("several")->vague);
}

// ---- The normaliser, from named groups ----

BOOST_AUTO_TEST_CASE(normaliser_reads_named_groups) {
  auto value = [](std::initializer_list<std::pair<dates::Field, std::string_view>> groups,
                  const std::string& reference, nerkit::Label label = nerkit::Label::kDate) {
    dates::FieldTexts f{};
    for (const auto& [field, text] : groups) f[static_cast<std::size_t>(field)] = text;
    dates::Context context;
    if (!reference.empty()) context.reference = D(reference);
    return dates::Normalize(label, f, context).value;
  };
  using F = dates::Field;
  BOOST_TEST(value({{F::kRel, "last"}, {F::kUnit, "week"}}, "2021-01-06") == "2020-W53");
  BOOST_TEST(value({{F::kN, "a"}, {F::kUnit, "month"}, {F::kDir, "ago"}}, "2024-03-31") ==
             "2024-02");
  BOOST_TEST(value({{F::kN, "two"}, {F::kUnit, "days"}, {F::kDir, "ago"}}, "2024-03-01") ==
             "2024-02-28");
  BOOST_TEST(value({{F::kYesterday, "yesterday"}}, "2024-03-01") == "2024-02-29");
  BOOST_TEST(value({{F::kTomorrow, "the day after tomorrow"}}, "2024-12-30") == "2025-01-01");
  BOOST_TEST(value({{F::kRel, "next"}, {F::kUnit, "quarter"}}, "2024-11-02") == "2025-Q1");
  BOOST_TEST(value({{F::kRel, "last"}, {F::kSeason, "winter"}}, "2024-04-26") == "2023-WI");
  BOOST_TEST(value({{F::kDay, "29"}, {F::kMonth, "February"}, {F::kYear, "2024"}}, "") ==
             "2024-02-29");
  BOOST_TEST(value({{F::kDay, "29"}, {F::kMonth, "February"}}, "") == "XXXX-02-29");
  BOOST_TEST(value({{F::kWeekday, "Friday"}}, "") == "XXXX-WXX-5");
  BOOST_TEST(value({{F::kRel, "last"}, {F::kUnit, "year"}}, "") == "");  // no reference, no value
  BOOST_TEST(value({{F::kPresent, "now"}}, "") == "PRESENT_REF");
  BOOST_TEST(value({{F::kN, "2 1/2"}, {F::kUnit, "years"}}, "", nerkit::Label::kDuration) ==
             "P2Y6M");
  BOOST_TEST(value({{F::kN, "48"}, {F::kUnit, "hours"}}, "", nerkit::Label::kDuration) == "PT48H");
  BOOST_TEST(value({{F::kN, "several"}, {F::kUnit, "weeks"}}, "", nerkit::Label::kDuration) ==
             "PXW");
  BOOST_TEST(value({{F::kN, "other"}, {F::kUnit, "week"}}, "", nerkit::Label::kSet) == "P2W");
  BOOST_TEST(value({{F::kHour, "3"}, {F::kAmPm, "p.m."}}, "2024-04-26", nerkit::Label::kTime) ==
             "2024-04-26T15:00");
  BOOST_TEST(value({{F::kHour, "12"}, {F::kAmPm, "am"}}, "2024-04-26", nerkit::Label::kTime) ==
             "2024-04-26T00:00");
  // 31 February is no date at all.
  dates::FieldTexts f{};
  f[static_cast<std::size_t>(F::kDay)] = "31";
  f[static_cast<std::size_t>(F::kMonth)] = "February";
  f[static_cast<std::size_t>(F::kYear)] = "2024";
  BOOST_TEST(dates::Normalize(nerkit::Label::kDate, f, {}).invalid);
  // Every field has a name a rule can use, and back.
  for (int i = 0; i < dates::kFieldCount; ++i) {
    const auto field = static_cast<dates::Field>(i);
    BOOST_TEST((dates::FieldByName(dates::FieldName(field)) == field));
  }
}

// ---- Expressions in sentences, through the date rules ----

struct Case {
  std::string text;
  std::string reference;  // "" for none
  std::string span;       // the expected entity's text
  std::string label;      // "" when `span` must not be a time expression
  std::string value;
  std::string anchor;
};
std::ostream& operator<<(std::ostream& out, const Case& c) {
  return out << '"' << c.span << "\" in \"" << c.text << "\" @" << c.reference;
}

const std::vector<Case> kCases = {
    // Weekdays: the reference day itself, last/next, and the tense of the sentence.
    {"Forces seized the port on Friday.", "2024-04-26", "Friday", "DATE", "2024-04-26",
     "reference"},
    {"He left last Friday.", "2024-04-26", "last Friday", "DATE", "2024-04-19", "reference"},
    {"They will meet next Monday.", "2024-04-26", "next Monday", "DATE", "2024-04-29", "reference"},
    {"The talks resumed on Tuesday.", "2024-04-26", "Tuesday", "DATE", "2024-04-23", "reference"},
    {"The talks will resume on Tuesday.", "2024-04-26", "Tuesday", "DATE", "2024-04-30",
     "reference"},
    {"Talks on Tuesday.", "2024-04-26", "Tuesday", "DATE", "2024-04-23", "reference"},
    {"Talks on Monday.", "2024-04-26", "Monday", "DATE", "2024-04-29", "reference"},
    {"Rain fell on Sunday night.", "2024-04-26", "Sunday night", "DATE", "2024-04-21TNI",
     "reference"},
    // Relative expressions.
    {"IS took over Sirte last year.", "2024-04-26", "last year", "DATE", "2023", "reference"},
    {"It started a month ago.", "2024-04-26", "a month ago", "DATE", "2024-03", "reference"},
    {"It started a month ago.", "2024-03-31", "a month ago", "DATE", "2024-02", "reference"},
    {"It ended two days ago.", "2024-03-01", "two days ago", "DATE", "2024-02-28", "reference"},
    {"The vote was held yesterday.", "2024-03-01", "yesterday", "DATE", "2024-02-29", "reference"},
    {"The vote was held yesterday.", "2023-03-01", "yesterday", "DATE", "2023-02-28", "reference"},
    {"The vote is tomorrow.", "2023-12-31", "tomorrow", "DATE", "2024-01-01", "reference"},
    {"Prices rose a year ago.", "2024-02-29", "a year ago", "DATE", "2023", "reference"},
    {"Sales fell last week.", "2021-01-06", "last week", "DATE", "2020-W53", "reference"},
    {"Sales fell this week.", "2021-01-01", "this week", "DATE", "2020-W53", "reference"},
    {"Sales will rise next week.", "2020-12-24", "next week", "DATE", "2020-W53", "reference"},
    {"Sales will rise next month.", "2024-12-15", "next month", "DATE", "2025-01", "reference"},
    {"Sales fell last month.", "2024-01-10", "last month", "DATE", "2023-12", "reference"},
    {"The plant opens early next year.", "2024-04-26", "early next year", "DATE", "2025",
     "reference"},
    {"It was sold earlier this month.", "2024-04-26", "earlier this month", "DATE", "2024-04",
     "reference"},
    {"Profit rose in the third quarter.", "2024-10-20", "the third quarter", "DATE", "2024-Q3",
     "reference"},
    {"Profit rose last quarter.", "2024-02-10", "last quarter", "DATE", "2023-Q4", "reference"},
    {"Crops failed last winter.", "2024-04-26", "last winter", "DATE", "2023-WI", "reference"},
    {"It rained this past spring.", "2024-10-01", "this past spring", "DATE", "2024-SP",
     "reference"},
    {"They married in 1995. The following year they moved.", "2024-04-26", "The following year",
     "DATE", "1996", "absolute"},
    {"Sales rose in the third quarter of 2023, up from a year earlier.", "2024-04-26",
     "a year earlier", "DATE", "2022-Q3", "absolute"},
    {"It was signed in March.", "2024-04-26", "March", "DATE", "2024-03", "reference"},
    {"It will be signed in March.", "2024-04-26", "March", "DATE", "2025-03", "reference"},
    {"It was signed in December.", "2024-02-10", "December", "DATE", "2023-12", "reference"},
    {"Thanksgiving will be quiet.", "2024-10-01", "Thanksgiving", "DATE", "2024-11-28",
     "reference"},
    {"They met last Christmas.", "2024-04-26", "last Christmas", "DATE", "2023-12-25", "reference"},
    // Absolute dates.
    {"It was founded on 29 February 2024.", "", "29 February 2024", "DATE", "2024-02-29",
     "absolute"},
    {"It was founded on Apr. 26, 2024.", "", "Apr. 26, 2024", "DATE", "2024-04-26", "absolute"},
    {"It was founded on Friday, April 26, 2024.", "", "Friday, April 26, 2024", "DATE",
     "2024-04-26", "absolute"},
    {"It was founded on the 26th of April.", "", "the 26th of April", "DATE", "XXXX-04-26",
     "absolute"},
    {"It opened in April 2024.", "", "April 2024", "DATE", "2024-04", "absolute"},
    {"It opened in mid-April 2024.", "", "mid-April 2024", "DATE", "2024-04", "absolute"},
    {"It opened on 2024-04-26.", "", "2024-04-26", "DATE", "2024-04-26", "absolute"},
    {"It opened on 26\u00a0April\u00a02024.", "", "26\u00a0April\u00a02024", "DATE", "2024-04-26",
     "absolute"},  // no-break spaces
    {"It closed at 3\u202fp.m.", "2024-04-26", "3\u202fp.m.", "TIME", "2024-04-26T15:00",
     "reference"},  // a narrow no-break space
    {"It opened on 26/04/2024.", "", "26/04/2024", "DATE", "2024-04-26", "absolute"},
    {"It opened on 04/26/2024.", "", "04/26/2024", "DATE", "2024-04-26", "absolute"},
    {"It opened on 03/04/2024.", "", "03/04/2024", "DATE", "2024-04-03", "absolute"},  // day first
    {"It was built in 1990.", "", "1990", "DATE", "1990", "absolute"},
    {"It was built in fiscal 1989.", "", "fiscal 1989", "DATE", "1989", "absolute"},
    {"It was built in the 1990s.", "", "the 1990s", "DATE", "199", "absolute"},
    {"It was built in the mid-1990s.", "", "the mid-1990s", "DATE", "199", "absolute"},
    {"It was built in the '80s.", "2024-04-26", "the '80s", "DATE", "198", "absolute"},
    {"It was built in the 20th century.", "", "the 20th century", "DATE", "19", "absolute"},
    {"It was built in the first quarter of 2024.", "", "the first quarter of 2024", "DATE",
     "2024-Q1", "absolute"},
    {"It was built in the first half of 2024.", "", "the first half of 2024", "DATE", "2024-H1",
     "absolute"},
    {"It was built in the summer of 1990.", "", "the summer of 1990", "DATE", "1990-SU",
     "absolute"},
    {"It was built in nineteen ninety-six.", "", "nineteen ninety-six", "DATE", "1996", "absolute"},
    {"They met on Christmas Day 2023.", "", "Christmas Day 2023", "DATE", "2023-12-25", "absolute"},
    {"They met at Easter 2024.", "", "Easter 2024", "DATE", "2024-03-31", "absolute"},
    {"The week 2020-W53 was long.", "", "2020-W53", "DATE", "2020-W53", "absolute"},
    // Without a reference date: X-forms or no value, never today's date.
    {"He left last year.", "", "last year", "DATE", "", ""},
    {"He left on Friday.", "", "Friday", "DATE", "XXXX-WXX-5", "absolute"},
    {"He left on April 26.", "", "April 26", "DATE", "XXXX-04-26", "absolute"},
    {"He left two days ago.", "", "two days ago", "DATE", "", ""},
    // The present, past and future.
    {"The army now holds the port.", "", "now", "DATE", "PRESENT_REF", "absolute"},
    {"The army recently took the port.", "", "recently", "DATE", "PAST_REF", "absolute"},
    {"Peace is far off in the near future.", "", "the near future", "DATE", "FUTURE_REF",
     "absolute"},
    {"Prices fell several years ago.", "2024-04-26", "several years ago", "DATE", "PAST_REF",
     "absolute"},
    // Times of day, durations, sets: their own labels.
    {"The blast came at 3 p.m. on Friday.", "2024-04-26", "3 p.m.", "TIME", "2024-04-26T15:00",
     "reference"},
    {"The blast came at 10:35 a.m. Thursday.", "2024-04-26", "10:35 a.m. Thursday", "TIME",
     "2024-04-25T10:35", "reference"},
    {"Markets closed at 16:08 UTC.", "2024-04-26", "16:08 UTC", "TIME", "2024-04-26T16:08Z",
     "reference"},
    {"They met this morning.", "2024-04-26", "this morning", "TIME", "2024-04-26TMO", "reference"},
    {"Shots rang out last night.", "2024-04-26", "last night", "TIME", "2024-04-25TNI",
     "reference"},
    {"The siege lasted three years.", "", "three years", "DURATION", "P3Y", "absolute"},
    {"The siege lasted 48 hours.", "", "48 hours", "DURATION", "PT48H", "absolute"},
    {"The siege lasted nearly forty years.", "", "nearly forty years", "DURATION", "P40Y",
     "absolute"},
    {"The siege lasted a few days.", "", "a few days", "DURATION", "PXD", "absolute"},
    {"A two-year truce was signed.", "", "two-year", "DURATION", "P2Y", "absolute"},
    {"They meet every Monday.", "", "every Monday", "SET", "XXXX-WXX-1", "absolute"},
    {"They meet twice a year.", "", "twice a year", "SET", "P1Y", "absolute"},
    {"The council meets weekly.", "", "weekly", "SET", "P1W", "absolute"},
    // Not time expressions.
    {"It was founded on 29 February 2023.", "", "29 February 2023", "", "", ""},
    {"It was founded on February 30.", "", "February 30", "", "", ""},
    {"Theresa May said no.", "", "May", "", "", ""},
    {"He may come.", "", "may", "", "", ""},
    {"The bill was $1990.", "", "1990", "", "", ""},
    {"Some 2000 people marched.", "", "2000", "", "", ""},
    {"The 6-year-old boy smiled.", "", "6-year", "", "", ""},
    {"A quarterly dividend was paid.", "", "quarterly", "", "", ""},
    {"The line opened two years later than planned.", "2024-04-26", "two years later", "", "", ""},
    {"He read the Sunday Times.", "", "Sunday", "", "", ""},
    {"He opposed the now-cancelled deal.", "", "now", "", "", ""},
};

BOOST_DATA_TEST_CASE(expressions, boost::unit_test::data::make(kCases), c) {
  nerkit::ExtractOptions options;
  if (!c.reference.empty()) options.reference_date = D(c.reference);
  const nerkit::Result r = DateExtractor().Extract(c.text, options);
  const nerkit::Entity* found = nullptr;
  for (const nerkit::Entity& e : r.entities) {
    if (e.text == c.span && IsTime(e.label)) found = &e;
  }
  if (c.label.empty()) {
    BOOST_TEST(!found);
    return;
  }
  BOOST_TEST_REQUIRE(found);
  BOOST_TEST(std::string(nerkit::LabelName(found->label)) == c.label);
  BOOST_TEST(found->value == c.value);
  BOOST_TEST(found->anchor == c.anchor);
  BOOST_TEST(found->source.starts_with("rule:"));
  BOOST_TEST(c.text.substr(found->start, found->end - found->start) == c.span);
}

// ---- The reference date ----

struct ReferenceCase {
  std::string text;
  std::string reference;  // "" for none
  std::string source;
};
std::ostream& operator<<(std::ostream& out, const ReferenceCase& c) { return out << c.text; }

const std::vector<ReferenceCase> kReferences = {
    {"The News\nFriday 26 of April 2024\n\nForces took the port on Friday.", "2024-04-26",
     "document"},
    {"ROME 1996-12-06\nThe ministry said on Friday that talks would go on.", "1996-12-06",
     "document"},
    {"April 26, 2024 / 3:14 PM\nForces took the port.", "2024-04-26", "document"},
    {"WASHINGTON, April 26, 2024 (AP) \u2014 The Senate voted on Friday.", "2024-04-26",
     "document"},
    {"Talks collapse\nUpdated: 3 May 2024\nThe talks collapsed last week.", "2024-05-03",
     "document"},
    // A date in running prose is not a dateline.
    {"The treaty that was signed on April 26, 2024 changed little last year.", "", ""},
    {"No date here, only last year.", "", ""},
    // A date deep in the article is not a dateline either.
    {"A\nB\nC\nD\nE\nF\nG\nH\nApril 26, 2024\n", "", ""},
};

BOOST_DATA_TEST_CASE(reference_date_from_the_document, boost::unit_test::data::make(kReferences),
                     c) {
  const nerkit::Result r = DateExtractor().Extract(c.text);
  if (c.reference.empty()) {
    BOOST_TEST(!r.reference_date.has_value());
    BOOST_TEST(r.reference_date_source.empty());
    for (const nerkit::Entity& e : r.entities) {
      if (e.text == "last year") BOOST_TEST(e.value.empty());
    }
    return;
  }
  BOOST_TEST_REQUIRE(r.reference_date.has_value());
  BOOST_TEST(r.reference_date->ToString() == c.reference);
  BOOST_TEST(r.reference_date_source == c.source);
}

BOOST_AUTO_TEST_CASE(the_callers_reference_date_wins) {
  nerkit::ExtractOptions options;
  options.reference_date = D("2023-01-10");
  const nerkit::Result r = DateExtractor().Extract(
      "ROME 1996-12-06\nThe ministry said last year that it would.", options);
  BOOST_TEST(r.reference_date->ToString() == "2023-01-10");
  BOOST_TEST(r.reference_date_source == "caller");
  bool seen = false;
  for (const nerkit::Entity& e : r.entities) {
    if (e.text == "last year") {
      seen = true;
      BOOST_TEST(e.value == "2022");
    }
  }
  BOOST_TEST(seen);
}

// ---- Spans ----

BOOST_AUTO_TEST_CASE(spans_start_and_end_on_token_boundaries) {
  const std::string text =
      "BENGHAZI, Libya (AP) \u2014 On Friday\u00a0night, at 3 p.m., mid-April 2024 and the "
      "\u201990s, the Sept. 30 deadline, \u201clast year\u201d, 26/04/2024, two-year-old talks.";
  nerkit::ExtractOptions options;
  options.tokens = true;
  options.reference_date = D("2024-04-26");
  const nerkit::Result r = DateExtractor().Extract(text, options);
  int time_entities = 0;
  for (const nerkit::Entity& e : r.entities) {
    if (!IsTime(e.label)) continue;
    ++time_entities;
    bool starts = false, ends = false;
    for (const nerkit::Token& t : r.tokens) {
      starts |= t.start == e.start;
      ends |= t.end == e.end;
    }
    BOOST_TEST(starts, e.text);
    BOOST_TEST(ends, e.text);
  }
  BOOST_TEST(time_entities >= 7);
}

// ---- Rule files ----

struct BadRule {
  std::string content;
  std::string message;
};
std::ostream& operator<<(std::ostream& out, const BadRule& b) { return out << b.content; }

const std::vector<BadRule> kBadRules = {
    {"date.bad\tDATE\ttokens\t0\t70\t(?P<month>Y\n",
     "test.rules:1:27: rule \"date.bad\": invalid pattern: missing ): (?P<month>Y"},
    {"# a comment\ndate.ok\tDATE\ttokens\t0\t70\t(?P<year>Y)\n"
     "time.bad\tTIME\ttokens\t0\t70\t(?P<hour>[0-5])[\n",
     "test.rules:3:27: rule \"time.bad\": invalid pattern: missing ]: ["},
    {"date.bad\tDATE\ttokens\t0\t70\t(?P<yaer>Y)\n",
     "test.rules:1:27: rule \"date.bad\": unknown group name \"yaer\" (the normaliser reads year, "
     "month, day, weekday, week, quarter, half, season, part, decade, century, holiday, hour, "
     "minute, second, ampm, rel, n, unit, dir, today, yesterday, tomorrow, present, past, future, "
     "mod, timezone; name your own groups x_..., and use reject or reject_... for a part that "
     "discards the match)"},
    {"date.bad\tDATE\ttext\t0\t70\t\\b(?P<year>[0-9]{4})\\b\n",
     "test.rules:1:25: rule \"date.bad\": date rules match the date class string: use target "
     "`tokens`, not `text`"},
    {"date.bad\tDATE\ttokens\tdate\t70\t(?P<year>Y)\n",
     "test.rules:1:30: rule \"date.bad\": no capture group named \"date\""},
    {"date.bad\tDATE\ttokens\t2\t70\t(?P<year>Y)\n",
     "test.rules:1:27: rule \"date.bad\": group 2 does not exist (the pattern has 1)"},
    {"class\tmonth\tapril\n", "test.rules:1:7: class name \"month\" must match [A-Z][A-Z0-9_]*"},
    {"class\tMONTH\n", "test.rules:1:1: expected 3 tab-separated columns (class, NAME, WORDS), got 2"},
};

BOOST_DATA_TEST_CASE(bad_date_rules_fail_the_load, boost::unit_test::data::make(kBadRules), bad) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources = {{"test.rules", bad.content}};
  try {
    nerkit::Extractor::Load(options);
    BOOST_FAIL("loaded a bad rule file");
  } catch (const nerkit::LoadError& e) {
    BOOST_TEST(std::string(e.what()) == bad.message);
    BOOST_TEST(e.path() == "test.rules");
  }
}

BOOST_AUTO_TEST_CASE(a_user_date_rule_without_recompiling) {
  // "Q3/2024" and "in 10 days' time" are not in the default rules; the named groups say what
  // they mean: `dir` is "in" (+1), `n` and `unit` the offset, and the span leaves "in" out. The
  // file's own classes name the words it needs; "Q3/2024" is the pieces q, 1 (a digit 1-4), the
  // attached slash and Y (a year).
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources = {
      {"mine.rules",
       "class\tMY_IN\tin\nclass\tMY_DAYS\tdays\nclass\tMY_TIME\ttime\n"
       "date.q_slash\tDATE\ttokens\t0\t80\t(?P<quarter>q1)/(?P<year>Y)\n"
       "date.in_days_time\tDATE\ttokens\tdate\t80\t"
       "(?P<dir>{MY_IN})(?P<date>(?P<n>[0-9YHN])(?P<unit>{MY_DAYS})'{MY_TIME})\n"}};
  const nerkit::Extractor x = nerkit::Extractor::Load(options);
  BOOST_TEST(x.info().rules == 2u);
  nerkit::ExtractOptions o;
  o.reference_date = D("2024-04-26");
  const nerkit::Result r = x.Extract("Results for Q3/2024 come in 10 days' time.", o);
  BOOST_TEST_REQUIRE(r.entities.size() == 2u);
  BOOST_TEST(r.entities[0].text == "Q3/2024");
  BOOST_TEST(r.entities[0].value == "2024-Q3");
  BOOST_TEST(r.entities[0].anchor == "absolute");
  BOOST_TEST(r.entities[0].source == "rule:date.q_slash (mine.rules:4)");
  BOOST_TEST(r.entities[1].text == "10 days' time");
  BOOST_TEST(r.entities[1].value == "2024-05-06");
  BOOST_TEST(r.entities[1].anchor == "reference");
}

// ---- The date class string ----

// Each pattern is a user rule over the symbols documented in dictionaries/README.md; it must
// find `span` in `text` (or nothing when span is empty).
struct ShapeCase {
  std::string pattern;
  std::string text;
  std::string span;
};
std::ostream& operator<<(std::ostream& out, const ShapeCase& c) {
  return out << c.pattern << " in \"" << c.text << '"';
}

const std::vector<ShapeCase> kShapes = {
    {"Y-3-2", "ROME 1996-12-06 (AP)", "1996-12-06"},
    {"1:4", "It closed at 3:14 today.", "3:14"},
    {"3p7a", "It closed at 10.35am.", "10.35am"},
    {"Y-2-6T3:o", "At 2024-04-26T10:00 it closed.", "2024-04-26T10:00"},
    {"6t", "On the 26th they met.", "26th"},
    {"Ds", "In the 1990s they met.", "1990s"},
    {"Ys", "In the 1995s they met.", "1995s"},
    {"q1/Y", "Results for Q3/2024 came.", "Q3/2024"},
    {"1p5", "It grew 2.5 times.", "2.5"},
    {"1c9", "It cost 1,500 dollars.", "1,500"},
    {"H", "At 0900 it opened.", "0900"},
    {"1{MY_PM}\\.", "It closed at 3 p.m. sharp.", "3 p.m."},
    // ICU keeps "3\u202fp.m" (a narrow no-break space) one token: its pieces are 1 and a.
    {"1a\\.", "It closed at 3\u202fp.m. sharp.", "3\u202fp.m."},
    {"w-w", "A well-known man.", "well-known"},
    {"w-w", "A well - known man.", ""},  // a free-standing hyphen is _
    {"w_w", "A well - known man.", "well - known"},
    {"WS", "It was March's end.", "March's"},
    {"{MY_MAY}1", "It was May 4 then, in may 4.", "May 4"},  // a capitalised class word
};

BOOST_DATA_TEST_CASE(date_class_string_shapes, boost::unit_test::data::make(kShapes), c) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources = {{"shape.rules", "class\tMY_PM\tp.m\nclass\tMY_MAY\tMay\n"
                                           "date.shape\tDATE\ttokens\t0\t70\t" +
                                               c.pattern + "\n"}};
  const nerkit::Extractor x = nerkit::Extractor::Load(options);
  const nerkit::Result r = x.Extract(c.text);
  if (c.span.empty()) {
    BOOST_TEST(r.entities.empty());
    return;
  }
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].text == c.span);
}

// ---- Golden articles (written for these tests) ----

std::vector<std::string> GoldenArticles() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(NERKIT_TEST_DATA_DIR) / "dates")) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

BOOST_DATA_TEST_CASE(golden_articles, boost::unit_test::data::make(GoldenArticles()), name) {
  const fs::path dir = fs::path(NERKIT_TEST_DATA_DIR) / "dates";
  const std::string text = ReadFile(dir / (name + ".txt"));
  const nerkit::Result r = FullExtractor().Extract(text);
  std::string got = "reference\t" +
                    (r.reference_date ? r.reference_date->ToString() : std::string("-")) + "\t" +
                    (r.reference_date_source.empty() ? "-" : r.reference_date_source) + "\n";
  for (const nerkit::Entity& e : r.entities) {
    if (!IsTime(e.label)) continue;
    got += std::to_string(e.start) + "\t" + std::to_string(e.end) + "\t" + e.text + "\t" +
           std::string(nerkit::LabelName(e.label)) + "\t" + (e.value.empty() ? "-" : e.value) +
           "\t" + (e.anchor.empty() ? "-" : e.anchor) + "\n";
  }
  std::string expected;
  std::istringstream lines(ReadFile(dir / (name + ".expected")));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') expected += line + "\n";
  }
  BOOST_TEST(got == expected);
}

// Offsets too large for the calendar (years 1-9999) keep their span and get no value; none
// overflows on the way (the sanitizer builds run this).
BOOST_AUTO_TEST_CASE(offsets_beyond_the_calendar_have_no_value) {
  nerkit::ExtractOptions options;
  options.reference_date = D("2024-04-26");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"It ended 99999999999999999999 days later.", ""},
      {"It began 999,999,999,999,999,999,999 years ago.", ""},
      {"It began 20000 years ago.", ""},
      {"It ended 3000000 weeks later.", ""},
      {"It began 3 days ago.", "2024-04-23"},
      {"It began 9000 days ago.", "1999-09-05"},
  };
  for (const auto& [text, value] : cases) {
    const nerkit::Result r = DateExtractor().Extract(text, options);
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST_REQUIRE(r.entities.size() == 1u);
      BOOST_TEST(r.entities[0].value == value);
      const std::string& span = r.entities[0].text;
      BOOST_TEST((span.ends_with(" ago") || span.ends_with(" later")));
    }
  }
}
