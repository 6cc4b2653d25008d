// The compiled model behind an Extractor, and the one list of stages that extraction runs.
//
// The pipeline sits above the stages: it owns each stage's immutable data (gazetteer, rule
// engine, date tagger, resolver) and runs them in order over a Document, passing each stage
// only what it reads. No stage includes this header. The benchmark (bench/) runs the same list
// through RunStage, so that its per-stage figures are of exactly what Extract() does.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/source_file.h"
#include "dates/date_tagger.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/extractor.h"
#include "resolve/resolver.h"
#include "rules/rule_engine.h"
#include "text/tokenizer.h"

namespace nerkit::internal {

// The stages, in the order text flows through them.
enum class Stage {
  kTokenize,   // ICU words and sentences, folds, vocabulary ids
  kGazetteer,  // dictionary matches and their candidates
  kRules,      // the token class string and the rules over it
  kDates,      // time expressions and their values
  kResolve,    // overlaps, types, document consistency, clusters; the Result
};
inline constexpr std::array<Stage, 5> kStages = {Stage::kTokenize, Stage::kGazetteer, Stage::kRules,
                                                 Stage::kDates, Stage::kResolve};
std::string_view StageName(Stage stage);

// Per-thread scratch behind a Workspace.
struct Scratch {
  text::Tokenizer tokenizer;
  Document doc;
  MentionSet mentions;  // the resolver's working set
};

}  // namespace nerkit::internal

namespace nerkit {

struct Extractor::Model : internal::SourceNamer {
  ExtractorInfo info;
  std::vector<internal::SourceFile> files;  // dictionaries refer into their contents
  internal::Gazetteer gazetteer;
  internal::RuleEngine rules;
  internal::DateTagger dates;
  internal::Resolver resolver;
  // The states file of the rule automata (pipeline/image_cache.h; empty: none) and how many
  // states the automata had after load: at the model's end, a process that built at least
  // kNewStatesToSave more saves them all for the next.
  std::filesystem::path states_file;
  std::size_t states_at_load = 0;
  static constexpr std::size_t kNewStatesToSave = 64;

  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  ~Model() override;

  // The rule and date stages' automata.
  std::vector<internal::ClassRegexSet*> Automata();
  std::size_t AutomatonStates();

  // Runs one stage over scratch.doc (Reset, its text valid UTF-8; the stages before it run).
  // kResolve fills `result`; the other stages leave it alone.
  void RunStage(internal::Stage stage, internal::Scratch& scratch, const ExtractOptions& options,
                Result& result) const;

  // "dictionaries/places.tsv" style name of a loaded file, for sources.
  std::string_view FileName(std::size_t index) const { return files[index].name; }

  void AppendSource(std::string& out, internal::Origin origin, std::uint32_t ref) const override;
};

}  // namespace nerkit
