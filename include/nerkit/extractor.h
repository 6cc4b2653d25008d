// nerkit/extractor.h: load dictionaries and rules once, extract entities from many documents.
//
// WHAT THIS IS
//   An Extractor is a loaded, validated, immutable model: the gazetteers (dictionaries/*.tsv) and
//   rules (dictionaries/rules/*.rules) compiled into matchers. It exists only if everything loaded
//   without error. Extract() runs the pipeline on one UTF-8 document:
//     text (ICU words and sentences) -> gazetteer -> rules -> dates -> resolver
//   and returns the entities sorted by start offset.
//
//     nerkit::Extractor extractor = nerkit::Extractor::Load();   // default dictionaries
//     nerkit::Result result = extractor.Extract("BENGHAZI, Libya (AP) - ...");
//     for (const nerkit::Entity& e : result.entities)
//       std::cout << nerkit::LabelName(e.label) << '\t' << e.text << '\n';
//
// OVERLAP POLICY
//   Returned entities never overlap. When candidates overlap, the resolver keeps, in order of
//   precedence: the candidate with the higher rule/dictionary priority, then the one with more
//   independent evidence (a dictionary entry and a rule agreeing), then the longer one, then the
//   earlier one. Time expressions and names compete in the same way. A name that was typed in one
//   place keeps that type everywhere in the document.
//
// THREAD SAFETY
//   Load() is safe to call from several threads. A loaded Extractor is immutable: Extract() is
//   const and may be called from any number of threads at once on the same object. Per-call
//   scratch state lives in a Workspace, one per thread (the overloads without one make a fresh
//   Workspace per call).
//
// OWNERSHIP AND LIFETIME
//   An Extractor is a cheap handle to shared immutable data: copies share it, and the data lives
//   as long as the last copy. Results own their strings and do not refer to the extractor or to the
//   input buffer.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nerkit/date.h"
#include "nerkit/entity.h"
#include "nerkit/result.h"
#include "nerkit/workspace.h"

namespace nerkit {

// A dictionary or rule file held in memory; its name decides its format (".tsv" or ".rules")
// and is what load errors name.
struct InMemoryFile {
  std::string name;
  std::string content;
};

struct LoadOptions {
  // The dictionary folder: every *.tsv in it and every rules/*.rules, in name order. Empty means
  // Extractor::DefaultDictionaryDir().
  std::filesystem::path dictionaries;
  // Set to false to load only extra_files and extra_sources (no folder at all).
  bool load_dictionary_folder = true;
  // More files (.tsv or .rules) loaded after the folder, in this order.
  std::vector<std::filesystem::path> extra_files;
  // In-memory files loaded last, in this order.
  std::vector<InMemoryFile> extra_sources;
  // Keep the built dictionaries as a compiled image on disk, so that the next load of the same
  // files reads it (a few times faster) instead of parsing them again. Images are keyed by the
  // exact bytes of every file loaded and by the library build: an edited dictionary or rule
  // file, another library version or ICU version is noticed and the image rebuilt. A damaged or
  // unwritable cache is ignored. Sets of dictionary files under 1 MiB are never cached.
  bool use_cache = true;
  // With use_cache, also keep the rule automata's states beside the image: a load reads the
  // states earlier processes built, and an extractor that built many more saves them all when
  // it is destroyed, so that a program started often does not build them again each time (they
  // are built lazily, as texts need them: a fresh process pays for them in its first
  // megabytes). Results are the same either way.
  bool use_saved_states = true;
  // Where images are kept. Empty means $NERKIT_CACHE_DIR (the value "off" turns caching off),
  // else $XDG_CACHE_HOME/nerkit, else $HOME/.cache/nerkit.
  std::filesystem::path cache_dir;
  // The weights of the confidence model (Entity::confidence; format in dictionaries/README.md).
  // Empty means the dictionary folder's models/confidence.tsv when there is one; with neither,
  // every entity's confidence is 1.
  std::filesystem::path confidence_model;
};

struct ExtractOptions {
  // The date relative expressions ("last year", "on Friday") are computed from. When absent,
  // nerkit looks for the date in the document's dateline or first lines; when there is none,
  // relative expressions get no value (or an X-form such as "XXXX-04-26"), never today's date.
  std::optional<CivilDate> reference_date;
  // Which labels to return (all by default).
  LabelSet labels = LabelSet::All();
  // Fill Result::rejected with the candidates that lost, and why.
  bool explain = false;
  // Fill Result::tokens with the document's tokens (for token-level output such as CoNLL).
  bool tokens = false;
  // Throw InputError for input that is not valid UTF-8, instead of treating bad bytes as
  // separators.
  bool strict_utf8 = false;
  // Documents larger than this many bytes are refused with an InputError.
  std::size_t max_document_bytes = std::size_t{128} << 20;
  // Entities whose confidence is below this are left out (and so are their cluster mentions).
  // 0 keeps every entity.
  double min_confidence = 0.0;
};

// What a loaded extractor holds.
struct ExtractorInfo {
  std::filesystem::path dictionary_dir;    // empty when no folder was loaded
  std::vector<std::string> files;          // every file loaded, in load order
  std::size_t dictionary_entries = 0;      // lines kept from *.tsv files
  std::size_t duplicate_entries = 0;       // lines ignored as duplicates
  std::size_t blocked_entries = 0;         // entries removed by `block` lines
  std::size_t rules = 0;                   // rules from *.rules files
  std::filesystem::path cache_file;        // the compiled image for these files; empty if none
  bool loaded_from_cache = false;          // the dictionaries were read from cache_file
  std::size_t cached_states = 0;           // rule automaton states read from the cache
  std::filesystem::path confidence_model;  // the confidence model's weights; empty if none
};

class Extractor {
 public:
  // Loads and compiles the dictionaries and rules.
  // Throws LoadError naming the file, line and column of the first problem (a missing folder, an
  // unreadable file, a malformed line, an invalid rule pattern). Never returns a half-loaded
  // extractor.
  static Extractor Load(const LoadOptions& options = {});

  // The default dictionary folder: $NERKIT_DICTIONARIES if set and non-empty; else, for a program
  // inside the build tree the library was built in (its tools, tests and benchmarks), the source
  // tree's dictionaries/; else the installed share/nerkit/dictionaries if it exists; else the
  // source tree's dictionaries/. The result may not exist; Load() then reports it.
  static std::filesystem::path DefaultDictionaryDir();

  // Extracts the entities of one UTF-8 document.
  // Requires: nothing of `text` (any bytes are accepted); it is not retained.
  // Returns: entities sorted by start, non-overlapping, with byte offsets into `text`.
  // Throws InputError if `text` is larger than options.max_document_bytes, or, with
  // options.strict_utf8, if it is not valid UTF-8.
  Result Extract(std::string_view text, const ExtractOptions& options, Workspace& workspace) const;
  Result Extract(std::string_view text, const ExtractOptions& options = {}) const;
  // The same into `result`, which it replaces whole (on an exception `result` holds an
  // unspecified valid value). The memory `result` held is reused: a program that gives one
  // Result to document after document (with one Workspace per thread) allocates far less for
  // the entities' strings than one that takes a new Result each time.
  void Extract(std::string_view text, const ExtractOptions& options, Workspace& workspace,
               Result& result) const;

  const ExtractorInfo& info() const;

  // Opaque compiled model; public only so that the library's own stages, benchmarks and tests
  // can name it. Not part of the stable API.
  struct Model;
  const Model& model() const { return *model_; }

 private:
  explicit Extractor(std::shared_ptr<const Model> model);
  std::shared_ptr<const Model> model_;
};

}  // namespace nerkit
