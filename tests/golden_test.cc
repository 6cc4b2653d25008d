// Whole articles, written for these tests: every entity a careful reader marks must be found
// (NAME.required.tsv), and the complete output must stay as recorded (NAME.expected.tsv), so
// that any change in what nerkit finds is seen and reviewed. After a deliberate change, rewrite
// the recorded outputs with NERKIT_UPDATE_GOLDEN=1 and review the diff.
#define BOOST_TEST_MODULE golden
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nerkit/nerkit.h"

namespace fs = std::filesystem;

namespace {

struct Article {
  std::string name;  // NAME of NAME.required.tsv / NAME.expected.tsv
  fs::path text;     // the article
};

std::ostream& operator<<(std::ostream& out, const Article& a) { return out << a.name; }

const std::vector<Article> kArticles = {
    {"article", fs::path(NERKIT_TEST_DATA_DIR) / "../../examples/data/article.txt"},
    {"cricket", fs::path(NERKIT_TEST_DATA_DIR) / "golden/cricket.txt"},
    {"business", fs::path(NERKIT_TEST_DATA_DIR) / "golden/business.txt"},
    {"politics", fs::path(NERKIT_TEST_DATA_DIR) / "golden/politics.txt"},
    {"unicode", fs::path(NERKIT_TEST_DATA_DIR) / "golden/unicode.txt"},
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), "cannot read " << p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const nerkit::Extractor& Shared() {
  static const nerkit::Extractor extractor = nerkit::Extractor::Load();
  return extractor;
}

// One line per entity: start, end, label, text, value, id, cluster.
std::string Render(const nerkit::Result& r) {
  std::string out;
  for (const nerkit::Entity& e : r.entities) {
    std::string text = e.text;
    for (char& c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out += std::to_string(e.start) + "\t" + std::to_string(e.end) + "\t" +
           std::string(nerkit::LabelName(e.label)) + "\t" + text + "\t" + e.value + "\t" + e.id +
           "\t" + std::to_string(e.cluster) + "\n";
  }
  return out;
}

}  // namespace

BOOST_DATA_TEST_CASE(articles, boost::unit_test::data::make(kArticles), article) {
  const std::string text = ReadFile(article.text);
  const nerkit::Result result = Shared().Extract(text);
  // Offsets are exact.
  for (const nerkit::Entity& e : result.entities) {
    BOOST_TEST(text.substr(e.start, e.end - e.start) == e.text);
  }
  // Required entities.
  std::set<std::string> found, found_with_value;
  for (const nerkit::Entity& e : result.entities) {
    found.insert(std::string(nerkit::LabelName(e.label)) + "\t" + e.text);
    found_with_value.insert(std::string(nerkit::LabelName(e.label)) + "\t" + e.text + "\t" +
                            e.value);
  }
  std::istringstream required(
      ReadFile(fs::path(NERKIT_TEST_DATA_DIR) / "golden" / (article.name + ".required.tsv")));
  std::string line;
  while (std::getline(required, line)) {
    if (line.empty() || line[0] == '#') continue;
    const bool has_value = std::count(line.begin(), line.end(), '\t') >= 2;
    if (has_value) {
      BOOST_TEST(found_with_value.count(line) == 1u, article.name << ": missing " << line);
    } else {
      BOOST_TEST(found.count(line) == 1u, article.name << ": missing " << line);
    }
  }
  // The recorded output.
  const fs::path expected_path =
      fs::path(NERKIT_TEST_DATA_DIR) / "golden" / (article.name + ".expected.tsv");
  const std::string actual = Render(result);
  const char* update = std::getenv("NERKIT_UPDATE_GOLDEN");
  if (update && *update == '1') {
    std::ofstream(expected_path, std::ios::binary) << actual;
    BOOST_TEST_MESSAGE("rewrote " << expected_path);
    return;
  }
  BOOST_TEST(actual == ReadFile(expected_path), article.name
                                                    << ": output differs from " << expected_path
                                                    << " (NERKIT_UPDATE_GOLDEN=1 rewrites it)");
}
