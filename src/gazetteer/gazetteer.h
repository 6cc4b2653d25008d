// The gazetteer stage: dictionary entries compiled into a token trie, matched against a document.
//
// Every surface form is split into tokens by the same tokenizer that splits documents, and its
// tokens' keys (case-folded, accent-stripped) are interned into a vocabulary. A trie over
// vocabulary ids holds, at the node where a surface ends, the entries that end there. Matching a
// document looks each token's key up once, then walks the trie from each token that starts a
// name: no regular expression per name, and no work for tokens that start none.
//
// Hyphens and periods attached to a word are not trie steps, so "al-Qaida" matches "al Qaida",
// "St. Louis" matches "St Louis", and "U.S." matches "U.S" (a period that ends a surface is taken
// into the match when the text has it); nor is "the" inside a name ("Organization of the
// Petroleum Exporting Countries" matches without it). Entries flagged `cs` match only when the
// text's tokens are written exactly as the surface's; other names need their first word capitalised
// unless the surface itself starts in lower case.
//
// Immutable after Build(); Match() is const and thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/big_array.h"
#include "core/document.h"
#include "core/image_io.h"
#include "core/mapped_file.h"
#include "core/source_file.h"
#include "gazetteer/entry.h"
#include "text/tokenizer.h"

namespace nerkit::internal {

// Extra bits of Document::lexical beside TypeBit(EntryType).
enum LexicalBit : std::uint32_t {
  kLexGivenCommon = 1u << 16,      // the token is a given name that is also a common word
  kLexSurnameCommon = 1u << 17,    // a surname that is also a common word
  kLexEntityCommon = 1u << 18,     // every PERSON/LOCATION/ORGANIZATION entry is `common`
  kLexGivenFrequent = 1u << 19,    // a given name at least kFrequentGivenName people had (Mark,
                                   // Peter: a given name before it is a word)
  kLexSurnameFrequent = 1u << 20,  // a surname of at least kFrequentSurname in 100,000 people
                                   // (Hill, Butcher, House; not Ranch or Press)
  kLexGivenRare = 1u << 21,        // a given name fewer than kRareGivenName people had (Nairobi,
                                   // Berlin: as a place's name they are the place)
  kLexSurnameTop = 1u << 22,       // a surname of at least kTopSurname in 100,000 people (Hill,
                                   // Hall, Wood; not Park or Street, which name places more often)
  kLexHeadOpensOnly = 1u << 23,    // a head word that only opens names (cues.tsv: prefix without
                                   // suffix): "Lago de Atitlán", not "Juan Carlos Lago"
  kLexHeadCompany = 1u << 24,      // a head word of companies' names (cues.tsv: an ORG_HEAD with
                                   // the company flag: Inc, Records, Partners): such a name and
                                   // "of" its town are two ("Lantern Hall Records of Montreal")
};
inline constexpr std::uint32_t kFrequentGivenName = 50000;
inline constexpr std::uint32_t kRareGivenName = 5000;
// A place of at least this many people (its GeoNames population) is a major place: "Nairobi".
inline constexpr std::uint32_t kMajorPlace = 1000000;
inline constexpr std::uint32_t kFrequentSurname = 3;
inline constexpr std::uint32_t kTopSurname = 30;

struct GazetteerStats {
  std::size_t entries = 0;
  std::size_t duplicates = 0;
  std::size_t blocked = 0;
  std::size_t vocabulary = 0;
  std::size_t nodes = 0;
};

// A dictionary file parsed into entries and the token keys of their surfaces. Parsing touches
// no shared table, so files parse on several threads while the gazetteer adds them in order.
struct ParsedFile {
  std::string_view text;  // the file's content, which the entries point into
  std::uint16_t file = 0;
  std::vector<PackedEntry> entries;
  std::vector<std::string> cs_forms;     // per entry; empty unless case-sensitive
  std::vector<std::uint32_t> first_key;  // per entry, into key_end; one more at the end
  std::vector<std::uint32_t> key_end;    // per key: its end offset in `keys`
  std::string keys;                      // the keys, one after another
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Parses every line of a dictionary file and adds its entries. `file_index` is stored in the
  // entries (for Entity::source); `file.content` must outlive the gazetteer. Throws LoadError
  // "name:line:column: message" on the first malformed line.
  void AddFile(const SourceFile& file, std::uint16_t file_index, text::Tokenizer& tokenizer);
  // AddFile in two steps: Parse (thread-safe, static) and Add (in file order).
  static ParsedFile ParseFile(const SourceFile& file, std::uint16_t file_index,
                              text::Tokenizer& tokenizer);
  void AddParsed(ParsedFile&& parsed);

  // Sizes the tables for about `lines` entries before the first AddFile (saves rehashing).
  void Reserve(std::size_t lines);

  // Adds a token key to the vocabulary without an entry (words that rules name), so that tokens
  // with that key get a vocabulary id. Call before Build().
  void AddVocabulary(std::string_view key);

  // Builds the trie. Call once after the last AddFile.
  void Build();

  // The built gazetteer as a binary image (gazetteer/image.cc), so that a later load of the same
  // files skips reading, parsing and building them. WriteImage needs Build() done; the image
  // holds the text of the dictionary files the entries point into (`file_count` files: the
  // model's list, rule files included, whose texts are empty). ReadImage fills an empty
  // gazetteer from an image in memory (`image`, which it keeps): its tables and texts are used
  // where they lie. It checks every index and offset against the image's own tables, and returns
  // false (leaving the gazetteer empty) on any inconsistency; a damaged image never crashes it.
  void WriteImage(ImageWriter& out, std::size_t file_count) const;
  bool ReadImage(ImageReader& in, std::size_t file_count, std::shared_ptr<MappedFile> image);

  // Sets tokens' vocabulary ids, fills doc.lexical and doc.matches/doc.match_entries.
  void Match(Document& doc) const;

  // Appends a candidate for each PERSON, LOCATION or ORGANIZATION that a match names (the best
  // ranked entry of each type; among places of the same name, the one the document supports: a
  // region or country after a comma, the dateline's country, a country or region named in the
  // same sentence or the document, the countries and regions of the other places found; then
  // main names before alternates, then population). With `list_alternatives` (for
  // ExtractOptions::explain), the places that lose are listed in doc.alternatives with the
  // reason; without, that weighing of each loser is not done. Priorities: a match of several words
  // kPriorityLong (it is rarely an accident), of one word kPriorityMain, or kPriorityAlternate for
  // an alternate name; entries flagged `common` give weak candidates (kPriorityCommon) that the
  // resolver keeps only with support. A place written with the region or country it lies in
  // after a comma ("Portland, Oregon"), and that region or country, get kPriorityPair: the pair
  // is a place's address, whatever else the document is about (a team in a sports story).
  void AddCandidates(Document& doc, bool list_alternatives) const;
  // A town of fewer than kMinorPlacePopulation people gets kPriorityMinorPlace, so that an
  // organisation or person of the same name ("Xinhua") wins.
  static constexpr int kPriorityPair = 71;
  static constexpr int kPriorityLong = 70;
  static constexpr int kPriorityMain = 50;
  static constexpr int kPriorityMinorPlace = 47;
  static constexpr int kPriorityAlternate = 45;
  static constexpr int kPriorityCommon = 10;
  static constexpr std::uint32_t kMinorPlacePopulation = 100000;
  // At most this many other places of the same name are listed in Document::alternatives.
  static constexpr std::size_t kMaxAlternatives = 8;
  // A country or region named at most this many tokens from a place is "near" it.
  static constexpr std::uint32_t kNearTokens = 5;
  // A dateline is looked for in the first sentences (0-based index up to this one).
  static constexpr std::uint32_t kDatelineSentences = 3;

  Entry entry(std::uint32_t index) const {
    const PackedEntry& e = entries_[index];
    return e.Unpack(texts_[e.file]);
  }
  // The id of an entry alone (what entry(index).id gives, without unpacking the rest).
  std::string_view entry_id(std::uint32_t index) const { return Id(entries_[index]); }
  std::size_t entry_count() const { return entries_.size(); }
  const GazetteerStats& stats() const { return stats_; }

  // What the rule and date stages know of a word, kept with it in the vocabulary so that the
  // lookup of each token gives it (WordInfo::symbol, date_any, date_cap). While the model
  // loads, after Build() or ReadImage(); false when the key is not in the vocabulary.
  bool SetRuleSymbol(std::string_view key, char symbol);
  bool SetDateClass(std::string_view key, bool capitalised, std::uint8_t symbol);
  // Marks a word that a text rule needs (a `needs` line): WordInfo::flags of its tokens then
  // hold kWordNeeded. Its vocabulary id, or -1 when the key is not in the vocabulary.
  static constexpr std::uint8_t kWordNeeded = 64;
  std::int32_t SetNeeded(std::string_view key);

 private:
  struct Tables;
  std::string_view Id(const PackedEntry& e) const { return e.Id(texts_[e.file]); }
  std::string_view Canonical(const PackedEntry& e) const { return e.Canonical(texts_[e.file]); }
  std::string_view Region(const PackedEntry& e) const { return e.Region(texts_[e.file]); }

  TableArray<PackedEntry> entries_;
  std::vector<std::string_view> texts_;  // per file index: the text its entries point into
  std::shared_ptr<MappedFile> image_;    // the image the tables and texts lie in, if read from one
  GazetteerStats stats_;
  std::unique_ptr<Tables> tables_;
  std::uint64_t instance_ = 0;  // set when the tables are complete; names them in WordCache
};

// Whether token `k` of `doc` is a hyphen or period attached to the word before it (and, for a
// hyphen, to the word after it): such tokens are not steps of a name.
bool IsNameJoiner(const std::vector<text::Token>& tokens, std::string_view text, std::size_t k);

}  // namespace nerkit::internal
