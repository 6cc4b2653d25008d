// Confidence: how likely an entity is to be right (exact span and label), from the evidence the
// pipeline already has.
//
// WHAT THIS IS
//   A small logistic model: every entity is described by a fixed list of named features (which
//   sources agreed and of what kind, their priority, the name's length and case, where it
//   stands, how often the document mentions it and whether the document types the same name
//   otherwise), and its confidence is sigmoid(sum of weight * feature). The weights are data:
//   dictionaries/models/confidence.tsv, written by tools/fit_confidence.py from gold-annotated
//   text, which users can refit on their own gold with the same script. Without a weights file
//   every entity's confidence is 1.
//
// FILE FORMAT
//   UTF-8 text; '#' starts a comment line; every other line is `feature<TAB>weight`, a feature
//   named in kConfidenceFeatures and a decimal number. A feature not listed has weight 0.
//
// THREAD SAFETY
//   Immutable after Parse(); Score() is const.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/source_file.h"

namespace nerkit::internal {

// The features, in the order of a FeatureVector. Names are what the weights file and
// Result::rejected's explanations use.
inline constexpr std::array<std::string_view, 42> kConfidenceFeatures = {
    "bias",
    // The label.
    "label=PERSON", "label=LOCATION", "label=ORGANIZATION", "label=DATE", "label=TIME",
    "label=DURATION", "label=SET",
    // Where the evidence came from: a dictionary entry, a name rule, a date rule, the resolver
    // (a name typed or found again from the rest of the document), and how many agreed.
    "dictionary", "rule", "date_rule", "resolver", "sources", "priority",
    // The same, per label of names.
    "dictionary&PERSON", "dictionary&LOCATION", "dictionary&ORGANIZATION", "rule&PERSON",
    "rule&LOCATION", "rule&ORGANIZATION", "resolver&PERSON", "resolver&LOCATION",
    "resolver&ORGANIZATION",
    // The name's form and position.
    "words=1", "words=2", "words>=3", "all_caps", "sentence_start", "headline",
    "dictionary_alternate", "dictionary_common", "dictionary_country", "dictionary_city",
    "abbreviation", "after_the", "in_brackets",
    // The document: how many mentions its cluster has, whether other mentions of the same name
    // carry another label, and whether it is the only label the name has.
    "mentions", "other_label", "single_word_name", "single_word_name&PERSON",
    "single_word_name&LOCATION", "single_word_name&ORGANIZATION"};
inline constexpr std::size_t kConfidenceFeatureCount = kConfidenceFeatures.size();

// An entity's features, with a mask of those that are not zero (most are zero: Score() adds
// only the others, in the same order, so the sum is the same to the last bit).
class FeatureVector {
 public:
  static_assert(kConfidenceFeatureCount <= 64, "the mask holds one bit per feature");
  void Clear() {
    values_.fill(0);
    nonzero_ = 0;
  }
  void Set(std::size_t index, float value) {
    values_[index] = value;
    const std::uint64_t bit = std::uint64_t{1} << index;
    nonzero_ = value != 0 ? nonzero_ | bit : nonzero_ & ~bit;
  }
  float operator[](std::size_t index) const { return values_[index]; }
  std::uint64_t nonzero() const { return nonzero_; }

 private:
  std::array<float, kConfidenceFeatureCount> values_{};
  std::uint64_t nonzero_ = 0;
};

// The index of a feature by name, or -1.
int ConfidenceFeatureIndex(std::string_view name);

// The index of a feature known at compile time (a typo does not compile).
consteval std::size_t Feature(std::string_view name) {
  for (std::size_t i = 0; i < kConfidenceFeatureCount; ++i) {
    if (kConfidenceFeatures[i] == name) return i;
  }
  throw "no such confidence feature";
}

class ConfidenceModel {
 public:
  // No weights: every score is 1.
  ConfidenceModel() = default;

  // Reads a weights file. Throws LoadError "name:line:column: message" for a malformed line, an
  // unknown feature or a feature given twice.
  static ConfidenceModel Parse(const SourceFile& file);

  // Whether weights were loaded.
  bool loaded() const { return loaded_; }

  // The confidence of an entity with these features, in [0, 1].
  double Score(const FeatureVector& features) const;

 private:
  std::array<double, kConfidenceFeatureCount> weights_{};
  bool loaded_ = false;
};

}  // namespace nerkit::internal
