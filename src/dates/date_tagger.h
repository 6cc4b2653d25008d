// The dates stage: time expressions found by RE2 rules (rule files, labels DATE, TIME, DURATION,
// SET) and normalized to TIMEX3 values against the document's reference date.
//
// WHAT THIS IS
//   Compile() takes the time rules of the rule files (dictionaries/rules/dates.rules), patterns
//   over the date class string of dates/date_symbols.h (target `tokens`), and compiles each once
//   with explicit RE2 options (Latin-1, leftmost-longest, no logging, bounded memory), which
//   checks them, and into one ClassRegexSet of all of them (core/class_regex.h), which matches
//   them. Run() builds the document's date class string (one symbol per token or piece of a token
//   with digits, "\n" between sentences), finds in one pass of the ClassRegexSet where each rule
//   can start a match, takes each rule's matches in turn (as RE2 would), keeps the best
//   non-overlapping matches (higher priority, then longer, then earlier) whose spans start and end
//   on token boundaries, decides the reference date, and appends one Candidate per expression
//   with its TIMEX3 value. No pattern runs over the text. What a match means comes from its
//   named capture groups, each mapped back to the text of its symbols (dates/normalizer.h), never
//   from the rule id: users add patterns without recompiling.
//
// THE REFERENCE DATE
//   The caller's if given (source "caller"); else the first full date (day, month and year, all
//   written) in the first lines of the document that stands where a dateline or a byline date
//   stands: at the start of a line or after capitalised words and punctuation only ("Friday 26
//   of April 2024", "ROME 1996-12-06", "April 26, 2024 / 3:14 PM", "WASHINGTON, April 26, 2024
//   (AP) -"), source "document"; else none, and relative expressions get no value or an X-form
//   ("XXXX-04-26"). Never today's clock.
//
// THREAD SAFETY
//   Immutable after Compile(); Run() is const and may be called from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/date.h"
#include "rules/rule_file.h"

namespace nerkit::internal {

class DateTagger {
 public:
  DateTagger();
  ~DateTagger();
  DateTagger(DateTagger&&) noexcept;
  DateTagger& operator=(DateTagger&&) noexcept;

  // Compiles the time rules (RuleSpec::IsTimeRule()). Throws LoadError "file:line:column: rule
  // \"id\": message" for an invalid pattern (RE2's message), a rule over text instead of tokens,
  // an entity group that does not exist, or a named group outside the vocabulary of
  // dates/normalizer.h (a typo such as (?P<yaer>...)).
  // Needs no gazetteer, so it may run while the dictionaries load.
  void Compile(std::vector<RuleSpec> rules);
  // Gives the words of `class` lines (RuleFileParser::class_words()) their symbols in the
  // gazetteer's vocabulary. Call once the gazetteer is built.
  void BindWords(const std::vector<std::pair<std::string, unsigned char>>& class_words,
                 Gazetteer& gazetteer);

  // Decides the reference date (the caller's, else one found in the document's dateline or first
  // lines) into doc.reference_date / doc.reference_source, then appends a candidate (origin
  // kDate, ref = rule index) with its value and anchor for every time expression. Requires the
  // document to be tokenized.
  void Run(Document& doc, const std::optional<CivilDate>& caller_reference) const;

  std::size_t size() const;
  const RuleSpec& rule(std::uint32_t index) const;
  // The automaton the time rules run on, for its saved states (ClassRegexSet::SaveStates);
  // empty before Compile.
  std::vector<ClassRegexSet*> automata();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nerkit::internal
