#include "resolve/mentions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>

#include "core/image_io.h"

namespace nerkit::internal {
namespace {

// Priorities of the evidence for a name's type: below kWeakCue, a cue that another reading of the
// same name in the document overrides (a reporting verb, a place preposition, an ambiguous
// dictionary place); from kStrongCue, evidence that does (a head word, a given name, a dictionary
// organisation).
constexpr int kWeakCue = 46;
constexpr int kStrongCue = 55;
// From here, what the text says of a name (its kind in apposition, a band, a club) over the
// reading of its words.
constexpr int kContextCue = 60;
// From here, a place that a rule finds by the story's layout: its dateline ("PARATY, Brazil —").
constexpr int kPlacedByLayout = 75;

using text::Shape;
using text::Token;

constexpr int kHeadlineMinimumPriority = 70;
constexpr int kPriorityCapitalisedCommon = 40;
// Below this priority, a one-word name is only a dictionary entry or a weak rule, and the
// document may say otherwise (a person's surname).
constexpr int kStrongEvidence = 55;
// A name whose extent an abbreviation in brackets after it gives: above the rules that read
// names by their words, below a title's.
constexpr int kDefinedByAbbreviation = 74;

// A 64-bit finaliser (from MurmurHash3) for combining word hashes.
std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

// A dictionary id ("geonames:2214846") as a 64-bit key (read eight bytes at a time).
std::uint64_t HashId(std::string_view id) { return HashBytes64(id.data(), id.size(), 0); }

// Clusters compared with a new mention share one word with it (a person's last, an
// organisation's first); a bucket holds at most this many, so that a document of a million
// distinct names stays linear.
constexpr std::size_t kMaxClustersPerWord = 64;

bool IsTimeLabel(Label label) {
  return label == Label::kDate || label == Label::kTime || label == Label::kDuration ||
         label == Label::kSet;
}

// The prepositions, conjunctions and pronouns of four letters or more that a Title Case headline
// may leave in lower case ("Talks Resume after Ceasefire", "Forces Fight from Hills"); any other
// word of that length written in lower case says the sentence is running text ("He joined
// Carvell Heavy Industries Limited in 1981").
bool IsTitleCaseLowerWord(std::string_view key) {
  static constexpr std::string_view kWords[] = {
      "about",      "above",   "across", "after",   "against", "along",   "amid",   "among",
      "around",     "as",      "before", "behind",  "below",   "beneath", "beside", "besides",
      "between",    "beyond",  "but",    "despite", "down",    "during",  "except", "from",
      "inside",     "into",    "like",   "near",    "onto",    "outside", "over",   "past",
      "since",      "than",    "that",   "their",   "them",    "then",    "this",   "through",
      "throughout", "till",    "toward", "towards", "under",   "unless",  "until",  "unto",
      "upon",       "versus",  "what",   "when",    "where",   "which",   "while",  "with",
      "within",     "without", "your"};
  for (std::string_view w : kWords) {
    if (w == key) return true;
  }
  return false;
}

// Words left out of an acronym's letters ("Organization of the Petroleum Exporting Countries"
// -> OPEC), and their kin in other languages ("Partido Revolucionario Institucional" -> PRI).
bool IsAcronymFiller(std::string_view key) {
  static constexpr std::string_view kFillers[] = {
      "of", "the", "and", "for", "on", "&",  "in",  "de",  "du", "des", "do",
      "da", "dos", "das", "del", "di", "la", "las", "los", "y",  "e",   "et"};
  return std::find(std::begin(kFillers), std::end(kFillers), key) != std::end(kFillers);
}

// Per shape, what it adds to a sentence's count of lower-case words (low half) and capitalised
// words (high half; an initial counts as capitalised).
constexpr std::uint64_t kCapitalisedWord = std::uint64_t{1} << 32;
constexpr std::array<std::uint64_t, 10> kShapeCount = {
    kCapitalisedWord,  // kCapitalized
    kCapitalisedWord,  // kAllCaps
    kCapitalisedWord,  // kInitial
    1,                 // kLower
    0, 0, 0, 0, 0, 0,  // kUncased, kNumber, kAlnum, kPunct, kSymbol, kOther
};
static_assert(static_cast<std::size_t>(Shape::kOther) + 1 == kShapeCount.size());

// A candidate's priority as a 32-bit number that sorts the highest priority first.
std::uint64_t InvertedPriority(std::int32_t priority) {
  return 0xFFFFFFFFu - (static_cast<std::uint32_t>(priority) ^ 0x80000000u);
}

// Whether the name of tokens [begin, end) stands in a list beside a place: a place ends just
// before a separator before it, or begins just after one after it, a comma and "and" counting as
// one ("Baton Rouge and [Lafayette]", "Mull, [Iona]", "Mull, and [Iona]"; the same after it).
template <class Separator, class EndsBefore, class StartsAt>
bool BesidePlaceInList(std::uint32_t begin, std::uint32_t end, Separator separator,
                       EndsBefore ends_before, StartsAt starts_at) {
  if (begin >= 1 && separator(begin - 1) &&
      (ends_before(begin - 1) || (begin >= 2 && separator(begin - 2) && ends_before(begin - 2)))) {
    return true;
  }
  return separator(end) && (starts_at(end + 1) || (separator(end + 1) && starts_at(end + 2)));
}

}  // namespace

void MentionSet::Reset(Document& doc, const Gazetteer& gazetteer) {
  doc_ = &doc;
  gazetteer_ = &gazetteer;
  token_hash_.assign(doc.tokens().size(), 0);
  mentions_.clear();
  candidate_ids_.clear();
  clusters_ = 0;
  document_features_ready_ = false;
  lower_words_built_ = false;
  word_pairs_built_ = false;
  place_edges_built_ = false;
  no_name_abbreviations_built_ = false;
  // Sentence forms.
  const std::vector<Token>& tokens = doc_->tokens();
  headline_.assign(doc_->words.sentences.size(), 0);
  for (std::size_t s = 0; s < doc_->words.sentences.size(); ++s) {
    const text::Sentence& sentence = doc_->words.sentences[s];
    // Cased words; capitalised ones; and among the common words (after the first word), how
    // many are capitalised: a Title Case headline capitalises its common words ("Forces Fight to
    // Take"), a list of names or a scorecard does not have many.
    // First only the lower-case and the capitalised words, by a table: running text has a
    // lower-case word for every three capitalised ones or more, which makes it neither form
    // below (a Title Case line needs capitalised >= 3 x lower-case, an all-capital line none in
    // lower case), and most sentences end here.
    std::uint64_t shapes = 0;
    for (std::uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      shapes += kShapeCount[static_cast<std::size_t>(tokens[t].shape)];
    }
    const std::uint64_t lower_words = shapes & 0xFFFFFFFFu, capitalised_words = shapes >> 32;
    if (lower_words >= 1 && capitalised_words < 3 * lower_words) continue;
    int cased = 0, capitalised = 0, all_caps = 0, initials = 0, common = 0, capitalised_common = 0,
        numbers = 0, commas = 0;
    for (std::uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      const Token& tok = tokens[t];
      // (A title is capitalised before a name in running text too: "Prime Minister X met
      // President Y" is no headline.)
      const std::uint32_t lex = doc_->lexical[t];
      const int word = static_cast<int>((lex & TypeBit(EntryType::kWord)) != 0) &
                       static_cast<int>((lex & TypeBit(EntryType::kTitle)) == 0) &
                       static_cast<int>(t > sentence.token_begin);
      // (Counted without a branch: the shapes of a sentence's words are data the predictor
      // cannot learn.) A single capital ("C. Lewis", "I") is capitalised in any sentence: no
      // evidence of a headline's capitalised common words.
      const Shape shape = tok.shape;
      const int initial = static_cast<int>(shape == Shape::kInitial);
      const int all_capitals = static_cast<int>(shape == Shape::kAllCaps);
      const int upper = static_cast<int>(shape == Shape::kCapitalized) | all_capitals;
      const int lower = static_cast<int>(shape == Shape::kLower);
      cased += initial | upper | lower;
      capitalised += initial | upper;
      initials += initial;
      all_caps += all_capitals;
      common += word & (upper | lower);
      capitalised_common += word & upper;
      numbers += static_cast<int>(shape == Shape::kNumber);
      commas +=
          static_cast<int>(shape == Shape::kPunct) & static_cast<int>(tok.Is(text::Mark::kComma));
    }
    // Numbers and commas are few in a headline; a line of results has a number after each name
    // ("Surrey 429-7 (C. Lewis 80 not out, M. Butcher 70, ..."), a list of names a comma
    // ("England: Mike Atherton, Nick Knight, Alec Stewart, Robert Croft").
    const bool title_case = cased >= 4 && capitalised * 4 >= cased * 3 && capitalised_common >= 3 &&
                            capitalised_common * 10 >= common * 6 && numbers * 3 < cased &&
                            commas < 3 && !HasLowerContentWord(sentence);
    // An all-capital line: every cased word in capitals, single letters included ("W L PCT
    // GB", a standings header).
    const bool caps_line = cased >= 3 && all_caps >= 1 && all_caps + initials == cased;
    headline_[s] = title_case ? 1 : caps_line ? 2 : 0;
  }
}

bool MentionSet::AbbreviatesNoName(std::uint32_t token) {
  const std::vector<Token>& tokens = doc_->tokens();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  // Joined by a hyphen to a number: a road, a rifle, a model ("BR-101", "AK-47", "CRJ-200").
  if (token + 2 < n && text::IsHyphenMark(tokens[token + 1].mark) &&
      !tokens[token + 1].Has(text::kSpaceBefore) && !tokens[token + 2].Has(text::kSpaceBefore) &&
      (tokens[token + 2].shape == Shape::kNumber || tokens[token + 2].shape == Shape::kAlnum)) {
    return true;
  }
  // Defined in brackets after the word that ends the name of a law, an agreement, an office or
  // an examination, anywhere in the document: "the General Data Protection Regulation (GDPR)",
  // "Upazila Nirbahi Officer (UNO)". (Not after any word in lower case: "Centre national du
  // cinéma et de l'image animée (CNC)" is an organisation.)
  if (!no_name_abbreviations_built_) {
    no_name_abbreviations_.Clear();
    static constexpr std::string_view kNoNameEnds[] = {
        "act",        "agreement",  "regulation",  "regulations",  "directive",   "treaty",
        "accord",     "convention", "protocol",    "law",          "bill",        "code",
        "standard",   "index",      "programme",   "program",      "scheme",      "strategy",
        "initiative", "officer",    "examination", "examinations", "certificate", "syndrome",
        "system",     "technique"};
    for (std::uint32_t t = 2; t + 1 < n; ++t) {
      if (!WordInBrackets(t - 1) || tokens[t].shape != Shape::kAllCaps ||
          !tokens[t - 2].IsWord()) {
        continue;
      }
      const std::string_view before = doc_->words.Key(tokens[t - 2]);
      bool ends = false;
      for (std::string_view w : kNoNameEnds) ends = ends || before == w;
      if (ends) no_name_abbreviations_.Insert(TokenHash(t), 1);
    }
    no_name_abbreviations_built_ = true;
  }
  return no_name_abbreviations_.Find(TokenHash(token)) != nullptr;
}

bool MentionSet::HasLowerContentWord(const text::Sentence& sentence) const {
  const std::vector<Token>& tokens = doc_->tokens();
  for (std::uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
    const Token& tok = tokens[t];
    if (tok.shape == Shape::kLower && tok.IsWord() && tok.key_len >= 4 &&
        !IsTitleCaseLowerWord(doc_->words.Key(tok))) {
      return true;
    }
  }
  return false;
}

bool MentionSet::CommonWordOpensSentence(std::uint32_t token) const {
  return doc_->tokens()[token].Has(text::kSentenceStart) &&
         (doc_->lexical[token] & TypeBit(EntryType::kWord));
}

bool MentionSet::WrittenInLowerCase(std::uint32_t token) {
  if (!lower_words_built_) {
    const std::vector<Token>& tokens = doc_->tokens();
    lower_words_.Clear();
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].IsWord() && tokens[t].shape == Shape::kLower) {
        lower_words_.Insert(TokenHash(static_cast<std::uint32_t>(t)), 1);
      }
    }
    lower_words_built_ = true;
  }
  return lower_words_.Find(TokenHash(token)) != nullptr;
}

bool MentionSet::IsHeadline(std::uint32_t sentence) const {
  return sentence < headline_.size() && headline_[sentence] != 0;
}

void MentionSet::KeyTokens(std::uint32_t begin, std::uint32_t end,
                           std::vector<std::uint32_t>& out) const {
  out.clear();
  const std::vector<Token>& tokens = doc_->tokens();
  for (std::uint32_t t = begin; t < end; ++t) {
    if (tokens[t].Has(text::kJoiner) || !tokens[t].IsWord()) continue;
    out.push_back(t);
  }
}

std::uint64_t MentionSet::TokenHash(std::uint32_t token) const {
  std::uint64_t& h = token_hash_[token];
  if (h == 0) {
    // A word of the vocabulary is its id (every token of the same key has the same id); any
    // other word the hash of its key, with the top bit set so that the two never meet.
    const Token& t = doc_->tokens()[token];
    if (t.vocab >= 0) {
      h = Mix(static_cast<std::uint64_t>(t.vocab) + 1) & ~(std::uint64_t{1} << 63);
    } else {
      h = 1469598103934665603ull;
      for (unsigned char c : doc_->words.Key(t)) {
        h ^= c;
        h *= 1099511628211ull;
      }
      h |= std::uint64_t{1} << 63;
    }
    h |= 1;  // never 0
  }
  return h;
}

std::uint64_t MentionSet::KeyHash(std::uint32_t begin, std::uint32_t end,
                                  std::uint32_t* words) const {
  const std::vector<Token>& tokens = doc_->tokens();
  std::uint64_t h = 0x9e3779b97f4a7c15ull;
  std::uint32_t n = 0;
  for (std::uint32_t t = begin; t < end; ++t) {
    if (tokens[t].Has(text::kJoiner) || !tokens[t].IsWord()) continue;
    h = (h ^ TokenHash(t)) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    ++n;
  }
  if (words) *words = n;
  return h;
}

void MentionSet::SetKey(Mention& m) const { m.key = KeyHash(m.token_begin, m.token_end, &m.words); }

void MentionSet::Initials(std::uint32_t begin, std::uint32_t end, std::string& plain,
                          std::string& with_fillers) const {
  plain.clear();
  with_fillers.clear();
  const std::vector<Token>& tokens = doc_->tokens();
  for (std::uint32_t t = begin; t < end; ++t) {
    if (tokens[t].Has(text::kJoiner) || !tokens[t].IsWord()) continue;
    const std::string_view key = doc_->words.Key(tokens[t]);
    if (key.empty()) continue;
    const bool filler = IsAcronymFiller(key);
    if (!filler) plain.push_back(key[0]);
    if (!filler || key != "the") with_fillers.push_back(key[0]);
  }
  if (with_fillers.size() <= 2 || with_fillers == plain) with_fillers.clear();
}

bool MentionSet::InitialsSpell(std::uint32_t begin, std::uint32_t end,
                               std::string_view letters) const {
  if (letters.empty() || letters.size() >= 64) return false;
  const std::vector<Token>& tokens = doc_->tokens();
  std::uint64_t at = 1;  // bit i: the words so far can spell letters[0, i)
  for (std::uint32_t t = begin; t < end && at != 0; ++t) {
    if (tokens[t].Has(text::kJoiner) || !tokens[t].IsWord()) continue;
    const std::string_view key = doc_->words.Key(tokens[t]);
    if (key.empty()) continue;
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (((at >> i) & 1u) && letters[i] == key[0]) next |= std::uint64_t{1} << (i + 1);
    }
    at = IsAcronymFiller(key) ? (at | next) : next;
  }
  return (at >> letters.size()) & 1u;
}

bool MentionSet::LettersOfName(std::uint32_t begin, std::uint32_t end,
                               std::string_view letters) const {
  const std::vector<Token>& tokens = doc_->tokens();
  std::size_t next = 0;
  bool first = true;
  for (std::uint32_t t = begin; t < end && next < letters.size(); ++t) {
    if (!tokens[t].IsWord()) continue;
    const std::string_view key = doc_->words.Key(tokens[t]);
    if (first && (key.empty() || key[0] != letters[0])) return false;
    first = false;
    for (const char ch : key) {
      if (next < letters.size() && ch == letters[next]) ++next;
    }
  }
  return next == letters.size();
}

std::string MentionSet::AcronymLetters(std::uint32_t token) const {
  std::string letters;
  for (char ch : doc_->words.Key(doc_->tokens()[token])) {
    if (ch != '.') letters.push_back(ch);
  }
  return letters;
}

std::size_t MentionSet::WordsBeforeHeads(const std::vector<std::uint32_t>& words) const {
  std::size_t keep = words.size();
  while (keep > 0 && (doc_->lexical[words[keep - 1]] & TypeBit(EntryType::kOrgHead))) --keep;
  return keep;
}

bool MentionSet::WrittenWithout(std::uint32_t before, std::uint32_t word, std::uint32_t head) {
  // How often the document writes each pair of words, and each pair with the token after it:
  // counted once per document, so that a document of many such names stays linear.
  const std::vector<Token>& tokens = doc_->tokens();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  if (!word_pairs_built_) {
    word_pairs_.Clear();
    for (std::uint32_t i = 1; i < n; ++i) {
      if (!tokens[i].IsWord()) continue;
      const std::uint64_t pair = Mix(TokenHash(i - 1) ^ Mix(TokenHash(i)));
      ++word_pairs_[pair];
      if (i + 1 < n) ++word_pairs_[Mix(pair ^ TokenHash(i + 1))];
    }
    word_pairs_built_ = true;
  }
  const std::uint64_t pair = Mix(TokenHash(before) ^ Mix(TokenHash(word)));
  const std::uint32_t* all = word_pairs_.Find(pair);
  const std::uint32_t count = all ? *all : 0;
  if (head == word) return count > 1;  // more than the name's own
  const std::uint32_t* with_head = word_pairs_.Find(Mix(pair ^ TokenHash(head)));
  return count > (with_head ? *with_head : 0);
}

std::size_t MentionSet::LeadingCommonWords(const std::vector<std::uint32_t>& words) const {
  std::size_t lead = 0;
  while (lead < words.size() && doc_->tokens()[words[lead]].IsCapitalized() &&
         (SymbolAt(words[lead]) == 'W' || SymbolAt(words[lead]) == 'H')) {
    ++lead;
  }
  return lead;
}

bool MentionSet::PlacedByRule(const Mention& m, std::int32_t min_priority) const {
  return AnyCandidate(m, [&](const Candidate& c) {
    return c.origin == Origin::kRule && c.typed && c.label == Label::kLocation &&
           c.priority >= min_priority;
  });
}

void MentionSet::CollectPlaceTails() {
  // The last words of the document's places that a dictionary knows or that are names of several
  // words: an organisation named after one ("Lahug Elementary School" after "in Barangay Lahug")
  // is not known by that word alone. (Not a word that only a preposition calls a place: "at
  // Adeboro" is the company "Adeboro Chemists".)
  place_tails_.Clear();
  laid_out_places_.Clear();
  const std::vector<Token>& tokens = doc_->tokens();
  for (const Mention& m : mentions_) {
    if (!m.Live() || !m.IsName() || !m.typed || m.label != Label::kLocation) continue;
    // (A dateline with its region or country, or its agency, after the town: "PARATY, Brazil —",
    // "KAYES (AP) —"; not a name before a dash opening a line, "Barzani - a longtime ally -".)
    if (m.words == 1 && m.token_end < tokens.size() &&
        (tokens[m.token_end].Is(text::Mark::kComma) ||
         tokens[m.token_end].Is(text::Mark::kOpenBracket)) &&
        PlacedByRule(m, kPlacedByLayout)) {
      laid_out_places_.Insert(TokenHash(m.token_begin), 1);
    }
    if (m.entry < 0 && m.words < 2) continue;
    KeyTokens(m.token_begin, m.token_end, words_);
    if (!words_.empty()) place_tails_.Insert(TokenHash(words_.back()), 1);
  }
}

std::size_t MentionSet::ShortNameWords(const std::vector<std::uint32_t>& words) const {
  // The name without its trailing head words: "Brightwater" of "Brightwater Systems Corp.",
  // "Ruch" of "Ruch SA". Only a distinctive short name: no demonym ("European" of "European
  // Union"), no common word ("World Health"), no month.
  const std::size_t keep = WordsBeforeHeads(words);
  if (keep == 0 || keep == words.size()) return 0;
  // Common words may follow a distinctive first word ("Khaleej Cold Chain" of "Khaleej Cold Chain
  // Holding PJSC"): one no list knows as a word, a given name or a place.
  const std::uint32_t first = doc_->lexical[words[0]];
  const char first_symbol = SymbolAt(words[0]);
  const bool distinctive =
      keep >= 2 && first_symbol == 'C' &&
      !(first & (TypeBit(EntryType::kWord) | TypeBit(EntryType::kDemonym) |
                 TypeBit(EntryType::kGivenName)));
  // So may they follow a place that the name opens with ("Copperbelt Smelting" of "Copperbelt
  // Smelting Holdings Ltd", "Zambia Sugar" of "Zambia Sugar Plc"), when each is a capitalised
  // common word: not a place's head ("Kariba Dam" of "Kariba Dam Authority" is a place).
  const bool after_place =
      keep >= 2 && (first_symbol == 'K' || first_symbol == 'P') &&
      !(first & (TypeBit(EntryType::kWord) | TypeBit(EntryType::kDemonym)));
  for (std::size_t k = 0; k < keep; ++k) {
    const std::uint32_t lex = doc_->lexical[words[k]];
    if ((lex & TypeBit(EntryType::kDemonym)) || SymbolAt(words[k]) == 'M') return 0;
    const bool common_word_allowed =
        k > 0 && (distinctive || (after_place && SymbolAt(words[k]) == 'W'));
    if ((lex & TypeBit(EntryType::kWord)) && !common_word_allowed) return 0;
  }
  return keep;
}

bool MentionSet::KnownByFirstWord(const std::vector<std::uint32_t>& words) const {
  // Two adjacent words (no "&" or "and" between), the first capitalised and distinctive.
  if (words.size() != 2 || words[1] != words[0] + 1) return false;
  const std::uint32_t t = words[0];
  const Token& tok = doc_->tokens()[t];
  if (tok.shape != Shape::kCapitalized) return false;
  constexpr std::uint32_t kNotDistinctive =
      TypeBit(EntryType::kWord) | TypeBit(EntryType::kDemonym) | TypeBit(EntryType::kGivenName) |
      TypeBit(EntryType::kTitle) | TypeBit(EntryType::kOrgHead);
  if (doc_->lexical[t] & kNotDistinctive) return false;
  return SymbolAt(t) != 'M';
}

bool MentionSet::OnlyNameWords(std::uint32_t begin, std::uint32_t end) const {
  // Given names, surnames, initials, particles and words no dictionary knows: not a title, a
  // common word, or part of a known place or organisation ("U.S. Senators", "Apple Inc.").
  for (std::uint32_t t = begin; t < end; ++t) {
    if (t >= doc_->token_symbol.size()) return false;
    switch (doc_->token_symbol[t]) {
      case 'C':
      case 'G':
      case 'F':
      case 'S':
      case 'X':
      case 'A':
      case 'a':
      case '-':
      case '.':
        break;
      default:
        return false;
    }
  }
  return true;
}

bool MentionSet::OnlyUnknownWords(std::uint32_t begin, std::uint32_t end) const {
  // Capitalised words that no dictionary knows (and hyphens between them).
  bool any = false;
  for (std::uint32_t t = begin; t < end; ++t) {
    if (t >= doc_->token_symbol.size()) return false;
    const char symbol = doc_->token_symbol[t];
    if (symbol == 'C') {
      any = true;
    } else if (symbol != '-') {
      return false;
    }
  }
  return any;
}

bool MentionSet::CapitalisationSupports(const Candidate& c) const {
  // Capitals say something only about a word usually written in lower case ("Congress" vs
  // "congress"), not about a demonym, a month or a given name, and only when the word stands
  // alone: inside a longer capitalised phrase ("Labor Day", "Red Star") they belong to it.
  const std::vector<Token>& tokens = doc_->tokens();
  const Token& first = tokens[c.token_begin];
  if (first.shape != Shape::kCapitalized || first.Has(text::kSentenceStart)) return false;
  for (std::uint32_t t = c.token_begin; t < c.token_end; ++t) {
    const std::uint32_t lex = doc_->lexical[t];
    if (!tokens[t].IsWord()) continue;
    if (!(lex & TypeBit(EntryType::kWord)) || (lex & TypeBit(EntryType::kDemonym))) return false;
    if (SymbolAt(t) == 'M') return false;
  }
  auto capitalised_word = [&](std::size_t t) {
    return tokens[t].IsWord() && tokens[t].IsCapitalized() && tokens[t].sentence == first.sentence;
  };
  // (A capitalised "The" in running text before it is part of the name: "wrote in The
  // Guardian".)
  const bool the = c.token_begin > 0 && TheOfName(c.token_begin - 1);
  if (c.token_begin > 0 && capitalised_word(c.token_begin - 1) &&
      !tokens[c.token_begin - 1].Has(text::kSentenceStart) && !the) {
    return false;
  }
  if (c.token_end < tokens.size() && capitalised_word(c.token_end)) return false;
  // ... nor before "of" and a capitalised word: "House of Assembly", "A House of Rain" (but a
  // newspaper with its "The" before the place it is of: "an interview with The Guardian of
  // Lagos").
  const bool media_of_place =
      the && c.origin == Origin::kDictionary && c.entry >= 0 &&
      gazetteer_->entry(c.ref).Has(kMedia) && c.token_end + 1 < tokens.size() &&
      (SymbolAt(c.token_end + 1) == 'P' || SymbolAt(c.token_end + 1) == 'K');
  if (c.token_end + 1 < tokens.size() && (SymbolAt(c.token_end) | 0x20) == 'k' &&
      capitalised_word(c.token_end + 1) && !media_of_place) {
    return false;
  }
  // A town that is also a word ("Man", "Eagle") needs a place preposition or "from" before it
  // as well ("even from Tamale"; not "revenue from Vale's sale"); a natural feature may have its
  // "the" between ("in the Gulf", "across the Pacific").
  if (c.label == Label::kLocation) {
    const bool feature =
        c.origin == Origin::kDictionary && c.entry >= 0 && gazetteer_->entry(c.ref).Has(kFeature);
    const bool feature_the = feature && c.token_begin > 1 && (SymbolAt(c.token_begin - 1) == 'e');
    const std::uint32_t before = c.token_begin - ((the || feature_the) ? 1 : 0);
    if (before == 0 || before - 1 >= doc_->token_symbol.size()) return false;
    const std::string_view word = doc_->words.Key(tokens[before - 1]);
    // (An island is "on" it: "groups on Skye".)
    return (doc_->token_symbol[before - 1] | 0x20) == 'i' || (feature && word == "on") ||
           (word == "from" && !(c.token_end < tokens.size() && SymbolAt(c.token_end) == '\''));
  }
  return true;
}

bool MentionSet::PrepositionSupportsPlace(const Candidate& c) const {
  // A place of one word that is also a given name or a surname ("Brittany", "Fauske"), after a
  // place preposition and before no other capitalised word: "bakers across Brittany", "in
  // Fauske." (not after "from": "a letter from Smith"; nor a demonym: "in German").
  const std::vector<Token>& tokens = doc_->tokens();
  if (c.label != Label::kLocation || c.origin != Origin::kDictionary ||
      c.token_end != c.token_begin + 1 || c.token_begin == 0) {
    return false;
  }
  const Token& tok = tokens[c.token_begin];
  const std::uint32_t lex = doc_->lexical[c.token_begin];
  if (tok.shape != Shape::kCapitalized || tok.Has(text::kSentenceStart) ||
      !(lex & (TypeBit(EntryType::kGivenName) | TypeBit(EntryType::kSurname))) ||
      (lex & (TypeBit(EntryType::kWord) | TypeBit(EntryType::kDemonym)))) {
    return false;
  }
  if (c.token_end < tokens.size() && tokens[c.token_end].IsWord() &&
      tokens[c.token_end].IsCapitalized() && tokens[c.token_end].sentence == tok.sentence) {
    return false;
  }
  return c.token_begin - 1 < doc_->token_symbol.size() &&
         doc_->token_symbol[c.token_begin - 1] == 'i';
}

bool MentionSet::ListSupportsPlace(const Candidate& c) const {
  // A place that is also a common word ("Huế", "Diss"), capitalised inside a sentence and before
  // no other capitalised word, in a list beside a place of full evidence: "toured Ho Chi Minh
  // City, Huế and Da Nang", "in Swaffham, Watton, Diss, Holt", "Diss, and Holt".
  const std::vector<Token>& tokens = doc_->tokens();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  if (c.label != Label::kLocation || c.origin != Origin::kDictionary) return false;
  const Token& first = tokens[c.token_begin];
  if (first.shape != Shape::kCapitalized || first.Has(text::kSentenceStart)) return false;
  // (Two given names are people, not places: "Margherita and Alexandra".)
  bool given = false;
  for (std::uint32_t t = c.token_begin; t < c.token_end; ++t) {
    given = given || (doc_->lexical[t] & TypeBit(EntryType::kGivenName));
  }
  auto place_word = [&](std::uint32_t t) {
    return !given || !(doc_->lexical[t] & TypeBit(EntryType::kGivenName));
  };
  auto separator = [&](std::uint32_t t) {
    return t < n && tokens[t].sentence == first.sentence && ListSeparator(t);
  };
  // A list goes on after it or ends with the sentence or a mark: not "In Qatar, Clinton is".
  const std::uint32_t after = c.token_end;
  if (after < n && tokens[after].sentence == first.sentence && tokens[after].IsWord() &&
      !separator(after)) {
    return false;
  }
  // (A period inside the sentence makes it an abbreviation: "The Pas, Man., across".)
  if (after + 1 < n && tokens[after].Is(text::Mark::kPeriod) &&
      tokens[after + 1].sentence == first.sentence) {
    return false;
  }
  auto ends_before = [&](std::uint32_t t) { return list_place_ends_[t] != 0 && place_word(t - 1); };
  // (A place that a capitalised word follows is the start of another name: not "the ruling
  // Islands and Argyll Partnership".)
  auto starts_place = [&](std::uint32_t t) {
    if (t >= n || list_place_end_[t] == 0) return false;
    const std::uint32_t end = list_place_end_[t];
    if (!place_word(t)) return false;
    return end >= n || tokens[end].sentence != first.sentence || !tokens[end].IsWord() ||
           !tokens[end].IsCapitalized();
  };
  return BesidePlaceInList(c.token_begin, c.token_end, separator, ends_before, starts_place);
}

void MentionSet::FilterBySentenceForm(std::vector<Candidate>& candidates) {
  const std::vector<Token>& tokens = doc_->tokens();
  active_.assign(candidates.size(), true);
  // The dictionary entries that the document names with full evidence (by id): a common word
  // that is another name of one of them ("Apple said" after "Apple Inc.", "Shell shares" after
  // "Shell plc") needs no more support, when capitalised.
  // (The ids named in full are sorted once, as 64-bit keys, and each common word looks its id
  // up.)
  std::vector<std::uint64_t>& named = named_ids_;  // ids of entries named with full evidence
  named.clear();
  bool any_weak = false;
  for (const Candidate& c : candidates) {
    if (c.origin != Origin::kDictionary || c.entry < 0) continue;
    if (c.weak) {
      any_weak = any_weak || tokens[c.token_begin].IsCapitalized();
      continue;
    }
    const std::string_view id = gazetteer_->entry_id(static_cast<std::uint32_t>(c.entry));
    if (!id.empty()) named.push_back(HashId(id));
  }
  if (any_weak && !named.empty()) {
    std::sort(named.begin(), named.end());
    for (Candidate& c : candidates) {
      if (!c.weak || c.origin != Origin::kDictionary || c.entry < 0 ||
          !tokens[c.token_begin].IsCapitalized()) {
        continue;
      }
      const std::string_view id = gazetteer_->entry_id(static_cast<std::uint32_t>(c.entry));
      if (!id.empty() && std::binary_search(named.begin(), named.end(), HashId(id))) {
        c.weak = false;
        c.priority = kPriorityCapitalisedCommon;
      }
    }
  }
  // A one-word name of an organisation or person that the document names in full is that
  // entry, over other entries of the same name: "Magna was up" after "Magna International Inc"
  // is the company, not the town (the full name's entry ranks first; the short name's a little
  // above the others). (Places, most of the entries with ids, are left out: their short names
  // are weighed by the document's evidence already.)
  std::vector<std::uint64_t>& full_ids = full_ids_;
  full_ids.clear();
  for (const Candidate& c : candidates) {
    if (c.origin != Origin::kDictionary || c.weak || c.entry < 0 ||
        c.label == Label::kLocation || c.token_end - c.token_begin < 2) {
      continue;
    }
    const std::string_view id = gazetteer_->entry_id(static_cast<std::uint32_t>(c.entry));
    if (!id.empty()) full_ids.push_back(HashId(id));
  }
  if (!full_ids.empty()) {
    std::sort(full_ids.begin(), full_ids.end());
    for (Candidate& c : candidates) {
      if (c.origin != Origin::kDictionary || c.weak || c.entry < 0 ||
          c.label == Label::kLocation || c.token_end != c.token_begin + 1 ||
          c.priority > Gazetteer::kPriorityMain) {
        continue;
      }
      const std::string_view id = gazetteer_->entry_id(static_cast<std::uint32_t>(c.entry));
      if (!id.empty() && std::binary_search(full_ids.begin(), full_ids.end(), HashId(id))) {
        c.priority = Gazetteer::kPriorityMain + 2;
      }
    }
  }
  if (any_weak) {
    list_place_end_.assign(tokens.size() + 1, 0);
    list_place_ends_.assign(tokens.size() + 1, 0);
    for (const Candidate& c : candidates) {
      if (c.weak || c.label != Label::kLocation || c.origin != Origin::kDictionary) continue;
      list_place_ends_[c.token_end] = 1;
      list_place_end_[c.token_begin] = std::max(list_place_end_[c.token_begin], c.token_end);
    }
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (c.origin == Origin::kDate) continue;
    const std::uint32_t sentence = tokens[c.token_begin].sentence;
    // A common word that is also a name ("Congress", "Reading") counts when it is capitalised
    // inside a sentence of running text.
    if (c.weak && !IsHeadline(sentence) &&
        (CapitalisationSupports(c) || PrepositionSupportsPlace(c) ||
         (any_weak && ListSupportsPlace(c)))) {
      c.weak = false;
      c.priority = kPriorityCapitalisedCommon;
    }
    if (!IsHeadline(sentence)) continue;
    if (c.origin == Origin::kDictionary) {
      // In an all-capital line, an acronym that is also a word ("IS", "WHO", "US") says
      // nothing.
      const Entry& e = gazetteer_->entry(c.ref);
      if (headline_[sentence] == 2 && e.Has(kCaseSensitive) && c.token_end == c.token_begin + 1 &&
          (doc_->lexical[c.token_begin] & TypeBit(EntryType::kWord))) {
        active_[i] = false;
      }
      if (c.weak) active_[i] = false;
      continue;
    }
    // A span that a strong rule says is no entity stays so ("U.S. OPEN", an event).
    if ((!c.typed && !c.veto) || c.priority < kHeadlineMinimumPriority) active_[i] = false;
    // A rule saw capitalised words; in a headline every word is, so a "name" of common words
    // only ("Envoy Urges Talks") is no evidence.
    if (active_[i] && !c.veto && c.origin == Origin::kRule &&
        OnlyCommonWords(c.token_begin, c.token_end)) {
      active_[i] = false;
    }
  }
}

bool MentionSet::OnlyCommonWords(std::uint32_t begin, std::uint32_t end) const {
  const std::vector<Token>& tokens = doc_->tokens();
  constexpr std::uint32_t kNameBits =
      TypeBit(EntryType::kGivenName) | TypeBit(EntryType::kSurname) | kLexEntityCommon;
  bool any = false;
  for (std::uint32_t t = begin; t < end; ++t) {
    if (!tokens[t].IsWord()) continue;
    const std::uint32_t lex = doc_->lexical[t];
    if (!(lex & TypeBit(EntryType::kWord)) || (lex & kNameBits)) return false;
    any = true;
  }
  return any;
}

void MentionSet::Join(const Candidate& a, const Candidate& b) {
  // Two organisations of one sentence whose spans overlap, neither holding the other, at least
  // one built by a rule, are one longer name: "U.S. Army Corps" and "Army Corps of Engineers",
  // "U.N." and "Office of Project Services" (a rule's "U.N. Office"). Not over a possessive
  // ("Julia Campbell's" of "Campbell's" the company).
  const std::vector<Token>& tokens = doc_->tokens();
  if (!(a.token_begin < b.token_begin && a.token_end < b.token_end) ||
      a.label != Label::kOrganization || b.label != Label::kOrganization ||
      (a.origin != Origin::kRule && b.origin != Origin::kRule) ||
      tokens[b.token_end - 1].Has(text::kPossessive) ||
      tokens[a.token_begin].sentence != tokens[b.token_end - 1].sentence) {
    return;
  }
  Candidate u = a.origin == Origin::kRule ? a : b;
  u.token_begin = a.token_begin;
  u.token_end = b.token_end;
  u.begin = a.begin;
  u.end = b.end;
  u.priority = std::max(a.priority, b.priority) + 1;
  u.note = "resolver:joined";
  // A known name that the join only gives its head words or legal suffix ("Dunkin' Donuts" in
  // "Dunkin' Donuts Inc.") keeps naming it; another join is a name of its own.
  u.entry = -1;
  if (a.origin == Origin::kDictionary && a.entry >= 0) {
    bool heads = true;
    for (std::uint32_t t = a.token_end; t < b.token_end && heads; ++t) {
      heads = tokens[t].IsWord() ? (doc_->lexical[t] & TypeBit(EntryType::kOrgHead)) != 0
                                 : tokens[t].Is(text::Mark::kPeriod);
    }
    if (heads) u.entry = a.entry;
  }
  joined_.push_back(u);
}

void MentionSet::SupportByContainment(std::vector<Candidate>& candidates) {
  LongerPersonNames(candidates);
  // Of two names of the same type where one contains the other ("Nouri" after a title, inside the
  // dictionary's "Nouri al-Maliki"; "United Nations" inside "United Nations Security Council"),
  // the longer is the better reading: it gets at least the shorter one's priority, and wins.
  // Candidates are visited in order of their first token, so each is compared only with those
  // that overlap it.
  const std::vector<Token>& tokens = doc_->tokens();
  std::vector<std::uint32_t>& order = order_;
  order.clear();
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (active_[i] && c.typed && !c.veto && !c.weak && c.origin != Origin::kDate) {
      order.push_back(i);
    }
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return candidates[a].token_begin < candidates[b].token_begin;
  });
  for (std::size_t x = 0; x < order.size(); ++x) {
    for (std::size_t y = x + 1; y < order.size(); ++y) {
      Candidate& a = candidates[order[x]];
      Candidate& b = candidates[order[y]];
      if (b.token_begin >= a.token_end) break;
      Candidate* outer = nullptr;
      Candidate* inner = nullptr;
      if (a.token_begin <= b.token_begin && b.token_end <= a.token_end &&
          a.token_end - a.token_begin > b.token_end - b.token_begin) {
        outer = &a;
        inner = &b;
      } else if (b.token_begin <= a.token_begin && a.token_end <= b.token_end &&
                 b.token_end - b.token_begin > a.token_end - a.token_begin) {
        outer = &b;
        inner = &a;
      }
      if (!outer) {
        Join(a, b);
        continue;
      }
      // A listed company or club before "of" and places is the company or club and its town
      // ("Kia Motors Corp of South Korea", "Galatasaray of Turkey"): no longer name
      // (org.known_of_place is for parties, courts and universities: "Labour Party of Malawi").
      if (inner->label == Label::kOrganization && outer->label == Label::kOrganization &&
          outer->origin == Origin::kRule && inner->origin == Origin::kDictionary &&
          inner->entry >= 0 && inner->token_begin == outer->token_begin &&
          inner->token_end < outer->token_end && (SymbolAt(inner->token_end) | 0x20) == 'k' &&
          (gazetteer_->entry(static_cast<std::uint32_t>(inner->entry)).flags &
           (kCompany | kSports)) != 0) {
        bool places = true;
        for (std::uint32_t t = inner->token_end + 1; places && t < outer->token_end; ++t) {
          const char symbol = static_cast<char>(SymbolAt(t) | 0x20);
          places = symbol == 'p' || symbol == 'k' || symbol == 'e' || symbol == '-';
        }
        if (places) continue;
      }
      // Of another type: an organisation that a rule builds by its head word on a known town or
      // person ("Battle Creek Toasted Corn Flake Company", "Duke Ellington Orchestra") is the
      // name, not the town or person inside it; so is one built on a country or region
      // ("Thames Valley Police", "Hong Kong Jockey Club") where no capitalised word follows it
      // (not "Hong Kong Financial Secretary", a region and a title).
      const char inner_symbol = static_cast<char>(SymbolAt(inner->token_begin) | 0x20);
      const bool town =
          inner->label == Label::kLocation &&
          (inner_symbol == 'p' ||
           (inner_symbol == 'k' &&
            !(outer->token_end < tokens.size() && tokens[outer->token_end].IsCapitalized() &&
              tokens[outer->token_end].sentence == tokens[outer->token_begin].sentence)));
      // (A place that a rule builds by its head word on a person is named after the person:
      // "Nelson Mandela Bay", "Jomo Kenyatta Avenue".)
      bool built_on = outer->origin == Origin::kRule && inner->origin == Origin::kDictionary &&
                      inner->token_begin == outer->token_begin &&
                      ((outer->label == Label::kOrganization &&
                        (town || inner->label == Label::kPerson)) ||
                       (outer->label == Label::kLocation && inner->label == Label::kPerson));
      // So is one whose head word comes first and a person closes it: "Parque Simón Bolívar",
      // "Avenida Nelson Mandela", "Aeropuerto Jorge Chávez" (head words and particles before
      // the person); or a town closes it, after capitalised words too: "Grupo Bahía Solano",
      // "Cooperativa Astronómica Pisco Elqui".
      const bool town_closes = inner->label == Label::kLocation && inner_symbol == 'p' &&
                               outer->label == Label::kOrganization;
      if (!built_on && outer->origin == Origin::kRule && inner->origin == Origin::kDictionary &&
          (inner->label == Label::kPerson || town_closes) && outer->label != Label::kPerson &&
          inner->token_end == outer->token_end && inner->token_begin > outer->token_begin) {
        const char first_symbol = SymbolAt(outer->token_begin);
        built_on = first_symbol == 'L' || first_symbol == 'H';
        for (std::uint32_t t = outer->token_begin + 1; built_on && t < inner->token_begin; ++t) {
          const char symbol = SymbolAt(t);
          built_on = symbol == 'L' || symbol == 'H' || (symbol | 0x20) == 'a' ||
                     (town_closes && (symbol == 'C' || symbol == 'W'));
        }
      }
      // ... after capitalised common words too ("Royal Papua New Guinea Constabulary", "Royal
      // Kenya Navy"), where the place does not end the name.
      if (!built_on && town && outer->label == Label::kOrganization &&
          outer->origin == Origin::kRule && inner->origin == Origin::kDictionary &&
          inner->token_begin > outer->token_begin && inner->token_end < outer->token_end) {
        built_on = true;
        for (std::uint32_t t = outer->token_begin; built_on && t < inner->token_begin; ++t) {
          built_on = SymbolAt(t) == 'W' || SymbolAt(t) == 'F';
        }
      }
      // So is an institution that ends in "of" and a place ("Landtag of Schleswig-Holstein",
      // "National Museums of Kenya"): the place is where the organisation is.
      if (!built_on && outer->label == Label::kOrganization && outer->origin == Origin::kRule &&
          inner->origin == Origin::kDictionary && inner->label == Label::kLocation &&
          inner->token_end == outer->token_end && inner->token_begin > outer->token_begin) {
        std::uint32_t before = inner->token_begin - 1;
        if (before > outer->token_begin && (SymbolAt(before) | 0x20) == 'e') --before;
        // (Only an institution named by head, group and common words before "of" (a common word
        // that is also a town's name among them, "Central Bank of Sri Lanka"; "Democratic Nursing
        // Organisation of South Africa"), and after its first word "of", "the", place words and
        // common words that are given names too: "Government of the City of Buenos Aires",
        // "Sisters of Charity of San Rafael"; not a company and the town it is based in, "Bestop
        // Inc of Boulder", "Kia Motor Corp of South Korea".)
        // (Or a particle of the languages that put the head word first, before a place that ends
        // the name: "Estudiantes de Bahía Blanca", "Câmara Municipal de São Vicente".)
        // (Not a company's head word before "of" and a town: a company and its town are two
        // names, "Lantern Hall Records of Montreal", "Daewon Foods Corporation of Busan". Before
        // another head word and a country, the name's own words may be names too: "Mahaweli
        // Authority of Sri Lanka", "Tea Research Institute of Sri Lanka".)
        const bool particle = (SymbolAt(before) | 0x20) == 'a' && before > outer->token_begin &&
                              tokens[outer->token_begin].IsCapitalized();
        const bool head_before = before > outer->token_begin &&
                                 (SymbolAt(before - 1) | 0x20) == 'h';
        const bool company = head_before && (doc_->lexical[before - 1] & kLexHeadCompany) != 0;
        const bool names_too = head_before && !company && SymbolAt(inner->token_begin) == 'K';
        if (company && SymbolAt(before) == 'k' && SymbolAt(inner->token_begin) != 'K' &&
            doc_->TokenText(tokens[before]) == "of") {
          // The town stays the town, and the company's name ends at its head word. (Not before
          // a country: "National Fishing Corporation of Namibia" is the country's own.)
          if (outer->priority >= inner->priority) outer->priority = inner->priority - 1;
          continue;
        }
        built_on = SymbolAt(before) == 'k';
        for (std::uint32_t t = outer->token_begin; built_on && t < before; ++t) {
          const char symbol = static_cast<char>(SymbolAt(t) | 0x20);
          built_on = symbol == 'h' || symbol == 'j' || symbol == 'w' || symbol == 'd' ||
                     symbol == 'q' ||
                     (names_too && (symbol == 'c' || symbol == 's' || symbol == 'g' ||
                                    symbol == 'p')) ||
                     (t > outer->token_begin &&
                      (symbol == 'k' || symbol == 'e' || symbol == 'v' || symbol == 'f')) ||
                     // (A place word or a common word that is a given name before the head
                     // word opens one too: "State Library of New South Wales", "Art Gallery of
                     // South Australia".)
                     (t == outer->token_begin && (symbol == 'v' || symbol == 'f') &&
                      t + 1 < before && (SymbolAt(t + 1) | 0x20) == 'h');
        }
        built_on = built_on || particle;
      }
      // (Nor when "and" joins another name to it: "Shimon Peres and Palestinian Cabinet"; after
      // the name's own words it joins them: "Jaramogi Oginga Odinga Teaching and Referral
      // Hospital".)
      if (built_on && inner->token_end < outer->token_end) {
        const char symbol = SymbolAt(inner->token_end);
        built_on = symbol != '2' && symbol != '&';
      }
      // A longer dictionary name holds a shorter one of another type ("Saint Joseph's
      // University" around the place "Saint Joseph's"): the longer is the name.
      const bool listed_around = outer->origin == Origin::kDictionary &&
                                 inner->origin == Origin::kDictionary && outer->entry >= 0;
      if (a.label != b.label && !built_on && !listed_around) continue;
      if (outer->priority <= inner->priority) outer->priority = inner->priority + 1;
    }
  }

  for (const Candidate& u : joined_) {
    candidates.push_back(u);
    active_.push_back(true);
  }
  joined_.clear();
  PersonAfterTown(candidates);
  // Capitalised words that end in a name found by a rule or a dictionary are that name in full,
  // and take its type: a person's ("Muthiah Muralitharan" around "Muralitharan", a bowler in a
  // scorecard), or an organisation's that ends in its head word, after words no dictionary knows
  // ("Awami National Party" around "National Party"). The untyped name outranks the shorter one.
  std::vector<NameEnd>& ends = name_ends_;
  ends.clear();
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!active_[i] || !c.typed || c.veto || c.weak) continue;
    const bool person = c.label == Label::kPerson;
    const bool organisation = c.label == Label::kOrganization &&
                              (doc_->lexical[c.token_end - 1] & TypeBit(EntryType::kOrgHead)) &&
                              tokens[c.token_end - 1].IsWord();
    if (person || organisation) ends.push_back({c.token_end, c.token_begin, c.priority, c.label});
  }
  if (ends.empty()) return;
  std::sort(ends.begin(), ends.end(), [](const NameEnd& a, const NameEnd& b) {
    return a.token_end != b.token_end ? a.token_end < b.token_end : a.token_begin < b.token_begin;
  });
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (!active_[i] || c.typed || c.veto || c.origin == Origin::kDate) continue;
    auto it =
        std::lower_bound(ends.begin(), ends.end(), c.token_end,
                         [](const NameEnd& e, std::uint32_t end) { return e.token_end < end; });
    std::int32_t best = std::numeric_limits<std::int32_t>::min();
    Label label = Label::kPerson;
    for (; it != ends.end() && it->token_end == c.token_end; ++it) {
      if (it->token_begin <= c.token_begin || it->priority <= best) continue;
      const bool whole = it->label == Label::kPerson
                             ? OnlyNameWords(c.token_begin, it->token_begin)
                             : OnlyUnknownWords(c.token_begin, it->token_begin);
      if (!whole) continue;
      best = it->priority;
      label = it->label;
    }
    if (best == std::numeric_limits<std::int32_t>::min()) continue;
    c.typed = true;
    c.label = label;
    c.priority = std::max(c.priority, best + 1);
    c.note = "resolver:full-name";
  }
}

void MentionSet::LongerPersonNames(std::vector<Candidate>& candidates) {
  // A known person's name that a surname or a word no list holds follows, capitalised, opens
  // another person's longer name: "Rajendra Prasad Shrestha", "Amanullah Khan Jadoon" (a given
  // name taken from a famous man's), "Martin Luther King Sr." (the father). The capitalised
  // words around it are one untyped name.
  const std::vector<Token>& tokens = doc_->tokens();
  std::vector<std::uint32_t>& people = known_people_;
  people.clear();
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (active_[i] && c.typed && !c.veto && c.origin == Origin::kDictionary &&
        c.label == Label::kPerson && c.token_end < tokens.size()) {
      const char next = SymbolAt(c.token_end);
      if ((next == 'S' || next == 'C') && tokens[c.token_end].IsCapitalized() &&
          tokens[c.token_end].sentence == tokens[c.token_begin].sentence) {
        people.push_back(i);
      }
    }
  }
  if (people.empty()) return;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    Candidate& n = candidates[i];
    if (!active_[i] || n.typed || n.veto) continue;
    for (std::uint32_t k : people) {
      const Candidate& p = candidates[k];
      if (n.token_begin != p.token_begin || n.token_end <= p.token_end) continue;
      bool surnames = true;
      for (std::uint32_t t = p.token_end; surnames && t < n.token_end; ++t) {
        const char symbol = SymbolAt(t);
        surnames = symbol == 'S' || symbol == 'C' || symbol == '-' || symbol == '.';
      }
      if (!surnames) continue;
      n.typed = true;
      n.label = Label::kPerson;
      n.priority = p.priority + 1;
      n.note = "resolver:longer-person-name";
      break;
    }
  }
}

void MentionSet::PersonAfterTown(std::vector<Candidate>& candidates) {
  // A small town that only a dictionary names, followed by capitalised words that no dictionary
  // knows, opens a person's name: "Youri Djorkaeff", "Kveta Peschke" (a given name of another
  // language that is also a village's name, or another spelling of a city's). Not where a rule
  // finds the place too ("in Youri"), nor by the main name of a city of 100,000 people or more
  // ("Chicago NAPM"), a region, a hyphenated pair ("Kabul-Salang") or an acronym after it; a
  // head word or a known word after it is left to the rules that build those names.
  constexpr std::uint32_t kLargeTown = 100000;
  std::vector<std::uint32_t>& towns = towns_;  // token << 1 | found by a rule or not small
  towns.clear();
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!active_[i] || !c.typed || c.veto || c.label != Label::kLocation ||
        c.token_end != c.token_begin + 1 || c.token_begin >= doc_->token_symbol.size() ||
        doc_->token_symbol[c.token_begin] != 'P') {
      continue;
    }
    bool small_town = false;
    if (c.origin == Origin::kDictionary && c.entry >= 0) {
      const Entry e = gazetteer_->entry(static_cast<std::uint32_t>(c.entry));
      small_town = e.Has(kCity) && !e.Has(kRegion) && (e.weight < kLargeTown || e.Has(kAlternate));
    }
    towns.push_back(c.token_begin << 1 | (small_town ? 0u : 1u));
  }
  if (towns.empty()) return;
  std::sort(towns.begin(), towns.end());
  const std::vector<Token>& tokens = doc_->tokens();
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (!active_[i] || c.typed || c.veto || c.origin == Origin::kDate ||
        c.token_end < c.token_begin + 2 || !OnlyUnknownWords(c.token_begin + 1, c.token_end)) {
      continue;
    }
    bool words = true;
    for (std::uint32_t t = c.token_begin + 1; words && t < c.token_end; ++t) {
      words = tokens[t].Has(text::kSpaceBefore) && tokens[t].shape == Shape::kCapitalized;
    }
    if (!words) continue;
    auto it = std::lower_bound(towns.begin(), towns.end(), c.token_begin << 1);
    // Only a dictionary's reading of the town: its entry is (token << 1), and no rule's follows.
    if (it == towns.end() || *it != (c.token_begin << 1)) continue;
    if (it + 1 != towns.end() && *(it + 1) == (c.token_begin << 1 | 1u)) continue;
    std::int32_t town_priority = std::numeric_limits<std::int32_t>::min();
    for (std::uint32_t j = 0; j < candidates.size(); ++j) {
      const Candidate& t = candidates[j];
      if (active_[j] && t.typed && t.label == Label::kLocation && t.token_begin == c.token_begin &&
          t.token_end == c.token_begin + 1) {
        town_priority = std::max(town_priority, t.priority);
      }
    }
    c.typed = true;
    c.label = Label::kPerson;
    c.priority = std::max(c.priority, town_priority + 1);
    c.note = "resolver:person-after-town";
  }
}

void MentionSet::Select(const std::vector<Candidate>& candidates,
                        std::vector<RejectedCandidate>* rejected) {
  // By span (first token, then last), then higher priority first, then candidate order: one
  // sort of keys that hold what they are compared by.
  std::vector<std::uint32_t>& order = order_;
  std::vector<SortKey>& keys = sort_keys_;
  keys.clear();
  // A rule's "no entity" inside a longer name that a dictionary knows is part of that name: the
  // storm rule's "Hurricane Center" of the "National Hurricane Center". The name's index, or -1.
  auto longer_known_name = [&](const Candidate& v) -> std::int32_t {
    for (std::uint32_t j = 0; j < candidates.size(); ++j) {
      const Candidate& c = candidates[j];
      const bool name = c.label == Label::kPerson || c.label == Label::kLocation ||
                        c.label == Label::kOrganization;
      if (active_[j] && c.origin == Origin::kDictionary && c.typed && !c.veto && !c.weak && name &&
          c.token_begin <= v.token_begin && c.token_end >= v.token_end &&
          c.token_end - c.token_begin > v.token_end - v.token_begin) {
        return static_cast<std::int32_t>(j);
      }
    }
    return -1;
  };
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!active_[i]) {
      if (rejected) {
        rejected->push_back({i, -1,
                             "its sentence is a headline or an all-capital line, where "
                             "capitalisation says nothing"});
      }
      continue;
    }
    if (c.veto) {
      if (const std::int32_t name = longer_known_name(c); name >= 0) {
        active_[i] = false;
        if (rejected) rejected->push_back({i, name, "part of a longer known name:"});
        continue;
      }
    }
    keys.push_back({static_cast<std::uint64_t>(c.token_begin) << 32 | c.token_end,
                    InvertedPriority(c.priority) << 32 | i});
  }
  // Candidates come in runs already in span order (the gazetteer's, each rule's), so the sort is
  // by first token into buckets (linear, no comparison to mispredict), then within each bucket,
  // mostly of one to three candidates, by insertion.
  std::vector<std::uint32_t>& bucket = bucket_;
  bucket.assign(doc_->tokens().size() + 1, 0);
  for (const SortKey& k : keys) ++bucket[static_cast<std::size_t>(k.first >> 32) + 1];
  for (std::size_t t = 1; t < bucket.size(); ++t) bucket[t] += bucket[t - 1];
  sorted_keys_.resize(keys.size());
  for (const SortKey& k : keys) sorted_keys_[bucket[static_cast<std::size_t>(k.first >> 32)]++] = k;
  keys.swap(sorted_keys_);
  for (std::size_t b = 0; b < keys.size();) {
    const std::uint64_t first = keys[b].first >> 32;
    std::size_t e = b + 1;
    while (e < keys.size() && keys[e].first >> 32 == first) ++e;
    if (e - b > 16) {  // (a token that starts many candidates: the rules bound how many)
      std::sort(keys.begin() + static_cast<std::ptrdiff_t>(b),
                keys.begin() + static_cast<std::ptrdiff_t>(e));
      b = e;
      continue;
    }
    for (std::size_t k = b + 1; k < e; ++k) {
      const SortKey key = keys[k];
      std::size_t j = k;
      for (; j > b && key < keys[j - 1]; --j) keys[j] = keys[j - 1];
      keys[j] = key;
    }
    b = e;
  }
  order.resize(keys.size());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    order[k] = static_cast<std::uint32_t>(keys[k].second & 0xFFFFFFFFu);
  }
  std::vector<Group>& groups = groups_;
  groups.clear();
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const Candidate& c = candidates[order[k]];
    if (groups.empty()) {
      groups.push_back({k, 0, 0});
    } else {
      const Candidate& head = candidates[order[groups.back().first]];
      if (head.token_begin != c.token_begin || head.token_end != c.token_end) {
        groups.push_back({k, 0, 0});
      }
    }
    Group& g = groups.back();
    const Candidate& best = candidates[order[g.first]];
    ++g.count;
    if (c.veto == best.veto && c.typed == best.typed && c.label == best.label) ++g.evidence;
  }
  // Groups by rank: higher priority, then more evidence, then the longer span, then the earlier
  // (spans of groups differ, so the first token ends every tie).
  std::vector<std::uint32_t>& rank = rank_;
  std::vector<std::pair<SortKey, std::uint32_t>>& ranked = ranked_;
  ranked.clear();
  for (std::uint32_t gi = 0; gi < groups.size(); ++gi) {
    const Candidate& x = candidates[order[groups[gi].first]];
    const std::uint32_t length = x.token_end - x.token_begin;
    const SortKey key = {InvertedPriority(x.priority) << 32 | (0xFFFFFFFFu - groups[gi].evidence),
                         static_cast<std::uint64_t>(0xFFFFFFFFu - length) << 32 | x.token_begin};
    ranked.push_back({key, gi});
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  rank.resize(ranked.size());
  for (std::size_t k = 0; k < ranked.size(); ++k) rank[k] = ranked[k].second;
  std::vector<std::int32_t>& owner = owner_;  // group index
  owner.assign(doc_->tokens().size(), -1);
  auto reject_group = [&](const Group& g, std::int32_t winner, const char* reason) {
    if (!rejected) return;
    for (std::uint32_t k = g.first; k < g.first + g.count; ++k) {
      rejected->push_back({order[k], winner, reason});
    }
  };
  for (std::uint32_t gi : rank) {
    const Group& g = groups[gi];
    const Candidate& best = candidates[order[g.first]];
    if (best.weak) {
      reject_group(g, -1, "a common word that is also a name, with no other evidence");
      continue;
    }
    std::int32_t blocker = -1;
    for (std::uint32_t t = best.token_begin; t < best.token_end; ++t) {
      if (owner[t] >= 0) {
        blocker = owner[t];
        break;
      }
    }
    if (blocker >= 0) {
      reject_group(
          g, static_cast<std::int32_t>(order[groups[static_cast<std::size_t>(blocker)].first]),
          "overlaps a candidate that ranks higher:");
      continue;
    }
    for (std::uint32_t t = best.token_begin; t < best.token_end; ++t) {
      owner[t] = static_cast<std::int32_t>(gi);
    }
    Mention m;
    m.token_begin = best.token_begin;
    m.token_end = best.token_end;
    m.begin = best.begin;
    m.end = best.end;
    m.label = best.label;
    m.typed = best.typed;
    m.veto = best.veto;
    m.priority = best.priority;
    m.value_candidate = order[g.first];
    m.note = best.note;
    m.candidates_begin = static_cast<std::uint32_t>(candidate_ids_.size());
    for (std::uint32_t k = g.first; k < g.first + g.count; ++k) {
      const Candidate& c = candidates[order[k]];
      const bool agrees = c.veto == best.veto && c.typed == best.typed && c.label == best.label;
      if (agrees) {
        candidate_ids_.push_back(order[k]);
        if (m.entry < 0 && c.entry >= 0) m.entry = c.entry;
      } else if (!best.typed && c.origin == Origin::kDictionary) {
        // A name whose type is still open keeps the dictionary candidates of its span: if it
        // gets one of their types, it gets their entry too.
        candidate_ids_.push_back(order[k]);
      } else if (rejected && (best.typed || c.origin != Origin::kDictionary)) {
        rejected->push_back({order[k], static_cast<std::int32_t>(order[g.first]),
                             "same span as a candidate that ranks higher:"});
      }
    }
    m.candidates_count = static_cast<std::uint32_t>(candidate_ids_.size()) - m.candidates_begin;
    if (!IsTimeLabel(m.label) || !m.typed) SetKey(m);
    mentions_.push_back(m);
  }
}

char MentionSet::SymbolAt(std::uint32_t token) const {
  return token < doc_->token_symbol.size() ? doc_->token_symbol[token] : '\0';
}

bool MentionSet::AfterDeterminer(std::uint32_t token) const {
  return token > 0 && (SymbolAt(token - 1) | 0x20) == 'e';
}

bool MentionSet::NameWordFollows(std::uint32_t end) const {
  const std::vector<Token>& tokens = doc_->tokens();
  return end < tokens.size() && tokens[end].IsWord() && tokens[end].IsCapitalized() &&
         tokens[end].sentence == tokens[end - 1].sentence;
}

void MentionSet::Decide(Mention& m, Label label, const char* note) const {
  m.typed = true;
  m.label = label;
  m.note = note;
  // The span's dictionary candidate of that type gives the entry.
  const std::vector<Candidate>& candidates = doc_->candidates;
  for (std::uint32_t k = 0; k < m.candidates_count; ++k) {
    const Candidate& c = candidates[candidate_ids_[m.candidates_begin + k]];
    if (c.origin == Origin::kDictionary && c.label == label && m.entry < 0) m.entry = c.entry;
  }
}

void MentionSet::TypeNames() {
  const std::vector<Token>& tokens = doc_->tokens();
  // What the document already says about names.
  FlatMap<Vote>& typed = typed_;
  typed.Clear();
  // Word hashes of full names: people_[k] is word_pool_[begin, begin + size).
  std::vector<WordSpan>& people = people_;
  people.clear();
  word_pool_.clear();
  std::vector<Expansion>& expansions = expansions_;
  expansions.clear();
  CollectPlaceTails();
  std::vector<std::uint32_t>& words = words_;
  // A person's full name, by the hashes of its key words (`words`).
  auto add_person = [&] {
    people.push_back({static_cast<std::uint32_t>(word_pool_.size()),
                      static_cast<std::uint32_t>(words.size())});
    for (std::uint32_t t : words) word_pool_.push_back(TokenHash(t));
  };
  for (const Mention& m : mentions_) {
    if (!m.typed || m.veto || !m.IsName()) continue;
    const Vote* vote = typed.Find(m.key);
    if (!vote || vote->priority < m.priority) typed[m.key] = {m.label, m.priority};
    if (m.words < 2) continue;
    if (m.label == Label::kPerson) {
      KeyTokens(m.token_begin, m.token_end, words);
      add_person();
      // A nickname in quotes inside the full name is the person's too: "Kyuu" after Muhammad
      // "Kyuu" Fadhil.
      for (std::uint32_t t = m.token_begin + 1; t + 2 < m.token_end; ++t) {
        if (!text::IsQuoteMark(tokens[t].mark)) continue;
        std::uint32_t close = t + 1;
        while (close < m.token_end && tokens[close].IsWord()) ++close;
        if (close == t + 1 || close >= m.token_end || !text::IsQuoteMark(tokens[close].mark)) break;
        const std::uint64_t key = KeyHash(t + 1, close, nullptr);
        if (!typed.Find(key)) typed[key] = {Label::kPerson, m.priority};
        break;
      }
    } else {
      // (Also with the letters of "of", "and", "for": "BOT" of "Bank of Thailand".)
      std::string initials, with_fillers;
      Initials(m.token_begin, m.token_end, initials, with_fillers);
      // An abbreviation in capitals that an organisation's name defines in brackets right after
      // it, made of letters of its words in order from the first, not of initials alone: "First
      // Catanduanes Electric Cooperative (FICELCO)", "Japan Agency for Marine-Earth Science and
      // Technology (JAMSTEC)".
      if (m.label == Label::kOrganization && WordInBrackets(m.token_end) &&
          tokens[m.token_end + 1].shape == Shape::kAllCaps) {
        std::string letters = AcronymLetters(m.token_end + 1);
        if (letters.size() >= 3 && letters != initials && letters != with_fillers &&
            LettersOfName(m.token_begin, m.token_end, letters)) {
          expansions.push_back({std::move(letters), m.label});
        }
      }
      if (!with_fillers.empty()) expansions.push_back({std::move(with_fillers), m.label});
      if (initials.size() >= 2) expansions.push_back({std::move(initials), m.label});
      if (m.label == Label::kOrganization) {
        KeyTokens(m.token_begin, m.token_end, words);
        // The short name is the organisation's too ("Ruch" of "Ruch SA"), unless it is a place
        // ("U.S." of "U.S. Embassy", "Harlow" of "Harlow & Finch Inc.").
        const std::size_t keep = ShortNameWords(words);
        if (keep > 0 && OnlyNameWords(m.token_begin, words[keep - 1] + 1) &&
            !(keep == 1 && place_tails_.Find(TokenHash(words[0])))) {
          const std::uint64_t key = KeyHash(m.token_begin, words[keep - 1] + 1, nullptr);
          const Vote* short_vote = typed.Find(key);
          if (!short_vote || short_vote->priority < m.priority) typed[key] = {m.label, m.priority};
        }
        // A name of two words without a head word is known by its first ("Goldman" of "Goldman
        // Sachs", "Exxon" of "Exxon Mobil"): when that word is capitalised and distinctive (no
        // common word, demonym, month or given name) and the two are not joined by "&" or "and".
        if (keep == 0 && KnownByFirstWord(words)) {
          const std::uint64_t key = KeyHash(words[0], words[0] + 1, nullptr);
          const Vote* short_vote = typed.Find(key);
          if (!short_vote || short_vote->priority < m.priority) typed[key] = {m.label, m.priority};
        }
        // So are the initials without trailing head words ("BRE" of "Bank Rozwoju Exportu SA").
        const std::size_t named = WordsBeforeHeads(words);
        if (named >= 2 && named < words.size()) {
          std::string short_initials, unused;
          Initials(m.token_begin, words[named - 1] + 1, short_initials, unused);
          if (short_initials.size() >= 2) {
            expansions.push_back({std::move(short_initials), m.label});
          }
        }
      }
    }
  }

  // An acronym that the document spells out ("Bharat Heavy Electricals Limited (BHEL)") has its
  // expansion's type, which no weak cue elsewhere overrules ("his years at BHEL" was a place, and
  // so the first BHEL too): typed first, as strong evidence for the same name.
  for (Mention& m : mentions_) {
    if (m.typed || m.veto || m.words != 1 || expansions.empty()) continue;
    if (tokens[m.token_begin].shape != Shape::kAllCaps) continue;
    const Vote* vote = typed.Find(m.key);
    if (vote && vote->priority >= kWeakCue) continue;  // stronger evidence decides below
    const std::string letters = AcronymLetters(m.token_begin);
    for (const Expansion& x : expansions) {
      if (x.initials != letters) continue;
      Decide(m, x.label, "resolver:acronym");
      typed[m.key] = {m.label, kStrongCue};
      break;
    }
  }

  // A single capitalised word in brackets right after an organisation's name, that neither a
  // spelt-out abbreviation (above) nor anything else types, is its short name, whatever its
  // letters: "the Missouri Department of Transportation (MoDOT)", "Environment Canterbury
  // (ECan)", "the National Water Commission (Conagua)", "the Tanzania Commission for Science and
  // Technology (COSTECH)".
  // So is an abbreviation in capitals after a place's name that opens after a lower-case word,
  // "the Karakoram Highway (KKH)", "the Central Business District (CBD)" (not the place that ends
  // a longer name, "Central Bank of Sri Lanka (CBSL)", "Athletics Kenya (AK)", nor an agency's
  // before a dateline's dash, "KIGALI (RNA) —").
  for (const Mention& m : mentions_) {
    if (!m.typed || m.veto || !WordInBrackets(m.token_end)) continue;
    const std::uint32_t t = m.token_end + 1;
    if (m.label == Label::kLocation) {
      const bool dash_after = t + 2 < tokens.size() && (tokens[t + 2].Is(text::Mark::kDash) ||
                                                        text::IsHyphenMark(tokens[t + 2].mark) ||
                                                        tokens[t + 2].Is(text::Mark::kColon));
      if (tokens[t].shape != Shape::kAllCaps || dash_after || m.token_begin == 0) continue;
      const Token& before = tokens[m.token_begin - 1];
      if (!before.IsWord() || before.shape != Shape::kLower) continue;
      const std::string_view word = doc_->words.Key(before);
      if (word == "of" || word == "in" || word == "for" || word == "and" ||
          (doc_->lexical[m.token_begin - 1] & TypeBit(EntryType::kNameParticle))) {
        continue;
      }
    } else if (m.label != Label::kOrganization) {
      continue;
    }
    const std::uint64_t key = KeyHash(t, t + 1, nullptr);
    if (!typed.Find(key)) typed[key] = {m.label, kStrongCue};
  }

  // A single word typed only by a weak cue (a reporting verb, a preposition) takes the type the
  // document gives the same name with stronger evidence: "Ruch said" after "Ruch SA". So does a
  // name of several words that only a weak reading of its words typed, where the document gives
  // it a type by what it says of it ("Sahl Houran", a family name first, after "Sahl Houran, a
  // five-piece rock band").
  for (Mention& m : mentions_) {
    if (!m.typed || m.veto || m.words == 0 || !m.IsName()) continue;
    const bool single = m.words == 1;
    if (m.priority >= (single ? kWeakCue : kStrongCue)) continue;
    const Vote* vote = typed.Find(m.key);
    if (!vote || vote->label == m.label || vote->priority < (single ? kStrongCue : kContextCue)) {
      continue;
    }
    m.label = vote->label;
    m.entry = -1;
    m.note = "resolver:same-name";
  }

  // A word of two to eight capitals that no list knows, which only a weak cue placed (a
  // preposition: "a master's degree at KAIST in Daejeon"), is an organisation's abbreviation, as
  // such a word is without a cue (below): running text seldom writes a place in capitals. (Not
  // in a line of capitals, a headline or a dateline.)
  for (Mention& m : mentions_) {
    if (!m.typed || m.veto || m.words != 1 || m.label != Label::kLocation || m.entry >= 0 ||
        m.priority >= kWeakCue) {
      continue;
    }
    const Token& tok = tokens[m.token_begin];
    if (tok.shape != Shape::kAllCaps || tok.key_len < 2 || tok.key_len > 8 ||
        (doc_->lexical[m.token_begin] & TypeBit(EntryType::kWord)) ||
        IsHeadline(tok.sentence)) {
      continue;
    }
    // (Nor where the document types the word with stronger evidence elsewhere.)
    const Vote* vote = typed.Find(m.key);
    if (vote && vote->priority > m.priority) continue;
    m.label = Label::kOrganization;
    m.note = "resolver:acronym-shape";
    typed[m.key] = {m.label, m.priority};
  }

  // An abbreviation in capitals that the name of a town or feature matched only by ignoring case
  // ("GAO", the town of Gao) is the organisation whose initials it is, when the document names
  // one: "the Government Accountability Office (GAO)".
  for (Mention& m : mentions_) {
    if (!m.typed || m.veto || m.words != 1 || m.label != Label::kLocation) continue;
    const Token& tok = tokens[m.token_begin];
    if (tok.shape != Shape::kAllCaps || tok.key_len < 2 || tok.key_len > 6) continue;
    // Countries and regions keep their abbreviations ("U.S.", "UK"): only a town or feature.
    if (SymbolAt(m.token_begin) != 'P') {
      continue;
    }
    const std::string letters = AcronymLetters(m.token_begin);
    for (const Expansion& x : expansions) {
      if (x.label != Label::kOrganization || x.initials != letters) continue;
      m.label = Label::kOrganization;
      m.entry = -1;
      m.note = "resolver:acronym";
      typed[m.key] = {m.label, m.priority};
      break;
    }
  }

  bool first_names_built = false;
  for (Mention& m : mentions_) {
    if (m.typed || m.veto) continue;
    std::uint32_t common = 0;
    KeyTokens(m.token_begin, m.token_end, words);
    for (std::uint32_t t : words) {
      if (doc_->lexical[t] & TypeBit(EntryType::kWord)) ++common;
    }
    auto decide = [&](Label label, const char* note) { Decide(m, label, note); };
    // a. The same name typed elsewhere.
    if (const Vote* vote = typed.Find(m.key)) {
      decide(vote->label, "resolver:same-name");
      continue;
    }
    // b. The end of a person's full name ("Al-Ghasri" after "Mohammed al-Ghasri").
    bool person = false;
    for (const WordSpan& span : people) {
      if (words.size() >= span.size) continue;
      const std::uint64_t* full_end = word_pool_.data() + span.begin + span.size;
      bool suffix = true;
      for (std::size_t k = 0; k < words.size() && suffix; ++k) {
        suffix = TokenHash(words[k]) == *(full_end - words.size() + k);
      }
      if (suffix) {
        person = true;
        break;
      }
    }
    // The first word of a person's full name, when it is a given name and no common word:
    // "Kieran has been waiting for his chance" after "Kieran Doyle scored twice" (quotes and
    // features call people by their given names; not "the Prophet", "the Mac", "Christian
    // Democrats").
    // So is a first word no list holds at all ("Tigist" after "Tigist Assefa", "Obiageli" after
    // "Obiageli Nwosu": the given names the lists lack).
    constexpr std::uint32_t kAllTypes = (1u << kEntryTypeCount) - 1;
    const std::uint32_t first_lex = doc_->lexical[m.token_begin];
    if (!person && m.words == 1 &&
        ((first_lex & TypeBit(EntryType::kGivenName)) || !(first_lex & kAllTypes)) &&
        !(first_lex & TypeBit(EntryType::kWord)) && !AfterDeterminer(m.token_begin) &&
        !NameWordFollows(m.token_end)) {
      if (!first_names_built) {
        // (A set of the first words, so that a document of many names stays linear.)
        first_names_.Clear();
        for (const WordSpan& span : people) {
          if (span.size >= 2) first_names_.Insert(word_pool_[span.begin], 1);
        }
        first_names_built = true;
      }
      person = first_names_.Find(TokenHash(words[0])) != nullptr;
    }
    // (Not a common word opening a sentence that the document also writes in lower case:
    // "Rice prices rose" after "Condoleezza Rice".)
    if (person && m.words == 1 && CommonWordOpensSentence(m.token_begin) &&
        WrittenInLowerCase(m.token_begin)) {
      person = false;
    }
    if (person) {
      decide(Label::kPerson, "resolver:part-of-name");
      continue;
    }
    // c. An acronym of a name in the document.
    const Token& first = tokens[m.token_begin];
    if (m.words == 1 && first.shape == Shape::kAllCaps && !expansions.empty()) {
      const std::string letters = AcronymLetters(m.token_begin);
      bool found = false;
      for (const Expansion& x : expansions) {
        if (x.initials == letters) {
          decide(x.label, "resolver:acronym");
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    // d. A name that opens with a name the document gives an organisation is that
    // organisation's ("Vellmark Nordhavn" after "Vellmark is a shipping company"): a product, a
    // merged company or a subsidiary, not a person. (Capitalised words only: not "Cofinec GDRs",
    // its depositary receipts.)
    bool title_case = m.words >= 2;
    for (std::size_t k = 0; title_case && k < words.size(); ++k) {
      const std::string_view w = doc_->TokenText(tokens[words[k]]);
      const bool plural_acronym =
          w.size() >= 3 && w.back() == 's' &&
          std::all_of(w.begin(), w.end() - 1, [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      title_case = tokens[words[k]].shape == Shape::kCapitalized && !plural_acronym;
    }
    if (title_case) {
      const Vote* vote = typed.Find(KeyHash(words[0], words[0] + 1, nullptr));
      if (vote && vote->label == Label::kOrganization && vote->priority >= kStrongCue) {
        decide(Label::kOrganization, "resolver:organisation-first");
        continue;
      }
    }
    // d'. A name of two words or more whose initials the capitals in brackets after it spell is
    // an organisation's: "the state grain board Toprak Mahsulleri Ofisi (TMO)" (the news gives
    // no person's initials so).
    if (m.words >= 2 && WordInBrackets(m.token_end) &&
        tokens[m.token_end + 1].shape == Shape::kAllCaps) {
      std::string initials, with_fillers;
      Initials(m.token_begin, m.token_end, initials, with_fillers);
      const std::string letters = AcronymLetters(m.token_end + 1);
      if (letters.size() >= 2 && (letters == initials || letters == with_fillers)) {
        decide(Label::kOrganization, "resolver:spelt-out");
        continue;
      }
    }
    // e. The form of the name. One that ends in a word in camel case is a company's ("Spirit
    // AeroSystems", "YouTube").
    if (EndsInCamelCase(m.token_begin, m.token_end)) {
      decide(Label::kOrganization, "resolver:camel-case");
      continue;
    }
    const std::uint32_t lex = doc_->lexical[m.token_begin];
    // A frequent given name (Mark, Peter, Bob) first makes a person of common words too ("Mark
    // Butcher", "Bob Dole"); a rare one or a particle does not ("Red Star", "al-Jazeera").
    const bool given =
        (lex & TypeBit(EntryType::kGivenName)) && !(lex & TypeBit(EntryType::kNameParticle)) &&
        (!(lex & (kLexGivenCommon | TypeBit(EntryType::kWord))) || (lex & kLexGivenFrequent));
    // An Arabic article and one word ("al-Jazeera", "al-Anbar", "el-Dabaa") names a place, a
    // newspaper or a group more often than a person (who would have been named in full before).
    const bool article_and_word = m.words == 2 && (lex & TypeBit(EntryType::kNameParticle));
    // A short word in capitals among capitalised ones ("OS X Tiger", "NY Dow", "RMS Titanic",
    // "LIMMT Economic") is an abbreviation or a code, which personal names do not hold: two or
    // three capitals anywhere, or more before the last word. (A surname in capitals at the end
    // is a name: "Lansana CONTE"; so are initials with periods, "S.P.", and regnal numbers,
    // "John Paul II".)
    bool abbreviation = false;
    bool mixed = false;
    for (std::uint32_t t : words) mixed = mixed || tokens[t].shape == Shape::kCapitalized;
    if (!given && mixed) {
      for (std::size_t k = 0; k < words.size(); ++k) {
        const Token& tok = tokens[words[k]];
        if (tok.shape != Shape::kAllCaps || tok.key_len < 2) continue;
        const std::string_view w = doc_->TokenText(tok);
        if (w.find('.') != std::string_view::npos) continue;
        if (w.find_first_not_of("IVX") == std::string_view::npos) continue;
        if (w.size() <= 3 || k + 1 < words.size()) abbreviation = true;
      }
    }
    // A personal name does not end in a common word that is no frequent surname ("Neverland
    // Ranch", "Pirelli Cables", "MacBook Air"; "Tony Hill" and "Jo House" are names).
    const std::uint32_t last_lex = doc_->lexical[words.back()];
    const bool ends_in_word =
        (last_lex & TypeBit(EntryType::kWord)) && !(last_lex & kLexSurnameFrequent);
    // (Nor, without a given name, one after "the": "the successor to the Bharatiya Jana Sangh",
    // "the Kuiper Belt"; "the Tom Cruise blockbuster" is his.)
    const bool after_the = m.token_begin > 0 && tokens[m.token_begin - 1].Has(text::kThe);
    if (m.words >= 2 && (common < m.words || given) && !article_and_word && !abbreviation &&
        (given || (!ends_in_word && !after_the))) {
      decide(Label::kPerson, given ? "resolver:given-name" : "resolver:name-shape");
      // The names after it read this full name as one typed before, where it ends in a listed
      // surname: "Efua says" after "the sisters Efua Mensah-Quaye and Esi Mensah-Quaye" (not
      // "Broadford" after "Broadford Rapparees", a club the name's shape misread).
      if (last_lex & TypeBit(EntryType::kSurname)) {
        add_person();
        if (first_names_built) first_names_.Insert(word_pool_[people.back().begin], 1);
      }
      continue;
    }
    // A word of two to eight capitals that no list knows is an organisation's abbreviation
    // ("PAFFREL Executive Director Chaminda Weerasooriya", "UNESCO"), unless the document says
    // it abbreviates something else (AbbreviatesNoName).
    if (m.words == 1 && first.shape == Shape::kAllCaps && first.key_len >= 2 &&
        first.key_len <= 8 && !(lex & TypeBit(EntryType::kWord)) &&
        !AbbreviatesNoName(m.token_begin)) {
      decide(Label::kOrganization, "resolver:acronym-shape");
      continue;
    }
    m.dropped = true;
    m.note = m.words == 1 ? "a single capitalised word with no evidence of a type"
                          : "capitalised common words with no evidence of a type";
  }
}

namespace {
constexpr const char* kClubShortName = "resolver:club-short-name";
}  // namespace

void MentionSet::NamesInLists() {
  const std::vector<Token>& tokens = doc_->tokens();
  const std::uint32_t n = static_cast<std::uint32_t>(tokens.size());
  // The words that may join the list: capitalised (not in capitals, an abbreviation), dropped
  // for want of evidence, of one or two words.
  auto unknown = [&](const Mention& m) {
    if (!m.dropped || m.veto || m.words == 0 || m.words > 2) return false;
    for (std::uint32_t t = m.token_begin; t < m.token_end; ++t) {
      if (!tokens[t].IsWord()) continue;
      if (tokens[t].shape != Shape::kCapitalized) return false;
      // (No common word: "from Central and South America".)
      if (doc_->lexical[t] & TypeBit(EntryType::kWord)) return false;
    }
    // (Nor the first words of a longer name: "North Clyde and Spooner's Point".)
    if (m.token_end < n && tokens[m.token_end].Has(text::kPossessive)) return false;
    return !tokens[m.token_begin].Has(text::kSentenceStart);
  };
  bool any = false;
  for (const Mention& m : mentions_) any = any || unknown(m);
  if (!any) return;
  std::vector<std::int32_t>& start_at = list_start_at_;
  std::vector<std::int32_t>& end_at = list_end_at_;
  start_at.assign(n, -1);
  end_at.assign(n, -1);
  for (std::size_t j = 0; j < mentions_.size(); ++j) {
    const Mention& m = mentions_[j];
    if (m.veto || m.token_end == 0 || m.token_end > n) continue;
    start_at[m.token_begin] = static_cast<std::int32_t>(j);
    end_at[m.token_end - 1] = static_cast<std::int32_t>(j);
  }
  auto joiner = [&](std::uint32_t t) {
    if (t >= n || !tokens[t].IsWord()) return false;
    const std::string_view w = doc_->words.Key(tokens[t]);
    return w == "and" || w == "or";
  };
  // The first token of the next element after `end` ("," and/or "and"), or n.
  auto next_element = [&](std::uint32_t end) -> std::uint32_t {
    std::uint32_t t = end;
    if (t < n && tokens[t].Is(text::Mark::kComma)) ++t;
    if (joiner(t)) ++t;
    return (t == end || t >= n) ? n : t;
  };
  std::vector<std::uint32_t>& items = list_items_;
  for (std::size_t j = 0; j < mentions_.size(); ++j) {
    const Mention& first = mentions_[j];
    if (first.veto || first.token_end > n) continue;
    // Only from a list's first element: none ends right before a separator before it.
    std::uint32_t b = first.token_begin;
    if (b > 0 && joiner(b - 1)) --b;
    if (b > 0 && tokens[b - 1].Is(text::Mark::kComma)) --b;
    if (b < first.token_begin && b > 0 && end_at[b - 1] >= 0) continue;
    items.clear();
    items.push_back(static_cast<std::uint32_t>(j));
    int joiners = 0;
    for (std::uint32_t t = next_element(first.token_end); t < n && start_at[t] >= 0;) {
      if (joiner(t - 1)) ++joiners;
      const Mention& m = mentions_[static_cast<std::size_t>(start_at[t])];
      if (tokens[m.token_begin].sentence != tokens[first.token_begin].sentence) break;
      items.push_back(static_cast<std::uint32_t>(start_at[t]));
      if (joiners > 0) break;  // "and" closes the list
      t = next_element(m.token_end);
    }
    if (items.size() < 2 || joiners != 1) continue;
    // The type of the typed names, which must all agree.
    int typed = 0, unknowns = 0;
    bool given = false;
    Label label = Label::kLocation;
    for (std::uint32_t k : items) {
      const Mention& m = mentions_[k];
      if (m.Live() && m.IsName() && (typed == 0 || m.label == label)) {
        label = m.label;
        ++typed;
      } else if (unknown(m)) {
        ++unknowns;
        // (A personal name that a list also holds as a town is the town beside a place: "ram
        // raids in Dalby and Gatton".)
        const bool town = AnyCandidate(m, [](const Candidate& c) {
          return c.origin == Origin::kDictionary && c.label == Label::kLocation;
        });
        constexpr std::uint32_t kPersonal =
            TypeBit(EntryType::kGivenName) | TypeBit(EntryType::kSurname);
        given = given || (!town && (doc_->lexical[m.token_begin] & kPersonal));
      } else {
        typed = -1;
        break;
      }
    }
    // The typed names outnumber the unknown words; a pair of a place and a personal name is
    // none ("Paris and Claire", "plays by Brecht and Lorca").
    // (Not organisations: a list of them holds products, brands, diseases and events as often:
    // "Yahoo, Google, MSN, Hotmail and Bing", "both Marburg and Ebola".)
    if (typed < 1 || unknowns == 0 || typed < unknowns || label == Label::kOrganization) continue;
    if (label == Label::kLocation && items.size() == 2 && given) continue;
    const char* note =
        label == Label::kLocation ? "resolver:listed-with-places" : "resolver:listed-with-people";
    for (std::uint32_t k : items) {
      Mention& m = mentions_[k];
      if (!unknown(m)) continue;
      m.dropped = false;
      Decide(m, label, note);
      m.priority = kWeakCue;
    }
  }
}

void MentionSet::Aliases() {
  const std::vector<Token>& tokens = doc_->tokens();
  const std::size_t n = tokens.size();
  // Per token, the mention that starts there: made when the first "known as" is found.
  std::vector<std::int32_t>& at = mention_at_;
  bool at_built = false;
  auto key_is = [&](std::size_t t, std::string_view word) {
    return t < n && tokens[t].IsWord() && doc_->words.Key(tokens[t]) == word;
  };
  FlatMap<Vote>& aliases = aliases_;
  aliases.Clear();
  for (std::size_t k = 0; k < mentions_.size(); ++k) {
    const Mention& m = mentions_[k];
    if (!m.Live() || !m.IsName() || m.words < 2) continue;
    // ", commonly known as", ", also known as", "known simply as", "trading as".
    std::size_t t = m.token_end;
    if (t < n && tokens[t].Is(text::Mark::kComma)) ++t;
    if (key_is(t, "commonly") || key_is(t, "also") || key_is(t, "better") || key_is(t, "locally") ||
        key_is(t, "popularly") || key_is(t, "widely")) {
      ++t;
    }
    if (key_is(t, "known") && key_is(t + 1, "simply")) {
      t += 2;
    } else if (key_is(t, "known") || key_is(t, "trading")) {
      ++t;
    } else {
      continue;
    }
    if (!key_is(t, "as")) continue;
    ++t;
    if (t < n && tokens[t].Has(text::kThe)) ++t;
    if (t >= n) continue;
    if (!at_built) {
      at.assign(n, -1);
      for (std::size_t j = 0; j < mentions_.size(); ++j) {
        const Mention& x = mentions_[j];
        // (A name that nothing typed, dropped for want of evidence, is an alias too: "commonly
        // known as Harbour Stars".)
        if ((!x.dropped || !x.typed) && !x.veto && x.token_begin < n)
          at[x.token_begin] = static_cast<std::int32_t>(j);
      }
      at_built = true;
    }
    if (at[t] < 0) continue;
    Mention& alias = mentions_[static_cast<std::size_t>(at[t])];
    if (alias.token_begin <= m.token_begin || !(alias.IsName() || !alias.typed)) continue;
    if (tokens[alias.token_begin].sentence != tokens[m.token_begin].sentence) continue;
    alias.typed = true;
    alias.dropped = false;
    alias.label = m.label;
    alias.entry = m.entry;
    alias.note = "resolver:known-as";
    aliases[alias.key] = {m.label, kStrongCue};
  }
  if (aliases.empty()) return;
  // The alias's other mentions that only a weak cue typed ("at UNILAG", a place by "at").
  for (Mention& x : mentions_) {
    if (!x.Live() || !x.IsName() || x.priority >= kWeakCue || *x.note) continue;
    const Vote* vote = aliases.Find(x.key);
    if (!vote || vote->label == x.label) continue;
    x.label = vote->label;
    x.entry = -1;
    x.note = "resolver:known-as";
  }
}

bool MentionSet::MotionBefore(std::uint32_t token) const {
  if (token == 0) return false;
  const std::vector<Token>& tokens = doc_->tokens();
  const std::string_view w = doc_->words.Key(tokens[token - 1]);
  if (w == "to" && token >= 2) {
    // A journey home or to live there, not a transfer or an away game: "returned to Nadi",
    // "moved to Hallettsville", "went back to Rufisque" ("move to Aberdeen", "travel to
    // Aberavon" name clubs as often).
    const std::string_view v = doc_->words.Key(tokens[token - 2]);
    return v == "returned" || v == "returning" || v == "return" || v == "returns" ||
           v == "moved" || v == "moving" || v == "moves" || v == "went" || v == "came" ||
           v == "back";
  }
  return w == "from" || w == "via" || w == "through" || w == "nearby" || w == "neighbouring" ||
         w == "neighboring";
}

void MentionSet::PlacesAsOrganisations() {
  // Only places: every word of the name a known place's (symbol P, as the rules' CITY).
  auto all_place = [&](const Mention& m) {
    for (std::uint32_t t = m.token_begin; t < m.token_end; ++t) {
      if (SymbolAt(t) != 'P') return false;
    }
    return m.token_end > m.token_begin;
  };
  // The places read as organisations, by key: kTeam for a place a rule reads as one, kShortName
  // for a town's name that opens an organisation's ("Greenfield" of "Greenfield Market Group";
  // not of a body of the town's area, its kind of place before the head: "Ennis District Court",
  // "Kitui County Council" leave "Ennis" and "Kitui" the places).
  const std::vector<Token>& tokens = doc_->tokens();
  constexpr int kShortName = 0, kTeam = 1;
  FlatMap<Vote>& teams = teams_;
  teams.Clear();
  std::vector<std::uint32_t>& words = words_;
  for (const Mention& m : mentions_) {
    if (!m.Live() || m.label != Label::kOrganization || m.priority < kStrongCue) continue;
    if (m.words >= 2) {
      KeyTokens(m.token_begin, m.token_end, words);
      const bool of_area = words.size() >= 3 && SymbolAt(words[1]) == 'V';
      // (A natural feature's symbol is K, a country's or region's: which of them only the
      // place's entry tells, below.)
      const char first = SymbolAt(words[0]);
      if (WordsBeforeHeads(words) >= 1 && (first == 'P' || first == 'K') && !of_area &&
          tokens[words[0]].shape == Shape::kCapitalized) {
        const std::uint64_t key = KeyHash(words[0], words[0] + 1, nullptr);
        if (!teams.Find(key)) teams[key] = {m.label, kShortName};
      }
    }
    if (!all_place(m)) continue;
    if (AnyCandidate(m, [](const Candidate& c) { return c.origin == Origin::kRule; })) {
      teams[m.key] = {m.label, kTeam};
    }
  }
  if (teams.empty()) return;
  // Towns the text itself calls places somewhere ("flights from Gwadar", "in Gwadar"): their
  // name alone is not the short name of an organisation named after them ("Gwadar Chamber of
  // Commerce").
  FlatMap<char>& placed = placed_by_text_;
  placed.Clear();
  constexpr std::int32_t kAnyRule = std::numeric_limits<std::int32_t>::min();
  for (const Mention& m : mentions_) {
    if (m.Live() && m.label == Label::kLocation && PlacedByRule(m, kAnyRule)) {
      placed.Insert(m.key, 1);
    }
  }
  for (Mention& m : mentions_) {
    if (!m.Live() || m.label != Label::kLocation || m.priority > Gazetteer::kPriorityMain) continue;
    const Vote* seed = teams.Find(m.key);
    if (!seed) continue;
    // A short name stands for the organisation only where the place is a small town or a
    // natural feature (a country, region or city keeps its name: "Texas" of "Texas
    // Instruments"; "Saimaa" of "Saimaa Savings Bank" is the bank) that the text calls a place
    // nowhere.
    // (Not a continent or a great river or region, "Africa", "Nile", "Deccan": none of less than
    // a major place's weight.)
    bool feature = false;
    if (m.entry >= 0) {
      const Entry e = gazetteer_->entry(static_cast<std::uint32_t>(m.entry));
      feature = (e.flags & kFeature) != 0 && e.weight < kMajorPlace;
    }
    // (A feature after "the" or another determiner, and an adjective, is the feature: "across the
    // Cauvery", "the eastern Riverina".)
    const std::uint32_t b = m.token_begin;
    const bool determined =
        (b > 0 && (SymbolAt(b - 1) | 0x20) == 'e') ||
        (b > 1 && tokens[b - 1].shape == Shape::kLower && (SymbolAt(b - 2) | 0x20) == 'e');
    if (seed->priority == kShortName &&
        ((m.priority != Gazetteer::kPriorityMinorPlace && !(feature && !determined)) ||
         placed.Find(m.key))) {
      continue;
    }
    const bool dictionary_only =
        m.candidates_count > 0 &&
        !AnyCandidate(m, [](const Candidate& c) { return c.origin != Origin::kDictionary; });
    if (!dictionary_only) continue;
    // "at Detroit", "in Lancashire": where a game is played, or a place named as such; "from
    // Sligo", "in nearby Machynlleth", "returned to Nadi": where someone comes from, passes or
    // goes home (not with a possessive after it: "away from Körfez's blockers"; nor "to" after
    // any verb: "move to Aberdeen" is a transfer as often as a journey).
    if (m.token_begin > 0 &&
        ((SymbolAt(m.token_begin - 1) | 0x20) == 'i' ||
         (MotionBefore(m.token_begin) &&
          !(m.token_end < tokens.size() && SymbolAt(m.token_end) == '\'')))) {
      continue;
    }
    m.label = Label::kOrganization;
    m.entry = -1;
    m.note = "resolver:place-as-organisation";
  }
}

void MentionSet::Propagate() {
  const std::vector<Token>& tokens = doc_->tokens();
  const std::size_t n = tokens.size();
  // Per token: the mention over it, -1 if none, -2 if a mention added here.
  std::vector<std::int32_t>& covered = covered_;
  covered.assign(n, -1);
  for (std::size_t k = 0; k < mentions_.size(); ++k) {
    const Mention& m = mentions_[k];
    if (m.dropped) continue;
    for (std::uint32_t t = m.token_begin; t < m.token_end; ++t)
      covered[t] = static_cast<std::int32_t>(k);
  }
  // A shorter name inside a longer one found elsewhere in the document gives way to it ("Harlow",
  // a town, inside "Harlow & Finch", the company): only names, never a time expression or a span
  // a rule said is no entity.
  auto yields = [&](std::int32_t k, std::size_t begin) {
    const Mention& m = mentions_[static_cast<std::size_t>(k)];
    return m.Live() && m.IsName() && m.token_begin >= begin;
  };
  std::vector<std::int32_t>& inside = inside_;  // mentions a candidate pattern would replace
  // The patterns, their words in pattern_words_, chained in order of addition per first word.
  // Each distinct pattern once, and a bounded number per first word, so that a document of one
  // name repeated a million times (or of a million names sharing a first word) stays linear.
  constexpr std::uint32_t kMaxPatternsPerWord = 64;
  patterns_.clear();
  pattern_words_.clear();
  by_first_.Clear();
  seen_patterns_.Clear();
  auto add = [&](const std::uint64_t* pattern_words, std::size_t count, Label label,
                 std::int32_t entry, const char* note, std::uint32_t capitals) {
    std::uint64_t h =
        Mix(static_cast<std::uint64_t>(label) << 40 ^
            static_cast<std::uint64_t>(static_cast<std::uint32_t>(entry)) ^
            static_cast<std::uint64_t>(capitals) << 32 ^ reinterpret_cast<std::uintptr_t>(note));
    for (std::size_t k = 0; k < count; ++k) h = Mix(h ^ pattern_words[k]);
    bool inserted = false;
    seen_patterns_.Insert(h, 1, &inserted);
    if (!inserted) return;
    PatternChain& chain = by_first_[pattern_words[0]];
    if (chain.count >= kMaxPatternsPerWord) return;
    const auto index = static_cast<std::int32_t>(patterns_.size());
    patterns_.push_back({static_cast<std::uint32_t>(pattern_words_.size()),
                         static_cast<std::uint32_t>(count), label, entry, note, capitals, -1});
    pattern_words_.insert(pattern_words_.end(), pattern_words, pattern_words + count);
    if (chain.count == 0) {
      chain.head = index;
    } else {
      patterns_[static_cast<std::size_t>(chain.tail)].next = index;
    }
    chain.tail = index;
    ++chain.count;
  };
  std::vector<std::uint32_t>& words = words_;
  std::vector<std::uint64_t>& hashes = hashes_;
  CollectPlaceTails();
  // A sports report: two sports words or more (the rules' `when z>=2`, counted by the rule stage).
  const bool sports_report = doc_->symbol_counts['z' - 'a'] >= 2;
  for (const Mention& m : mentions_) {
    if (!m.Live() || !m.IsName()) continue;
    KeyTokens(m.token_begin, m.token_end, words);
    if (words.empty()) continue;
    hashes.clear();
    std::uint32_t capitals = 0;
    for (std::uint32_t t : words) {
      if (tokens[t].IsCapitalized() && hashes.size() < 32) capitals |= 1u << hashes.size();
      hashes.push_back(TokenHash(t));
    }
    if (m.label == Label::kPerson && hashes.size() >= 2) {
      // The surname alone; and the first word alone where it is a surname and no given name
      // ("Wang" after "Wang Donghai"). (Not the town of the story's dateline: "Paraty" after
      // "PARATY, Brazil —" stays the town whatever name of several words ends in it.)
      if (!laid_out_places_.Find(hashes.back())) {
        add(&hashes.back(), 1, Label::kPerson, -1, "resolver:part-of-name", 0);
      }
      // A double-barrelled surname whole: "Nakamura-Ellis" after "Aiko Nakamura-Ellis" (not
      // the town Nakamura and the surname Ellis).
      if (words.size() >= 3) {
        const std::uint32_t last = words.back();
        const std::uint32_t second = words[words.size() - 2];
        if (last == second + 2 && tokens[second + 1].Has(text::kJoiner) &&
            IsHyphenMark(tokens[second + 1].mark) && tokens[second].IsCapitalized() &&
            tokens[last].IsCapitalized()) {
          add(&hashes[hashes.size() - 2], 2, Label::kPerson, -1, "resolver:part-of-name", 0);
        }
      }
      // With the particles before it, in either case: "De Villiers" and "de Villiers" after
      // "Hendrik de Villiers", "van der Linden" after "Piet van der Linden", "Dela Peña" after
      // "Ronaldo Dela Peña".
      std::size_t particles = 0;
      while (particles < 3 && particles + 2 < words.size()) {
        const std::uint32_t w = words[words.size() - 2 - particles];
        if ((tokens[w].shape != Shape::kLower && tokens[w].shape != Shape::kCapitalized) ||
            !(doc_->lexical[w] & TypeBit(EntryType::kNameParticle))) {
          break;
        }
        ++particles;
      }
      if (particles > 0) {
        add(&hashes[hashes.size() - 1 - particles], particles + 1, Label::kPerson, -1,
            "resolver:part-of-name", 0);
        // And the surname before them, after a given name: "Elduayen" after "Felipe Elduayen de
        // Goicoechea" (not a second given name: "Luisa" of "Maria Luisa de la Cruz").
        const std::size_t before = hashes.size() - 2 - particles;
        const std::uint32_t w = words[before];
        const std::uint32_t lex = doc_->lexical[w];
        if (before >= 1 && tokens[w].IsCapitalized() &&
            ((lex & TypeBit(EntryType::kSurname)) || !(lex & TypeBit(EntryType::kGivenName)))) {
          add(&hashes[before], 1, Label::kPerson, -1, "resolver:part-of-name", 0);
        }
      }
      // A name of Spanish or Portuguese form gives its first surname alone too: "Restrepo" after
      // "Carlos Andrés Restrepo Vélez".
      // And both surnames: "Valdivia Rojas said" after "Marcela Valdivia Rojas".
      if (FirstOfTwoSurnames(words) >= 0) {
        add(&hashes[hashes.size() - 2], 1, Label::kPerson, -1, "resolver:part-of-name", 0);
        add(&hashes[hashes.size() - 2], 2, Label::kPerson, -1, "resolver:part-of-name", 0);
      }
      const std::uint32_t lex = doc_->lexical[words.front()];
      // So is the first word of a name whose given name is two syllables joined by a hyphen,
      // the second in lower case: the family name comes first ("Park" after "Park Ji-hoon").
      const bool syllables = words.size() == 3 && words[2] == words[1] + 2 &&
                             tokens[words[1] + 1].Has(text::kJoiner) &&
                             tokens[words[2]].shape == Shape::kLower;
      if (syllables ||
          ((lex & TypeBit(EntryType::kSurname)) && !(lex & TypeBit(EntryType::kGivenName)) &&
           !(lex & TypeBit(EntryType::kWord)))) {
        add(&hashes.front(), 1, Label::kPerson, -1, "resolver:part-of-name", 0);
      }
    }
    if (m.label == Label::kOrganization && hashes.size() >= 2) {
      // The name without its trailing head words: "Brightwater" after "Brightwater Systems
      // Corp.", "Harlow & Finch" after "Harlow & Finch Inc.".
      const std::size_t keep = ShortNameWords(words);
      if (keep > 0 && !(keep == 1 && place_tails_.Find(hashes[0]))) {
        add(hashes.data(), keep, Label::kOrganization, m.entry, "resolver:short-name", capitals);
      }
      // So is the one word left after the capitalised common or head words it opens with,
      // where a head word opens or ends it: "Qolqe" after "Textiles Qolqe S.A.", "Kolmena"
      // after "Radio Kolmena", when no list knows that word at all. (Not where the document
      // writes the word after the same word without the head: "Upper Wharfedale School" and
      // the dale, "Upper Wharfedale".)
      const std::size_t lead = LeadingCommonWords(words);
      const std::size_t before_heads = WordsBeforeHeads(words);
      if (lead > 0 && lead + 1 == before_heads) {
        const std::uint32_t t = words[lead];
        constexpr std::uint32_t kAllTypes = (1u << kEntryTypeCount) - 1;
        bool head = before_heads < words.size();
        for (std::size_t k = 0; k < lead; ++k) head = head || SymbolAt(words[k]) == 'H';
        if (head && t == words[lead - 1] + 1 && tokens[t].shape == Shape::kCapitalized &&
            SymbolAt(t) == 'C' && !(doc_->lexical[t] & kAllTypes) &&
            !place_tails_.Find(hashes[lead]) &&
            !WrittenWithout(t - 1, t, before_heads < words.size() ? words[before_heads] : t)) {
          add(&hashes[lead], 1, Label::kOrganization, m.entry, "resolver:short-name", 1u);
        }
      }
      // A club of two words is known by its second, capitalised: "Villa" after "Aston Villa",
      // "United" after "Manchester United".
      // So is one that no list holds, ending in a head word, in a sports report: "Thistle"
      // after "Buckie Thistle", "Rovers" after "Ballymena Rovers".
      const bool listed_club =
          m.entry >= 0 && gazetteer_->entry(static_cast<std::uint32_t>(m.entry)).Has(kSports);
      // (Not a division or league named by a common word: "Premier Division", "Super League".)
      const bool found_club = m.entry < 0 && sports_report &&
                              (doc_->lexical[words.back()] & TypeBit(EntryType::kOrgHead)) &&
                              SymbolAt(words.front()) != 'W' && SymbolAt(words.front()) != 'F';
      if (hashes.size() == 2 && (capitals & 2u) && (listed_club || found_club)) {
        add(&hashes.back(), 1, Label::kOrganization, m.entry, kClubShortName, 1u);
      }
    }
    add(hashes.data(), hashes.size(), m.label, m.entry, "resolver:same-name", capitals);
    // An abbreviation the document defines in brackets right after the name, of the name's
    // initials: "the Environment Agency (EA)", "Food and Rural Affairs (Defra)". (All its
    // occurrences are the name's, also where a dictionary knows the letters as a word.)
    // An organisation's abbreviation in capitals may spell its name in its own language: "the
    // Indonesian Red Cross (PMI)", "the Housing Development Administration (TOKİ)" (not a
    // country's: "Tesco Stores (UK)").
    const std::uint32_t open = m.token_end;
    if (m.label != Label::kPerson && WordInBrackets(open)) {
      const std::string letters = AcronymLetters(open + 1);
      const bool translated = m.label == Label::kOrganization && m.words >= 2 &&
                              tokens[open + 1].shape == Shape::kAllCaps && letters.size() <= 6 &&
                              SymbolAt(open + 1) != 'K';
      if (letters.size() >= 2 &&
          (translated || InitialsSpell(m.token_begin, m.token_end, letters))) {
        const std::uint64_t hash = TokenHash(open + 1);
        add(&hash, 1, m.label, -1, "resolver:acronym", 1u);
      }
    }
  }
  if (by_first_.empty()) return;
  std::vector<Mention>& added = added_;
  added.clear();
  std::vector<std::int32_t>& best_inside = best_inside_;
  // Another occurrence starts at a capitalised word or a name particle ("de Villiers"): those
  // are listed first, without a branch per token. (The words of an occurrence once found are
  // covered, -2, and skipped below.)
  std::vector<std::uint32_t>& capitalised = capitalised_;
  capitalised.resize(n);
  std::size_t capitalised_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    capitalised[capitalised_count] = static_cast<std::uint32_t>(i);
    capitalised_count +=
        static_cast<unsigned>(tokens[i].IsWord()) &
        (static_cast<unsigned>(tokens[i].IsCapitalized()) |
         static_cast<unsigned>((doc_->lexical[i] & TypeBit(EntryType::kNameParticle)) != 0));
  }
  for (std::size_t at = 0; at < capitalised_count; ++at) {
    const std::size_t i = capitalised[at];
    if (covered[i] == -2 || (covered[i] >= 0 && !yields(covered[i], i))) continue;
    const PatternChain* chain = by_first_.Find(TokenHash(static_cast<std::uint32_t>(i)));
    if (!chain) continue;
    const Pattern* best = nullptr;
    std::size_t best_end = 0;
    for (std::int32_t pi = chain->head; pi >= 0;
         pi = patterns_[static_cast<std::size_t>(pi)].next) {
      const Pattern& p = patterns_[static_cast<std::size_t>(pi)];
      const std::uint64_t* p_words = pattern_words_.data() + p.begin;
      std::size_t t = i;
      std::size_t k = 0;
      std::size_t end = i;
      bool ok = true;
      inside.clear();
      while (k < p.size) {
        // Between words, what the name's key skips too: joiners, and "&" ("Harlow & Finch").
        while (t < n && k > 0 &&
               (tokens[t].Has(text::kJoiner) || tokens[t].Is(text::Mark::kAmpersand))) {
          ++t;
        }
        // A word capitalised in the name stays so ("Far East Gold" is not "Far East gold").
        if (t >= n || !tokens[t].IsWord() ||
            TokenHash(static_cast<std::uint32_t>(t)) != p_words[k] ||
            tokens[t].sentence != tokens[i].sentence ||
            (k < 32 && (p.capitals >> k & 1u) && !tokens[t].IsCapitalized())) {
          ok = false;
          break;
        }
        if (covered[t] != -1) {
          if (covered[t] == -2 || !yields(covered[t], i)) {
            ok = false;
            break;
          }
          if (inside.empty() || inside.back() != covered[t]) inside.push_back(covered[t]);
        }
        ++k;
        end = ++t;
      }
      if (!ok) continue;
      // Mentions inside give way only to a longer name that holds them whole.
      if (!inside.empty()) {
        if (p.size < 2) continue;
        const bool held = std::all_of(inside.begin(), inside.end(), [&](std::int32_t k2) {
          const Mention& m = mentions_[static_cast<std::size_t>(k2)];
          return m.token_end <= end && m.token_end - m.token_begin < end - i;
        });
        if (!held) continue;
      }
      // The next token must not continue the name ("Simmons" is not "Simmons Bank").
      if (end < n && tokens[end].IsCapitalized() && !tokens[end].Has(text::kSentenceStart) &&
          tokens[end].sentence == tokens[i].sentence &&
          !(doc_->lexical[end] & TypeBit(EntryType::kWord))) {
        continue;
      }
      if (end > best_end) {
        best = &p;
        best_end = end;
        best_inside = inside;
      }
    }
    if (!best) continue;
    // A club's short name stands alone: not "Tour" in "European PGA Tour" after "PGA Tour".
    if (best->note == kClubShortName && i > 0 && tokens[i - 1].shape == Shape::kCapitalized &&
        tokens[i - 1].sentence == tokens[i].sentence && !tokens[i - 1].Has(text::kSentenceStart)) {
      continue;
    }
    // A common word alone at the start of a sentence is most likely just that word, unless it
    // is a person's name or a club's short name that the document never writes in lower case
    // ("Shearer takes the captaincy" after "Alan Shearer", "Villa manager Unai Emery said"
    // after "Aston Villa"; not "Rice prices rose" in a story that speaks of rice).
    const bool single = best->size == 1;
    if (single && CommonWordOpensSentence(static_cast<std::uint32_t>(i))) {
      if ((best->label != Label::kPerson && best->note != kClubShortName) ||
          WrittenInLowerCase(static_cast<std::uint32_t>(i))) {
        continue;
      }
    }
    Mention m;
    m.token_begin = static_cast<std::uint32_t>(i);
    m.token_end = static_cast<std::uint32_t>(best_end);
    m.begin = tokens[i].begin;
    m.end = tokens[best_end - 1].end;
    m.label = best->label;
    m.entry = best->entry;
    m.note = best->note;
    SetKey(m);
    for (std::int32_t k : best_inside) {
      Mention& shorter = mentions_[static_cast<std::size_t>(k)];
      shorter.dropped = true;
      shorter.note = "inside a longer name of the document";
    }
    for (std::size_t t = i; t < best_end; ++t) covered[t] = -2;
    added.push_back(m);
  }
  mentions_.insert(mentions_.end(), added.begin(), added.end());
}

std::int64_t MentionSet::FirstOfTwoSurnames(const std::vector<std::uint32_t>& words) const {
  if (words.size() < 3) return -1;
  const std::uint32_t w = words[words.size() - 2];
  const std::uint32_t lex = doc_->lexical[w];
  const bool surname = doc_->tokens()[w].IsCapitalized() && (lex & TypeBit(EntryType::kSurname)) &&
                       !(lex & (TypeBit(EntryType::kGivenName) | TypeBit(EntryType::kNameParticle)));
  return surname ? static_cast<std::int64_t>(w) : -1;
}

bool MentionSet::BesidePlace(const Mention& m) {
  const std::vector<Token>& tokens = doc_->tokens();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  // Per token: whether a place of the document starts there (bit 1) or ends there (bit 2), made
  // once per document.
  if (!place_edges_built_) {
    place_edges_.assign(n, 0);
    for (const Mention& x : mentions_) {
      if (!x.Live() || x.label != Label::kLocation || x.token_end > n) continue;
      place_edges_[x.token_begin] |= 1;
      place_edges_[x.token_end - 1] |= 2;
    }
    place_edges_built_ = true;
  }
  auto separator = [&](std::uint32_t t) { return t < n && ListSeparator(t); };
  auto ends_before = [&](std::uint32_t t) { return t >= 1 && (place_edges_[t - 1] & 2) != 0; };
  auto starts_place = [&](std::uint32_t t) { return t < n && (place_edges_[t] & 1) != 0; };
  return BesidePlaceInList(m.token_begin, m.token_end, separator, ends_before, starts_place);
}

bool MentionSet::ListSeparator(std::uint32_t t) const {
  const Token& tok = doc_->tokens()[t];
  if (tok.Is(text::Mark::kComma)) return true;
  if (!tok.IsWord()) return false;
  const std::string_view w = doc_->words.Key(tok);
  return w == "and" || w == "or";
}

void MentionSet::Unify() {
  // A one-word dictionary name that is the surname of a person in the document is that person
  // ("Jordan" after "Michael Jordan").
  FlatMap<std::int32_t>& surnames = surname_entries_;
  surnames.Clear();
  FlatMap<std::int32_t>& given = given_entries_;
  given.Clear();
  std::vector<std::uint32_t>& words = words_;
  for (const Mention& m : mentions_) {
    if (!m.Live() || m.label != Label::kPerson || m.words < 2) continue;
    KeyTokens(m.token_begin, m.token_end, words);
    const std::uint32_t first_lex = doc_->lexical[words.front()];
    constexpr std::uint32_t kHeads = TypeBit(EntryType::kOrgHead) | TypeBit(EntryType::kLocHead);
    const bool headless = std::none_of(words.begin(), words.end(), [&](std::uint32_t t) {
      return (doc_->lexical[t] & kHeads) != 0;
    });
    // (Not where the name ends in a common word that is no frequent surname: "Iona Community".)
    const std::uint32_t last_lex = doc_->lexical[words.back()];
    const bool ends_in_word =
        (last_lex & TypeBit(EntryType::kWord)) && !(last_lex & kLexSurnameFrequent);
    if ((first_lex & TypeBit(EntryType::kGivenName)) && !(first_lex & TypeBit(EntryType::kWord)) &&
        doc_->tokens()[words.front()].shape == Shape::kCapitalized && headless && !ends_in_word) {
      given.Insert(KeyHash(words.front(), words.front() + 1, nullptr), m.entry);
    }
    // The key of a one-word name is KeyHash over that word.
    surnames.Insert(KeyHash(words.back(), words.back() + 1, nullptr), m.entry);
    // ("Restrepo" after "Carlos Andrés Restrepo Vélez" too.)
    const std::int64_t first = FirstOfTwoSurnames(words);
    if (first >= 0) {
      const auto w = static_cast<std::uint32_t>(first);
      surnames.Insert(KeyHash(w, w + 1, nullptr), m.entry);
    }
  }
  for (Mention& m : mentions_) {
    if (!m.Live() || !m.IsName() || m.label == Label::kPerson) continue;
    if (m.priority >= kStrongEvidence || m.words != 1) continue;
    const std::int32_t* entry = surnames.Find(m.key);
    // So is the given name of one, where a list gives the word as a town and no rule placed it:
    // "watching Larissa for years" after "Larissa Nogueira" (not a country, a region, a major
    // place nor a feature: "Georgia McLeish" and "in Georgia"; not "in Larissa", nor in a list of
    // places: "in Baton Rouge and Lafayette" after "Lafayette Thibodeaux").
    const std::int32_t* given_entry =
        (!entry && m.label == Label::kLocation && m.entry >= 0) ? given.Find(m.key) : nullptr;
    if (given_entry && !PlacedByRule(m, 0)) {
      const Entry e = gazetteer_->entry(static_cast<std::uint32_t>(m.entry));
      if (!e.Has(kCountry) && !e.Has(kRegion) && !e.Has(kFeature) && e.weight < kMajorPlace &&
          !BesidePlace(m)) {
        entry = given_entry;
      }
    }
    if (!entry) continue;
    // A country's name that no list gives as a name of people stays the country: a rule that
    // read "Ata-Jurt Kyrgyzstan" as a person's name does not make "in Kyrgyzstan" a person
    // (but "Jordan", a given name and a surname too, follows "Michael Jordan").
    constexpr std::uint32_t kPeoplesName =
        TypeBit(EntryType::kSurname) | TypeBit(EntryType::kGivenName);
    if (m.entry >= 0 && gazetteer_->entry(static_cast<std::uint32_t>(m.entry)).Has(kCountry) &&
        !(doc_->lexical[m.token_begin] & kPeoplesName)) {
      continue;
    }
    // Nor the town of the story's dateline ("Paraty" after "PARATY, Brazil —", whatever name of
    // several words ends in it; laid_out_places_ is Propagate's, which runs just before).
    if (laid_out_places_.Find(TokenHash(m.token_begin))) continue;
    m.label = Label::kPerson;
    m.entry = *entry;
    m.note = "resolver:part-of-name";
  }
}

void MentionSet::Cluster() {
  // People: by the words of their names (a shorter name is a suffix of a longer one), found
  // through the last word. Places and organisations: by dictionary id, else by name; an
  // organisation's short name through its first word. Word hashes live in word_pool_.
  word_pool_.clear();
  people_clusters_.clear();
  org_clusters_.clear();
  people_by_last_.Clear();
  orgs_by_first_.Clear();
  for (std::size_t l = 0; l < kLabelCount; ++l) {
    cluster_by_id_[l].Clear();
    cluster_by_key_[l].Clear();
  }
  named_.clear();
  auto pooled = [&](const std::vector<std::uint64_t>& hashes) {
    const auto begin = static_cast<std::uint32_t>(word_pool_.size());
    word_pool_.insert(word_pool_.end(), hashes.begin(), hashes.end());
    return WordSpan{begin, static_cast<std::uint32_t>(hashes.size())};
  };
  auto span_words = [&](const WordSpan& w) { return word_pool_.data() + w.begin; };
  auto append = [](std::vector<WordCluster>& clusters, PatternChain& chain, WordCluster c) {
    const auto index = static_cast<std::int32_t>(clusters.size());
    clusters.push_back(c);
    if (chain.count == 0) {
      chain.head = index;
    } else {
      clusters[static_cast<std::size_t>(chain.tail)].next = index;
    }
    chain.tail = index;
    ++chain.count;
  };
  std::vector<std::uint32_t>& order = order_;
  order.resize(mentions_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return mentions_[a].begin < mentions_[b].begin;
  });
  std::vector<std::uint32_t>& words = words_;
  std::vector<std::uint64_t>& hashes = hashes_;
  for (const std::uint32_t idx : order) {
    Mention& m = mentions_[idx];
    if (!m.Live() || !m.IsName()) continue;
    if (m.label == Label::kPerson) {
      KeyTokens(m.token_begin, m.token_end, words);
      hashes.clear();
      for (std::uint32_t t : words) hashes.push_back(TokenHash(t));
      int found = -1;
      // A shorter name is a suffix of the longer one: both end with the same word.
      PatternChain& bucket = people_by_last_[hashes.back()];
      for (std::int32_t ci = bucket.head; bucket.count > 0 && ci >= 0;
           ci = people_clusters_[static_cast<std::size_t>(ci)].next) {
        WordCluster& c = people_clusters_[static_cast<std::size_t>(ci)];
        const std::uint64_t* cw = span_words(c.words);
        const bool suffix =
            hashes.size() <= c.words.size &&
            std::equal(hashes.begin(), hashes.end(), cw + c.words.size - hashes.size());
        const bool longer = hashes.size() > c.words.size &&
                            std::equal(cw, cw + c.words.size, hashes.end() - c.words.size);
        if (suffix || longer) {
          found = c.id;
          if (longer) c.words = pooled(hashes);
          break;
        }
      }
      if (found < 0) {
        found = clusters_++;
        if (bucket.count < kMaxClustersPerWord) {
          append(people_clusters_, bucket, {pooled(hashes), 0, found, -1});
        }
      }
      m.cluster = found;
      continue;
    }
    const auto label = static_cast<std::size_t>(m.label);
    std::string_view entry_id;
    if (m.entry >= 0) entry_id = gazetteer_->entry(static_cast<std::uint32_t>(m.entry)).id;
    int* slot = entry_id.empty() ? &cluster_by_key_[label][m.key]
                                 : &cluster_by_id_[label][HashId(entry_id)];
    if (*slot > 0) {
      m.cluster = *slot - 1;
      continue;
    }
    // An organisation's short name joins its full name: "Brightwater" and "Brightwater Systems
    // Corp.", "Goldman" and "Goldman Sachs", whichever comes first (the rest of the longer one
    // is head words only).
    std::uint64_t org_heads = 0;
    PatternChain* org_bucket = nullptr;  // the organisations sharing its first word
    if (m.label == Label::kOrganization) {
      KeyTokens(m.token_begin, m.token_end, words);
      hashes.clear();
      std::uint64_t& heads = org_heads;
      for (std::uint32_t t : words) {
        if ((doc_->lexical[t] & TypeBit(EntryType::kOrgHead)) && hashes.size() < 64) {
          heads |= std::uint64_t{1} << hashes.size();
        }
        hashes.push_back(TokenHash(t));
      }
      // A two-word name known by its first word ("Goldman" of "Goldman Sachs"): the second
      // counts as a head word here.
      if (KnownByFirstWord(words)) heads |= 2;
      // a is b without some trailing head words.
      auto short_of = [](const std::uint64_t* a, std::size_t a_size, const std::uint64_t* b,
                         std::size_t b_size, std::uint64_t b_heads) {
        if (a_size == 0 || a_size >= b_size || !std::equal(a, a + a_size, b)) return false;
        for (std::size_t k = a_size; k < b_size; ++k) {
          if (k >= 64 || !(b_heads >> k & 1u)) return false;
        }
        return true;
      };
      // A short name is a prefix of the full one: both start with the same word.
      if (!hashes.empty()) org_bucket = &orgs_by_first_[hashes.front()];
      for (std::int32_t ci = org_bucket && org_bucket->count > 0 ? org_bucket->head : -1; ci >= 0;
           ci = org_clusters_[static_cast<std::size_t>(ci)].next) {
        WordCluster& c = org_clusters_[static_cast<std::size_t>(ci)];
        const std::uint64_t* cw = span_words(c.words);
        if (short_of(hashes.data(), hashes.size(), cw, c.words.size, c.heads)) {
          m.cluster = c.id;
          break;
        }
        if (short_of(cw, c.words.size, hashes.data(), hashes.size(), heads)) {
          m.cluster = c.id;
          c.words = pooled(hashes);
          c.heads = heads;
          break;
        }
      }
      if (m.cluster >= 0) {
        *slot = m.cluster + 1;
        continue;
      }
    }
    // An acronym joins the cluster of its expansion.
    if (m.words == 1 && !named_.empty()) {
      const std::string letters = AcronymLetters(m.token_begin);
      for (const Expansion& x : named_) {
        if (x.initials == letters) {
          m.cluster = x.cluster;
          break;
        }
      }
    }
    if (m.cluster < 0) {
      m.cluster = clusters_++;
      if (m.words >= 2) {
        std::string initials, with_fillers;
        Initials(m.token_begin, m.token_end, initials, with_fillers);
        if (!with_fillers.empty()) named_.push_back({std::move(with_fillers), m.label, m.cluster});
        named_.push_back({std::move(initials), m.label, m.cluster});
      }
    }
    if (org_bucket && org_bucket->count < kMaxClustersPerWord) {
      append(org_clusters_, *org_bucket, {pooled(hashes), org_heads, m.cluster, -1});
    }
    *slot = m.cluster + 1;
  }
}

bool MentionSet::EndsInCamelCase(std::uint32_t begin, std::uint32_t end) const {
  const std::vector<Token>& tokens = doc_->tokens();
  std::uint32_t last = end;
  while (last > begin && !tokens[last - 1].IsWord()) --last;
  if (last == begin) return false;
  const Token& word = tokens[last - 1];
  return word.shape != Shape::kAlnum && doc_->lexical[last - 1] == 0 &&
         text::IsCamelCase(doc_->TokenText(word));
}

void MentionSet::NamesDefinedByAbbreviations(std::vector<Candidate>& candidates) {
  const std::vector<Token>& tokens = doc_->tokens();
  const std::size_t n = tokens.size();
  constexpr std::uint32_t kMaxWords = 12;  // the name's tokens looked at before the bracket
  // The names found, as (first token, end token), then those no candidate names already.
  std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans = abbreviated_spans_;
  spans.clear();
  std::string initials, with_fillers;
  for (std::uint32_t open = 1; open + 2 < n; ++open) {
    if (!WordInBrackets(open) || tokens[open + 1].shape != Shape::kAllCaps) continue;
    const std::string letters = AcronymLetters(open + 1);
    if (letters.size() < 3 || letters.size() > kMaxWords) continue;
    const std::uint32_t end = open;  // the name ends at the bracket, in a capitalised word
    if (!tokens[end - 1].IsWord() || !tokens[end - 1].IsCapitalized()) continue;
    // From the nearest capitalised word back, the first start whose initials are the letters.
    std::uint32_t found = end;
    for (std::uint32_t begin = end; begin > 0 && end - begin < kMaxWords;) {
      const Token& t = tokens[--begin];
      if (t.sentence != tokens[end - 1].sentence) break;
      const bool joiner = t.Has(text::kJoiner) || t.Is(text::Mark::kComma);
      const bool filler = t.IsWord() && IsAcronymFiller(doc_->words.Key(t));
      if (!t.IsCapitalized() && !joiner && !filler) break;
      if (!t.IsWord() || !t.IsCapitalized()) continue;
      Initials(begin, end, initials, with_fillers);
      if (InitialsSpell(begin, end, letters)) {
        found = begin;
        break;
      }
      if (initials.size() > letters.size()) break;
    }
    if (found == end || found + 1 == end) continue;
    // Not the end of a longer name whose own initials the letters are not ("the Rally for the
    // Return of Refugees and Democracy in Rwanda (RDR)").
    if (found >= 2 && tokens[found - 1].IsWord() &&
        IsAcronymFiller(doc_->words.Key(tokens[found - 1])) && tokens[found - 2].IsCapitalized() &&
        tokens[found - 2].sentence == tokens[found].sentence) {
      continue;
    }
    // An organisation's head word or a known place inside.
    bool evidence = false;
    for (std::uint32_t t = found; t < end; ++t) {
      const char symbol = SymbolAt(t);
      evidence |=
          (doc_->lexical[t] & TypeBit(EntryType::kOrgHead)) != 0 || symbol == 'K' || symbol == 'P';
    }
    if (evidence) spans.emplace_back(found, end);
  }
  if (spans.empty()) return;
  // (Spans are found in order of their brackets, so sorted; one pass over the candidates.)
  std::vector<bool> named(spans.size(), false);
  for (const Candidate& c : candidates) {
    // (A person's reading of the words does not name the span: "the Comité Olímpico do Brasil
    // (COB)", a given name and particles; nor a rule's reading weaker than the abbreviation's
    // evidence, which a known place inside may outrank: "Cricket West Indies (CWI)".)
    if (!c.typed || c.veto || c.label == Label::kPerson ||
        c.priority < Gazetteer::kPriorityMinorPlace ||
        (c.origin == Origin::kRule && c.priority < kDefinedByAbbreviation)) {
      continue;
    }
    const auto it =
        std::lower_bound(spans.begin(), spans.end(), std::make_pair(c.token_begin, c.token_end));
    if (it != spans.end() && it->first == c.token_begin && it->second == c.token_end) {
      named[static_cast<std::size_t>(it - spans.begin())] = true;
    }
  }
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (named[k]) continue;
    Candidate c;
    c.token_begin = spans[k].first;
    c.token_end = spans[k].second;
    c.begin = tokens[c.token_begin].begin;
    c.end = tokens[c.token_end - 1].end;
    c.label = Label::kOrganization;
    c.origin = Origin::kResolver;
    c.priority = kDefinedByAbbreviation;
    c.note = "resolver:named-by-abbreviation";
    candidates.push_back(c);
  }
  // (Evidence no sentence's form rules out: FilterBySentenceForm has run.)
  active_.resize(candidates.size(), true);
}

void MentionSet::OpenCamelCaseNames(std::vector<Candidate>& candidates) {
  for (Candidate& c : candidates) {
    if (c.origin != Origin::kRule || !c.typed || c.veto ||
        (c.label != Label::kPerson && c.label != Label::kLocation)) {
      continue;
    }
    if (EndsInCamelCase(c.token_begin, c.token_end)) c.typed = false;
    if (c.label == Label::kPerson && c.priority < kWeakCue && c.token_end == c.token_begin + 1 &&
        doc_->tokens()[c.token_begin].shape == Shape::kAllCaps) {
      c.typed = false;
    }
  }
}

bool MentionSet::TheOfName(std::uint32_t t) const {
  const std::vector<Token>& tokens = doc_->tokens();
  if (t < 1 || t + 1 >= tokens.size()) return false;
  const Token& the = tokens[t];
  const Token& before = tokens[t - 1];
  const bool running_text = before.IsWord() || before.Is(text::Mark::kComma);
  return the.Has(text::kThe) && the.shape == Shape::kCapitalized &&
         !the.Has(text::kSentenceStart) && running_text && before.sentence == the.sentence &&
         tokens[t + 1].sentence == the.sentence && !IsHeadline(the.sentence);
}

bool MentionSet::NewspaperEntry(const Mention& m) const {
  // A newspaper or broadcaster a list holds takes its "The" too ("told The Straits Times"); not
  // a news agency, which the news writes without it ("told the Associated Press").
  if (m.entry < 0) return false;
  const Entry entry = gazetteer_->entry(static_cast<std::uint32_t>(m.entry));
  if (!entry.Has(kMedia)) return false;
  const std::string_view name = entry.canonical;
  const std::size_t space = name.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
  return last != "Press" && last != "Agency" && last != "Presse";
}

std::uint32_t MentionSet::NameBegin(const Mention& m) const {
  if (m.token_begin == 0 || !TheOfName(m.token_begin - 1)) return m.begin;
  const Shape first_shape = doc_->tokens()[m.token_begin].shape;
  const bool one_word = m.token_end == m.token_begin + 1;
  const bool one_common_word = one_word &&
                               (doc_->lexical[m.token_begin] & TypeBit(EntryType::kWord)) &&
                               first_shape == Shape::kCapitalized;
  const bool organisation =
      m.label == Label::kOrganization &&
      (one_common_word || (m.entry < 0 && first_shape != Shape::kAllCaps) || NewspaperEntry(m));
  if (organisation || (m.label == Label::kLocation && one_common_word)) {
    return doc_->tokens()[m.token_begin - 1].begin;
  }
  return m.begin;
}

// Features() relies on the order of the labels and of the per-label features.
static_assert(Feature("label=SET") ==
              Feature("label=PERSON") + static_cast<std::size_t>(Label::kSet));
static_assert(Feature("dictionary&ORGANIZATION") == Feature("dictionary&PERSON") + 2);
static_assert(Feature("rule&ORGANIZATION") == Feature("rule&PERSON") + 2);
static_assert(Feature("resolver&ORGANIZATION") == Feature("resolver&PERSON") + 2);
static_assert(Feature("single_word_name&ORGANIZATION") == Feature("single_word_name&PERSON") + 2);
static_assert(static_cast<int>(Label::kPerson) == 0 && static_cast<int>(Label::kLocation) == 1 &&
              static_cast<int>(Label::kOrganization) == 2);

void MentionSet::Features(const Mention& m, FeatureVector& out) {
  if (!document_features_ready_) {
    cluster_sizes_.assign(static_cast<std::size_t>(clusters_), 0);
    labels_by_key_.Clear();
    for (const Mention& x : mentions_) {
      if (!x.Live() || !x.IsName()) continue;
      if (x.cluster >= 0) ++cluster_sizes_[static_cast<std::size_t>(x.cluster)];
      labels_by_key_[x.key] |= 1u << static_cast<unsigned>(x.label);
    }
    document_features_ready_ = true;
  }
  out.Clear();
  auto set = [&](std::size_t index, float value) { out.Set(index, value); };
  // Features that come per label of names: PERSON, LOCATION, ORGANIZATION in that order.
  const bool name = m.IsName();
  const auto label_offset = static_cast<std::size_t>(m.label);  // kPerson = 0, kLocation, kOrg
  auto with_label = [&](std::size_t person_feature) {
    if (name) out.Set(person_feature + label_offset, 1);
  };
  set(Feature("bias"), 1);
  set(Feature("label=PERSON") + static_cast<std::size_t>(m.label), 1);
  bool dictionary = false, rule = false, date_rule = false;
  std::uint32_t sources = 0;
  for (std::uint32_t k = 0; k < m.candidates_count; ++k) {
    const Candidate& c = doc_->candidates[candidate_ids_[m.candidates_begin + k]];
    if (!c.typed || c.label != m.label) continue;
    ++sources;
    dictionary = dictionary || c.origin == Origin::kDictionary;
    rule = rule || c.origin == Origin::kRule;
    date_rule = date_rule || c.origin == Origin::kDate;
  }
  const bool resolver = m.candidates_count == 0 || std::string_view(m.note).starts_with("resolver");
  if (dictionary) {
    set(Feature("dictionary"), 1);
    with_label(Feature("dictionary&PERSON"));
  }
  if (rule) {
    set(Feature("rule"), 1);
    with_label(Feature("rule&PERSON"));
  }
  if (date_rule) set(Feature("date_rule"), 1);
  if (resolver) {
    set(Feature("resolver"), 1);
    with_label(Feature("resolver&PERSON"));
  }
  set(Feature("sources"), static_cast<float>(std::min<std::uint32_t>(sources, 4)) / 4);
  set(Feature("priority"), static_cast<float>(m.priority) / 100);
  const std::vector<Token>& tokens = doc_->tokens();
  std::uint32_t words = 0, caps = 0;
  for (std::uint32_t t = m.token_begin; t < m.token_end; ++t) {
    if (!tokens[t].IsWord() || tokens[t].Has(text::kJoiner)) continue;
    ++words;
    if (tokens[t].shape == Shape::kAllCaps) ++caps;
  }
  set(words <= 1 ? Feature("words=1") : words == 2 ? Feature("words=2") : Feature("words>=3"), 1);
  if (words > 0 && caps == words) set(Feature("all_caps"), 1);
  const Token& first = tokens[m.token_begin];
  if (first.Has(text::kSentenceStart)) set(Feature("sentence_start"), 1);
  if (IsHeadline(first.sentence)) set(Feature("headline"), 1);
  if (m.entry >= 0) {
    const Entry& e = gazetteer_->entry(static_cast<std::uint32_t>(m.entry));
    if (e.Has(kAlternate)) set(Feature("dictionary_alternate"), 1);
    if (e.Has(kCommon)) set(Feature("dictionary_common"), 1);
    if (e.Has(kCountry)) set(Feature("dictionary_country"), 1);
    if (e.Has(kCity)) set(Feature("dictionary_city"), 1);
  }
  // An abbreviation: one word in capitals of up to four letters, or with periods ("U.S.").
  if (words == 1) {
    const std::string_view w = doc_->TokenText(first);
    if ((first.shape == Shape::kAllCaps && first.key_len <= 4) ||
        w.find('.') != std::string_view::npos ||
        (m.token_end > m.token_begin + 1 && tokens[m.token_end - 1].Is(text::Mark::kPeriod))) {
      set(Feature("abbreviation"), 1);
    }
  }
  if (m.token_begin > 0) {
    const Token& before = tokens[m.token_begin - 1];
    if (before.Has(text::kThe)) set(Feature("after_the"), 1);
    if (before.Is(text::Mark::kOpenBracket)) set(Feature("in_brackets"), 1);
  }
  if (name) {
    if (m.cluster >= 0 && static_cast<std::size_t>(m.cluster) < cluster_sizes_.size()) {
      const auto n = cluster_sizes_[static_cast<std::size_t>(m.cluster)];
      set(Feature("mentions"), std::min(4.0f, std::log2(1.0f + static_cast<float>(n))) / 4);
    }
    const std::uint32_t* labels = labels_by_key_.Find(m.key);
    if (labels && (*labels & ~(1u << static_cast<unsigned>(m.label))) != 0) {
      set(Feature("other_label"), 1);
    }
    if (words == 1) {
      set(Feature("single_word_name"), 1);
      set(Feature("single_word_name&PERSON") + label_offset, 1);
    }
  }
}

}  // namespace nerkit::internal
