#include "text/utf8.h"

#include <cstring>

#include "nerkit/utf8.h"

namespace nerkit::text {
namespace {

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// True if the 8 bytes at p are all ASCII.
inline bool AllAscii8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return (word & 0x8080808080808080ull) == 0;
}

}  // namespace

int SequenceLength(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char c = s[pos];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (c < 0xE0) {
    return pos + 1 < n && IsContinuation(s[pos + 1]) ? 2 : 0;
  }
  if (c < 0xF0) {
    if (pos + 2 >= n) return 0;
    const unsigned char c1 = s[pos + 1];
    if (!IsContinuation(c1) || !IsContinuation(s[pos + 2])) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (pos + 3 >= n) return 0;
    const unsigned char c1 = s[pos + 1];
    if (!IsContinuation(c1) || !IsContinuation(s[pos + 2]) || !IsContinuation(s[pos + 3])) {
      return 0;
    }
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

std::size_t CountInvalidBytes(std::string_view text) {
  std::size_t invalid = 0;
  std::size_t pos = 0;
  const std::size_t n = text.size();
  while (pos < n) {
    if (pos + 8 <= n && AllAscii8(text.data() + pos)) {
      pos += 8;
      continue;
    }
    const int len = SequenceLength(text, pos);
    if (len == 0) {
      ++invalid;
      ++pos;
    } else {
      pos += static_cast<std::size_t>(len);
    }
  }
  return invalid;
}

std::size_t SanitizeInto(std::string_view text, std::string& out) {
  out.assign(text.data(), text.size());
  std::size_t replaced = 0;
  std::size_t pos = 0;
  const std::size_t n = text.size();
  while (pos < n) {
    if (pos + 8 <= n && AllAscii8(text.data() + pos)) {
      pos += 8;
      continue;
    }
    const int len = SequenceLength(text, pos);
    if (len == 0) {
      out[pos] = kInvalidByteReplacement;
      ++replaced;
      ++pos;
    } else {
      pos += static_cast<std::size_t>(len);
    }
  }
  return replaced;
}

char32_t DecodeAt(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = s[pos];
  if (c < 0x80) {
    ++pos;
    return c;
  }
  if (c < 0xE0) {
    char32_t cp = ((c & 0x1Fu) << 6) | (s[pos + 1] & 0x3Fu);
    pos += 2;
    return cp;
  }
  if (c < 0xF0) {
    char32_t cp = ((c & 0x0Fu) << 12) | ((s[pos + 1] & 0x3Fu) << 6) | (s[pos + 2] & 0x3Fu);
    pos += 3;
    return cp;
  }
  char32_t cp = ((c & 0x07u) << 18) | ((s[pos + 1] & 0x3Fu) << 12) | ((s[pos + 2] & 0x3Fu) << 6) |
                (s[pos + 3] & 0x3Fu);
  pos += 4;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace nerkit::text

namespace nerkit {

std::size_t CountInvalidUtf8(std::string_view text) { return text::CountInvalidBytes(text); }

std::size_t ReplaceInvalidUtf8(std::string& text, char replacement) {
  std::size_t replaced = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const int len = text::SequenceLength(text, pos);
    if (len == 0) {
      text[pos++] = replacement;
      ++replaced;
    } else {
      pos += static_cast<std::size_t>(len);
    }
  }
  return replaced;
}

}  // namespace nerkit
