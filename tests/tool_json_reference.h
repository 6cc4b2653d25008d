// nerkit-extract's JSON reader and writers as they were before simdjson and the appending
// writers (the nlohmann::json code, unchanged but for names): the reference that
// tests/tool_json_test.cc and the jsonl fuzz target hold the tool's code to, byte for byte.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "../examples/jsonl_input.h"
#include "../examples/output.h"
#include "nerkit/result.h"
#include "nerkit/utf8.h"

namespace reference_tool {

using json = nlohmann::ordered_json;
inline void ParseJsonLine(std::string& line, JsonlDocument& job, bool strict_utf8) {
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

inline json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// A number with at most `digits` significant digits, as text (printf's %g, with ".0" added to a
// whole number so that it reads back as a floating-point number) and as the double that text
// reads back as: both writers give confidences and evidence the same way.
inline std::string DecimalText(double value, int digits) {
  char buffer[40];
  const int n = std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  std::string text(buffer, static_cast<std::size_t>(n));
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}
inline double Decimal(double value, int digits) {
  return std::strtod(DecimalText(value, digits).c_str(), nullptr);
}

inline json EntityToJson(const nerkit::Entity& e) {
  json j = json::object();
  j["start"] = e.start;
  j["end"] = e.end;
  j["label"] = nerkit::LabelName(e.label);
  j["text"] = e.text;
  j["canonical"] = OrNull(e.canonical);
  j["id"] = OrNull(e.id);
  j["value"] = OrNull(e.value);
  if (!e.anchor.empty()) j["anchor"] = e.anchor;
  j["source"] = e.source;
  j["confidence"] = Decimal(e.confidence, 4);
  j["cluster"] = e.cluster < 0 ? json(nullptr) : json(e.cluster);
  return j;
}

// TSV fields must not contain tabs or line breaks.
inline std::string TsvField(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\\')
      out += "\\\\";
    else
      out.push_back(c);
  }
  return out;
}

inline std::string IdText(const json& id, std::size_t line) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_null()) return line ? "line " + std::to_string(line) : "-";
  return id.dump();
}

// A compact JSON writer for jsonl, the bulk format: it appends straight to the output line,
// where building a JSON document per result and then printing it cost as much as the
// extraction. Same keys, order and values as ResultToJson (the tests compare the two).
class JsonlWriter {
 public:
  explicit JsonlWriter(std::string& out) : out_(out) {}

  void String(std::string_view s) {
    Value();
    if (nerkit::CountInvalidUtf8(s) > 0) {
      // Bad bytes become U+FFFD, as in the json format.
      std::string fixed(s);
      nerkit::ReplaceInvalidUtf8(fixed, '\x01');
      std::string replaced;
      for (std::size_t i = 0; i < fixed.size(); ++i) {
        if (fixed[i] == '\x01' && s[i] != '\x01')
          replaced += "\xEF\xBF\xBD";
        else
          replaced.push_back(fixed[i]);
      }
      Escaped(replaced);
      return;
    }
    Escaped(s);
  }
  void StringOrNull(std::string_view s) {
    if (s.empty())
      Raw("null");
    else
      String(s);
  }
  template <typename Int>
  void Number(Int v) {
    Value();
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, v);
    out_.append(digits, r.ptr);
  }
  // A value already in JSON.
  void Raw(std::string_view json_text) {
    Value();
    out_ += json_text;
  }
  // JSON has no NaN or infinity: such a value is null, as nlohmann writes it.
  void Decimal(double value, int digits) {
    Raw(std::isfinite(value) ? DecimalText(value, digits) : std::string("null"));
  }
  void Key(std::string_view key) {  // keys are plain ASCII
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
    after_key_ = true;
  }
  void Begin(char bracket) {
    Value();
    out_ += bracket;
    first_ = true;
  }
  void End(char bracket) {
    out_ += bracket;
    first_ = false;
  }

 private:
  // Before a value: a comma unless it follows its key or opens its array.
  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }
  void Escaped(std::string_view s) {
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

inline void WriteEntity(JsonlWriter& w, const nerkit::Entity& e, bool with_cluster) {
  w.Begin('{');
  w.Key("start");
  w.Number(e.start);
  w.Key("end");
  w.Number(e.end);
  w.Key("label");
  w.String(nerkit::LabelName(e.label));
  w.Key("text");
  w.String(e.text);
  w.Key("canonical");
  w.StringOrNull(e.canonical);
  w.Key("id");
  w.StringOrNull(e.id);
  w.Key("value");
  w.StringOrNull(e.value);
  if (!e.anchor.empty()) {
    w.Key("anchor");
    w.String(e.anchor);
  }
  w.Key("source");
  w.String(e.source);
  w.Key("confidence");
  w.Decimal(e.confidence, 4);
  if (with_cluster) {
    w.Key("cluster");
    if (e.cluster < 0)
      w.Raw("null");
    else
      w.Number(e.cluster);
  }
}

inline std::string ResultToJsonl(const json& id, std::size_t line, const nerkit::Result& result) {
  std::string out;
  out.reserve(256 + result.entities.size() * 160);
  JsonlWriter w(out);
  w.Begin('{');
  w.Key("id");
  w.Raw(id.dump(-1, ' ', false, json::error_handler_t::replace));
  if (line) {
    w.Key("line");
    w.Number(line);
  }
  w.Key("reference_date");
  if (result.reference_date) {
    w.String(result.reference_date->ToString());
    w.Key("reference_date_source");
    w.String(result.reference_date_source);
  } else {
    w.Raw("null");
  }
  w.Key("invalid_utf8_bytes");
  w.Number(result.invalid_utf8_bytes);
  w.Key("entities");
  w.Begin('[');
  for (const nerkit::Entity& e : result.entities) {
    WriteEntity(w, e, true);
    w.End('}');
  }
  w.End(']');
  w.Key("clusters");
  w.Begin('[');
  for (std::size_t i = 0; i < result.clusters.size(); ++i) {
    const nerkit::Cluster& c = result.clusters[i];
    w.Begin('{');
    w.Key("cluster");
    w.Number(i);
    w.Key("label");
    w.String(nerkit::LabelName(c.label));
    w.Key("name");
    w.String(c.name);
    w.Key("canonical");
    w.StringOrNull(c.canonical);
    w.Key("id");
    w.StringOrNull(c.id);
    w.Key("mentions");
    w.Begin('[');
    for (std::size_t m : c.mentions) w.Number(m);
    w.End(']');
    w.End('}');
  }
  w.End(']');
  if (!result.evidence.empty()) {
    w.Key("evidence");
    w.Begin('[');
    for (const nerkit::Evidence& evidence : result.evidence) {
      w.Begin('{');
      for (const auto& [name, value] : evidence.features) {
        w.Key(name);
        w.Decimal(value, 6);
      }
      w.End('}');
    }
    w.End(']');
  }
  if (!result.rejected.empty()) {
    w.Key("rejected");
    w.Begin('[');
    for (const nerkit::Rejected& r : result.rejected) {
      WriteEntity(w, r.candidate, false);
      w.Key("reason");
      w.String(r.reason);
      w.End('}');
    }
    w.End(']');
  }
  w.End('}');
  out += '\n';
  return out;
}

inline json ResultToJson(const json& id, std::size_t line, const nerkit::Result& result) {
  json j = json::object();
  j["id"] = id;
  if (line) j["line"] = line;
  if (result.reference_date) {
    j["reference_date"] = result.reference_date->ToString();
    j["reference_date_source"] = result.reference_date_source;
  } else {
    j["reference_date"] = nullptr;
  }
  j["invalid_utf8_bytes"] = result.invalid_utf8_bytes;
  json entities = json::array();
  for (const nerkit::Entity& e : result.entities) entities.push_back(EntityToJson(e));
  j["entities"] = std::move(entities);
  json clusters = json::array();
  for (std::size_t i = 0; i < result.clusters.size(); ++i) {
    const nerkit::Cluster& c = result.clusters[i];
    json cj = json::object();
    cj["cluster"] = i;
    cj["label"] = nerkit::LabelName(c.label);
    cj["name"] = c.name;
    cj["canonical"] = OrNull(c.canonical);
    cj["id"] = OrNull(c.id);
    cj["mentions"] = c.mentions;
    clusters.push_back(std::move(cj));
  }
  j["clusters"] = std::move(clusters);
  if (!result.evidence.empty()) {
    json evidence = json::array();
    for (const nerkit::Evidence& ev : result.evidence) {
      json features = json::object();
      for (const auto& [name, value] : ev.features) features[name] = Decimal(value, 6);
      evidence.push_back(std::move(features));
    }
    j["evidence"] = std::move(evidence);
  }
  if (!result.rejected.empty()) {
    json rejected = json::array();
    for (const nerkit::Rejected& r : result.rejected) {
      json rj = EntityToJson(r.candidate);
      rj.erase("cluster");
      rj["reason"] = r.reason;
      rejected.push_back(std::move(rj));
    }
    j["rejected"] = std::move(rejected);
  }
  return j;
}

inline std::string FormatResult(OutputFormat format, const json& id, std::size_t line,
                                std::string_view text, const nerkit::Result& result) {
  switch (format) {
    case OutputFormat::kJson:
      return ResultToJson(id, line, result).dump(2, ' ', false, json::error_handler_t::replace) +
             "\n";
    case OutputFormat::kJsonl:
      return ResultToJsonl(id, line, result);
    case OutputFormat::kTsv: {
      std::string out;
      const std::string doc = TsvField(IdText(id, line));
      for (const nerkit::Entity& e : result.entities) {
        out += doc + "\t" + std::to_string(e.start) + "\t" + std::to_string(e.end) + "\t" +
               std::string(nerkit::LabelName(e.label)) + "\t" + TsvField(e.text) + "\t" +
               TsvField(e.canonical) + "\t" + TsvField(e.id) + "\t" + TsvField(e.value) + "\t" +
               TsvField(e.source) + "\n";
      }
      return out;
    }
    case OutputFormat::kConll: {
      std::string out = "# id = " + IdText(id, line) + "\n";
      std::size_t e = 0;
      std::size_t sentence = 0;
      for (const nerkit::Token& t : result.tokens) {
        if (t.sentence != sentence) {
          out += "\n";
          sentence = t.sentence;
        }
        while (e < result.entities.size() && result.entities[e].end <= t.start) ++e;
        std::string tag = "O";
        if (e < result.entities.size() && result.entities[e].start <= t.start &&
            t.end <= result.entities[e].end) {
          tag = (result.entities[e].start == t.start ? "B-" : "I-") +
                std::string(nerkit::LabelName(result.entities[e].label));
        }
        out += std::string(text.substr(t.start, t.end - t.start)) + "\t" + tag + "\n";
      }
      return out + "\n";
    }
  }
  return {};
}

inline std::string FormatError(OutputFormat format, const json& id, std::size_t line,
                               const std::string& error) {
  switch (format) {
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      json j = json::object();
      j["id"] = id;
      if (line) j["line"] = line;
      j["error"] = error;
      j["entities"] = json::array();
      return j.dump(format == OutputFormat::kJson ? 2 : -1, ' ', false,
                    json::error_handler_t::replace) +
             "\n";
    }
    case OutputFormat::kTsv:
      return TsvField(IdText(id, line)) + "\t-\t-\tERROR\t" + TsvField(error) + "\t\t\t\t\n";
    case OutputFormat::kConll:
      return "# id = " + IdText(id, line) + "\n# error = " + error + "\n\n";
  }
  return {};
}

}  // namespace reference_tool
