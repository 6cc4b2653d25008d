// The text layer: UTF-8 handling, tokens with exact byte offsets, folds, sentences.
#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "text/fold.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

using nerkit::text::Shape;
using nerkit::text::Token;
using nerkit::text::TokenizedText;
using nerkit::text::Tokenizer;

namespace {

// The tokens of `text` as strings (each one text.substr(begin, end - begin)).
std::vector<std::string> Words(const std::string& text) {
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize(text, out);
  std::vector<std::string> words;
  for (const Token& t : out.tokens) {
    BOOST_TEST_REQUIRE(t.begin < t.end);
    BOOST_TEST_REQUIRE(t.end <= text.size());
    words.push_back(text.substr(t.begin, t.end - t.begin));
  }
  return words;
}

// The sentences of `text` as strings.
std::vector<std::string> Sentences(const std::string& text) {
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize(text, out);
  std::vector<std::string> sentences;
  for (const auto& s : out.sentences) sentences.push_back(text.substr(s.begin, s.end - s.begin));
  return sentences;
}

using Strings = std::vector<std::string>;

}  // namespace

namespace nerkit::text {
std::ostream& operator<<(std::ostream& out, Shape shape) { return out << ShapeName(shape); }
}  // namespace nerkit::text

BOOST_AUTO_TEST_CASE(utf8_sequences) {
  using nerkit::text::SequenceLength;
  BOOST_TEST(SequenceLength("a", 0) == 1);
  BOOST_TEST(SequenceLength("\xC3\xA9", 0) == 2);          // é
  BOOST_TEST(SequenceLength("\xE2\x80\x94", 0) == 3);      // em dash
  BOOST_TEST(SequenceLength("\xF0\x9F\x98\x80", 0) == 4);  // emoji
  BOOST_TEST(SequenceLength("\x80", 0) == 0);              // stray continuation byte
  BOOST_TEST(SequenceLength("\xC0\xAF", 0) == 0);          // overlong
  BOOST_TEST(SequenceLength("\xED\xA0\x80", 0) == 0);      // surrogate
  BOOST_TEST(SequenceLength("\xF4\x90\x80\x80", 0) == 0);  // above U+10FFFF
  BOOST_TEST(SequenceLength("\xE2\x80", 0) == 0);          // truncated
  BOOST_TEST(nerkit::text::CountInvalidBytes("ok \xFF\xFE ok \xE2\x80") == 4u);
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_separators_and_keep_offsets) {
  const std::string text =
      "Sirte\xFF"
      "Misrata \xC3 Benghazi";
  std::string clean;
  BOOST_TEST(nerkit::text::SanitizeInto(text, clean) == 2u);
  BOOST_TEST(clean.size() == text.size());
  BOOST_TEST(Words(clean) == (Strings{"Sirte", "\x1a", "Misrata", "\x1a", "Benghazi"}));
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize(clean, out);
  BOOST_TEST(out.tokens[2].begin == 6u);   // "Misrata" at the same byte as in the input
  BOOST_TEST(out.tokens[4].begin == 16u);  // "Benghazi"
}

BOOST_AUTO_TEST_CASE(names_with_hyphens_apostrophes_and_possessives) {
  BOOST_TEST(Words("Brig. Gen. Mohammed al-Ghasri") ==
             (Strings{"Brig", ".", "Gen", ".", "Mohammed", "al", "-", "Ghasri"}));
  BOOST_TEST(Words("O'Brien and O’Neill") == (Strings{"O'Brien", "and", "O’Neill"}));
  BOOST_TEST(Words("Libya’s forces, Libya's ports") ==
             (Strings{"Libya", "’s", "forces", ",", "Libya", "'s", "ports"}));
  BOOST_TEST(Words("the U.S. and U.N.-brokered deal") ==
             (Strings{"the", "U.S", ".", "and", "U.N", ".", "-", "brokered", "deal"}));
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize("Libya’s", out);
  BOOST_TEST(out.tokens[1].Has(nerkit::text::kPossessive));
  BOOST_TEST(!out.tokens[1].Has(nerkit::text::kSpaceBefore));
}

BOOST_AUTO_TEST_CASE(unicode_offsets_are_bytes) {
  // NBSP, em dash, curly quotes, CRLF, BOM, combining accent, emoji, right-to-left text.
  const std::string text =
      "\xEF\xBB\xBF"
      "Mr.\xC2\xA0Smith \xE2\x80\x94 \xE2\x80\x9CHe\xE2\x80\x9D\r\n"
      "Cafe\xCC\x81 \xF0\x9F\x98\x80 \xD8\xB3\xD8\xB1\xD8\xAA";
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize(text, out);
  Strings words;
  for (const Token& t : out.tokens) words.push_back(text.substr(t.begin, t.end - t.begin));
  BOOST_TEST(words ==
             (Strings{"Mr", ".", "Smith", "\xE2\x80\x94", "\xE2\x80\x9C", "He", "\xE2\x80\x9D",
                      "Cafe\xCC\x81", "\xF0\x9F\x98\x80", "\xD8\xB3\xD8\xB1\xD8\xAA"}));
  BOOST_TEST(out.tokens[0].begin == 3u);                        // after the BOM
  BOOST_TEST(out.tokens[2].Has(nerkit::text::kSpaceBefore));    // NBSP is a space
  BOOST_TEST(out.tokens[7].Has(nerkit::text::kNewlineBefore));  // CRLF
  BOOST_TEST(out.tokens[7].end - out.tokens[7].begin == 6u);    // e + combining acute
  BOOST_TEST(out.Key(out.tokens[7]) == "cafe");
  BOOST_TEST(out.tokens[8].shape == Shape::kSymbol);
  BOOST_TEST(out.tokens[9].shape == Shape::kUncased);
}

BOOST_AUTO_TEST_CASE(shapes) {
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize("Sirte BENGHAZI J iPhone 2024 3,000 F16 , McDonald", out);
  const std::vector<Shape> shapes = {Shape::kCapitalized, Shape::kAllCaps, Shape::kInitial,
                                     Shape::kLower,       Shape::kNumber,  Shape::kNumber,
                                     Shape::kAlnum,       Shape::kPunct,   Shape::kCapitalized};
  BOOST_TEST_REQUIRE(out.tokens.size() == shapes.size());
  for (std::size_t i = 0; i < shapes.size(); ++i) BOOST_TEST(out.tokens[i].shape == shapes[i]);
  BOOST_TEST(nerkit::text::ShapeName(Shape::kCapitalized) == "Xxxx");
}

BOOST_AUTO_TEST_CASE(irish_mutated_surnames_are_capitalised_after_their_particle) {
  Tokenizer tokenizer;
  auto shape_of = [&](std::string_view text, std::string_view word) {
    TokenizedText out;
    tokenizer.Tokenize(text, out);
    for (const Token& t : out.tokens) {
      if (text.substr(t.begin, t.end - t.begin) == word) return std::string(ShapeName(t.shape));
    }
    return std::string("(none)");
  };
  BOOST_TEST(shape_of("Se\xC3\xA1n \xC3\x93 hAilp\xC3\xADn scored.", "hAilp\xC3\xADn") == "Xxxx");
  BOOST_TEST(shape_of("N\xC3\xAD h\xC3\x89" "alaithe spoke.", "h\xC3\x89" "alaithe") == "Xxxx");
  BOOST_TEST(shape_of("Mac an tSaoi said so.", "tSaoi") == "Xxxx");
  BOOST_TEST(shape_of("\xC3\x93 nGallch\xC3\xB3ir won.", "nGallch\xC3\xB3ir") == "Xxxx");
  // Not after another word, nor a word that is no mutation: "an iPhone", "the hATPase".
  BOOST_TEST(shape_of("He bought an iPhone.", "iPhone") == "x");
  BOOST_TEST(shape_of("Seán studied hAilpín forms.", "hAilp\xC3\xADn") == "x");
  BOOST_TEST(shape_of("\xC3\x93 iPhone", "iPhone") == "x");
}

BOOST_AUTO_TEST_CASE(camel_case_words) {
  using nerkit::text::IsCamelCase;
  for (const char* word : {"YouTube", "AeroSystems", "DaimlerChrysler", "PayPal", "BankWatch",
                           "GreenID", "PetroSA"}) {
    BOOST_TEST(IsCamelCase(word), word);
  }
  for (const char* word : {"MacArthur", "VanLandingham", "LeBron", "DeShawn", "McDonald", "JulAug",
                           "Youtube", "YOUTUBE", "iPhone", "AbC", "Tube", "MacDONALD", "GreenIDEA",
                           "LeID"}) {
    BOOST_TEST(!IsCamelCase(word), word);
  }
}

BOOST_AUTO_TEST_CASE(folds_strip_case_and_accents) {
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.Tokenize("MIŞRĀTAH Mişrātah Misratah Łódź Straße Ṣanʿāʾ O’Brien", out);
  BOOST_TEST(out.Key(out.tokens[0]) == "misratah");
  BOOST_TEST(out.Key(out.tokens[1]) == "misratah");
  BOOST_TEST(out.Fold(out.tokens[1]) == "mişrātah");  // the fold keeps accents
  BOOST_TEST(out.Key(out.tokens[2]) == "misratah");
  BOOST_TEST(out.Key(out.tokens[3]) == "lodz");
  BOOST_TEST(out.Key(out.tokens[4]) == "strasse");
  BOOST_TEST(out.Key(out.tokens[5]) == "sana");
  BOOST_TEST(out.Key(out.tokens[6]) == "o'brien");
}

BOOST_AUTO_TEST_CASE(sentences_do_not_split_after_abbreviations) {
  BOOST_TEST(Sentences("Mr. Smith went to Washington. He said so.") ==
             (Strings{"Mr. Smith went to Washington.", "He said so."}));
  BOOST_TEST(Sentences("Brig. Gen. Mohammed al-Ghasri spoke. Col. Ali agreed.") ==
             (Strings{"Brig. Gen. Mohammed al-Ghasri spoke.", "Col. Ali agreed."}));
  BOOST_TEST(Sentences("It fell on Jan. 5 and No. 1 won.") ==
             (Strings{"It fell on Jan. 5 and No. 1 won."}));
  BOOST_TEST(Sentences("The U.S. Army and the U.N. Security Council met.") ==
             (Strings{"The U.S. Army and the U.N. Security Council met."}));
  BOOST_TEST(Sentences("Troops left the U.S. The war ended.") ==
             (Strings{"Troops left the U.S.", "The war ended."}));
  BOOST_TEST(Sentences("J. R. R. Tolkien wrote it.") == (Strings{"J. R. R. Tolkien wrote it."}));
  BOOST_TEST(Sentences("They fined Acme Corp. $4.2 million. It paid.") ==
             (Strings{"They fined Acme Corp. $4.2 million.", "It paid."}));
  // Legal forms of other countries go on to the rest of the name; an acronym that is a word of
  // theirs without its accent does not ("Cía." of Compañía, "CIA.").
  BOOST_TEST(Sentences("They bought Arkitek Rahmat Sdn. Bhd. in 2019.") ==
             (Strings{"They bought Arkitek Rahmat Sdn. Bhd. in 2019."}));
  BOOST_TEST(Sentences("It went to Brasko Cía. Ltda. last year.") ==
             (Strings{"It went to Brasko Cía. Ltda. last year."}));
  BOOST_TEST(Sentences("The report was written by the CIA. Russia denied it.") ==
             (Strings{"The report was written by the CIA.", "Russia denied it."}));
  // The abbreviated given names "Ma." and "Md." go on to the name; "Md." after a comma is
  // Maryland, and ends a sentence before a word that starts one.
  BOOST_TEST(Sentences("It was proposed by Councilor Ma. Luisa Tan-Sy on Monday.") ==
             (Strings{"It was proposed by Councilor Ma. Luisa Tan-Sy on Monday."}));
  BOOST_TEST(Sentences("Engineer Md. Abdul Karim spoke. He left.") ==
             (Strings{"Engineer Md. Abdul Karim spoke.", "He left."}));
  BOOST_TEST(Sentences("She lives in Towson, Md. The town is small.") ==
             (Strings{"She lives in Towson, Md.", "The town is small."}));
  // An initial before a nickname in quotes goes on to the name.
  BOOST_TEST(Sentences("The painter J. D. \"Jay\" Kennedy won.") ==
             (Strings{"The painter J. D. \"Jay\" Kennedy won."}));
}

BOOST_AUTO_TEST_CASE(sentences_at_lines) {
  // A headline without a period is a sentence of its own; a wrapped line is not.
  BOOST_TEST(Sentences("Libyan Forces Take Sirte\n\nThe fighting started\nin May.") ==
             (Strings{"Libyan Forces Take Sirte", "The fighting started\nin May."}));
}

BOOST_AUTO_TEST_CASE(empty_and_whitespace_only) {
  BOOST_TEST(Words("").empty());
  BOOST_TEST(Words(" \n\t\r\n ").empty());
  BOOST_TEST(Sentences("").size() == 1u);
}

namespace {

// Token spans and flags, for comparing two tokenizations.
std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint16_t>> Spans(const TokenizedText& t) {
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint16_t>> out;
  for (const Token& tok : t.tokens) out.emplace_back(tok.begin, tok.end, tok.flags);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(name_tokenizer_agrees_with_icu) {
  Tokenizer tokenizer;
  TokenizedText icu, fast;
  const std::vector<std::string> names = {"U.S.",
                                          "St. Louis",
                                          "O'Brien",
                                          "al-Qaida",
                                          "AT&T",
                                          "3,000",
                                          "1.5",
                                          "F-16",
                                          "B-52s",
                                          "a_b",
                                          "Mr.  Smith",
                                          "x.y.z",
                                          "ab..cd",
                                          "1,2,3",
                                          "1.a",
                                          "a.1",
                                          "'s-Hertogenbosch",
                                          "Guinea-Bissau",
                                          "N'Djamena",
                                          "Procter & Gamble",
                                          "Yahoo!",
                                          "C++",
                                          "co-op",
                                          "e.g.",
                                          "1;2",
                                          "A. B. C.",
                                          " lead",
                                          "trail ",
                                          "tab\there",
                                          "line\r\nbreak",
                                          "x'",
                                          "'x",
                                          "a'b'c"};
  for (const std::string& name : names) {
    tokenizer.Tokenize(name, icu, /*sentences=*/false);
    tokenizer.TokenizeName(name, fast);
    BOOST_TEST(Spans(icu) == Spans(fast), "for \"" << name << "\"");
  }
}

BOOST_AUTO_TEST_CASE(name_tokenizer_agrees_with_icu_on_the_dictionaries) {
  // Every surface of every default dictionary file.
  Tokenizer tokenizer;
  TokenizedText icu, fast;
  std::size_t surfaces = 0, disagreements = 0;
  for (const auto& entry : std::filesystem::directory_iterator(NERKIT_TEST_DICTIONARY_DIR)) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const std::string surface = line.substr(0, line.find('\t'));
      tokenizer.Tokenize(surface, icu, /*sentences=*/false);
      tokenizer.TokenizeName(surface, fast);
      ++surfaces;
      if (Spans(icu) != Spans(fast)) {
        if (++disagreements < 10) BOOST_TEST_MESSAGE("disagreement on \"" << surface << "\"");
      }
    }
  }
  BOOST_TEST(surfaces > 300000u);
  BOOST_TEST(disagreements == 0u);
}

namespace {

// Everything the stages read of a tokenization: spans, flags, shapes, marks, sentences, folds.
std::string Describe(const TokenizedText& t) {
  std::string out;
  for (const Token& tok : t.tokens) {
    out += std::to_string(tok.begin) + "-" + std::to_string(tok.end) + ":" +
           std::to_string(tok.flags) + ":" + std::string(nerkit::text::ShapeName(tok.shape)) + ":" +
           std::to_string(static_cast<int>(tok.mark)) + ":" + std::to_string(tok.sentence) + ":" +
           std::string(t.Fold(tok)) + "|" + std::string(t.Key(tok)) + " ";
  }
  for (const auto& s : t.sentences) {
    out += "[" + std::to_string(s.token_begin) + "," + std::to_string(s.token_end) + ")";
  }
  return out;
}

}  // namespace

// The tokenizer reads ASCII stretches without ICU: every string of up to four characters from a
// set that holds every kind of character ICU's word rules tell apart (letters of each case,
// digits, the characters that join letters or digits, "@" and "_", white space of each kind,
// other punctuation, and non-ASCII letters, marks, quotes, spaces and symbols next to them)
// gives the same tokens, sentences and folds as ICU alone.
BOOST_AUTO_TEST_CASE(document_tokenizer_agrees_with_icu) {
  const std::vector<std::string> pieces = {
      "a",
      "Z",
      "7",
      ".",
      "'",
      ",",
      ";",
      ":",
      "@",
      "_",
      "-",
      " ",
      "\n",
      "\r",
      "\t",
      "\f",
      "\"",
      "(",
      "!",
      "$",
      "\xC3\xA9",          // é
      "\xE2\x80\x99",      // ’ (joins letters, as ' does)
      "\xCC\x81",          // combining acute accent
      "\xC2\xA0",          // no-break space
      "\xE2\x80\xAF",      // narrow no-break space (joins like _)
      "\xE2\x80\x94",      // em dash
      "\xE2\x80\x9C",      // left double quotation mark
      "\xE2\x80\xA6",      // ellipsis
      "\xC2\xBB",          // right-pointing guillemet
      "\xE4\xB8\xAD",      // CJK
      "\xF0\x9F\x98\x80",  // emoji
  };
  Tokenizer tokenizer;
  TokenizedText fast, icu;
  std::size_t strings = 0, disagreements = 0;
  std::vector<std::size_t> index;
  for (std::size_t length = 1; length <= 4; ++length) {
    index.assign(length, 0);
    while (true) {
      std::string text;
      for (std::size_t k : index) text += pieces[k];
      tokenizer.Tokenize(text, fast);
      tokenizer.TokenizeWithIcu(text, icu);
      ++strings;
      if (Describe(fast) != Describe(icu) && ++disagreements <= 10) {
        BOOST_TEST_MESSAGE("disagreement on \"" << text << "\": " << Describe(fast) << " vs "
                                                << Describe(icu));
      }
      std::size_t k = 0;
      while (k < length && ++index[k] == pieces.size()) index[k++] = 0;
      if (k == length) break;
    }
  }
  BOOST_TEST(strings > 800000u);
  BOOST_TEST(disagreements == 0u);
}

// The same on whole articles, where ASCII stretches and ICU's stretches alternate.
BOOST_AUTO_TEST_CASE(document_tokenizer_agrees_with_icu_on_articles) {
  Tokenizer tokenizer;
  TokenizedText fast, icu;
  std::size_t articles = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(NERKIT_TEST_DATA_DIR) + "/golden")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    tokenizer.Tokenize(text, fast);
    tokenizer.TokenizeWithIcu(text, icu);
    BOOST_TEST(Describe(fast) == Describe(icu), "for " << entry.path());
    ++articles;
  }
  BOOST_TEST(articles >= 4u);
}
