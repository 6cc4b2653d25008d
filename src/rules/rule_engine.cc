#include "rules/rule_engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>

#include "core/regex.h"
#include "nerkit/error.h"
#include "text/fold.h"

namespace nerkit::internal {

RuleEngine::RuleEngine() = default;
RuleEngine::~RuleEngine() = default;
RuleEngine::RuleEngine(RuleEngine&&) noexcept = default;
RuleEngine& RuleEngine::operator=(RuleEngine&&) noexcept = default;

namespace {

[[noreturn]] void ThrowPatternError(const RuleSpec& spec, const std::string& message,
                                    std::size_t column = 0) {
  throw LoadError(spec.file, spec.line, column ? column : spec.pattern_column,
                  "rule \"" + spec.id + "\": " + message);
}

}  // namespace

void RuleEngine::Compile(std::vector<RuleSpec> rules) {
  const RE2::Options token_options = RegexOptions(/*latin1=*/true);
  const RE2::Options text_options = RegexOptions(/*latin1=*/false);
  token_set_ = std::make_unique<ClassRegexSet>(/*longest_match=*/false);
  text_groups_.clear();
  // The text group of a rule: the one of its `needs` words (sorted), made on first use.
  std::map<std::vector<std::string>, std::size_t> group_of_needs;
  auto text_group = [&](const std::vector<std::string>& words) -> TextGroup& {
    std::vector<std::string> needs = words;
    std::sort(needs.begin(), needs.end());
    needs.erase(std::unique(needs.begin(), needs.end()), needs.end());
    const auto it = group_of_needs.find(needs);
    if (it != group_of_needs.end()) return text_groups_[it->second];
    // (Past the last group a 64-bit mask can name, rules share the last one: read where any of
    // their words is, or everywhere if it is the group of rules without words.)
    if (text_groups_.size() >= kMaxTextGroups) {
      TextGroup& last = text_groups_.back();
      if (!last.needs.empty()) {
        if (needs.empty()) {
          last.needs.clear();
        } else {
          last.needs.insert(last.needs.end(), needs.begin(), needs.end());
          std::sort(last.needs.begin(), last.needs.end());
          last.needs.erase(std::unique(last.needs.begin(), last.needs.end()), last.needs.end());
        }
      }
      group_of_needs.emplace(std::move(needs), text_groups_.size() - 1);
      return last;
    }
    group_of_needs.emplace(needs, text_groups_.size());
    TextGroup& g = text_groups_.emplace_back();
    g.set = std::make_unique<ClassRegexSet>(/*longest_match=*/false, ClassRegexSet::kMaxStates,
                                            /*utf8=*/true);
    g.needs = std::move(needs);
    return g;
  };
  for (RuleSpec& spec : rules) {
    Compiled c;
    const bool tokens = spec.target == RuleTarget::kTokens;
    c.re = std::make_unique<RE2>(spec.pattern, tokens ? token_options : text_options);
    if (!c.re->ok()) {
      ThrowPatternError(spec, "invalid pattern: " + c.re->error());
    }
    // The entity group: a number or a name.
    int group = -1;
    const std::string& g = spec.group;
    if (std::all_of(g.begin(), g.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      const auto [ptr, ec] = std::from_chars(g.data(), g.data() + g.size(), group);
      if (ec != std::errc() || group > c.re->NumberOfCapturingGroups()) {
        ThrowPatternError(spec,
                          "group " + g + " does not exist (the pattern has " +
                              std::to_string(c.re->NumberOfCapturingGroups()) + ")",
                          spec.group_column);
      }
    } else {
      const auto& names = c.re->NamedCapturingGroups();
      auto it = names.find(g);
      if (it == names.end()) {
        ThrowPatternError(spec, "no capture group named \"" + g + "\"", spec.group_column);
      }
      group = it->second;
    }
    c.group = group;
    // Matched by an automaton when it reads the pattern as RE2 does, else by RE2 (a pattern
    // with syntax the automaton leaves to RE2).
    TextGroup* text = tokens ? nullptr : &text_group(spec.needs);
    ClassRegexSet& set = tokens ? *token_set_ : *text->set;
    const int index = set.Add(spec.pattern);
    if (index >= 0 && set.CaptureCount(index) == c.re->NumberOfCapturingGroups()) {
      c.automaton = index;
    }
    // (A rule RE2 matches keeps its place in its group's list; its set index is unused.)
    if (text) text->rules.push_back(static_cast<std::uint32_t>(rules_.size()));
    (tokens ? token_rules_ : text_rules_).push_back(static_cast<std::uint32_t>(rules_.size()));
    c.spec = std::move(spec);
    rules_.push_back(std::move(c));
  }
  for (TextGroup& g : text_groups_) g.set->Compile();
  token_set_->Compile();
}

void RuleEngine::BindWords(const std::map<std::string, char, std::less<>>& symbol_words,
                           const std::map<std::string, unsigned char, std::less<>>& symbol_names,
                           const std::set<unsigned char>& lower_symbols,
                           const std::set<unsigned char>& upper_symbols, Gazetteer& gazetteer) {
  gazetteer_ = &gazetteer;
  lower_only_.fill(false);
  upper_only_.fill(false);
  for (const unsigned char byte : lower_symbols) lower_only_[byte] = true;
  for (const unsigned char byte : upper_symbols) upper_only_[byte] = true;
  // Symbol words keep their letter in the vocabulary (WordInfo::symbol).
  text::Folder folder;
  for (const auto& [word, symbol] : symbol_words) gazetteer.SetRuleSymbol(folder.Key(word), symbol);
  symbol_names_.assign(symbol_names.size(), std::string());
  for (const auto& [name, byte] : symbol_names) symbol_names_.at(byte - 0x80u) = name;
  // The text rules' needed words, marked in the vocabulary (the model adds them to it), and the
  // groups each is needed by.
  needed_by_.Clear();
  for (std::size_t k = 0; k < text_groups_.size(); ++k) {
    TextGroup& g = text_groups_[k];
    g.gated = !g.needs.empty();
    for (const std::string& word : g.needs) {
      const std::int32_t id = gazetteer.SetNeeded(folder.Key(word));
      // (A word not in the vocabulary could not be found: the whole text is read.)
      if (id < 0) {
        g.gated = false;
        continue;
      }
      needed_by_[static_cast<std::uint64_t>(id)] |= std::uint64_t{1} << k;
    }
  }
}

std::string RuleEngine::SymbolText(char symbol) const {
  const auto byte = static_cast<unsigned char>(symbol);
  if (byte >= 0x80 && byte - 0x80u < symbol_names_.size()) {
    return "{" + symbol_names_[byte - 0x80u] + "}";
  }
  return std::string(1, symbol);
}

namespace {

// Whether the token after `i` is a capitalised word of the same sentence that no dictionary
// names as a place, organisation or head word: the second word of a personal name.
bool NextIsNameWord(const Document& doc, const std::vector<char>& cover, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  const std::size_t j = i + 1;
  if (j >= tokens.size() || !tokens[j].IsWord() || !tokens[j].IsCapitalized() ||
      tokens[j].sentence != tokens[i].sentence || !tokens[j].Has(text::kSpaceBefore)) {
    return false;
  }
  const std::uint32_t lex = doc.lexical[j];
  // A place that is also a given name or surname can be the second word ("Hamid Reza").
  const bool person_word = lex & (TypeBit(EntryType::kGivenName) | TypeBit(EntryType::kSurname));
  if ((cover[j] == 'P' && !person_word) || cover[j] == 'K' || cover[j] == 'O' || cover[j] == 'H' ||
      cover[j] == 'L') {
    return false;
  }
  return !(lex & (TypeBit(EntryType::kOrgHead) | TypeBit(EntryType::kLocHead) |
                  TypeBit(EntryType::kTitle)));
}

// Whether the token after `i` is a capitalised surname of its sentence that no list holds as a
// word, a given name or a name of its own (the second word of "Georgia Hohaia").
bool SurnameFollows(const Document& doc, const std::vector<char>& cover, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  const std::size_t j = i + 1;
  if (j >= tokens.size() || !tokens[j].IsWord() || tokens[j].shape != text::Shape::kCapitalized ||
      tokens[j].sentence != tokens[i].sentence || !tokens[j].Has(text::kSpaceBefore) || cover[j]) {
    return false;
  }
  const std::uint32_t lex = doc.lexical[j];
  return (lex & TypeBit(EntryType::kSurname)) &&
         !(lex & (TypeBit(EntryType::kWord) | TypeBit(EntryType::kGivenName) |
                  TypeBit(EntryType::kOrgHead) | TypeBit(EntryType::kLocHead) |
                  TypeBit(EntryType::kTitle)));
}

// Whether the token before `i` is a capitalised word of the same sentence, a space before it.
bool CapitalisedWordBefore(const Document& doc, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  if (i == 0 || !tokens[i].Has(text::kSpaceBefore)) return false;
  const text::Token& before = tokens[i - 1];
  return before.IsWord() && before.shape == text::Shape::kCapitalized &&
         before.sentence == tokens[i].sentence;
}

// Whether the token before `i` can start a personal name with it: a capitalised word of the same
// sentence, right before it, outside any dictionary place or organisation, that is either a given
// name but not a common word opening the sentence ("Will Paris host ..."), or a word no
// dictionary knows at all ("Yoelvis Quesada", "Gunhild Halle": given names of other languages).
bool PrevStartsPersonalName(const Document& doc, const std::vector<char>& cover, std::size_t i) {
  if (!CapitalisedWordBefore(doc, i)) return false;
  const std::size_t j = i - 1;
  const std::uint32_t lex = doc.lexical[j];
  if (lex == 0 && !cover[j]) return true;
  if (!(lex & TypeBit(EntryType::kGivenName)) || (cover[j] && cover[j] != 'Q')) return false;
  const bool common = lex & (kLexGivenCommon | TypeBit(EntryType::kWord));
  return !(common && doc.tokens()[j].Has(text::kSentenceStart));
}

// Whether a capitalised word of the same sentence follows token `i` that a title before it
// would name ("King Abdullah"); a generational suffix does not count ("King Jr.").
bool NameWordAfter(const Document& doc, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  if (i + 1 >= tokens.size()) return false;
  const text::Token& next = tokens[i + 1];
  if (!next.IsWord() || !next.IsCapitalized() || next.sentence != tokens[i].sentence) return false;
  const std::string_view fold = doc.words.Fold(next);
  return fold != "jr" && fold != "sr";
}

// Whether a name goes on after token `i` in its sentence: a capitalised word that is no title,
// or one or two name particles and then a capitalised word ("de los Tres").
bool NameAfterHead(const Document& doc, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  std::size_t j = i + 1;
  for (int particles = 0; j < tokens.size() && particles < 2; ++j, ++particles) {
    if (!tokens[j].IsWord() || tokens[j].IsCapitalized() ||
        !(doc.lexical[j] & TypeBit(EntryType::kNameParticle))) {
      break;
    }
  }
  return j < tokens.size() && tokens[j].IsWord() && tokens[j].IsCapitalized() &&
         tokens[j].sentence == tokens[i].sentence && tokens[j].Has(text::kSpaceBefore) &&
         !(doc.lexical[j] & TypeBit(EntryType::kTitle));
}

// Whether token `i` follows a capitalised name word of its sentence (symbols[length - 1], the
// symbol written for token i - 1: a word no list holds, a given name, a surname, a person).
bool AfterNameWord(const char* symbols, std::size_t length, const std::vector<text::Token>& tokens,
                   std::size_t i) {
  if (i == 0 || length == 0 || !tokens[i].Has(text::kSpaceBefore)) return false;
  switch (symbols[length - 1]) {
    case 'C':
    case 'G':
    case 'F':
    case 'S':
    case 'N':
      return true;
    default:
      return false;
  }
}

// Whether the token after `i` is a capitalised word of its sentence, apart from it.
bool CapitalisedWordAfter(const std::vector<text::Token>& tokens, std::size_t i) {
  return i + 1 < tokens.size() && tokens[i + 1].IsWord() && tokens[i + 1].IsCapitalized() &&
         tokens[i + 1].sentence == tokens[i].sentence && tokens[i + 1].Has(text::kSpaceBefore);
}

// Whether token `i` (one letter) and an "&" are written together: "A&M", "P&G".
bool InitialsWithAmpersand(const Document& doc, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  const bool before =
      i >= 1 && !tokens[i].Has(text::kSpaceBefore) && tokens[i - 1].Is(text::Mark::kAmpersand);
  const bool after = i + 1 < tokens.size() && !tokens[i + 1].Has(text::kSpaceBefore) &&
                     tokens[i + 1].Is(text::Mark::kAmpersand);
  return before || after;
}

// Whether token `i` is initials written as one word, single capital letters joined by periods
// ("M.P", "A.K.M": the tokenizer reads them as a word in capitals), with its last period and a
// capitalised word after it in the same sentence that may be a name's: "Vice-Chancellor M.P.
// Sreekumar" (not a known place or organisation, "A.S. Bacau", "W.C. India", nor a common word
// only, "A.L. East"). (Known abbreviations, "U.S. President", are dictionary names and never
// come here.)
bool DottedInitials(const Document& doc, const std::vector<char>& cover, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  const text::Token& tok = tokens[i];
  const std::string_view word = doc.TokenText(tok);
  if (tok.shape != text::Shape::kAllCaps || word.size() < 3 || word.size() % 2 == 0) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    if (k % 2 == 0 ? !(c >= 'A' && c <= 'Z') : c != '.') return false;
  }
  return i + 2 < tokens.size() && !tokens[i + 1].Has(text::kSpaceBefore) &&
         tokens[i + 1].Is(text::Mark::kPeriod) && tokens[i + 2].Has(text::kSpaceBefore) &&
         !tokens[i + 2].Has(text::kNewlineBefore) && tokens[i + 2].IsCapitalized() &&
         tokens[i + 2].shape != text::Shape::kAllCaps && cover[i + 2] != 'P' &&
         cover[i + 2] != 'K' && cover[i + 2] != 'O' &&
         (!(doc.lexical[i + 2] & TypeBit(EntryType::kWord)) ||
          (doc.lexical[i + 2] & (TypeBit(EntryType::kGivenName) | TypeBit(EntryType::kSurname))));
}

// Whether the token before `i` is a capitalised given name outside any dictionary name, in the
// same sentence: one that is no common word or a frequent one ("Tony Hall"), or any after a title
// ("Dr Warren Hill").
bool PrevIsGivenName(const Document& doc, const std::vector<char>& cover, std::size_t i) {
  if (!CapitalisedWordBefore(doc, i) || (cover[i - 1] && cover[i - 1] != 'Q')) return false;
  const std::uint32_t lex = doc.lexical[i - 1];
  if (!(lex & TypeBit(EntryType::kGivenName))) return false;
  if (!(lex & (kLexGivenCommon | TypeBit(EntryType::kWord))) || (lex & kLexGivenFrequent)) {
    return true;
  }
  return i >= 2 && doc.tokens()[i - 2].sentence == doc.tokens()[i].sentence &&
         ((doc.lexical[i - 2] & TypeBit(EntryType::kTitle)) || cover[i - 2] == 'T');
}

}  // namespace

namespace {

// Where the search for a rule's next match starts: after the entity group, so that the context
// a match needed after its entity (", " in "Yoelvis Quesada, Gunhild Halle"; the line end after a
// result) can be the context the next match needs before its own; after the whole match when the
// group is empty or absent; always at least one past the match's start.
std::size_t NextSearch(re2::StringPiece whole, re2::StringPiece group, re2::StringPiece text) {
  const auto start = static_cast<std::size_t>(whole.data() - text.data());
  std::size_t end = start + whole.size();
  if (group.data() != nullptr && !group.empty()) {
    end = static_cast<std::size_t>(group.data() - text.data()) + group.size();
  }
  return std::max(end, start + 1);
}

// A name that ends in a dotted abbreviation ("U.S", "D.C") or an abbreviation such as "Inc" or
// "Corp" takes the period after it, unless that period ends the sentence after a legal form or
// Jr: "sold to Lear Corp." ends with the sentence's period, as annotated news writes it.
std::uint32_t IncludeAbbreviationPeriod(const Document& doc, std::uint32_t end) {
  const std::vector<text::Token>& tokens = doc.tokens();
  if (end >= tokens.size() || !tokens[end].Has(text::kJoiner)) return end;
  if (!tokens[end].Is(text::Mark::kPeriod)) return end;
  const std::string_view last = doc.TokenText(tokens[end - 1]);
  if (last.find('.') != std::string_view::npos) return end + 1;
  const std::string_view fold = doc.words.Fold(tokens[end - 1]);
  if (!text::IsAbbreviation(fold)) return end;
  if (text::PeriodEndsSentence(tokens, end) && text::IsSentenceEndingAbbreviation(fold)) {
    return end;
  }
  return end + 1;
}

}  // namespace

namespace {

// The letter of a word that neither a `symbol` line nor a dictionary name over it decides, from
// what the dictionaries say of the word alone (its lexical bits), whether a common name covers
// it, and whether it is an initial; looked up in a table of every combination of the lexical
// bits it reads: the entry types GIVEN_NAME to WORD (bits 3-10) and the two `common` bits of
// given names and surnames (bits 16-17).
static_assert(TypeBit(EntryType::kGivenName) == 1u << 3 && TypeBit(EntryType::kWord) == 1u << 10);
static_assert(kLexGivenCommon == 1u << 16 && kLexSurnameCommon == 1u << 17);

std::size_t WordLetterIndex(std::uint32_t lex, bool common_name, bool initial) {
  return (lex >> 3 & 0xFF) | (lex >> 16 & 3) << 8 | std::size_t{common_name} << 10 |
         std::size_t{initial} << 11;
}

char WordLetter(std::uint32_t lex, bool common_name, bool initial) {
  if (lex & TypeBit(EntryType::kTitle)) return 't';
  if (lex & TypeBit(EntryType::kOrgHead)) return 'h';
  if (lex & TypeBit(EntryType::kLocHead)) return 'l';
  if (lex & TypeBit(EntryType::kNameParticle)) return 'a';
  // An initial is one whatever the lists hold of its letters ("Ma." of "Ma. Cristina", a given
  // name's abbreviation the tokenizer reads as an initial).
  if (initial) return 'x';
  if (lex & TypeBit(EntryType::kDemonym)) return 'd';
  if (lex & TypeBit(EntryType::kGivenName)) {
    return (lex & (kLexGivenCommon | TypeBit(EntryType::kWord))) ? 'f' : 'g';
  }
  if ((lex & TypeBit(EntryType::kSurname)) && !(lex & kLexSurnameCommon) &&
      !(lex & TypeBit(EntryType::kWord))) {
    return 's';
  }
  if (common_name) return 'q';
  if (lex & TypeBit(EntryType::kWord)) return 'w';
  return 'c';
}

// An apostrophe that closes a plural word before a capitalised one, the possessive of a name's
// plural: "Farmers' Union", "Veterans' Affairs" (not a quotation's closing mark: "'Stars' is",
// where a space comes before the word the quotation opened with).
bool PluralPossessive(const Document& doc, std::size_t i) {
  const std::vector<text::Token>& tokens = doc.tokens();
  const text::Token& tok = tokens[i];
  if (tok.mark != text::Mark::kApostrophe && tok.mark != text::Mark::kCloseSingleQuote) return false;
  if (i == 0 || i + 1 >= tokens.size() || tok.Has(text::kSpaceBefore)) return false;
  const text::Token& before = tokens[i - 1];
  const text::Token& after = tokens[i + 1];
  if (!before.IsWord() || before.end <= before.begin || !after.IsWord() ||
      !after.IsCapitalized() || !after.Has(text::kSpaceBefore) ||
      after.sentence != tok.sentence) {
    return false;
  }
  const char last = doc.text[before.end - 1];
  if (last != 's' && last != 'S') return false;
  // The plural's word begins the quotation when a single quote opens right before it.
  return !(i >= 2 && (tokens[i - 2].mark == text::Mark::kApostrophe ||
                      tokens[i - 2].mark == text::Mark::kOpenSingleQuote) &&
           !before.Has(text::kSpaceBefore));
}

const std::array<char, 4096> kWordLetters = [] {
  std::array<char, 4096> table{};
  for (std::size_t index = 0; index < table.size(); ++index) {
    const auto lex = static_cast<std::uint32_t>((index & 0xFF) << 3 | (index >> 8 & 3) << 16);
    table[index] = WordLetter(lex, (index >> 10 & 1) != 0, (index >> 11 & 1) != 0);
  }
  return table;
}();

}  // namespace

void RuleEngine::BuildSymbols(Document& doc) const {
  const std::vector<text::Token>& tokens = doc.tokens();
  const std::size_t n = tokens.size();
  // Dictionary coverage: the longest entity match over each token decides N / O / P, and
  // multi-token evidence matches (titles, head words) their letter.
  thread_local std::vector<char> cover;
  thread_local std::vector<char> single;  // the cover comes from a one-word match (2: of a major
                                          // place, kSummaryMajorPlace)
  cover.assign(n, 0);
  single.assign(n, 0);
  for (const GazetteerMatch& m : doc.matches) {
    const std::uint32_t types = m.strong_types;
    const bool common_entity = (m.summary & kSummaryCommonEntity) != 0;
    const bool country = (m.summary & kSummaryCountry) != 0;
    char symbol = 0;
    if (types & TypeBit(EntryType::kLocation))
      symbol = country ? 'K' : 'P';
    else if (types & TypeBit(EntryType::kOrganization))
      symbol = 'O';
    else if (types & TypeBit(EntryType::kPerson))
      symbol = 'N';
    else if (common_entity)
      symbol = 'Q';
    else if (m.token_end - m.token_begin > 1) {
      if (types & TypeBit(EntryType::kTitle))
        symbol = 'T';
      else if (types & TypeBit(EntryType::kOrgHead))
        symbol = 'H';
      else if (types & TypeBit(EntryType::kLocHead))
        symbol = 'L';
      else if (types & TypeBit(EntryType::kDemonym))
        symbol = 'D';
    }
    if (!symbol) continue;
    std::uint32_t words = 0;
    for (std::uint32_t t = m.token_begin; t < m.token_end; ++t) words += tokens[t].IsWord();
    const char one_word = words != 1 ? 0 : (m.summary & kSummaryMajorPlace) ? 2 : 1;
    for (std::uint32_t t = m.token_begin; t < m.token_end; ++t) {
      if (!cover[t] && tokens[t].IsWord()) {
        cover[t] = symbol;
        single[t] = one_word;
      }
    }
  }

  // One symbol per token and one between sentences, written into arrays sized for them.
  const std::size_t size = n + doc.words.sentences.size();
  doc.symbols.resize(size);
  doc.symbol_token.resize(size);
  doc.token_symbol.resize(n);
  char* symbols = doc.symbols.data();
  std::uint32_t* symbol_token = doc.symbol_token.data();
  std::size_t length = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const text::Token& tok = tokens[i];
    if (i > 0 && tok.sentence != tokens[i - 1].sentence) {
      symbols[length] = '\n';
      symbol_token[length++] = static_cast<std::uint32_t>(i);
    }
    char symbol = '?';
    const bool capitalised = tok.IsCapitalized();
    if (tok.Has(text::kPossessive)) {
      // ("'s" split off a word is a word token too, in the ASCII tokenizer's reading.)
      symbol = '\'';
    } else if (tok.IsWord()) {
      const std::uint32_t lex = doc.lexical[i];
      const char word_symbol = doc.word_info[i].symbol;
      if (tok.shape == text::Shape::kNumber) {
        symbol = '0';
      } else if (tok.shape == text::Shape::kAlnum) {
        symbol = '9';
      } else if (tok.shape == text::Shape::kUncased) {
        symbol = 'u';
      } else {
        char letter;
        if (tok.shape == text::Shape::kInitial && InitialsWithAmpersand(doc, i)) {
          // "A&M", "A&P": letters joined by "&" are initials, not the article A.
          letter = 'x';
        } else if (word_symbol &&
                   // (A capitalised word inside a head of several words takes the head's letter:
                   // "District" of "Harlan Community School District" is no `v` word.)
                   !(capitalised && (cover[i] == 'H' || cover[i] == 'L')) &&
                   !(capitalised && lower_only_[static_cast<unsigned char>(word_symbol)]) &&
                   !(!capitalised && upper_only_[static_cast<unsigned char>(word_symbol)])) {
          letter = word_symbol;
        } else if (cover[i] == 'P' && single[i] && (lex & TypeBit(EntryType::kGivenName)) &&
                   !(lex & TypeBit(EntryType::kWord)) &&
                   !((lex & kLexGivenRare) && single[i] == 2) && NextIsNameWord(doc, cover, i)) {
          // A place that is also a given name, before another name word: "Douglas Hurd" (not a
          // major place that is a rare given name: "Nairobi Stima" is no person).
          letter = 'g';
        } else if (cover[i] == 'K' && single[i] && (lex & TypeBit(EntryType::kGivenName)) &&
                   !(lex & TypeBit(EntryType::kWord)) && SurnameFollows(doc, cover, i)) {
          // A country that is also a given name, before a surname no list holds otherwise:
          // "Georgia Hohaia", "Jordan Pickford" (not "Georgia Power", "Jordan Valley").
          letter = 'g';
        } else if (cover[i] == 'P' && single[i] && (lex & TypeBit(EntryType::kSurname)) &&
                   !(lex & (kLexSurnameCommon | TypeBit(EntryType::kWord))) &&
                   PrevStartsPersonalName(doc, cover, i)) {
          // A place that is also a surname, after a given name or an unknown capitalised word:
          // "Tony Adams", "Charles Darwin", "Yoelvis Quesada".
          letter = 's';
        } else if (!cover[i] && (lex & TypeBit(EntryType::kTitle)) && (lex & kLexSurnameFrequent) &&
                   PrevIsGivenName(doc, cover, i) && !NameWordAfter(doc, i)) {
          // A title that is a frequent surname, ending a name after a given name: "Stephen
          // King", "Larry King", "Martin Luther King Jr." (not "King Abdullah").
          letter = 's';
        } else if (!cover[i] && (lex & TypeBit(EntryType::kLocHead)) && (lex & kLexSurnameTop) &&
                   PrevIsGivenName(doc, cover, i)) {
          // A place head word that is one of the most frequent surnames, after a given name that
          // is no common word: "Christopher Hill", "Anthony Hall" are people ("Ellis Park" and
          // "Kendall Park" are places: Park names places more often than people).
          letter = 's';
        } else if (cover[i] == 'P' && single[i] && (lex & TypeBit(EntryType::kLocHead)) &&
                   (lex & kLexHeadOpensOnly) && NameAfterHead(doc, i)) {
          // A place head word that only opens names and is a town's name too, before a name:
          // "Cerro Torre", "Laguna de los Tres" (the head word, not the towns Cerro and Laguna).
          letter = 'l';
        } else if (!cover[i] && capitalised && (lex & TypeBit(EntryType::kLocHead)) &&
                   (lex & kLexHeadOpensOnly) && AfterNameWord(symbols, length, tokens, i) &&
                   !CapitalisedWordAfter(tokens, i)) {
          // A place head word that only opens names cannot end one: after a name word, and before
          // no name it could open, it is a name word itself ("Nurul Ain binti Zakaria", not the
          // place "Nurul Ain"; "Yasiru Bandara of Wijaya"; but "Sekolah Kebangsaan Jalan Pasir
          // Puteh" holds the street "Jalan Pasir Puteh").
          letter = kWordLetters[WordLetterIndex(lex & ~TypeBit(EntryType::kLocHead), false,
                                                false)];
        } else if (cover[i] && cover[i] != 'Q') {
          letter = cover[i];
        } else {
          letter = kWordLetters[WordLetterIndex(
              lex, cover[i] == 'Q',
              tok.shape == text::Shape::kInitial || (!cover[i] && DottedInitials(doc, cover, i)))];
        }
        // Letters are stored lower case; capitalised tokens get the upper-case letter. Digit
        // symbols have no case.
        if (letter >= 'A' && letter <= 'Z') letter = static_cast<char>(letter + 32);
        const bool has_case = letter >= 'a' && letter <= 'z';
        symbol = capitalised && has_case ? static_cast<char>(letter - 32) : letter;
      }
    } else {
      using text::Mark;
      if (PluralPossessive(doc, i)) {
        symbol = '`';
      } else if (text::IsQuoteMark(tok.mark)) {
        symbol = '"';
      } else {
        switch (tok.mark) {
          case Mark::kComma:
            symbol = ',';
            break;
          case Mark::kPeriod:
            symbol = '.';
            break;
          case Mark::kHyphen:
          case Mark::kUnicodeHyphen:
            symbol = IsNameJoiner(tokens, doc.text, i) ? '-' : '_';
            break;
          case Mark::kDash:
            symbol = '_';
            break;
          case Mark::kOpenBracket:
            symbol = '(';
            break;
          case Mark::kCloseBracket:
            symbol = ')';
            break;
          case Mark::kAmpersand:
            symbol = '&';
            break;
          case Mark::kColon:
          case Mark::kSemicolon:
            symbol = ':';
            break;
          case Mark::kSlash:
            symbol = '/';
            break;
          default:
            break;
        }
      }
    }
    symbols[length] = symbol;
    symbol_token[length++] = static_cast<std::uint32_t>(i);
    doc.token_symbol[i] = symbol;
  }
  doc.symbols.resize(length);
  doc.symbol_token.resize(length);
}

std::vector<ClassRegexSet*> RuleEngine::automata() {
  std::vector<ClassRegexSet*> sets;
  if (token_set_) sets.push_back(token_set_.get());
  for (TextGroup& g : text_groups_) {
    if (g.set) sets.push_back(g.set.get());
  }
  return sets;
}

void RuleEngine::Run(Document& doc) const {
  BuildSymbols(doc);
  const std::vector<text::Token>& tokens = doc.tokens();
  if (tokens.empty()) return;
  // Symbol counts, for rules with a document condition and the resolver: letters in either
  // case, other symbols in a 27th slot (no branch per symbol).
  std::array<std::uint32_t, 27>& symbol_counts = doc.symbol_counts;
  symbol_counts.fill(0);
  for (const char c : doc.symbols) {
    const unsigned folded = (static_cast<unsigned char>(c) | 0x20u) - 'a';
    ++symbol_counts[folded < 26 ? folded : 26];
  }
  auto condition_holds = [&](const RuleSpec& spec) {
    return spec.when_symbol == 0 ||
           symbol_counts[static_cast<std::size_t>(spec.when_symbol - 'a')] >=
               static_cast<std::uint32_t>(spec.when_count);
  };
  thread_local std::vector<re2::StringPiece> groups;
  // The matches of `rules` in `subject` (scanned by `set` just before), each passed to `found`
  // with its rule and entity group: each rule takes its matches in turn, each the match RE2
  // would find from where the last one left off.
  auto match_rules = [&](const std::vector<std::uint32_t>& rules, const ClassRegexSet& set,
                         std::string_view subject, auto&& found) {
    const re2::StringPiece piece(subject.data(), subject.size());
    for (const std::uint32_t index : rules) {
      const Compiled& c = rules_[index];
      const auto n = static_cast<std::size_t>(c.group) + 1;
      if (groups.size() < n) groups.resize(n);
      if (c.automaton >= 0) {
        std::size_t start = set.NextStart(doc.class_scratch, c.automaton, 0);
        if (start == ClassRegexSet::kNone || !condition_holds(c.spec)) continue;
        while (start != ClassRegexSet::kNone &&
               set.MatchAt(c.automaton, subject, start, groups.data(), static_cast<int>(n),
                           doc.class_scratch)) {
          const re2::StringPiece g = groups[n - 1];
          if (g.data() != nullptr && !g.empty()) found(index, g);
          start = set.NextStart(doc.class_scratch, c.automaton, NextSearch(groups[0], g, piece));
        }
        continue;
      }
      if (!condition_holds(c.spec)) continue;
      std::size_t pos = 0;
      while (pos <= piece.size() &&
             MatchGroups(*c.re, piece, pos, groups.data(), static_cast<int>(n))) {
        const re2::StringPiece g = groups[n - 1];
        if (g.data() != nullptr && !g.empty()) found(index, g);
        pos = NextSearch(groups[0], g, piece);
      }
    }
  };

  // Rules over the class string. One backward pass of the automaton finds where each of them
  // can start a match; each rule with a start then takes its matches (match_rules).
  const re2::StringPiece symbols(doc.symbols);
  token_set_->Scan(doc.symbols, doc.class_scratch);
  auto add = [&](std::uint32_t index, re2::StringPiece g) {
    const Compiled& c = rules_[index];
    const std::size_t gs = static_cast<std::size_t>(g.data() - symbols.data());
    const std::size_t ge = gs + g.size();
    const std::uint32_t tb = doc.symbol_token[gs];
    const std::uint32_t te =
        doc.symbols[ge - 1] == '\n' ? doc.symbol_token[ge - 1] : doc.symbol_token[ge - 1] + 1;
    if (te <= tb || te - tb > kMaxNameTokens) return;
    Candidate cand;
    cand.token_begin = tb;
    cand.token_end = IncludeAbbreviationPeriod(doc, te);
    cand.begin = tokens[tb].begin;
    cand.end = tokens[cand.token_end - 1].end;
    cand.origin = Origin::kRule;
    cand.ref = index;
    cand.priority = c.spec.priority;
    if (c.spec.label) {
      cand.label = *c.spec.label;
    } else {
      cand.typed = false;
      cand.veto = c.spec.none;
    }
    doc.candidates.push_back(std::move(cand));
  };
  match_rules(token_rules_, *token_set_, doc.symbols, add);

  // Rules over the raw text, read by the automaton in UTF-8 in one pass of its own (or by RE2):
  // spans are kept when they start and end on token boundaries.
  if (text_rules_.empty()) return;
  const re2::StringPiece text(doc.text.data(), doc.text.size());
  auto add_text = [&](std::uint32_t index, re2::StringPiece g) {
    const Compiled& c = rules_[index];
    const auto b = static_cast<std::uint32_t>(g.data() - text.data());
    const auto e = static_cast<std::uint32_t>(b + g.size());
    auto first =
        std::lower_bound(tokens.begin(), tokens.end(), b,
                         [](const text::Token& t, std::uint32_t v) { return t.begin < v; });
    if (first == tokens.end() || first->begin != b) return;
    auto last = std::lower_bound(first, tokens.end(), e,
                                 [](const text::Token& t, std::uint32_t v) { return t.end < v; });
    if (last == tokens.end() || last->end != e) return;
    if (static_cast<std::size_t>(last - first) >= kMaxNameTokens) return;
    Candidate cand;
    cand.token_begin = static_cast<std::uint32_t>(first - tokens.begin());
    cand.token_end = static_cast<std::uint32_t>(last - tokens.begin()) + 1;
    cand.begin = b;
    cand.end = e;
    cand.origin = Origin::kRule;
    cand.ref = index;
    cand.priority = c.spec.priority;
    if (c.spec.label) {
      cand.label = *c.spec.label;
    } else {
      cand.typed = false;
      cand.veto = c.spec.none;
    }
    doc.candidates.push_back(cand);
  };
  // Each group of text rules reads all of the text, or with `needs` words, the runs of sentences
  // that hold one of them, each with the token before it and the token after it, so that the
  // characters around a match are the text's: "Network, Inc. (MBN)", where a sentence ends after
  // "Inc.", needs the bracket that follows it; ". Boulangerie Kerhervé" the full stop before it.
  // Per group, its runs of sentences (a sentence's groups are the bits of its needed words).
  thread_local std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> group_ranges;
  if (group_ranges.size() < text_groups_.size()) group_ranges.resize(text_groups_.size());
  for (std::size_t k = 0; k < text_groups_.size(); ++k) {
    group_ranges[k].clear();
    if (!text_groups_[k].gated) {
      group_ranges[k].emplace_back(0, static_cast<std::uint32_t>(text.size()));
    }
  }
  const std::size_t n = tokens.size();
  const WordInfo* info = doc.word_info.data();
  for (const text::Sentence& sentence : doc.words.sentences) {
    std::uint64_t groups_here = 0;
    for (std::uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      if (!(info[t].flags & Gazetteer::kWordNeeded)) continue;
      const std::uint64_t* needing = needed_by_.Find(static_cast<std::uint64_t>(info[t].id));
      if (needing) groups_here |= *needing;
    }
    if (groups_here == 0) continue;
    const std::uint32_t b = sentence.token_begin == 0 ? 0 : tokens[sentence.token_begin - 1].begin;
    const std::uint32_t e = sentence.token_end >= n ? static_cast<std::uint32_t>(text.size())
                                                    : tokens[sentence.token_end].end;
    for (; groups_here != 0; groups_here &= groups_here - 1) {
      auto& ranges = group_ranges[static_cast<std::size_t>(std::countr_zero(groups_here))];
      if (!ranges.empty() && ranges.back().second >= b) {
        ranges.back().second = std::max(ranges.back().second, e);
      } else {
        ranges.emplace_back(b, e);
      }
    }
  }
  const std::size_t first_candidate = doc.candidates.size();
  for (std::size_t k = 0; k < text_groups_.size(); ++k) {
    const TextGroup& g = text_groups_[k];
    for (const auto& [range_begin, range_end] : group_ranges[k]) {
      const std::string_view view(doc.text.data() + range_begin, range_end - range_begin);
      g.set->Scan(view, doc.class_scratch);
      match_rules(g.rules, *g.set, view, add_text);
    }
  }
  // Candidates in the order a pass over the whole text gives them: by rule, then by position.
  std::stable_sort(doc.candidates.begin() + static_cast<std::ptrdiff_t>(first_candidate),
                   doc.candidates.end(), [&](const Candidate& a, const Candidate& b) {
                     return a.ref < b.ref;  // (text_rules_ is in rule order)
                   });
}

}  // namespace nerkit::internal
