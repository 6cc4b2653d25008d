// nerkit/utf8.h: checking and repairing UTF-8 without moving a byte.
//
// WHAT THIS IS
//   nerkit reads UTF-8 and never shifts offsets on bad input. These functions give callers the
//   same view of a buffer: which bytes are not part of well-formed UTF-8 (stray continuation
//   bytes, overlong forms, surrogates, code points above U+10FFFF, truncated sequences), and a
//   repair that replaces each such byte by one ASCII byte, so that every offset stays valid. The
//   extractor tool uses it to read JSON Lines whose strings hold a few bad bytes.
//
//     std::string line = ...;
//     std::size_t bad = nerkit::ReplaceInvalidUtf8(line, '?');  // same length, valid UTF-8
//
// THREAD SAFETY
//   Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nerkit {

// Number of bytes of `text` that are not part of a well-formed UTF-8 sequence.
std::size_t CountInvalidUtf8(std::string_view text);

// Replaces every byte of `text` that is not part of a well-formed UTF-8 sequence by
// `replacement` (an ASCII byte) and returns how many were replaced. The length is unchanged.
std::size_t ReplaceInvalidUtf8(std::string& text, char replacement);

}  // namespace nerkit
