// nerkit-extract --evaluate: scores extraction against gold JSON Lines.
#pragma once

#include <iosfwd>
#include <string>

#include "gold_formats.h"
#include "nerkit/extractor.h"

struct EvaluateOptions {
  GoldFormat gold_format = GoldFormat::kAuto;  // how to read the gold file (gold_formats.h)
  std::string report;                          // where to write the HTML report (report.h), if set
};

// Reads gold documents (JSON Lines {"id", "text", "dct", "entities": [{"start", "end", "label",
// "value", "optional"}]} with offsets in code points, CoNLL, brat or Label Studio: see
// gold_formats.h), extracts each text (with its dct as reference date),
// and prints exact-match precision, recall and F1 per label and micro-averaged, the lenient
// (overlap) scores and the accuracy of values over exact matches, in the conlleval convention.
// Labels scored: options.labels. With evaluation.report, also writes the HTML report there.
// Returns false (after a message on `err`) if the gold file cannot be read or the report written.
bool EvaluateGold(const nerkit::Extractor& extractor, const std::string& gold_path,
                  const EvaluateOptions& evaluation, const nerkit::ExtractOptions& options,
                  unsigned threads, std::ostream& out, std::ostream& err);
