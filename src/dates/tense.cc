#include "dates/tense.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace nerkit::internal::dates {
namespace {

constexpr std::string_view kFuture[] = {
    "would",     "effective", "will",  "shall",    "won't", "gonna",     "expected", "expects",
    "scheduled", "planned",   "plans", "planning", "due",   "soon",      "upcoming", "intends",
    "forecast",  "predicted", "hopes", "promised", "vowed", "threatened"};

constexpr std::string_view kPast[] = {
    "was",   "were",   "had",   "did",       "didn't", "wasn't", "weren't", "hadn't",
    "said",  "told",   "ago",   "yesterday", "met",    "took",   "made",    "gave",
    "got",   "went",   "came",  "saw",       "fell",   "rose",   "began",   "sent",
    "held",  "kept",   "paid",  "sold",      "bought", "became", "brought", "thought",
    "found", "ran",    "spent", "struck",    "left",   "lost",   "won",     "led",
    "fled",  "fought", "wrote", "spoke",     "broke",  "chose",  "drove",   "flew",
    "grew",  "knew",   "threw", "stood",     "felt",   "heard",  "seized",  "sought",
};

// Words in -ed that are rarely a past tense.
constexpr std::string_view kNotPast[] = {"hundred",  "kindred",  "sacred",  "naked",
                                         "wicked",   "rugged",   "beloved", "indeed",
                                         "proposed", "supposed", "red"};

// Forms of "be" and "have" (and modals) after which an -ed word is a participle, not a past tense.
constexpr std::string_view kAuxiliaries[] = {"is",  "are",  "am", "be",  "been", "being",
                                             "has", "have", "'s", "'re", "'ve"};

// What a word is to the tense heuristic, from one table built once from the lists above (the
// heuristic looks at many tokens per expression; a hash lookup each beats comparing with every
// listed word).
constexpr std::uint8_t kPlain = 0;
constexpr std::uint8_t kFutureWord = 1;
constexpr std::uint8_t kPastWord = 2;
constexpr std::uint8_t kNotPastWord = 4;
constexpr std::uint8_t kAuxiliaryWord = 8;

class WordKinds {
 public:
  WordKinds() {
    Add(kFuture, kFutureWord);
    Add(kPast, kPastWord);
    Add(kNotPast, kNotPastWord);
    Add(kAuxiliaries, kAuxiliaryWord);
  }
  std::uint8_t Of(std::string_view w) const {
    if (w.size() < kShortest || w.size() > kLongest) return kPlain;
    const auto it = kinds_.find(w);
    return it == kinds_.end() ? kPlain : it->second;
  }

 private:
  static constexpr std::size_t kShortest = 2;
  static constexpr std::size_t kLongest = 10;
  template <std::size_t N>
  void Add(const std::string_view (&words)[N], std::uint8_t kind) {
    for (std::string_view w : words) {
      // (A word outside the bounds would never be found: the bounds cover every list.)
      if (w.size() < kShortest || w.size() > kLongest) std::abort();
      kinds_[w] |= kind;
    }
  }
  std::unordered_map<std::string_view, std::uint8_t> kinds_;
};

std::uint8_t KindOf(std::string_view w) {
  static const WordKinds kinds;
  return kinds.Of(w);
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

Tense Marker(const Document& doc, std::uint32_t i) {
  const text::Token& t = doc.tokens()[i];
  if (!t.IsWord()) return Tense::kNone;
  const std::string_view w = doc.words.Key(t);  // case-folded, apostrophes unified
  const std::uint8_t kind = KindOf(w);
  if ((kind & kFutureWord) || EndsWith(w, "'ll")) return Tense::kFuture;
  if (w == "going" && i + 1 < doc.tokens().size() && doc.words.Key(doc.tokens()[i + 1]) == "to") {
    return Tense::kFuture;
  }
  if (kind & kPastWord) return Tense::kPast;
  if (w.size() >= 5 && EndsWith(w, "ed") && !EndsWith(w, "eed") && !(kind & kNotPastWord) &&
      t.shape == text::Shape::kLower) {
    // A participle after an auxiliary ("is expected", "has reported") is not a past tense.
    for (std::uint32_t back = 1; back <= 2 && back <= i; ++back) {
      const text::Token& p = doc.tokens()[i - back];
      if (p.sentence != t.sentence || !p.IsWord()) break;
      const std::string_view pw = doc.words.Key(p);
      if (KindOf(pw) & (kAuxiliaryWord | kFutureWord)) return Tense::kNone;
      if (pw != "not" && pw != "also" && pw != "already" && pw != "been" && pw != "just") break;
    }
    return Tense::kPast;
  }
  return Tense::kNone;
}

}  // namespace

Tense TenseAround(const Document& doc, std::uint32_t token_begin, std::uint32_t token_end) {
  const std::vector<text::Token>& tokens = doc.tokens();
  if (token_begin >= tokens.size() || token_end <= token_begin) return Tense::kNone;
  const text::Sentence& s = doc.words.sentences[tokens[token_begin].sentence];
  const std::uint32_t first = s.token_begin;
  const std::uint32_t last = std::max(s.token_end, token_end);
  // Scan outwards from the span, nearest tokens first (left before right at equal distance).
  for (std::uint32_t d = 1;; ++d) {
    const bool left_ok = token_begin >= first + d;
    const bool right_ok = token_end - 1 + d < last;
    if (!left_ok && !right_ok) break;
    if (left_ok) {
      if (Tense m = Marker(doc, token_begin - d); m != Tense::kNone) return m;
    }
    if (right_ok) {
      if (Tense m = Marker(doc, token_end - 1 + d); m != Tense::kNone) return m;
    }
  }
  return Tense::kNone;
}

}  // namespace nerkit::internal::dates
