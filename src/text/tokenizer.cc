#include "text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "nerkit/error.h"
#include "text/utf8.h"

namespace nerkit::text {

std::string_view ShapeName(Shape shape) {
  switch (shape) {
    case Shape::kCapitalized:
      return "Xxxx";
    case Shape::kAllCaps:
      return "XX";
    case Shape::kInitial:
      return "X";
    case Shape::kLower:
      return "x";
    case Shape::kUncased:
      return "u";
    case Shape::kNumber:
      return "d";
    case Shape::kAlnum:
      return "xd";
    case Shape::kPunct:
      return "p";
    case Shape::kSymbol:
      return "s";
    case Shape::kOther:
      return "o";
  }
  return "o";
}

Mark MarkOf(std::string_view s) {
  if (s.size() == 1) {
    switch (s[0]) {
      case '.':
        return Mark::kPeriod;
      case ',':
        return Mark::kComma;
      case '-':
        return Mark::kHyphen;
      case '(':
      case '[':
        return Mark::kOpenBracket;
      case ')':
      case ']':
        return Mark::kCloseBracket;
      case '"':
        return Mark::kQuote;
      case '\'':
        return Mark::kApostrophe;
      case '&':
        return Mark::kAmpersand;
      case ':':
        return Mark::kColon;
      case ';':
        return Mark::kSemicolon;
      case '/':
        return Mark::kSlash;
      case '$':
      case '#':
        return Mark::kDollar;
      case '%':
        return Mark::kPercent;
      case '!':
      case '?':
        return Mark::kExclamation;
      default:
        return Mark::kOther;
    }
  }
  if (s == "\xE2\x80\x90" || s == "\xE2\x80\x91") return Mark::kUnicodeHyphen;
  if (s == "\xE2\x80\x93" || s == "\xE2\x80\x94") return Mark::kDash;
  if (s == "\xE2\x80\x9C" || s == "\xC2\xAB") return Mark::kOpenQuote;
  if (s == "\xE2\x80\x9D" || s == "\xC2\xBB") return Mark::kCloseQuote;
  if (s == "\xE2\x80\x98") return Mark::kOpenSingleQuote;
  if (s == "\xE2\x80\x99") return Mark::kCloseSingleQuote;
  if (s == "\xC2\xA3" || s == "\xE2\x82\xAC" || s == "\xC2\xA5") return Mark::kCurrency;
  if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) return Mark::kOther;
  // One code point with the Sentence_Terminal property (。 ؟ । ...), or an ellipsis.
  std::size_t pos = 0;
  const auto cp = static_cast<UChar32>(DecodeAt(s, pos));
  if (pos == s.size() && (cp == 0x2026 || u_hasBinaryProperty(cp, UCHAR_S_TERM))) {
    return Mark::kOtherTerminal;
  }
  return Mark::kOther;
}

namespace {

// ICU break iterators are expensive to build from their rules and cheap to clone, so each
// process builds one prototype and every Tokenizer clones it.
struct Prototypes {
  std::unique_ptr<icu::BreakIterator> word;
  UErrorCode status = U_ZERO_ERROR;
  std::mutex mutex;  // clone() is called under it

  Prototypes() {
    word.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  }
};

Prototypes& GetPrototypes() {
  static Prototypes prototypes;
  return prototypes;
}

// Abbreviations after which a period never ends a sentence (titles and ranks).
const std::unordered_set<std::string_view>& AlwaysJoin() {
  static const std::unordered_set<std::string_view> set = {
      "mr",   "mrs",   "ms",     "dr",   "prof", "gen",     "brig",   "col",    "lt",   "sgt",
      "capt", "maj",   "adm",    "cmdr", "gov",  "sen",     "rep",    "rev",    "st",   "mt",
      "ft",   "hon",   "messrs", "mme",  "mlle", "lieut",   "cpl",    "pvt",    "supt", "insp",
      "det",  "vs",    "v",      "e.g",  "i.e",  "cf",      "atty",   "gens",   "sens", "reps",
      "amb",  "pres",  "sgts",   "cols", "lts",  "maj-gen", "lt-gen", "approx", "est",  "dept",
      "govt", "mssrs", "fr",     "sr.",  "nos",  "fig",     "figs",   "eq",     "ca"};
  return set;
}

// Abbreviations after which a period does not end a sentence when a number follows.
const std::unordered_set<std::string_view>& JoinBeforeNumber() {
  static const std::unordered_set<std::string_view> set = {
      "jan", "feb", "mar", "apr", "jun", "jul", "aug",  "sep", "sept", "oct", "nov", "dec",
      "no",  "nr",  "vol", "art", "p",   "pp",  "para", "ch",  "sec",  "tel", "ext", "op"};
  return set;
}

// Abbreviations that often end a sentence too: a period after them ends one only when the next
// word is one that starts sentences.
const std::unordered_set<std::string_view>& JoinUnlessStarter() {
  static const std::unordered_set<std::string_view> set = {
      "inc", "corp", "co",  "ltd", "jr",  "sr",  "bros", "plc", "llc",  "etc", "cos", "intl",
      "pty", "sdn", "bhd", "tbk", "kft", "zrt", "nyrt", "ltda", "cía",
      "jan", "feb",  "mar", "apr", "jun", "jul", "aug",  "sep", "sept", "oct", "nov", "dec"};
  return set;
}

// Capitalised words that typically start a sentence: after an ambiguous abbreviation ("U.S.",
// "Inc.") such a word means a new sentence.
const std::unordered_set<std::string_view>& SentenceStarters() {
  static const std::unordered_set<std::string_view> set = {
      "the",     "a",         "an",      "he",      "she",    "it",      "they",      "we",
      "i",       "you",       "but",     "and",     "or",     "so",      "yet",       "in",
      "on",      "at",        "for",     "from",    "with",   "by",      "as",        "if",
      "when",    "while",     "after",   "before",  "since",  "because", "although",  "though",
      "however", "meanwhile", "also",    "this",    "that",   "these",   "those",     "there",
      "here",    "his",       "her",     "their",   "its",    "our",     "my",        "your",
      "some",    "many",      "most",    "few",     "all",    "both",    "each",      "no",
      "not",     "one",       "two",     "three",   "other",  "others",  "what",      "who",
      "which",   "where",     "why",     "how",     "then",   "now",     "still",     "earlier",
      "later",   "last",      "next",    "instead", "even",   "only",    "such",      "officials",
      "police",  "analysts",  "critics", "people",  "mr",     "mrs",     "ms",        "dr",
      "during",  "under",     "until",   "despite", "among",  "about",   "according", "to",
      "of",      "more",      "several", "another", "nearly", "about",   "over"};
  return set;
}

bool IsWhiteSpaceCodePoint(UChar32 cp) {
  return u_isUWhiteSpace(cp) || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0xFEFF ||
         cp == 0x200B;
}

bool IsLineBreak(UChar32 cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0085 || cp == 0x2028 || cp == 0x2029 || cp == '\f' ||
         cp == '\v';
}

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Shape and flags of the token text[b, e).
void Classify(std::string_view text, std::uint32_t b, std::uint32_t e, Token& token) {
  int upper = 0, lower = 0, uncased = 0, digits = 0;
  int first_letter = 0;  // 1 upper, 2 lower, 3 uncased
  UChar32 first_cp = -1;
  bool non_ascii = false;
  std::size_t pos = b;
  while (pos < e) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    UChar32 cp;
    if (c < 0x80) {
      cp = c;
      ++pos;
      if (c >= 'A' && c <= 'Z') {
        ++upper;
        if (!first_letter) first_letter = 1;
      } else if (c >= 'a' && c <= 'z') {
        ++lower;
        if (!first_letter) first_letter = 2;
      } else if (c >= '0' && c <= '9') {
        ++digits;
      }
    } else {
      non_ascii = true;
      cp = static_cast<UChar32>(DecodeAt(text, pos));
      if (u_isUUppercase(cp) || u_istitle(cp)) {
        ++upper;
        if (!first_letter) first_letter = 1;
      } else if (u_isULowercase(cp)) {
        ++lower;
        if (!first_letter) first_letter = 2;
      } else if (u_isalpha(cp)) {
        ++uncased;
        if (!first_letter) first_letter = 3;
      } else if (u_isdigit(cp)) {
        ++digits;
      }
    }
    if (first_cp < 0) first_cp = cp;
  }
  std::uint16_t flags = 0;
  if (non_ascii) flags |= kNonAscii;
  if (upper) flags |= kHasUpper;
  if (lower) flags |= kHasLower;
  if (digits) flags |= kHasDigit;
  const int letters = upper + lower + uncased;
  if (letters || digits) flags |= kWord;
  Shape shape;
  if (!letters && !digits) {
    const int type =
        first_cp < 0 ? static_cast<int>(U_UNASSIGNED) : static_cast<int>(u_charType(first_cp));
    switch (type) {
      case U_DASH_PUNCTUATION:
      case U_START_PUNCTUATION:
      case U_END_PUNCTUATION:
      case U_CONNECTOR_PUNCTUATION:
      case U_OTHER_PUNCTUATION:
      case U_INITIAL_PUNCTUATION:
      case U_FINAL_PUNCTUATION:
        shape = Shape::kPunct;
        break;
      case U_MATH_SYMBOL:
      case U_CURRENCY_SYMBOL:
      case U_MODIFIER_SYMBOL:
      case U_OTHER_SYMBOL:
        shape = Shape::kSymbol;
        break;
      default:
        shape = (first_cp >= 0x1F000) ? Shape::kSymbol : Shape::kOther;
        break;
    }
  } else if (!letters) {
    shape = Shape::kNumber;
  } else if (digits) {
    shape = Shape::kAlnum;
  } else if (first_letter == 1) {
    if (lower == 0 && uncased == 0) {
      shape = upper >= 2 ? Shape::kAllCaps : Shape::kInitial;
    } else {
      shape = Shape::kCapitalized;
    }
  } else if (first_letter == 2) {
    shape = Shape::kLower;
  } else {
    shape = Shape::kUncased;
  }
  token.shape = shape;
  token.flags = static_cast<std::uint16_t>(token.flags | flags);
}

// Length in bytes of a possessive suffix ('s, ’s) at the end of text[b, e) that follows a
// letter, or 0.
std::uint32_t PossessiveSuffix(std::string_view text, std::uint32_t b, std::uint32_t e) {
  if (e - b < 3) return 0;
  const unsigned char last = static_cast<unsigned char>(text[e - 1]);
  if (last != 's' && last != 'S') return 0;
  std::uint32_t apostrophe = 0;
  if (text[e - 2] == '\'') {
    apostrophe = 1;
  } else if (e - b >= 5 && text.substr(e - 4, 3) == "\xE2\x80\x99") {
    apostrophe = 3;
  } else {
    return 0;
  }
  const std::uint32_t stem_end = e - 1 - apostrophe;
  if (stem_end <= b) return 0;
  const unsigned char before = static_cast<unsigned char>(text[stem_end - 1]);
  if (!IsAsciiLetter(before) && before < 0x80) return 0;
  return apostrophe + 1;
}

}  // namespace

namespace {

bool IsAsciiText(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Unicode word-break classes of ASCII characters (UAX #29).
enum class AsciiClass : std::uint8_t {
  kLetter,
  kDigit,
  kExtendNumLet,
  kMidNumLet,
  kMidNum,
  kSpace,
  kCR,
  kLF,
  kOther
};

constexpr AsciiClass ComputeClass(unsigned char c) {
  // ICU's word rules count "@" as a letter, so that an e-mail address is one word.
  if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '@') return AsciiClass::kLetter;
  if (c >= '0' && c <= '9') return AsciiClass::kDigit;
  switch (c) {
    case '_':
      return AsciiClass::kExtendNumLet;
    case '.':
    case '\'':
      return AsciiClass::kMidNumLet;  // with the apostrophe (Single_Quote)
    case ',':
    case ';':
      return AsciiClass::kMidNum;
    case ' ':
      return AsciiClass::kSpace;
    case '\r':
      return AsciiClass::kCR;
    case '\n':
      return AsciiClass::kLF;
    default:
      return AsciiClass::kOther;
  }
}

constexpr std::array<AsciiClass, 256> kAsciiClasses = [] {
  std::array<AsciiClass, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = ComputeClass(static_cast<unsigned char>(c));
  return table;
}();

inline AsciiClass ClassOf(unsigned char c) { return kAsciiClasses[c]; }

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The first byte at or after `pos` that is not ASCII, or text.size().
std::size_t FindNonAscii(std::string_view text, std::size_t pos) {
  const std::size_t n = text.size();
  const char* s = text.data();
  while (pos + 8 <= n) {
    std::uint64_t word;
    std::memcpy(&word, s + pos, 8);
    const std::uint64_t high = word & 0x8080808080808080ull;
    if (high != 0) return pos + static_cast<std::size_t>(__builtin_ctzll(high) / 8);
    pos += 8;
  }
  while (pos < n && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
  return pos;
}

// Whether ICU's word-break rules put a boundary at `pos` (0 < pos < size) whatever the text
// around it holds: the bytes on both sides are ASCII and exactly one of them is white space. No
// rule of UAX #29 joins white space to a letter, digit or punctuation mark, and the rules that
// look a character ahead or behind (a period between letters, a comma between digits) find white
// space there, so ICU segments the text on each side of such a boundary as it would the whole.
bool CertainBoundary(std::string_view text, std::size_t pos) {
  const auto a = static_cast<unsigned char>(text[pos - 1]);
  const auto b = static_cast<unsigned char>(text[pos]);
  return (a | b) < 0x80 && IsAsciiSpace(a) != IsAsciiSpace(b);
}

// Non-ASCII characters the fast path reads itself, by their Word_Break property (taken from ICU
// when first needed): those of U+0080-U+00BF and U+2000-U+20BF that ICU's rules treat as "." is
// treated between letters (MidNumLet: the curly apostrophes ‘ ’), and those that are always a
// segment of their own (Word_Break Other and not pictographic: curly quotes, dashes, the
// ellipsis, currency signs, the no-break space) as long as no combining mark follows them.
// Letters, marks, spaces that run together and everything else go to ICU.
enum class Known : std::uint8_t { kNo, kMidNumLet, kAlone };

struct KnownTables {
  std::array<Known, 64> latin{};     // U+0080-U+00BF (C2 80-BF)
  std::array<Known, 192> general{};  // U+2000-U+20BF (E2 80-82 80-BF)

  static Known Of(UChar32 cp) {
    const auto wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
    if (wb == U_WB_MIDNUMLET) return Known::kMidNumLet;
    if (wb == U_WB_OTHER && !u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) {
      return Known::kAlone;
    }
    return Known::kNo;
  }
  KnownTables() {
    for (int k = 0; k < 64; ++k) latin[k] = Of(0x80 + k);
    for (int k = 0; k < 192; ++k) general[k] = Of(0x2000 + k);
  }
};

const KnownTables& KnownChars() {
  static const KnownTables tables;
  return tables;
}

// The kind of the known character at s[pos] (not ASCII) and its length in bytes, or kNo.
inline Known KnownAt(const KnownTables& k, const unsigned char* s, std::size_t pos, std::size_t end,
                     std::size_t& length) {
  const unsigned char c = s[pos];
  if (c == 0xC2 && pos + 1 < end && (s[pos + 1] & 0xC0) == 0x80) {
    length = 2;
    return k.latin[s[pos + 1] & 0x3F];
  }
  if (c == 0xE2 && pos + 2 < end && s[pos + 1] >= 0x80 && s[pos + 1] <= 0x82 &&
      (s[pos + 2] & 0xC0) == 0x80) {
    length = 3;
    return k.general[static_cast<std::size_t>((s[pos + 1] & 0x3F) << 6 | (s[pos + 2] & 0x3F))];
  }
  return Known::kNo;
}

// The first byte at or after `pos` that is neither ASCII nor a known character the fast path
// reads (a known character of its own segment counts only when what follows it is ASCII or
// known: a combining mark after it would join it), or text.size().
std::size_t FindUnknown(std::string_view text, std::size_t pos) {
  const KnownTables& known = KnownChars();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  while (true) {
    pos = FindNonAscii(text, pos);
    if (pos == n) return n;
    std::size_t length = 0;
    if (KnownAt(known, s, pos, n, length) == Known::kNo) return pos;
    const std::size_t next = pos + length;
    if (next < n && s[next] >= 0x80) {
      std::size_t after = 0;
      if (KnownAt(known, s, next, n, after) == Known::kNo) return pos;
    }
    pos = next;
  }
}

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> word;
  UText* utext = nullptr;
  Folder folder;

  ~Impl() {
    if (utext) utext_close(utext);
  }
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
  Prototypes& p = GetPrototypes();
  if (U_FAILURE(p.status) || !p.word) {
    throw Error(std::string("nerkit: cannot create an ICU word break iterator: ") +
                u_errorName(p.status));
  }
  std::lock_guard<std::mutex> lock(p.mutex);
  impl_->word.reset(p.word->clone());
  if (!impl_->word) throw Error("nerkit: cannot clone the ICU word break iterator");
}

Tokenizer::~Tokenizer() = default;

Folder& Tokenizer::folder() { return impl_->folder; }

bool IsCamelCase(std::string_view word) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (word.size() < 5 || !upper(word[0])) return false;
  std::size_t k = 1;
  while (k < word.size() && lower(word[k])) ++k;
  // (Or a short abbreviation in capitals after the lower-case letters: "GreenID", "PetroSA".)
  const bool capitals_end =
      k >= 3 && word.size() - k >= 2 && word.size() - k <= 3 &&
      std::all_of(word.begin() + static_cast<std::ptrdiff_t>(k), word.end(), upper);
  if (!capitals_end &&
      (k < 3 || k + 1 >= word.size() || !upper(word[k]) || !lower(word[k + 1]))) {
    return false;
  }
  // (Also months run together in tables of figures: "JulAug", "NovDec".)
  static constexpr std::string_view kNamePrefixes[] = {
      "Mac", "Fitz", "Van", "Von", "Vander", "Della", "Del", "Den", "Der", "Ten",
      "Ter", "Dos",  "Das", "Las", "Los",    "Jan",   "Feb", "Mar", "Apr", "May",
      "Jun", "Jul",  "Aug", "Sep", "Sept",   "Oct",   "Nov", "Dec"};
  const std::string_view prefix = word.substr(0, k);
  return std::find(std::begin(kNamePrefixes), std::end(kNamePrefixes), prefix) ==
         std::end(kNamePrefixes);
}

bool IsAbbreviation(std::string_view fold) {
  return AlwaysJoin().contains(fold) || JoinUnlessStarter().contains(fold);
}

bool IsSentenceEndingAbbreviation(std::string_view fold) {
  return JoinUnlessStarter().contains(fold);
}

bool PeriodEndsSentence(const std::vector<Token>& tokens, std::size_t period) {
  const std::size_t next = period + 1;
  return next >= tokens.size() ||
         (tokens[next].Has(kSentenceStart) &&
          (tokens[next].IsWord() || tokens[next].Has(kNewlineBefore)));
}

namespace {

// Whether word `k`, written in lower case, is an Irish surname in its mutated form after its
// particle, which the text capitalises at its second letter: "Ó hAilpín", "Ní hÉalaithe", "Mac an
// tSaoi", "Ó nGallchóir", "Nic an bhFir" (h, n or t before a vowel, t before S; m, g, n, bh, d, b
// and bh eclipsing B, C, D and G, F, T, P). It is a capitalised name word there.
bool IrishMutatedName(std::string_view text, const std::vector<Token>& tokens, std::size_t k) {
  const Token& t = tokens[k];
  if (t.end - t.begin < 3 || !t.Has(kSpaceBefore) || k == 0) return false;
  const std::string_view word = text.substr(t.begin, t.end - t.begin);
  // (Words in camel case stop here, their second letter in lower case: "iPhone", "eBay".)
  const auto second = static_cast<unsigned char>(word[1]);
  const auto third = static_cast<unsigned char>(word[2]);
  if (!((second >= 'A' && second <= 'Z') || second == 0xC3 || (second == 'h' && third == 'F'))) {
    return false;
  }
  auto word_at = [&](std::size_t j) {
    return tokens[j].IsWord() ? text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin)
                              : std::string_view();
  };
  auto particle = [](std::string_view w) {
    return w == "\xC3\x93" || w == "N\xC3\xAD" || w == "U\xC3\xAD" || w == "Nic" || w == "Mhic" ||
           w == "Ua";
  };
  const std::string_view before = word_at(k - 1);
  const bool after_article = (before == "an" || before == "na") && k >= 2 &&
                             (particle(word_at(k - 2)) || word_at(k - 2) == "Mac");
  if (!particle(before) && !after_article) return false;
  // The upper-case letter after the prefix: A-Z, or Á É Í Ó Ú (C3 81, 89, 8D, 93, 9A).
  auto upper_at = [&](std::size_t i) {
    if (i >= word.size()) return false;
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c != 0xC3 || i + 1 >= word.size()) return false;
    const auto d = static_cast<unsigned char>(word[i + 1]);
    return d == 0x81 || d == 0x89 || d == 0x8D || d == 0x93 || d == 0x9A;
  };
  auto vowel_at = [&](std::size_t i) {
    if (!upper_at(i)) return false;
    const char c = word[i];
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == '\xC3';
  };
  switch (word[0]) {
    case 'h':
    case 'n':
      return vowel_at(1) || (word[0] == 'n' && (word[1] == 'D' || word[1] == 'G'));
    case 't':
      return vowel_at(1) || word[1] == 'S';
    case 'm':
      return word[1] == 'B';
    case 'g':
      return word[1] == 'C';
    case 'd':
      return word[1] == 'T';
    case 'b':
      return word[1] == 'P' || (word[1] == 'h' && word[2] == 'F');
    default:
      return false;
  }
}

// Where a sentence may end before token `next`, by the Unicode sentence-break rules in
// outline: at a line break, and after terminal punctuation (with the closing quotes and brackets
// attached to it) that white space follows, unless a lower-case word goes on after a period.
bool PossibleBoundary(const std::vector<Token>& tokens, std::size_t next) {
  const Token& n = tokens[next];
  if (n.Has(kNewlineBefore)) return true;
  if (!n.Has(kSpaceBefore)) return false;
  std::size_t j = next - 1;
  while (j > 0 && !tokens[j].Has(kSpaceBefore) && IsClosingMark(tokens[j].mark)) --j;
  if (!IsTerminalMark(tokens[j].mark)) return false;
  if (tokens[j].Is(Mark::kPeriod) && n.shape == Shape::kLower) return false;
  return true;
}

// Whether a possible sentence boundary before token `next` stands.
bool KeepBoundary(const TokenizedText& out, std::size_t next) {
  const std::vector<Token>& tokens = out.tokens;
  const Token& n = tokens[next];
  if (n.Has(kParagraphBefore)) return true;
  const Token& prev = tokens[next - 1];
  if (prev.Is(Mark::kPeriod) && next >= 2) {
    // A period at the end of a line ends the sentence ("... in the U.S.\nTeenager ...").
    if (n.Has(kNewlineBefore)) return true;
    const Token& w = tokens[next - 2];
    if (w.end != prev.begin || !w.IsWord()) return true;  // "said ." or "... ."
    const std::string_view word = out.Fold(w);
    if (AlwaysJoin().contains(word)) return false;
    // (A currency sign before its amount counts as the number: "Corp. $4.2 million".)
    const bool number_next = n.shape == Shape::kNumber || n.shape == Shape::kAlnum ||
                             n.Is(Mark::kDollar) || n.Is(Mark::kCurrency);
    if (JoinBeforeNumber().contains(word) && number_next) return false;
    const bool ambiguous =
        w.shape == Shape::kInitial || (w.key_len <= 1 && w.shape == Shape::kLower) ||
        word.find('.') != std::string_view::npos || JoinUnlessStarter().contains(word);
    if (ambiguous) {
      if (n.shape == Shape::kLower || number_next) return false;
      // An initial before another initial goes on to the name, even one that is also a word
      // that starts sentences: "E. T. A. Hoffmann", "W. E. B. Du Bois".
      if (w.shape == Shape::kInitial && n.key_len == 1 && n.IsCapitalized() &&
          next + 1 < tokens.size() && tokens[next + 1].Is(Mark::kPeriod) &&
          !tokens[next + 1].Has(kSpaceBefore)) {
        return false;
      }
      if (n.IsCapitalized()) return SentenceStarters().contains(out.Fold(n));
      // An initial before a nickname in quotes goes on to the name: J. D. "Jay" Kennedy.
      if (w.shape == Shape::kInitial && IsQuoteMark(n.mark) && next + 3 < tokens.size() &&
          tokens[next + 1].IsCapitalized() && !tokens[next + 1].Has(kSpaceBefore) &&
          IsQuoteMark(tokens[next + 2].mark) && !tokens[next + 2].Has(kSpaceBefore) &&
          tokens[next + 3].IsCapitalized()) {
        return false;
      }
      return true;  // quotes, brackets: a new sentence
    }
    return true;
  }
  // A break that ICU took at a single line break inside running text (a hard-wrapped line)
  // does not end the sentence when the line did not end with terminal punctuation and the next
  // line goes on in lower case.
  if (n.Has(kNewlineBefore) && n.shape == Shape::kLower) {
    if (prev.shape != Shape::kPunct) return false;
    if (prev.Is(Mark::kComma) || prev.Is(Mark::kHyphen) || prev.Is(Mark::kOpenBracket)) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Tokenizer::Tokenize(std::string_view text, TokenizedText& out, bool sentences) {
  out.Clear();
  SegmentState state;
  const std::size_t n = text.size();
  std::size_t pos = 0;
  while (pos < n) {
    const std::size_t first = FindUnknown(text, pos);
    if (first == n) {
      AddAsciiSegments(text, pos, n, state, out);
      break;
    }
    // ICU reads the stretch from the last certain boundary before the first character the fast
    // path does not read to the first certain boundary after it (taking in further such
    // characters that follow within a short distance, so that a text with many of them is not
    // cut into many ICU calls).
    std::size_t begin = first;
    while (begin > pos && !CertainBoundary(text, begin)) --begin;
    AddAsciiSegments(text, pos, begin, state, out);
    std::size_t end = first + 1;
    while (true) {
      while (end < n && !CertainBoundary(text, end)) ++end;
      if (end == n) break;
      const std::size_t next = FindUnknown(text, end);
      if (next == n || next - end > kIcuMergeGap) break;
      end = next + 1;
    }
    AddIcuSegments(text, begin, end, state, out);
    pos = end;
  }
  Finish(text, out, sentences);
}

void Tokenizer::TokenizeWithIcu(std::string_view text, TokenizedText& out, bool sentences) {
  out.Clear();
  SegmentState state;
  AddIcuSegments(text, 0, text.size(), state, out);
  Finish(text, out, sentences);
}

void Tokenizer::AddIcuSegments(std::string_view text, std::size_t begin, std::size_t end,
                               SegmentState& state, TokenizedText& out) {
  if (begin >= end) return;
  Impl& impl = *impl_;
  UErrorCode status = U_ZERO_ERROR;
  impl.utext =
      utext_openUTF8(impl.utext, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  if (U_FAILURE(status)) throw Error(std::string("nerkit: ICU utext: ") + u_errorName(status));
  impl.word->setText(impl.utext, status);
  if (U_FAILURE(status)) throw Error(std::string("nerkit: ICU setText: ") + u_errorName(status));
  std::uint32_t prev = 0;
  const auto size = static_cast<std::uint32_t>(end - begin);
  const auto base = static_cast<std::uint32_t>(begin);
  for (int32_t boundary = impl.word->next(); boundary != icu::BreakIterator::DONE;
       boundary = impl.word->next()) {
    const std::uint32_t b = prev;
    const auto e = static_cast<std::uint32_t>(boundary);
    prev = e;
    if (e <= b || e > size) continue;
    AddSegment(text, base + b, base + e, state, out);
  }
}

void Tokenizer::TokenizeName(std::string_view text, TokenizedText& out) {
  if (!IsAsciiText(text)) {
    Tokenize(text, out, /*sentences=*/false);
    return;
  }
  out.Clear();
  SegmentState state;
  AddAsciiSegments(text, 0, text.size(), state, out);
  Finish(text, out, /*sentences=*/false);
}

void Tokenizer::AddSegment(std::string_view text, std::uint32_t b, std::uint32_t e,
                           SegmentState& state, TokenizedText& out) {
  std::uint16_t& pending = state.pending;
  int& newlines = state.newlines;
  // White space? (A single space is most common; then ASCII, then code point by code point.)
  const unsigned char c0 = static_cast<unsigned char>(text[b]);
  if (c0 == ' ' && e == b + 1) {
    pending |= kSpaceBefore;
    return;
  }
  bool space = false;
  if (c0 == ' ' || c0 == '\n' || c0 == '\r' || c0 == '\t' || c0 >= 0x80 || c0 == '\f' ||
      c0 == '\v') {
    space = true;
    int lines = 0;
    std::size_t pos = b;
    while (pos < e) {
      const unsigned char c = static_cast<unsigned char>(text[pos]);
      UChar32 cp;
      if (c < 0x80) {
        cp = c;
        ++pos;
      } else {
        cp = static_cast<UChar32>(DecodeAt(text, pos));
      }
      if (!IsWhiteSpaceCodePoint(cp)) {
        space = false;
        break;
      }
      if (IsLineBreak(cp)) {
        // CR LF counts once; a form feed or paragraph separator counts as a blank line.
        if (cp == '\r' && pos < e && text[pos] == '\n') ++pos;
        lines += (cp == '\f' || cp == 0x2029) ? 2 : 1;
      }
    }
    if (space) {
      // A BOM or zero-width space is not a separator between words.
      if (!(e - b == 3 &&
            (text.substr(b, 3) == "\xEF\xBB\xBF" || text.substr(b, 3) == "\xE2\x80\x8B"))) {
        pending |= kSpaceBefore;
      }
      newlines += lines;
      return;
    }
  }
  std::uint16_t flags = pending;
  if (newlines >= 1) flags |= kNewlineBefore;
  if (newlines >= 2) flags |= kParagraphBefore;
  pending = 0;
  newlines = 0;
  const std::uint32_t suffix = PossessiveSuffix(text, b, e);
  const std::uint32_t parts[2][2] = {{b, e - suffix}, {e - suffix, e}};
  for (int part = 0; part < (suffix ? 2 : 1); ++part) {
    Token token;
    token.begin = parts[part][0];
    token.end = suffix ? parts[part][1] : e;
    token.flags = part == 0 ? flags : static_cast<std::uint16_t>(kPossessive);
    Classify(text, token.begin, token.end, token);
    const std::string_view piece = text.substr(token.begin, token.end - token.begin);
    if (!token.IsWord()) token.mark = MarkOf(piece);
    const Folder::Span span = impl_->folder.Append(piece, out.arena);
    token.fold = span.fold;
    token.fold_len = span.fold_len;
    token.key = span.key;
    token.key_len = span.key_len;
    if (token.key_len == 3 && out.arena.compare(token.key, 3, "the") == 0) token.flags |= kThe;
    out.tokens.push_back(token);
  }
}

namespace {

// What the fast path needs to know of an ASCII byte.
enum AsciiBits : std::uint8_t {
  kUpperBit = 1,
  kLowerBit = 2,
  kDigitBit = 4,
};

struct AsciiTables {
  std::array<AsciiClass, 128> cls{};
  std::array<std::uint8_t, 128> bits{};
  std::array<char, 128> lower{};
  std::array<Shape, 128> shape{};  // of a token of this one character that is no word
  std::array<Mark, 128> mark{};

  AsciiTables() {
    for (int c = 0; c < 128; ++c) {
      cls[c] = ClassOf(static_cast<unsigned char>(c));
      if (c >= 'A' && c <= 'Z') bits[c] = kUpperBit;
      if (c >= 'a' && c <= 'z') bits[c] = kLowerBit;
      if (c >= '0' && c <= '9') bits[c] = kDigitBit;
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      Token t;
      const char ch = static_cast<char>(c);
      Classify(std::string_view(&ch, 1), 0, 1, t);
      shape[c] = t.shape;
      mark[c] = MarkOf(std::string_view(&ch, 1));
    }
  }
};

const AsciiTables& Ascii() {
  static const AsciiTables tables;
  return tables;
}

// Shape and flags of a word from five facts of its letters and digits, as Classify gives them for
// ASCII: bit 0 any upper case, 1 any lower case, 2 any digit, 3 upper case first among its
// letters, 4 two upper case letters or more (the word's case index, see AddCase).
struct WordShape {
  Shape shape;
  std::uint16_t flags;
};
constexpr std::array<WordShape, 32> kWordShapes = [] {
  std::array<WordShape, 32> table{};
  for (int i = 0; i < 32; ++i) {
    const bool upper = i & 1, lower = i & 2, digits = i & 4, upper_first = i & 8, two = i & 16;
    std::uint16_t flags = 0;
    if (upper) flags |= kHasUpper;
    if (lower) flags |= kHasLower;
    if (digits) flags |= kHasDigit;
    const bool letters = upper || lower;
    if (letters || digits) flags |= kWord;
    Shape shape = Shape::kOther;
    if (!letters) {
      shape = Shape::kNumber;
    } else if (digits) {
      shape = Shape::kAlnum;
    } else if (upper_first) {
      shape = !lower ? (two ? Shape::kAllCaps : Shape::kInitial) : Shape::kCapitalized;
    } else {
      shape = Shape::kLower;
    }
    table[static_cast<std::size_t>(i)] = {shape, flags};
  }
  return table;
}();

// Adds to a word's case index (kWordShapes) its next bytes, given as masks of the same window:
// which are upper case, lower case and digits. Without a branch: whether a word has capitals is
// data the processor cannot predict.
inline void AddCase(unsigned& index, std::uint64_t u, std::uint64_t l, std::uint64_t d) {
  const std::uint64_t letters = u | l;
  const std::uint64_t first = letters & (0 - letters);  // the first letter among these bytes
  const unsigned no_letter_yet = (index & 3u) == 0;
  const unsigned any_upper = u != 0;
  index |= (no_letter_yet & static_cast<unsigned>((u & first) != 0)) << 3;
  index |= (static_cast<unsigned>((u & (u - 1)) != 0) | ((index & 1u) & any_upper)) << 4;
  index |= any_upper | static_cast<unsigned>(l != 0) << 1 | static_cast<unsigned>(d != 0) << 2;
}

// The same for one byte, given by its AsciiTables::bits.
inline void AddCaseOfByte(unsigned& index, std::uint8_t bits) {
  AddCase(index, bits & kUpperBit, (bits & kLowerBit) >> 1, (bits & kDigitBit) >> 2);
}

// Shape, flags and mark of a token from its case index (what Classify gives for ASCII); `first`
// is its first byte, `single` whether it is one byte long.
void SetShape(const AsciiTables& t, unsigned index, unsigned char first, bool single,
              Token& token) {
  if ((index & 7u) == 0) {  // punctuation, "_", "@"
    token.shape = t.shape[first];
    token.mark = single ? t.mark[first] : Mark::kOther;
    return;
  }
  const WordShape& w = kWordShapes[index];
  token.shape = w.shape;
  token.flags = static_cast<std::uint16_t>(token.flags | w.flags);
}

// Sixty-four bytes of a stretch read at once: bit k of each mask tells of the byte at `at + k`.
// Bytes past the stretch's end read as NUL (no word byte, no joiner), so a word never runs past
// it. `lowered` holds the bytes with ASCII capitals in lower case, and sixteen bytes to spare so
// that a fold is copied sixteen bytes at a time.
struct AsciiWindow {
  std::size_t at = 0;
  std::size_t until = 0;     // at + 64 (0 before the first fill)
  std::uint64_t word = 0;    // letters, digits, "_" and "@": the bytes a word is made of
  std::uint64_t upper = 0;   // A-Z
  std::uint64_t lower = 0;   // a-z
  std::uint64_t digit = 0;   // 0-9
  std::uint64_t joiner = 0;  // "." "'" "," ";" and bytes >= 0x80: where a word may go on
  alignas(16) char lowered[64 + 16] = {};

  void Fill(const unsigned char* s, std::size_t from, std::size_t end) {
    at = from;
    until = from + 64;
    const unsigned char* p = s + from;
    alignas(16) unsigned char copy[64];
    if (end - from < 64) {
      std::memset(copy, 0, sizeof copy);
      std::memcpy(copy, p, end - from);
      p = copy;
    }
    word = upper = lower = digit = joiner = 0;
#if defined(__SSE2__)
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      auto in = [&](char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
      };
      auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
      const __m128i u = in('A', 'Z');
      const __m128i l = in('a', 'z');
      const __m128i d = in('0', '9');
      const __m128i w =
          _mm_or_si128(_mm_or_si128(u, l), _mm_or_si128(d, _mm_or_si128(is('_'), is('@'))));
      const __m128i j = _mm_or_si128(
          _mm_or_si128(is('.'), is('\'')),
          _mm_or_si128(_mm_or_si128(is(','), is(';')), _mm_cmplt_epi8(v, _mm_setzero_si128())));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered + 16 * k),
                       _mm_add_epi8(v, _mm_and_si128(u, _mm_set1_epi8(0x20))));
      const unsigned shift = 16u * static_cast<unsigned>(k);
      auto bits = [&](__m128i m) {
        return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(m)))
               << shift;
      };
      word |= bits(w);
      upper |= bits(u);
      lower |= bits(l);
      digit |= bits(d);
      joiner |= bits(j);
    }
#else
    for (unsigned k = 0; k < 64; ++k) {
      const unsigned char c = p[k];
      const std::uint64_t bit = std::uint64_t{1} << k;
      const bool u = c >= 'A' && c <= 'Z';
      const bool l = c >= 'a' && c <= 'z';
      const bool d = c >= '0' && c <= '9';
      if (u) upper |= bit;
      if (l) lower |= bit;
      if (d) digit |= bit;
      if (u || l || d || c == '_' || c == '@') word |= bit;
      if (c == '.' || c == '\'' || c == ',' || c == ';' || c >= 0x80) joiner |= bit;
      lowered[k] = static_cast<char>(u ? c + 32 : c);
    }
#endif
  }
};

}  // namespace

void Tokenizer::AddAsciiSegments(std::string_view text, std::size_t begin, std::size_t end,
                                 SegmentState& state, TokenizedText& out) {
  // `end` is a certain boundary (or the end of the text), so no segment runs past it, and
  // text[begin, end) holds ASCII and known characters only (FindUnknown). Each segment is read
  // once: where it ends, its case fold and its case counts together. Where it ends follows the
  // rules of UAX #29 as ICU tailors them, for these characters (letters, "@" among them, and
  // digits join; "." "'" ‘ ’ join letters; "." "," ";" "'" ‘ ’ join digits; "_" joins both;
  // spaces run together; CR LF stays together; a known character of Word_Break Other is a
  // segment of its own), which is what ICU's word break iterator does there; tests check that
  // both give the same tokens on every string of up to four characters from a set of every kind
  // of character, on every surface of the default dictionaries and on whole articles, and
  // fuzz_tokenize on arbitrary text. White space is read a character at a time (the flags it
  // leaves are the same as for ICU's runs of it). The folds of the stretch's ASCII tokens, never
  // longer than the stretch, are written into room made for them at once; a segment with a
  // known non-ASCII character takes the general path (AddSegment).
  const AsciiTables& t = Ascii();
  const KnownTables& known = KnownChars();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::string& arena = out.arena;
  std::size_t fold = arena.size();  // where the next token's fold goes
  // (Sixteen bytes more than the folds need: a word's fold is copied sixteen bytes at a time.)
  arena.resize(fold + (end - begin) + 16);
  char* fold_base = arena.data();
  // A segment through the general path: the room for the folds is given back first and made
  // again after.
  auto general = [&](std::size_t b, std::size_t e) {
    arena.resize(fold);
    AddSegment(text, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), state, out);
    fold = arena.size();
    arena.resize(fold + (end - e) + 16);
    fold_base = arena.data();
  };
  AsciiWindow window;
  std::size_t pos = begin;
  while (pos < end) {
    const unsigned char c = s[pos];
    switch (c) {
      case ' ':
      case '\t':
        state.pending |= kSpaceBefore;
        ++pos;
        continue;
      case '\n':
      case '\v':
        state.pending |= kSpaceBefore;
        ++state.newlines;
        ++pos;
        continue;
      case '\f':
        state.pending |= kSpaceBefore;
        state.newlines += 2;
        ++pos;
        continue;
      case '\r':
        state.pending |= kSpaceBefore;
        ++state.newlines;
        pos += pos + 1 < end && s[pos + 1] == '\n' ? 2 : 1;
        continue;
      default:
        break;
    }
    if (c >= 0x80) {  // a known character, a segment of its own here
      std::size_t length = 1;
      KnownAt(known, s, pos, end, length);
      general(pos, pos + length);
      pos += length;
      continue;
    }
    const auto b = static_cast<std::uint32_t>(pos);
    unsigned case_index = 0;  // see AddCase
    char* out_fold = fold_base + fold;
    // One byte of the segment read on its own: its fold, and its case.
    auto take = [&](unsigned char ch) {
      *out_fold++ = t.lower[ch];
      AddCaseOfByte(case_index, t.bits[ch]);
    };
    // The class of the character at `at` for the rules (known non-ASCII characters join as
    // MidNumLet or not at all), with its length.
    auto class_at = [&](std::size_t at, std::size_t& length) {
      if (s[at] < 0x80) {
        length = 1;
        return t.cls[s[at]];
      }
      return KnownAt(known, s, at, end, length) == Known::kMidNumLet ? AsciiClass::kMidNumLet
                                                                     : AsciiClass::kOther;
    };
    AsciiClass last = t.cls[c];
    bool ascii = true;        // the segment holds ASCII only
    bool apostrophe = false;  // an "'" joined inside it: a possessive may end it
    std::size_t e = pos;
    if (last != AsciiClass::kLetter && last != AsciiClass::kDigit &&
        last != AsciiClass::kExtendNumLet) {
      *out_fold++ = static_cast<char>(c);  // a segment of one character, no letter or digit
      ++e;
    } else {
      // Letters, digits and "_" join; a MidNumLet between letters and a MidNumLet or MidNum
      // between digits join too. The word's bytes are found, counted and folded a window at a
      // time; only where a joiner may follow is a character looked at on its own.
      while (true) {
        if (e >= window.until) window.Fill(s, e, end);
        const auto off = static_cast<unsigned>(e - window.at);
        const std::uint64_t stop = ~(window.word >> off);  // (bits past the window read as stops)
        const unsigned run = stop ? static_cast<unsigned>(__builtin_ctzll(stop)) : 64u;
        const std::uint64_t in = (run == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << run) - 1)
                                 << off;
        AddCase(case_index, window.upper & in, window.lower & in, window.digit & in);
        for (unsigned k = 0; k < run; k += 16)
          std::memcpy(out_fold + k, window.lowered + off + k, 16);
        out_fold += run;
        e += run;
        last = t.cls[s[e - 1]];
        if (e >= end) break;
        if (e >= window.until) continue;  // the word may go on in the next window
        if (!((window.joiner >> (e - window.at)) & 1)) break;
        std::size_t length = 1;
        const AsciiClass k = class_at(e, length);
        if (e + length < end && (k == AsciiClass::kMidNumLet || k == AsciiClass::kMidNum)) {
          std::size_t after_length = 1;
          const AsciiClass next = class_at(e + length, after_length);
          const bool letters = last == AsciiClass::kLetter && next == AsciiClass::kLetter &&
                               k == AsciiClass::kMidNumLet;
          const bool digits = last == AsciiClass::kDigit && next == AsciiClass::kDigit;
          if (letters || digits) {
            if (length == 1) {
              take(s[e]);
              apostrophe |= s[e] == '\'';
            } else {
              ascii = false;
            }
            take(s[e + length]);
            e += length + 1;
            continue;
          }
        }
        break;
      }
    }
    if (!ascii) {
      general(pos, e);
      pos = e;
      continue;
    }
    pos = e;
    std::uint16_t flags = state.pending;
    if (state.newlines >= 1) flags |= kNewlineBefore;
    if (state.newlines >= 2) flags |= kParagraphBefore;
    state.pending = 0;
    state.newlines = 0;
    const auto end32 = static_cast<std::uint32_t>(e);
    const std::uint32_t suffix = apostrophe ? PossessiveSuffix(text, b, end32) : 0;
    // The token, then the possessive ('s or 'S) split off it: its shape is its stem's.
    const std::uint32_t cut = end32 - suffix;
    Token& token = out.tokens.emplace_back();
    token.begin = b;
    token.end = cut;
    token.flags = flags;
    token.fold = token.key = static_cast<std::uint32_t>(fold);
    token.fold_len = token.key_len = cut - b;
    if (suffix) {
      unsigned stem = 0;
      for (std::uint32_t k = b; k < cut; ++k) AddCaseOfByte(stem, t.bits[s[k]]);
      SetShape(t, stem, s[b], cut == b + 1, token);
    } else {
      SetShape(t, case_index, c, end32 == b + 1, token);
    }
    if (token.key_len == 3 && std::memcmp(fold_base + fold, "the", 3) == 0) token.flags |= kThe;
    fold += cut - b;
    if (suffix) {
      Token& possessive = out.tokens.emplace_back();
      possessive.begin = cut;
      possessive.end = end32;
      possessive.flags = kPossessive;
      possessive.fold = possessive.key = static_cast<std::uint32_t>(fold);
      possessive.fold_len = possessive.key_len = suffix;
      // "s": lower case only; "S": one capital, first.
      SetShape(t, s[end32 - 1] == 's' ? 2u : 9u, s[cut], false, possessive);
      fold += suffix;
    }
  }
  arena.resize(fold);
}

void Tokenizer::Finish(std::string_view text, TokenizedText& out, bool sentences) {
  const auto size = static_cast<std::uint32_t>(text.size());
  out.arena.append(TokenizedText::kArenaPadding, '\0');
  // Joiners: hyphens attached to a word on both sides, periods attached to the word before.
  {
    std::vector<Token>& tokens = out.tokens;
    for (std::size_t k = 1; k < tokens.size(); ++k) {
      Token& t = tokens[k];
      // (A word that opens in lower case and holds a capital, as a mutated Irish surname does:
      // most words stop at their flags, before their text is read.)
      if (t.shape == Shape::kLower && t.Has(kHasUpper) && IrishMutatedName(text, tokens, k)) {
        t.shape = Shape::kCapitalized;
        continue;
      }
      if (t.Has(kSpaceBefore) || t.shape != Shape::kPunct) continue;
      if (t.Is(Mark::kPeriod)) {
        if (tokens[k - 1].IsWord()) t.flags |= kJoiner;
        // The abbreviated given names of Philippine, Bangladeshi and Malaysian news ("Ma."
        // for Maria, "Md." and "Mohd." for Mohammad) before a capitalised name read as
        // initials: the period ends no sentence, and the name goes on ("Councilor Ma.
        // Cristina Villanueva-Sy", "chief engineer Md. Rezaul Karim").
        // (Not "Md." after a comma, where it is Maryland: "Baltimore, Md."; "Its president, Ma.
        // Lourdes de Guzman" is a name.)
        Token& w = tokens[k - 1];
        if (w.shape == Shape::kCapitalized && w.end == t.begin && k + 1 < tokens.size() &&
            tokens[k + 1].Has(kSpaceBefore) && !tokens[k + 1].Has(kNewlineBefore) &&
            tokens[k + 1].IsCapitalized()) {
          const std::string_view word = text.substr(w.begin, w.end - w.begin);
          const bool after_comma = k >= 2 && tokens[k - 2].Is(Mark::kComma);
          if (word == "Ma" || (word == "Md" && !after_comma) || word == "Mohd" || word == "Muhd") {
            w.shape = Shape::kInitial;
          }
        }
      } else if (IsHyphenMark(t.mark)) {
        if (tokens[k - 1].IsWord() && k + 1 < tokens.size() && !tokens[k + 1].Has(kSpaceBefore) &&
            tokens[k + 1].IsWord()) {
          t.flags |= kJoiner;
        }
      }
    }
  }

  if (!sentences || out.tokens.empty()) {
    out.sentences.push_back(Sentence{0, static_cast<std::uint32_t>(out.tokens.size()), 0, size});
    if (!out.tokens.empty()) out.tokens[0].flags |= kSentenceStart;
    return;
  }

  // Sentences: a boundary may fall at a line break, or after terminal punctuation (and the
  // closing quotes or brackets attached to it) followed by white space; KeepBoundary then keeps
  // it or not.
  std::vector<Token>& tokens = out.tokens;
  std::uint32_t start = 0;
  auto close = [&](std::uint32_t end_token) {
    Sentence s;
    s.token_begin = start;
    s.token_end = end_token;
    s.begin = tokens[start].begin;
    s.end = tokens[end_token - 1].end;
    const auto index = static_cast<std::uint32_t>(out.sentences.size());
    for (std::uint32_t t = start; t < end_token; ++t) tokens[t].sentence = index;
    tokens[start].flags |= kSentenceStart;
    out.sentences.push_back(s);
    start = end_token;
  };
  for (std::uint32_t i = 1; i < tokens.size(); ++i) {
    if (PossibleBoundary(tokens, i) && KeepBoundary(out, i)) close(i);
  }
  close(static_cast<std::uint32_t>(tokens.size()));
}

}  // namespace nerkit::text
