// The compiled model behind an Extractor: every stage's immutable data.
#pragma once

#include <optional>
#include <vector>

#include "core/source_file.h"
#include "dates/date_tagger.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/extractor.h"
#include "resolve/resolver.h"
#include "rules/rule_engine.h"

namespace nerkit::internal {
struct Scratch;
}  // namespace nerkit::internal

namespace nerkit {

struct Extractor::Model {
  ExtractorInfo info;
  std::vector<internal::SourceFile> files;  // dictionaries refer into their contents
  internal::Gazetteer gazetteer;
  internal::RuleEngine rules;
  internal::DateTagger dates;
  internal::Resolver resolver;

  // The stages that find candidates, in pipeline order, over scratch.doc (Reset, its text valid
  // UTF-8): tokenize, gazetteer, rules, dates. The resolver then settles the candidates.
  void FindCandidates(internal::Scratch& scratch,
                      const std::optional<CivilDate>& reference_date) const;

  // "dictionaries/places.tsv" style name of a loaded file, for sources.
  std::string_view FileName(std::size_t index) const { return files[index].name; }
};

}  // namespace nerkit

namespace nerkit::internal {

// Per-thread scratch behind a Workspace.
struct Scratch {
  text::Tokenizer tokenizer;
  Document doc;
};

}  // namespace nerkit::internal
