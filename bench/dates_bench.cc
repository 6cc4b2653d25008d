// dates-bench: what the dates stage costs inside the pipeline.
//
//   dates-bench --corpus corpus.jsonl [--dictionaries DIR] [--repeat 3]
//
// The corpus is JSON Lines {"id", "text"} (../shared/eval/make_bench_corpus.py) or plain text
// with documents separated by form feeds. Runs the library's stages on one thread, document by
// document, in pipeline order (tokenize, gazetteer, rules, dates, resolve), timing the dates
// stage where it runs (its caches warmed or cooled by the stages around it, as in real use), then
// the same pipeline without the dates stage. Prints MB/s of the dates stage alone, of the whole
// extraction with and without dates, the resolver's time with and without the time expressions,
// and the share of the extraction time the dates stage takes (timed directly, and as the
// difference between the two runs, which also counts the resolver's work on time expressions).
// Each figure is the best of --repeat runs.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common.h"
#include "pipeline/model.h"
#include "nerkit/nerkit.h"

namespace {

using nerkit_bench::Clock;
using nerkit_bench::ReadCorpus;
using nerkit_bench::Seconds;

struct Times {
  double total = 0;
  double dates = 0;
  double resolve = 0;
  std::size_t expressions = 0;
};

int Run(int argc, char** argv) {
  std::string corpus;
  std::string dictionaries;
  int repeat = 3;
  CLI::App app{"dates-bench: the cost of the dates stage inside the extraction pipeline"};
  app.add_option("--corpus", corpus, "JSONL or form-feed separated corpus")->required();
  app.add_option("--dictionaries", dictionaries, "Dictionary folder (default: the library's)");
  app.add_option("--repeat", repeat, "Runs per figure (the best is kept)")
      ->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  nerkit::LoadOptions load;
  load.dictionaries = dictionaries;
  const nerkit::Extractor extractor = nerkit::Extractor::Load(load);
  const nerkit::Extractor::Model& model = extractor.model();
  const std::vector<std::string> docs = ReadCorpus(corpus);
  std::size_t bytes = 0;
  for (const std::string& d : docs) bytes += d.size();

  nerkit::internal::Scratch scratch;
  const nerkit::ExtractOptions options;
  auto run = [&](bool with_dates) {
    Times t;
    const auto start = Clock::now();
    for (const std::string& text : docs) {
      nerkit::internal::Document& doc = scratch.doc;
      doc.Reset(text);
      nerkit::Result result;
      // The extractor's own list of stages, the dates stage timed on its own (or left out).
      for (const nerkit::internal::Stage stage : nerkit::internal::kStages) {
        const std::size_t before = doc.candidates.size();
        const auto a = Clock::now();
        if (stage == nerkit::internal::Stage::kDates && !with_dates) continue;
        model.RunStage(stage, scratch, options, result);
        if (stage == nerkit::internal::Stage::kDates) {
          t.dates += Seconds(a, Clock::now());
          t.expressions += doc.candidates.size() - before;
        } else if (stage == nerkit::internal::Stage::kResolve) {
          t.resolve += Seconds(a, Clock::now());
        }
      }
    }
    t.total = Seconds(start, Clock::now());
    return t;
  };
  Times with{1e100, 1e100, 1e100, 0};
  Times without{1e100, 1e100, 1e100, 0};
  for (int r = 0; r < repeat; ++r) {
    const Times a = run(true);
    with.total = std::min(with.total, a.total);
    with.dates = std::min(with.dates, a.dates);
    with.resolve = std::min(with.resolve, a.resolve);
    with.expressions = a.expressions;
    const Times b = run(false);
    without.total = std::min(without.total, b.total);
    without.resolve = std::min(without.resolve, b.resolve);
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu documents, %.1f MB; %zu date rules; %zu time expressions; best of %d\n",
              docs.size(), mb, model.dates.size(), with.expressions, repeat);
  std::printf("dates stage alone (timed in the pipeline)  %8.1f MB/s  %6.3f s\n", mb / with.dates,
              with.dates);
  std::printf("whole extraction with dates                %8.1f MB/s  %6.3f s\n", mb / with.total,
              with.total);
  std::printf("whole extraction without dates             %8.1f MB/s  %6.3f s\n",
              mb / without.total, without.total);
  std::printf("resolver with / without the time expressions        %6.3f s / %.3f s\n",
              with.resolve, without.resolve);
  std::printf("dates share of the extraction time         %8.1f %%  (by difference: %.1f %%)\n",
              100 * with.dates / with.total, 100 * (with.total - without.total) / with.total);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return nerkit_bench::RunReportingErrors("dates-bench", Run, argc, argv);
}
