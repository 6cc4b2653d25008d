// The extractor tool's JSON Lines reader on arbitrary lines: a document or an error, never a
// crash; the text of a document is valid UTF-8 of the same length as in the line. The reader
// (simdjson, and nlohmann::json for the lines simdjson does not read) gives what the
// nlohmann::json reader it replaced gave, and the writers write what the old ones wrote, for
// records made of the document and of the raw bytes (tests/tool_json_reference.h).
#include <cstdint>
#include <string>

#include "../../examples/jsonl_input.h"
#include "../../examples/output.h"
#include "../tool_json_reference.h"
#include "fuzz_common.h"

namespace {

bool SameDocument(const JsonlDocument& a, const JsonlDocument& b) {
  return a.error == b.error && a.id == b.id && a.id.type() == b.id.type() && a.text == b.text &&
         a.dct == b.dct && a.invalid_utf8_bytes == b.invalid_utf8_bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (bool strict : {false, true}) {
    std::string line = bytes;
    JsonlDocument doc;
    ParseJsonLine(line, doc, strict);
    if (doc.error.empty()) {
      NERKIT_FUZZ_CHECK(nerkit::CountInvalidUtf8(doc.text) == 0);
      NERKIT_FUZZ_CHECK(doc.id.is_null() || doc.id.is_string() || doc.id.is_number_integer() ||
                        doc.id.is_number_unsigned());
    }
    std::string reference_line = bytes;
    JsonlDocument reference;
    reference_tool::ParseJsonLine(reference_line, reference, strict);
    NERKIT_FUZZ_CHECK(SameDocument(doc, reference));
    if (strict) continue;

    // A record of the document's own strings and of the raw bytes (invalid UTF-8 included).
    nerkit::Result result;
    nerkit::Entity& e = result.entities.emplace_back();
    e.end = doc.text.size();
    e.text = doc.text;
    e.canonical = bytes;
    e.source = doc.error;
    result.clusters.push_back({nerkit::Label::kLocation, bytes, doc.text, "", {0}});
    result.tokens.push_back({0, doc.text.size(), 0});
    const nlohmann::ordered_json raw_id = bytes;
    const nlohmann::ordered_json& doc_id = doc.id;
    for (OutputFormat format :
         {OutputFormat::kJson, OutputFormat::kJsonl, OutputFormat::kTsv, OutputFormat::kConll}) {
      for (const nlohmann::ordered_json* id : {&doc_id, &raw_id}) {
        NERKIT_FUZZ_CHECK(FormatResult(format, *id, 1, doc.text, result) ==
                          reference_tool::FormatResult(format, *id, 1, doc.text, result));
        NERKIT_FUZZ_CHECK(FormatError(format, *id, 0, bytes) ==
                          reference_tool::FormatError(format, *id, 0, bytes));
      }
    }
  }
  return 0;
}
