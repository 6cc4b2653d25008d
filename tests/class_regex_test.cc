// The class-string automaton (core/class_regex.h): every match and group it gives is the one RE2
// gives, for the default rules over real class strings, for random patterns over random strings,
// beyond its DFA cache and on many threads; syntax it leaves to RE2 is refused.
#define BOOST_TEST_MODULE class_regex
#include "core/class_regex.h"

#include <re2/re2.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/regex.h"
#include "dates/date_symbols.h"
#include "default_rules.h"
#include "nerkit/nerkit.h"
#include "pipeline/model.h"
#include "rules/rule_file.h"

using nerkit::internal::ClassRegexSet;

namespace {

// One match: its span and every group's (offset, length), (-1, -1) for a group that took no
// part.
using Match = std::vector<std::pair<long, long>>;

Match Describe(const re2::StringPiece* groups, int n, const std::string& text) {
  Match m;
  for (int k = 0; k < n; ++k) {
    if (groups[k].data() == nullptr) {
      m.emplace_back(-1, -1);
    } else {
      m.emplace_back(groups[k].data() - text.data(), static_cast<long>(groups[k].size()));
    }
  }
  return m;
}

// Every match RE2 finds in turn, each search starting where the last match began plus its
// length (at least one), as the rule stages iterate.
std::vector<Match> Re2Matches(const RE2& re, const std::string& text) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n));
  std::vector<Match> out;
  std::size_t pos = 0;
  const re2::StringPiece all(text);
  while (pos <= text.size() && re.Match(all, pos, text.size(), RE2::UNANCHORED, groups.data(), n)) {
    out.push_back(Describe(groups.data(), n, text));
    pos = static_cast<std::size_t>(groups[0].data() - text.data()) +
          std::max<std::size_t>(groups[0].size(), 1);
  }
  return out;
}

// The same from the automaton (after Scan over `text`).
std::vector<Match> SetMatches(const ClassRegexSet& set, int pattern, int n, const std::string& text,
                              ClassRegexSet::Scratch& scratch) {
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n));
  std::vector<Match> out;
  std::size_t start = set.NextStart(scratch, pattern, 0);
  while (start != ClassRegexSet::kNone &&
         set.MatchAt(pattern, text, start, groups.data(), n, scratch)) {
    out.push_back(Describe(groups.data(), n, text));
    start = set.NextStart(scratch, pattern, start + std::max<std::size_t>(groups[0].size(), 1));
  }
  return out;
}

RE2::Options Options(bool longest, bool utf8 = false) {
  RE2::Options options = nerkit::internal::RegexOptions(/*latin1=*/!utf8);
  options.set_longest_match(longest);
  return options;
}

// The patterns of a test, each with its RE2 and its index in `set` (-1: left to RE2).
struct TestSet {
  ClassRegexSet set;
  std::vector<std::string> patterns;
  std::vector<std::unique_ptr<RE2>> res;
  std::vector<int> index;
  TestSet(const std::vector<std::string>& patterns_in, bool longest, bool utf8 = false,
          std::uint32_t max_states = ClassRegexSet::kMaxStates)
      : set(longest, max_states, utf8), patterns(patterns_in) {
    for (const std::string& p : patterns) {
      res.push_back(std::make_unique<RE2>(p, Options(longest, utf8)));
      index.push_back(res.back()->ok() ? set.Add(p) : -1);
    }
    set.Compile();
  }
  // The (pattern, text) pairs whose matches and groups differ from RE2's (or whose group counts
  // do); `compared` counts the pairs compared. With `report`, the first few are reported (not
  // from threads of a test's own: Boost.Test's checks are not thread-safe).
  std::size_t Differences(const std::vector<std::string>& texts, std::size_t* compared = nullptr,
                          bool report = true) {
    ClassRegexSet::Scratch scratch;
    std::size_t differences = 0;
    for (const std::string& text : texts) {
      set.Scan(text, scratch);
      for (std::size_t k = 0; k < patterns.size(); ++k) {
        if (index[k] < 0) continue;
        const int n = res[k]->NumberOfCapturingGroups() + 1;
        if (set.CaptureCount(index[k]) + 1 != n) {
          ++differences;
          continue;
        }
        const std::vector<Match> want = Re2Matches(*res[k], text);
        const std::vector<Match> got = SetMatches(set, index[k], n, text, scratch);
        if (compared) ++*compared;
        if (want != got && ++differences <= 5 && report) {
          BOOST_TEST_MESSAGE("pattern " << patterns[k] << " on \"" << text << "\": RE2 finds "
                                        << want.size() << " matches, the automaton "
                                        << got.size());
        }
      }
    }
    return differences;
  }
};

// Compares the automaton with RE2 for `patterns` over `texts`; returns the number of
// (pattern, text) pairs whose matches differ, reporting the first few.
std::size_t Compare(const std::vector<std::string>& patterns, const std::vector<std::string>& texts,
                    bool longest, std::uint32_t max_states = ClassRegexSet::kMaxStates,
                    std::size_t* compared = nullptr, bool utf8 = false) {
  TestSet test(patterns, longest, utf8, max_states);
  BOOST_TEST_MESSAGE(std::count_if(test.index.begin(), test.index.end(),
                                   [](int i) { return i >= 0; })
                     << " of " << patterns.size() << " patterns read by the automaton");
  return test.Differences(texts, compared);
}

}  // namespace

// The default rules over the class strings of the golden articles: the same matches and groups.
BOOST_AUTO_TEST_CASE(default_rules_match_as_re2_does_on_articles) {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  const nerkit::Extractor::Model& model = extractor.model();
  nerkit::internal::RuleFileParser parser = DefaultRules();
  // (The extractor's vocabulary holds the default rules' word classes already.)
  const nerkit::internal::dates::DateSymbols date_symbols;
  std::vector<std::string> name_patterns, date_patterns, text_patterns;
  for (const nerkit::internal::RuleSpec& r : parser.rules()) {
    if (r.target != nerkit::internal::RuleTarget::kTokens) {
      text_patterns.push_back(r.pattern);
      continue;
    }
    (r.IsTimeRule() ? date_patterns : name_patterns).push_back(r.pattern);
  }
  std::vector<std::string> article_texts;
  std::vector<std::string> name_strings, date_strings;
  nerkit::internal::Scratch scratch;
  nerkit::internal::dates::DateString dates;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(NERKIT_TEST_DATA_DIR) + "/golden")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    scratch.doc.Reset(text);
    nerkit::Result result;
    for (const auto stage :
         {nerkit::internal::Stage::kTokenize, nerkit::internal::Stage::kGazetteer,
          nerkit::internal::Stage::kRules}) {
      model.RunStage(stage, scratch, {}, result);
    }
    article_texts.push_back(text);
    name_strings.push_back(scratch.doc.symbols);
    date_symbols.Build(scratch.doc, dates);
    date_strings.push_back(dates.symbols);
  }
  BOOST_TEST_REQUIRE(name_strings.size() >= 4u);
  BOOST_TEST(name_patterns.size() > 40u);
  BOOST_TEST(date_patterns.size() > 40u);
  std::size_t compared = 0;
  BOOST_TEST(Compare(name_patterns, name_strings, /*longest=*/false, ClassRegexSet::kMaxStates,
                     &compared) == 0u);
  BOOST_TEST(Compare(date_patterns, date_strings, /*longest=*/true, ClassRegexSet::kMaxStates,
                     &compared) == 0u);
  // The rules over the text, in UTF-8, over the articles themselves.
  BOOST_TEST(text_patterns.size() > 10u);
  BOOST_TEST(Compare(text_patterns, article_texts, /*longest=*/false, ClassRegexSet::kMaxStates,
                     &compared, /*utf8=*/true) == 0u);
  BOOST_TEST(compared > 450u);
  // Every default rule is read by the automaton (none is left to RE2).
  ClassRegexSet names(false), times(true), text(false, ClassRegexSet::kMaxStates, true);
  for (const std::string& p : name_patterns) BOOST_TEST(names.Add(p) >= 0, p);
  for (const std::string& p : date_patterns) BOOST_TEST(times.Add(p) >= 0, p);
  for (const std::string& p : text_patterns) BOOST_TEST(text.Add(p) >= 0, p);
}

namespace {

// `n` strings, each from `draw` (in order, so that a seed gives the same strings).
template <typename Draw_>
std::vector<std::string> Draw(int n, Draw_ draw) {
  std::vector<std::string> out;
  for (int k = 0; k < n; ++k) out.push_back(draw());
  return out;
}

// A random pattern over the bytes "abc\n" and a few classes, with every construct the automaton
// reads: groups (plain, named, non-capturing, with flags), alternation, every kind of
// repetition, and every assertion.
std::string RandomPattern(std::mt19937& rng, int depth) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string out;
  const int items = 1 + pick(depth > 2 ? 2 : 4);
  for (int i = 0; i < items; ++i) {
    std::string atom;
    switch (pick(depth > 2 ? 9 : 13)) {
      case 0:
      case 1:
        atom = std::string(1, "abc"[pick(3)]);
        break;
      case 2:
        atom = "[ab]";
        break;
      case 3:
        atom = "[^a\\n]";
        break;
      case 4:
        atom = ".";
        break;
      case 5:
        atom =
            std::vector<std::string>{
                "^", "$", "(?m:^)", "(?m:$)", "\\b", "\\B", "\\A", "\\z"}[static_cast<std::size_t>(
                pick(8))];
        break;
      case 6:
        atom = "\\n";
        break;
      case 7:
        atom = "[a-c]";
        break;
      case 8:
        atom = "\\x61";
        break;
      case 9:
        atom = "(" + RandomPattern(rng, depth + 1) + ")";
        break;
      case 10:
        atom = "(?:" + RandomPattern(rng, depth + 1) + "|" + RandomPattern(rng, depth + 1) + ")";
        break;
      case 11:
        atom = "(?P<g" + std::to_string(rng() % 1000) + ">" + RandomPattern(rng, depth + 1) + "|" +
               RandomPattern(rng, depth + 1) + ")";
        break;
      default:
        atom = "(?s:" + RandomPattern(rng, depth + 1) + ")";
        break;
    }
    // Repetition of anything but an assertion (a loop over a group that can match the empty
    // string is refused by Add and left out of the comparison).
    const bool assertion = atom[0] == '^' || atom[0] == '$' || atom == "(?m:^)" ||
                           atom == "(?m:$)" ||
                           (atom[0] == '\\' && atom != "\\n" && atom != "\\x61");
    if (!assertion) {
      static const std::vector<std::string> ops = {"",   "",   "",   "*",   "+",     "?",
                                                   "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?"};
      atom += ops[static_cast<std::size_t>(pick(static_cast<int>(ops.size())))];
    }
    out += atom;
  }
  return out;
}

std::string RandomText(std::mt19937& rng) {
  std::string text;
  const std::size_t length = rng() % 24;
  for (std::size_t i = 0; i < length; ++i) text.push_back("aabbc\n_"[rng() % 7]);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(random_patterns_match_as_re2_does) {
  std::mt19937 rng(20261205);
  for (const bool longest : {false, true}) {
    std::vector<std::string> patterns = Draw(400, [&] { return RandomPattern(rng, 0); });
    std::vector<std::string> texts = Draw(300, [&] { return RandomText(rng); });
    std::size_t compared = 0;
    BOOST_TEST(Compare(patterns, texts, longest, ClassRegexSet::kMaxStates, &compared) == 0u,
               (longest ? "leftmost-longest" : "leftmost-first"));
    BOOST_TEST(compared > 50000u);
  }
}

namespace {

// Random UTF-8 patterns and texts: characters of one to four bytes, classes with ranges across
// the encoded lengths, negated classes, ".", and the ASCII Perl classes.
std::string RandomUtf8Pattern(std::mt19937& rng, int depth) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  static const std::vector<std::string> atoms = {"a",
                                                 "\xC3\xA9",
                                                 "\xE2\x80\x99",
                                                 "\xF0\x9F\x98\x80",
                                                 ".",
                                                 "[a\xC3\xA9]",
                                                 "[^a\xE2\x80\x99]",
                                                 "[\\x{e0}-\\x{2019}]",
                                                 "[\\x{7f}-\\x{800}]",
                                                 "[^\\x{100}-\\x{10ffff}]",
                                                 "\\w",
                                                 "\\W",
                                                 "\\s",
                                                 "\\S",
                                                 "[\\w'\xE2\x80\x99.-]",
                                                 "[^\\w&'.-]",
                                                 "\\b",
                                                 "\\x{e9}",
                                                 "(?s:.)",
                                                 "\\d"};
  std::string out;
  const int items = 1 + pick(depth > 1 ? 2 : 4);
  for (int i = 0; i < items; ++i) {
    std::string atom;
    if (depth < 2 && pick(5) == 0) {
      atom =
          "(" + RandomUtf8Pattern(rng, depth + 1) + "|" + RandomUtf8Pattern(rng, depth + 1) + ")";
    } else {
      atom = atoms[static_cast<std::size_t>(pick(static_cast<int>(atoms.size())))];
    }
    if (atom != "\\b") {
      static const std::vector<std::string> ops = {"", "", "*", "+", "?", "{1,2}"};
      atom += ops[static_cast<std::size_t>(pick(static_cast<int>(ops.size())))];
    }
    out += atom;
  }
  return out;
}

std::string RandomUtf8Text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",
                                                  "b",
                                                  " ",
                                                  "\n",
                                                  ".",
                                                  "'",
                                                  "-",
                                                  "\xC3\xA9",
                                                  "\xE2\x80\x99",
                                                  "\xE2\x80\x94",
                                                  "\xF0\x9F\x98\x80",
                                                  "\xC3\xBF",
                                                  "\xE0\xA0\x80",
                                                  "\x7F",
                                                  "\xDF\xBF",
                                                  "7"};
  std::string text;
  const std::size_t length = rng() % 16;
  for (std::size_t i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(utf8_patterns_match_as_re2_does) {
  std::mt19937 rng(8);
  for (const bool longest : {false, true}) {
    std::vector<std::string> patterns = Draw(300, [&] { return RandomUtf8Pattern(rng, 0); });
    std::vector<std::string> texts = Draw(200, [&] { return RandomUtf8Text(rng); });
    std::size_t compared = 0;
    BOOST_TEST(Compare(patterns, texts, longest, ClassRegexSet::kMaxStates, &compared,
                       /*utf8=*/true) == 0u);
    BOOST_TEST(compared > 20000u);
  }
}

// With a cache of two states, nearly every step goes without the DFA: the same answers.
BOOST_AUTO_TEST_CASE(beyond_the_cache_the_answers_are_the_same) {
  std::mt19937 rng(7);
  std::vector<std::string> patterns = Draw(60, [&] { return RandomPattern(rng, 0); });
  std::vector<std::string> texts = Draw(100, [&] { return RandomText(rng); });
  BOOST_TEST(Compare(patterns, texts, false, /*max_states=*/2) == 0u);
  BOOST_TEST(Compare(patterns, texts, true, /*max_states=*/2) == 0u);
}

// Texts of kTwoWalksFrom bytes and more are scanned by two walks of the DFA side by side, from
// kFourWalksFrom by four, each but the last part's started blind and taken over where the walk
// from the part after it meets it: matches across the parts, walks that never meet, and a cache
// too small for any give RE2's answers.
BOOST_AUTO_TEST_CASE(long_texts_in_several_walks_match_as_re2_does) {
  std::mt19937 rng(20261206);
  auto long_text = [&](auto&& piece) {
    std::string text;
    while (text.size() < ClassRegexSet::kTwoWalksFrom + rng() % 400) text += piece();
    return text;
  };
  std::vector<std::string> patterns, utf8_patterns;
  for (int k = 0; k < 200; ++k) patterns.push_back(RandomPattern(rng, 0));
  for (int k = 0; k < 150; ++k) utf8_patterns.push_back(RandomUtf8Pattern(rng, 0));
  // Patterns whose state lasts across a long stretch: the walks meet late or never.
  for (const char* p :
       {"b[a ]*c", "^a[ab ]*$", "(a|b)[^c]*c", "\\bb[ab]{20,}", "a(?:[ab] ?)*\\z"}) {
    patterns.push_back(p);
  }
  std::vector<std::string> texts, utf8_texts;
  for (int k = 0; k < 80; ++k) texts.push_back(long_text([&] { return RandomText(rng); }));
  for (int k = 0; k < 60; ++k) utf8_texts.push_back(long_text([&] { return RandomUtf8Text(rng); }));
  texts.push_back("b" + std::string(300, 'a') + "c");
  texts.push_back("b" + std::string(100, 'a') + "c");
  texts.push_back("a" + std::string(200, 'b') + std::string(200, ' ') + "c");
  for (const bool longest : {false, true}) {
    std::size_t compared = 0;
    BOOST_TEST(Compare(patterns, texts, longest, ClassRegexSet::kMaxStates, &compared) == 0u);
    BOOST_TEST(compared > 10000u);
    BOOST_TEST(Compare(utf8_patterns, utf8_texts, longest, ClassRegexSet::kMaxStates, nullptr,
                       /*utf8=*/true) == 0u);
    BOOST_TEST(Compare(patterns, texts, longest, /*max_states=*/3) == 0u);
  }
}

namespace {

// The automaton's first match of `pattern` in `text` from `from`: its start and length, or
// (kNone, 0).
std::pair<std::size_t, std::size_t> FirstMatch(const std::string& pattern, const std::string& text,
                                               std::size_t from, bool longest = false) {
  ClassRegexSet set(longest);
  const int index = set.Add(pattern);
  set.Compile();
  ClassRegexSet::Scratch scratch;
  set.Scan(text, scratch);
  const std::size_t start = set.NextStart(scratch, index, from);
  re2::StringPiece group;
  if (start == ClassRegexSet::kNone || !set.MatchAt(index, text, start, &group, 1, scratch)) {
    return {ClassRegexSet::kNone, 0};
  }
  return {static_cast<std::size_t>(group.data() - text.data()), group.size()};
}

}  // namespace

// Debian's RE2 (2022-06-01) in Latin-1 misses "\xc3" with the pattern "\xc3|\xc3\xc3" (an
// alternation of non-ASCII literals that share a prefix); the automaton finds it, as it finds
// "a" with "a|aa".
BOOST_AUTO_TEST_CASE(alternations_of_non_ascii_literals) {
  for (const std::string& c : {std::string("a"), std::string("\xc3"), std::string("\x85")}) {
    const auto [start, size] = FirstMatch(c + "|" + c + c, "zz" + c + "zz", 0);
    BOOST_TEST(start == 2u);
    BOOST_TEST(size == 1u);
  }
}

// Debian's RE2 (2022-06-01) reads "[aA]" as "a" ignoring case and, merging it into "[ab]" in
// "[ab]|[aA]", loses "A" (google/re2 issue 467); the rules hold such classes ("[tT]he"), and the
// automaton reads them as written.
BOOST_AUTO_TEST_CASE(case_pair_classes_in_alternations) {
  using Span = std::pair<std::size_t, std::size_t>;
  for (const bool longest : {false, true}) {
    BOOST_TEST((FirstMatch("[ab]|[aA]", "xxAxb", 0, longest) == Span{2, 1}));
    BOOST_TEST((FirstMatch("[ab]|[aA]", "xxAxb", 3, longest) == Span{4, 1}));
  }
}

// Counts as RE2 reads them: no leading zero and no missing lower bound ("{01}", "{,2}" are
// literal text), a bare "{" is itself.
BOOST_AUTO_TEST_CASE(counts_as_re2_reads_them) {
  const std::vector<std::string> patterns = {"a{01}",   "a{1,02}", "a{0}b", "a{,2}",    "a{2,}",
                                             "a{1,3}?", "x{",      "x{1",   "(?:ab){2}"};
  const std::vector<std::string> texts = {"a{01}",    "aaa{1,02}", "ab b", "a{,2}aa",
                                          "x{1}abab", "x{",        "aaaa"};
  BOOST_TEST(Compare(patterns, texts, false) == 0u);
  BOOST_TEST(Compare(patterns, texts, true) == 0u);
}

BOOST_AUTO_TEST_CASE(syntax_left_to_re2_is_refused) {
  ClassRegexSet set(false);
  for (const char* p :
       {"\\pL", "(?i)a", "(?i:a)", "(?U)a*", "\\Qa\\E", "(a*)*", "(?:a?)+", "(?:|a)*", "a**", "\\1",
        "[[:alpha:]]", "(a", "a)", "*a", "\\C", "(?P=x)", "a{2,1}", "a{1001}"}) {
    BOOST_TEST(set.Add(p) == -1, p);
  }
  BOOST_TEST(set.Add("(?m)^a|b$") == 0);
  BOOST_TEST(set.Add("[^\\x80-\\xff]{1,3}(?P<x>\\.)") == 1);
  set.Compile();
  BOOST_TEST(set.CaptureCount(1) == 1);
}

// One automaton shared by several threads, each with its own scratch, all building DFA states at
// once: every thread gets RE2's answers (run under ThreadSanitizer in CI).
BOOST_AUTO_TEST_CASE(threads_share_one_automaton, *boost::unit_test::label("threads")) {
  std::mt19937 rng(99);
  std::vector<std::string> patterns = Draw(80, [&] { return RandomPattern(rng, 0); });
  std::vector<std::string> texts = Draw(200, [&] { return RandomText(rng); });
  ClassRegexSet set(false);
  std::vector<std::unique_ptr<RE2>> res;
  std::vector<int> index;
  for (const std::string& p : patterns) {
    res.push_back(std::make_unique<RE2>(p, Options(false)));
    index.push_back(res.back()->ok() ? set.Add(p) : -1);
  }
  set.Compile();
  std::vector<std::vector<std::vector<Match>>> want(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    for (std::size_t k = 0; k < patterns.size(); ++k) {
      want[t].push_back(index[k] < 0 ? std::vector<Match>{} : Re2Matches(*res[k], texts[t]));
    }
  }
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      ClassRegexSet::Scratch scratch;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::size_t t = (i * 7 + static_cast<std::size_t>(w) * 13) % texts.size();
        set.Scan(texts[t], scratch);
        for (std::size_t k = 0; k < patterns.size(); ++k) {
          if (index[k] < 0) continue;
          const int n = res[k]->NumberOfCapturingGroups() + 1;
          if (SetMatches(set, index[k], n, texts[t], scratch) != want[t][k]) ++failures[w];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  BOOST_TEST(failures == std::vector<int>(4, 0), boost::test_tools::per_element());
  BOOST_TEST(set.dfa_states() > 10u);
}

// States one set built and saved are taken by another set of the same patterns (as by the next
// process): its scans need no state built again for the same texts, and its matches, on those
// texts and on others, are RE2's.
BOOST_AUTO_TEST_CASE(saved_states_give_the_same_matches_in_another_set) {
  for (const bool longest : {false, true}) {
    std::mt19937 rng(longest ? 11 : 12);
    std::vector<std::string> patterns = Draw(120, [&] { return RandomPattern(rng, 0); });
    const std::vector<std::string> first = Draw(150, [&] { return RandomText(rng); });
    const std::vector<std::string> later = Draw(150, [&] { return RandomText(rng); });

    TestSet built(patterns, longest);
    BOOST_TEST(built.Differences(first) == 0u);
    const std::size_t states = built.set.dfa_states();
    BOOST_TEST(states > 20u);
    std::string saved;
    built.set.SaveStates(saved);

    TestSet loaded(patterns, longest);
    BOOST_TEST(loaded.set.dfa_states() == 1u);
    BOOST_TEST_REQUIRE(loaded.set.LoadStates(saved));
    BOOST_TEST(loaded.set.dfa_states() == states);
    BOOST_TEST(loaded.Differences(first) == 0u);
    BOOST_TEST(loaded.set.dfa_states() == states);  // nothing new was needed
    BOOST_TEST(loaded.Differences(later) == 0u);
    BOOST_TEST(loaded.set.dfa_states() > states);  // built on from the loaded states
    // Saved again, the states load again: a process saves what it read and what it built.
    std::string again;
    loaded.set.SaveStates(again);
    TestSet third(patterns, longest);
    BOOST_TEST_REQUIRE(third.set.LoadStates(again));
    BOOST_TEST(third.set.dfa_states() == loaded.set.dfa_states());
    BOOST_TEST(third.Differences(later) == 0u);
    BOOST_TEST(third.Differences(first) == 0u);
  }
}

// States are taken only by a set of exactly the same compiled patterns and options, and only
// whole: other patterns, another order, the other match semantics, truncated or changed bytes
// are refused, and a set that refused them builds its own states to RE2's answers.
BOOST_AUTO_TEST_CASE(saved_states_of_other_patterns_or_damaged_are_refused) {
  std::mt19937 rng(13);
  std::vector<std::string> patterns = Draw(30, [&] { return RandomPattern(rng, 0); });
  std::vector<std::string> texts = Draw(60, [&] { return RandomText(rng); });
  TestSet built(patterns, false);
  BOOST_TEST(built.Differences(texts) == 0u);
  std::string saved;
  built.set.SaveStates(saved);
  BOOST_TEST_REQUIRE(saved.size() > 100u);

  std::vector<std::string> other = patterns;
  other.back() = "a(b|c)*\\z";
  // Two patterns the automaton reads, and that differ, change places.
  std::vector<std::size_t> read;
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    if (built.index[k] >= 0 && (read.empty() || patterns[k] != patterns[read[0]])) read.push_back(k);
  }
  BOOST_TEST_REQUIRE(read.size() >= 2u);
  std::vector<std::string> reordered = patterns;
  std::swap(reordered[read[0]], reordered[read[1]]);
  BOOST_TEST(!TestSet(other, false).set.LoadStates(saved));
  BOOST_TEST(!TestSet(reordered, false).set.LoadStates(saved));
  BOOST_TEST(!TestSet(patterns, true).set.LoadStates(saved));
  BOOST_TEST(!TestSet(patterns, false, /*utf8=*/true).set.LoadStates(saved));

  TestSet target(patterns, false);
  std::size_t taken = 0;
  for (std::size_t size = 0; size < saved.size(); size += 1 + size / 8) {
    taken += target.set.LoadStates(std::string_view(saved).substr(0, size));
  }
  for (std::size_t at = 0; at < saved.size(); ++at) {
    std::string changed = saved;
    changed[at] = static_cast<char>(changed[at] ^ (1 << (at % 8)));
    taken += target.set.LoadStates(changed);
  }
  BOOST_TEST(taken == 0u);
  BOOST_TEST(target.set.dfa_states() == 1u);
  BOOST_TEST(target.Differences(texts) == 0u);
  BOOST_TEST(target.set.dfa_states() == built.set.dfa_states());
}

// States are saved while other threads scan and build more, and what was saved loads into
// another set whose threads match as RE2 does.
BOOST_AUTO_TEST_CASE(states_are_saved_while_threads_scan, *boost::unit_test::label("threads")) {
  std::mt19937 rng(14);
  std::vector<std::string> patterns = Draw(80, [&] { return RandomPattern(rng, 0); });
  std::vector<std::string> texts = Draw(200, [&] { return RandomText(rng); });
  TestSet built(patterns, false);
  std::atomic<int> running{3};
  std::vector<std::size_t> differences(3, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < 3; ++w) {
    threads.emplace_back([&, w] {
      std::vector<std::string> mine(texts.begin() + w * 60, texts.begin() + w * 60 + 80);
      differences[static_cast<std::size_t>(w)] = built.Differences(mine, nullptr, false);
      --running;
    });
  }
  std::string saved;
  int saves = 0;
  do {
    saved.clear();
    built.set.SaveStates(saved);
    ++saves;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  } while (running > 0);
  for (std::thread& t : threads) t.join();
  BOOST_TEST(differences == std::vector<std::size_t>(3, 0), boost::test_tools::per_element());
  BOOST_TEST(saves >= 1);
  TestSet loaded(patterns, false);
  BOOST_TEST_REQUIRE(loaded.set.LoadStates(saved));
  std::vector<std::size_t> after(2, 0);
  threads.clear();
  for (int w = 0; w < 2; ++w) {
    threads.emplace_back(
        [&, w] { after[static_cast<std::size_t>(w)] = loaded.Differences(texts, nullptr, false); });
  }
  for (std::thread& t : threads) t.join();
  BOOST_TEST(after == std::vector<std::size_t>(2, 0), boost::test_tools::per_element());
}
