// The grammatical tense around a time expression, which decides the direction of expressions
// that name a day or month without saying which one ("Friday", "in March", "the third quarter").
//
// A cheap heuristic over the sentence's tokens, no parser: the tense marker nearest to the
// expression wins. Future markers: will, would, shall, won't, 'll, going to, gonna, and words that
// announce what is to come (expected, scheduled, planned, plans, due, soon, effective, ...).
// Past markers: was, were, had, did, ago, yesterday, common irregular past forms (said, told, met,
// took, ...) and words in -ed that follow no form of "be"/"have" (a participle after "is" or
// "has" is no past tense). Present forms (is, are, says) and sentences without a marker give
// kNone.
//
// Pure function of the document; thread-safe.
#pragma once

#include <cstdint>

#include "core/document.h"

namespace nerkit::internal::dates {

enum class Tense : std::uint8_t { kNone, kPast, kFuture };

// The tense of the sentence holding tokens [token_begin, token_end), judged from the marker
// nearest to that span (the span's own tokens are not markers).
Tense TenseAround(const Document& doc, std::uint32_t token_begin, std::uint32_t token_end);

}  // namespace nerkit::internal::dates
