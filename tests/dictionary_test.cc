// Dictionaries: the file format, its errors, and what the matcher finds.
#define BOOST_TEST_MODULE dictionary
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "nerkit/nerkit.h"

namespace {

nerkit::Extractor LoadOnly(const std::string& name, const std::string& content) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back({name, content});
  return nerkit::Extractor::Load(options);
}

struct BadLine {
  std::string content;
  std::string message;  // the exact what() of the LoadError
};

std::ostream& operator<<(std::ostream& out, const BadLine& b) { return out << b.content; }

const std::vector<BadLine> kBadLines = {
    {"Sirte\tLOCATION\t-\t-\t0\tLY\n",
     "test.tsv:1:1: expected 7 tab-separated columns (surface, type, canonical, id, weight, "
     "country, flags), or 8 with a region, got 6"},
    {"# comment\n\nSirte\tCITY\t-\t-\t0\tLY\t-\n",
     "test.tsv:3:7: unknown type \"CITY\" (expected one of PERSON, LOCATION, ORGANIZATION, "
     "GIVEN_NAME, SURNAME, TITLE, DEMONYM, ORG_HEAD, LOC_HEAD, NAME_PARTICLE, WORD)"},
    {"Sirte\tLOCATION\t-\t-\tmany\tLY\t-\n",
     "test.tsv:1:20: weight \"many\" is not a non-negative integer"},
    {"Sirte\tLOCATION\t-\t-\t-5\tLY\t-\n",
     "test.tsv:1:20: weight \"-5\" is not a non-negative integer"},
    {"Sirte\tLOCATION\t-\t-\t0\tLibya\t-\n",
     "test.tsv:1:22: country \"Libya\" is not an ISO 3166-1 alpha-2 code (two upper-case letters) "
     "or -"},
    {"Sirte\tLOCATION\t-\t-\t0\tLY\tprimary,bogus\n",
     "test.tsv:1:25: unknown flag \"bogus\" (expected primary, ascii, alternate, acronym, cs, "
     "common, country, region, city, capital, feature, male, female, prefix, suffix, block, igo, "
     "agency, armed, government, party, company, university, sports, media, ngo, religious)"},
    {"Sir\xFFte\tLOCATION\t-\t-\t0\tLY\t-\n", "test.tsv:1:4: invalid UTF-8 (byte 0xff)"},
    {"\tLOCATION\t-\t-\t0\tLY\t-\n", "test.tsv:1:1: empty surface"},
    {"...\tLOCATION\t-\t-\t0\tLY\t-\n", "test.tsv:1:1: surface \"...\" has no word to match"},
    {"ok\tWORD\t-\t-\t0\t-\t-\r\nSirte\tLOCATION\t-\n",
     "test.tsv:2:1: expected 7 tab-separated columns (surface, type, canonical, id, weight, "
     "country, flags), or 8 with a region, got 3"},
    {"Sirte\tLOCATION\t-\t-\t0\tLY\tcity\tgeonames: 2210553\n",
     "test.tsv:1:30: region \"geonames: 2210553\" is not an id (the id of a first-level "
     "division, without spaces) or -"},
    {"Sirte\tLOCATION\t-\t-\t0\tLY\tcity\t\n",
     "test.tsv:1:30: region \"\" is not an id (the id of a first-level division, without spaces) "
     "or -"},
    {"Sirte\tLOCATION\t-\t-\t0\tLY\tcity\tgeonames:2210553\textra\n",
     "test.tsv:1:1: expected 7 tab-separated columns (surface, type, canonical, id, weight, "
     "country, flags), or 8 with a region, got 9"},
};

}  // namespace

BOOST_DATA_TEST_CASE(malformed_lines_name_file_line_and_column,
                     boost::unit_test::data::make(kBadLines), bad) {
  try {
    LoadOnly("test.tsv", bad.content);
    BOOST_FAIL("loaded a malformed dictionary");
  } catch (const nerkit::LoadError& e) {
    BOOST_TEST(std::string(e.what()) == bad.message);
    BOOST_TEST(e.path() == "test.tsv");
  }
}

BOOST_AUTO_TEST_CASE(missing_folder_and_file) {
  nerkit::LoadOptions options;
  options.dictionaries = "/no/such/folder";
  BOOST_CHECK_EXCEPTION(
      nerkit::Extractor::Load(options), nerkit::LoadError, [](const nerkit::LoadError& e) {
        return std::string(e.what()).starts_with("/no/such/folder: dictionary folder not found");
      });
  nerkit::LoadOptions extra;
  extra.load_dictionary_folder = false;
  extra.extra_files.push_back("/no/such/file.tsv");
  BOOST_CHECK_EXCEPTION(
      nerkit::Extractor::Load(extra), nerkit::LoadError, [](const nerkit::LoadError& e) {
        return std::string(e.what()).starts_with("/no/such/file.tsv: cannot read");
      });
  nerkit::LoadOptions kind;
  kind.load_dictionary_folder = false;
  kind.extra_sources.push_back({"notes.txt", ""});
  BOOST_CHECK_THROW(nerkit::Extractor::Load(kind), nerkit::LoadError);
}

namespace {

const char* kPlaces =
    "# a small gazetteer\n"
    "Sirte\tLOCATION\t-\tgeonames:2210554\t128123\tLY\tprimary,city\n"
    "Sirt\tLOCATION\tSirte\tgeonames:2210554\t128123\tLY\talternate,city\n"
    "Sirt\tLOCATION\tSiirt\tgeonames:300822\t129188\tTR\talternate,city\n"
    "Misrata\tLOCATION\tMisratah\tgeonames:2214846\t386120\tLY\talternate,city\n"
    "Misurata\tLOCATION\tMisratah\tgeonames:2214846\t386120\tLY\talternate,city\n"
    "Mişrātah\tLOCATION\tMisratah\tgeonames:2214846\t386120\tLY\tprimary,city\n"
    "Libya\tLOCATION\t-\tgeonames:2215636\t6000000\tLY\tprimary,country\n"
    "Turkey\tLOCATION\t-\tgeonames:298795\t80000000\tTR\tprimary,country\n"
    "IS\tORGANIZATION\tIslamic State\tnerkit:org/islamic-state\t900\t-\tacronym,cs,armed\n"
    "Islamic State\tORGANIZATION\t-\tnerkit:org/islamic-state\t900\t-\tprimary,armed\n"
    "Daesh\tORGANIZATION\tIslamic State\tnerkit:org/islamic-state\t900\t-\talternate,armed\n"
    "US\tLOCATION\tUnited States\tgeonames:6252001\t300000000\tUS\tacronym,cs,country\n"
    "U.S.\tLOCATION\tUnited States\tgeonames:6252001\t300000000\tUS\tacronym,country\n"
    "al-Qaida\tORGANIZATION\t-\tnerkit:org/al-qaida\t900\t-\tprimary,armed\n"
    "Nice\tLOCATION\t-\tgeonames:2990440\t342669\tFR\tprimary,common,city\n"
    "is\tWORD\t-\t-\t0\t-\t-\n"
    "us\tWORD\t-\t-\t0\t-\t-\n";

struct Found {
  std::string text;
  std::string label;
  std::string id;
};

std::vector<Found> Find(const nerkit::Extractor& x, const std::string& text) {
  std::vector<Found> out;
  for (const nerkit::Entity& e : x.Extract(text).entities) {
    BOOST_TEST(text.substr(e.start, e.end - e.start) == e.text);
    out.push_back({e.text, std::string(nerkit::LabelName(e.label)), e.id});
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(spellings_share_one_id) {
  const nerkit::Extractor x = LoadOnly("places.tsv", kPlaces);
  const auto found = Find(x, "Fighters entered Misurata, MIŞRĀTAH and Sirte in Libya.");
  BOOST_TEST_REQUIRE(found.size() == 4u);
  BOOST_TEST(found[0].id == "geonames:2214846");
  BOOST_TEST(found[1].id == "geonames:2214846");
  BOOST_TEST(found[2].id == "geonames:2210554");
  const auto orgs = Find(x, "Daesh, also called Islamic State or IS, and al Qaida.");
  BOOST_TEST_REQUIRE(orgs.size() == 4u);
  for (int i = 0; i < 3; ++i) BOOST_TEST(orgs[i].id == "nerkit:org/islamic-state");
  BOOST_TEST(orgs[3].text == "al Qaida");
}

BOOST_AUTO_TEST_CASE(countries_mentioned_decide_between_places) {
  const nerkit::Extractor x = LoadOnly("places.tsv", kPlaces);
  BOOST_TEST(Find(x, "Fighters reached Sirt in Libya.")[0].id == "geonames:2210554");
  BOOST_TEST(Find(x, "Fighters reached Sirt in Turkey.")[0].id == "geonames:300822");
}

BOOST_AUTO_TEST_CASE(case_sensitive_entries) {
  const nerkit::Extractor x = LoadOnly("places.tsv", kPlaces);
  const auto found = Find(x, "It is what it is, says the US, and IS agrees with us.");
  BOOST_TEST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].text == "US");
  BOOST_TEST(found[1].text == "IS");
}

BOOST_AUTO_TEST_CASE(common_words_need_support) {
  const nerkit::Extractor x = LoadOnly("places.tsv", kPlaces);
  BOOST_TEST(Find(x, "It was a nice day. Nice people came.").empty());
}

BOOST_AUTO_TEST_CASE(sentence_final_period_is_not_part_of_a_name) {
  const nerkit::Extractor x = LoadOnly("places.tsv", kPlaces);
  const auto found = Find(x, "Troops left for the U.S. They went to Libya.");
  BOOST_TEST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].text == "U.S.");
  BOOST_TEST(found[1].text == "Libya");
}

BOOST_AUTO_TEST_CASE(duplicates_and_block) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back({"a.tsv", kPlaces});
  options.extra_sources.push_back(
      {"b.tsv",
       "Sirte\tLOCATION\t-\tgeonames:2210554\t1\tLY\tprimary\n"  // a duplicate
       "Misurata\tLOCATION\t-\t-\t0\t-\tblock\n"});              // the user takes one spelling out
  const nerkit::Extractor x = nerkit::Extractor::Load(options);
  BOOST_TEST(x.info().duplicate_entries == 1u);
  BOOST_TEST(x.info().blocked_entries == 1u);
  const auto found = Find(x, "From Misurata to Misrata.");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].text == "Misrata");
  BOOST_TEST(x.info().files == (std::vector<std::string>{"a.tsv", "b.tsv"}));
}

BOOST_AUTO_TEST_CASE(source_names_file_and_line) {
  const nerkit::Extractor x = LoadOnly("places.tsv", kPlaces);
  const nerkit::Result r = x.Extract("Misurata");
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].source == "dictionary:places.tsv:6");
  BOOST_TEST(r.entities[0].canonical == "Misratah");
}
