// The rule stage: RE2 patterns over the token class string and over the raw text.
//
// The token class string has one symbol per token (and a newline between sentences), so that a
// rule such as "a title, then capitalised words" is the plain RE2 pattern `T+(C+)`. Symbols of
// word tokens are letters, upper case when the token is capitalised, lower case otherwise; the
// first that applies wins:
//   a word listed on a `symbol` line of a rule file          that line's letter (i: in, e: the)
//   inside a dictionary match of a country or a region of the world (continent, sea)  K
//   inside a dictionary match of another LOCATION / ORGANIZATION / PERSON  P / O / N
//   inside a multi-token TITLE / ORG_HEAD / LOC_HEAD / DEMONYM match    T / H / L / D
//   a TITLE, ORG_HEAD, LOC_HEAD, NAME_PARTICLE or DEMONYM word          T / H / L / A / D
//   a GIVEN_NAME: F if it is also a common word (Will, Mark), else      G
//   a SURNAME that is not a common word                                 S
//   inside a dictionary match whose entity entries are all `common`     Q
//   a common WORD                                                       W
//   a single capital letter (an initial)                                X
//   any other word                                                      C
// and of other tokens: number 0, letters with digits 9, letters without case u, "," ",",
// "." ".", an attached hyphen "-", a free-standing dash or hyphen "_", opening and closing
// brackets "(" ")", any quotation mark '"', a possessive 's "'", "&" "&", ":" or ";" ":",
// "/" "/", other punctuation and symbols "?".
//
// Rules are compiled once with explicit RE2 options (no logging, bounded memory), which check
// them. They are also read by ClassRegexSets (core/class_regex.h): one for the rules over the
// class string, and, in UTF-8, one per group of rules over the raw text (the rules with the same
// `needs` words), read only in the sentences that hold one of the group's words. Each finds where
// every one of its rules can start a match in one pass over its string, and then each match as
// RE2 would (a pattern whose syntax it leaves to RE2 is matched by RE2). A set's DFA holds the
// states of its own rules only: one set for every text rule would build states for their
// combinations, most of them over text that only one rule reads. Immutable after Compile(); Run()
// is const and thread-safe.
#pragma once

#include <re2/re2.h>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/class_regex.h"
#include "core/document.h"
#include "core/flat_map.h"
#include "core/regex.h"
#include "gazetteer/gazetteer.h"
#include "rules/rule_file.h"

namespace nerkit::internal {

class RuleEngine {
 public:
  // A name of more tokens than this is no name ("A. A. A. ..."); such matches are dropped.
  static constexpr std::uint32_t kMaxNameTokens = 24;

  RuleEngine();
  ~RuleEngine();
  RuleEngine(RuleEngine&&) noexcept;
  RuleEngine& operator=(RuleEngine&&) noexcept;

  // Compiles name rules (labels other than time labels). Throws LoadError "file:line:column:
  // rule \"id\": <RE2 error>" for an invalid pattern or an unknown group. Needs no gazetteer, so
  // it may run while the dictionaries load.
  void Compile(std::vector<RuleSpec> rules);
  // Gives the words of `symbol` lines their symbols in the gazetteer's vocabulary
  // (WordInfo::symbol). Call after Compile, once the gazetteer is built; the gazetteer must
  // outlive the engine.
  // `symbol_names` are the named symbols (name -> byte), kept for SymbolText;
  // `lower_symbols` the symbols given only to tokens that are not capitalised, `upper_symbols`
  // those given only to capitalised ones.
  void BindWords(const std::map<std::string, char, std::less<>>& symbol_words,
                 const std::map<std::string, unsigned char, std::less<>>& symbol_names,
                 const std::set<unsigned char>& lower_symbols,
                 const std::set<unsigned char>& upper_symbols, Gazetteer& gazetteer);
  // A symbol of the class string as a rule writes it: the character itself, or {NAME} for a
  // named symbol.
  std::string SymbolText(char symbol) const;
  // Builds doc.symbols / doc.symbol_token and appends a candidate for every rule match.
  void Run(Document& doc) const;

  std::size_t size() const { return rules_.size(); }
  const RuleSpec& rule(std::uint32_t index) const { return rules_[index].spec; }
  // The automata the rules run on (the class string's, then each text group's), for their
  // saved states (ClassRegexSet::SaveStates). Empty before Compile.
  std::vector<ClassRegexSet*> automata();

 private:
  struct Compiled {
    RuleSpec spec;
    std::unique_ptr<RE2> re;
    int group = 0;       // capture group index
    int automaton = -1;  // its pattern in its set (token_set_ or its text group's), or -1: RE2
  };
  // Text rules with the same `needs` words (or none: read everywhere), and their set.
  struct TextGroup {
    std::unique_ptr<ClassRegexSet> set;
    std::vector<std::uint32_t> rules;  // set index -> rule index
    std::vector<std::string> needs;    // sorted; empty: the whole text is read
    bool gated = false;                // (after BindWords) read only where its words are
  };
  // At most this many groups have words of their own; rules beyond them share the last.
  static constexpr std::size_t kMaxTextGroups = 64;
  void BuildSymbols(Document& doc) const;

  const Gazetteer* gazetteer_ = nullptr;
  std::vector<Compiled> rules_;
  std::unique_ptr<ClassRegexSet> token_set_;  // the rules over the class string
  std::vector<TextGroup> text_groups_;        // the rules over the text, in UTF-8
  std::vector<std::uint32_t> token_rules_;    // set index -> rule index
  std::vector<std::uint32_t> text_rules_;     // in rule order
  std::vector<std::string> symbol_names_;  // named symbol byte - 0x80 -> name
  std::array<bool, 256> lower_only_{};     // symbol byte -> given to lower-case tokens only
  std::array<bool, 256> upper_only_{};     // symbol byte -> given to capitalised tokens only
  // Vocabulary id of a needed word -> the text groups (bits) that need it.
  FlatMap<std::uint64_t> needed_by_;  // (only read once bound: shared by the threads)
};

}  // namespace nerkit::internal
