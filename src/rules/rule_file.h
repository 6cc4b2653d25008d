// The rule file format (dictionaries/rules/*.rules), shared by the name rules and the date rules.
//
// Tab-separated lines; `#` starts a comment line. Six kinds of line:
//   symbol  X  WORD WORD ...
//       Word-class symbols for the token class string: every listed word (matched on its
//       case-folded form) gets the symbol X: a lower-case ASCII letter, written in upper case when
//       the token is capitalised ("in" -> i, "In" -> I), or a digit 1-8, the same in either case.
//       Or X is a NAME ([A-Z][A-Z0-9_]+, not a class's): the words get a byte of their own
//       (0x80 + the name's index, at most 128 names, the same in either case), and `{NAME}` in
//       any later pattern stands for it.
//   symbol  X  WORD WORD ...  lower
//       The same, for a digit or a NAME, with the symbol given only to tokens that are not
//       capitalised: "symbol KIND_WORD club agency lower" makes "club" {KIND_WORD}, while
//       "Club" keeps the letter its dictionary types give it (H, a head word). One `lower` line
//       makes the whole symbol so.
//   class  NAME  WORD WORD ...
//       A word class of the date rules' class string (dates/date_symbols.h): every listed word
//       (matched on its case-folded form; written with a capital, only when the token is
//       capitalised) gets the class's symbol, and `{NAME}` in any later pattern stands for that
//       symbol. NAME is [A-Z][A-Z0-9_]*; a later line with the same NAME adds words to it, and a
//       word listed again moves to the later class. At most 157 classes.
//   anchor  WORD WORD ...
//       Accepted for older rule files and ignored: the date rules run over the whole date
//       class string of the document.
//   needs  ID  WORD WORD ...
//       For a text rule defined earlier: every match of rule ID holds one of these words as a
//       token of its own (compared on the case-folded form; "$" and "&" are tokens too). The
//       raw text is then read only in the sentences that hold one of them (a text rule without
//       a needs line has the whole text read). A later line for the same rule adds words.
//   define  NAME  VALUE
//       A macro: `{NAME}` in any later pattern of any file is replaced by VALUE. NAME is
//       [A-Z][A-Z0-9_]*. For patterns over token classes, VALUE is usually a symbol class.
//   ID  LABEL  TARGET  GROUP  PRIORITY  PATTERN
//       ID        unique rule id, [a-z0-9_.-]+ (e.g. person.title_name)
//       LABEL     PERSON, LOCATION, ORGANIZATION, NAME (a name whose type the resolver decides),
//                 NONE (a span that is no entity), DATE, TIME, DURATION or SET
//       TARGET    `tokens` (the pattern runs over the token class string; for DATE, TIME,
//                 DURATION and SET rules, over the date class string of dates/date_symbols.h)
//                 or `text` (over the raw text; name rules only), optionally with a document
//                 condition `when X>=N`: the rule runs only in documents with at least N
//                 tokens of symbol X (either case), e.g.
//                 `tokens when z>=3` for rules that hold only in sports reports
//       GROUP     which capture group is the entity: a number (0 = the whole match) or a name
//       PRIORITY  an integer; higher wins when candidates overlap
//       PATTERN   an RE2 pattern (the rest of the line, tabs not allowed)
//   A name rule finds all its matches in turn, each search starting right after the previous
//   entity group: context a pattern reads after its entity ("(?:[^A-Z]|$)", ",") may be read
//   again as the context before the next one. Sentences are separated by "\n" in the class
//   string; to end a pattern at the end of a sentence without reading past it, write (?m:$).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nerkit/entity.h"

namespace nerkit::internal {

enum class RuleTarget { kTokens, kText };

struct RuleSpec {
  std::string id;
  std::optional<Label> label;  // nullopt for NAME and NONE
  bool none = false;           // LABEL was NONE
  RuleTarget target = RuleTarget::kTokens;
  char when_symbol = 0;  // document condition: at least when_count tokens of this symbol
  int when_count = 0;
  std::string group;  // as written: "0", "1", "name"
  int priority = 0;
  std::string pattern;  // with macros expanded
  std::string file;     // where it was defined
  std::size_t line = 0;
  std::size_t group_column = 0;
  std::size_t pattern_column = 0;
  // From a `needs` line (text rules): every match holds one of these words as a token (folded).
  std::vector<std::string> needs;

  bool IsTimeRule() const {
    return label && (*label == Label::kDate || *label == Label::kTime ||
                     *label == Label::kDuration || *label == Label::kSet);
  }
  std::string source;  // "rule:<id> (<file>:<line>)", what Entity::source says
  const std::string& Source() const { return source; }
};

// Parses rule files one after another, expanding macros defined in this or earlier files.
class RuleFileParser {
 public:
  // Parses one file; throws LoadError("file:line:column: message") on a malformed line, an
  // unknown label or target, a duplicate rule id, or an undefined macro.
  void Parse(const std::string& file_name, std::string_view content);

  std::vector<RuleSpec>& rules() { return rules_; }
  // Every word of every `needs` line (they must be in the vocabulary to be found as tokens).
  std::vector<std::string> needs_words() const;
  // Word -> symbol from `symbol` lines (later lines override earlier ones): a letter, a digit,
  // or for a named symbol ("symbol COPULA is are") its byte, 0x80 + its index.
  const std::map<std::string, char, std::less<>>& symbol_words() const { return symbol_words_; }
  // Every word that a later `symbol` line gave another symbol than an earlier one, as "word: X
  // (file:line) -> Y (file:line)": an extra rule file may mean to, the default files never do.
  const std::vector<std::string>& symbol_overrides() const { return symbol_overrides_; }
  // Named symbols ("symbol COPULA ...") -> their byte.
  const std::map<std::string, unsigned char, std::less<>>& symbol_names() const {
    return symbol_names_;
  }
  // The symbols (digits and named symbols' bytes) given only to tokens that are not
  // capitalised (`lower` lines).
  const std::set<unsigned char>& lower_symbols() const { return lower_symbols_; }
  // ... and those given only to capitalised tokens (`upper` lines).
  const std::set<unsigned char>& upper_symbols() const { return upper_symbols_; }
  const std::map<std::string, std::string, std::less<>>& macros() const { return macros_; }
  // Words of `class` lines, as written, with their class symbol (0x80 + the class's index, then
  // control characters 0x01-0x08 and 0x0B-0x1F), in
  // file order: a word listed again ends with its last class.
  const std::vector<std::pair<std::string, unsigned char>>& class_words() const {
    return class_words_;
  }

 private:
  std::string Expand(const std::string& file, std::size_t line, std::size_t column,
                     std::string_view pattern) const;
  std::vector<RuleSpec> rules_;
  std::map<std::string, std::string, std::less<>> macros_;
  std::set<std::string, std::less<>> defined_;  // names given by `define` lines
  std::map<std::string, char, std::less<>> symbol_words_;
  std::map<std::string, std::string, std::less<>> symbol_origins_;  // word -> "X (file:line)"
  std::vector<std::string> symbol_overrides_;
  std::map<std::string, unsigned char, std::less<>> classes_;       // class name -> symbol
  std::map<std::string, unsigned char, std::less<>> symbol_names_;  // named symbol -> byte
  std::set<unsigned char> lower_symbols_;
  std::set<unsigned char> upper_symbols_;
  std::vector<std::pair<std::string, unsigned char>> class_words_;
};

}  // namespace nerkit::internal
