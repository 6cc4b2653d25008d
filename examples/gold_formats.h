// Reading gold data for nerkit-extract --evaluate: our JSON Lines, CoNLL files, brat standoff
// folders and Label Studio exports, all into one form (a text and its entities in code points).
//
// WHAT THIS IS
//   - jsonl: one document a line {"id", "text", "dct", "entities": [{"start", "end", "label",
//     "value", "optional"}]}; Doccano lines {"text", "label": [[START, END, LABEL], ...]} too.
//   - conll: a token per line, the token first and its tag last (BIO, IOB1 or IOBES: "B-PER",
//     "I-PER", "E-PER", "S-PER", "O"), blank lines between sentences, "-DOCSTART-" lines (or
//     "# id = NAME", as nerkit-extract --format conll writes) between documents. The text is
//     rebuilt from the tokens: one space between tokens, none before . , ; : ! ? ) ] } % n't and
//     tokens that begin with an apostrophe ('s), none after ( [ {, sentences joined by "\n".
//   - brat: a folder (searched recursively) of NAME.ann files beside NAME.txt; the T lines are
//     the entities (fragments count from the first start to the last end), a value is read from
//     an AnnotatorNotes line that begins "value: " (as --format brat writes).
//   - labelstudio: a JSON array of tasks (a Label Studio export): the text is data.text, the
//     entities are the "labels" results of the first annotation that was not cancelled, else of
//     the first prediction.
//   Labels are upper-cased and the usual short names mapped to nerkit's: PER -> PERSON,
//   LOC, GPE and GEO -> LOCATION, ORG -> ORGANIZATION (others, such as MISC, are kept as they
//   are).
//   Offsets are code points; text with invalid UTF-8 (brat, CoNLL) has each bad byte replaced by
//   U+FFFD, as nerkit's writers do.
//
//     std::vector<GoldDocument> docs;
//     std::string error;
//     if (!ReadGold("annotated/", GoldFormat::kAuto, docs, error)) std::cerr << error << '\n';
//
// THREAD SAFETY
//   Plain values and functions that share nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nerkit/date.h"

struct GoldEntity {
  long start = 0;  // code points, half-open
  long end = 0;
  std::string label;
  std::string value;
  bool has_value = false;
  bool optional = false;  // may be found or not (jsonl "optional": true)
};

struct GoldDocument {
  std::string id;
  std::string text;
  std::optional<nerkit::CivilDate> dct;
  std::vector<GoldEntity> entities;
};

enum class GoldFormat { kAuto, kJsonl, kConll, kBrat, kLabelStudio };

// "auto", "jsonl", "conll", "brat", "labelstudio" (also "doccano", read as jsonl).
std::optional<GoldFormat> ParseGoldFormat(std::string_view name);
std::string_view GoldFormatName(GoldFormat format);

// What kAuto reads `path` as: a folder is brat; a file whose first non-blank character is '['
// is labelstudio, '{' jsonl; anything else conll.
GoldFormat DetectGoldFormat(const std::string& path);

// nerkit's name for a gold label: upper case, PER/LOC/GPE/GEO/ORG mapped.
std::string CanonicalGoldLabel(std::string_view label);

// Reads `path` in `format` (kAuto: DetectGoldFormat) and appends its documents to `docs`.
// Returns false with `error` set ("PATH:LINE: what is wrong") when the file cannot be read.
bool ReadGold(const std::string& path, GoldFormat format, std::vector<GoldDocument>& docs,
              std::string& error);

// The CoNLL reader on text already in memory (`name` is what errors and ids say).
bool ReadConll(std::string_view content, const std::string& name, std::vector<GoldDocument>& docs,
               std::string& error);
