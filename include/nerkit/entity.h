// nerkit/entity.h: what extraction returns.
//
// WHAT THIS IS
//   An Entity is one mention of a person, place, organisation or time expression in a document:
//   its label, its half-open span [start, end) in UTF-8 *bytes* of the caller's buffer, the
//   matched text, and what nerkit knows about it (a canonical name and id from a dictionary, a
//   normalized TIMEX3 value for dates, the cluster of mentions that name the same thing, and the
//   dictionary line or rule that decided it). Entities are plain values: copy them, keep them,
//   compare them.
//
//     for (const nerkit::Entity& e : result.entities)
//       std::cout << nerkit::LabelName(e.label) << ' ' << e.start << '-' << e.end << ' ' << e.text;
//
// THREAD SAFETY
//   Plain values; every function here is pure and safe to call from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace nerkit {

// The kinds of entity nerkit returns. PERSON, LOCATION and ORGANIZATION are names; DATE, TIME,
// DURATION and SET are TimeML time expressions (a calendar date or period, a time of day, a length
// of time, a recurrence).
enum class Label : std::uint8_t {
  kPerson,
  kLocation,
  kOrganization,
  kDate,
  kTime,
  kDuration,
  kSet,
};
inline constexpr int kLabelCount = 7;

// Returns the upper-case name of a label: "PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME",
// "DURATION" or "SET".
std::string_view LabelName(Label label);

// Writes LabelName(label).
std::ostream& operator<<(std::ostream& out, Label label);

// Parses a label name as LabelName writes it (upper case). Returns nullopt for anything else.
std::optional<Label> ParseLabel(std::string_view name);

// A set of labels, e.g. the labels a caller wants back.
class LabelSet {
 public:
  constexpr LabelSet() = default;
  constexpr LabelSet(std::initializer_list<Label> labels) {
    for (Label label : labels) Insert(label);
  }
  // Every label.
  static constexpr LabelSet All() {
    LabelSet set;
    set.bits_ = (1u << kLabelCount) - 1;
    return set;
  }
  // Parses a comma-separated list such as "PERSON,LOCATION". Throws std::invalid_argument naming
  // the first unknown label. An empty string gives the empty set.
  static LabelSet Parse(std::string_view list);

  constexpr void Insert(Label label) { bits_ |= 1u << static_cast<unsigned>(label); }
  constexpr void Erase(Label label) { bits_ &= ~(1u << static_cast<unsigned>(label)); }
  constexpr bool Contains(Label label) const {
    return (bits_ >> static_cast<unsigned>(label)) & 1u;
  }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(const LabelSet&) const = default;

 private:
  std::uint32_t bits_ = 0;
};

// One mention.
struct Entity {
  Label label = Label::kPerson;
  // Half-open span in UTF-8 bytes of the caller's buffer: text == buffer.substr(start, end -
  // start). Always on UTF-8 character boundaries.
  std::size_t start = 0;
  std::size_t end = 0;
  // The bytes of the span, copied.
  std::string text;
  // The preferred name of what is mentioned, where a dictionary knows it ("Misratah" for
  // "Misurata"); for names found by rules, the longest mention of the same cluster.
  std::string canonical;
  // A stable identifier where a dictionary knows one ("geonames:2214846"), else empty.
  std::string id;
  // For time expressions, the normalized TIMEX3 value ("2024-04-26", "2023", "P3Y",
  // "PAST_REF", "XXXX-04-26"); empty when no value can be given.
  std::string value;
  // For time expressions, what the value was computed from: "absolute" (the text alone),
  // "reference" (the document's reference date), or empty when there is no value.
  std::string anchor;
  // What decided this entity: "dictionary:<file>:<line>" or "rule:<rule id> (<file>:<line>)",
  // joined with " + " when several pieces of evidence agreed.
  std::string source;
  // Mentions of the same person, place or organisation in one document share a cluster number
  // (an index into Result::clusters); -1 for time expressions.
  int cluster = -1;
  // How likely the entity is to be right (exact span and label), in [0, 1]: the score of a
  // logistic model over the evidence that found it (dictionaries/models/confidence.tsv), fitted
  // on annotated news; 1 when no model is loaded. ExtractOptions::min_confidence drops entities
  // below a threshold.
  double confidence = 1.0;

  bool operator==(const Entity&) const = default;
};

}  // namespace nerkit
