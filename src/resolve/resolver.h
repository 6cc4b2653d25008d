// The resolver: turns the candidates of all stages into one consistent set of entities.
//
// Policy, in order:
//  1. Candidates with the same span are merged: the highest priority decides the label, and the
//     number of distinct sources that agree is the span's evidence.
//  2. Overlaps are settled greedily: higher priority first, then more evidence, then the longer
//     span, then the earlier one. A NONE rule that wins removes the span.
//  3. Names whose type no rule or dictionary decided get one from the document: the type the
//     same name has elsewhere, a known word inside it, or the shape of a personal name.
//  4. The document is made consistent: a name with no evidence of its own takes the type the
//     same name has elsewhere, and so does every other occurrence that no candidate covered (a
//     name in a headline, a surname alone); a place that is a person's surname is that person; a
//     later partial name ("Al-Ghasri") joins the cluster of the full one ("Mohammed al-Ghasri");
//     an acronym joins its expansion. A mention with evidence of its own keeps its type, unless
//     that evidence is weak (priority below 46: a reporting verb, a place preposition, an
//     ambiguous dictionary place) and a single word the document types otherwise with evidence of
//     priority 55 or more ("Ruch said" after "Ruch SA"). An organisation's short name (without
//     trailing head words) and its initials count as the organisation's.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/document.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/extractor.h"
#include "nerkit/result.h"
#include "resolve/confidence.h"
#include "resolve/mentions.h"

namespace nerkit::internal {

// Names where a candidate came from, for Entity::source: "dictionary:places.tsv:521",
// "rule:person.title (rules/people.rules:6)". The pipeline, which knows the loaded files and
// rules, implements it; the resolver only asks.
class SourceNamer {
 public:
  virtual ~SourceNamer() = default;
  // Appends the source of a candidate of `origin` whose reference is `ref` (Candidate::ref).
  virtual void AppendSource(std::string& out, Origin origin, std::uint32_t ref) const = 0;
};

class Resolver {
 public:
  // The confidence model that scores entities (none: every confidence is 1).
  void SetConfidenceModel(ConfidenceModel model) { confidence_ = std::move(model); }
  const ConfidenceModel& confidence_model() const { return confidence_; }

  // Settles doc.candidates into result.entities and result.clusters (and result.rejected with
  // options.explain). Reads the gazetteer's entries for canonical names and ids; `sources` names
  // the candidates' sources. Strings of an Entity are made only for the entities returned.
  // `set` is the per-thread working set (reused from one document to the next).
  void Resolve(Document& doc, MentionSet& set, const Gazetteer& gazetteer,
               const SourceNamer& sources, const ExtractOptions& options, Result& result) const;

 private:
  ConfidenceModel confidence_;
};

}  // namespace nerkit::internal
