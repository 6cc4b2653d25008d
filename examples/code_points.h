// Code point offsets for the formats annotators use (brat, Label Studio, Doccano and the gold
// files of --evaluate), and the valid UTF-8 copy of a text that those formats carry.
//
// WHAT THIS IS
//   nerkit's offsets are UTF-8 bytes; annotation tools count characters (Unicode code points,
//   as Python's str does). A CodePoints object maps between the two for one text. Bytes that are
//   not part of well-formed UTF-8 (see nerkit/utf8.h) count as one character each, and
//   ToValidUtf8 writes each of them as U+FFFD, so that the character offsets computed here are
//   the offsets into the repaired text the writers emit.
//
//     CodePoints cp(text);
//     std::size_t start = cp.FromByte(entity.start);  // characters before the entity
//     std::size_t byte = cp.ToByte(start);            // == entity.start
//
// THREAD SAFETY
//   Plain values and pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

class CodePoints {
 public:
  // Indexes `text` (any bytes); the text itself is not kept.
  explicit CodePoints(std::string_view text);

  // The number of characters before byte offset `byte` (a byte inside a character counts as
  // that character's start; past the end gives size()).
  std::size_t FromByte(std::size_t byte) const;
  // The byte offset of character `index` (size() or more gives the text's length).
  std::size_t ToByte(std::size_t index) const;
  // The number of characters.
  std::size_t size() const { return starts_.size() - 1; }

 private:
  std::vector<std::size_t> starts_;  // byte offset of each character, then the length
};

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string ToValidUtf8(std::string_view text);

// A byte per byte of `text`: true where the byte is not part of well-formed UTF-8. Empty when
// the whole text is valid.
std::vector<bool> InvalidUtf8Bytes(std::string_view text);
