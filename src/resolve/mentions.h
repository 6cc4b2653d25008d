// The resolver's working set: the accepted spans of one document ("mentions") and the steps that
// make them a consistent set of entities. See resolver.h for the policy.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "gazetteer/gazetteer.h"

namespace nerkit::internal {

struct Mention {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;
  std::uint32_t begin = 0;  // bytes
  std::uint32_t end = 0;
  Label label = Label::kPerson;
  bool typed = true;
  bool veto = false;
  bool dropped = false;     // decided against after selection (note says why)
  int priority = 0;
  std::int32_t entry = -1;  // dictionary entry (canonical name, id)
  std::vector<std::uint32_t> candidates;  // the candidates that agree on this span and label
  std::string value;        // time expressions
  std::string anchor;
  std::string note;         // what the resolver decided, for Entity::source
  std::string key;          // the tokens' keys, space-separated, without hyphens and periods
  int cluster = -1;

  bool IsName() const {
    return label == Label::kPerson || label == Label::kLocation || label == Label::kOrganization;
  }
};

struct RejectedCandidate {
  std::uint32_t candidate = 0;
  std::int32_t winner = -1;  // candidate that won over it, if any
  std::string reason;
};

class MentionSet {
 public:
  MentionSet(Document& doc, const Gazetteer& gazetteer);

  // Removes candidates that the form of their sentence rules out: in a Title Case headline or an
  // all-capital line, only dictionary names, time expressions and the strongest rules count.
  void FilterBySentenceForm(std::vector<Candidate>& candidates);

  // A rule that finds part of a longer dictionary name of the same type lends that name its
  // priority.
  void SupportByContainment(std::vector<Candidate>& candidates);

  // Merges candidates with the same span and settles overlaps (see resolver.h).
  void Select(const std::vector<Candidate>& candidates, std::vector<RejectedCandidate>* rejected);

  // Gives untyped names a type from the document or their form, or drops them.
  void TypeNames();

  // Adds mentions for other occurrences of names already found (a surname alone, a name in a
  // headline) that no candidate covered.
  void Propagate();

  // One type per name in a document.
  void Unify();

  // Groups mentions of the same thing into clusters.
  void Cluster();

  std::vector<Mention>& mentions() { return mentions_; }
  std::size_t cluster_count() const { return static_cast<std::size_t>(clusters_); }

 private:
  std::string KeyOf(std::uint32_t token_begin, std::uint32_t token_end) const;
  std::vector<std::string> KeyTokens(std::uint32_t token_begin, std::uint32_t token_end) const;
  bool IsHeadline(std::uint32_t sentence) const;
  bool CapitalisationSupports(const Candidate& c) const;

  Document& doc_;
  const Gazetteer& gazetteer_;
  std::vector<std::uint8_t> headline_;  // per sentence
  std::vector<bool> active_;            // per candidate, after the sentence-form filter
  std::vector<Mention> mentions_;
  int clusters_ = 0;
};

}  // namespace nerkit::internal
