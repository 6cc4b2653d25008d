// What the benchmark programs share: reading a news corpus, timing, and reporting errors.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace nerkit_bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The documents of a corpus: JSON Lines {"id", "text"} (as written by
// ../shared/eval/make_bench_corpus.py) when the file starts with '{', else plain text with
// documents separated by form feeds. Throws std::runtime_error naming the file (and the line of
// a JSON line that is not a document).
std::vector<std::string> ReadCorpus(const std::string& path);

// Runs a benchmark's `run(argc, argv)`; an exception becomes "PROGRAM: what" on stderr and exit
// status 2.
int RunReportingErrors(const char* program, int (*run)(int, char**), int argc, char** argv);

}  // namespace nerkit_bench
