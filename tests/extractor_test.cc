// The public API: loading, extraction settings, input limits, and one extractor shared by threads.
#define BOOST_TEST_MODULE extractor
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "nerkit/nerkit.h"

namespace {

const char* kSmall =
    "Sirte\tLOCATION\t-\tgeonames:2210554\t128123\tLY\tprimary,city\n"
    "Misrata\tLOCATION\tMisratah\tgeonames:2214846\t386120\tLY\talternate,city\n"
    "Libya\tLOCATION\t-\tgeonames:2215636\t6000000\tLY\tprimary,country\n"
    "Reuters\tORGANIZATION\t-\tnerkit:org/reuters\t900\tGB\tprimary,agency\n";

nerkit::Extractor Small() {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back({"small.tsv", kSmall});
  return nerkit::Extractor::Load(options);
}

// "text/LABEL" of each entity of `r` with a label in `labels`, in document order.
std::vector<std::string> Found(const nerkit::Result& r,
                               nerkit::LabelSet labels = nerkit::LabelSet::All()) {
  std::vector<std::string> found;
  for (const nerkit::Entity& e : r.entities) {
    if (labels.Contains(e.label)) {
      found.push_back(e.text + "/" + std::string(nerkit::LabelName(e.label)));
    }
  }
  return found;
}

// The entity of `r` that starts at byte `start` with the text `surface`, or nullptr.
const nerkit::Entity* EntityAt(const nerkit::Result& r, std::size_t start,
                               std::string_view surface) {
  for (const nerkit::Entity& e : r.entities) {
    if (e.start == start && e.text == surface) return &e;
  }
  return nullptr;
}

// The texts of the people of `r`, in document order.
std::vector<std::string> People(const nerkit::Result& r) {
  std::vector<std::string> people;
  for (const nerkit::Entity& e : r.entities) {
    if (e.label == nerkit::Label::kPerson) people.push_back(e.text);
  }
  return people;
}

}  // namespace

BOOST_AUTO_TEST_CASE(labels_and_label_sets) {
  BOOST_TEST(nerkit::LabelName(nerkit::Label::kOrganization) == "ORGANIZATION");
  BOOST_TEST(nerkit::ParseLabel("DATE").has_value());
  BOOST_TEST(!nerkit::ParseLabel("date").has_value());
  const nerkit::LabelSet set = nerkit::LabelSet::Parse("PERSON, LOCATION");
  BOOST_TEST(set.Contains(nerkit::Label::kPerson));
  BOOST_TEST(!set.Contains(nerkit::Label::kDate));
  BOOST_CHECK_THROW(nerkit::LabelSet::Parse("PERSON,PLACE"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(civil_dates) {
  const auto d = nerkit::CivilDate::Parse("2024-04-26");
  BOOST_TEST_REQUIRE(d.has_value());
  BOOST_TEST(d->Weekday() == 5);  // a Friday
  BOOST_TEST(d->ToString() == "2024-04-26");
  BOOST_TEST(nerkit::CivilDate::FromDays(d->ToDays() + 4).ToString() == "2024-04-30");
  BOOST_TEST(nerkit::CivilDate::FromDays(d->ToDays() + 5).ToString() == "2024-05-01");
  BOOST_TEST(!nerkit::CivilDate::Parse("2023-02-29").has_value());
  BOOST_TEST(nerkit::CivilDate::Parse("2024-02-29").has_value());
  BOOST_TEST(!nerkit::CivilDate::Parse("2024-4-26").has_value());
  BOOST_TEST(!nerkit::CivilDate::Parse("2024-13-01").has_value());
  BOOST_TEST(nerkit::CivilDate::FromDays(0).ToString() == "1970-01-01");
}

BOOST_AUTO_TEST_CASE(entities_have_byte_offsets_text_and_sources) {
  const nerkit::Extractor x = Small();
  const std::string text =
      "\xE2\x80\x9C"
      "Fighters reached Sirte,\xE2\x80\x9D Reuters said.";
  const nerkit::Result r = x.Extract(text);
  BOOST_TEST_REQUIRE(r.entities.size() == 2u);
  BOOST_TEST(r.entities[0].start == 20u);
  BOOST_TEST(r.entities[0].end == 25u);
  BOOST_TEST(r.entities[0].text == "Sirte");
  BOOST_TEST(r.entities[0].id == "geonames:2210554");
  BOOST_TEST(r.entities[0].source == "dictionary:small.tsv:1");
  BOOST_TEST(r.entities[1].text == "Reuters");
  BOOST_TEST(r.invalid_utf8_bytes == 0u);
}

BOOST_AUTO_TEST_CASE(labels_option_filters) {
  const nerkit::Extractor x = Small();
  nerkit::ExtractOptions options;
  options.labels = nerkit::LabelSet{nerkit::Label::kOrganization};
  const nerkit::Result r = x.Extract("Reuters reached Sirte.", options);
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].text == "Reuters");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_not_fatal) {
  const nerkit::Extractor x = Small();
  const std::string text =
      "Sirte\xFF"
      "Misrata \xC3 Libya";
  const nerkit::Result r = x.Extract(text);
  BOOST_TEST(r.invalid_utf8_bytes == 2u);
  BOOST_TEST_REQUIRE(r.entities.size() == 3u);
  BOOST_TEST(r.entities[1].start == 6u);
  BOOST_TEST(r.entities[1].text == "Misrata");
  BOOST_TEST(r.entities[2].start == 16u);
  nerkit::ExtractOptions strict;
  strict.strict_utf8 = true;
  BOOST_CHECK_EXCEPTION(
      x.Extract(text, strict), nerkit::InputError, [](const nerkit::InputError& e) {
        return std::string(e.what()) == "invalid UTF-8: 2 bad byte(s), the first at byte offset 5";
      });
}

BOOST_AUTO_TEST_CASE(document_size_limit) {
  const nerkit::Extractor x = Small();
  nerkit::ExtractOptions options;
  options.max_document_bytes = 10;
  BOOST_CHECK_EXCEPTION(x.Extract("Sirte and Misrata", options), nerkit::InputError,
                        [](const nerkit::InputError& e) {
                          return std::string(e.what()) ==
                                 "document of 17 bytes exceeds the limit of 10 bytes "
                                 "(max_document_bytes)";
                        });
  BOOST_TEST(x.Extract("Sirte", options).entities.size() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_and_odd_documents) {
  const nerkit::Extractor x = Small();
  BOOST_TEST(x.Extract("").entities.empty());
  BOOST_TEST(x.Extract(std::string("\0\0Sirte\0", 8)).entities.size() == 1u);
  BOOST_TEST(x.Extract("\xEF\xBB\xBF").entities.empty());
  BOOST_TEST(x.Extract(std::string(1000, '.')).entities.empty());
}

BOOST_AUTO_TEST_CASE(dictionary_folder_from_environment) {
  // The tests run with NERKIT_DICTIONARIES set to the in-tree folder.
  const char* env = std::getenv("NERKIT_DICTIONARIES");
  BOOST_TEST_REQUIRE(env != nullptr);
  BOOST_TEST(nerkit::Extractor::DefaultDictionaryDir() == std::filesystem::path(env));
  // Without it, a program of the build tree reads the source tree's dictionaries, even where an
  // older copy is installed.
  const std::string saved = env;
  ::unsetenv("NERKIT_DICTIONARIES");
  BOOST_TEST(nerkit::Extractor::DefaultDictionaryDir() ==
             std::filesystem::path(NERKIT_TEST_DICTIONARY_DIR));
  ::setenv("NERKIT_DICTIONARIES", saved.c_str(), 1);
}

BOOST_AUTO_TEST_CASE(workspace_reuse_gives_the_same_results) {
  const nerkit::Extractor x = Small();
  nerkit::Workspace workspace;
  const std::string a = "Reuters reached Sirte and Misrata in Libya.";
  const std::string b = "Nothing here.";
  const nerkit::Result first = x.Extract(a, {}, workspace);
  (void)x.Extract(b, {}, workspace);
  const nerkit::Result again = x.Extract(a, {}, workspace);
  BOOST_TEST(first.entities == again.entities);
  BOOST_TEST(first.entities == x.Extract(a).entities);
}

// Extract into one Result, document after document: each time it holds exactly what a new Result
// would (entities, clusters, values, reference date, explanations, tokens), whatever the document
// before held.
BOOST_AUTO_TEST_CASE(a_reused_result_holds_only_the_last_document) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::vector<std::string> texts = {
      "BENGHAZI, Libya (AP) \xE2\x80\x94 Fighters loyal to Mohammed al-Ghasri entered Misurata "
      "and Sirte on Monday, a spokesman, Ahmed Hadiya, told Reuters. Al-Ghasri said on 3 May 2024 "
      "that the United Nations and Reuters had been told.",
      "Nothing here.",
      "",
      "Paris, Texas, on Friday. Bad byte \xFF here.",
      "Mohammed al-Ghasri met Ahmed Hadiya in Benghazi yesterday.",
  };
  std::vector<nerkit::ExtractOptions> settings(3);
  settings[1].explain = true;
  settings[1].tokens = true;
  settings[2].reference_date = nerkit::CivilDate{2024, 4, 26};
  settings[2].labels = nerkit::LabelSet::Parse("PERSON,DATE");
  nerkit::Workspace workspace;
  nerkit::Result reused;
  int compared = 0;
  for (int round = 0; round < 2; ++round) {
    for (const nerkit::ExtractOptions& options : settings) {
      for (const std::string& text : texts) {
        x.Extract(text, options, workspace, reused);
        const nerkit::Result fresh = x.Extract(text, options);
        BOOST_TEST(reused.entities == fresh.entities);
        BOOST_REQUIRE_EQUAL(reused.clusters.size(), fresh.clusters.size());
        for (std::size_t i = 0; i < fresh.clusters.size(); ++i) {
          BOOST_TEST(reused.clusters[i].label == fresh.clusters[i].label);
          BOOST_TEST(reused.clusters[i].name == fresh.clusters[i].name);
          BOOST_TEST(reused.clusters[i].canonical == fresh.clusters[i].canonical);
          BOOST_TEST(reused.clusters[i].id == fresh.clusters[i].id);
          BOOST_TEST(reused.clusters[i].mentions == fresh.clusters[i].mentions);
        }
        BOOST_TEST((reused.reference_date == fresh.reference_date));
        BOOST_TEST(reused.reference_date_source == fresh.reference_date_source);
        BOOST_TEST(reused.invalid_utf8_bytes == fresh.invalid_utf8_bytes);
        BOOST_TEST(reused.rejected.size() == fresh.rejected.size());
        BOOST_TEST(reused.evidence.size() == fresh.evidence.size());
        BOOST_TEST(reused.tokens.size() == fresh.tokens.size());
        ++compared;
      }
    }
  }
  BOOST_TEST(compared == 30);
  // The first article has what the comparison needs to mean something.
  x.Extract(texts[0], settings[0], workspace, reused);
  BOOST_TEST(reused.entities.size() >= 8u);
  BOOST_TEST(!reused.clusters.empty());
}

BOOST_AUTO_TEST_CASE(one_extractor_eight_threads, *boost::unit_test::label("threads")) {
  // The default dictionaries: the whole pipeline runs in every thread.
  const nerkit::Extractor x = nerkit::Extractor::Load();
  std::vector<std::string> texts;
  for (int i = 0; i < 16; ++i) {
    texts.push_back(
        "BENGHAZI, Libya (AP) \xE2\x80\x94 Fighters entered Misurata and Sirte on "
        "Monday, a spokesman, Ahmed Hadiya, told Reuters on day " +
        std::to_string(i) + ".");
  }
  std::vector<std::vector<nerkit::Entity>> expected;
  for (const std::string& t : texts) expected.push_back(x.Extract(t).entities);
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      nerkit::Workspace workspace;
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          if (x.Extract(texts[i], {}, workspace).entities != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 8; ++t) BOOST_TEST(mismatches[t] == 0);
  BOOST_TEST(!expected[0].empty());
}

// Document consistency with the default dictionaries: a name found in the body labels the same
// words in the headline, a longer name wins over a shorter one inside it ("Harlow", a town, in
// "Harlow & Finch"), short names share their full name's cluster, and a headline's capitalised
// common words are no name ("Envoy Urges Talks").
BOOST_AUTO_TEST_CASE(names_are_consistent_across_the_document) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Harlow & Finch to Buy Brightwater Systems in Deal, Envoy Urges Talks\n\n"
      "NEW YORK (Reuters) - Harlow & Finch Inc. agreed to buy the software maker Brightwater "
      "Systems Corp., the companies said. Brightwater was founded in Austin. The board of "
      "Harlow & Finch approved the deal.\n";
  const nerkit::Result r = x.Extract(text);
  auto find = [&](std::size_t start, std::string_view surface) {
    return EntityAt(r, start, surface);
  };
  const nerkit::Entity* headline = find(0, "Harlow & Finch");
  BOOST_TEST_REQUIRE(headline);
  BOOST_TEST(headline->label == nerkit::Label::kOrganization);
  const std::size_t full_at = text.find("Harlow & Finch Inc.");
  const nerkit::Entity* full = find(full_at, "Harlow & Finch Inc.");
  BOOST_TEST_REQUIRE(full);
  BOOST_TEST(full->cluster == headline->cluster);
  const nerkit::Entity* last = find(text.rfind("Harlow & Finch"), "Harlow & Finch");
  BOOST_TEST_REQUIRE(last);
  BOOST_TEST(last->cluster == headline->cluster);
  const nerkit::Entity* corp =
      find(text.find("Brightwater Systems Corp."), "Brightwater Systems Corp.");
  const nerkit::Entity* short_name = find(text.find("Brightwater was"), "Brightwater");
  BOOST_TEST_REQUIRE(corp);
  BOOST_TEST_REQUIRE(short_name);
  BOOST_TEST(short_name->label == nerkit::Label::kOrganization);
  BOOST_TEST(short_name->cluster == corp->cluster);
  for (const nerkit::Entity& e : r.entities) {
    BOOST_TEST(e.text.find("Urges") == std::string::npos, e.text << " is no name");
    BOOST_TEST(!(e.start == 0 && e.label == nerkit::Label::kLocation), "Harlow is no town here");
  }
}

// A two-word organisation from the dictionary is known later by its first word: the short form
// takes its label (over a reporting verb's weak "person" cue), its cluster, canonical name and
// id. Not when the two words are joined by "&" (each side may be a person), nor when the first
// word is a common word ("General" of "General Motors").
BOOST_AUTO_TEST_CASE(a_two_word_organisation_is_known_by_its_first_word) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Goldman Sachs posted results on Tuesday. Shares of Goldman rose. Goldman said revenue "
      "rose. General Motors sold cars, General said nothing.\n";
  const nerkit::Result r = x.Extract(text);
  auto find = [&](std::size_t start, std::string_view surface) {
    return EntityAt(r, start, surface);
  };
  const nerkit::Entity* full = find(0, "Goldman Sachs");
  BOOST_TEST_REQUIRE(full);
  BOOST_TEST(full->label == nerkit::Label::kOrganization);
  for (const char* at : {"Goldman rose", "Goldman said"}) {
    const nerkit::Entity* short_form = find(text.find(at), "Goldman");
    BOOST_TEST_REQUIRE(short_form, at);
    BOOST_TEST(short_form->label == nerkit::Label::kOrganization, at);
    BOOST_TEST(short_form->cluster == full->cluster, at);
    BOOST_TEST(short_form->canonical == full->canonical, at);
    BOOST_TEST(short_form->id == full->id, at);
  }
  const nerkit::Entity* general = find(text.find("General said"), "General");
  BOOST_TEST(!(general && general->label == nerkit::Label::kOrganization));

  const std::string pair = "Johnson & Johnson sold units. Johnson said so.\n";
  const nerkit::Result p = x.Extract(pair);
  for (const nerkit::Entity& e : p.entities) {
    if (e.start == pair.find("Johnson said")) {
      BOOST_TEST(e.label == nerkit::Label::kPerson, "a side of & is no short form");
    }
  }
}

// A common word that is another name of a dictionary entry needs support; the same entry named
// in full elsewhere in the document is support ("Apple said" at the start of a sentence, after
// "Apple Inc."), for the capitalised word only.
BOOST_AUTO_TEST_CASE(a_common_word_name_is_supported_by_its_full_name_elsewhere) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Apple Inc. reported results. Apple said sales rose. He ate an apple. Shell plc cut jobs. "
      "Shell shares fell.\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"Apple Inc./ORGANIZATION", "Apple/ORGANIZATION",
                                                "Shell plc/ORGANIZATION", "Shell/ORGANIZATION"}),
             boost::test_tools::per_element());
  // Without the full name, the sentence-initial common word stays no name.
  const std::vector<std::string> alone = Found(x.Extract("Apple said sales rose.\n"));
  BOOST_TEST(alone.empty());
}

// Stock market indexes are no people or organisations, while the company of the same name is one.
BOOST_AUTO_TEST_CASE(stock_indexes_are_no_entities) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "The Dow Jones Industrial Average fell 2 percent and the Dow Jones lost 300 points, while "
      "the S&P 500 and the Nasdaq Composite rose. Dow Jones & Co. and Dow Jones Newswires "
      "reported the figures.\n";
  nerkit::LabelSet labels = nerkit::LabelSet::All();
  labels.Erase(nerkit::Label::kDuration);
  labels.Erase(nerkit::Label::kDate);
  const std::vector<std::string> found = Found(x.Extract(text), labels);
  BOOST_TEST(found == (std::vector<std::string>{"Dow Jones & Co./ORGANIZATION",
                                                "Dow Jones Newswires/ORGANIZATION"}),
             boost::test_tools::per_element());
}

// Personal names whose words a dictionary also knows as places, and names with several particles.
BOOST_AUTO_TEST_CASE(person_names_with_place_words_and_particles) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "The coach said Tony Adams was injured, and Joost van der Westhuizen played. Will Paris "
      "host the games? Ministers met in Paris. Justine Henin-Hardenne won.\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"Tony Adams/PERSON",
                                                "Joost van der Westhuizen/PERSON", "Paris/LOCATION",
                                                "Paris/LOCATION", "Justine Henin-Hardenne/PERSON"}),
             boost::test_tools::per_element());
}

// Initials are capitalised in any sentence: a scorecard line full of them is no Title Case
// headline, and its names count.
BOOST_AUTO_TEST_CASE(initials_do_not_make_a_headline) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Surrey 429-7 (C. Lewis 80 not out, M. Butcher 70, G. Kersey 63, D. Bicknell 55).\n";
  const std::vector<std::string> people = People(x.Extract(text));
  BOOST_TEST(
      people == (std::vector<std::string>{"C. Lewis", "M. Butcher", "G. Kersey", "D. Bicknell"}),
      boost::test_tools::per_element());
}

// A line in capitals with single letters ("W L PCT GB") is an all-capital line: capitalisation
// says nothing there, so only dictionary names and the strongest rules count.
BOOST_AUTO_TEST_CASE(all_capital_lines_with_single_letters) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text = "STANDINGS\nW L PCT GB\nNEW YORK 74 58 .561 -\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"NEW YORK/LOCATION"}),
             boost::test_tools::per_element());
}

// Company suffixes end a name, and a place head word after one makes a place.
BOOST_AUTO_TEST_CASE(company_suffixes_and_airports) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Flights left Changi International Airport. Douglas Aircraft and Washington Mutual "
      "reported results.\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"Changi International Airport/LOCATION",
                                                "Douglas Aircraft/ORGANIZATION",
                                                "Washington Mutual/ORGANIZATION"}),
             boost::test_tools::per_element());
}

// Names whose type only their form can tell: a short word in capitals makes an abbreviation or a
// code, not a person ("USS Kitty Hawk", "OS X Tiger"); a surname in capitals at the end, dotted
// initials and regnal numbers stay in personal names.
BOOST_AUTO_TEST_CASE(abbreviations_are_not_people) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "The USS Kitty Hawk sailed while reviews praised OS X Tiger. Zorblax Quennet and "
      "Lansana CONTE met. C.W. Quennel spoke.\n";
  const std::vector<std::string> people = People(x.Extract(text));
  BOOST_TEST(
      people == (std::vector<std::string>{"Zorblax Quennet", "Lansana CONTE", "C.W. Quennel"}),
      boost::test_tools::per_element());
}

// A common word that opens a sentence before "of" is not part of the organisation after it; a
// head word there is.
BOOST_AUTO_TEST_CASE(sentence_opening_word_before_of) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Shares of Brennock Vallis Holdings rose. Sales of Quarrow & Tesh Co fell. Bank of "
      "Orlenna Corp. said so.\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"Brennock Vallis Holdings/ORGANIZATION",
                                                "Quarrow & Tesh Co/ORGANIZATION",
                                                "Bank of Orlenna Corp./ORGANIZATION"}),
             boost::test_tools::per_element());
}

// A word no dictionary knows before a surname (or a place that is also one) starts a personal
// name: given names of other languages. After a place preposition the two words are a place.
BOOST_AUTO_TEST_CASE(unknown_given_name_before_a_surname) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Zorvek Quesada (Cuba) won the triple jump. Police met elders near Tirin Kot.\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"Zorvek Quesada/PERSON", "Cuba/LOCATION",
                                                "Tirin Kot/LOCATION"}),
             boost::test_tools::per_element());
}

// Words that are given names far more often than anything else start personal names: "Jan"
// before a name is no month ("Jan 5" still is a date), "Amir" no title.
BOOST_AUTO_TEST_CASE(given_names_that_are_also_months_or_titles) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Foreign Minister Jan Quennet and Amir Zorvek met on Jan 5. Dean Quennel said so.\n";
  const std::vector<std::string> found = Found(x.Extract(text));
  BOOST_TEST(found == (std::vector<std::string>{"Jan Quennet/PERSON", "Amir Zorvek/PERSON",
                                                "Jan 5/DATE", "Dean Quennel/PERSON"}),
             boost::test_tools::per_element());
}

// An abbreviation in capitals is the organisation whose initials it is, even where the name of a
// town matches it when case is ignored; the town written as a name stays a place.
BOOST_AUTO_TEST_CASE(abbreviation_of_an_organisation_over_a_town) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "The Government Accountability Office (GAO) upheld the protest. Fighting spread to Gao. "
      "The GAO said so.\n";
  const nerkit::Result r = x.Extract(text);
  const std::vector<std::string> found = Found(r);
  BOOST_TEST(
      found == (std::vector<std::string>{"Government Accountability Office/ORGANIZATION",
                                         "GAO/ORGANIZATION", "Gao/LOCATION", "GAO/ORGANIZATION"}),
      boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(r.entities.size(), 4u);
  BOOST_TEST(r.entities[1].cluster == r.entities[0].cluster);
  BOOST_TEST(r.entities[3].cluster == r.entities[0].cluster);
}

// Capitalised words that no rule typed are a person by their form only if the last is no common
// word (unless a given name starts them): a ranch, a cable maker, a computer.
BOOST_AUTO_TEST_CASE(names_ending_in_a_common_word_are_no_people) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Visitors toured Qorvath Ranch while Brivane Cables gained. Zorblax Quennet and Mark "
      "Quennel watched.\n";
  const std::vector<std::string> people = People(x.Extract(text));
  BOOST_TEST(people == (std::vector<std::string>{"Zorblax Quennet", "Mark Quennel"}),
             boost::test_tools::per_element());
}

// A line of results is no Title Case headline, however many of its names are also words: a
// number follows each name.
BOOST_AUTO_TEST_CASE(a_line_of_results_is_no_headline) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Close of play scores on Friday:\nLondon (The Oval): Warwickshire 195, Surrey 429-7 (C. "
      "Zorvek 80 not out, M. Butcher 70, G. Quennet 63, J. Brivane 63).\n";
  const std::vector<std::string> people = People(x.Extract(text));
  BOOST_TEST(
      people == (std::vector<std::string>{"C. Zorvek", "M. Butcher", "G. Quennet", "J. Brivane"}),
      boost::test_tools::per_element());
}

// In a cricket scorecard the fielder and the bowler after "c", "b" and "lbw b" are people; the
// same letters in other text are not cues.
BOOST_AUTO_TEST_CASE(cricket_scorecard_fielders_and_bowlers) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string scorecard =
      "CRICKET - PAKISTAN FIRST INNINGS SCOREBOARD.\nPakistan first innings:\nSaeed Anwar c "
      "Quennet b Brivane 33\nSalim Malik lbw b Ata-ur-Zorvek 21\nThe bowler took his first "
      "wicket.\n";
  BOOST_TEST(
      People(x.Extract(scorecard)) == (std::vector<std::string>{"Saeed Anwar", "Quennet", "Brivane",
                                                                "Salim Malik", "Ata-ur-Zorvek"}),
      boost::test_tools::per_element());
  const std::string prose = "Plan b Quennet was dropped, and option c Brivane too.\n";
  BOOST_TEST(People(x.Extract(prose)).empty());
}

// A demonym before a personal name stays outside it, and an age between commas marks a name as
// a person's, even one that is also a place.
BOOST_AUTO_TEST_CASE(demonyms_and_ages_around_names) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Duran, 45, takes on little-known Mexican Ariel Cruz, 30, in a bout. Russian Nadia "
      "Quennet won.\n";
  BOOST_TEST(
      Found(x.Extract(text)) ==
          (std::vector<std::string>{"Duran/PERSON", "Ariel Cruz/PERSON", "Nadia Quennet/PERSON"}),
      boost::test_tools::per_element());
}

// A rule finds names that follow one another closely: the symbol a match needs after its name
// can be the one the next match needs before its own.
BOOST_AUTO_TEST_CASE(rules_find_names_that_follow_one_another) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string names = "Results: Zorvek Quesada, Brivane Halle and Qorvath Saran won.\n";
  BOOST_TEST(People(x.Extract(names)) ==
                 (std::vector<std::string>{"Zorvek Quesada", "Brivane Halle", "Qorvath Saran"}),
             boost::test_tools::per_element());
  // Every line of results, not every other one.
  const std::string results =
      "SOCCER - ENGLISH LEAGUE RESULTS.\nResults of English league soccer matches on "
      "Saturday:\nStoke 2 Tranmere 1\nBarnsley 3 Wolves 1\nPortsmouth 1 Norwich 0\nBolton 2 "
      "Reading 1\n";
  BOOST_TEST(Found(x.Extract(results), nerkit::LabelSet::Parse("ORGANIZATION")) ==
                 (std::vector<std::string>{"Stoke/ORGANIZATION", "Tranmere/ORGANIZATION",
                                           "Barnsley/ORGANIZATION", "Wolves/ORGANIZATION",
                                           "Portsmouth/ORGANIZATION", "Norwich/ORGANIZATION",
                                           "Bolton/ORGANIZATION", "Reading/ORGANIZATION"}),
             boost::test_tools::per_element());
}

// In sports reports: a fixture line names the visiting team, then the place it plays at; a
// region after "in City," is a place, not a team.
BOOST_AUTO_TEST_CASE(fixtures_and_places_in_sports_reports) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "BASEBALL - MAJOR LEAGUE SCHEDULE.\nBaseball games of the league on Friday:\nCHICAGO AT "
      "TORONTO\nKANSAS CITY AT DETROIT\nThe tennis player won at Indian Wells, California, in "
      "straight sets.\n";
  BOOST_TEST(Found(x.Extract(text), nerkit::LabelSet::Parse("LOCATION,ORGANIZATION")) ==
                 (std::vector<std::string>{"CHICAGO/ORGANIZATION", "TORONTO/LOCATION",
                                           "KANSAS CITY/ORGANIZATION", "DETROIT/LOCATION",
                                           "Indian Wells/LOCATION", "California/LOCATION"}),
             boost::test_tools::per_element());
}

// Capitalised words that end in a known person's surname are that person's full name, named by
// the resolver; a title or a known organisation before the name stays outside.
BOOST_AUTO_TEST_CASE(unknown_given_names_before_a_known_surname) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "His son, Qorvath Talabani, spoke to reporters. U.S. Senators Hillary Clinton and "
      "Zorvek Quennet met.\n";
  const nerkit::Result r = x.Extract(text);
  BOOST_TEST(People(r) == (std::vector<std::string>{"Qorvath Talabani", "Hillary Clinton",
                                                    "Zorvek Quennet"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(!r.entities.empty());
  BOOST_TEST(r.entities[0].source.find("resolver:full-name") != std::string::npos);
}

// Two organisations that overlap are one name; a known one that the join only gives a legal
// suffix keeps its id, another join is a name of its own; a possessive is never joined in.
BOOST_AUTO_TEST_CASE(overlapping_organisations_are_one_name) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Shares of Dunkin' Donuts Inc. rose. The U.S. Army Corps of Engineers rebuilt the levees. "
      "He called Campbell's.\n";
  const nerkit::Result r = x.Extract(text);
  BOOST_TEST(Found(r, nerkit::LabelSet::Parse("ORGANIZATION")) ==
                 (std::vector<std::string>{"Dunkin' Donuts Inc./ORGANIZATION",
                                           "U.S. Army Corps of Engineers/ORGANIZATION",
                                           "Campbell's/ORGANIZATION"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(r.entities.size() >= 2u);
  BOOST_TEST(r.entities[0].id == "nerkit:org/dunkin");
  BOOST_TEST(r.entities[0].source.find("resolver:joined") != std::string::npos);
  BOOST_TEST(r.entities[1].id.empty());
}

// A name right after a word for a kind of company or team is that organisation's; a head word
// in a name and a role before a person are not such words.
BOOST_AUTO_TEST_CASE(names_after_a_kind_of_company) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "Russian oil giant Zorvex said drug maker Quennard was not liable. He joined first "
      "division side Nice. The firm Friday said so. He was the head of the Chinese Academy of "
      "Carrier Rocket Technology until it was found out. The first division team Deportivo "
      "Quennara won.\n";
  BOOST_TEST(Found(x.Extract(text)) ==
                 (std::vector<std::string>{
                     "Zorvex/ORGANIZATION", "Quennard/ORGANIZATION", "Nice/ORGANIZATION",
                     "Friday/DATE", "Chinese Academy of Carrier Rocket Technology/ORGANIZATION",
                     "Deportivo Quennara/ORGANIZATION"}),
             boost::test_tools::per_element());
}

// A list of names is no Title Case headline, however many of the names are also words.
BOOST_AUTO_TEST_CASE(a_list_of_names_is_no_headline) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "The teams were named on Friday.\nEngland: Mike Atherton (captain), Nick Knight, Alec "
      "Stewart, Robert Croft, Darren Gough.\n";
  BOOST_TEST(People(x.Extract(text)) ==
                 (std::vector<std::string>{"Mike Atherton", "Nick Knight", "Alec Stewart",
                                           "Robert Croft", "Darren Gough"}),
             boost::test_tools::per_element());
}

// The name of an organisation without its legal suffix is that organisation throughout the
// document, even where a weak cue (a reporting verb, a preposition) said otherwise; so are its
// initials without the suffix.
BOOST_AUTO_TEST_CASE(short_names_and_initials_of_organisations) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "The Bank Rozwoju Exportu SA (BRE) plans to bid for the distribution chain Quorch SA. "
      "Finance will be provided by BRE. Quorch said it needs $200 million. Investors want 40 "
      "percent of Quorch.\n";
  BOOST_TEST(
      Found(x.Extract(text)) ==
          (std::vector<std::string>{"Bank Rozwoju Exportu SA/ORGANIZATION", "BRE/ORGANIZATION",
                                    "Quorch SA/ORGANIZATION", "BRE/ORGANIZATION",
                                    "Quorch/ORGANIZATION", "Quorch/ORGANIZATION"}),
      boost::test_tools::per_element());
}

// In a headline or an all-capital line, a span a strong rule says is no entity stays no entity:
// the place in an event's name is not a place there either.
BOOST_AUTO_TEST_CASE(events_in_all_capital_headlines) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "TENNIS - FRIDAY'S RESULTS FROM THE U.S. OPEN.\nNEW YORK 1996-08-30\nResults of the U.S. "
      "Open tennis championships on Friday.\n";
  BOOST_TEST(Found(x.Extract(text), nerkit::LabelSet::Parse("PERSON,LOCATION,ORGANIZATION")) ==
                 (std::vector<std::string>{"NEW YORK/LOCATION"}),
             boost::test_tools::per_element());
}

// In a cricket report a county before its score is a team, runs-for-wickets included; a place
// before a dateline date stays a place.
BOOST_AUTO_TEST_CASE(teams_before_cricket_scores) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES.\nClose of play scores in the cricket "
      "championship on Friday, after the first innings:\nLondon: Warwickshire 195, Surrey 429-7 "
      "(C. Zorvek 80 not out).\nLONDON 1996-08-30\n";
  BOOST_TEST(Found(x.Extract(text), nerkit::LabelSet::Parse("PERSON,LOCATION,ORGANIZATION")) ==
                 (std::vector<std::string>{"London/LOCATION", "Warwickshire/ORGANIZATION",
                                           "Surrey/ORGANIZATION", "C. Zorvek/PERSON",
                                           "LONDON/LOCATION"}),
             boost::test_tools::per_element());
}

// US state abbreviations are places when written with their period; an adjective made of one
// ("Calif.-based") is no mention, and the same letters without the period are no state.
BOOST_AUTO_TEST_CASE(us_state_abbreviations) {
  const nerkit::Extractor x = nerkit::Extractor::Load();
  const std::string text =
      "PITTSBURGH, Pa. (AP) - A Calif.-based firm bought a plant in Peoria, Ill., on Friday. Pa "
      "Zorvek was not there.\n";
  const nerkit::Result r = x.Extract(text);
  BOOST_TEST(Found(r, nerkit::LabelSet::Parse("LOCATION")) ==
                 (std::vector<std::string>{"PITTSBURGH/LOCATION", "Pa./LOCATION",
                                           "Peoria/LOCATION", "Ill./LOCATION"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(r.entities.size() > 1);
  BOOST_TEST(r.entities[1].canonical == "Pennsylvania");
}
