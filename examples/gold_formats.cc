#include "gold_formats.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "code_points.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool ReadFile(const fs::path& path, std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  content = ss.str();
  return !in.bad();
}

// Number of code points of valid UTF-8.
long Length(std::string_view valid) {
  long n = 0;
  for (char c : valid) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::optional<nerkit::CivilDate> ParseDct(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return nerkit::CivilDate::Parse(it->get<std::string>().substr(0, 10));
}

std::string IdString(const json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

// ---------------------------------------------------------------------------------------------
// JSON Lines (ours, and Doccano's).

bool ReadJsonl(const std::string& path, std::vector<GoldDocument>& docs, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return false;
  }
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const json j = json::parse(line);
      GoldDocument doc;
      doc.id = j.contains("id")       ? IdString(j["id"])
               : j.contains("doc_id") ? IdString(j["doc_id"])
                                      : path + ":" + std::to_string(line_number);
      doc.text = j.value("text", "");
      doc.dct = ParseDct(j, "dct");
      for (const json& e : j.value("entities", json::array())) {
        GoldEntity g;
        g.start = e.value("start", 0L);
        g.end = e.value("end", 0L);
        g.label = CanonicalGoldLabel(e.value("label", ""));
        g.optional = e.value("optional", false);
        if (e.contains("value") && !e["value"].is_null()) {
          g.has_value = true;
          g.value = e["value"].is_string() ? e["value"].get<std::string>() : e["value"].dump();
        }
        doc.entities.push_back(std::move(g));
      }
      // Doccano: "label" (or "labels"): [[start, end, label], ...].
      for (const char* key : {"label", "labels"}) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_array()) continue;
        for (const json& e : *it) {
          if (!e.is_array() || e.size() < 3) {
            throw std::runtime_error(std::string("\"") + key +
                                     "\" must hold [start, end, label] arrays");
          }
          GoldEntity g;
          g.start = e[0].get<long>();
          g.end = e[1].get<long>();
          g.label = CanonicalGoldLabel(e[2].get<std::string>());
          doc.entities.push_back(std::move(g));
        }
      }
      docs.push_back(std::move(doc));
    } catch (const std::exception& e) {
      error = path + ":" + std::to_string(line_number) + ": " + e.what();
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// CoNLL.

struct Tag {
  char prefix = 'O';  // O, B, I, E, S (L and U read as E and S)
  std::string type;
};

std::optional<Tag> ParseTag(std::string_view tag) {
  if (tag == "O") return Tag{};
  if (tag.size() < 3 || tag[1] != '-') return std::nullopt;
  char prefix = tag[0];
  if (prefix == 'L') prefix = 'E';
  if (prefix == 'U') prefix = 'S';
  if (prefix != 'B' && prefix != 'I' && prefix != 'E' && prefix != 'S') return std::nullopt;
  return Tag{prefix, std::string(tag.substr(2))};
}

bool NoSpaceBefore(std::string_view token) {
  static const char* const kAttached[] = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%"};
  for (const char* a : kAttached) {
    if (token == a) return true;
  }
  if (!token.empty() && token[0] == '\'') return true;  // 's 're ' (a closing quote)
  return token == "n't" || token == "N'T";
}

bool NoSpaceAfter(std::string_view token) { return token == "(" || token == "[" || token == "{"; }

class ConllReader {
 public:
  ConllReader(const std::string& name, std::vector<GoldDocument>& docs)
      : name_(name), docs_(docs) {}

  bool Read(std::string_view content, std::string& error) {
    std::size_t pos = 0;
    std::size_t line_number = 0;
    while (pos < content.size()) {
      std::size_t eol = content.find('\n', pos);
      if (eol == std::string_view::npos) eol = content.size();
      std::string_view line = content.substr(pos, eol - pos);
      pos = eol + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!Line(line, line_number, error)) return false;
    }
    EndDocument();
    return true;
  }

 private:
  struct Token {
    std::string text;
    Tag tag;
  };

  static std::vector<std::string_view> Fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
      if (i > start) fields.push_back(line.substr(start, i - start));
    }
    return fields;
  }

  bool Line(std::string_view line, std::size_t line_number, std::string& error) {
    const std::vector<std::string_view> fields = Fields(line);
    if (fields.empty()) {
      EndSentence();
      return true;
    }
    if (fields[0] == "-DOCSTART-") {
      EndDocument();
      next_id_ = name_ + ":" + std::to_string(line_number);
      return true;
    }
    for (std::string_view prefix : {"# id = ", "# newdoc id = "}) {
      if (line.starts_with(prefix)) {
        EndDocument();
        next_id_ = std::string(line.substr(prefix.size()));
        return true;
      }
    }
    const bool tagged = fields.size() >= 2 && ParseTag(fields.back());
    if (line[0] == '#' && !tagged) return true;  // a comment
    if (fields.size() < 2) {
      error = name_ + ":" + std::to_string(line_number) +
              ": expected a token and its tag, separated by a space or a tab";
      return false;
    }
    const std::optional<Tag> tag = ParseTag(fields.back());
    if (!tag) {
      error = name_ + ":" + std::to_string(line_number) + ": \"" + std::string(fields.back()) +
              "\" is not a tag (expected O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)";
      return false;
    }
    if (next_id_.empty()) next_id_ = name_ + ":" + std::to_string(line_number);
    sentence_.push_back({ToValidUtf8(fields[0]), *tag});
    return true;
  }

  void EndSentence() {
    if (sentence_.empty()) return;
    if (!has_text_) {
      doc_ = GoldDocument{};
      doc_.id = next_id_;
      has_text_ = true;
    } else {
      doc_.text += '\n';
      ++length_;
    }
    // The open chunk: its type, start, end (code points), and whether an E- or S- closed it.
    bool open = false;
    std::string type;
    long start = 0, end = 0;
    auto close = [&]() {
      if (open)
        doc_.entities.push_back(GoldEntity{start, end, CanonicalGoldLabel(type), "", false});
      open = false;
    };
    for (std::size_t i = 0; i < sentence_.size(); ++i) {
      const Token& t = sentence_[i];
      if (i > 0 && !NoSpaceBefore(t.text) && !NoSpaceAfter(sentence_[i - 1].text)) {
        doc_.text += ' ';
        ++length_;
      }
      const long token_start = length_;
      doc_.text += t.text;
      length_ += Length(t.text);
      const char p = t.tag.prefix;
      if (p == 'O') {
        close();
        continue;
      }
      // I- and E- go on a chunk of the same type (IOB1, and BIO's I- after O, start one).
      if (p == 'B' || p == 'S' || !open || type != t.tag.type) {
        close();
        open = true;
        type = t.tag.type;
        start = token_start;
      }
      end = length_;
      if (p == 'E' || p == 'S') close();
    }
    close();
    sentence_.clear();
  }

  void EndDocument() {
    EndSentence();
    if (has_text_) docs_.push_back(std::move(doc_));
    has_text_ = false;
    length_ = 0;
    next_id_.clear();
  }

  const std::string& name_;
  std::vector<GoldDocument>& docs_;
  GoldDocument doc_;
  bool has_text_ = false;
  long length_ = 0;  // code points of doc_.text
  std::string next_id_;
  std::vector<Token> sentence_;
};

// ---------------------------------------------------------------------------------------------
// brat standoff.

bool ReadBratFile(const fs::path& ann_path, const std::string& id, std::vector<GoldDocument>& docs,
                  std::string& error) {
  fs::path txt_path = ann_path;
  txt_path.replace_extension(".txt");
  std::string raw, ann;
  if (!ReadFile(txt_path, raw)) {
    error = ann_path.string() + ": no " + txt_path.filename().string() + " beside it";
    return false;
  }
  if (!ReadFile(ann_path, ann)) {
    error = "cannot read " + ann_path.string();
    return false;
  }
  GoldDocument doc;
  doc.id = id;
  doc.text = ToValidUtf8(raw);
  const CodePoints cp(doc.text);
  const long length = static_cast<long>(cp.size());
  std::map<std::string, std::size_t> by_id;  // T id -> index in doc.entities
  std::map<std::string, std::string> values;
  std::istringstream lines(ann);
  std::string line;
  std::size_t line_number = 0;
  auto fail = [&](const std::string& what) {
    error = ann_path.string() + ":" + std::to_string(line_number) + ": " + what;
    return false;
  };
  while (std::getline(lines, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t tab1 = line.find('\t');
    if (tab1 == std::string::npos) continue;
    const std::string tid = line.substr(0, tab1);
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    const std::string middle =
        line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
    const std::string field = tab2 == std::string::npos ? "" : line.substr(tab2 + 1);
    if (tid[0] == '#') {
      // "#1<TAB>AnnotatorNotes T3<TAB>value: 2024-05-13; ..."
      if (middle.starts_with("AnnotatorNotes ") && field.starts_with("value: ")) {
        const std::string target = middle.substr(15);
        values[target] = field.substr(
            7, field.find(';') == std::string::npos ? std::string::npos : field.find(';') - 7);
      }
      continue;
    }
    if (tid[0] != 'T') continue;  // relations, events, attributes, normalizations
    // "TYPE START END[;START END]..."
    const std::size_t space = middle.find(' ');
    if (space == std::string::npos) return fail("expected \"TYPE START END\" after " + tid);
    GoldEntity g;
    g.label = CanonicalGoldLabel(middle.substr(0, space));
    std::string expected;
    bool first = true;
    std::istringstream fragments(middle.substr(space + 1));
    std::string fragment;
    while (std::getline(fragments, fragment, ';')) {
      std::istringstream numbers(fragment);
      long s = -1, e = -1;
      if (!(numbers >> s >> e) || s < 0 || e < s) {
        return fail("expected character offsets \"START END\", got \"" + fragment + "\"");
      }
      if (e > length) {
        return fail(tid + " ends at character " + std::to_string(e) + ", after the end of " +
                    txt_path.filename().string() + " (" + std::to_string(length) + " characters)");
      }
      g.start = first ? s : std::min(g.start, s);
      g.end = first ? e : std::max(g.end, e);
      const std::size_t b = cp.ToByte(static_cast<std::size_t>(s));
      expected +=
          (first ? "" : " ") + doc.text.substr(b, cp.ToByte(static_cast<std::size_t>(e)) - b);
      first = false;
    }
    if (first) return fail("expected \"TYPE START END\" after " + tid);
    if (tab2 != std::string::npos && field != expected) {
      return fail(tid + " says \"" + field + "\" but its characters in " +
                  txt_path.filename().string() + " are \"" + expected + "\"");
    }
    by_id[tid] = doc.entities.size();
    doc.entities.push_back(std::move(g));
  }
  for (const auto& [tid, value] : values) {
    auto it = by_id.find(tid);
    if (it == by_id.end()) continue;
    doc.entities[it->second].value = value;
    doc.entities[it->second].has_value = true;
  }
  std::stable_sort(doc.entities.begin(), doc.entities.end(),
                   [](const GoldEntity& a, const GoldEntity& b) { return a.start < b.start; });
  docs.push_back(std::move(doc));
  return true;
}

bool ReadBrat(const std::string& dir, std::vector<GoldDocument>& docs, std::string& error) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".ann") files.push_back(it->path());
  }
  if (ec) {
    error = "cannot read the folder " + dir + ": " + ec.message();
    return false;
  }
  if (files.empty()) {
    error = dir + ": no .ann files in this folder";
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    fs::path id = fs::relative(f, dir, ec);
    if (ec) id = f;
    id.replace_extension();
    if (!ReadBratFile(f, id.generic_string(), docs, error)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Label Studio.

const json* TaskResults(const json& task) {
  for (const char* key : {"annotations", "completions"}) {
    auto it = task.find(key);
    if (it == task.end() || !it->is_array()) continue;
    for (const json& a : *it) {
      if (a.is_object() && !a.value("was_cancelled", false) && a.contains("result")) {
        return &a["result"];
      }
    }
  }
  auto it = task.find("predictions");
  if (it != task.end() && it->is_array()) {
    for (const json& p : *it) {
      if (p.is_object() && p.contains("result")) return &p["result"];
    }
  }
  return nullptr;
}

bool ReadLabelStudio(const std::string& path, std::vector<GoldDocument>& docs, std::string& error) {
  std::string content;
  if (!ReadFile(path, content)) {
    error = "cannot open " + path;
    return false;
  }
  json tasks;
  try {
    tasks = json::parse(content);
  } catch (const json::exception& e) {
    error = path + ": invalid JSON: " + e.what();
    return false;
  }
  if (tasks.is_object()) tasks = json::array({tasks});
  if (!tasks.is_array()) {
    error = path + ": expected a JSON array of Label Studio tasks";
    return false;
  }
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const json& task = tasks[i];
    const std::string where = path + ": task " + std::to_string(i + 1);
    try {
      // The full export has {"data": {...}, "annotations": [...]}; the JSON-MIN export puts
      // the data fields and a "label" list of regions in the task itself.
      const bool minimal = task.is_object() && !task.contains("data") && task.contains("text");
      if (!minimal && (!task.is_object() || !task.contains("data") || !task["data"].is_object())) {
        error = where + ": no \"data\" object";
        return false;
      }
      const json& data = minimal ? task : task["data"];
      GoldDocument doc;
      if (data.contains("text") && data["text"].is_string()) {
        doc.text = data["text"].get<std::string>();
      } else {
        int strings = 0;
        for (const auto& [key, value] : data.items()) {
          if (value.is_string()) {
            doc.text = value.get<std::string>();
            ++strings;
          }
        }
        if (strings != 1) {
          error = where + ": no \"text\" in \"data\"";
          return false;
        }
      }
      doc.id = data.contains("doc_id") ? IdString(data["doc_id"])
               : task.contains("id")   ? IdString(task["id"])
                                       : "task " + std::to_string(i + 1);
      doc.dct = ParseDct(data, "dct");
      const long length = Length(doc.text);
      const json* results =
          minimal ? (task.contains("label") ? &task["label"] : nullptr) : TaskResults(task);
      if (results != nullptr && results->is_array()) {
        for (const json& r : *results) {
          if (!r.is_object() || (!minimal && !r.contains("value"))) continue;
          const json& v = minimal ? r : r["value"];
          if (!v.contains("labels") || !v.contains("start") || !v.contains("end")) continue;
          if (!v["labels"].is_array() || v["labels"].empty()) continue;
          GoldEntity g;
          g.start = v["start"].get<long>();
          g.end = v["end"].get<long>();
          g.label = CanonicalGoldLabel(v["labels"][0].get<std::string>());
          if (g.start < 0 || g.end < g.start || g.end > length) {
            error = where + ": a region " + std::to_string(g.start) + "-" + std::to_string(g.end) +
                    " outside the text (" + std::to_string(length) + " characters)";
            return false;
          }
          doc.entities.push_back(std::move(g));
        }
      }
      std::stable_sort(doc.entities.begin(), doc.entities.end(),
                       [](const GoldEntity& a, const GoldEntity& b) { return a.start < b.start; });
      docs.push_back(std::move(doc));
    } catch (const json::exception& e) {
      error = where + ": " + e.what();
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<GoldFormat> ParseGoldFormat(std::string_view name) {
  if (name == "auto") return GoldFormat::kAuto;
  if (name == "jsonl" || name == "doccano") return GoldFormat::kJsonl;
  if (name == "conll") return GoldFormat::kConll;
  if (name == "brat") return GoldFormat::kBrat;
  if (name == "labelstudio") return GoldFormat::kLabelStudio;
  return std::nullopt;
}

std::string_view GoldFormatName(GoldFormat format) {
  switch (format) {
    case GoldFormat::kAuto:
      return "auto";
    case GoldFormat::kJsonl:
      return "jsonl";
    case GoldFormat::kConll:
      return "conll";
    case GoldFormat::kBrat:
      return "brat";
    case GoldFormat::kLabelStudio:
      return "labelstudio";
  }
  return "";
}

GoldFormat DetectGoldFormat(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return GoldFormat::kBrat;
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '[') return GoldFormat::kLabelStudio;
    if (c == '{') return GoldFormat::kJsonl;
    break;
  }
  // An empty or unreadable file is left to the JSON Lines reader, which says what is wrong.
  return in ? GoldFormat::kConll : GoldFormat::kJsonl;
}

std::string CanonicalGoldLabel(std::string_view label) {
  std::string upper(label);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "PER" || upper == "PERS") return "PERSON";
  if (upper == "LOC" || upper == "GPE" || upper == "GEO") return "LOCATION";
  if (upper == "ORG" || upper == "ORGANISATION") return "ORGANIZATION";
  return upper;
}

bool ReadConll(std::string_view content, const std::string& name, std::vector<GoldDocument>& docs,
               std::string& error) {
  ConllReader reader(name, docs);
  return reader.Read(content, error);
}

bool ReadGold(const std::string& path, GoldFormat format, std::vector<GoldDocument>& docs,
              std::string& error) {
  if (format == GoldFormat::kAuto) format = DetectGoldFormat(path);
  switch (format) {
    case GoldFormat::kAuto:
    case GoldFormat::kJsonl:
      return ReadJsonl(path, docs, error);
    case GoldFormat::kConll: {
      std::string content;
      if (!ReadFile(path, content)) {
        error = "cannot open " + path;
        return false;
      }
      return ReadConll(content, path, docs, error);
    }
    case GoldFormat::kBrat:
      return ReadBrat(path, docs, error);
    case GoldFormat::kLabelStudio:
      return ReadLabelStudio(path, docs, error);
  }
  return false;
}
