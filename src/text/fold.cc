#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <vector>

#include "nerkit/error.h"
#include "text/utf8.h"

namespace nerkit::text {

struct Folder::Buffers {
  const icu::Normalizer2* nfkd = nullptr;
  std::vector<UChar> utf16;
  std::vector<UChar> folded;
  icu::UnicodeString decomposed;
};

Folder::Folder() : buffers_(std::make_unique<Buffers>()) {
  UErrorCode status = U_ZERO_ERROR;
  buffers_->nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) {
    throw Error(std::string("nerkit: cannot load ICU normalization data: ") + u_errorName(status));
  }
}

Folder::~Folder() = default;

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Appends the key form of one code point of an NFKD-decomposed, case-folded string.
void AppendKeyCodePoint(UChar32 cp, std::string& out) {
  switch (cp) {
    // Apostrophe-like marks all become the ASCII apostrophe.
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x02BB:
    case 0x0060:
    case 0x00B4:
    case 0x2032:
      out.push_back('\'');
      return;
    // Transliteration marks for Arabic ayn and hamza (Ṣanʿāʾ): dropped.
    case 0x02BE:
    case 0x02BF:
      return;
    case 0x2010:
    case 0x2011:
      out.push_back('-');
      return;
    // Letters that carry their "accent" in the letter itself.
    case 0x0142:
      out.push_back('l');
      return;  // ł
    case 0x00F8:
      out.push_back('o');
      return;  // ø
    case 0x0111:
    case 0x00F0:
      out.push_back('d');
      return;  // đ ð
    case 0x0127:
      out.push_back('h');
      return;  // ħ
    case 0x0131:
      out.push_back('i');
      return;  // ı
    case 0x00E6:
      out.append("ae");
      return;  // æ
    case 0x0153:
      out.append("oe");
      return;  // œ
    case 0x00FE:
      out.append("th");
      return;  // þ
    default:
      break;
  }
  const int8_t type = u_charType(cp);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) return;
  AppendUtf8(static_cast<char32_t>(cp), out);
}

}  // namespace

Folder::Span Folder::Append(std::string_view word, std::string& arena) {
  Span span{};
  span.fold = static_cast<std::uint32_t>(arena.size());
  if (IsAscii(word)) {
    arena.resize(span.fold + word.size());
    char* out = arena.data() + span.fold;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    span.fold_len = static_cast<std::uint32_t>(word.size());
    span.key = span.fold;
    span.key_len = span.fold_len;
    return span;
  }
  word_.assign(word);
  const auto it = kept_.find(word_);
  if (it != kept_.end()) {
    const Kept& k = it->second;
    arena.append(k.fold);
    span.fold_len = static_cast<std::uint32_t>(k.fold.size());
    if (k.same) {
      span.key = span.fold;
      span.key_len = span.fold_len;
    } else {
      span.key = static_cast<std::uint32_t>(arena.size());
      arena.append(k.key);
      span.key_len = static_cast<std::uint32_t>(k.key.size());
    }
    return span;
  }
  const Span computed = FoldWithIcu(word, arena);
  if (kept_.size() >= kMaxKept) kept_.clear();
  Kept& k = kept_[word_];
  k.fold.assign(arena, computed.fold, computed.fold_len);
  k.same = computed.key == computed.fold;
  if (!k.same) k.key.assign(arena, computed.key, computed.key_len);
  return computed;
}

Folder::Span Folder::FoldWithIcu(std::string_view word, std::string& arena) {
  Span span{};
  span.fold = static_cast<std::uint32_t>(arena.size());
  Buffers& b = *buffers_;
  UErrorCode status = U_ZERO_ERROR;
  // UTF-8 -> UTF-16 (the input is valid UTF-8, so lengths are bounded by the byte count).
  b.utf16.resize(word.size() + 1);
  int32_t len16 = 0;
  u_strFromUTF8(b.utf16.data(), static_cast<int32_t>(b.utf16.size()), &len16, word.data(),
                static_cast<int32_t>(word.size()), &status);
  if (U_FAILURE(status)) {
    // Cannot happen for valid input; fall back to the bytes themselves.
    arena.append(word);
    span.fold_len = span.key_len = static_cast<std::uint32_t>(word.size());
    span.key = span.fold;
    return span;
  }
  // Case folding can lengthen a string (ß -> ss) by at most a factor of 3.
  b.folded.resize(static_cast<std::size_t>(len16) * 3 + 1);
  status = U_ZERO_ERROR;
  const int32_t folded_len = u_strFoldCase(b.folded.data(), static_cast<int32_t>(b.folded.size()),
                                           b.utf16.data(), len16, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) {
    arena.append(word);
    span.fold_len = span.key_len = static_cast<std::uint32_t>(word.size());
    span.key = span.fold;
    return span;
  }
  for (int32_t i = 0; i < folded_len;) {
    UChar32 cp;
    U16_NEXT(b.folded.data(), i, folded_len, cp);
    AppendUtf8(static_cast<char32_t>(cp), arena);
  }
  span.fold_len = static_cast<std::uint32_t>(arena.size() - span.fold);

  // Key: NFKD of the fold, marks dropped, special letters mapped.
  status = U_ZERO_ERROR;
  icu::UnicodeString folded_str(false, b.folded.data(), folded_len);  // read-only alias
  b.nfkd->normalize(folded_str, b.decomposed, status);
  span.key = static_cast<std::uint32_t>(arena.size());
  if (U_FAILURE(status)) b.decomposed = folded_str;
  const UChar* d = b.decomposed.getBuffer();
  const int32_t dn = b.decomposed.length();
  for (int32_t i = 0; i < dn;) {
    UChar32 cp;
    U16_NEXT(d, i, dn, cp);
    AppendKeyCodePoint(cp, arena);
  }
  span.key_len = static_cast<std::uint32_t>(arena.size() - span.key);
  // Share the bytes when the key equals the fold.
  if (span.key_len == span.fold_len &&
      arena.compare(span.key, span.key_len, arena, span.fold, span.fold_len) == 0) {
    arena.resize(span.key);
    span.key = span.fold;
  }
  return span;
}

std::string Folder::Key(std::string_view word) {
  std::string arena;
  const Span span = Append(word, arena);
  return arena.substr(span.key, span.key_len);
}

}  // namespace nerkit::text
