#include "common.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace nerkit_bench {

std::vector<std::string> ReadCorpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open corpus " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  std::vector<std::string> docs;
  if (!all.empty() && all[0] == '{') {
    std::istringstream lines(all);
    std::size_t number = 0;
    for (std::string line; std::getline(lines, line);) {
      ++number;
      if (line.empty()) continue;
      try {
        docs.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
      } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ":" + std::to_string(number) + ": " + e.what());
      }
    }
  } else {
    std::size_t pos = 0;
    while (pos <= all.size()) {
      std::size_t ff = all.find('\f', pos);
      if (ff == std::string::npos) ff = all.size();
      docs.push_back(all.substr(pos, ff - pos));
      pos = ff + 1;
    }
  }
  return docs;
}

int RunReportingErrors(const char* program, int (*run)(int, char**), int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
    return 2;
  }
}

}  // namespace nerkit_bench
