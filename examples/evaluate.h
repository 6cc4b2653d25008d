// nerkit-extract --evaluate: scores extraction against gold JSON Lines.
#pragma once

#include <iosfwd>
#include <string>

#include "nerkit/extractor.h"

// Reads gold documents {"id", "text", "dct", "entities": [{"start", "end", "label", "value",
// "optional"}]} (offsets in code points), extracts each text (with its dct as reference date),
// and prints exact-match precision, recall and F1 per label and micro-averaged, the lenient
// (overlap) scores and the accuracy of values over exact matches, in the conlleval convention.
// Labels scored: options.labels. Returns false (after a message on `err`) if the gold file
// cannot be read.
bool EvaluateGold(const nerkit::Extractor& extractor, const std::string& gold_path,
                  const nerkit::ExtractOptions& options, unsigned threads, std::ostream& out,
                  std::ostream& err);
