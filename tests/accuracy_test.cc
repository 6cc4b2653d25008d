// Accuracy on the project's own annotated articles (data/annotated/*.gold.jsonl: texts written for
// nerkit and annotated by hand with the README's span conventions; encyclopedic articles of clubs,
// companies, bands, places and people, news, features and encyclopedic articles of many countries,
// three more sets of encyclopedic articles and features, two of local, regional, business and
// sports news of many countries, one of council, court, obituary, science, review, travel, farming
// and community news, one of wire-service news, sports results and market briefs, one of local
// news, profiles, heritage features and technology news of English-speaking countries, one of
// regional news of every continent, one of encyclopedic articles and features beyond the wire, one
// of business, court, science and health news of every continent, one of sports reports, arts and
// culture, obituaries and community news, one of local and regional news and features of every
// continent, one of reference articles on bands, companies, clubs, places, people and institutions,
// one of national and regional papers' local, business, sports, community and culture news outside
// the wire, one of features (sport, culture, business, travel and food, profiles and obituaries),
// one of regional English-language outlets of 26 countries, one of business, technology, science
// and health news of 26 countries, one of encyclopedic articles on towns, schools, clubs, bands,
// labels, firms, orders, parties, military units and people of 26 countries, one of features,
// culture, sports and local stories of 26 countries, one of encyclopedic articles on firms,
// clubs, regiments, villages, schools, festivals and people of 26 countries, one of regional
// and local news of 26 countries, councils, courts, farming and local sport, one of local,
// business, court, health, sports and culture news of many countries, and one of encyclopedic
// articles and magazine features of many countries). Exact-match
// micro precision, recall and F1 over PERSON, LOCATION and ORGANIZATION, as ../shared/eval/score.py
// counts them, must stay at or above a floor per set: a change that loses generality on text
// beyond the wire fails here. The gold offsets are code points; the extractor's are bytes.
#define BOOST_TEST_MODULE accuracy
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "nerkit/nerkit.h"

namespace fs = std::filesystem;

namespace {

struct Set {
  std::string file;  // under data/annotated
  double min_f1;     // the floor (the figure when the set was added, less about one point)
};

std::ostream& operator<<(std::ostream& out, const Set& s) { return out << s.file; }

const std::vector<Set> kSets = {
    {"encyclopedic.gold.jsonl", 86.0},   // 87.07 when added
    {"mixed.gold.jsonl", 84.0},          // 85.04 when added
    {"encyclopedic2.gold.jsonl", 85.5},  // 86.75 when added (half of it held out until then)
    {"news2.gold.jsonl", 84.0},          // 85.21 when added (half of it held out until then)
    {"encyclopedic3.gold.jsonl", 84.5},  // 85.54 when added (half of it held out until then)
    {"news3.gold.jsonl", 85.0},          // 86.26 when added (half of it held out until then)
    {"encyclopedic4.gold.jsonl", 82.0},  // 82.92 when added (half of it held out until then)
    {"news4.gold.jsonl", 82.0},          // 83.38 when added (half of it held out until then)
    {"news5.gold.jsonl", 88.0},          // 89.34 when added (half of it held out until then)
    {"news6.gold.jsonl", 82.0},          // 83.07 when added (half of it held out until then)
    {"news7.gold.jsonl", 82.0},          // 83.37 when added (half of it held out until then)
    {"news8.gold.jsonl", 83.5},          // 84.57 when added (half of it held out until then)
    {"news9.gold.jsonl", 81.5},          // 82.60 when added (half of it held out until then)
    {"news10.gold.jsonl", 88.0},         // 89.38 when added (half of it held out until then)
    {"encyclopedic5.gold.jsonl", 84.0},  // 85.16 when added (half of it held out until then)
    {"news11.gold.jsonl", 88.8},         // 89.84 when added (half of it held out until then)
    {"features.gold.jsonl", 81.4},       // 82.39 when added (half of it held out until then)
    {"news12.gold.jsonl", 82.0},         // 82.99 when added (held out until measured)
    {"encyclopedic6.gold.jsonl", 85.0},  // 86.03 when added (half of it held out until then)
    {"news13.gold.jsonl", 86.0},         // 87.04 when added (half of it held out until then)
    {"features2.gold.jsonl", 83.4},      // 84.47 when added (half of it held out until then)
    {"news14.gold.jsonl", 90.7},         // 91.78 when added (half of it held out until then)
    {"local.gold.jsonl", 86.3},          // 87.35 when added (held out for a round; 81.65 then)
    {"encyclopedic7.gold.jsonl", 85.4},  // 86.45 when added (held out for a round; 80.96 then)
    {"features3.gold.jsonl", 90.8},      // 91.87 when added (held out for a round; 88.59 then)
    {"regional.gold.jsonl", 92.7},       // 93.70 when added (held out for a round; 91.56 then)
    {"business.gold.jsonl", 93.3},       // 94.31 when added (held out for a round; 92.61 then)
    {"encyclopedic8.gold.jsonl", 87.4},  // 88.39 when added (held out for a round; 84.17 then)
    {"features4.gold.jsonl", 87.1},      // 88.08 when added (held out for a round; 86.12 then)
    {"encyclopedic9.gold.jsonl", 88.2},  // 89.20 when added (held out for a round; 86.53 then)
    {"regional2.gold.jsonl", 85.8},      // 86.83 when added (held out for a round; 85.65 then)
    {"news15.gold.jsonl", 88.8},         // 89.86 when added (held out for a round; 88.94 then)
    {"encyclopedic10.gold.jsonl", 88.7},  // 89.71 when added (held out for a round; 88.51 then)
};

const nerkit::Extractor& Shared() {
  static const nerkit::Extractor extractor = nerkit::Extractor::Load();
  return extractor;
}

// The code point offset of each byte offset of a UTF-8 text that starts a code point, and of its
// end (entities begin and end on code point boundaries).
std::vector<std::int64_t> CodePointOffsets(const std::string& text) {
  std::vector<std::int64_t> out(text.size() + 1, 0);
  std::int64_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out[i] = cp;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
  }
  out[text.size()] = cp;
  return out;
}

bool Scored(const std::string& label) {
  return label == "PERSON" || label == "LOCATION" || label == "ORGANIZATION";
}

}  // namespace

BOOST_DATA_TEST_CASE(micro_f1_stays_above_its_floor, boost::unit_test::data::make(kSets), set) {
  std::ifstream in(fs::path(NERKIT_TEST_DATA_DIR) / "annotated" / set.file);
  BOOST_TEST_REQUIRE(in.good(), "cannot read " << set.file);
  using Span = std::tuple<std::int64_t, std::int64_t, std::string>;
  std::size_t gold_count = 0, predicted_count = 0, correct = 0, documents = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json doc = nlohmann::json::parse(line);
    const std::string text = doc.at("text").get<std::string>();
    std::set<Span> gold;
    for (const auto& e : doc.at("entities")) {
      const std::string label = e.at("label").get<std::string>();
      if (Scored(label)) gold.emplace(e.at("start").get<std::int64_t>(), e.at("end"), label);
    }
    const std::vector<std::int64_t> cp = CodePointOffsets(text);
    std::set<Span> predicted;
    for (const nerkit::Entity& e : Shared().Extract(text).entities) {
      const std::string label(nerkit::LabelName(e.label));
      if (Scored(label)) predicted.emplace(cp[e.start], cp[e.end], label);
    }
    for (const Span& s : predicted) correct += gold.count(s);
    gold_count += gold.size();
    predicted_count += predicted.size();
    ++documents;
  }
  BOOST_TEST_REQUIRE(documents > 0);
  const double p = predicted_count ? 100.0 * static_cast<double>(correct) / predicted_count : 0;
  const double r = gold_count ? 100.0 * static_cast<double>(correct) / gold_count : 0;
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  BOOST_TEST_MESSAGE(set.file << ": " << documents << " documents, " << gold_count << " gold, "
                              << predicted_count << " found, " << correct << " right: P " << p
                              << " R " << r << " F1 " << f1);
  BOOST_TEST(f1 >= set.min_f1, set.file << ": F1 " << f1 << " below its floor " << set.min_f1
                                        << " (P " << p << ", R " << r << ")");
}
