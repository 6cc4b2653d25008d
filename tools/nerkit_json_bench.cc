// nerkit-json-bench: what nerkit-extract's JSON costs next to extraction, on a JSON Lines corpus.
//
//   nerkit-json-bench /tmp/bench.jsonl [repeats]
//
// Times, in milliseconds per MB of input: splitting the file into lines as the tool reads it and
// parsing the lines (ParseJsonLine), each the best of `repeats` passes over the corpus;
// extracting the documents with one thread, once; and writing each result (FormatResult, the
// best of `repeats` for each) in each output format right after its extraction, as the tool
// does. The tool's JSON share is (read + parse + write) / (read + parse + extract + write).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "../examples/jsonl_input.h"
#include "../examples/output.h"
#include "nerkit/nerkit.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: nerkit-json-bench CORPUS.jsonl [repeats]\n";
    return 2;
  }
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::cerr << "nerkit-json-bench: cannot open " << argv[1] << "\n";
    return 2;
  }
  const std::string corpus((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
  const double mb = corpus.size() / 1e6;

  // Reading: std::getline into one buffer, as the tool reads its input.
  double read_s = 1e9;
  for (int r = 0; r < repeats; ++r) {
    std::istringstream in(corpus);
    std::string line;
    std::size_t bytes = 0;
    const auto t = Clock::now();
    while (std::getline(in, line)) bytes += line.size();
    read_s = std::min(read_s, Seconds(t));
    if (bytes > corpus.size()) return 1;  // never: keeps the loop
  }
  std::vector<std::string> lines;
  {
    std::istringstream in(corpus);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }

  // Parsing, into a reused line buffer as the tool does.
  std::vector<JsonlDocument> docs(lines.size());
  double parse_s = 1e9;
  for (int r = 0; r < repeats; ++r) {
    std::string buffer;
    const auto t = Clock::now();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      buffer.assign(lines[i]);
      JsonlDocument doc;
      ParseJsonLine(buffer, doc, false);
      docs[i] = std::move(doc);
    }
    parse_s = std::min(parse_s, Seconds(t));
  }
  std::size_t errors = 0;
  for (const JsonlDocument& d : docs) errors += !d.error.empty();

  // Extraction, once, as the tool does it for jsonl (and again with the tokens that conll
  // needs), each result written right after it as the tool does, while it is in the cache: in
  // each format, the best of `repeats` for each document.
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  nerkit::Workspace workspace;
  const OutputFormat formats[] = {OutputFormat::kJsonl, OutputFormat::kJson, OutputFormat::kTsv,
                                  OutputFormat::kConll};
  const char* const names[] = {"jsonl", "json", "tsv", "conll"};
  double write_s[4] = {0, 0, 0, 0};
  std::size_t written[4] = {0, 0, 0, 0};
  double extract_s = 0;
  for (bool tokens : {false, true}) {
    nerkit::ExtractOptions options;
    options.tokens = tokens;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      auto t = Clock::now();
      const nerkit::Result result = extractor.Extract(docs[i].text, options, workspace);
      if (!tokens) extract_s += Seconds(t);
      for (int f = 0; f < 4; ++f) {
        if (tokens != (formats[f] == OutputFormat::kConll)) continue;
        double best = 1e9;
        for (int r = 0; r < repeats; ++r) {
          t = Clock::now();
          const std::string out = FormatResult(formats[f], docs[i].id, i + 1, docs[i].text, result);
          best = std::min(best, Seconds(t));
          written[f] = written[f] + (r == 0 ? out.size() : 0);
        }
        write_s[f] += best;
      }
    }
  }

  std::printf("corpus %.1f MB, %zu lines (%zu not documents), best of %d\n", mb, lines.size(),
              errors, repeats);
  std::printf("read lines  %8.2f ms/MB\n", 1e3 * read_s / mb);
  std::printf("parse       %8.2f ms/MB\n", 1e3 * parse_s / mb);
  std::printf("extract     %8.2f ms/MB (once)\n", 1e3 * extract_s / mb);
  for (int f = 0; f < 4; ++f) {
    std::printf("write %-5s %8.2f ms/MB (%.1f MB out)\n", names[f], 1e3 * write_s[f] / mb,
                written[f] / 1e6);
  }
  const double json_s = read_s + parse_s + write_s[0];
  std::printf("JSON share of jsonl -> jsonl: %.1f%% today, %.1f%% with extraction 4x faster\n",
              100 * json_s / (json_s + extract_s), 100 * json_s / (json_s + extract_s / 4));
  return 0;
}
