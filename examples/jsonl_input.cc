#include "jsonl_input.h"

#include "nerkit/utf8.h"

using json = nlohmann::ordered_json;

void ParseJsonLine(std::string& line, JsonlDocument& job, bool strict_utf8) {
  if (line.find_first_not_of(" \t\r") == std::string::npos) {
    job.error = "empty line";
    return;
  }
  // JSON requires UTF-8; replacing bad bytes lets a line with a few of them still be read, with
  // the same byte offsets.
  const std::size_t bad = nerkit::ReplaceInvalidUtf8(line, '?');
  job.invalid_utf8_bytes = bad;
  if (bad > 0 && strict_utf8) {
    job.error = "invalid UTF-8: " + std::to_string(bad) + " bad byte(s)";
    return;
  }
  json j;
  try {
    j = json::parse(line);
  } catch (const json::exception& e) {
    // parse_error, but also out_of_range for a number too large for a double ("33E3366").
    job.error = std::string("invalid JSON: ") + e.what();
    return;
  }
  if (!j.is_object()) {
    job.error = "expected a JSON object {\"id\", \"text\", \"dct\"}";
    return;
  }
  if (auto it = j.find("id"); it != j.end()) {
    if (!it->is_string() && !it->is_number_integer() && !it->is_number_unsigned()) {
      job.error = "\"id\" must be a string or an integer";
      return;
    }
    job.id = *it;
  }
  auto text = j.find("text");
  if (text == j.end()) {
    job.error = "missing \"text\" field";
    return;
  }
  if (!text->is_string()) {
    job.error = "\"text\" must be a string";
    return;
  }
  job.text = std::move(text->get_ref<std::string&>());
  if (auto dct = j.find("dct"); dct != j.end() && !dct->is_null()) {
    if (!dct->is_string()) {
      job.error = "\"dct\" must be a date string YYYY-MM-DD or null";
      return;
    }
    const std::string& s = dct->get_ref<const std::string&>();
    // Accept "YYYY-MM-DD" and a date-time that starts with one ("1998-01-08T10:00:00").
    auto date = nerkit::CivilDate::Parse(std::string_view(s).substr(0, 10));
    if (!date || (s.size() > 10 && s[10] != 'T' && s[10] != ' ')) {
      job.error = "\"dct\" is not a date YYYY-MM-DD: \"" + s + "\"";
      return;
    }
    job.dct = date;
  }
}
