// The compiled model behind an Extractor: every stage's immutable data.
#pragma once

#include <vector>

#include "core/source_file.h"
#include "dates/date_tagger.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/extractor.h"
#include "resolve/resolver.h"
#include "rules/rule_engine.h"

namespace nerkit {

struct Extractor::Model {
  ExtractorInfo info;
  std::vector<internal::SourceFile> files;  // dictionaries refer into their contents
  internal::Gazetteer gazetteer;
  internal::RuleEngine rules;
  internal::DateTagger dates;
  internal::Resolver resolver;

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
