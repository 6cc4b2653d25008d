#include "jsonl_input.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "nerkit/utf8.h"

namespace {

using json = nlohmann::ordered_json;

// Lines up to this size are read by a parser that each thread keeps, whose buffers grow to the
// longest line it has seen; a longer line gets a parser of its own, so that one huge document
// does not hold its memory for the rest of the run.
constexpr std::size_t kKeptParserBytes = std::size_t{16} << 20;

// Sets doc.dct from a "dct" string, or doc.error.
void ReadDct(std::string_view s, JsonlDocument& doc) {
  // Accept "YYYY-MM-DD" and a date-time that starts with one ("1998-01-08T10:00:00").
  auto date = nerkit::CivilDate::Parse(s.substr(0, 10));
  if (!date || (s.size() > 10 && s[10] != 'T' && s[10] != ' ')) {
    doc.error = "\"dct\" is not a date YYYY-MM-DD: \"" + std::string(s) + "\"";
    return;
  }
  doc.dct = date;
}

// The line read by nlohmann::json: how every line was read before simdjson, kept for the lines
// that simdjson rejects (its error messages are the ones users know) or reads differently.
void ParseWithNlohmann(const std::string& line, JsonlDocument& doc) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::exception& e) {
    // parse_error, but also out_of_range for a number too large for a double ("33E3366").
    doc.error = std::string("invalid JSON: ") + e.what();
    return;
  }
  if (!j.is_object()) {
    doc.error = "expected a JSON object {\"id\", \"text\", \"dct\"}";
    return;
  }
  if (auto it = j.find("id"); it != j.end()) {
    if (!it->is_string() && !it->is_number_integer() && !it->is_number_unsigned()) {
      doc.error = "\"id\" must be a string or an integer";
      return;
    }
    doc.id = *it;
  }
  auto text = j.find("text");
  if (text == j.end()) {
    doc.error = "missing \"text\" field";
    return;
  }
  if (!text->is_string()) {
    doc.error = "\"text\" must be a string";
    return;
  }
  doc.text = std::move(text->get_ref<std::string&>());
  if (auto dct = j.find("dct"); dct != j.end() && !dct->is_null()) {
    if (!dct->is_string()) {
      doc.error = "\"dct\" must be a date string YYYY-MM-DD or null";
      return;
    }
    ReadDct(dct->get_ref<const std::string&>(), doc);
  }
}

// The line read by simdjson, which takes a tenth of nlohmann's time. Returns false, leaving `doc`
// as it was, for a line that simdjson rejects (it also rejects invalid UTF-8 anywhere in the
// line) or that nlohmann could read differently; every line it accepts, nlohmann accepts too,
// with the same values (tests/tool_json_test.cc and the jsonl fuzz target compare the two).
bool ParseWithSimdjson(std::string& line, JsonlDocument& doc) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end; the line's buffer has them after
  // the first few lines.
  if (line.capacity() < line.size() + simdjson::SIMDJSON_PADDING)
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  thread_local simdjson::dom::parser kept_parser;
  std::optional<simdjson::dom::parser> own_parser;
  simdjson::dom::parser* parser = &kept_parser;
  if (line.size() > kKeptParserBytes) {
    parser = &own_parser.emplace();
  } else if (line.size() > kept_parser.capacity()) {
    // Grow by doubling, not by the few bytes each longer line adds.
    const std::size_t capacity =
        std::min(kKeptParserBytes,
                 std::max({line.size(), 2 * kept_parser.capacity(), std::size_t{64} << 10}));
    if (kept_parser.allocate(capacity) != simdjson::SUCCESS) return false;
  }
  simdjson::dom::element root;
  if (parser->parse(line.data(), line.size(), false).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    doc.error = "expected a JSON object {\"id\", \"text\", \"dct\"}";
    return true;
  }
  // Of keys given twice, nlohmann keeps the last value; so do we. Keys arrive unescaped.
  std::optional<simdjson::dom::element> id, text, dct;
  for (const simdjson::dom::key_value_pair field : object) {
    if (field.key == "id")
      id = field.value;
    else if (field.key == "text")
      text = field.value;
    else if (field.key == "dct")
      dct = field.value;
  }
  if (id) {
    switch (id->type()) {
      case simdjson::dom::element_type::STRING:
        doc.id = std::string(id->get_string().value_unsafe());
        break;
      case simdjson::dom::element_type::INT64: {
        // nlohmann makes a number with a minus sign signed and one without unsigned; simdjson
        // does not tell "-0" from "0", so a zero id is left to nlohmann.
        const std::int64_t v = id->get_int64().value_unsafe();
        if (v == 0) return false;
        if (v > 0)
          doc.id = static_cast<std::uint64_t>(v);
        else
          doc.id = v;
        break;
      }
      case simdjson::dom::element_type::UINT64:
        doc.id = id->get_uint64().value_unsafe();
        break;
      default:
        doc.error = "\"id\" must be a string or an integer";
        return true;
    }
  }
  if (!text) {
    doc.error = "missing \"text\" field";
    return true;
  }
  if (!text->is_string()) {
    doc.error = "\"text\" must be a string";
    return true;
  }
  const std::string_view text_value = text->get_string().value_unsafe();
  doc.text.assign(text_value.data(), text_value.size());
  if (dct && !dct->is_null()) {
    if (!dct->is_string()) {
      doc.error = "\"dct\" must be a date string YYYY-MM-DD or null";
      return true;
    }
    ReadDct(dct->get_string().value_unsafe(), doc);
  }
  return true;
}

}  // namespace

void ParseJsonLine(std::string& line, JsonlDocument& doc, bool strict_utf8) {
  if (line.find_first_not_of(" \t\r") == std::string::npos) {
    doc.error = "empty line";
    return;
  }
  // Nearly every line is valid UTF-8 and valid JSON, which simdjson checks as it reads.
  if (ParseWithSimdjson(line, doc)) return;
  // JSON requires UTF-8; replacing bad bytes lets a line with a few of them still be read, with
  // the same byte offsets.
  const std::size_t bad = nerkit::ReplaceInvalidUtf8(line, '?');
  doc.invalid_utf8_bytes = bad;
  if (bad > 0 && strict_utf8) {
    doc.error = "invalid UTF-8: " + std::to_string(bad) + " bad byte(s)";
    return;
  }
  if (bad > 0 && ParseWithSimdjson(line, doc)) return;
  ParseWithNlohmann(line, doc);
}
