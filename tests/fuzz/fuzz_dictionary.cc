// Dictionary files with arbitrary content: loading either succeeds or throws a LoadError that
// names the file; a loaded extractor extracts.
#include <cstdint>
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back(
      {"fuzz.tsv", std::string(reinterpret_cast<const char*>(data), size)});
  try {
    const nerkit::Extractor x = nerkit::Extractor::Load(options);
    const std::string text = "Fighters entered Misurata and Sirt on Monday, the AP said.";
    nerkit_fuzz::CheckResult(text, x.Extract(text));
  } catch (const nerkit::LoadError& e) {
    NERKIT_FUZZ_CHECK(e.path() == "fuzz.tsv");
  }
  return 0;
}
