// Confidence: the weights file, its errors, and what Entity::confidence and
// ExtractOptions::min_confidence do.
#define BOOST_TEST_MODULE confidence
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "nerkit/nerkit.h"

namespace {

namespace fs = std::filesystem;

const char* kArticle =
    "TRIPOLI, Libya (AP) — Fighters loyal to the Government of National Accord entered Sirte on "
    "Friday, spokesman Mohammed Gnounou said. Gnounou told The Associated Press that the city's "
    "port was taken. The United Nations welcomed the news, and Prime Minister Fayez al-Sarraj "
    "thanked the fighters in a statement from Tripoli.";

// A weights file in a fresh temporary folder.
fs::path WriteWeights(const std::string& name, const std::string& content) {
  const fs::path dir =
      fs::temp_directory_path() / ("nerkit-confidence-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

nerkit::Extractor LoadWithWeights(const std::string& content) {
  nerkit::LoadOptions options;
  options.confidence_model = WriteWeights("weights.tsv", content);
  return nerkit::Extractor::Load(options);
}

struct BadWeights {
  std::string content;
  std::string message;  // what() after the file's path and the first ':'
};

std::ostream& operator<<(std::ostream& out, const BadWeights& b) { return out << b.content; }

const std::vector<BadWeights> kBadWeights = {
    {"bias 1.5\n", "1:1: expected `feature<TAB>weight`"},
    {"# comment\nbias\t1\nlabel=CITY\t2\n", "3:1: unknown feature \"label=CITY\""},
    {"bias\t1\nbias\t2\n", "2:1: feature \"bias\" given twice"},
    {"bias\tmany\n", "1:6: expected a number, got \"many\""},
    {"rule\t1.5x\n", "1:6: expected a number, got \"1.5x\""},
    {"rule\tnan\n", "1:6: expected a number, got \"nan\""},
};

}  // namespace

BOOST_DATA_TEST_CASE(malformed_weights_name_file_line_and_column,
                     boost::unit_test::data::make(kBadWeights), bad) {
  const fs::path path = WriteWeights("bad.tsv", bad.content);
  nerkit::LoadOptions options;
  options.confidence_model = path;
  try {
    nerkit::Extractor::Load(options);
    BOOST_FAIL("loaded a malformed weights file");
  } catch (const nerkit::LoadError& e) {
    BOOST_TEST(std::string(e.what()) == path.string() + ":" + bad.message);
  }
}

BOOST_AUTO_TEST_CASE(the_default_model_scores_every_entity_between_zero_and_one) {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  BOOST_REQUIRE(!extractor.info().confidence_model.empty());
  const nerkit::Result r = extractor.Extract(kArticle);
  BOOST_REQUIRE(r.entities.size() >= 8);
  double lowest = 1, highest = 0;
  for (const nerkit::Entity& e : r.entities) {
    BOOST_TEST(e.confidence >= 0.0);
    BOOST_TEST(e.confidence <= 1.0);
    lowest = std::min(lowest, e.confidence);
    highest = std::max(highest, e.confidence);
  }
  // The model tells entities apart: a known country found by a dictionary and a dateline rule
  // ranks above a lone surname found again from the rest of the document.
  BOOST_TEST(highest > lowest);
  auto confidence_of = [&](const std::string& text) {
    for (const nerkit::Entity& e : r.entities) {
      if (e.text == text) return e.confidence;
    }
    BOOST_FAIL("no entity " + text);
    return 0.0;
  };
  BOOST_TEST(confidence_of("Libya") > 0.8);
}

BOOST_AUTO_TEST_CASE(min_confidence_drops_entities_and_keeps_clusters_consistent) {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  const nerkit::Result all = extractor.Extract(kArticle);
  nerkit::ExtractOptions options;
  options.min_confidence = 0.9;
  const nerkit::Result kept = extractor.Extract(kArticle, options);
  std::size_t expected = 0;
  for (const nerkit::Entity& e : all.entities) expected += e.confidence >= 0.9;
  BOOST_TEST(kept.entities.size() == expected);
  for (const nerkit::Entity& e : kept.entities) BOOST_TEST(e.confidence >= 0.9);
  for (const nerkit::Cluster& c : kept.clusters) {
    for (std::size_t i : c.mentions) BOOST_TEST(i < kept.entities.size());
  }
  options.min_confidence = 1.01;
  BOOST_TEST(extractor.Extract(kArticle, options).entities.empty());
}

BOOST_AUTO_TEST_CASE(explain_gives_the_evidence_of_every_entity) {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  nerkit::ExtractOptions options;
  options.explain = true;
  const nerkit::Result r = extractor.Extract(kArticle, options);
  BOOST_REQUIRE(r.evidence.size() == r.entities.size());
  for (std::size_t i = 0; i < r.entities.size(); ++i) {
    bool bias = false, label = false;
    for (const auto& [name, value] : r.evidence[i].features) {
      bias = bias || (name == "bias" && value == 1);
      label = label || name == "label=" + std::string(nerkit::LabelName(r.entities[i].label));
    }
    BOOST_TEST(bias);
    BOOST_TEST(label);
  }
  BOOST_TEST(extractor.Extract(kArticle).evidence.empty());
}

BOOST_AUTO_TEST_CASE(weights_decide_the_score) {
  // A bias alone: the same score for every entity, sigmoid(bias).
  const nerkit::Result high = LoadWithWeights("bias\t4\n").Extract(kArticle);
  BOOST_REQUIRE(!high.entities.empty());
  for (const nerkit::Entity& e : high.entities) {
    BOOST_TEST(e.confidence == 1 / (1 + std::exp(-4.0)), boost::test_tools::tolerance(1e-9));
  }
  nerkit::ExtractOptions options;
  options.min_confidence = 0.5;
  BOOST_TEST(LoadWithWeights("bias\t-4\n").Extract(kArticle, options).entities.empty());
  // Dictionary evidence raised, everything else lowered.
  const nerkit::Result r = LoadWithWeights("bias\t-4\ndictionary\t8\n").Extract(kArticle, options);
  BOOST_REQUIRE(!r.entities.empty());
  for (const nerkit::Entity& e : r.entities) {
    BOOST_TEST(e.source.find("dictionary:") != std::string::npos, e.text << ": " << e.source);
  }
}

BOOST_AUTO_TEST_CASE(without_a_model_every_confidence_is_one) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back({"places.tsv", "Sirte\tLOCATION\tSirte\t-\t0\tLY\t-\n"});
  const nerkit::Extractor extractor = nerkit::Extractor::Load(options);
  BOOST_TEST(extractor.info().confidence_model.empty());
  const nerkit::Result r = extractor.Extract("Fighters entered Sirte on Friday.");
  BOOST_REQUIRE(!r.entities.empty());
  for (const nerkit::Entity& e : r.entities) BOOST_TEST(e.confidence == 1.0);
}
