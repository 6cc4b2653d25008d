// nerkit/result.h: everything extraction finds in one document.
//
// WHAT THIS IS
//   A Result holds the entities of one document, sorted by start offset and never overlapping
//   (when candidates overlap, the resolver keeps one; see Extractor for the policy), the clusters
//   that group mentions of the same person, place or organisation, what the document's reference
//   date was and where it came from, and what was unusual about the input (invalid UTF-8 bytes).
//   With ExtractOptions::explain it also lists the candidates that lost, and why.
//
//     nerkit::Result r = extractor.Extract(text);
//     for (const nerkit::Cluster& c : r.clusters)          // the distinct people, places, ...
//       std::cout << c.name << " x" << c.mentions.size() << '\n';
//
// THREAD SAFETY
//   A plain value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nerkit/date.h"
#include "nerkit/entity.h"

namespace nerkit {

// The mentions of one person, place or organisation in a document.
struct Cluster {
  Label label = Label::kPerson;
  // The fullest name among the mentions ("Mohammed al-Ghasri" for "Al-Ghasri").
  std::string name;
  // Canonical name and id from a dictionary, when one knows the thing.
  std::string canonical;
  std::string id;
  // Indices into Result::entities, in document order.
  std::vector<std::size_t> mentions;
};

// A token of the document (ExtractOptions::tokens only): a word, number or punctuation mark as
// ICU segments it, with byte offsets and the index of its sentence.
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t sentence = 0;
};

// A candidate that did not become an entity (ExtractOptions::explain only).
struct Rejected {
  Entity candidate;    // label, span, text and source of the losing candidate
  std::string reason;  // e.g. "overlaps rule:person.title_name, which has higher priority"
};

// What an entity's confidence was computed from (ExtractOptions::explain only): the features of
// the confidence model that are not zero ("dictionary", "label=PERSON", "mentions", ...), as
// tools/fit_confidence.py reads them to fit the model.
struct Evidence {
  std::vector<std::pair<std::string, double>> features;
};

struct Result {
  std::vector<Entity> entities;
  std::vector<Cluster> clusters;
  // The date relative expressions were computed from, if any, and where it came from:
  // "caller" (ExtractOptions::reference_date), "document" (found in a dateline or the first lines
  // of the text), or empty when there is none.
  std::optional<CivilDate> reference_date;
  std::string reference_date_source;
  // Number of bytes that were not part of valid UTF-8 (each was treated as a separator; offsets
  // are unchanged). Zero for valid input.
  std::size_t invalid_utf8_bytes = 0;
  // Losing candidates, filled only when ExtractOptions::explain is set.
  std::vector<Rejected> rejected;
  // With ExtractOptions::explain, the evidence behind each entity's confidence: evidence[i] is
  // that of entities[i].
  std::vector<Evidence> evidence;
  // The tokens, filled only when ExtractOptions::tokens is set.
  std::vector<Token> tokens;
};

}  // namespace nerkit
