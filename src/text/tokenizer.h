// The text layer: ICU word and sentence segmentation over the caller's UTF-8 bytes.
//
// Tokenizer splits a document into tokens (words, numbers, punctuation; white space is not a
// token but is recorded in the flags of the token after it) and sentences. Every stretch of text
// that holds a non-ASCII character is read by ICU's word break iterator through utext_openUTF8,
// so every boundary ICU reports is a byte offset into the document, exact for NBSP, CRLF, a BOM,
// combining accents, emoji and right-to-left text; the ASCII stretches between them (most of an
// English article), cut where ICU's rules put a boundary whatever surrounds it, are segmented by
// the rules of UAX #29 that apply to ASCII, which is what ICU does there, at a fraction of the
// cost (TokenizeWithIcu reads everything through ICU: a test and a fuzz target check that both
// give the same tokens). Two adjustments to ICU's words: a possessive 's / ’s is split off the word
// before it (Libya’s -> Libya + ’s), and hyphens stay separate tokens marked as attached (al-Ghasri
// -> al, -, Ghasri), so that later stages can match names with or without them. Sentences are found
// on the tokens, by the Unicode sentence-break rules in outline (terminal punctuation by its ICU
// character property, closing quotes, line breaks) with what they lack for news: no sentence
// ends after a title or abbreviation (Mr., Brig. Gen., Jan. 5, No. 1), after initials or
// U.S./U.N. unless the next word starts a sentence, or at a line break inside running text. (A
// second ICU pass with its sentence iterator cost a third of the whole pipeline and split after
// most of those abbreviations.)
//
// A Tokenizer owns ICU break iterators: use one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.h"
#include "text/token.h"

namespace nerkit::text {

// Tokens and sentences of one document, reused from one document to the next.
struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Fold and key forms of the tokens, then kArenaPadding zero bytes, so that sixteen bytes can
  // be read from the start of any key.
  std::string arena;
  static constexpr std::size_t kArenaPadding = 16;

  void Clear() {
    tokens.clear();
    sentences.clear();
    arena.clear();
  }
  std::string_view Fold(const Token& t) const {
    return std::string_view(arena).substr(t.fold, t.fold_len);
  }
  std::string_view Key(const Token& t) const {
    return std::string_view(arena).substr(t.key, t.key_len);
  }
};

// Whether a word (case-folded) is an abbreviation written with a period: Mr, Gen, Inc, Corp,
// Co, Ltd, Jr, etc. A name that ends in one ends with its period ("Apple Inc.").
bool IsAbbreviation(std::string_view fold);
// Whether it is one that often ends a sentence too (Inc, Corp, Ltd, Jr): a period after it that
// ends the sentence is the sentence's ("acquired by Lear Corp.").
bool IsSentenceEndingAbbreviation(std::string_view fold);

// Whether the period tokens[period] ends its sentence before a word, a line break or the end of
// the text: a name's abbreviation then leaves it to the sentence ("acquired Lear Corp.\nThe"). Not
// before a bracket or a quotation mark, which may be the name's own ("Acme Inc. (AI) makes").
bool PeriodEndsSentence(const std::vector<Token>& tokens, std::size_t period);

// Whether a word is written in camel case as company and product names are ("YouTube",
// "AeroSystems", "DaimlerChrysler"): a capital, two lower-case letters or more, and a capital
// before a lower-case letter inside, or two or three capitals at the end ("GreenID", "PetroSA"). Personal names that look so open with Mac, Fitz, Van and
// the like ("MacArthur", "VanLandingham"), which are left out, as are months run together
// ("JulAug"); "LeBron" and "DeShawn" have one lower-case letter before their second capital.
bool IsCamelCase(std::string_view word);

class Tokenizer {
 public:
  // Throws nerkit::Error if ICU cannot create its break iterators.
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Tokenizes `text`, which must be valid UTF-8 (the pipeline sanitizes first) and shorter than
  // 4 GiB. Replaces the contents of `out`. With sentences == false, every token is in sentence 0
  // and out.sentences holds one sentence (for short strings such as dictionary surfaces).
  void Tokenize(std::string_view text, TokenizedText& out, bool sentences = true);

  // Tokenize with every byte read by ICU's word break iterator. Tokenize gives the same tokens
  // (a test and a fuzz target compare the two); this is the reference it is checked against.
  void TokenizeWithIcu(std::string_view text, TokenizedText& out, bool sentences = true);

  // Tokenizes a short name (a dictionary surface) exactly as Tokenize would, without sentences.
  void TokenizeName(std::string_view text, TokenizedText& out);

  Folder& folder();

 private:
  struct SegmentState {
    std::uint16_t pending = 0;  // flags for the next token from the white space before it
    int newlines = 0;
  };
  // A non-ASCII stretch of text is segmented by ICU only if it is no closer than this to the
  // next one; nearer stretches are read by one ICU call together.
  static constexpr std::size_t kIcuMergeGap = 256;

  // The segments of text[begin, end), whose ends are certain boundaries (or the text's ends):
  // by ICU's word break iterator, or for ASCII text by the rules of UAX #29 that apply to ASCII,
  // which are ICU's rules there.
  void AddIcuSegments(std::string_view text, std::size_t begin, std::size_t end,
                      SegmentState& state, TokenizedText& out);
  void AddAsciiSegments(std::string_view text, std::size_t begin, std::size_t end,
                        SegmentState& state, TokenizedText& out);
  // Adds the token(s) of the segment text[b, e), or records it as white space.
  void AddSegment(std::string_view text, std::uint32_t b, std::uint32_t e, SegmentState& state,
                  TokenizedText& out);
  // Marks joiners and "the", then finds the sentences.
  void Finish(std::string_view text, TokenizedText& out, bool sentences);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nerkit::text
