// The default rule files of the in-tree dictionaries, parsed in byte order of their names as the
// library loads them (for tests that read the rules themselves rather than through an Extractor).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/rule_file.h"

inline nerkit::internal::RuleFileParser DefaultRules() {
  nerkit::internal::RuleFileParser parser;
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(NERKIT_TEST_DICTIONARY_DIR) + "/rules")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream content;
    content << in.rdbuf();
    parser.Parse("rules/" + f.filename().string(), content.str());
  }
  return parser;
}
