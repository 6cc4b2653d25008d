// python/nerkit_module.cc: the Python module nerkit (built as nerkit._nerkit; nerkit/__init__.py
// re-exports it).
//
// WHAT THIS IS
//   Bindings of nerkit::Extractor for Python 3: load once, extract many times. The library works
//   on UTF-8 bytes; a Python str is read as its UTF-8 (encoded with 'surrogatepass', so that a
//   lone surrogate becomes three bytes the library treats as separators without shifting any
//   offset) and the library's byte offsets are turned into code point offsets in one pass over
//   the text, so that text[e.start:e.end] == e.text for every entity of every str. Entity text is
//   sliced from the caller's str, never decoded from the library's bytes. Result.to_json() and
//   Extractor.extract_jsonl() write the records of nerkit-extract with the tool's own writer
//   (examples/output.cc), byte offsets included.
//
//     import nerkit
//     extractor = nerkit.Extractor()
//     for e in extractor.extract("Kämpfe in Sirte, Libya."):
//         print(e.label, e.start, e.end, e.text)
//
// THREAD SAFETY
//   Loading and extraction release the GIL. An Extractor may be used by any number of Python
//   threads at once (the library's extractor is immutable); it keeps a pool of Workspaces and
//   each running call, or each C++ thread of extract_many, takes one. Entities, clusters and
//   results are immutable values.
//
// OWNERSHIP AND LIFETIME
//   Results own their data and keep a reference to the str they came from (entity text is sliced
//   from it); they do not refer to the extractor, which may be dropped before them.
#include <Python.h>
#include <datetime.h>
#include <dlfcn.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "jsonl_input.h"
#include "nerkit/nerkit.h"
#include "output.h"

namespace py = pybind11;
namespace fs = std::filesystem;

namespace {

using json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// Exceptions: nerkit.Error, nerkit.InputError (also a ValueError) and nerkit.DictionaryError,
// created once at import and never freed.

PyObject* g_error = nullptr;
PyObject* g_input_error = nullptr;
PyObject* g_dictionary_error = nullptr;

// A str from UTF-8 bytes; a byte that is not UTF-8 becomes U+FFFD (never an exception).
py::object Str(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

py::object StrOrNone(std::string_view s) { return s.empty() ? py::object(py::none()) : Str(s); }

py::object IntOrNone(std::size_t n) {
  return n == 0 ? py::object(py::none()) : py::object(py::int_(n));
}

// An instance of exception `type` with message `message` (not raised).
py::object NewException(PyObject* type, std::string_view message) {
  PyObject* e = PyObject_CallOneArg(type, Str(message).ptr());
  if (e == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(e);
}

// Raises a nerkit.DictionaryError with the load error's message and its parts as attributes.
void SetDictionaryError(const nerkit::LoadError& error) {
  py::object e = NewException(g_dictionary_error, error.what());
  e.attr("path") = Str(error.path());
  e.attr("line") = IntOrNone(error.line());
  e.attr("column") = IntOrNone(error.column());
  e.attr("message") = Str(error.message());
  PyErr_SetObject(g_dictionary_error, e.ptr());
}

// The exception object for a document that could not be processed: what the library threw,
// translated as a call would raise it.
struct DocumentError {
  enum Kind { kInput, kLibrary, kInternal, kType } kind = kInput;
  std::string message;
};

py::object DocumentErrorObject(const DocumentError& error) {
  switch (error.kind) {
    case DocumentError::kInput:
      return NewException(g_input_error, error.message);
    case DocumentError::kLibrary:
      return NewException(g_error, error.message);
    case DocumentError::kInternal:
      return NewException(PyExc_RuntimeError, error.message);
    case DocumentError::kType:
      return NewException(PyExc_TypeError, error.message);
  }
  return py::none();
}

// ---------------------------------------------------------------------------------------------
// Text: the UTF-8 of a Python str, and byte offsets back to code point offsets.

// The UTF-8 bytes of a Python str as the library reads them: the str's own buffer when it is
// ASCII (no copy), else its encoding with 'surrogatepass'.
// Requires the GIL to construct and to destroy; view() may be read without it while the str and
// this object live.
class Utf8Text {
 public:
  // Requires: `text` is a str. Throws py::error_already_set if it cannot be encoded.
  explicit Utf8Text(py::handle text) {
    if (PyUnicode_IS_ASCII(text.ptr())) {
      ascii_ = true;
      view_ = std::string_view(static_cast<const char*>(PyUnicode_DATA(text.ptr())),
                               static_cast<std::size_t>(PyUnicode_GET_LENGTH(text.ptr())));
      return;
    }
    PyObject* bytes = PyUnicode_AsEncodedString(text.ptr(), "utf-8", "surrogatepass");
    if (bytes == nullptr) throw py::error_already_set();
    bytes_ = py::reinterpret_steal<py::object>(bytes);
    view_ = std::string_view(PyBytes_AS_STRING(bytes),
                             static_cast<std::size_t>(PyBytes_GET_SIZE(bytes)));
  }

  std::string_view view() const { return view_; }
  // Whether byte offsets are code point offsets.
  bool ascii() const { return ascii_; }

 private:
  py::object bytes_;  // the encoding, when the str is not ASCII
  std::string_view view_;
  bool ascii_ = false;
};

// Replaces each *offset (a byte offset into `utf8`) by the number of code points before it, in
// one pass over the text in order of the offsets. A code point starts at every byte that is not
// a UTF-8 continuation byte; the library's offsets are on such boundaries (a lone surrogate's
// three bytes are one code point of the str and are never split, being separators).
// Does not need the GIL.
void ByteToCodePointOffsets(std::string_view utf8, std::vector<std::size_t*>& offsets) {
  std::sort(offsets.begin(), offsets.end(),
            [](const std::size_t* a, const std::size_t* b) { return *a < *b; });
  std::size_t byte = 0;
  std::size_t code_points = 0;
  for (std::size_t* offset : offsets) {
    const std::size_t target = std::min(*offset, utf8.size());
    for (; byte < target; ++byte) {
      code_points += (static_cast<unsigned char>(utf8[byte]) & 0xC0) != 0x80;
    }
    *offset = code_points;
  }
}

// What extraction found in one document, with the code point offsets of its entities.
struct Extracted {
  nerkit::Result result;  // byte offsets, as the library returns it
  // Code point [start, end) of each entity, then of each rejected candidate: 2 per span.
  std::vector<std::size_t> offsets;
};

// Runs the library on one text and converts the offsets. Does not need the GIL.
// Throws what Extractor::Extract throws.
Extracted ExtractOne(const nerkit::Extractor& extractor, const Utf8Text& text,
                     const nerkit::ExtractOptions& options, nerkit::Workspace& workspace) {
  Extracted x{extractor.Extract(text.view(), options, workspace), {}};
  const nerkit::Result& r = x.result;
  x.offsets.reserve(2 * (r.entities.size() + r.rejected.size()));
  for (const nerkit::Entity& e : r.entities) {
    x.offsets.push_back(e.start);
    x.offsets.push_back(e.end);
  }
  for (const nerkit::Rejected& rejected : r.rejected) {
    x.offsets.push_back(rejected.candidate.start);
    x.offsets.push_back(rejected.candidate.end);
  }
  if (!text.ascii()) {
    std::vector<std::size_t*> pointers;
    pointers.reserve(x.offsets.size());
    for (std::size_t& offset : x.offsets) pointers.push_back(&offset);
    ByteToCodePointOffsets(text.view(), pointers);
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// Workspaces: a pool per extractor, so that calls reuse ICU iterators and buffers.

class WorkspacePool {
 public:
  // A workspace taken from the pool and given back when the lease ends.
  class Lease {
   public:
    Lease(WorkspacePool& pool, std::unique_ptr<nerkit::Workspace> workspace)
        : pool_(pool), workspace_(std::move(workspace)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.Return(std::move(workspace_)); }
    nerkit::Workspace& operator*() { return *workspace_; }

   private:
    WorkspacePool& pool_;
    std::unique_ptr<nerkit::Workspace> workspace_;
  };

  // Thread-safe; does not need the GIL. Throws nerkit::Error if ICU cannot make a workspace.
  Lease Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<nerkit::Workspace> w = std::move(free_.back());
        free_.pop_back();
        return Lease(*this, std::move(w));
      }
    }
    return Lease(*this, std::make_unique<nerkit::Workspace>());
  }

 private:
  static constexpr std::size_t kMaxFree = 64;

  void Return(std::unique_ptr<nerkit::Workspace> workspace) {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.size() < kMaxFree) free_.push_back(std::move(workspace));
  }

  std::mutex mu_;
  std::vector<std::unique_ptr<nerkit::Workspace>> free_;
};

// ---------------------------------------------------------------------------------------------
// Python values: Entity, Cluster, Rejected, Result.

PyObject* g_label_names[nerkit::kLabelCount] = {};

py::object LabelObject(nerkit::Label label) {
  return py::reinterpret_borrow<py::object>(g_label_names[static_cast<int>(label)]);
}

nerkit::Label LabelFromName(const std::string& name) {
  const std::optional<nerkit::Label> label = nerkit::ParseLabel(name);
  if (!label) throw py::value_error("unknown label: " + name);
  return *label;
}

// The UTF-8 of a str, lone surrogates passed through (as the library was given them).
std::string Utf8Of(py::handle text) { return std::string(Utf8Text(text).view()); }

struct PyEntity {
  // The result the entity belongs to (shared by all its entities: making one copies no
  // string) and the entity in it, with byte offsets.
  std::shared_ptr<const nerkit::Result> owner;
  const nerkit::Entity* entity = nullptr;
  std::size_t start = 0;  // code points
  std::size_t end = 0;
  py::object text;  // str: the caller's text[start:end]

  const nerkit::Entity& e() const { return *entity; }

  py::dict Dict() const {
    py::dict d;
    d["start"] = start;
    d["end"] = end;
    d["label"] = LabelObject(e().label);
    d["text"] = text;
    d["canonical"] = StrOrNone(e().canonical);
    d["id"] = StrOrNone(e().id);
    d["value"] = StrOrNone(e().value);
    d["anchor"] = StrOrNone(e().anchor);
    d["source"] = Str(e().source);
    d["confidence"] = e().confidence;
    d["cluster"] = e().cluster < 0 ? py::none() : py::object(py::int_(e().cluster));
    return d;
  }

  bool Equals(const PyEntity& o) const {
    return e() == o.e() && start == o.start && end == o.end && text.equal(o.text);
  }

  std::string Repr() const {
    std::string s = "Entity(label='" + std::string(nerkit::LabelName(e().label)) +
                    "', start=" + std::to_string(start) + ", end=" + std::to_string(end) +
                    ", text=" + py::repr(text).cast<std::string>();
    auto field = [&](const char* name, const std::string& value) {
      if (!value.empty())
        s += std::string(", ") + name + "=" + py::repr(Str(value)).cast<std::string>();
    };
    field("canonical", e().canonical);
    field("id", e().id);
    field("value", e().value);
    field("anchor", e().anchor);
    if (e().cluster >= 0) s += ", cluster=" + std::to_string(e().cluster);
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, ", confidence=%.4g", e().confidence);
    return s + confidence + ")";
  }

  // Pickled as (label, start, end, byte_start, byte_end, text, canonical, id, value, anchor,
  // source, cluster, confidence).
  py::tuple State() const {
    return py::make_tuple(LabelObject(e().label), start, end, e().start, e().end, text,
                          Str(e().canonical), Str(e().id), Str(e().value), Str(e().anchor),
                          Str(e().source), e().cluster, e().confidence);
  }
  // The entity and its code point span of a pickled state.
  struct Restored {
    nerkit::Entity entity;
    std::size_t start = 0;
    std::size_t end = 0;
    py::object text;
  };
  static Restored Restore(const py::tuple& t) {
    if (t.size() != 13) throw py::value_error("nerkit.Entity: invalid pickled state");
    Restored r;
    r.entity.label = LabelFromName(t[0].cast<std::string>());
    r.start = t[1].cast<std::size_t>();
    r.end = t[2].cast<std::size_t>();
    r.entity.start = t[3].cast<std::size_t>();
    r.entity.end = t[4].cast<std::size_t>();
    r.text = t[5];
    r.entity.text = Utf8Of(r.text);
    r.entity.canonical = t[6].cast<std::string>();
    r.entity.id = t[7].cast<std::string>();
    r.entity.value = t[8].cast<std::string>();
    r.entity.anchor = t[9].cast<std::string>();
    r.entity.source = t[10].cast<std::string>();
    r.entity.cluster = t[11].cast<int>();
    r.entity.confidence = t[12].cast<double>();
    return r;
  }
  static PyEntity FromState(const py::tuple& t) {
    Restored r = Restore(t);
    auto owner = std::make_shared<nerkit::Result>();
    owner->entities.push_back(std::move(r.entity));
    return PyEntity{owner, &owner->entities.back(), r.start, r.end, r.text};
  }
};

// The Python entity for `e` (an entity of `owner`) of a document `text`, at code points
// [start, end).
PyEntity MakeEntity(const std::shared_ptr<const nerkit::Result>& owner, const nerkit::Entity& e,
                    std::size_t start, std::size_t end, py::handle text) {
  PyObject* slice =
      PyUnicode_Substring(text.ptr(), static_cast<Py_ssize_t>(start), static_cast<Py_ssize_t>(end));
  if (slice == nullptr) throw py::error_already_set();
  return PyEntity{owner, &e, start, end, py::reinterpret_steal<py::object>(slice)};
}

struct PyCluster {
  nerkit::Cluster cluster;

  py::object Mentions() const {
    py::list mentions;
    for (std::size_t m : cluster.mentions) mentions.append(m);
    return mentions;
  }
  py::dict Dict(std::size_t index) const {
    py::dict d;
    d["cluster"] = index;
    d["label"] = LabelObject(cluster.label);
    d["name"] = Str(cluster.name);
    d["canonical"] = StrOrNone(cluster.canonical);
    d["id"] = StrOrNone(cluster.id);
    d["mentions"] = Mentions();
    return d;
  }
  bool Equals(const PyCluster& o) const {
    return cluster.label == o.cluster.label && cluster.name == o.cluster.name &&
           cluster.canonical == o.cluster.canonical && cluster.id == o.cluster.id &&
           cluster.mentions == o.cluster.mentions;
  }
  py::tuple State() const {
    return py::make_tuple(LabelObject(cluster.label), Str(cluster.name), Str(cluster.canonical),
                          Str(cluster.id), Mentions());
  }
  static PyCluster FromState(const py::tuple& t) {
    if (t.size() != 5) throw py::value_error("nerkit.Cluster: invalid pickled state");
    PyCluster c;
    c.cluster.label = LabelFromName(t[0].cast<std::string>());
    c.cluster.name = t[1].cast<std::string>();
    c.cluster.canonical = t[2].cast<std::string>();
    c.cluster.id = t[3].cast<std::string>();
    for (py::handle m : t[4]) c.cluster.mentions.push_back(m.cast<std::size_t>());
    return c;
  }
};

struct PyRejected {
  py::object candidate;  // Entity
  std::string reason;
};

py::object DateOrNone(const std::optional<nerkit::CivilDate>& date) {
  if (!date) return py::none();
  PyObject* d = PyDate_FromDate(date->year, date->month, date->day);
  if (d == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(d);
}

// A date from None, a datetime.date (or datetime.datetime: its date) or a "YYYY-MM-DD" str.
// Throws TypeError or ValueError naming `what`.
std::optional<nerkit::CivilDate> ParseDate(py::handle value, const std::string& what) {
  if (value.is_none()) return std::nullopt;
  if (PyDate_Check(value.ptr())) {
    return nerkit::CivilDate::FromParts(PyDateTime_GET_YEAR(value.ptr()),
                                        PyDateTime_GET_MONTH(value.ptr()),
                                        PyDateTime_GET_DAY(value.ptr()));
  }
  if (PyUnicode_Check(value.ptr())) {
    const std::string s = value.cast<std::string>();
    std::optional<nerkit::CivilDate> date = nerkit::CivilDate::Parse(s);
    if (!date) throw py::value_error(what + ": not a date YYYY-MM-DD: '" + s + "'");
    return date;
  }
  throw py::type_error(what + ": expected a datetime.date, a str YYYY-MM-DD or None, not " +
                       std::string(Py_TYPE(value.ptr())->tp_name));
}

// A document id for the tool's JSON: None, a str or an int.
json JsonId(py::handle id) {
  if (id.is_none()) return nullptr;
  if (PyUnicode_Check(id.ptr())) return Utf8Of(id);
  if (PyLong_Check(id.ptr()) && !PyBool_Check(id.ptr())) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(id.ptr(), &overflow);
    if (overflow == 0) return v;
    const unsigned long long u = PyLong_AsUnsignedLongLong(id.ptr());
    if (PyErr_Occurred()) throw py::error_already_set();
    return u;
  }
  throw py::type_error("id: expected a str, an int or None, not " +
                       std::string(Py_TYPE(id.ptr())->tp_name));
}

struct PyResult {
  std::shared_ptr<nerkit::Result> result;  // byte offsets, as the library returned it
  std::vector<std::size_t> offsets;        // code point spans (see Extracted)
  py::object text;                         // the document (str)
  py::object entities;                     // list[Entity], built on first use
  py::object clusters;                     // list[Cluster], built on first use
  py::object rejected;                     // list[Rejected], built on first use

  py::object Entities() {
    if (!entities) {
      py::list list(result->entities.size());
      for (std::size_t i = 0; i < result->entities.size(); ++i) {
        list[i] = py::cast(
            MakeEntity(result, result->entities[i], offsets[2 * i], offsets[2 * i + 1], text));
      }
      entities = std::move(list);
    }
    return entities;
  }
  py::object Clusters() {
    if (!clusters) {
      py::list list(result->clusters.size());
      for (std::size_t i = 0; i < result->clusters.size(); ++i) {
        list[i] = py::cast(PyCluster{result->clusters[i]});
      }
      clusters = std::move(list);
    }
    return clusters;
  }
  py::object Rejected() {
    if (!rejected) {
      const std::size_t base = 2 * result->entities.size();
      py::list list(result->rejected.size());
      for (std::size_t i = 0; i < result->rejected.size(); ++i) {
        const nerkit::Rejected& r = result->rejected[i];
        list[i] =
            py::cast(PyRejected{py::cast(MakeEntity(result, r.candidate, offsets[base + 2 * i],
                                                    offsets[base + 2 * i + 1], text)),
                                r.reason});
      }
      rejected = std::move(list);
    }
    return rejected;
  }

  // With explain, the features behind each entity's confidence: one dict per entity.
  py::list Evidence() const {
    py::list list;
    for (const nerkit::Evidence& evidence : result->evidence) {
      py::dict features;
      for (const auto& [name, value] : evidence.features) features[Str(name)] = value;
      list.append(features);
    }
    return list;
  }

  py::dict Dict() {
    py::dict d;
    d["reference_date"] =
        result->reference_date ? Str(result->reference_date->ToString()) : py::object(py::none());
    d["reference_date_source"] = StrOrNone(result->reference_date_source);
    d["invalid_utf8_bytes"] = result->invalid_utf8_bytes;
    py::list entity_dicts;
    for (py::handle e : Entities()) entity_dicts.append(e.cast<const PyEntity&>().Dict());
    d["entities"] = entity_dicts;
    py::list cluster_dicts;
    for (std::size_t i = 0; i < result->clusters.size(); ++i) {
      cluster_dicts.append(PyCluster{result->clusters[i]}.Dict(i));
    }
    d["clusters"] = cluster_dicts;
    if (!result->rejected.empty()) {
      py::list rejected_dicts;
      for (py::handle r : Rejected()) {
        const PyRejected& rejected_candidate = r.cast<const PyRejected&>();
        py::dict rd = rejected_candidate.candidate.cast<const PyEntity&>().Dict();
        PyDict_DelItemString(rd.ptr(), "cluster");
        rd["reason"] = Str(rejected_candidate.reason);
        rejected_dicts.append(rd);
      }
      d["rejected"] = rejected_dicts;
    }
    if (!result->evidence.empty()) d["evidence"] = Evidence();
    return d;
  }

  std::string Json(py::handle id, std::size_t line, bool pretty) const {
    std::string out = FormatResult(pretty ? OutputFormat::kJson : OutputFormat::kJsonl, JsonId(id),
                                   line, {}, *result);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  bool Equals(const PyResult& o) const {
    if (result->entities != o.result->entities || offsets != o.offsets ||
        result->reference_date != o.result->reference_date ||
        result->reference_date_source != o.result->reference_date_source ||
        result->invalid_utf8_bytes != o.result->invalid_utf8_bytes ||
        result->clusters.size() != o.result->clusters.size() ||
        result->rejected.size() != o.result->rejected.size() ||
        result->evidence.size() != o.result->evidence.size() || !text.equal(o.text)) {
      return false;
    }
    for (std::size_t i = 0; i < result->evidence.size(); ++i) {
      if (result->evidence[i].features != o.result->evidence[i].features) return false;
    }
    for (std::size_t i = 0; i < result->clusters.size(); ++i) {
      if (!PyCluster{result->clusters[i]}.Equals(PyCluster{o.result->clusters[i]})) return false;
    }
    for (std::size_t i = 0; i < result->rejected.size(); ++i) {
      if (result->rejected[i].candidate != o.result->rejected[i].candidate ||
          result->rejected[i].reason != o.result->rejected[i].reason) {
        return false;
      }
    }
    return true;
  }

  // Pickled as (text, entities, clusters, reference_date, reference_date_source,
  // invalid_utf8_bytes, rejected, evidence), entities and clusters as their own pickled states,
  // rejected as (entity state, reason) pairs, evidence as lists of (feature, value) pairs.
  py::tuple State() {
    py::list entity_states;
    for (py::handle e : Entities()) entity_states.append(e.cast<const PyEntity&>().State());
    py::list cluster_states;
    for (const nerkit::Cluster& c : result->clusters) cluster_states.append(PyCluster{c}.State());
    py::list rejected_states;
    for (py::handle r : Rejected()) {
      const PyRejected& rejected_candidate = r.cast<const PyRejected&>();
      rejected_states.append(
          py::make_tuple(rejected_candidate.candidate.cast<const PyEntity&>().State(),
                         Str(rejected_candidate.reason)));
    }
    py::list evidence_states;
    for (const nerkit::Evidence& evidence : result->evidence) {
      py::list features;
      for (const auto& [name, value] : evidence.features) {
        features.append(py::make_tuple(Str(name), value));
      }
      evidence_states.append(features);
    }
    return py::make_tuple(text, entity_states, cluster_states, DateOrNone(result->reference_date),
                          Str(result->reference_date_source), result->invalid_utf8_bytes,
                          rejected_states, evidence_states);
  }
  static PyResult FromState(const py::tuple& t) {
    if (t.size() != 8) throw py::value_error("nerkit.Result: invalid pickled state");
    PyResult r;
    r.result = std::make_shared<nerkit::Result>();
    r.text = t[0];
    auto restore = [&](const py::handle state) {
      PyEntity::Restored e = PyEntity::Restore(state.cast<py::tuple>());
      r.offsets.push_back(e.start);
      r.offsets.push_back(e.end);
      return std::move(e.entity);
    };
    for (py::handle e : t[1]) r.result->entities.push_back(restore(e));
    for (py::handle c : t[2]) {
      r.result->clusters.push_back(PyCluster::FromState(c.cast<py::tuple>()).cluster);
    }
    r.result->reference_date = ParseDate(t[3], "reference_date");
    r.result->reference_date_source = t[4].cast<std::string>();
    r.result->invalid_utf8_bytes = t[5].cast<std::size_t>();
    for (py::handle pair : t[6]) {
      py::tuple p = pair.cast<py::tuple>();
      r.result->rejected.push_back({restore(p[0]), p[1].cast<std::string>()});
    }
    for (py::handle features : t[7]) {
      nerkit::Evidence& evidence = r.result->evidence.emplace_back();
      for (py::handle pair : features) {
        py::tuple p = pair.cast<py::tuple>();
        evidence.features.emplace_back(p[0].cast<std::string>(), p[1].cast<double>());
      }
    }
    return r;
  }
};

PyResult MakeResult(Extracted&& x, py::handle text) {
  PyResult r;
  r.result = std::make_shared<nerkit::Result>(std::move(x.result));
  r.offsets = std::move(x.offsets);
  r.text = py::reinterpret_borrow<py::object>(text);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The extractor.

// Path-like (str, bytes or os.PathLike) to a path, through os.fsencode.
fs::path PathOf(py::handle value) {
  py::bytes encoded = py::module_::import("os").attr("fsencode")(value);
  return fs::path(encoded.cast<std::string>());
}

bool IsPathLike(py::handle value) {
  return PyUnicode_Check(value.ptr()) || PyBytes_Check(value.ptr()) ||
         PyObject_HasAttrString(value.ptr(), "__fspath__");
}

// Where Extractor() finds its dictionaries when none is named: empty (the library's default:
// $NERKIT_DICTIONARIES, else the installed share/nerkit/dictionaries) unless this module is the
// one of the build tree it was built in, which reads its source tree's dictionaries/ as the
// build tree's programs do.
fs::path ModuleDictionaryDir() {
  if (const char* env = std::getenv("NERKIT_DICTIONARIES"); env && *env) return {};
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&ModuleDictionaryDir), &info) == 0 ||
      info.dli_fname == nullptr) {
    return {};
  }
  std::error_code ec;
  const fs::path module = fs::absolute(info.dli_fname, ec).lexically_normal();
  const fs::path source(NERKIT_SOURCE_DICTIONARY_DIR);
  if (!ec && module.string().starts_with(NERKIT_BINARY_DIR "/") && fs::is_directory(source, ec)) {
    return source;
  }
  return {};
}

fs::path DefaultDictionaryDir() {
  fs::path dir = ModuleDictionaryDir();
  return dir.empty() ? nerkit::Extractor::DefaultDictionaryDir() : dir;
}

nerkit::LabelSet ParseLabels(py::handle labels) {
  if (labels.is_none()) return nerkit::LabelSet::All();
  if (PyUnicode_Check(labels.ptr())) return nerkit::LabelSet::Parse(labels.cast<std::string>());
  std::string list;
  for (py::handle label : labels) {
    if (!PyUnicode_Check(label.ptr())) throw py::type_error("labels: expected str items");
    if (!list.empty()) list += ',';
    list += label.cast<std::string>();
  }
  nerkit::LabelSet set = nerkit::LabelSet::Parse(list);  // std::invalid_argument: ValueError
  return set;
}

// list(iterable).
py::list ListOf(py::handle iterable) {
  PyObject* list = PySequence_List(iterable.ptr());
  if (list == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::list>(list);
}

void CheckText(py::handle text, const char* what) {
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error(std::string(what) + ": expected str, not " + Py_TYPE(text.ptr())->tp_name);
  }
}

unsigned ThreadCount(py::handle threads, std::size_t jobs) {
  std::size_t n = 0;
  if (threads.is_none()) {
    n = std::max(1u, std::thread::hardware_concurrency());
  } else {
    const long long t = threads.cast<long long>();
    if (t < 1) throw py::value_error("threads: must be at least 1");
    n = static_cast<std::size_t>(std::min(t, 256LL));
  }
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min(n, jobs)));
}

// Runs work(i, workspace) for i in [0, count) on `threads` threads (the calling one included),
// each with a workspace of `pool`. Does not need the GIL.
template <typename Work>
void RunThreads(WorkspacePool& pool, unsigned threads, std::size_t count, const Work& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    WorkspacePool::Lease workspace = pool.Acquire();
    for (std::size_t i = next++; i < count; i = next++) work(i, *workspace);
  };
  std::vector<std::thread> others;
  for (unsigned t = 1; t < threads; ++t) others.emplace_back(run);
  run();
  for (std::thread& t : others) t.join();
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Catches what extracting one document may throw.
template <typename Fn>
std::optional<DocumentError> Guard(const Fn& fn) {
  try {
    fn();
    return std::nullopt;
  } catch (const nerkit::InputError& e) {
    return DocumentError{DocumentError::kInput, e.what()};
  } catch (const nerkit::Error& e) {
    return DocumentError{DocumentError::kLibrary, e.what()};
  } catch (const std::exception& e) {
    return DocumentError{DocumentError::kInternal, std::string("internal error: ") + e.what()};
  }
}

// What extract_jsonl returns.
struct JsonlOutput {
  py::object records;         // bytes
  std::size_t documents = 0;  // input lines = output records
  std::size_t failed = 0;     // error records
  py::object errors;          // list[str]: "line N: message"
};

class PyExtractor {
 public:
  PyExtractor(nerkit::Extractor extractor, std::size_t max_document_bytes)
      : extractor_(std::move(extractor)), max_document_bytes_(max_document_bytes) {}

  static std::unique_ptr<PyExtractor> Create(py::handle dictionaries, py::handle extra,
                                             py::handle cache, py::handle confidence_model,
                                             std::size_t max_document_bytes) {
    nerkit::LoadOptions load;
    load.dictionaries = dictionaries.is_none() ? ModuleDictionaryDir() : PathOf(dictionaries);
    if (IsPathLike(extra)) {
      load.extra_files.push_back(PathOf(extra));
    } else {
      for (py::handle file : extra) load.extra_files.push_back(PathOf(file));
    }
    if (PyBool_Check(cache.ptr())) {
      load.use_cache = cache.ptr() == Py_True;
    } else if (IsPathLike(cache)) {
      load.cache_dir = PathOf(cache);
    } else {
      throw py::type_error("cache: expected True, False or a folder");
    }
    if (!confidence_model.is_none()) load.confidence_model = PathOf(confidence_model);
    std::optional<nerkit::Extractor> extractor;
    {
      py::gil_scoped_release release;
      extractor = nerkit::Extractor::Load(load);
    }
    return std::make_unique<PyExtractor>(std::move(*extractor), max_document_bytes);
  }

  nerkit::ExtractOptions Options(py::handle reference_date, py::handle labels, bool explain,
                                 double min_confidence) const {
    nerkit::ExtractOptions options;
    options.reference_date = ParseDate(reference_date, "reference_date");
    options.labels = ParseLabels(labels);
    options.explain = explain;
    if (!(min_confidence >= 0 && min_confidence <= 1)) {
      throw py::value_error("min_confidence: must be between 0 and 1");
    }
    options.min_confidence = min_confidence;
    options.max_document_bytes = max_document_bytes_;
    return options;
  }

  Extracted Run(py::handle text, const nerkit::ExtractOptions& options) {
    CheckText(text, "text");
    const Utf8Text utf8(text);
    py::gil_scoped_release release;
    WorkspacePool::Lease workspace = pool_.Acquire();
    return ExtractOne(extractor_, utf8, options, *workspace);
  }

  py::list Extract(py::handle text, py::handle reference_date, py::handle labels, bool explain,
                   double min_confidence) {
    Extracted x = Run(text, Options(reference_date, labels, explain, min_confidence));
    const auto owner = std::make_shared<const nerkit::Result>(std::move(x.result));
    py::list list(owner->entities.size());
    for (std::size_t i = 0; i < owner->entities.size(); ++i) {
      list[i] = py::cast(
          MakeEntity(owner, owner->entities[i], x.offsets[2 * i], x.offsets[2 * i + 1], text));
    }
    return list;
  }

  PyResult ExtractResult(py::handle text, py::handle reference_date, py::handle labels,
                         bool explain, double min_confidence) {
    return MakeResult(Run(text, Options(reference_date, labels, explain, min_confidence)), text);
  }

  py::list ExtractMany(py::handle texts_in, py::handle threads, py::handle reference_dates_in,
                       py::handle labels, bool explain, double min_confidence, bool raise_errors) {
    const py::list texts = ListOf(texts_in);
    const std::size_t n = texts.size();
    const nerkit::ExtractOptions base = Options(py::none(), labels, explain, min_confidence);
    std::vector<std::optional<nerkit::CivilDate>> dates(n);
    if (!reference_dates_in.is_none()) {
      const py::list reference_dates = ListOf(reference_dates_in);
      if (reference_dates.size() != n) {
        throw py::value_error("reference_dates: " + std::to_string(reference_dates.size()) +
                              " dates for " + std::to_string(n) + " texts");
      }
      for (std::size_t i = 0; i < n; ++i) {
        dates[i] = ParseDate(reference_dates[i], "reference_dates[" + std::to_string(i) + "]");
      }
    }
    std::vector<std::optional<Utf8Text>> utf8(n);
    std::vector<std::optional<Extracted>> done(n);
    std::vector<std::optional<DocumentError>> errors(n);
    for (std::size_t i = 0; i < n; ++i) {
      py::handle text = texts[i];
      if (PyUnicode_Check(text.ptr())) {
        utf8[i].emplace(text);
      } else {
        errors[i] = DocumentError{DocumentError::kType,
                                  std::string("expected str, not ") + Py_TYPE(text.ptr())->tp_name};
      }
    }
    {
      py::gil_scoped_release release;
      RunThreads(pool_, ThreadCount(threads, n), n, [&](std::size_t i, nerkit::Workspace& w) {
        if (!utf8[i]) return;
        nerkit::ExtractOptions options = base;
        options.reference_date = dates[i];
        errors[i] = Guard([&] { done[i] = ExtractOne(extractor_, *utf8[i], options, w); });
      });
    }
    py::list out(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (errors[i]) {
        if (raise_errors) {
          DocumentError e = *errors[i];
          e.message = "texts[" + std::to_string(i) + "]: " + e.message;
          py::object exception = DocumentErrorObject(e);
          exception.attr("index") = i;
          PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exception.ptr())), exception.ptr());
          throw py::error_already_set();
        }
        py::object exception = DocumentErrorObject(*errors[i]);
        exception.attr("index") = i;
        out[i] = exception;
      } else {
        out[i] = py::cast(MakeResult(std::move(*done[i]), texts[i]));
      }
    }
    return out;
  }

  JsonlOutput ExtractJsonl(py::buffer data, py::handle threads, py::handle reference_date,
                           py::handle labels, bool explain, double min_confidence, bool strict_utf8,
                           std::size_t first_line) {
    nerkit::ExtractOptions base = Options(reference_date, labels, explain, min_confidence);
    base.strict_utf8 = strict_utf8;
    const py::buffer_info buffer = data.request();
    const std::string_view input(static_cast<const char*>(buffer.ptr),
                                 static_cast<std::size_t>(buffer.size * buffer.itemsize));
    struct Job {
      std::string_view line;
      std::string output;
      std::string error;
    };
    std::vector<Job> jobs;
    std::size_t failed = 0;
    std::string records;
    {
      py::gil_scoped_release release;
      // Lines as std::getline reads them: a last line without '\n' counts, an empty rest after
      // the last '\n' does not.
      for (std::size_t pos = 0; pos < input.size();) {
        std::size_t end = input.find('\n', pos);
        if (end == std::string_view::npos) end = input.size();
        jobs.push_back({input.substr(pos, end - pos), {}, {}});
        pos = end + 1;
      }
      RunThreads(pool_, ThreadCount(threads, jobs.size()), jobs.size(),
                 [&](std::size_t i, nerkit::Workspace& w) {
                   ProcessJsonLine(jobs[i], first_line + i, base, w);
                 });
      std::size_t size = 0;
      for (const Job& job : jobs) size += job.output.size();
      records.reserve(size);
      for (const Job& job : jobs) {
        records += job.output;
        failed += !job.error.empty();
      }
    }
    JsonlOutput out;
    PyObject* bytes =
        PyBytes_FromStringAndSize(records.data(), static_cast<Py_ssize_t>(records.size()));
    if (bytes == nullptr) throw py::error_already_set();
    out.records = py::reinterpret_steal<py::object>(bytes);
    out.documents = jobs.size();
    out.failed = failed;
    py::list messages;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (!jobs[i].error.empty()) {
        messages.append(Str("line " + std::to_string(first_line + i) + ": " + jobs[i].error));
      }
    }
    out.errors = std::move(messages);
    return out;
  }

  py::dict Info() const {
    const nerkit::ExtractorInfo& info = extractor_.info();
    py::dict d;
    d["dictionary_dir"] =
        info.dictionary_dir.empty() ? py::object(py::none()) : Str(info.dictionary_dir.string());
    py::list files;
    for (const std::string& f : info.files) files.append(Str(f));
    d["files"] = files;
    d["dictionary_entries"] = info.dictionary_entries;
    d["duplicate_entries"] = info.duplicate_entries;
    d["blocked_entries"] = info.blocked_entries;
    d["rules"] = info.rules;
    d["cache_file"] =
        info.cache_file.empty() ? py::object(py::none()) : Str(info.cache_file.string());
    d["loaded_from_cache"] = info.loaded_from_cache;
    d["cached_states"] = info.cached_states;
    d["confidence_model"] = info.confidence_model.empty() ? py::object(py::none())
                                                          : Str(info.confidence_model.string());
    return d;
  }

  std::string Repr() const {
    const nerkit::ExtractorInfo& info = extractor_.info();
    return "<nerkit.Extractor: " + std::to_string(info.dictionary_entries) + " entries from " +
           std::to_string(info.files.size()) + " files, " + std::to_string(info.rules) + " rules" +
           (info.dictionary_dir.empty() ? "" : ", " + info.dictionary_dir.string()) + ">";
  }

  std::size_t max_document_bytes() const { return max_document_bytes_; }

  // For bench/python_bench.py: the library alone on `texts` (their UTF-8 made before timing),
  // one thread and workspace, default options, results dropped, as nerkit-bench's Extract() row.
  // Returns the best (wall, CPU) seconds of `repeat` runs.
  std::pair<double, double> LibrarySeconds(py::handle texts_in, int repeat) {
    std::vector<std::string> texts;
    for (py::handle text : ListOf(texts_in)) {
      CheckText(text, "texts");
      texts.push_back(Utf8Of(text));
    }
    py::gil_scoped_release release;
    WorkspacePool::Lease workspace = pool_.Acquire();
    double wall = 1e100;
    double cpu = 1e100;
    for (int r = 0; r < repeat; ++r) {
      const auto wall_start = std::chrono::steady_clock::now();
      const double cpu_start = ThreadCpuSeconds();
      for (const std::string& text : texts) (void)extractor_.Extract(text, {}, *workspace);
      cpu = std::min(cpu, ThreadCpuSeconds() - cpu_start);
      wall = std::min(
          wall,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count());
    }
    return {wall, cpu};
  }

 private:
  // One line of JSON Lines input to its output record, as nerkit-extract --input jsonl --format
  // jsonl processes it (examples/nerkit_extract.cc): the line's "dct" wins over the reference
  // date, bad bytes the reader replaced are counted, a bad line gives its error record.
  template <typename Job>
  void ProcessJsonLine(Job& job, std::size_t line_number, const nerkit::ExtractOptions& base,
                       nerkit::Workspace& workspace) const {
    std::string line(job.line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    JsonlDocument doc;
    ParseJsonLine(line, doc, base.strict_utf8);
    job.error = std::move(doc.error);
    if (job.error.empty()) {
      nerkit::ExtractOptions options = base;
      if (doc.dct) options.reference_date = doc.dct;
      const std::optional<DocumentError> error = Guard([&] {
        nerkit::Result result = extractor_.Extract(doc.text, options, workspace);
        result.invalid_utf8_bytes += doc.invalid_utf8_bytes;
        job.output = FormatResult(OutputFormat::kJsonl, doc.id, line_number, doc.text, result);
      });
      if (!error) return;
      job.error = error->message;
    }
    job.output = FormatError(OutputFormat::kJsonl, doc.id, line_number, job.error);
  }

  const nerkit::Extractor extractor_;
  const std::size_t max_document_bytes_;
  WorkspacePool pool_;
};

// ---------------------------------------------------------------------------------------------
// Docstrings. Each function's starts with its signature in the form CPython reads as
// __text_signature__ ("name($self, ...)\n--\n\n"), so that help() and inspect.signature() show
// the parameters; the types are in nerkit/__init__.pyi.

constexpr const char* kModuleDoc =
    "The compiled part of the nerkit package (import nerkit, which re-exports all of it).";

constexpr const char* kExtractorDoc =
    R"doc(A loaded, immutable set of dictionaries and rules. Load one per process and share it:
every method may be called from any number of threads at once and releases the GIL while it works.

dictionaries: the dictionary folder (str or path-like). None means $NERKIT_DICTIONARIES, else the
    installed share/nerkit/dictionaries (a module inside the build tree reads the source tree's
    dictionaries/).
extra: more .tsv dictionary or .rules files (paths), loaded after the folder in this order.
cache: True keeps the built dictionaries as a compiled image in the default cache folder
    ($NERKIT_CACHE_DIR, else $XDG_CACHE_HOME/nerkit or ~/.cache/nerkit) and loads from it next
    time; False neither reads nor writes one; a path names the cache folder.
confidence_model: the weights of the confidence model (Entity.confidence); None means the
    dictionary folder's models/confidence.tsv, if there is one (else every confidence is 1).
max_document_bytes: documents longer than this (in UTF-8 bytes) raise InputError.

Raises DictionaryError naming the file, line and column of the first problem. An Extractor
cannot be pickled: load one in each process (for Dask, one per worker; for Spark, one per
partition's worker process).)doc";

constexpr const char* kExtractDoc =
    "extract($self, /, text, reference_date=None, labels=None, explain=False, "
    "min_confidence=0.0)"
    R"doc(
--

Returns the entities of one document as a list of Entity, sorted by start, never overlapping.

text: a str. Any str is accepted: NUL characters, lone surrogates (treated as separators).
reference_date: the date relative expressions ("on Friday", "last year") are computed from: a
    datetime.date or "YYYY-MM-DD". None looks for it in the document's dateline or first lines
    (without one, relative dates get no value or an X-form such as "XXXX-04-26").
labels: the labels to return: an iterable of names or one comma-separated str
    ("PERSON,LOCATION"); None returns all of nerkit.LABELS.
explain: also collect the candidates that lost and the evidence behind each confidence; they
    are in Result.rejected and Result.evidence, so use extract_result() to read them.
min_confidence: leave out the entities whose confidence is below this (0 to 1).

Raises InputError for a document longer than max_document_bytes, ValueError for an unknown label
or a malformed date.)doc";

constexpr const char* kExtractResultDoc =
    "extract_result($self, /, text, reference_date=None, labels=None, explain=False, "
    "min_confidence=0.0)"
    R"doc(
--

Like extract(), but returns a Result: the entities, the clusters of mentions of the same person,
place or organisation, the reference date used and where it came from, and with explain=True the
candidates that lost and why and the evidence behind each confidence.)doc";

constexpr const char* kExtractManyDoc =
    "extract_many($self, /, texts, threads=None, reference_dates=None, labels=None, "
    "explain=False, min_confidence=0.0, raise_errors=False)"
    R"doc(
--

Extracts every text of an iterable on C++ threads sharing this extractor, without the GIL, and
returns one item per text, in order: a Result, or for a document that could not be processed an
exception object (InputError for one above max_document_bytes, TypeError for an item that is not
a str) whose .index is its position. Nothing is left out.

threads: how many threads (None: one per core); each takes a workspace of its own.
reference_dates: None, or one date (datetime.date, "YYYY-MM-DD" or None) per text.
labels, explain, min_confidence: as for extract().
raise_errors: raise the first document's error instead, with its index in the message and in
    its .index attribute.)doc";

constexpr const char* kExtractJsonlDoc =
    "extract_jsonl($self, /, data, threads=None, reference_date=None, labels=None, "
    "explain=False, min_confidence=0.0, strict_utf8=False, first_line=1)"
    R"doc(
--

Processes JSON Lines documents {"id": ..., "text": ..., "dct": "YYYY-MM-DD"} exactly as
`nerkit-extract --input jsonl --format jsonl` does, and returns a JsonlOutput whose records are
the bytes the tool would write: one record per input line, in order (a line that is not a
document gives its error record), with UTF-8 byte offsets.

data: bytes (or another buffer) holding the lines; a last line without a newline counts.
threads: as for extract_many().
reference_date: the tool's --reference-date (a document's "dct" wins); labels, explain,
    min_confidence: as for extract(); strict_utf8: the tool's --strict-utf8.
first_line: the line number of the first line, for the records' "line" field.)doc";

}  // namespace

PYBIND11_MODULE(_nerkit, m) {
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  py::options options;
  options.disable_function_signatures();

  m.doc() = kModuleDoc;
  m.attr("__version__") = NERKIT_VERSION_STRING;
  py::tuple label_names(nerkit::kLabelCount);
  for (int i = 0; i < nerkit::kLabelCount; ++i) {
    const std::string name(nerkit::LabelName(static_cast<nerkit::Label>(i)));
    g_label_names[i] = PyUnicode_InternFromString(name.c_str());
    label_names[static_cast<std::size_t>(i)] = py::reinterpret_borrow<py::object>(g_label_names[i]);
  }
  m.attr("LABELS") = label_names;

  g_error = PyErr_NewExceptionWithDoc(
      "nerkit.Error", "Base of the exceptions nerkit raises; str(e) says what is wrong and where.",
      PyExc_Exception, nullptr);
  if (g_error == nullptr) throw py::error_already_set();
  const py::tuple input_bases = py::make_tuple(py::handle(g_error), py::handle(PyExc_ValueError));
  g_input_error = PyErr_NewExceptionWithDoc(
      "nerkit.InputError",
      "A document that breaks a limit (longer than max_document_bytes); also a ValueError.",
      input_bases.ptr(), nullptr);
  if (g_input_error == nullptr) throw py::error_already_set();
  g_dictionary_error = PyErr_NewExceptionWithDoc(
      "nerkit.DictionaryError",
      "Loading the dictionaries or rules failed. str(e) is \"path:line:column: message\"; the "
      "attributes path, line, column (None when not about a line or column) and message hold "
      "its parts.",
      g_error, nullptr);
  if (g_dictionary_error == nullptr) throw py::error_already_set();
  m.add_object("Error", py::handle(g_error));
  m.add_object("InputError", py::handle(g_input_error));
  m.add_object("DictionaryError", py::handle(g_dictionary_error));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const nerkit::LoadError& e) {
      SetDictionaryError(e);
    } catch (const nerkit::InputError& e) {
      PyErr_SetObject(g_input_error, Str(e.what()).ptr());
    } catch (const nerkit::Error& e) {
      PyErr_SetObject(g_error, Str(e.what()).ptr());
    }
  });

  py::class_<PyEntity> entity(m, "Entity",
                              R"doc(One mention of a person, place, organisation or time expression.

start, end: the span in code points of the str given to extract(): text[start:end] == e.text.
byte_start, byte_end: the same span in the UTF-8 encoding of that str (with 'surrogatepass'),
    as nerkit-extract and Result.to_json() give it.
label: "PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "DURATION" or "SET".
canonical, id: the preferred name and a stable id where a dictionary knows them, else None.
value, anchor: for time expressions, the TIMEX3 value ("2024-04-26", "P3Y") and what it was
    computed from ("absolute" or "reference"), else None.
source: the dictionary line or rule that decided it.
confidence: how likely it is right (0 to 1), from the confidence model; 1 without one.
cluster: the index of its cluster in Result.clusters, None for time expressions.

Entities are immutable, hashable, comparable and picklable.)doc");
  entity
      .def_property_readonly(
          "label", [](const PyEntity& e) { return LabelObject(e.e().label); }, "The label.")
      .def_property_readonly(
          "start", [](const PyEntity& e) { return e.start; }, "Start, in code points.")
      .def_property_readonly(
          "end", [](const PyEntity& e) { return e.end; }, "End (exclusive), in code points.")
      .def_property_readonly(
          "byte_start", [](const PyEntity& e) { return e.e().start; }, "Start, in UTF-8 bytes.")
      .def_property_readonly(
          "byte_end", [](const PyEntity& e) { return e.e().end; },
          "End (exclusive), in UTF-8 bytes.")
      .def_property_readonly(
          "text", [](const PyEntity& e) { return e.text; }, "text[start:end] of the document.")
      .def_property_readonly(
          "canonical", [](const PyEntity& e) { return StrOrNone(e.e().canonical); },
          "The preferred name of what is mentioned, or None.")
      .def_property_readonly(
          "id", [](const PyEntity& e) { return StrOrNone(e.e().id); },
          "A stable identifier (\"geonames:2214846\"), or None.")
      .def_property_readonly(
          "value", [](const PyEntity& e) { return StrOrNone(e.e().value); },
          "The TIMEX3 value of a time expression, or None.")
      .def_property_readonly(
          "anchor", [](const PyEntity& e) { return StrOrNone(e.e().anchor); },
          "What the value was computed from: \"absolute\", \"reference\", or None.")
      .def_property_readonly(
          "source", [](const PyEntity& e) { return Str(e.e().source); },
          "\"dictionary:<file>:<line>\" or \"rule:<id> (<file>:<line>)\", joined by \" + \".")
      .def_property_readonly(
          "confidence", [](const PyEntity& e) { return e.e().confidence; },
          "How likely the entity is right (0 to 1), from the confidence model; 1 without one.")
      .def_property_readonly(
          "cluster",
          [](const PyEntity& e) {
            return e.e().cluster < 0 ? py::none() : py::object(py::int_(e.e().cluster));
          },
          "Index into Result.clusters, or None.")
      .def("to_dict", &PyEntity::Dict, R"doc(to_dict($self, /)
--

A dict with the keys start, end, label, text, canonical, id, value, anchor, source, confidence
and cluster (offsets in code points; None where there is no value).)doc")
      .def("__repr__", &PyEntity::Repr)
      .def("__eq__",
           [](const PyEntity& a, py::handle b) -> py::object {
             if (!py::isinstance<PyEntity>(b))
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a.Equals(b.cast<const PyEntity&>()));
           })
      .def("__hash__",
           [](const PyEntity& e) {
             return py::hash(py::make_tuple(LabelObject(e.e().label), e.start, e.end, e.text,
                                            Str(e.e().source)));
           })
      .def(py::pickle([](const PyEntity& e) { return e.State(); },
                      [](const py::tuple& t) { return PyEntity::FromState(t); }));

  py::class_<PyCluster> cluster(
      m, "Cluster", R"doc(The mentions of one person, place or organisation in a document.

label: the label of its mentions. name: the fullest name among them ("Mohammed al-Ghasri" for
"Al-Ghasri"). canonical, id: from a dictionary, or None. mentions: indexes into Result.entities,
in document order.)doc");
  cluster
      .def_property_readonly(
          "label", [](const PyCluster& c) { return LabelObject(c.cluster.label); }, "The label.")
      .def_property_readonly(
          "name", [](const PyCluster& c) { return Str(c.cluster.name); },
          "The fullest name among the mentions.")
      .def_property_readonly(
          "canonical", [](const PyCluster& c) { return StrOrNone(c.cluster.canonical); },
          "Canonical name from a dictionary, or None.")
      .def_property_readonly(
          "id", [](const PyCluster& c) { return StrOrNone(c.cluster.id); },
          "Id from a dictionary, or None.")
      .def_property_readonly("mentions", &PyCluster::Mentions,
                             "Indexes into Result.entities, in document order.")
      .def("__repr__",
           [](const PyCluster& c) {
             std::string s = "Cluster(label='" + std::string(nerkit::LabelName(c.cluster.label)) +
                             "', name=" + py::repr(Str(c.cluster.name)).cast<std::string>();
             if (!c.cluster.id.empty())
               s += ", id=" + py::repr(Str(c.cluster.id)).cast<std::string>();
             return s + ", mentions=" + py::repr(c.Mentions()).cast<std::string>() + ")";
           })
      .def("__eq__",
           [](const PyCluster& a, py::handle b) -> py::object {
             if (!py::isinstance<PyCluster>(b))
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a.Equals(b.cast<const PyCluster&>()));
           })
      .def(py::pickle([](const PyCluster& c) { return c.State(); },
                      [](const py::tuple& t) { return PyCluster::FromState(t); }));

  py::class_<PyRejected> rejected(
      m, "Rejected",
      R"doc(A candidate that did not become an entity (extract_result(..., explain=True)).

candidate: the losing candidate as an Entity (its cluster is None). reason: why it lost.)doc");
  rejected
      .def_property_readonly(
          "candidate", [](const PyRejected& r) { return r.candidate; }, "The losing candidate.")
      .def_property_readonly(
          "reason", [](const PyRejected& r) { return Str(r.reason); }, "Why it lost.")
      .def("__repr__", [](const PyRejected& r) {
        return "Rejected(" + py::repr(r.candidate).cast<std::string>() +
               ", reason=" + py::repr(Str(r.reason)).cast<std::string>() + ")";
      });

  py::class_<PyResult> result(m, "Result", R"doc(Everything extraction found in one document.

entities: list of Entity, sorted by start, never overlapping (iterating over a Result, len() and
    indexing go through them). clusters: list of Cluster.
reference_date: the datetime.date relative dates were computed from, or None;
    reference_date_source: "caller", "document" (found in its dateline or first lines) or None.
invalid_utf8_bytes: bytes of the document's UTF-8 that were not valid (three per lone surrogate).
rejected: with explain=True, the candidates that lost (list of Rejected), and evidence: the
    features behind each entity's confidence (a dict per entity).
text: the document.

to_dict() gives plain data in code point offsets; to_json() the tool's record in byte
offsets.)doc");
  result.def_property_readonly("entities", &PyResult::Entities, "The entities (list of Entity).")
      .def_property_readonly("clusters", &PyResult::Clusters, "The clusters (list of Cluster).")
      .def_property_readonly("rejected", &PyResult::Rejected,
                             "Candidates that lost (list of Rejected; empty without explain).")
      .def_property_readonly(
          "reference_date", [](const PyResult& r) { return DateOrNone(r.result->reference_date); },
          "The reference date (datetime.date), or None.")
      .def_property_readonly(
          "reference_date_source",
          [](const PyResult& r) { return StrOrNone(r.result->reference_date_source); },
          "\"caller\", \"document\", or None.")
      .def_property_readonly(
          "invalid_utf8_bytes", [](const PyResult& r) { return r.result->invalid_utf8_bytes; },
          "Bytes of the text's UTF-8 that were not valid (three per lone surrogate).")
      .def_property_readonly("evidence", &PyResult::Evidence,
                             "With explain, the features behind each entity's confidence "
                             "(a dict per entity, in order); empty without.")
      .def_property_readonly(
          "text", [](const PyResult& r) { return r.text; }, "The document.")
      .def("to_dict", &PyResult::Dict, R"doc(to_dict($self, /)
--

A dict: reference_date ("YYYY-MM-DD" or None), reference_date_source, invalid_utf8_bytes,
entities (Entity.to_dict() each, code point offsets), clusters ({"cluster", "label", "name",
"canonical", "id", "mentions"} each) and, with explain, rejected and evidence.)doc")
      .def("to_json", &PyResult::Json, py::arg("id") = py::none(), py::arg("line") = 0,
           py::arg("pretty") = false, R"doc(to_json($self, /, id=None, line=0, pretty=False)
--

The JSON record nerkit-extract writes for this document, as a str without a final newline:
with pretty=False one line as `--format jsonl` writes it, else indented as `--format json`.
Its offsets are UTF-8 bytes (Entity.byte_start, byte_end), not code points.

id: the document id (str, int or None) for the "id" field; line: the input line number for the
"line" field (0 leaves it out).)doc")
      .def("__len__", [](PyResult& r) { return r.result->entities.size(); })
      .def("__iter__", [](PyResult& r) { return r.Entities().attr("__iter__")(); })
      .def("__getitem__", [](PyResult& r, py::handle i) { return r.Entities()[i]; })
      .def("__repr__",
           [](const PyResult& r) {
             std::string s = "<nerkit.Result: " + std::to_string(r.result->entities.size()) +
                             " entities, " + std::to_string(r.result->clusters.size()) +
                             " clusters";
             if (r.result->reference_date) {
               s += ", reference date " + r.result->reference_date->ToString() + " (" +
                    r.result->reference_date_source + ")";
             }
             return s + ">";
           })
      .def("__eq__",
           [](const PyResult& a, py::handle b) -> py::object {
             if (!py::isinstance<PyResult>(b))
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a.Equals(b.cast<const PyResult&>()));
           })
      .def(py::pickle([](PyResult& r) { return r.State(); },
                      [](const py::tuple& t) { return PyResult::FromState(t); }));

  py::class_<JsonlOutput> jsonl(m, "JsonlOutput", R"doc(What Extractor.extract_jsonl() returns.

records: the output (bytes), one JSON record and newline per input line.
documents: the number of input lines (= records). failed: how many are error records.
errors: their messages, "line N: message", as nerkit-extract reports them on stderr.)doc");
  jsonl.def_property_readonly("records", [](const JsonlOutput& o) { return o.records; })
      .def_property_readonly("documents", [](const JsonlOutput& o) { return o.documents; })
      .def_property_readonly("failed", [](const JsonlOutput& o) { return o.failed; })
      .def_property_readonly("errors", [](const JsonlOutput& o) { return o.errors; })
      .def("__repr__", [](const JsonlOutput& o) {
        return "<nerkit.JsonlOutput: " + std::to_string(o.documents) + " documents, " +
               std::to_string(o.failed) + " failed, " +
               std::to_string(PyBytes_GET_SIZE(o.records.ptr())) + " bytes>";
      });

  py::class_<PyExtractor> extractor(m, "Extractor", kExtractorDoc);
  extractor
      .def(py::init(&PyExtractor::Create), py::arg("dictionaries") = py::none(),
           py::arg("extra") = py::tuple(), py::arg("cache") = true, py::kw_only(),
           py::arg("confidence_model") = py::none(),
           py::arg("max_document_bytes") = std::size_t{128} << 20,
           "__init__(self, /, dictionaries=None, extra=(), cache=True, *, "
           "confidence_model=None, max_document_bytes=134217728)"
           R"doc(
--

Loads the dictionaries and rules (see help(nerkit.Extractor)).)doc")
      .def("extract", &PyExtractor::Extract, py::arg("text"),
           py::arg("reference_date") = py::none(), py::arg("labels") = py::none(),
           py::arg("explain") = false, py::arg("min_confidence") = 0.0, kExtractDoc)
      .def("extract_result", &PyExtractor::ExtractResult, py::arg("text"),
           py::arg("reference_date") = py::none(), py::arg("labels") = py::none(),
           py::arg("explain") = false, py::arg("min_confidence") = 0.0, kExtractResultDoc)
      .def("extract_many", &PyExtractor::ExtractMany, py::arg("texts"),
           py::arg("threads") = py::none(), py::arg("reference_dates") = py::none(),
           py::arg("labels") = py::none(), py::arg("explain") = false,
           py::arg("min_confidence") = 0.0, py::arg("raise_errors") = false, kExtractManyDoc)
      .def("extract_jsonl", &PyExtractor::ExtractJsonl, py::arg("data"),
           py::arg("threads") = py::none(), py::arg("reference_date") = py::none(),
           py::arg("labels") = py::none(), py::arg("explain") = false,
           py::arg("min_confidence") = 0.0, py::arg("strict_utf8") = false,
           py::arg("first_line") = 1, kExtractJsonlDoc)
      .def_property_readonly("info", &PyExtractor::Info,
                             "What was loaded: a dict with dictionary_dir, files,\n"
                             "dictionary_entries, duplicate_entries, blocked_entries, rules,\n"
                             "cache_file, loaded_from_cache, cached_states (rule automaton\n"
                             "states read from the cache) and confidence_model.")
      .def_property_readonly("max_document_bytes", &PyExtractor::max_document_bytes,
                             "The longest document accepted, in UTF-8 bytes.")
      .def("_library_seconds", &PyExtractor::LibrarySeconds, py::arg("texts"),
           py::arg("repeat") = 1,
           "For bench/python_bench.py: best (wall, CPU) seconds of the C++ library alone on the "
           "texts, one thread, results dropped. Not part of the API.")
      .def("__repr__", &PyExtractor::Repr);

  m.def(
      "default_dictionary_dir", [] { return Str(DefaultDictionaryDir().string()); },
      R"doc(default_dictionary_dir()
--

The folder Extractor() loads when no dictionaries are named.)doc");

  // The classes belong to the package nerkit, which re-exports them.
  for (const char* name : {"Entity", "Cluster", "Rejected", "Result", "JsonlOutput", "Extractor"}) {
    m.attr(name).attr("__module__") = "nerkit";
  }
  m.attr("default_dictionary_dir").attr("__module__") = "nerkit";
}
