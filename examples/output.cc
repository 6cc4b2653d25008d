#include "output.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "nerkit/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using json = nlohmann::ordered_json;

OutputFormat ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "conll") return OutputFormat::kConll;
  return OutputFormat::kJsonl;
}

namespace {

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Powers of ten that a double holds exactly.
constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// printf's "%.*g" of `value` with 1 <= digits <= 15, and ".0" after a whole number, computed
// directly for what confidences and evidence nearly always are: 0, and magnitudes from 1e-4 to
// below 10^digits (which %g writes without an exponent). Writes at `p` and returns the end, with
// `*read_back` the double the text reads back as; returns nullptr for other values, and for the
// rare value whose rounding is too close to a tie to decide in double arithmetic.
char* ShortG(char* p, double value, int digits, double* read_back) {
  // What nearly every confidence is, four digits from 0.1 to below 1, computed the same way as
  // below without its loops and conversions: "0.8765", "0.5" (trailing zeros dropped).
  if (digits == 4 && value >= 0.1 && value < 1) {
    const double scaled = value * 1e4;
    const double whole = std::floor(scaled);
    const double fraction = scaled - whole;
    const auto n = static_cast<std::uint32_t>(whole) + (fraction > 0.5 ? 1u : 0u);
    if (std::fabs(fraction - 0.5) >= 1e-6 && n < 10000) {
      *read_back = static_cast<double>(n) / 1e4;
      const char d[4] = {static_cast<char>('0' + n / 1000), static_cast<char>('0' + n / 100 % 10),
                         static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
      std::size_t length = 4;
      while (d[length - 1] == '0') --length;  // (n >= 1000: the first digit stays)
      p[0] = '0';
      p[1] = '.';
      std::memcpy(p + 2, d, length);
      return p + 2 + length;
    }
  }
  const double magnitude = std::fabs(value);
  if (magnitude == 0) {
    if (std::signbit(value)) *p++ = '-';
    std::memcpy(p, "0.0", 3);
    *read_back = value;
    return p + 3;
  }
  if (!(magnitude >= 1e-4 && magnitude < kPowersOfTen[digits])) return nullptr;
  // The decimal exponent x (10^x <= magnitude < 10^(x+1)), then the `digits` digits n of
  // magnitude * 10^m, m = digits - 1 - x >= 0, rounded to nearest (a single rounding in the
  // product, far smaller than the margin kept around ties).
  int x = digits - 1;
  // 0.1 .. 0.0001 as the literals give them: the doubles nearest, each above the real power.
  static constexpr double kNegativePowers[] = {1, 0.1, 0.01, 0.001, 0.0001};
  while (x > -4 && magnitude < (x >= 0 ? kPowersOfTen[x] : kNegativePowers[-x])) --x;
  int m = digits - 1 - x;
  const double scaled = magnitude * kPowersOfTen[m];
  const double whole = std::floor(scaled);
  const double fraction = scaled - whole;
  if (std::fabs(fraction - 0.5) < 1e-6) return nullptr;
  auto n = static_cast<std::uint64_t>(whole) + (fraction > 0.5 ? 1 : 0);
  if (n == static_cast<std::uint64_t>(kPowersOfTen[digits])) {  // 9.9996 -> 10.00
    n /= 10;
    ++x;
    --m;
    if (x >= digits || m < 0) return nullptr;
  }
  if (n < static_cast<std::uint64_t>(kPowersOfTen[digits - 1])) return nullptr;
  *read_back = std::copysign(static_cast<double>(n) / kPowersOfTen[m], value);
  char number[24];
  const char* end = std::to_chars(number, number + sizeof number, n).ptr;
  // %g drops the fraction's trailing zeros, and the point with them.
  while (m > 0 && end[-1] == '0') {
    --end;
    --m;
  }
  if (value < 0) *p++ = '-';
  const char* d = number;
  if (x >= 0) {
    for (int i = 0; i <= x; ++i) *p++ = *d++;
  } else {
    *p++ = '0';
  }
  if (m > 0) {
    *p++ = '.';
    for (int i = x + 1; i < 0; ++i) *p++ = '0';
    while (d < end) *p++ = *d++;
  } else {
    // A whole number, which DecimalText gives a ".0".
    *p++ = '.';
    *p++ = '0';
  }
  return p;
}

// A number with at most `digits` significant digits, as text (printf's %g, with ".0" added to a
// whole number so that it reads back as a floating-point number) and as the double that text
// reads back as: both writers give confidences and evidence the same way. Writes at `p`, which
// has room for kDecimalBytes, and returns the end.
constexpr std::size_t kDecimalBytes = 40;
char* DecimalText(char* p, double value, int digits, double* read_back = nullptr) {
  double shortest = 0;
  char* end = ShortG(p, value, digits, &shortest);
  if (end != nullptr) {
    if (read_back) *read_back = shortest;
    return end;
  }
  // std::to_chars with a precision writes what printf's "%.*g" does, without its locale and
  // stream machinery.
  end = std::to_chars(p, p + kDecimalBytes - 2, value, std::chars_format::general, digits).ptr;
  if (read_back) {
    char text[kDecimalBytes];
    *std::copy(p, end, text) = '\0';
    *read_back = std::strtod(text, nullptr);
  }
  if (std::find_if(p, end, [](char c) { return c == '.' || c == 'e' || c == 'n'; }) == end) {
    *end++ = '.';
    *end++ = '0';
  }
  return end;
}
double Decimal(double value, int digits) {
  char text[kDecimalBytes];
  double read_back = 0;
  DecimalText(text, value, digits, &read_back);
  return read_back;
}

json EntityToJson(const nerkit::Entity& e) {
  json j = json::object();
  j["start"] = e.start;
  j["end"] = e.end;
  j["label"] = nerkit::LabelName(e.label);
  j["text"] = e.text;
  j["canonical"] = OrNull(e.canonical);
  j["id"] = OrNull(e.id);
  j["value"] = OrNull(e.value);
  if (!e.anchor.empty()) j["anchor"] = e.anchor;
  j["source"] = e.source;
  j["confidence"] = Decimal(e.confidence, 4);
  j["cluster"] = e.cluster < 0 ? json(nullptr) : json(e.cluster);
  return j;
}

// Appends to a string through a buffer of its own: nearly everything the writers append is a
// few bytes (a key, a comma, a number), and std::string checks and grows on every append.
// Flushes when destroyed.
class Appender {
 public:
  static constexpr std::size_t kSize = 4096;

  explicit Appender(std::string& out) : out_(out) {}
  ~Appender() { Flush(); }
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;

  void Flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }
  // Room for `n` <= kSize bytes: write them at the pointer returned, then Commit the end.
  char* Reserve(std::size_t n) {
    if (n > kSize - used_) Flush();
    return buffer_ + used_;
  }
  void Commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_); }

  void Put(char c) {
    if (used_ == kSize) Flush();
    buffer_[used_++] = c;
  }
  void Append(std::string_view s) {
    if (s.size() > kSize - used_) {
      Flush();
      if (s.size() > kSize) {
        out_.append(s);
        return;
      }
    }
    std::memcpy(buffer_ + used_, s.data(), s.size());
    used_ += s.size();
  }
  template <typename Int>
  void Number(Int v) {
    char* p = Reserve(24);
    Commit(std::to_chars(p, p + 24, v).ptr);
  }

 private:
  std::string& out_;
  char buffer_[kSize];
  std::size_t used_ = 0;
};

// A plain byte is printable ASCII other than '"' and '\\': a JSON string holds it as it is. The
// others are escaped (control characters, '"', '\\') or checked as UTF-8 (bytes >= 0x80).
constexpr bool IsPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

#if defined(__SSE2__)
// Whether the 16 bytes at `p` are plain. A signed byte below 0x20 is a control character or a
// byte >= 0x80.
inline bool Plain16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i special = _mm_or_si128(
      _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return _mm_movemask_epi8(special) == 0;
}
#endif

// Whether the sizeof(Word) bytes at `p` (8 or 4) are plain: no byte is < 0x20, '"' or '\\' (the
// "has a byte less than" and "has a zero byte" tests, exact when they answer no), nor >= 0x80.
template <typename Word>
inline bool PlainWord(const char* p) {
  constexpr Word kOnes = static_cast<Word>(0x0101010101010101ull);
  Word w;
  std::memcpy(&w, p, sizeof w);
  const Word q = w ^ static_cast<Word>(kOnes * '"');
  const Word b = w ^ static_cast<Word>(kOnes * '\\');
  return ((((w - static_cast<Word>(kOnes * 0x20)) & ~w) | ((q - kOnes) & ~q) | ((b - kOnes) & ~b) |
           w) &
          static_cast<Word>(kOnes * 0x80)) == 0;
}
inline bool Plain8(const char* p) { return PlainWord<std::uint64_t>(p); }
inline bool Plain4(const char* p) { return PlainWord<std::uint32_t>(p); }

// Whether every byte of `s` is plain (IsPlain): most strings of a result are, and are copied as
// they are. Reads 16, 8 or 4 bytes at a time, the last ones overlapping.
bool AllPlain(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n >= 16) {
#if defined(__SSE2__)
    for (std::size_t i = 0; i + 16 < n; i += 16) {
      if (!Plain16(p + i)) return false;
    }
    return Plain16(p + n - 16);
#else
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (!Plain8(p + i)) return false;
    }
    return Plain8(p + n - 8);
#endif
  }
  if (n >= 8) return Plain8(p) && Plain8(p + n - 8);
  if (n >= 4) return Plain4(p) && Plain4(p + n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (!IsPlain(static_cast<unsigned char>(p[i]))) return false;
  }
  return true;
}

// Length of the prefix of `s` made of plain bytes.
std::size_t PlainPrefix(std::string_view s) {
  std::size_t i = 0;
  while (i + 8 <= s.size() && Plain8(s.data() + i)) i += 8;
  while (i < s.size() && IsPlain(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// How today's strings with invalid UTF-8 are written (both kept byte for byte): nlohmann::json's
// dump with error_handler_t::replace, which makes each ill-formed sequence one U+FFFD (the json
// format, ids, error records); or one U+FFFD per bad byte as nerkit counts them (the other
// strings of jsonl).
enum class BadUtf8 { kAsNlohmann, kPerByte };

// A JSON writer over an Appender with the layout of nlohmann::json's dump(): compact (dump(-1),
// the jsonl format) or, with kPretty, indented by two spaces (dump(2), the json format). Keys are
// plain ASCII. The tests compare it with nlohmann's output.
template <bool kPretty>
class JsonWriter {
 public:
  JsonWriter(Appender& out, BadUtf8 bad_utf8) : out_(out), bad_utf8_(bad_utf8) {}

  void String(std::string_view s) { String(s, bad_utf8_); }
  void String(std::string_view s, BadUtf8 bad_utf8) {
    if (s.size() <= kShort && AllPlain(s)) {
      PlainString(s);  // the common case, in one piece
      return;
    }
    CheckedString(s, bad_utf8);
  }
  // A string known to be plain ASCII and at most kShort bytes (a label's name): no check.
  void PlainString(std::string_view s) {
    out_.Commit(QuotedAt(Separator(out_.Reserve(kSeparatorBytes + kShort + 2)), s));
  }
  void StringOrNull(std::string_view s) {
    if (s.empty())
      Null();
    else
      String(s);
  }
  void Null() {
    char* p = Separator(out_.Reserve(kSeparatorBytes + 4));
    std::memcpy(p, "null", 4);
    out_.Commit(p + 4);
  }
  template <typename Int>
  void Number(Int v) {
    char* p = Separator(out_.Reserve(kSeparatorBytes + 24));
    out_.Commit(std::to_chars(p, p + 24, v).ptr);
  }
  // A number rounded to `digits` significant digits: in jsonl as printf's %g writes it (with
  // ".0" for a whole number), in json as nlohmann writes the double that text reads back as.
  // A value that is not finite is null in both, as nlohmann writes it: JSON has no NaN.
  void Decimal(double value, int digits) {
    char* p = Separator(out_.Reserve(kSeparatorBytes + kDecimalBytes));
    if (!std::isfinite(value)) {
      std::memcpy(p, "null", 4);
      out_.Commit(p + 4);
      return;
    }
    if (!kPretty) {
      out_.Commit(DecimalText(p, value, digits));
      return;
    }
    char text[kDecimalBytes];
    double read_back = 0;
    DecimalText(text, value, digits, &read_back);
    if (!std::isfinite(read_back)) {  // rounded past the largest double
      std::memcpy(p, "null", 4);
      out_.Commit(p + 4);
      return;
    }
    out_.Commit(nlohmann::detail::to_chars(p, p + kDecimalBytes, read_back));
  }
  // Any JSON value, as nlohmann writes it here.
  void Json(const json& v) {
    switch (v.type()) {
      case json::value_t::string:
        String(v.get_ref<const std::string&>(), BadUtf8::kAsNlohmann);
        return;
      case json::value_t::number_unsigned:
        Number(v.get<std::uint64_t>());
        return;
      case json::value_t::number_integer:
        Number(v.get<std::int64_t>());
        return;
      case json::value_t::null:
        Null();
        return;
      default:
        break;
    }
    Value();
    if (!kPretty || !v.is_structured()) {
      out_.Append(v.dump(-1, ' ', false, json::error_handler_t::replace));
      return;
    }
    // An object or array nested at this depth: nlohmann indents its lines by the depth too.
    const std::string dumped = v.dump(2, ' ', false, json::error_handler_t::replace);
    for (char c : dumped) {
      out_.Put(c);
      if (c == '\n') Indent();
    }
  }
  template <std::size_t N>
  void Key(const char (&key)[N]) {
    out_.Commit(KeyAt(out_.Reserve(kSeparatorBytes + N + 3), key));
    after_key_ = true;
  }
  // A key and its value in one piece: the same text as Key and then Number, or PlainString.
  template <std::size_t N, typename Int>
  void KeyNumber(const char (&key)[N], Int v) {
    char* p = KeyAt(out_.Reserve(kSeparatorBytes + N + 3 + 24), key);
    out_.Commit(std::to_chars(p, p + 24, v).ptr);
  }
  // A key and a string, in one piece where the string is short and plain (String's common case).
  template <std::size_t N>
  void KeyString(const char (&key)[N], std::string_view s) {
    if (s.size() <= kShort && AllPlain(s)) {
      KeyPlainString(key, s);
      return;
    }
    Key(key);
    CheckedString(s, bad_utf8_);
  }
  template <std::size_t N>
  void KeyStringOrNull(const char (&key)[N], std::string_view s) {
    if (s.empty()) {
      char* p = KeyAt(out_.Reserve(kSeparatorBytes + N + 3 + 4), key);
      std::memcpy(p, "null", 4);
      out_.Commit(p + 4);
      return;
    }
    KeyString(key, s);
  }
  template <std::size_t N>
  void KeyPlainString(const char (&key)[N], std::string_view s) {
    out_.Commit(QuotedAt(KeyAt(out_.Reserve(kSeparatorBytes + N + 3 + kShort + 2), key), s));
  }
  // A key that is not a literal: escaped in json, as nlohmann does; in jsonl as it is, as the
  // jsonl writer always wrote it.
  void DynamicKey(std::string_view key) {
    char* p = out_.Reserve(kSeparatorBytes);
    if (!first_) *p++ = ',';
    if (kPretty) p = NewLine(p);
    out_.Commit(p);
    first_ = false;
    if (kPretty) {
      after_key_ = true;  // no separator before the key's string
      String(key, BadUtf8::kAsNlohmann);
      out_.Append(": ");
    } else {
      out_.Put('"');
      out_.Append(key);
      out_.Append("\":");
    }
    after_key_ = true;
  }
  void Begin(char bracket) {
    char* p = Separator(out_.Reserve(kSeparatorBytes + 1));
    *p++ = bracket;
    out_.Commit(p);
    first_ = true;
    ++depth_;
  }
  void End(char bracket) {
    --depth_;
    char* p = out_.Reserve(kSeparatorBytes + 1);
    if (kPretty && !first_) p = NewLine(p);
    *p++ = bracket;
    out_.Commit(p);
    first_ = false;
  }

 private:
  static constexpr int kMaxDepth = 8;  // deeper than any record here
  static constexpr std::size_t kSeparatorBytes = 2 + 2 * kMaxDepth;
  static constexpr std::size_t kShort = 256;  // strings written in one piece

  // Before a value: a comma unless it follows its key or opens its array, and in kPretty a new
  // line for an array element. Writes at `p`, which has room for kSeparatorBytes.
  char* Separator(char* p) {
    if (after_key_) {
      after_key_ = false;
      return p;
    }
    if (!first_) *p++ = ',';
    if (kPretty && depth_ > 0) p = NewLine(p);
    first_ = false;
    return p;
  }
  void Value() { out_.Commit(Separator(out_.Reserve(kSeparatorBytes))); }
  // A plain string of at most kShort bytes in its quotes at `p`, which has room for them.
  static char* QuotedAt(char* p, std::string_view s) {
    *p++ = '"';
    std::memcpy(p, s.data(), s.size());
    p += s.size();
    *p++ = '"';
    return p;
  }
  // A string that is not short and plain: in pieces, escaped, or with its bad bytes replaced.
  void CheckedString(std::string_view s, BadUtf8 bad_utf8) {
    Value();
    const std::size_t plain = PlainPrefix(s);
    if (plain == s.size()) {
      out_.Put('"');
      out_.Append(s);
      out_.Put('"');
      return;
    }
    if (nerkit::CountInvalidUtf8(s.substr(plain)) > 0) {
      BadString(s, bad_utf8);
      return;
    }
    Escaped(s, plain);
  }
  // Writes a member's key at `p` (room for kSeparatorBytes + N + 3 bytes): the comma before it,
  // in kPretty its line, and the colon after it.
  template <std::size_t N>
  char* KeyAt(char* p, const char (&key)[N]) {
    constexpr std::size_t kLength = N - 1;
    if (!first_) *p++ = ',';
    if (kPretty) p = NewLine(p);
    *p++ = '"';
    std::memcpy(p, key, kLength);
    p += kLength;
    *p++ = '"';
    *p++ = ':';
    if (kPretty) *p++ = ' ';
    first_ = false;
    return p;
  }
  char* NewLine(char* p) const {
    *p++ = '\n';
    for (int i = 0; i < depth_; ++i) {
      *p++ = ' ';
      *p++ = ' ';
    }
    return p;
  }
  void Indent() {
    for (int i = 0; i < depth_; ++i) out_.Append("  ");
  }
  // `s` is valid UTF-8 and its first `plain` bytes need no escape.
  void Escaped(std::string_view s, std::size_t plain) {
    out_.Put('"');
    out_.Append(s.substr(0, plain));
    std::size_t run = plain;  // start of the bytes not yet copied
    for (std::size_t i = plain; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.Append(s.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"':
          out_.Append("\\\"");
          break;
        case '\\':
          out_.Append("\\\\");
          break;
        case '\b':
          out_.Append("\\b");
          break;
        case '\f':
          out_.Append("\\f");
          break;
        case '\n':
          out_.Append("\\n");
          break;
        case '\r':
          out_.Append("\\r");
          break;
        case '\t':
          out_.Append("\\t");
          break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          char* p = out_.Reserve(6);
          std::memcpy(p, "\\u00", 4);
          p[4] = kHex[c >> 4];
          p[5] = kHex[c & 15];
          out_.Commit(p + 6);
        }
      }
    }
    out_.Append(s.substr(run));
    out_.Put('"');
  }
  // `s` holds invalid UTF-8: rare, and written as before.
  void BadString(std::string_view s, BadUtf8 bad_utf8) {
    if (bad_utf8 == BadUtf8::kAsNlohmann) {
      out_.Append(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace));
      return;
    }
    std::string fixed(s);
    nerkit::ReplaceInvalidUtf8(fixed, '\x01');
    std::string replaced;
    for (std::size_t i = 0; i < fixed.size(); ++i) {
      if (fixed[i] == '\x01' && s[i] != '\x01')
        replaced += "\xEF\xBF\xBD";
      else
        replaced.push_back(fixed[i]);
    }
    Escaped(replaced, 0);
  }

  Appender& out_;
  BadUtf8 bad_utf8_;
  bool first_ = true;
  bool after_key_ = false;
  int depth_ = 0;
};

template <bool kPretty>
void WriteEntity(JsonWriter<kPretty>& w, const nerkit::Entity& e, bool with_cluster) {
  w.Begin('{');
  w.KeyNumber("start", e.start);
  w.KeyNumber("end", e.end);
  w.KeyPlainString("label", nerkit::LabelName(e.label));
  w.KeyString("text", e.text);
  w.KeyStringOrNull("canonical", e.canonical);
  w.KeyStringOrNull("id", e.id);
  w.KeyStringOrNull("value", e.value);
  if (!e.anchor.empty()) w.KeyString("anchor", e.anchor);
  w.KeyString("source", e.source);
  w.Key("confidence");
  w.Decimal(e.confidence, 4);
  if (with_cluster) {
    if (e.cluster < 0) {
      w.Key("cluster");
      w.Null();
    } else {
      w.KeyNumber("cluster", e.cluster);
    }
  }
}

// The object ResultToJson builds, written straight to `out`.
template <bool kPretty>
void WriteResult(Appender& out, BadUtf8 bad_utf8, const json& id, std::size_t line,
                 const nerkit::Result& result) {
  JsonWriter<kPretty> w(out, bad_utf8);
  w.Begin('{');
  w.Key("id");
  w.Json(id);
  if (line) {
    w.Key("line");
    w.Number(line);
  }
  w.Key("reference_date");
  if (result.reference_date) {
    w.String(result.reference_date->ToString());
    w.Key("reference_date_source");
    w.String(result.reference_date_source);
  } else {
    w.Null();
  }
  w.Key("invalid_utf8_bytes");
  w.Number(result.invalid_utf8_bytes);
  w.Key("entities");
  w.Begin('[');
  for (const nerkit::Entity& e : result.entities) {
    WriteEntity(w, e, true);
    w.End('}');
  }
  w.End(']');
  w.Key("clusters");
  w.Begin('[');
  for (std::size_t i = 0; i < result.clusters.size(); ++i) {
    const nerkit::Cluster& c = result.clusters[i];
    w.Begin('{');
    w.Key("cluster");
    w.Number(i);
    w.Key("label");
    w.PlainString(nerkit::LabelName(c.label));
    w.Key("name");
    w.String(c.name);
    w.Key("canonical");
    w.StringOrNull(c.canonical);
    w.Key("id");
    w.StringOrNull(c.id);
    w.Key("mentions");
    w.Begin('[');
    for (std::size_t m : c.mentions) w.Number(m);
    w.End(']');
    w.End('}');
  }
  w.End(']');
  if (!result.evidence.empty()) {
    w.Key("evidence");
    w.Begin('[');
    for (const nerkit::Evidence& evidence : result.evidence) {
      w.Begin('{');
      const auto& features = evidence.features;
      for (std::size_t i = 0; i < features.size(); ++i) {
        if (!kPretty) {
          w.DynamicKey(features[i].first);
          w.Decimal(features[i].second, 6);
          continue;
        }
        // The json format is an object that nlohmann built: of a name given twice, the first
        // place and the last value.
        const std::string& name = features[i].first;
        bool earlier = false;
        for (std::size_t j = 0; j < i && !earlier; ++j) earlier = features[j].first == name;
        if (earlier) continue;
        double value = features[i].second;
        for (std::size_t j = i + 1; j < features.size(); ++j) {
          if (features[j].first == name) value = features[j].second;
        }
        w.DynamicKey(name);
        w.Decimal(value, 6);
      }
      w.End('}');
    }
    w.End(']');
  }
  if (!result.rejected.empty()) {
    w.Key("rejected");
    w.Begin('[');
    for (const nerkit::Rejected& r : result.rejected) {
      WriteEntity(w, r.candidate, false);
      w.Key("reason");
      w.String(r.reason);
      w.End('}');
    }
    w.End(']');
  }
  w.End('}');
  out.Put('\n');
}

template <bool kPretty>
void WriteError(Appender& out, const json& id, std::size_t line, const std::string& error) {
  JsonWriter<kPretty> w(out, BadUtf8::kAsNlohmann);
  w.Begin('{');
  w.Key("id");
  w.Json(id);
  if (line) {
    w.Key("line");
    w.Number(line);
  }
  w.Key("error");
  w.String(error);
  w.Key("entities");
  w.Begin('[');
  w.End(']');
  w.End('}');
  out.Put('\n');
}

// TSV fields must not contain tabs or line breaks.
void TsvField(Appender& out, std::string_view s) {
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '\t' && c != '\n' && c != '\r' && c != '\\') continue;
    out.Append(s.substr(run, i - run));
    run = i + 1;
    out.Put('\\');
    out.Put(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
  }
  out.Append(s.substr(run));
}

// The document as TSV and CoNLL name it: its id, else its line, else "-".
void IdText(Appender& out, const json& id, std::size_t line) {
  if (id.is_string()) {
    out.Append(id.get_ref<const std::string&>());
  } else if (id.is_null()) {
    if (line) {
      out.Append("line ");
      out.Number(line);
    } else {
      out.Put('-');
    }
  } else if (id.is_number_unsigned()) {
    out.Number(id.get<std::uint64_t>());
  } else if (id.is_number_integer()) {
    out.Number(id.get<std::int64_t>());
  } else {
    out.Append(id.dump());
  }
}

}  // namespace

json ResultToJson(const json& id, std::size_t line, const nerkit::Result& result) {
  json j = json::object();
  j["id"] = id;
  if (line) j["line"] = line;
  if (result.reference_date) {
    j["reference_date"] = result.reference_date->ToString();
    j["reference_date_source"] = result.reference_date_source;
  } else {
    j["reference_date"] = nullptr;
  }
  j["invalid_utf8_bytes"] = result.invalid_utf8_bytes;
  json entities = json::array();
  for (const nerkit::Entity& e : result.entities) entities.push_back(EntityToJson(e));
  j["entities"] = std::move(entities);
  json clusters = json::array();
  for (std::size_t i = 0; i < result.clusters.size(); ++i) {
    const nerkit::Cluster& c = result.clusters[i];
    json cj = json::object();
    cj["cluster"] = i;
    cj["label"] = nerkit::LabelName(c.label);
    cj["name"] = c.name;
    cj["canonical"] = OrNull(c.canonical);
    cj["id"] = OrNull(c.id);
    cj["mentions"] = c.mentions;
    clusters.push_back(std::move(cj));
  }
  j["clusters"] = std::move(clusters);
  if (!result.evidence.empty()) {
    json evidence = json::array();
    for (const nerkit::Evidence& ev : result.evidence) {
      json features = json::object();
      for (const auto& [name, value] : ev.features) features[name] = Decimal(value, 6);
      evidence.push_back(std::move(features));
    }
    j["evidence"] = std::move(evidence);
  }
  if (!result.rejected.empty()) {
    json rejected = json::array();
    for (const nerkit::Rejected& r : result.rejected) {
      json rj = EntityToJson(r.candidate);
      rj.erase("cluster");
      rj["reason"] = r.reason;
      rejected.push_back(std::move(rj));
    }
    j["rejected"] = std::move(rejected);
  }
  return j;
}

void AppendResult(std::string& out, OutputFormat format, const json& id, std::size_t line,
                  std::string_view text, const nerkit::Result& result) {
  // About what a json or jsonl record takes (std::string grows by doubling past it).
  out.reserve(out.size() + 256 + 320 * result.entities.size() + 160 * result.clusters.size());
  Appender a(out);
  switch (format) {
    case OutputFormat::kJson:
      WriteResult<true>(a, BadUtf8::kAsNlohmann, id, line, result);
      return;
    case OutputFormat::kJsonl:
      WriteResult<false>(a, BadUtf8::kPerByte, id, line, result);
      return;
    case OutputFormat::kTsv: {
      std::string doc;
      {
        Appender d(doc);
        IdText(d, id, line);
      }
      for (const nerkit::Entity& e : result.entities) {
        TsvField(a, doc);
        a.Put('\t');
        a.Number(e.start);
        a.Put('\t');
        a.Number(e.end);
        a.Put('\t');
        a.Append(nerkit::LabelName(e.label));
        a.Put('\t');
        TsvField(a, e.text);
        a.Put('\t');
        TsvField(a, e.canonical);
        a.Put('\t');
        TsvField(a, e.id);
        a.Put('\t');
        TsvField(a, e.value);
        a.Put('\t');
        TsvField(a, e.source);
        a.Put('\n');
      }
      return;
    }
    case OutputFormat::kConll: {
      a.Append("# id = ");
      IdText(a, id, line);
      a.Put('\n');
      std::size_t e = 0;
      std::size_t sentence = 0;
      for (const nerkit::Token& t : result.tokens) {
        if (t.sentence != sentence) {
          a.Put('\n');
          sentence = t.sentence;
        }
        while (e < result.entities.size() && result.entities[e].end <= t.start) ++e;
        a.Append(text.substr(t.start, t.end - t.start));
        a.Put('\t');
        if (e < result.entities.size() && result.entities[e].start <= t.start &&
            t.end <= result.entities[e].end) {
          a.Append(result.entities[e].start == t.start ? "B-" : "I-");
          a.Append(nerkit::LabelName(result.entities[e].label));
        } else {
          a.Put('O');
        }
        a.Put('\n');
      }
      a.Put('\n');
      return;
    }
  }
}

void AppendError(std::string& out, OutputFormat format, const json& id, std::size_t line,
                 const std::string& error) {
  Appender a(out);
  switch (format) {
    case OutputFormat::kJson:
      WriteError<true>(a, id, line, error);
      return;
    case OutputFormat::kJsonl:
      WriteError<false>(a, id, line, error);
      return;
    case OutputFormat::kTsv: {
      std::string doc;
      {
        Appender d(doc);
        IdText(d, id, line);
      }
      TsvField(a, doc);
      a.Append("\t-\t-\tERROR\t");
      TsvField(a, error);
      a.Append("\t\t\t\t\n");
      return;
    }
    case OutputFormat::kConll:
      a.Append("# id = ");
      IdText(a, id, line);
      a.Append("\n# error = ");
      a.Append(error);
      a.Append("\n\n");
      return;
  }
}

std::string FormatResult(OutputFormat format, const json& id, std::size_t line,
                         std::string_view text, const nerkit::Result& result) {
  std::string out;
  AppendResult(out, format, id, line, text, result);
  return out;
}

std::string FormatError(OutputFormat format, const json& id, std::size_t line,
                        const std::string& error) {
  std::string out;
  AppendError(out, format, id, line, error);
  return out;
}
