// Extraction from arbitrary bytes with the default dictionaries: never crashes, and every result
// keeps the invariants of fuzz_common.h. The first byte chooses the options.
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_common.h"

namespace {
std::optional<nerkit::Extractor> extractor;
nerkit::Workspace* workspace = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor = nerkit::Extractor::Load();
  workspace = new nerkit::Workspace();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  nerkit::ExtractOptions options;
  if (flags & 1) options.reference_date = nerkit::CivilDate{2024, 4, 26};
  options.explain = (flags & 2) != 0;
  options.tokens = (flags & 4) != 0;
  options.strict_utf8 = (flags & 8) != 0;
  try {
    const nerkit::Result r = extractor->Extract(text, options, *workspace);
    nerkit_fuzz::CheckResult(text, r);
    for (const nerkit::Token& t : r.tokens)
      NERKIT_FUZZ_CHECK(t.start < t.end && t.end <= text.size());
  } catch (const nerkit::InputError&) {
    NERKIT_FUZZ_CHECK(options.strict_utf8 && nerkit::CountInvalidUtf8(text) > 0);
  }
  return 0;
}
