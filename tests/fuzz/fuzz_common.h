// Shared pieces of the fuzz targets: the default extractor and the invariants every result keeps.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "nerkit/nerkit.h"

namespace nerkit_fuzz {

// Stops the run (libFuzzer keeps the input) when an invariant is broken.
#define NERKIT_FUZZ_CHECK(cond)                                                          \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

// Whether offset `p` falls between two characters (or invalid bytes) rather than inside a
// well-formed multi-byte character: cutting there leaves the count of invalid bytes unchanged.
inline bool IsBoundary(std::string_view text, std::size_t p) {
  return nerkit::CountInvalidUtf8(text.substr(0, p)) + nerkit::CountInvalidUtf8(text.substr(p)) ==
         nerkit::CountInvalidUtf8(text);
}

// Entities are sorted, do not overlap, lie within the text, start and end on character
// boundaries, and their text is the bytes of their span.
inline void CheckResult(std::string_view text, const nerkit::Result& r) {
  std::size_t previous_end = 0;
  for (const nerkit::Entity& e : r.entities) {
    NERKIT_FUZZ_CHECK(e.start < e.end);
    NERKIT_FUZZ_CHECK(e.end <= text.size());
    NERKIT_FUZZ_CHECK(e.start >= previous_end);
    previous_end = e.end;
    NERKIT_FUZZ_CHECK(text.substr(e.start, e.end - e.start) == e.text);
    NERKIT_FUZZ_CHECK(IsBoundary(text, e.start));
    NERKIT_FUZZ_CHECK(IsBoundary(text, e.end));
    NERKIT_FUZZ_CHECK(nerkit::CountInvalidUtf8(e.text) == 0);
    NERKIT_FUZZ_CHECK(e.cluster < static_cast<int>(r.clusters.size()));
  }
  for (const nerkit::Cluster& c : r.clusters) {
    for (std::size_t m : c.mentions) NERKIT_FUZZ_CHECK(m < r.entities.size());
  }
  NERKIT_FUZZ_CHECK(r.invalid_utf8_bytes == nerkit::CountInvalidUtf8(text));
}

}  // namespace nerkit_fuzz
