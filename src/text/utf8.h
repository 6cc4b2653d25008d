// UTF-8 validation and decoding for the text layer.
//
// Invalid input never shifts offsets: a byte that does not belong to a well-formed UTF-8
// sequence is counted and, in the copy that the rest of the pipeline reads, replaced by a
// single-byte separator (kInvalidByteReplacement), so byte offsets into the copy are byte offsets
// into the caller's buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nerkit::text {

// The byte that stands for an invalid byte in the pipeline's copy of the text: ASCII SUB, a
// control character that ICU segments on its own and that no rule or dictionary entry contains.
inline constexpr char kInvalidByteReplacement = '\x1a';

// Length of the well-formed UTF-8 sequence starting at text[pos] (1-4), or 0 if the byte at pos
// does not start one (stray continuation byte, overlong form, surrogate, above U+10FFFF,
// truncated sequence). Requires pos < text.size().
int SequenceLength(std::string_view text, std::size_t pos);

// Number of bytes of `text` that are not part of a well-formed UTF-8 sequence.
std::size_t CountInvalidBytes(std::string_view text);

// Copies `text` into `out` with every invalid byte replaced by kInvalidByteReplacement; returns
// the number of bytes replaced. `out` has the same length as `text`.
std::size_t SanitizeInto(std::string_view text, std::string& out);

// Decodes the code point at text[pos] (which must start a well-formed sequence) and advances pos.
char32_t DecodeAt(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

}  // namespace nerkit::text
