// The date rules' class string: one symbol per token (a token with digits gives one symbol per
// piece), over which the date rules of dictionaries/rules/dates.rules run as RE2 patterns.
//
// WHAT THIS IS
//   Build() turns a tokenized document into a string of symbols, "\n" between sentences:
//     a word of a `class` line          that class's symbol, 0x80 + its index ({MONTH}, {UNIT})
//     any other word                    w, or W when capitalised
//     a token with digits               one symbol per piece: each run of digits by its length and
//                                       value (below), each run of letters (t for st/nd/rd/th,
//                                       s, a for am/pm/a.m/p.m, q for Q, k for W, T for T, else l),
//                                       p for an inner period, c for an inner comma, x otherwise
//     digit runs                        0 "0"; o "00"; 1 one digit 1-4; 5 one digit 5-9;
//                                       2 01-09; 3 10-12; 4 13-23; 6 24-31; 7 32-59; 8 60-99;
//                                       9 three digits; D four digits 1000-2090 that end in 0 (a
//                                       year that can start a decade), Y the other years
//                                       1001-2099; H other four digits that read as a clock time
//                                       (0900, 2130); N others
//     a possessive 's                   S
//     punctuation                       , . ; ' (single quotes) " ( ) $ (currency, #) % & !
//                                       (! and ?), - a hyphen with no space on either side (else
//                                       _, also for dashes), / and : with no space on either side
//                                       (else ? and ;), ? anything else
//   The characters a date needs are read once, here, from the tokens ("1996-12-06" is Y-3-2,
//   "3:14" 1:4, "10.35am" 3p7a, "26th" 6t, "1990s" Ds), so that no pattern runs over the text.
//   Every symbol keeps the byte span of its piece, so that a match's groups map back to text.
//
// THREAD SAFETY
//   Immutable after Bind(); Build() is const and may run on many threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "gazetteer/gazetteer.h"

namespace nerkit::internal::dates {

struct DateString {
  std::string symbols;
  std::vector<std::uint32_t> begin;  // per symbol: byte span of its piece in the text (for "\n",
  std::vector<std::uint32_t> end;    // the empty span where the next sentence begins)
};

class DateSymbols {
 public:
  // `class_words` are the words of `class` lines as written, with their symbols; a word written
  // with a capital gets the symbol only on capitalised tokens. The symbols are kept in the
  // gazetteer's vocabulary (WordInfo::date_any, date_cap), which must hold every word's key.
  static void Bind(const std::vector<std::pair<std::string, unsigned char>>& class_words,
                   Gazetteer& gazetteer);
  // Replaces `out` with the class string of `doc` (tokenized).
  void Build(const Document& doc, DateString& out) const;
};

}  // namespace nerkit::internal::dates
