// Reading JSON Lines documents for nerkit-extract: {"id": ..., "text": ..., "dct": ...}.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "nerkit/date.h"

struct JsonlDocument {
  nlohmann::ordered_json id;  // as given: a string, an integer, or null if absent
  std::string text;
  std::optional<nerkit::CivilDate> dct;  // the document's creation date, if given
  std::string error;                     // why the line is not a document, if it is not
  std::size_t invalid_utf8_bytes = 0;    // bad bytes replaced in the line before parsing
};

// Parses one line into `doc` or sets doc.error ("empty line", "invalid JSON: ...", "missing
// \"text\" field", ...). Invalid UTF-8 inside the line is replaced byte for byte (offsets stay
// the same) unless strict_utf8, which makes it an error. May modify `line`.
void ParseJsonLine(std::string& line, JsonlDocument& doc, bool strict_utf8);
