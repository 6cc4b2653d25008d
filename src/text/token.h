// Tokens and sentences: what the text layer hands to every later stage.
#pragma once

#include <cstdint>
#include <string_view>

namespace nerkit::text {

// The written form of a token, from its letters and digits.
enum class Shape : std::uint8_t {
  kCapitalized,  // Xxxx: first letter upper case, some lower case (Sirte, McDonald, O'Brien)
  kAllCaps,      // XX: two or more letters, all upper case (BENGHAZI, U.S, AP)
  kInitial,      // X: a single upper-case letter (J in "J. R. R.")
  kLower,        // x: starts with a lower-case letter (city, al, iPhone)
  kUncased,      // letters without case (Arabic, Chinese)
  kNumber,       // d: digits, with inner , or . (2024, 3,000, 1.5)
  kAlnum,        // letters and digits (F16, 52s, 1990s)
  kPunct,        // punctuation (. , - — “ ( ')
  kSymbol,       // symbols and emoji ($ % + ©)
  kOther,        // control characters, invalid bytes
};

// Returns "Xxxx", "XX", "X", "x", "u", "d", "xd", "p", "s" or "o".
std::string_view ShapeName(Shape shape);

// Token flag bits.
enum TokenFlag : std::uint16_t {
  kSpaceBefore = 1 << 0,      // white space separates it from the previous token
  kNewlineBefore = 1 << 1,    // a line break separates it from the previous token
  kParagraphBefore = 1 << 2,  // a blank line (two or more line breaks) precedes it
  kSentenceStart = 1 << 3,    // first token of a sentence
  kNonAscii = 1 << 4,         // contains non-ASCII bytes
  kWord = 1 << 5,             // contains a letter or digit
  kHasUpper = 1 << 6,
  kHasLower = 1 << 7,
  kHasDigit = 1 << 8,
  kPossessive = 1 << 9,  // the 's / ’s split off a word ("Libya’s" -> "Libya" + "’s")
  kJoiner = 1 << 10,     // a hyphen between two words ("al-Ghasri") or a period after a word
                         // ("U.S.", "St."), with no space before it: not a step of a name
  kThe = 1 << 11,        // the word "the" (skipped inside names)
};

// What a punctuation token is, for the stages that read punctuation (sentence ends, the class
// strings of the rules and dates): found once, when the token is made. Word tokens are kNone.
enum class Mark : std::uint8_t {
  kNone,
  kPeriod,            // .
  kComma,             // ,
  kHyphen,            // -
  kUnicodeHyphen,     // U+2010, U+2011
  kDash,              // – —
  kOpenBracket,       // ( [
  kCloseBracket,      // ) ]
  kQuote,             // "
  kOpenQuote,         // “ «
  kCloseQuote,        // ” »
  kApostrophe,        // '
  kOpenSingleQuote,   // ‘
  kCloseSingleQuote,  // ’
  kAmpersand,         // &
  kColon,             // :
  kSemicolon,         // ;
  kSlash,             // /
  kDollar,            // $ #
  kCurrency,          // £ € ¥
  kPercent,           // %
  kExclamation,       // ! ?
  kOtherTerminal,     // … and every other character with the Sentence_Terminal property
  kOther,             // any other punctuation or symbol
};

// The mark of a token that is not a word (one code point, as ICU segments punctuation).
Mark MarkOf(std::string_view s);
inline bool IsHyphenMark(Mark m) { return m == Mark::kHyphen || m == Mark::kUnicodeHyphen; }
// A quotation mark of any kind.
inline bool IsQuoteMark(Mark m) { return m >= Mark::kQuote && m <= Mark::kCloseSingleQuote; }
// What may close a sentence after its terminal punctuation: " ' ) ] ” ’ ».
inline bool IsClosingMark(Mark m) {
  return m == Mark::kQuote || m == Mark::kApostrophe || m == Mark::kCloseBracket ||
         m == Mark::kCloseQuote || m == Mark::kCloseSingleQuote;
}
// Sentence-final punctuation: . ! ? … and the like.
inline bool IsTerminalMark(Mark m) {
  return m == Mark::kPeriod || m == Mark::kExclamation || m == Mark::kOtherTerminal;
}

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the document, half-open
  std::uint32_t end = 0;
  std::uint32_t fold = 0;  // the case-folded form: Document::arena[fold, fold + fold_len)
  std::uint32_t key = 0;   // case-folded and accent-stripped: Document::arena[key, key + key_len)
  std::uint32_t fold_len = 0;
  std::uint32_t key_len = 0;
  std::uint16_t flags = 0;
  Shape shape = Shape::kOther;
  Mark mark = Mark::kNone;
  std::uint32_t sentence = 0;  // index of its sentence
  std::int32_t vocab = -1;     // gazetteer vocabulary id of the key, -1 if unknown

  bool Has(TokenFlag flag) const { return (flags & flag) != 0; }
  bool Is(Mark m) const { return mark == m; }
  bool IsWord() const { return Has(kWord); }
  bool IsCapitalized() const {
    return shape == Shape::kCapitalized || shape == Shape::kAllCaps || shape == Shape::kInitial;
  }
};

struct Sentence {
  std::uint32_t token_begin = 0;  // tokens [token_begin, token_end)
  std::uint32_t token_end = 0;
  std::uint32_t begin = 0;  // bytes
  std::uint32_t end = 0;
};

}  // namespace nerkit::text
