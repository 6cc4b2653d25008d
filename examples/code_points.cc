#include "code_points.h"

#include <algorithm>

#include "nerkit/utf8.h"

std::vector<bool> InvalidUtf8Bytes(std::string_view text) {
  if (nerkit::CountInvalidUtf8(text) == 0) return {};
  // The repair changes exactly the bad bytes (all of them >= 0x80) into an ASCII byte.
  std::string repaired(text);
  nerkit::ReplaceInvalidUtf8(repaired, '?');
  std::vector<bool> bad(text.size(), false);
  for (std::size_t i = 0; i < text.size(); ++i) bad[i] = repaired[i] != text[i];
  return bad;
}

CodePoints::CodePoints(std::string_view text) {
  const std::vector<bool> bad = InvalidUtf8Bytes(text);
  starts_.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    if (!continuation || (!bad.empty() && bad[i])) starts_.push_back(i);
  }
  starts_.push_back(text.size());
}

std::size_t CodePoints::FromByte(std::size_t byte) const {
  if (byte >= starts_.back()) return size();
  // The last character that starts at or before `byte`.
  auto it = std::upper_bound(starts_.begin(), starts_.end(), byte);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

std::size_t CodePoints::ToByte(std::size_t index) const {
  return index >= size() ? starts_.back() : starts_[index];
}

std::string ToValidUtf8(std::string_view text) {
  const std::vector<bool> bad = InvalidUtf8Bytes(text);
  if (bad.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (bad[i])
      out += "\xEF\xBF\xBD";
    else
      out.push_back(text[i]);
  }
  return out;
}
