#include "standoff.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "code_points.h"
#include "nerkit/version.h"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// A field of a brat line: no tab or line break.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

bool IsBreak(char c) { return c == '\n' || c == '\r' || c == '\t'; }

std::string BratNote(const nerkit::Entity& e) {
  // The value first: the gold reader takes it back from here ("value: ...;").
  std::vector<std::string> parts;
  if (!e.value.empty()) parts.push_back("value: " + e.value);
  if (!e.canonical.empty()) parts.push_back("canonical: " + e.canonical);
  if (!e.id.empty()) parts.push_back("id: " + e.id);
  if (!e.source.empty()) parts.push_back("source: " + e.source);
  std::string note;
  for (const std::string& p : parts) note += (note.empty() ? "" : "; ") + p;
  return ToValidUtf8(OneLine(note));
}

// Code point spans of the entities, in the valid UTF-8 text the formats carry.
struct CharSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  const nerkit::Entity* entity = nullptr;
};

std::vector<CharSpan> CharSpans(std::string_view text, const nerkit::Result& r) {
  const CodePoints cp(text);
  std::vector<CharSpan> spans;
  spans.reserve(r.entities.size());
  for (const nerkit::Entity& e : r.entities) {
    if (e.start > e.end || e.end > text.size()) continue;
    spans.push_back({cp.FromByte(e.start), cp.FromByte(e.end), &e});
  }
  return spans;
}

// The characters [start, end) of a valid UTF-8 text.
std::string Slice(const std::string& valid, const CodePoints& cp, std::size_t start,
                  std::size_t end) {
  const std::size_t b = cp.ToByte(start);
  return valid.substr(b, cp.ToByte(end) - b);
}

json TaskId(const DocumentInfo& doc) {
  if (doc.id != nullptr && !doc.id->is_null()) return *doc.id;
  return DocumentName(doc);
}

class BratWriter : public DocumentWriter {
 public:
  explicit BratWriter(const DocumentWriterOptions& options) : dir_(options.output_dir) {}

  std::string Begin() override {
    if (dir_.empty()) return {};
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec || !fs::is_directory(dir_)) {
      throw std::runtime_error("--output-dir " + dir_.string() + ": cannot create the folder" +
                               (ec ? ": " + ec.message() : std::string()));
    }
    const fs::path conf = dir_ / "annotation.conf";
    if (!fs::exists(conf)) std::ofstream(conf, std::ios::binary) << BratAnnotationConf();
    return {};
  }
  std::string Format(const DocumentInfo& doc, const nerkit::Result& result) const override {
    if (!dir_.empty()) return BratAnnotations(doc.text, result);
    return "# id = " + OneLine(DocumentName(doc)) + "\n" + BratAnnotations(doc.text, result) + "\n";
  }
  std::string FormatError(const DocumentInfo& doc, const std::string& error) const override {
    if (!dir_.empty()) return {};
    return "# id = " + OneLine(DocumentName(doc)) + "\n# error = " + OneLine(error) + "\n\n";
  }
  bool Emit(const DocumentInfo& doc, std::string& piece, bool failed, std::string& error) override {
    if (dir_.empty()) return true;
    std::string annotations = std::move(piece);
    piece.clear();
    if (failed) return true;
    // One name per document, even when two ids give the same file name.
    const std::string base = BratFileStem(doc);
    std::string stem = base;
    for (int n = 2; !used_.insert(stem).second; ++n) stem = base + "-" + std::to_string(n);
    const fs::path txt = dir_ / (stem + ".txt");
    const fs::path ann = dir_ / (stem + ".ann");
    const std::string text = ToValidUtf8(doc.text);
    // The .txt is left alone when it already holds the text (the input file itself, say).
    std::error_code ec;
    bool same = false;
    if (fs::exists(txt, ec) && fs::file_size(txt, ec) == text.size()) {
      std::ifstream in(txt, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      same = ss.str() == text;
    }
    if (!same && !WriteFile(txt, text)) {
      error = "cannot write " + txt.string();
      return false;
    }
    if (!WriteFile(ann, annotations)) {
      error = "cannot write " + ann.string();
      return false;
    }
    return true;
  }

 private:
  static bool WriteFile(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    return static_cast<bool>(out);
  }

  fs::path dir_;
  std::set<std::string> used_;
};

class LabelStudioWriter : public DocumentWriter {
 public:
  std::string Begin() override { return "["; }
  std::string Format(const DocumentInfo& doc, const nerkit::Result& result) const override {
    return LabelStudioTask(doc, result).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  // A document that failed has no task (its error is on standard error).
  std::string FormatError(const DocumentInfo&, const std::string&) const override { return {}; }
  bool Emit(const DocumentInfo&, std::string& piece, bool failed, std::string&) override {
    if (failed) {
      piece.clear();
      return true;
    }
    piece.insert(0, tasks_++ == 0 ? "\n" : ",\n");
    return true;
  }
  std::string End() override { return "\n]\n"; }

 private:
  std::size_t tasks_ = 0;
};

class DoccanoWriter : public DocumentWriter {
 public:
  std::string Format(const DocumentInfo& doc, const nerkit::Result& result) const override {
    return DoccanoLine(doc, result).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  std::string FormatError(const DocumentInfo&, const std::string&) const override { return {}; }
};

}  // namespace

std::string BratAnnotations(std::string_view text, const nerkit::Result& result) {
  const std::string valid = ToValidUtf8(text);
  const CodePoints cp(valid);
  std::string out;
  std::size_t t = 0;
  std::size_t notes = 0;
  for (const CharSpan& span : CharSpans(text, result)) {
    ++t;
    // Fragments between line breaks (brat's text field is one line; its fragments are joined
    // with a space).
    std::vector<std::pair<std::size_t, std::size_t>> fragments;
    std::size_t from = span.start;
    for (std::size_t c = span.start; c < span.end; ++c) {
      if (!IsBreak(valid[cp.ToByte(c)])) continue;
      if (c > from) fragments.emplace_back(from, c);
      from = c + 1;
    }
    if (span.end > from) fragments.emplace_back(from, span.end);
    if (fragments.empty()) fragments.emplace_back(span.start, span.end);
    out += "T" + std::to_string(t) + "\t" + std::string(nerkit::LabelName(span.entity->label));
    std::string field;
    for (std::size_t i = 0; i < fragments.size(); ++i) {
      out += (i ? ";" : " ") + std::to_string(fragments[i].first) + " " +
             std::to_string(fragments[i].second);
      field += (i ? " " : "") + Slice(valid, cp, fragments[i].first, fragments[i].second);
    }
    out += "\t" + field + "\n";
    const std::string note = BratNote(*span.entity);
    if (!note.empty()) {
      out += "#" + std::to_string(++notes) + "\tAnnotatorNotes T" + std::to_string(t) + "\t" +
             note + "\n";
    }
  }
  return out;
}

std::string BratAnnotationConf() {
  return "# nerkit's labels (written by nerkit-extract --format brat)\n"
         "[entities]\nPERSON\nLOCATION\nORGANIZATION\nDATE\nTIME\nDURATION\nSET\n"
         "[relations]\n[events]\n[attributes]\n";
}

std::string BratFileStem(const DocumentInfo& doc) {
  std::string name;
  if (doc.id != nullptr && doc.id->is_string()) {
    name = doc.id->get<std::string>();
    if (doc.line == 0) name = name == "-" ? "stdin" : fs::path(name).stem().string();
  } else if (doc.id != nullptr && doc.id->is_number()) {
    name = doc.id->dump();
  } else if (doc.line) {
    name = "line-" + std::to_string(doc.line);
  }
  std::string stem;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    stem.push_back(keep ? c : '_');
  }
  while (!stem.empty() && stem.front() == '.') stem.erase(0, 1);
  if (stem.size() > 120) stem.resize(120);
  if (stem.empty()) stem = "doc-" + std::to_string(doc.index);
  return stem;
}

json LabelStudioTask(const DocumentInfo& doc, const nerkit::Result& result) {
  const std::string valid = ToValidUtf8(doc.text);
  const CodePoints cp(valid);
  json results = json::array();
  std::size_t i = 0;
  for (const CharSpan& span : CharSpans(doc.text, result)) {
    json value = json::object();
    value["start"] = span.start;
    value["end"] = span.end;
    value["text"] = Slice(valid, cp, span.start, span.end);
    value["labels"] = json::array({std::string(nerkit::LabelName(span.entity->label))});
    json item = json::object();
    item["id"] = "d" + std::to_string(doc.index) + "e" + std::to_string(i++);
    item["from_name"] = "label";
    item["to_name"] = "text";
    item["type"] = "labels";
    item["value"] = std::move(value);
    results.push_back(std::move(item));
  }
  json data = json::object();
  data["text"] = valid;
  data["doc_id"] = TaskId(doc);
  // A reference date the caller gave is part of the input; one found in the text is found again.
  if (result.reference_date && result.reference_date_source == "caller") {
    data["dct"] = result.reference_date->ToString();
  }
  json prediction = json::object();
  prediction["model_version"] = "nerkit " NERKIT_VERSION_STRING;
  prediction["result"] = std::move(results);
  json task = json::object();
  task["data"] = std::move(data);
  task["predictions"] = json::array({std::move(prediction)});
  return task;
}

json DoccanoLine(const DocumentInfo& doc, const nerkit::Result& result) {
  json labels = json::array();
  for (const CharSpan& span : CharSpans(doc.text, result)) {
    labels.push_back(
        json::array({span.start, span.end, std::string(nerkit::LabelName(span.entity->label))}));
  }
  json line = json::object();
  line["doc_id"] = TaskId(doc);
  line["text"] = ToValidUtf8(doc.text);
  line["label"] = std::move(labels);
  if (result.reference_date && result.reference_date_source == "caller") {
    line["dct"] = result.reference_date->ToString();
  }
  return line;
}

std::unique_ptr<DocumentWriter> MakeBratWriter(const DocumentWriterOptions& options) {
  return std::make_unique<BratWriter>(options);
}
std::unique_ptr<DocumentWriter> MakeLabelStudioWriter(const DocumentWriterOptions&) {
  return std::make_unique<LabelStudioWriter>();
}
std::unique_ptr<DocumentWriter> MakeDoccanoWriter(const DocumentWriterOptions&) {
  return std::make_unique<DoccanoWriter>();
}
