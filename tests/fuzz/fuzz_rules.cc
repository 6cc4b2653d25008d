// Rule files with arbitrary content: loading either succeeds or throws a LoadError that names the
// file; a loaded extractor extracts.
#include <cstdint>
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back(
      {"places.tsv",
       "Sirte\tLOCATION\t-\tgeonames:2210554\t128123\tLY\tprimary,city\n"
       "Mohammed\tGIVEN_NAME\t-\t-\t1000\t-\tmale\n"});
  options.extra_sources.push_back(
      {"fuzz.rules", std::string(reinterpret_cast<const char*>(data), size)});
  try {
    const nerkit::Extractor x = nerkit::Extractor::Load(options);
    const std::string text =
        "Brig. Gen. Mohammed al-Ghasri said on Friday 26 April 2024 that Sirte had fallen.";
    nerkit_fuzz::CheckResult(text, x.Extract(text));
  } catch (const nerkit::LoadError& e) {
    NERKIT_FUZZ_CHECK(e.path() == "fuzz.rules");
  }
  return 0;
}
