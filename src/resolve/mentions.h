// The resolver's working set: the accepted spans of one document ("mentions") and the steps that
// make them a consistent set of entities. See resolver.h for the policy.
//
// Names are compared by their keys (the case-folded, accent-stripped words, without hyphens and
// periods), held as 64-bit hashes of the words (a word of the vocabulary by its id) so that no
// step builds strings. A MentionSet lives in each Workspace and is Reset for every document: its
// arrays and maps keep their capacity, so that once warm the resolver allocates only for the
// strings of the entities it returns (and, with a Result reused, hardly for those: entities the
// result no longer needs keep their strings here for the next document).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/flat_map.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/result.h"
#include "resolve/confidence.h"

namespace nerkit::internal {

struct Mention {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;
  std::uint32_t begin = 0;  // bytes
  std::uint32_t end = 0;
  Label label = Label::kPerson;
  bool typed = true;
  bool veto = false;
  bool dropped = false;  // decided against after selection (note says why)
  int priority = 0;
  std::int32_t entry = -1;             // dictionary entry (canonical name, id)
  std::uint32_t candidates_begin = 0;  // MentionSet::candidate_ids()[begin, begin + count):
  std::uint32_t candidates_count = 0;  // the candidates that agree on this span and label
  std::uint32_t value_candidate = 0;   // time expressions: the candidate with the value
  const char* note = "";               // what the resolver decided, for Entity::source
  std::uint64_t key = 0;               // hash of the name's words
  std::uint32_t words = 0;             // number of words of the name
  int cluster = -1;

  bool IsName() const {
    return label == Label::kPerson || label == Label::kLocation || label == Label::kOrganization;
  }
  bool Live() const { return !dropped && typed && !veto; }
};

struct RejectedCandidate {
  std::uint32_t candidate = 0;
  std::int32_t winner = -1;  // candidate that won over it, if any
  const char* reason = "";
};

class MentionSet {
 public:
  // Starts on a new document (tokenized, its candidates found). `doc` and `gazetteer` must
  // outlive the steps that follow.
  void Reset(Document& doc, const Gazetteer& gazetteer);

  // Removes candidates that the form of their sentence rules out: in a Title Case headline or an
  // all-capital line, only dictionary names, time expressions and the strongest rules count.
  void FilterBySentenceForm(std::vector<Candidate>& candidates);

  // A rule's person or place whose name ends in a word in camel case that no list knows
  // ("Spirit AeroSystems", "at JavaSoft") is a name of open type: TypeNames makes it a company.
  // So is a weak rule's person of one word in capitals inside running text ('" OCEI said', an
  // abbreviation the document defines or an organisation's).
  void OpenCamelCaseNames(std::vector<Candidate>& candidates);

  // An abbreviation in brackets marks where the name before it begins: the capitalised words
  // (and of, for, and, "," between them) whose initials it spells are one name, "the Botanical
  // Survey of India (BSI)", "the Health Service Executive (HSE)". Added as an organisation where
  // a word of it is an organisation's head word or a known place, unless a candidate already
  // names that span as an organisation or place.
  void NamesDefinedByAbbreviations(std::vector<Candidate>& candidates);

  // Of two names of the same type where one contains the other, the longer gets at least the
  // shorter one's priority.
  void SupportByContainment(std::vector<Candidate>& candidates);
  // A known person's name that a capitalised surname follows opens a longer name (part of
  // SupportByContainment).
  void LongerPersonNames(std::vector<Candidate>& candidates);

  // Merges candidates with the same span and settles overlaps (see resolver.h).
  void Select(const std::vector<Candidate>& candidates, std::vector<RejectedCandidate>* rejected);

  // Gives untyped names a type from the document or their form, or drops them.
  void TypeNames();

  // A capitalised word no evidence typed, listed with names of one type and with nothing but
  // them and such words, is of that type too: "from Nairobi, Kudamaloor and Kottayam" (places),
  // "its leaders, Wilopo and Ali Sastroamidjojo" (people).
  void NamesInLists();

  // A name the document says another name is known by ("Clube de Regatas do Flamengo, commonly
  // known as Flamengo", "the University of Lagos, known as UNILAG", "Aerovia Sul Linhas Aereas,
  // trading as Aerovia Sul") is of the same type, and so are its mentions typed only by a weak
  // cue ("taught law at UNILAG").
  void Aliases();

  // A place that a rule reads as an organisation ("Lancashire head coach Steven Harrop", "beat
  // Otago 27-20", "signed with Leeds": a team) is that organisation wherever else the document
  // names it with no evidence but the dictionary's ("Lancashire wrapped up victory"); a place
  // with evidence of its own stays one ("in Lancashire", a dateline, "Leeds, England"). So is a
  // small town's name alone that opens an organisation's name in the document ("Greenfield
  // shareholders" after "Greenfield Market Group"; a city, region or country stays a place).
  void PlacesAsOrganisations();
  // Whether the word before `token` says where someone comes from or passes ("from", "via",
  // "through", "nearby", "neighbouring"), or goes home ("returned to", "moved to").
  bool MotionBefore(std::uint32_t token) const;

  // Adds mentions for other occurrences of names already found (a surname alone, a name in a
  // headline) that no candidate covered.
  void Propagate();

  // A one-word place or organisation from a dictionary that is the surname of a person in the
  // document is that person ("Jordan" after "Michael Jordan"). (Names without evidence of their
  // own already took the type of the same name elsewhere, in TypeNames and Propagate; a mention
  // with evidence of its own keeps its type: "NEW YORK" is a place in a heading and a team in a
  // standings row.)
  void Unify();

  // Groups mentions of the same thing into clusters.
  void Cluster();

  // Where an organisation's or place's name starts in the text: at a capitalised "The" inside
  // running text, which is part of the name, right before a name of one common word ("wrote in
  // The Times", "at The Oval") or an organisation no list holds ("backed by The Natural Law
  // Party", "submitted to The Astronomical Journal"; not before an abbreviation), else at the
  // mention. (At a sentence's start, after a dash or colon, and in a headline, "The" is only
  // capitalised; before a longer name that a list holds without it, it stays outside unless the
  // name is a newspaper's or broadcaster's, "told The Straits Times": "told The [Associated
  // Press]", as the wire writes it and the reference article is annotated.)
  std::uint32_t NameBegin(const Mention& m) const;
  // Whether a mention is of a newspaper or broadcaster a list holds (not of a news agency).
  bool NewspaperEntry(const Mention& m) const;

  // The confidence model's features of a mention (after Cluster()).
  void Features(const Mention& m, FeatureVector& out);

  std::vector<Mention>& mentions() { return mentions_; }
  const std::vector<std::uint32_t>& candidate_ids() const { return candidate_ids_; }
  std::size_t cluster_count() const { return static_cast<std::size_t>(clusters_); }

  // Entities and clusters that a reused Result held beyond the last document's count, kept here
  // with their strings' memory for the next documents instead of being freed (Resolver::Resolve).
  std::vector<nerkit::Entity>& spare_entities() { return spare_entities_; }
  std::vector<nerkit::Cluster>& spare_clusters() { return spare_clusters_; }

 private:
  // The words of tokens [begin, end): their token indices (no hyphens, periods or punctuation).
  void KeyTokens(std::uint32_t begin, std::uint32_t end, std::vector<std::uint32_t>& out) const;
  std::uint64_t TokenHash(std::uint32_t token) const;
  // Of a person's name of three words or more (`words`, KeyTokens'), the word before the last
  // where it is a surname and no given name or particle: the first of two surnames, by which
  // names of Spanish or Portuguese form are known alone ("Restrepo" of "Carlos Andrés Restrepo
  // Vélez"); -1 if none.
  std::int64_t FirstOfTwoSurnames(const std::vector<std::uint32_t>& words) const;
  std::uint64_t KeyHash(std::uint32_t begin, std::uint32_t end, std::uint32_t* words) const;
  // The first letters of a name's words: `plain` without those of "of", "the", "and" and the
  // like ("IAEA"); `with_fillers` with all but that of "the" ("BOT" of "Bank of Thailand"), or
  // empty where it has two letters or fewer or is `plain`. One pass over the words.
  void Initials(std::uint32_t begin, std::uint32_t end, std::string& plain,
                std::string& with_fillers) const;
  // Whether `letters` (folded) are the first letters of the words of [begin, end) in order, where
  // each of the fillers "of", "and", "the" and the like gives its letter or not: both forms of
  // Initials() ("IAEA", "BOT") and the mixed ones, "DOLE" of "Department of Labor and
  // Employment".
  bool InitialsSpell(std::uint32_t begin, std::uint32_t end, std::string_view letters) const;
  // Whether tokens [begin, end) hold words and every word is a common word that is no name.
  bool OnlyCommonWords(std::uint32_t begin, std::uint32_t end) const;
  // The letters of a one-word acronym ("U.N." -> "un").
  // Types an untyped mention: its label, the note saying why, and the entry of its span's
  // dictionary candidate of that label.
  void Decide(Mention& m, Label label, const char* note) const;
  // Whether the sentence holds a word of four letters or more in lower case that a Title Case
  // headline would capitalise (no preposition, conjunction or pronoun): it is running text.
  bool HasLowerContentWord(const text::Sentence& sentence) const;
  // The class symbol of a token (Document::token_symbol), '\0' past its end.
  char SymbolAt(std::uint32_t token) const;
  // Whether the token before `token` is a determiner ("the", "a", "this": symbol e).
  bool AfterDeterminer(std::uint32_t token) const;
  // Whether a capitalised word of the same sentence follows a name that ends before `end`.
  bool NameWordFollows(std::uint32_t end) const;
  // Whether `letters` (folded) are letters of the words of [begin, end) in their order, the
  // first of them the first word's first letter.
  bool LettersOfName(std::uint32_t begin, std::uint32_t end, std::string_view letters) const;
  // Whether the abbreviation at `token` names no entity: joined to a number ("BR-101"), or
  // defined in brackets after the last word of a law's or an office's name ("(GDPR)").
  bool AbbreviatesNoName(std::uint32_t token);
  // Whether tokens [open, open + 3) are a capitalised word in brackets, "(EA)", "(Defra)".
  bool WordInBrackets(std::uint32_t open) const {  // (inline: asked of every token)
    const std::vector<text::Token>& tokens = doc_->tokens();
    return open + 2 < tokens.size() && tokens[open].Is(text::Mark::kOpenBracket) &&
           tokens[open + 2].Is(text::Mark::kCloseBracket) && tokens[open + 1].IsWord() &&
           tokens[open + 1].IsCapitalized();
  }
  std::string AcronymLetters(std::uint32_t token) const;
  bool IsHeadline(std::uint32_t sentence) const;
  // Whether the last word of tokens [begin, end) is in camel case (text::IsCamelCase) and in no
  // list: "AeroSystems", "YouTube".
  bool EndsInCamelCase(std::uint32_t begin, std::uint32_t end) const;
  // Whether token `t` is a capitalised "The" inside running text (after a word or comma of its
  // sentence, not in a headline), which the name after it begins with.
  bool TheOfName(std::uint32_t t) const;
  // Whether `token` opens its sentence and is an ordinary word too ("Rice", "Shearer").
  bool CommonWordOpensSentence(std::uint32_t token) const;
  // Whether the document writes the word of `token` in lower case somewhere.
  bool WrittenInLowerCase(std::uint32_t token);
  // How many of a name's words (token indices) come before its trailing head words ("Inc.",
  // "SA", "Ministry").
  std::size_t WordsBeforeHeads(const std::vector<std::uint32_t>& words) const;
  // Whether the document writes the word of token `word` after that of `before` elsewhere, not
  // followed by the word of `head` (when `head` is not `word` itself).
  bool WrittenWithout(std::uint32_t before, std::uint32_t word, std::uint32_t head);
  // Whether a place of the document stands next to `m` in a list: "Baton Rouge and [Lafayette]".
  bool BesidePlace(const Mention& m);
  // How many of the name's words it opens with are capitalised common or head words.
  std::size_t LeadingCommonWords(const std::vector<std::uint32_t>& words) const;
  // How many of a name's words (token indices) make its short name, without trailing head words
  // ("Ruch" of "Ruch SA"); 0 when it has none or it would not be distinctive.
  std::size_t ShortNameWords(const std::vector<std::uint32_t>& words) const;
  // Whether a rule of at least this priority found the mention as a place ("in Gwadar", a
  // dateline).
  bool PlacedByRule(const Mention& m, std::int32_t min_priority) const;
  // Whether a candidate of `m` satisfies `pred`.
  template <typename Pred>
  bool AnyCandidate(const Mention& m, Pred pred) const {
    for (std::uint32_t k = 0; k < m.candidates_count; ++k) {
      if (pred(doc_->candidates[candidate_ids_[m.candidates_begin + k]])) return true;
    }
    return false;
  }
  // The last words of the document's typed places, by TokenHash, into place_tails_: a short name
  // of one of them is no organisation's (TypeNames and Propagate, which call it in turn, since
  // the places between them may change). And the one-word places that the story's layout names
  // (a dateline), into laid_out_places_: no person's surname alone (Propagate, then Unify).
  void CollectPlaceTails();
  // Whether an organisation's name of these two words (KeyTokens) is known by its first alone
  // ("Goldman" of "Goldman Sachs").
  bool KnownByFirstWord(const std::vector<std::uint32_t>& words) const;
  // Whether tokens [begin, end) are words a personal name is made of (by their class symbols).
  bool OnlyNameWords(std::uint32_t begin, std::uint32_t end) const;
  // Whether tokens [begin, end) are capitalised words no dictionary knows (hyphens between).
  bool OnlyUnknownWords(std::uint32_t begin, std::uint32_t end) const;
  bool CapitalisationSupports(const Candidate& c) const;
  // Whether a place preposition supports a one-word place that is a given name or a surname.
  bool PrepositionSupportsPlace(const Candidate& c) const;
  // Whether a place that is also a common word stands in a list beside a place of full evidence
  // ("Ho Chi Minh City, Huế and Da Nang"); list_place_end_ and list_place_ends_ must be filled.
  bool ListSupportsPlace(const Candidate& c) const;
  // Whether token t separates the items of a list: a comma, "and" or "or".
  bool ListSeparator(std::uint32_t t) const;
  // Lists in joined_ the name two overlapping organisations make, if they make one (a starts
  // before b).
  // An untyped name that opens with a town only a dictionary names, then words no dictionary
  // knows, is a person ("Youri Djorkaeff"); part of SupportByContainment.
  void PersonAfterTown(std::vector<Candidate>& candidates);
  void Join(const Candidate& a, const Candidate& b);
  void SetKey(Mention& m) const;

  // Working arrays of the steps, kept from one document to the next.
  struct NameEnd {  // a typed name that longer capitalised words may end in
    std::uint32_t token_end;
    std::uint32_t token_begin;
    std::int32_t priority;
    Label label;
  };
  struct Group {
    std::uint32_t first = 0;  // into order_
    std::uint32_t count = 0;
    std::uint32_t evidence = 0;
  };
  struct Vote {
    Label label = Label::kPerson;
    int priority = 0;
  };
  struct Expansion {
    std::string initials;
    Label label = Label::kPerson;
    int cluster = -1;
  };
  // word_pool_[begin, begin + size): the word hashes of a name.
  struct WordSpan {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
  };
  // A name that other occurrences may match (Propagate), chained per first word.
  struct Pattern {
    std::uint32_t begin = 0;  // words: pattern_words_[begin, begin + size)
    std::uint32_t size = 0;
    Label label = Label::kPerson;
    std::int32_t entry = -1;
    const char* note = "";
    std::uint32_t capitals = 0;  // bit k: the k-th word was capitalised where the name was found
    std::int32_t next = -1;
  };
  // The head, tail and length of a chain of patterns or clusters that share a word.
  struct PatternChain {
    std::int32_t head = -1;
    std::int32_t tail = -1;
    std::uint32_t count = 0;
  };
  // A cluster of people (by their words) or organisations (by words and head words).
  struct WordCluster {
    WordSpan words;
    std::uint64_t heads = 0;  // bit k: the k-th word is an organisation head word
    int id = 0;
    std::int32_t next = -1;
  };

  Document* doc_ = nullptr;
  const Gazetteer* gazetteer_ = nullptr;
  std::vector<std::uint8_t> headline_;  // per sentence
  std::vector<std::pair<std::uint32_t, std::uint32_t>> abbreviated_spans_;  // (first, end) tokens
  std::vector<bool> active_;            // per candidate, after the sentence-form filter
  std::vector<Mention> mentions_;
  std::vector<std::uint32_t> candidate_ids_;
  mutable std::vector<std::uint64_t> token_hash_;  // per token, 0 = not computed yet
  int clusters_ = 0;

  std::vector<std::uint32_t> order_;
  std::vector<std::uint64_t> named_ids_;  // FilterBySentenceForm: ids named with full evidence
  std::vector<std::uint64_t> full_ids_;   // FilterBySentenceForm: ids named by a full name
  // FilterBySentenceForm, per token: the end of the longest place of full evidence that begins
  // there (0: none), and whether one ends just before it.
  std::vector<std::uint32_t> list_place_end_;
  std::vector<std::uint8_t> list_place_ends_;
  using SortKey = std::pair<std::uint64_t, std::uint64_t>;  // compared as a pair
  std::vector<SortKey> sort_keys_;
  std::vector<SortKey> sorted_keys_;   // Select: the keys by first token
  std::vector<std::uint32_t> bucket_;  // Select: where each first token's keys start
  std::vector<std::pair<SortKey, std::uint32_t>> ranked_;
  std::vector<NameEnd> name_ends_;
  std::vector<std::uint32_t> towns_;  // PersonAfterTown's
  std::vector<std::uint32_t> known_people_;  // LongerPersonNames': known people before a surname
  std::vector<Candidate> joined_;
  std::vector<Group> groups_;
  std::vector<std::uint32_t> rank_;
  std::vector<std::int32_t> owner_;
  std::vector<std::uint32_t> words_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint64_t> word_pool_;
  FlatMap<Vote> typed_;
  FlatMap<Vote> teams_;    // places the document reads as organisations (PlacesAsOrganisations)
  FlatMap<Vote> aliases_;  // names the document says others are known by (Aliases)
  std::vector<std::int32_t> mention_at_;  // per token: the mention that starts there, or -1
  std::vector<std::int32_t> list_start_at_;  // NamesInLists: the mention starting at a token
  std::vector<std::int32_t> list_end_at_;    // ... and the one ending at it (its last token)
  std::vector<std::uint32_t> list_items_;    // ... the mentions of one list, in order
  std::vector<WordSpan> people_;
  std::vector<Expansion> expansions_;
  std::vector<std::int32_t> covered_;
  std::vector<std::int32_t> inside_;
  std::vector<std::int32_t> best_inside_;
  std::vector<std::uint32_t> capitalised_;  // Propagate: the capitalised words, in order
  std::vector<Pattern> patterns_;
  std::vector<std::uint64_t> pattern_words_;
  FlatMap<PatternChain> by_first_;
  FlatMap<char> seen_patterns_;
  FlatMap<char> lower_words_;       // words the document writes in lower case (by TokenHash)
  FlatMap<char> first_names_;       // first words of the people named in full (TypeNames)
  FlatMap<char> place_tails_;       // last words of the document's places (Propagate)
  FlatMap<char> laid_out_places_;   // one-word places of a dateline (Propagate, Unify)
  FlatMap<char> placed_by_text_;    // places a rule found (PlacesAsOrganisations)
  FlatMap<char> no_name_abbreviations_;  // abbreviations defined as no name (AbbreviatesNoName)
  bool lower_words_built_ = false;  // lower_words_ is made the first time it is needed
  std::vector<Mention> added_;
  FlatMap<std::int32_t> surname_entries_;
  FlatMap<std::int32_t> given_entries_;  // Unify: the given names of full names
  FlatMap<std::uint32_t> word_pairs_;  // WrittenWithout: counts of word pairs and triples
  bool word_pairs_built_ = false;
  std::vector<std::uint8_t> place_edges_;  // BesidePlace: places starting (1), ending (2) here
  bool place_edges_built_ = false;
  bool no_name_abbreviations_built_ = false;
  std::vector<WordCluster> people_clusters_;
  std::vector<WordCluster> org_clusters_;
  FlatMap<PatternChain> people_by_last_;
  FlatMap<PatternChain> orgs_by_first_;
  FlatMap<int> cluster_by_id_[kLabelCount];
  FlatMap<int> cluster_by_key_[kLabelCount];
  std::vector<Expansion> named_;
  // For Features(): live name mentions per cluster, labels per name key (bit per label).
  std::vector<std::uint32_t> cluster_sizes_;
  FlatMap<std::uint32_t> labels_by_key_;
  bool document_features_ready_ = false;
  std::vector<nerkit::Entity> spare_entities_;
  std::vector<nerkit::Cluster> spare_clusters_;
};

}  // namespace nerkit::internal
