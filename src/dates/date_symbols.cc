#include "dates/date_symbols.h"

#include <algorithm>
#include <string_view>

#include "text/fold.h"

namespace nerkit::internal::dates {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A run of digits by its length and value (see the header).
char DigitSymbol(std::string_view d) {
  int v = 0;
  for (char c : d.substr(0, 4)) v = v * 10 + (c - '0');
  switch (d.size()) {
    case 1:
      return v == 0 ? '0' : v <= 4 ? '1' : '5';
    case 2:
      if (v == 0) return 'o';
      if (d[0] == '0') return '2';
      return v <= 12 ? '3' : v <= 23 ? '4' : v <= 31 ? '6' : v <= 59 ? '7' : '8';
    case 3:
      return '9';
    case 4:
      if (v >= 1000 && v <= 2099) return v % 10 == 0 ? 'D' : 'Y';
      return v / 100 <= 23 && v % 100 <= 59 ? 'H' : 'N';
    default:
      return 'N';
  }
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

// A run of letters inside a token with digits.
char LetterSymbol(std::string_view run, bool after_digits) {
  if (after_digits && (EqualsIgnoreCase(run, "st") || EqualsIgnoreCase(run, "nd") ||
                       EqualsIgnoreCase(run, "rd") || EqualsIgnoreCase(run, "th"))) {
    return 't';
  }
  if (run == "s" || run == "S") return after_digits ? 's' : 'l';
  if (run == "Q") return 'q';
  if (run == "W") return 'k';
  if (run == "T") return 'T';
  return 'l';
}

// Appends symbols and their spans into arrays sized in advance (a token with digits may add
// more than one: room is made for it first).
class Writer {
 public:
  explicit Writer(DateString& out) : out_(out) {}
  void Reserve(std::size_t n) {
    if (size_ + n > out_.symbols.size()) {
      const std::size_t size = std::max(out_.symbols.size() * 2, size_ + n);
      out_.symbols.resize(size);
      out_.begin.resize(size);
      out_.end.resize(size);
    }
  }
  // Requires room (Reserve).
  void Add(char symbol, std::uint32_t begin, std::uint32_t end) {
    out_.symbols[size_] = symbol;
    out_.begin[size_] = begin;
    out_.end[size_] = end;
    ++size_;
  }
  void Finish() {
    out_.symbols.resize(size_);
    out_.begin.resize(size_);
    out_.end.resize(size_);
  }

 private:
  DateString& out_;
  std::size_t size_ = 0;
};

// The pieces of a token with digits: runs of digits, runs of letters, single other characters;
// "am", "p.m" and the like after digits are one piece.
void AddDigitToken(std::string_view text, const text::Token& tok, Writer& w) {
  w.Reserve(tok.end - tok.begin);
  std::uint32_t pos = tok.begin;
  bool after_digits = false;
  while (pos < tok.end) {
    const char c = text[pos];
    std::uint32_t e = pos + 1;
    if (static_cast<unsigned char>(c) >= 0x80) {
      // A no-break or narrow space inside the token ("3\u202Fp.m.", which ICU keeps together)
      // separates nothing; another character is one piece.
      const unsigned char lead = static_cast<unsigned char>(c);
      e = pos + (lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1);
      e = std::min(e, tok.end);
      const std::string_view ch = text.substr(pos, e - pos);
      if (ch != "\xC2\xA0" && ch != "\xE2\x80\xAF" && ch != "\xE2\x80\x87" &&
          ch != "\xE2\x80\x89") {
        w.Add('x', pos, e);
        after_digits = false;
      }
    } else if (IsDigit(c)) {
      while (e < tok.end && IsDigit(text[e])) ++e;
      w.Add(DigitSymbol(text.substr(pos, e - pos)), pos, e);
      after_digits = true;
    } else if (IsLetter(c)) {
      const std::string_view rest = text.substr(pos, tok.end - pos);
      if (after_digits && (EqualsIgnoreCase(rest, "am") || EqualsIgnoreCase(rest, "pm") ||
                           EqualsIgnoreCase(rest, "a.m") || EqualsIgnoreCase(rest, "p.m") ||
                           EqualsIgnoreCase(rest, "a.m.") || EqualsIgnoreCase(rest, "p.m."))) {
        w.Add('a', pos, tok.end);
        return;
      }
      while (e < tok.end && IsLetter(text[e])) ++e;
      w.Add(LetterSymbol(text.substr(pos, e - pos), after_digits), pos, e);
      after_digits = false;
    } else {
      w.Add(c == '.' ? 'p' : c == ',' ? 'c' : 'x', pos, e);
    }
    pos = e;
  }
}

// Whether tokens[i] touches both neighbours (no white space before or after it, same sentence).
bool Attached(const std::vector<text::Token>& tokens, std::size_t i) {
  return i > 0 && i + 1 < tokens.size() && !tokens[i].Has(text::kSpaceBefore) &&
         !tokens[i + 1].Has(text::kSpaceBefore) && tokens[i + 1].sentence == tokens[i].sentence &&
         tokens[i - 1].IsWord() && tokens[i + 1].IsWord();
}

char PunctuationSymbol(const std::vector<text::Token>& tokens, std::size_t i) {
  using text::Mark;
  switch (tokens[i].mark) {
    case Mark::kComma:
      return ',';
    case Mark::kPeriod:
      return '.';
    case Mark::kHyphen:
    case Mark::kUnicodeHyphen:
      return Attached(tokens, i) ? '-' : '_';
    case Mark::kDash:
      return '_';
    case Mark::kSlash:
      return Attached(tokens, i) ? '/' : '?';
    case Mark::kColon:
      return Attached(tokens, i) ? ':' : ';';
    case Mark::kSemicolon:
      return ';';
    case Mark::kApostrophe:
    case Mark::kOpenSingleQuote:
    case Mark::kCloseSingleQuote:
      return '\'';
    case Mark::kQuote:
    case Mark::kOpenQuote:
    case Mark::kCloseQuote:
      return '"';
    case Mark::kOpenBracket:
      return '(';
    case Mark::kCloseBracket:
      return ')';
    case Mark::kDollar:
    case Mark::kCurrency:
      return '$';
    case Mark::kPercent:
      return '%';
    case Mark::kAmpersand:
      return '&';
    case Mark::kExclamation:
      return '!';
    default:
      return '?';
  }
}

}  // namespace

void DateSymbols::Bind(const std::vector<std::pair<std::string, unsigned char>>& class_words,
                       Gazetteer& gazetteer) {
  text::Folder folder;
  for (const auto& [word, symbol] : class_words) {
    const bool capital = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
    gazetteer.SetDateClass(folder.Key(word), capital, symbol);
  }
}

void DateSymbols::Build(const Document& doc, DateString& out) const {
  const std::vector<text::Token>& tokens = doc.tokens();
  const std::size_t n = tokens.size();
  Writer w(out);
  w.Reserve(n + doc.words.sentences.size());
  for (std::size_t i = 0; i < n; ++i) {
    const text::Token& tok = tokens[i];
    if (tok.Has(text::kSentenceStart) && i > 0) w.Add('\n', tok.begin, tok.begin);
    if (tok.Has(text::kHasDigit)) {
      AddDigitToken(doc.text, tok, w);
      w.Reserve(n + doc.words.sentences.size() - i);
      continue;
    }
    char symbol;
    if (tok.Has(text::kPossessive)) {
      symbol = 'S';
    } else if (tok.IsWord()) {
      // The word's date symbol in its case, else W or w, chosen by masks: which words are dates
      // is data the branch predictor cannot learn.
      const unsigned cap = tok.IsCapitalized() ? 1u : 0u;
      const WordInfo& word = doc.word_info[i];
      const unsigned date_cap = word.date_cap & (0u - cap);
      const unsigned date =
          date_cap | (word.date_any & (0u - static_cast<unsigned>(date_cap == 0)));
      const unsigned other = 'w' - 32 * cap;
      symbol = static_cast<char>(date | (other & (0u - static_cast<unsigned>(date == 0))));
    } else {
      symbol = PunctuationSymbol(tokens, i);
    }
    w.Add(symbol, tok.begin, tok.end);
  }
  w.Finish();
}

}  // namespace nerkit::internal::dates
