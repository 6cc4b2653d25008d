// The extractor tool's JSON Lines reader on arbitrary lines: a document or an error, never a
// crash; the text of a document is valid UTF-8 of the same length as in the line.
#include <cstdint>
#include <string>

#include "../../examples/jsonl_input.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (bool strict : {false, true}) {
    std::string line(reinterpret_cast<const char*>(data), size);
    JsonlDocument doc;
    ParseJsonLine(line, doc, strict);
    if (doc.error.empty()) {
      NERKIT_FUZZ_CHECK(nerkit::CountInvalidUtf8(doc.text) == 0);
      NERKIT_FUZZ_CHECK(doc.id.is_null() || doc.id.is_string() || doc.id.is_number_integer() ||
                        doc.id.is_number_unsigned());
    }
  }
  return 0;
}
