// nerkit-bench: throughput and memory of the extraction pipeline on a news corpus.
//
//   nerkit-bench --corpus corpus.jsonl [--dictionaries DIR] [--repeat 3] [--threads 1,2]
//
// The corpus is JSON Lines {"id", "text"} (as written by ../shared/eval/make_bench_corpus.py) or
// plain text with documents separated by form feeds. Prints dictionary load times (through the
// compiled-image cache, which the first load writes if it is missing, and from the text files
// with the cache off) and resident memory, then two tables. The first: MB/s and words/s of ICU
// word segmentation alone (the practical ceiling), of the library's stages (the extractor's own
// list, run through Model::RunStage on one thread; their first pass, with the RE2 DFAs still
// empty, on a row of its own), of Extract() on 1, 2 and N threads sharing one extractor, and
// with --extract, of the nerkit-extract tool (JSONL in and out, one thread, its load time taken
// off; as its first run, building the rule automata's states, and as every later run, reading
// those saved beside the compiled image), each as a share of ICU's speed. The second: each stage's ms per MB,
// timed on its own inside the pipeline. Each figure is the best of --repeat runs, and each run is
// preceded by a run of ICU: a row's share of ICU is taken against the best of those ICU runs, so
// that the drift of a shared machine's speed over the minutes of a benchmark does not enter it.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common.h"
#include "pipeline/model.h"
#include "nerkit/nerkit.h"

namespace {

using nerkit_bench::Clock;
using nerkit_bench::ReadCorpus;
using nerkit_bench::Seconds;

// Resident set size now and at peak, in MB, from /proc/self/status.
void Memory(double& rss_mb, double& peak_mb) {
  rss_mb = peak_mb = 0;
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    double kb;
    if (key == "VmRSS:" && in >> kb)
      rss_mb = kb / 1024;
    else if (key == "VmHWM:" && in >> kb)
      peak_mb = kb / 1024;
    std::string rest;
    std::getline(in, rest);
  }
}

struct Row {
  std::string name;
  double seconds = 0;
  std::size_t bytes = 0;
  std::size_t words = 0;
  double icu_seconds = 0;  // ICU over the same corpus, timed beside this row's runs
};

void PrintRow(const Row& r) {
  const double mbs = static_cast<double>(r.bytes) / 1e6 / r.seconds;
  std::printf("| %-34s | %9.1f | %11.0f | %8.1f%% |\n", r.name.c_str(), mbs,
              static_cast<double>(r.words) / r.seconds, 100 * r.icu_seconds / r.seconds);
}

int Run(int argc, char** argv) {
  std::string corpus;
  std::string dictionaries;
  int repeat = 3;
  std::vector<unsigned> thread_counts = {1, 2};
  std::string extract_tool;
  CLI::App app{"nerkit-bench: throughput and memory of the extraction pipeline"};
  app.add_option("--corpus", corpus, "JSONL or form-feed separated corpus")->required();
  app.add_option("--dictionaries", dictionaries, "Dictionary folder (default: the library's)");
  app.add_option("--repeat", repeat, "Runs per figure (the best is kept)")
      ->check(CLI::Range(1, 100));
  app.add_option("--threads", thread_counts, "Thread counts for the scaling rows")->delimiter(',');
  app.add_option("--extract", extract_tool,
                 "Also time this nerkit-extract binary: --input jsonl --format jsonl --threads 1 "
                 "over the corpus (a JSONL file), its load time taken off");
  CLI11_PARSE(app, argc, argv);

  double rss0, peak0;
  Memory(rss0, peak0);
  nerkit::LoadOptions load;
  load.dictionaries = dictionaries;
  // The extractor whose stages are timed builds its automata's states itself (the first pass
  // meets them empty); the later loads read the saved states, as a user's process does.
  nerkit::LoadOptions cold_load = load;
  cold_load.use_saved_states = false;
  auto t0 = Clock::now();
  const nerkit::Extractor extractor = nerkit::Extractor::Load(cold_load);
  const double first_load_seconds = Seconds(t0, Clock::now());
  double rss_load, peak_load;
  Memory(rss_load, peak_load);
  double load_seconds = first_load_seconds;  // best of --repeat loads, measured at the end

  const std::vector<std::string> docs = ReadCorpus(corpus);
  std::size_t bytes = 0;
  for (const std::string& d : docs) bytes += d.size();

  // The extractor's own list of stages on one thread, each timed on its own inside the
  // pipeline (the clock is read twice per stage and document, a few tens of nanoseconds).
  const nerkit::Extractor::Model& model = extractor.model();
  nerkit::internal::Scratch scratch;
  std::size_t words = 0;
  constexpr std::size_t kStageCount = nerkit::internal::kStages.size();
  auto run_stages = [&](std::array<double, kStageCount>& seconds) {
    std::size_t w = 0;
    seconds.fill(0);
    const nerkit::ExtractOptions options;
    nerkit::Result result;  // reused, as by Extract() below
    for (const std::string& text : docs) {
      nerkit::internal::Document& doc = scratch.doc;
      doc.Reset(text);
      for (std::size_t k = 0; k < kStageCount; ++k) {
        const auto a = Clock::now();
        model.RunStage(nerkit::internal::kStages[k], scratch, options, result);
        seconds[k] += Seconds(a, Clock::now());
      }
      w += doc.tokens().size();
    }
    return w;
  };

  // ICU word segmentation alone. On a shared machine the speed of the whole machine drifts by a
  // quarter or more within a minute, so every row's share of ICU compares it with ICU timed
  // beside it: each of its runs follows a run of ICU, and the best of each is taken.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> wb(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "nerkit-bench: ICU word break iterator: %s\n", u_errorName(status));
    return 1;
  }
  UText* ut = nullptr;
  std::size_t icu_words = 0;
  auto icu_pass = [&] {
    icu_words = 0;
    for (const std::string& text : docs) {
      ut = utext_openUTF8(ut, text.data(), static_cast<int64_t>(text.size()), &status);
      wb->setText(ut, status);
      for (int32_t p = wb->next(); p != icu::BreakIterator::DONE; p = wb->next()) {
        if (wb->getRuleStatus() != UBRK_WORD_NONE) ++icu_words;
      }
    }
  };
  double icu_best = 1e100;  // over every run of ICU
  // One run of ICU, then `fn`; returns fn's time and lowers `icu` to ICU's.
  auto icu_then = [&](double& icu, auto&& fn) {
    auto a = Clock::now();
    icu_pass();
    const double i = Seconds(a, Clock::now());
    icu = std::min(icu, i);
    icu_best = std::min(icu_best, i);
    a = Clock::now();
    fn();
    return Seconds(a, Clock::now());
  };
  // Best of --repeat runs of `fn`, each after a run of ICU.
  auto best_beside_icu = [&](double& icu, auto&& fn) {
    double best = 1e100;
    for (int r = 0; r < repeat; ++r) best = std::min(best, icu_then(icu, fn));
    return best;
  };

  std::vector<Row> rows;
  std::array<double, kStageCount> stage_seconds;
  stage_seconds.fill(1e100);
  double first_pass = 0;
  double stages_icu = 1e100;
  double first_pass_icu = 1e100;
  for (int r = 0; r < repeat; ++r) {
    std::array<double, kStageCount> run;
    icu_then(r == 0 ? first_pass_icu : stages_icu, [&] { words = run_stages(run); });
    if (r == 0) stages_icu = first_pass_icu;
    for (std::size_t k = 0; k < kStageCount; ++k) {
      stage_seconds[k] = std::min(stage_seconds[k], run[k]);
      if (r == 0) first_pass += run[k];
    }
  }
  double stages_total = 0;
  for (const double x : stage_seconds) stages_total += x;
  // The first pass meets the corpus with every RE2 DFA still empty, as a new process meets new
  // text; later passes find the states they need already built.
  rows.push_back({"the stages, first pass (DFAs cold)", first_pass, bytes, words, first_pass_icu});
  rows.push_back({"the stages, timed one by one", stages_total, bytes, words, stages_icu});
  // Public API with threads sharing one extractor.
  for (unsigned n : thread_counts) {
    double icu = 1e100;
    const double s = best_beside_icu(icu, [&] {
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        nerkit::Workspace workspace;
        nerkit::Result result;  // reused, as a program that streams documents would
        for (std::size_t i = next++; i < docs.size(); i = next++) {
          extractor.Extract(docs[i], {}, workspace, result);
        }
      };
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
      work();
      for (std::thread& t : pool) t.join();
    });
    rows.push_back({"Extract(), " + std::to_string(n) + " thread(s)", s, bytes, words, icu});
  }
  double rss_end, peak_end;
  Memory(rss_end, peak_end);
  // Further loads (each builds a second model beside the first, so after the memory figures):
  // through the compiled-image cache (which the first load wrote if it was missing), and from
  // the text files with the cache off.
  const bool first_from_cache = extractor.info().loaded_from_cache;
  double text_load_seconds = first_from_cache ? 1e9 : first_load_seconds;
  load_seconds = first_from_cache ? first_load_seconds : 1e9;
  bool cache_used = first_from_cache;
  nerkit::LoadOptions text_load = load;
  text_load.use_cache = false;
  for (int r = 0; r < std::max(repeat, 2); ++r) {
    t0 = Clock::now();
    const nerkit::Extractor cached = nerkit::Extractor::Load(load);
    const double s = Seconds(t0, Clock::now());
    if (cached.info().loaded_from_cache) {
      cache_used = true;
      load_seconds = std::min(load_seconds, s);
    }
    t0 = Clock::now();
    (void)nerkit::Extractor::Load(text_load);
    text_load_seconds = std::min(text_load_seconds, Seconds(t0, Clock::now()));
  }
  if (!cache_used) load_seconds = text_load_seconds;
  // The bundled tool, JSONL in and out, one thread: what a user's pipeline sees. Its first run
  // ever builds the automata's states (--no-saved-states runs as that one does); every later
  // run reads those the runs before it saved.
  std::size_t saved_states = 0;
  if (!extract_tool.empty()) {
    const std::string command =
        "'" + extract_tool + "' --input jsonl --format jsonl --threads 1 '" + corpus +
        "' > /dev/null" + (dictionaries.empty() ? "" : " --dictionaries '" + dictionaries + "'");
    bool failed = false;
    auto run = [&](const std::string& c) { failed = failed || std::system(c.c_str()) != 0; };
    double cold_icu = 1e100;
    const double cold = best_beside_icu(cold_icu, [&] { run(command + " --no-saved-states"); });
    run(command);  // saves the states it builds, if the cache has too few
    saved_states = nerkit::Extractor::Load(load).info().cached_states;
    double icu = 1e100;
    const double s = best_beside_icu(icu, [&] { run(command); });
    if (failed) {
      std::fprintf(stderr, "nerkit-bench: %s failed\n", command.c_str());
      return 1;
    }
    rows.push_back({"nerkit-extract, no saved states", std::max(cold - load_seconds, 1e-9), bytes,
                    words, cold_icu});
    rows.push_back(
        {"nerkit-extract, JSONL, 1 thread", std::max(s - load_seconds, 1e-9), bytes, words, icu});
  }
  utext_close(ut);
  rows.insert(rows.begin(), {"ICU word segmentation alone", icu_best, bytes, icu_words, icu_best});

  std::printf("corpus: %zu documents, %.1f MB, %zu tokens; best of %d runs\n", docs.size(),
              static_cast<double>(bytes) / 1e6, words, repeat);
  std::printf(
      "dictionaries: %zu entries from %zu files, %zu rules; resident memory after load %.0f MB "
      "(%.0f MB before), peak %.0f MB\n",
      extractor.info().dictionary_entries, extractor.info().files.size(), extractor.info().rules,
      rss_load, rss0, peak_end);
  const std::string cache_file = extractor.info().cache_file.string();
  if (cache_used) {
    std::printf("load through the compiled-image cache %.0f ms (%s)\n", load_seconds * 1000,
                cache_file.c_str());
  } else {
    std::printf("load: no compiled-image cache (%s)\n",
                cache_file.empty() ? "caching off" : "the image could not be written");
  }
  std::printf("load from the text files %.0f ms\n", text_load_seconds * 1000);
  if (!extract_tool.empty()) {
    std::printf("automaton states saved by the tool's runs and read at load: %zu\n", saved_states);
  }
  std::printf("first load in the process %.0f ms, %s\n", first_load_seconds * 1000,
              first_from_cache ? "from the image"
                               : (cache_file.empty() ? "from the text files"
                                                     : "from the text files, writing the image"));
  std::printf("| %-34s | %9s | %11s | %9s |\n", "what runs", "MB/s", "words/s",
              "% of ICU");
  std::printf("|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(11, '-').c_str(),
              std::string(13, '-').c_str(), std::string(11, '-').c_str());
  for (const Row& r : rows) PrintRow(r);
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("\n| %-34s | %9s | %9s |\n", "stage (each on its own, 1 thread)", "ms per MB",
              "% of all");
  std::printf("|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(11, '-').c_str(),
              std::string(11, '-').c_str());
  std::printf("| %-34s | %9.2f | %8s  |\n", "(ICU alone, timed beside them)",
              1000 * stages_icu / mb, "");
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string name(nerkit::internal::StageName(nerkit::internal::kStages[k]));
    std::printf("| %-34s | %9.2f | %8.1f%% |\n", name.c_str(), 1000 * stage_seconds[k] / mb,
                100 * stage_seconds[k] / stages_total);
  }
  std::printf("| %-34s | %9.2f | %8.1f%% |\n", "all stages", 1000 * stages_total / mb, 100.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return nerkit_bench::RunReportingErrors("nerkit-bench", Run, argc, argv);
}
