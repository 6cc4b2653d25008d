// The per-document working state that flows through the pipeline stages:
//   text (tokens, sentences) -> gazetteer (matches, lexical classes) -> rules (candidates)
//   -> dates (candidates with values) -> resolve (entities).
// One Document lives in each Workspace and is reused from one document to the next, so that its
// vectors keep their capacity and extraction allocates little.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/class_regex.h"
#include "nerkit/date.h"
#include "nerkit/entity.h"
#include "text/tokenizer.h"

namespace nerkit::internal {

// Where a candidate came from.
enum class Origin : std::uint8_t {
  kDictionary,  // a dictionary entry: `ref` is the entry index
  kRule,        // a rule: `ref` is the rule index
  kDate,        // a date rule: `ref` is the date rule index
  kResolver,    // created by the resolver (a partial name linked to a full one)
};

// A possible entity, before the resolver decides.
struct Candidate {
  std::uint32_t begin = 0;  // bytes, half-open
  std::uint32_t end = 0;
  std::uint32_t token_begin = 0;  // tokens, half-open
  std::uint32_t token_end = 0;
  Label label = Label::kPerson;
  bool typed = true;  // false: a name whose type the resolver must decide
  bool veto = false;  // a NONE rule: the span is no entity
  bool weak = false;  // counts only with support (a `common` dictionary name)
  Origin origin = Origin::kRule;
  std::int32_t priority = 0;
  std::uint32_t ref = 0;    // entry or rule index, per origin
  std::int32_t entry = -1;  // dictionary entry giving canonical name and id, if any
  const char* note = "";    // what the resolver decided about it before selection, if anything
  std::int32_t value = -1;  // time expressions: their TIMEX3 value, Document::values[value]
  const char* anchor = "";  // time expressions: "absolute" or "reference" ("" without a value)
};

// One gazetteer match: tokens [token_begin, token_end) equal the key sequence of the entries
// entry_index[entries_begin, entries_begin + entries_count).
struct GazetteerMatch {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;
  std::uint32_t entries_begin = 0;
  std::uint32_t entries_count = 0;
  std::uint32_t types = 0;  // bit (1 << EntryType) for each type among the entries
  // The same without the PERSON, LOCATION and ORGANIZATION entries flagged `common`, and what
  // those entries say (MatchSummary bits): what the rule stage's class string reads of a match.
  std::uint32_t strong_types = 0;
  std::uint8_t summary = 0;
};

enum MatchSummary : std::uint8_t {
  kSummaryCommonEntity = 1,  // an entity entry flagged `common`
  kSummaryCountry = 2,       // a place entry (not `common`) that is a country or feature
  kSummaryMajorPlace = 4,    // a place's own name (not `common`, not an alternate) of at least
                             // kMajorPlace people
};

// Another dictionary entry of a candidate's name that the gazetteer did not choose (a place of
// the same name elsewhere), and why the chosen one won: for ExtractOptions::explain.
struct Alternative {
  std::uint32_t candidate = 0;  // index into Document::candidates (the chosen entry's candidate)
  std::uint32_t entry = 0;      // the entry that lost
  const char* reason = "";      // why the candidate's entry won over it
};

// What the vocabulary says of a token's word: everything a stage needs of it, from one lookup
// per token (Gazetteer::Match).
struct WordInfo {
  std::int32_t id = -1;       // vocabulary id; -1: the word is not in the vocabulary
  std::uint32_t lexical = 0;  // evidence bits of its one-word entries (gazetteer.h LexicalBit)
  std::int32_t root = -1;     // the gazetteer's trie node of the word alone, -1 if none
  std::uint8_t flags = 0;     // the gazetteer's vocabulary flags
  char symbol = 0;            // its letter in the rules' class string (a `symbol` line), or 0
  std::uint8_t date_any = 0;  // its date class symbol (a `class` line) in any case, or 0
  std::uint8_t date_cap = 0;  // its date class symbol when capitalised, or 0
};

// Recent word keys and what the vocabulary says of them, per thread: most tokens of news are
// words met shortly before, and this table (256 KB) stays in the core's cache where the
// vocabulary (tens of MB) does not. Keys of up to 15 bytes; `owner` names the gazetteer the
// entries belong to, so that a Workspace used with another extractor starts afresh.
struct WordCache {
  static constexpr std::size_t kEntries = 8192;
  static constexpr std::size_t kMaxKey = 15;
  struct Entry {
    std::uint64_t key[2] = {0, 0};  // the key's bytes, zero after its end, its length last
    WordInfo info;
  };
  std::uint64_t owner = 0;
  std::vector<Entry> entries;

  void Reset(std::uint64_t gazetteer) {
    owner = gazetteer;
    entries.assign(kEntries, Entry{});
  }
};

struct Document {
  std::string_view original;  // the caller's bytes
  std::string_view text;  // what the stages read: `original`, or `sanitized` if it had bad bytes
  std::string sanitized;
  std::size_t invalid_bytes = 0;

  text::TokenizedText words;  // tokens, sentences, folded forms

  // Gazetteer stage.
  WordCache word_cache;                      // kept from one document to the next
  std::vector<GazetteerMatch> matches;       // sorted by token_begin, then longer first
  std::vector<std::uint32_t> match_entries;  // entry indices referenced by matches
  std::vector<WordInfo> word_info;           // per token: what the vocabulary says of its word
  std::vector<std::uint32_t> lexical;        // per token: bits of single-token entry types
  std::vector<Alternative> alternatives;     // entries of the same name that lost, and why

  // Rule stage.
  std::string symbols;                      // class string (one symbol per token + separators)
  std::vector<std::uint32_t> symbol_token;  // symbol index -> token index
  std::string token_symbol;                 // token index -> its symbol
  // How many symbols of each letter, in either case (other symbols in the 27th slot): the rules'
  // document conditions ("when z>=2") and the resolver's sports reports read them.
  std::array<std::uint32_t, 27> symbol_counts{};
  ClassRegexSet::Scratch class_scratch;     // the rule and date automatons' working arrays

  // All stages add candidates; the resolver reads them.
  std::vector<Candidate> candidates;
  std::vector<std::string> values;  // the TIMEX3 values of time expressions (Candidate::value)

  // Dates stage: the reference date used and where it came from.
  std::optional<CivilDate> reference_date;
  std::string reference_source;

  void Reset(std::string_view input) {
    original = input;
    text = input;
    sanitized.clear();
    invalid_bytes = 0;
    words.Clear();
    matches.clear();
    match_entries.clear();
    word_info.clear();
    lexical.clear();
    alternatives.clear();
    symbols.clear();
    symbol_token.clear();
    token_symbol.clear();
    symbol_counts.fill(0);
    candidates.clear();
    values.clear();
    reference_date.reset();
    reference_source.clear();
  }

  const std::vector<text::Token>& tokens() const { return words.tokens; }
  std::string_view TokenText(const text::Token& t) const {
    return text.substr(t.begin, t.end - t.begin);
  }
};

}  // namespace nerkit::internal
