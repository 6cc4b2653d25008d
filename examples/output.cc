#include "output.h"

#include <string>

using json = nlohmann::ordered_json;

OutputFormat ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "conll") return OutputFormat::kConll;
  return OutputFormat::kJsonl;
}

namespace {

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json EntityToJson(const nerkit::Entity& e) {
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
  j["cluster"] = e.cluster < 0 ? json(nullptr) : json(e.cluster);
  return j;
}

// TSV fields must not contain tabs or line breaks.
std::string TsvField(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out.push_back(c);
  }
  return out;
}

std::string IdText(const json& id, std::size_t line) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_null()) return line ? "line " + std::to_string(line) : "-";
  return id.dump();
}

}  // namespace

json ResultToJson(const json& id, std::size_t line, const nerkit::Result& result) {
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

std::string FormatResult(OutputFormat format, const json& id, std::size_t line,
                         std::string_view text, const nerkit::Result& result) {
  switch (format) {
    case OutputFormat::kJson:
      return ResultToJson(id, line, result).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    case OutputFormat::kJsonl:
      return ResultToJson(id, line, result).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
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

std::string FormatError(OutputFormat format, const json& id, std::size_t line,
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
                    json::error_handler_t::replace) + "\n";
    }
    case OutputFormat::kTsv:
      return TsvField(IdText(id, line)) + "\t-\t-\tERROR\t" + TsvField(error) + "\t\t\t\t\n";
    case OutputFormat::kConll:
      return "# id = " + IdText(id, line) + "\n# error = " + error + "\n\n";
  }
  return {};
}
