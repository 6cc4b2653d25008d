// Rule files: their format, their errors, and rules a user adds without recompiling.
#define BOOST_TEST_MODULE rules
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/regex.h"
#include "default_rules.h"
#include "nerkit/nerkit.h"
#include "rules/rule_file.h"
#include "text/fold.h"

namespace {

nerkit::Extractor Load(const std::vector<nerkit::InMemoryFile>& files) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources = files;
  return nerkit::Extractor::Load(options);
}

// The texts of the entities found in `text` with `files` and a rule file of `rules`.
std::vector<std::string> EntityTexts(std::vector<nerkit::InMemoryFile> files,
                                     const std::string& rules, const std::string& text) {
  files.push_back({"mine.rules", rules});
  std::vector<std::string> out;
  for (const auto& e : Load(files).Extract(text).entities) out.push_back(e.text);
  return out;
}

struct BadRule {
  std::string content;
  std::string message;
};

std::ostream& operator<<(std::ostream& out, const BadRule& b) { return out << b.content; }

const std::vector<BadRule> kBadRules = {
    {"person.x\tPERSON\ttokens\t1\t50\tT(C+\n",
     "test.rules:1:29: rule \"person.x\": invalid pattern: missing ): T(C+"},
    {"# comment\nperson.x\tPERSON\ttokens\t1\t50\t(C+\nperson.y\tPERSON\ttokens\t1\t50\tC+)\n",
     "test.rules:2:29: rule \"person.x\": invalid pattern: missing ): (C+"},
    {"person.x\tPEOPLE\ttokens\t1\t50\tT(C+)\n",
     "test.rules:1:10: rule \"person.x\": unknown label \"PEOPLE\" (expected PERSON, LOCATION, "
     "ORGANIZATION, NAME, NONE, DATE, TIME, DURATION or SET)"},
    {"person.x\tPERSON\twords\t1\t50\tT(C+)\n",
     "test.rules:1:17: rule \"person.x\": unknown target \"words\" (expected tokens or text)"},
    {"person.x\tPERSON\ttokens\t1\thigh\tT(C+)\n",
     "test.rules:1:26: rule \"person.x\": priority \"high\" is not an integer"},
    {"person.x\tPERSON\ttokens\t2\t50\tT(C+)\n",
     "test.rules:1:24: rule \"person.x\": group 2 does not exist (the pattern has 1)"},
    // A group number too large for an int (a fuzzer's finding: it once indexed before the groups).
    {"person.x\tNONE\ttext\t44444444444444444440\t50\t(Sirte)\n",
     "test.rules:1:20: rule \"person.x\": group 44444444444444444440 does not exist (the pattern "
     "has 1)"},
    {"person.x\tPERSON\ttokens\tname\t50\tT(C+)\n",
     "test.rules:1:24: rule \"person.x\": no capture group named \"name\""},
    {"person.x\tPERSON\ttokens\t1\t50\tT(C+)\nperson.x\tPERSON\ttokens\t1\t50\tG(C+)\n",
     "test.rules:2:1: duplicate rule id \"person.x\""},
    {"Person.X\tPERSON\ttokens\t1\t50\tT(C+)\n",
     "test.rules:1:1: rule id \"Person.X\" must match [a-z0-9_.-]+"},
    {"person.x\tPERSON\ttokens\t1\t50\t{TITLE}(C+)\n", "test.rules:1:29: undefined macro {TITLE}"},
    {"person.x\tPERSON\ttokens\t1\t50\n",
     "test.rules:1:1: expected 6 tab-separated columns (id, label, target, group, priority, "
     "pattern), got 5"},
    {"symbol\tXy\tin at\n",
     "test.rules:1:8: symbol \"Xy\" must be one lower-case letter a-z, a digit 1-8, or a name "
     "[A-Z][A-Z0-9_]+ (written {NAME} in patterns)"},
    {"class\tPORT\tport\nsymbol\tPORT\tharbour\n",
     "test.rules:2:8: symbol name \"PORT\" is already a class name"},
    {"symbol\tPORT\tharbour\nclass\tPORT\tport\n",
     "test.rules:2:7: class name \"PORT\" is already a symbol name"},
    // A macro and a class or symbol of the same name (a date class once took the name of a
    // macro of the name rules' file, which then read the class's byte).
    {"define\tPARTS\t[aA]\nclass\tPARTS\tmornings\n",
     "test.rules:2:7: class name \"PARTS\" is already a macro name"},
    {"class\tPARTS\tmornings\ndefine\tPARTS\t[aA]\n",
     "test.rules:2:8: macro name \"PARTS\" is already a class name"},
    {"symbol\tPORT\tharbour\ndefine\tPORT\t[pP]\n",
     "test.rules:2:8: macro name \"PORT\" is already a symbol name"},
    {"define\tPORT\t[pP]\nsymbol\tPORT\tharbour\n",
     "test.rules:2:8: symbol name \"PORT\" is already a macro name"},
    {"symbol\tKIND\tclub\tcapitalised\n",
     "test.rules:1:18: unknown symbol flag \"capitalised\" (the flags are lower and upper)"},
    {"symbol\tq\tclub\tupper\n",
     "test.rules:1:15: a letter symbol has its case already (written in upper case for "
     "capitalised tokens): upper is for a digit or a named symbol"},
    {"define\tlower\tT\n", "test.rules:1:8: macro name \"lower\" must match [A-Z][A-Z0-9_]*"},
    {"needs\tctx.x\tband\n", "test.rules:1:7: needs: no rule \"ctx.x\" defined before"},
    {"person.x\tPERSON\ttokens\t1\t50\tT(C+)\nneeds\tperson.x\tmr\n",
     "test.rules:2:7: needs: rule \"person.x\" is not a text rule (a tokens rule reads no text)"},
    {"org.x\tORGANIZATION\ttext\t1\t50\t(Acme)\nneeds\torg.x\n",
     "test.rules:2:1: expected 3 tab-separated columns (needs, RULE_ID, WORDS), got 2"},
    {"anchor\n", "test.rules:1:1: expected 2 tab-separated columns (anchor, WORDS), got 1"},
};

}  // namespace

BOOST_DATA_TEST_CASE(bad_rules_fail_the_load, boost::unit_test::data::make(kBadRules), bad) {
  try {
    Load({{"test.rules", bad.content}});
    BOOST_FAIL("loaded a bad rule file");
  } catch (const nerkit::LoadError& e) {
    BOOST_TEST(std::string(e.what()) == bad.message);
  }
}

BOOST_AUTO_TEST_CASE(a_user_rule_without_recompiling) {
  // A place context rule of the user's own, over the token class string: "the port of X".
  const nerkit::Extractor x = Load({
      {"words.tsv", "port\tWORD\t-\t-\t0\t-\t-\nof\tWORD\t-\t-\t0\t-\t-\n"},
      {"mine.rules",
       "symbol\tq\tport\n"
       "define\tNAMEW\t[CGS]\n"
       "loc.port_of\tLOCATION\ttokens\t1\t60\tq[wk]({NAMEW}+)\n"},
  });
  BOOST_TEST(x.info().rules == 1u);
  const nerkit::Result r = x.Extract("Ships reached the port of Ras Lanuf at dawn.");
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].text == "Ras Lanuf");
  BOOST_TEST(r.entities[0].label == nerkit::Label::kLocation);
  BOOST_TEST(r.entities[0].source == "rule:loc.port_of (mine.rules:3)");
}

// When the letters and digits run out, a symbol has a name: its words get a byte of their own,
// written {NAME} in patterns, the same whether the word is capitalised or not.
// A later `symbol` line overrides an earlier one for the words they share, and the parser lists
// those words; the default rule files give no word two symbols (where they did, one of the two
// lines silently did nothing: "label" of a kind word's rules).
BOOST_AUTO_TEST_CASE(symbols_overridden_are_listed_and_defaults_have_none) {
  nerkit::internal::RuleFileParser parser;
  parser.Parse("a.rules", "symbol\tz\tsoccer cricket\n");
  parser.Parse("b.rules", "symbol\tz\tsoccer\nsymbol\tKIND\tcricket label\n");
  const std::vector<std::string> expected = {"cricket: z (a.rules:1) -> KIND (b.rules:2)"};
  BOOST_TEST(parser.symbol_overrides() == expected, boost::test_tools::per_element());
  const nerkit::internal::RuleFileParser defaults = DefaultRules();
  BOOST_TEST(defaults.symbol_overrides().empty(),
             (defaults.symbol_overrides().empty() ? "" : defaults.symbol_overrides().front()));
}

BOOST_AUTO_TEST_CASE(a_named_symbol) {
  const nerkit::Extractor x = Load({
      {"words.tsv",
       "port\tWORD\t-\t-\t0\t-\t-\nharbour\tWORD\t-\t-\t0\t-\t-\n"
       "of\tWORD\t-\t-\t0\t-\t-\n"},
      {"mine.rules",
       "symbol\tHARBOUR\tport harbour\n"
       "loc.port_of\tLOCATION\ttokens\t1\t60\t{HARBOUR}[wk]([CGS]+)\n"},
  });
  const nerkit::Result r =
      x.Extract("Ships left the harbour of Ras Lanuf. Port of Brega was shut.");
  BOOST_TEST_REQUIRE(r.entities.size() == 2u);
  BOOST_TEST(r.entities[0].text == "Ras Lanuf");
  BOOST_TEST(r.entities[1].text == "Brega");
  BOOST_TEST(r.entities[1].source == "rule:loc.port_of (mine.rules:2)");
}

// A named symbol declared `lower` is given only to tokens that are not capitalised: "club" before
// a name is the kind of what it names, while "Club" stays what the dictionaries make it (here a
// head word, H).
BOOST_AUTO_TEST_CASE(a_symbol_for_lower_case_words_only) {
  const std::vector<nerkit::InMemoryFile> words = {
      {"words.tsv", "club\tWORD\t-\t-\t0\t-\t-\n"},
      {"cues.tsv", "Club\tORG_HEAD\t-\t-\t800\t-\tsuffix\n"},
  };
  const std::string rules =
      "org.kind\tORGANIZATION\ttokens\t1\t60\t{KIND}([CGS]+)\n"
      "org.head\tORGANIZATION\ttokens\t1\t60\t([CGS]+H)\n";
  auto texts = [&](const std::string& symbol_line) {
    return EntityTexts(words, symbol_line + rules, "The club Zorvan beat the Kelvo Club.");
  };
  BOOST_TEST(
      texts("symbol\tKIND\tclub\tlower\n") == (std::vector<std::string>{"Zorvan", "Kelvo Club"}),
      boost::test_tools::per_element());
  // Without the flag, "Club" is {KIND} too, and the head word is lost.
  BOOST_TEST(texts("symbol\tKIND\tclub\n") == (std::vector<std::string>{"Zorvan"}),
             boost::test_tools::per_element());
}

// A named symbol declared `upper` is given only to capitalised tokens: "Wildcats" after a place
// is a team's nickname, "wildcats" in a sentence stays a common word.
BOOST_AUTO_TEST_CASE(a_symbol_for_capitalised_words_only) {
  const std::vector<nerkit::InMemoryFile> words = {
      {"words.tsv", "wildcats\tWORD\t-\t-\t0\t-\t-\nof\tWORD\t-\t-\t0\t-\t-\n"},
  };
  const std::string rules =
      "team.nickname\tORGANIZATION\ttokens\t1\t60\t([CGS]{NICKNAME})\n"
      "none.nickname\tLOCATION\ttokens\t1\t60\t{NICKNAME}w([CGS])\n";
  auto texts = [&](const std::string& symbol_line) {
    return EntityTexts(words, symbol_line + rules,
                       "The Zorvan Wildcats won. Few wildcats of Kelvo survive.");
  };
  BOOST_TEST(
      texts("symbol\tNICKNAME\twildcats\tupper\n") == (std::vector<std::string>{"Zorvan Wildcats"}),
      boost::test_tools::per_element());
  // Without the flag, "wildcats" is {NICKNAME} too: "Few wildcats" is a team.
  BOOST_TEST(texts("symbol\tNICKNAME\twildcats\n") ==
                 (std::vector<std::string>{"Zorvan Wildcats", "Few wildcats", "Kelvo"}),
             boost::test_tools::per_element());
}

// A text rule with a `needs` line is read only in the sentences that hold one of its words, and
// finds there what it finds over the whole text.
BOOST_AUTO_TEST_CASE(text_rules_read_only_where_their_words_are) {
  const std::string rule =
      "org.ticker\tORGANIZATION\ttext\tname\t50\t\\((?:NYSE|NASDAQ): (?P<name>[A-Z]{2,5})\\)\n";
  const std::string text =
      "Shares of Foo Corp (NASDAQ: FOOX) rose.\nNothing here.\nBar Inc (NYSE: BARX) fell. "
      "Baz (NYSE: BAZZ) too.";
  std::vector<std::string> everywhere, gated, wrong;
  for (const auto& e : Load({{"mine.rules", rule}}).Extract(text).entities)
    everywhere.push_back(e.text);
  for (const auto& e :
       Load({{"mine.rules", rule + "needs\torg.ticker\tnyse nasdaq\n"}}).Extract(text).entities) {
    gated.push_back(e.text);
  }
  // A word that no match holds: the rule is read nowhere (the needs line is the user's word).
  for (const auto& e :
       Load({{"mine.rules", rule + "needs\torg.ticker\tamex\n"}}).Extract(text).entities) {
    wrong.push_back(e.text);
  }
  BOOST_TEST(everywhere == (std::vector<std::string>{"FOOX", "BARX", "BAZZ"}),
             boost::test_tools::per_element());
  BOOST_TEST(gated == everywhere, boost::test_tools::per_element());
  BOOST_TEST(wrong.empty());
}

// A text rule's `needs` line holds every word of a list its pattern opens with: a word added to
// the list (a head word such as HEAD_FIRST's) and not to the line would never be read. A list is
// a group (?:A|B|C...) of plain words, most of which the line holds; an alternative of several
// words needs one of them on the line ("Super Typhoon").
BOOST_AUTO_TEST_CASE(needs_lines_hold_every_word_of_their_lists) {
  nerkit::internal::RuleFileParser parser = DefaultRules();
  nerkit::text::Folder folder;
  auto plain = [](std::string_view word) {
    if (word.empty()) return false;
    for (const char c : word) {
      const auto b = static_cast<unsigned char>(c);
      if (!(b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || c == ' ')) {
        return false;
      }
    }
    return true;
  };
  std::size_t lists = 0;
  for (const nerkit::internal::RuleSpec& rule : parser.rules()) {
    if (rule.needs.empty()) continue;
    std::set<std::string> needs;
    for (const std::string& word : rule.needs) needs.insert(folder.Key(word));
    auto held = [&](std::string_view alternative) {
      for (std::size_t from = 0; from < alternative.size();) {
        std::size_t space = alternative.find(' ', from);
        if (space == std::string_view::npos) space = alternative.size();
        if (needs.count(folder.Key(alternative.substr(from, space - from))) != 0) return true;
        from = space + 1;
      }
      return false;
    };
    const std::string& p = rule.pattern;
    for (std::size_t at = p.find("(?:"); at != std::string::npos; at = p.find("(?:", at + 1)) {
      const std::size_t end = p.find(')', at);
      if (end == std::string::npos) break;
      const std::string_view body(p.data() + at + 3, end - at - 3);
      if (body.find('(') != std::string_view::npos) continue;
      std::vector<std::string_view> alternatives;
      bool all_plain = true;
      for (std::size_t from = 0; from <= body.size();) {
        std::size_t bar = body.find('|', from);
        if (bar == std::string_view::npos) bar = body.size();
        alternatives.push_back(body.substr(from, bar - from));
        all_plain = all_plain && plain(alternatives.back());
        from = bar + 1;
      }
      if (!all_plain || alternatives.size() < 3) continue;
      std::size_t count = 0;
      for (const std::string_view a : alternatives) count += held(a) ? 1 : 0;
      if (2 * count < alternatives.size()) continue;
      ++lists;
      for (const std::string_view a : alternatives) {
        BOOST_TEST(held(a), rule.id << " (" << rule.file << ":" << rule.line << "): \"" << a
                                    << "\" is in a list of its pattern but not on its needs line");
      }
    }
  }
  BOOST_TEST(lists > 0u);
}

// Text rules are grouped by their `needs` words, each group read in its own sentences: a rule
// finds what it finds over the whole text whatever the other rules need, a rule without words
// is read everywhere, and a group's sentence comes with the token before it (the full stop
// before "Zorbo").
BOOST_AUTO_TEST_CASE(text_rules_in_groups_by_their_words) {
  const std::string rules =
      "org.ticker\tORGANIZATION\ttext\t1\t50\t\\((?:NYSE|NASDAQ): ([A-Z]{2,5})\\)\n"
      "needs\torg.ticker\tnyse nasdaq\n"
      "org.after_stop\tORGANIZATION\ttext\t1\t50\t\\. (Zorbo)\\b\n"
      "needs\torg.after_stop\tzorbo\n"
      "loc.everywhere\tLOCATION\ttext\t1\t50\t\\b(Qarth)\\b\n";
  const std::string text =
      "Shares of Foo Corp (NASDAQ: FOOX) rose. Nothing here. Zorbo Ltd won.\nQarth is far. Bar "
      "Inc (NYSE: BARX) fell.";
  std::vector<std::string> got;
  for (const auto& e : Load({{"mine.rules", rules}}).Extract(text).entities) got.push_back(e.text);
  std::sort(got.begin(), got.end());
  BOOST_TEST(got == (std::vector<std::string>{"BARX", "FOOX", "Qarth", "Zorbo"}),
             boost::test_tools::per_element());
}

// More groups than a 64-bit mask names: the rules past the last share it, and each is still
// read where its own word is.
BOOST_AUTO_TEST_CASE(more_text_groups_than_a_mask_holds) {
  std::string rules;
  std::string text;
  std::vector<std::string> expected;
  for (int k = 0; k < 70; ++k) {
    const std::string word = "Word" + std::string(1, static_cast<char>('a' + k / 26)) +
                             std::string(1, static_cast<char>('a' + k % 26));
    const std::string id = "org.r" + std::to_string(k);
    rules += id + "\tORGANIZATION\ttext\t1\t50\t\\b(" + word + ") Corp\\b\n";
    rules += "needs\t" + id + "\t" + word + "\n";
    text += "Shares of " + word + " Corp rose. Nothing else happened here.\n";
    expected.push_back(word);
  }
  std::vector<std::string> got;
  for (const auto& e : Load({{"mine.rules", rules}}).Extract(text).entities) {
    if (e.source.rfind("rule:org.r", 0) == 0) got.push_back(e.text);
  }
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rules_over_raw_text_and_none_rules) {
  const nerkit::Extractor x = Load({
      {"mine.rules",
       "org.ticker\tORGANIZATION\ttext\tname\t50\t\\((?:NYSE|NASDAQ): (?P<name>[A-Z]{2,5})\\)\n"
       "none.acme\tNONE\ttext\t0\t90\tACME\n"},
  });
  const nerkit::Result r = x.Extract("Shares of Foo Corp (NASDAQ: FOOX) and (NYSE: ACME) rose.");
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].text == "FOOX");
  BOOST_TEST(r.entities[0].label == nerkit::Label::kOrganization);
}

// Rules in syntax the automaton leaves to RE2 ((?i) here) are matched by RE2, over the class
// string, over the text, and among date rules, as the others are.
BOOST_AUTO_TEST_CASE(rules_the_automaton_leaves_to_re2) {
  const nerkit::Extractor x = Load({
      {"mine.rules",
       "org.ticker\tORGANIZATION\ttext\tname\t50\t(?i:\\((?:nyse|nasdaq): "
       ")(?P<name>[A-Z]{2,5})\\)\n"
       "loc.ci\tLOCATION\ttokens\t1\t50\t\\)(?i:(C))\n"
       "class\tTHAW\tthaw\n"
       "date.thaw\tDATE\ttokens\t0\t70\t(?i:{THAW})\n"},
  });
  const nerkit::Result r = x.Extract("Shares of Foo Corp (Nasdaq: FOOX) rose; thaw came.");
  std::vector<std::string> got;
  for (const nerkit::Entity& e : r.entities) {
    got.push_back(std::string(nerkit::LabelName(e.label)) + ":" + e.text);
  }
  BOOST_TEST(got == (std::vector<std::string>{"ORGANIZATION:FOOX", "LOCATION:rose", "DATE:thaw"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(explain_lists_the_losers) {
  const nerkit::Extractor x = Load({
      {"places.tsv", "Sirte\tLOCATION\t-\tgeonames:2210554\t128123\tLY\tprimary,city\n"},
      {"mine.rules", "person.x\tPERSON\ttokens\t1\t40\t(P)\n"},
  });
  nerkit::ExtractOptions options;
  options.explain = true;
  const nerkit::Result r = x.Extract("Sirte", options);
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].label == nerkit::Label::kLocation);
  BOOST_TEST_REQUIRE(r.rejected.size() == 1u);
  BOOST_TEST(r.rejected[0].candidate.source == "rule:person.x (mine.rules:1) (PERSON)");
  BOOST_TEST(r.rejected[0].reason.starts_with("same span as a candidate that ranks higher:"));
}

// Date rules run over the date class string: words of a `class` line have its symbol, numbers a
// symbol by their length and value; `anchor` lines of older rule files are accepted and ignored.
BOOST_AUTO_TEST_CASE(date_rules_run_over_the_date_class_string) {
  const std::string rule =
      "class\tHARVEST\tharvest\nclass\tHTIME\ttime\n"
      "date.harvest\tDATE\ttokens\t0\t70\t{HARVEST}{HTIME}\n";
  const std::string text = "They met at harvest time in the valley.";
  BOOST_TEST(Load({{"d.rules", rule}}).Extract(text).entities.size() == 1u);
  const nerkit::Result r = Load({{"d.rules", "anchor\tweek month\n" + rule}}).Extract(text);
  BOOST_TEST_REQUIRE(r.entities.size() == 1u);
  BOOST_TEST(r.entities[0].text == "harvest time");
  // "12" is a number of 10-12 (symbol 3); a word outside any class is w.
  const std::string numbered = "class\tNTH_DAY\tday\ndate.nth\tDATE\ttokens\t0\t70\t{NTH_DAY}3\n";
  BOOST_TEST(
      Load({{"d.rules", numbered}}).Extract("It was day 12 of the strike.").entities.size() == 1u);
  BOOST_TEST(
      Load({{"d.rules", numbered}}).Extract("It was day 31 of the strike.").entities.empty());
}
