#include "core/class_regex.h"

#include "core/image_io.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nerkit::internal {

namespace {

// Empty-width assertions.
enum Assertion : std::uint8_t {
  kBeginText,
  kEndText,
  kBeginLine,
  kEndLine,
  kWordBoundary,
  kNotWordBoundary,
};

constexpr std::uint32_t kStatesFormat = 1;  // the format of saved states

// What a position's neighbour is, for the assertions.
enum Kind : std::uint8_t { kKindNone, kKindNewline, kKindWord, kKindOther, kKindCount };

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

Kind KindOf(unsigned char c) {
  return c == '\n' ? kKindNewline : IsWordByte(c) ? kKindWord : kKindOther;
}

// Whether an assertion holds between a character of kind `before` and one of kind `after`.
bool Holds(std::uint8_t assertion, std::uint8_t before, std::uint8_t after) {
  switch (assertion) {
    case kBeginText:
      return before == kKindNone;
    case kEndText:
      return after == kKindNone;
    case kBeginLine:
      return before == kKindNone || before == kKindNewline;
    case kEndLine:
      return after == kKindNone || after == kKindNewline;
    case kWordBoundary:
      return (before == kKindWord) != (after == kKindWord);
    case kNotWordBoundary:
      return (before == kKindWord) == (after == kKindWord);
    default:
      return false;
  }
}

// The parsed pattern.
struct Node {
  enum Type : std::uint8_t { kEmpty, kBytes, kConcat, kAlternate, kRepeat, kCapture, kAssert };
  Type type = kEmpty;
  std::bitset<256> bytes;
  std::vector<int> children;
  int min = 0;
  int max = -1;  // -1: no bound
  bool greedy = true;
  int capture = -1;
  std::uint8_t assertion = 0;
};

constexpr int kMaxRepeat = 1000;  // RE2's bound on counted repetition
constexpr std::size_t kMaxInsts = 50000;
constexpr int kMaxDepth = 1000;

// A parser for the part of RE2's syntax (Latin-1, Perl flags off but m and s) that class-string
// patterns use. Fails on anything else, and on what RE2 would refuse.
class Parser {
 public:
  // `utf8`: the pattern and the text are UTF-8 (a character is one to four bytes), else
  // Latin-1 (a character is a byte).
  Parser(std::string_view pattern, bool utf8) : p_(pattern), utf8_(utf8) {}

  bool Parse(int& root) {
    Flags flags;
    root = Alternation(flags, 0);
    return ok_ && root >= 0 && pos_ == p_.size();
  }
  std::vector<Node>& nodes() { return nodes_; }
  int captures() const { return captures_; }

 private:
  struct Flags {
    bool multiline = false;
    bool dot_newline = false;
  };

  int Fail() {
    ok_ = false;
    return -1;
  }
  bool More() const { return pos_ < p_.size(); }
  char Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0';
  }
  int Add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
  }
  int Bytes(const std::bitset<256>& set) {
    Node n;
    n.type = Node::kBytes;
    n.bytes = set;
    return Add(std::move(n));
  }
  int AssertNode(std::uint8_t a) {
    Node n;
    n.type = Node::kAssert;
    n.assertion = a;
    return Add(std::move(n));
  }

  // Sets of characters (code points in UTF-8, bytes in Latin-1) as sorted ranges.
  using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  std::uint32_t MaxChar() const { return utf8_ ? 0x10FFFF : 0xFF; }

  static Ranges Normalized(Ranges r) {
    std::sort(r.begin(), r.end());
    Ranges out;
    for (const auto& [lo, hi] : r) {
      if (!out.empty() && lo <= out.back().second + 1) {
        out.back().second = std::max(out.back().second, hi);
      } else {
        out.emplace_back(lo, hi);
      }
    }
    return out;
  }
  Ranges Complement(const Ranges& r) const {
    const Ranges n = Normalized(r);
    Ranges out;
    std::uint32_t next = 0;
    for (const auto& [lo, hi] : n) {
      if (lo > next) out.emplace_back(next, lo - 1);
      next = hi + 1;
    }
    if (next <= MaxChar()) out.emplace_back(next, MaxChar());
    return out;
  }
  template <typename Pred>
  static Ranges AsciiRanges(Pred pred) {
    Ranges out;
    for (std::uint32_t c = 0; c < 128; ++c) {
      if (pred(static_cast<unsigned char>(c))) out.emplace_back(c, c);
    }
    return Normalized(out);
  }

  static std::size_t Utf8Length(std::uint32_t c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  static void EncodeUtf8(std::uint32_t c, unsigned char* out) {
    const std::size_t n = Utf8Length(c);
    if (n == 1) {
      out[0] = static_cast<unsigned char>(c);
      return;
    }
    for (std::size_t k = n; k-- > 1;) {
      out[k] = static_cast<unsigned char>(0x80 | (c & 0x3F));
      c >>= 6;
    }
    out[0] = static_cast<unsigned char>((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | c);
  }
  // The byte sequences of UTF-8 characters [lo, hi], as sequences of byte ranges (the standard
  // split: by encoded length, then so that every byte position is one range).
  static void Utf8Sequences(std::uint32_t lo, std::uint32_t hi,
                            std::vector<std::vector<std::pair<int, int>>>& out) {
    if (lo > hi) return;
    if (lo <= 0xDFFF && hi >= 0xD800) {  // no surrogates in UTF-8
      if (lo < 0xD800) Utf8Sequences(lo, 0xD7FF, out);
      if (hi > 0xDFFF) Utf8Sequences(0xE000, hi, out);
      return;
    }
    for (const std::uint32_t b : {0x7Fu, 0x7FFu, 0xFFFFu}) {
      if (lo <= b && b < hi) {
        Utf8Sequences(lo, b, out);
        Utf8Sequences(b + 1, hi, out);
        return;
      }
    }
    const std::size_t n = Utf8Length(lo);
    for (std::size_t i = 1; i < n; ++i) {
      const std::uint32_t m = (std::uint32_t{1} << (6 * i)) - 1;
      if ((lo & ~m) != (hi & ~m)) {
        if ((lo & m) != 0) {
          Utf8Sequences(lo, lo | m, out);
          Utf8Sequences((lo | m) + 1, hi, out);
          return;
        }
        if ((hi & m) != m) {
          Utf8Sequences(lo, (hi & ~m) - 1, out);
          Utf8Sequences(hi & ~m, hi, out);
          return;
        }
      }
    }
    unsigned char a[4], b[4];
    EncodeUtf8(lo, a);
    EncodeUtf8(hi, b);
    std::vector<std::pair<int, int>> seq;
    for (std::size_t k = 0; k < n; ++k) seq.emplace_back(a[k], b[k]);
    out.push_back(std::move(seq));
  }

  // A node that matches one character of `ranges`.
  int ClassNode(const Ranges& ranges) {
    std::bitset<256> bytes;  // one-byte characters
    std::vector<std::vector<std::pair<int, int>>> sequences;
    for (const auto& [lo, hi] : Normalized(ranges)) {
      const std::uint32_t single_max = utf8_ ? 0x7F : 0xFF;
      for (std::uint32_t c = lo; c <= std::min(hi, single_max); ++c) bytes.set(c);
      if (utf8_ && hi > 0x7F) Utf8Sequences(std::max(lo, 0x80u), hi, sequences);
    }
    if (sequences.empty()) return Bytes(bytes);
    Node alt;
    alt.type = Node::kAlternate;
    if (bytes.any()) alt.children.push_back(Bytes(bytes));
    for (const auto& seq : sequences) {
      Node cat;
      cat.type = Node::kConcat;
      for (const auto& [lo, hi] : seq) {
        std::bitset<256> range;
        for (int c = lo; c <= hi; ++c) range.set(static_cast<std::size_t>(c));
        cat.children.push_back(Bytes(range));
      }
      alt.children.push_back(Add(std::move(cat)));
    }
    if (alt.children.size() == 1) return alt.children[0];
    return Add(std::move(alt));
  }

  // The character at pos_ (a UTF-8 sequence in UTF-8 mode), advancing; -1 if it is not valid.
  std::int64_t NextChar() {
    const auto c = static_cast<unsigned char>(p_[pos_]);
    if (!utf8_ || c < 0x80) {
      ++pos_;
      return c;
    }
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || pos_ + n > p_.size()) return -1;
    std::uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(p_[pos_ + k]);
      if ((b & 0xC0) != 0x80) return -1;
      cp = cp << 6 | (b & 0x3F);
    }
    if (Utf8Length(cp) != n || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    pos_ += n;
    return cp;
  }

  int Alternation(Flags& flags, int depth) {
    if (depth > kMaxDepth) return Fail();
    std::vector<int> alternatives;
    alternatives.push_back(Concat(flags, depth));
    while (ok_ && More() && Peek() == '|') {
      ++pos_;
      alternatives.push_back(Concat(flags, depth));
    }
    if (!ok_) return -1;
    if (alternatives.size() == 1) return alternatives[0];
    Node n;
    n.type = Node::kAlternate;
    n.children = std::move(alternatives);
    return Add(std::move(n));
  }

  int Concat(Flags& flags, int depth) {
    std::vector<int> items;
    while (ok_ && More() && Peek() != '|' && Peek() != ')') {
      const int atom = Atom(flags, depth);
      if (!ok_) return -1;
      if (atom < 0) continue;  // a flag group such as (?m)
      items.push_back(Repeats(atom));
    }
    if (!ok_) return -1;
    if (items.size() == 1) return items[0];
    Node n;
    n.type = items.empty() ? Node::kEmpty : Node::kConcat;
    n.children = std::move(items);
    return Add(std::move(n));
  }

  // Whether a node can match the empty string.
  bool Nullable(int index) const {
    const Node& n = nodes_[static_cast<std::size_t>(index)];
    switch (n.type) {
      case Node::kEmpty:
      case Node::kAssert:
        return true;
      case Node::kBytes:
        return false;
      case Node::kConcat:
        return std::all_of(n.children.begin(), n.children.end(),
                           [&](int c) { return Nullable(c); });
      case Node::kAlternate:
        return std::any_of(n.children.begin(), n.children.end(),
                           [&](int c) { return Nullable(c); });
      case Node::kRepeat:
        return n.min == 0 || Nullable(n.children[0]);
      case Node::kCapture:
        return Nullable(n.children[0]);
    }
    return true;
  }

  // A count {n}, {n,} or {n,m} at pos_; false (pos_ unchanged) if there is none.
  bool Count(int& min, int& max) {
    std::size_t p = pos_ + 1;
    auto number = [&](int& out) {
      const std::size_t start = p;
      // As RE2: no leading zero ("{01}" is no count, its "{" a literal).
      if (p + 1 < p_.size() && p_[p] == '0' && p_[p + 1] >= '0' && p_[p + 1] <= '9') return false;
      long value = 0;
      while (p < p_.size() && p_[p] >= '0' && p_[p] <= '9') {
        value = value * 10 + (p_[p] - '0');
        if (value > 100000) value = 100000;
        ++p;
      }
      out = static_cast<int>(value);
      return p > start;
    };
    if (!number(min)) return false;
    if (p < p_.size() && p_[p] == '}') {
      max = min;
    } else if (p < p_.size() && p_[p] == ',') {
      ++p;
      if (p < p_.size() && p_[p] == '}') {
        max = -1;
      } else if (!number(max) || p >= p_.size() || p_[p] != '}') {
        return false;
      }
    } else {
      return false;
    }
    pos_ = p + 1;
    return true;
  }

  int Repeats(int atom) {
    bool repeated = false;
    while (ok_ && More()) {
      int min = 0, max = -1;
      const char c = Peek();
      if (c == '*') {
        ++pos_;
      } else if (c == '+') {
        min = 1;
        ++pos_;
      } else if (c == '?') {
        max = 1;
        ++pos_;
      } else if (c == '{') {
        if (!Count(min, max)) break;  // a literal "{"
        if (min > kMaxRepeat || max > kMaxRepeat || (max >= 0 && max < min)) return Fail();
      } else {
        break;
      }
      if (repeated) return Fail();  // RE2: bad repetition operator
      repeated = true;
      bool greedy = true;
      if (More() && Peek() == '?') {
        greedy = false;
        ++pos_;
      }
      // A loop over what can match nothing: RE2 simplifies such loops its own way; leave them
      // to RE2.
      if ((max < 0 || max > 1) && Nullable(atom)) return Fail();
      Node n;
      n.type = Node::kRepeat;
      n.children = {atom};
      n.min = min;
      n.max = max;
      n.greedy = greedy;
      atom = Add(std::move(n));
    }
    return atom;
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // An escape after "\" (pos_ at the character after it): one character into `ch` (returns
  // 1), or a class into `set` (returns 2), or an assertion into `assertion` (returns 3); 0 on
  // failure.
  int Escape(std::uint32_t& ch, Ranges& set, std::uint8_t& assertion) {
    if (!More()) return 0;
    const char c = p_[pos_++];
    auto perl = [&](auto pred, bool negate) {
      set = AsciiRanges(pred);
      if (negate) set = Complement(set);
      return 2;
    };
    auto digit = [](unsigned char b) { return b >= '0' && b <= '9'; };
    auto space = [](unsigned char b) {
      return b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    };
    switch (c) {
      case 'x': {
        if (More() && Peek() == '{') {
          ++pos_;
          std::uint32_t value = 0;
          int digits = 0;
          while (More() && Peek() != '}') {
            const int h = Hex(p_[pos_++]);
            if (h < 0 || ++digits > 6) return 0;
            value = value * 16 + static_cast<std::uint32_t>(h);
          }
          if (!More() || digits == 0 || value > MaxChar()) return 0;
          ++pos_;
          ch = value;
          return 1;
        }
        const int hi = Hex(Peek());
        const int lo = Hex(Peek(1));
        if (hi < 0 || lo < 0) return 0;
        pos_ += 2;
        ch = static_cast<std::uint32_t>(hi * 16 + lo);
        return 1;
      }
      case 'n':
        ch = '\n';
        return 1;
      case 't':
        ch = '\t';
        return 1;
      case 'r':
        ch = '\r';
        return 1;
      case 'f':
        ch = '\f';
        return 1;
      case 'v':
        ch = '\v';
        return 1;
      case 'a':
        ch = '\a';
        return 1;
      case 'd':
        return perl(digit, false);
      case 'D':
        return perl(digit, true);
      case 's':
        return perl(space, false);
      case 'S':
        return perl(space, true);
      case 'w':
        return perl(IsWordByte, false);
      case 'W':
        return perl(IsWordByte, true);
      case 'b':
        assertion = kWordBoundary;
        return 3;
      case 'B':
        assertion = kNotWordBoundary;
        return 3;
      case 'A':
        assertion = kBeginText;
        return 3;
      case 'z':
        assertion = kEndText;
        return 3;
      default:
        break;
    }
    const auto u = static_cast<unsigned char>(c);
    // Escaped punctuation is itself; an escaped letter or digit not above (\p, \Q, \1, \C, \pN)
    // is syntax this parser leaves to RE2.
    if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80) {
      return 0;
    }
    ch = u;
    return 1;
  }

  int Class() {
    ++pos_;  // [
    bool negate = false;
    if (More() && Peek() == '^') {
      negate = true;
      ++pos_;
    }
    Ranges set;
    bool first = true;
    // One character of the class: 1, or a Perl class added to `set`: 2, or 0 on failure.
    auto member = [&](std::uint32_t& ch) -> int {
      if (Peek() == '\\') {
        ++pos_;
        Ranges perl;
        std::uint8_t assertion = 0;
        const int kind = Escape(ch, perl, assertion);
        if (kind == 2) set.insert(set.end(), perl.begin(), perl.end());
        return kind == 1 || kind == 2 ? kind : 0;
      }
      const std::int64_t c = NextChar();
      if (c < 0) return 0;
      ch = static_cast<std::uint32_t>(c);
      return 1;
    };
    while (true) {
      if (!More()) return Fail();
      const char c = Peek();
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (c == '[' && Peek(1) == ':') return Fail();  // [[:alpha:]]
      std::uint32_t lo = 0;
      const int kind = member(lo);
      if (kind == 0) return Fail();
      if (kind == 2) continue;
      std::uint32_t hi = lo;
      if (More() && Peek() == '-' && Peek(1) != ']' && pos_ + 1 < p_.size()) {
        ++pos_;
        if (member(hi) != 1) return Fail();
        if (hi < lo) return Fail();
      }
      set.emplace_back(lo, hi);
    }
    return ClassNode(negate ? Complement(set) : set);
  }

  // One atom; -1 with ok_ still true for a flag group that only sets flags.
  int Atom(Flags& flags, int depth) {
    const char c = Peek();
    switch (c) {
      case '(': {
        ++pos_;
        int capture = -1;
        Flags inner = flags;
        if (Peek() == '?') {
          if (Peek(1) == 'P' && Peek(2) == '<') {
            pos_ += 3;
            const std::size_t start = pos_;
            while (More() && Peek() != '>') {
              const auto u = static_cast<unsigned char>(Peek());
              if (!IsWordByte(u)) return Fail();
              ++pos_;
            }
            if (!More() || pos_ == start) return Fail();
            ++pos_;
            capture = ++captures_;
          } else {
            ++pos_;
            bool negated = false;
            bool any = false;
            while (More() && Peek() != ':' && Peek() != ')') {
              const char f = p_[pos_++];
              if (f == '-') {
                if (negated) return Fail();
                negated = true;
                continue;
              }
              if (f == 'm') {
                inner.multiline = !negated;
              } else if (f == 's') {
                inner.dot_newline = !negated;
              } else {
                return Fail();  // i, U and anything else: left to RE2
              }
              any = true;
            }
            if (!More()) return Fail();
            if (Peek() == ')') {
              if (!any) return Fail();
              ++pos_;
              flags = inner;  // the rest of the enclosing group
              return -1;
            }
            ++pos_;  // ':'
          }
        } else {
          capture = ++captures_;
        }
        const int body = Alternation(inner, depth + 1);
        if (!ok_) return -1;
        if (!More() || Peek() != ')') return Fail();
        ++pos_;
        if (capture < 0) return body;
        Node n;
        n.type = Node::kCapture;
        n.capture = capture;
        n.children = {body};
        return Add(std::move(n));
      }
      case '[':
        return Class();
      case '.': {
        ++pos_;
        if (flags.dot_newline) return ClassNode({{0, MaxChar()}});
        return ClassNode({{0, '\n' - 1}, {'\n' + 1, MaxChar()}});
      }
      case '^':
        ++pos_;
        return AssertNode(flags.multiline ? kBeginLine : kBeginText);
      case '$':
        ++pos_;
        return AssertNode(flags.multiline ? kEndLine : kEndText);
      case '\\': {
        ++pos_;
        std::uint32_t ch = 0;
        Ranges set;
        std::uint8_t assertion = 0;
        const int kind = Escape(ch, set, assertion);
        if (kind == 1) return ClassNode({{ch, ch}});
        if (kind == 2) return ClassNode(set);
        if (kind == 3) return AssertNode(assertion);
        return Fail();
      }
      case '*':
      case '+':
      case '?':
        return Fail();  // nothing to repeat
      case '{': {
        int min = 0, max = 0;
        const std::size_t at = pos_;
        if (Count(min, max)) return Fail();  // a count with nothing to repeat
        pos_ = at;
        break;
      }
      default:
        break;
    }
    const std::int64_t ch = NextChar();
    if (ch < 0) return Fail();
    return ClassNode({{static_cast<std::uint32_t>(ch), static_cast<std::uint32_t>(ch)}});
  }

  std::string_view p_;
  bool utf8_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  int captures_ = 0;
  std::vector<Node> nodes_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Programs

namespace {

// The index of `set` in `sets`, added if new.
std::int32_t InternSet(std::vector<std::bitset<256>>& sets,
                       std::unordered_map<std::bitset<256>, std::int32_t>& ids,
                       const std::bitset<256>& set) {
  const auto it = ids.find(set);
  if (it != ids.end()) return it->second;
  const auto id = static_cast<std::int32_t>(sets.size());
  sets.push_back(set);
  ids.emplace(set, id);
  return id;
}

// Compiles a parsed pattern into instructions, building from the end (each node is compiled
// with the program that follows it), forward (with capture saves) or reversed (the instructions
// that match the pattern's strings backwards, without saves).
template <typename Inst>
class Compiler {
 public:
  Compiler(const std::vector<Node>& nodes, std::vector<Inst>& insts,
           std::vector<std::bitset<256>>& sets,
           std::unordered_map<std::bitset<256>, std::int32_t>& set_ids, bool reversed)
      : nodes_(nodes), insts_(insts), sets_(sets), set_ids_(set_ids), reversed_(reversed) {}

  bool ok() const { return ok_; }

  std::int32_t Emit(Inst inst) {
    if (insts_.size() >= kMaxInsts) {
      ok_ = false;
      return 0;
    }
    insts_.push_back(inst);
    return static_cast<std::int32_t>(insts_.size()) - 1;
  }

  std::int32_t SetId(const std::bitset<256>& set) { return InternSet(sets_, set_ids_, set); }

  std::int32_t Compile(int index, std::int32_t next) {
    if (!ok_) return 0;
    const Node& n = nodes_[static_cast<std::size_t>(index)];
    switch (n.type) {
      case Node::kEmpty:
        return next;
      case Node::kBytes: {
        Inst inst;
        inst.op = Inst::kByte;
        inst.arg = SetId(n.bytes);
        inst.x = next;
        return Emit(inst);
      }
      case Node::kAssert: {
        Inst inst;
        inst.op = Inst::kAssert;
        inst.assertion = n.assertion;
        inst.x = next;
        return Emit(inst);
      }
      case Node::kConcat: {
        if (reversed_) {
          for (const int child : n.children) next = Compile(child, next);
        } else {
          for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) {
            next = Compile(*it, next);
          }
        }
        return next;
      }
      case Node::kAlternate: {
        // First alternative first: Split(a, Split(b, c)).
        std::int32_t rest = Compile(n.children.back(), next);
        for (std::size_t k = n.children.size() - 1; k-- > 0;) {
          const std::int32_t branch = Compile(n.children[k], next);
          Inst inst;
          inst.op = Inst::kSplit;
          inst.x = branch;
          inst.y = rest;
          rest = Emit(inst);
        }
        return rest;
      }
      case Node::kCapture: {
        if (reversed_) return Compile(n.children[0], next);
        Inst close;
        close.op = Inst::kSave;
        close.arg = 2 * n.capture + 1;
        close.x = next;
        const std::int32_t body = Compile(n.children[0], Emit(close));
        Inst open;
        open.op = Inst::kSave;
        open.arg = 2 * n.capture;
        open.x = body;
        return Emit(open);
      }
      case Node::kRepeat: {
        const int child = n.children[0];
        std::int32_t tail = next;
        if (n.max < 0) {
          // x*: L: Split(x -> L, next)
          Inst loop;
          loop.op = Inst::kSplit;
          const std::int32_t l = Emit(loop);
          const std::int32_t body = Compile(child, l);
          if (!ok_) return 0;
          insts_[static_cast<std::size_t>(l)].x = n.greedy ? body : next;
          insts_[static_cast<std::size_t>(l)].y = n.greedy ? next : body;
          tail = l;
        } else {
          // The optional copies, nested: (x(x)?)?
          for (int k = 0; k < n.max - n.min; ++k) {
            const std::int32_t body = Compile(child, tail);
            Inst opt;
            opt.op = Inst::kSplit;
            opt.x = n.greedy ? body : next;
            opt.y = n.greedy ? next : body;
            tail = Emit(opt);
          }
        }
        for (int k = 0; k < n.min; ++k) tail = Compile(child, tail);
        return tail;
      }
    }
    return next;
  }

 private:
  const std::vector<Node>& nodes_;
  std::vector<Inst>& insts_;
  std::vector<std::bitset<256>>& sets_;
  std::unordered_map<std::bitset<256>, std::int32_t>& set_ids_;
  bool reversed_;
  bool ok_ = true;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The DFA

namespace {

// An array of zeroed memory of which only the pages written take memory: anonymous pages mapped
// from the system (calloc could take a block from the heap and clear all of it).
template <typename T>
class ZeroedPages {
 public:
  ZeroedPages() = default;
  ZeroedPages(const ZeroedPages&) = delete;
  ZeroedPages& operator=(const ZeroedPages&) = delete;
  ~ZeroedPages() { Release(); }

  // Throws std::bad_alloc when the system has no room for `count` elements.
  void Allocate(std::size_t count) {
    Release();
    bytes_ = std::max<std::size_t>(count, 1) * sizeof(T);
#if defined(__linux__)
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#else
    void* p = std::calloc(bytes_, 1);
    if (!p) throw std::bad_alloc();
#endif
    data_ = static_cast<T*>(p);
  }
  T* get() const { return data_; }
  T& operator[](std::size_t i) const { return data_[i]; }

 private:
  void Release() {
    if (!data_) return;
#if defined(__linux__)
    ::munmap(data_, bytes_);
#else
    std::free(data_);
#endif
    data_ = nullptr;
  }
  T* data_ = nullptr;
  std::size_t bytes_ = 0;
};

}  // namespace

// A lazily built DFA over every pattern's reversed program, read from the end of the text to
// its start. A state is the set of instructions waiting for the next (earlier) character, with
// the kind of the character read last; its transition on a class of bytes says which patterns
// have a match starting at the position before that character and the next state. The end of
// the text is one more column.
struct ClassRegexSet::Dfa {
  static constexpr std::uint32_t kMaxMasks = 1u << 16;

  std::array<std::uint8_t, 256> class_of{};
  std::vector<std::uint8_t> class_kind;  // per class
  std::vector<std::uint8_t> class_byte;  // one byte of each class
  int classes = 0;
  int stride = 0;                    // classes + 1: the last column is the start of the text
  int mask_words = 0;                // 64-bit words of a pattern mask
  std::vector<std::int32_t> starts;  // every pattern's reversed start

  // Transitions, kMaxStates rows of `stride`: the next state's row offset (state * stride) + 1,
  // with bit kHasMask set when patterns start at the position; 0 = not built yet. (The offset,
  // not the state, so that the scan's next load needs no multiply.) The mask's id is then in
  // mask_of at the same index. Allocated zeroed at full size (ZeroedPages: the system gives
  // memory only to the rows written) and read and written through std::atomic_ref: a
  // transition is stored with release after its state and mask are in place, and loaded with
  // acquire.
  static constexpr std::uint32_t kHasMask = 1u << 31;
  ZeroedPages<std::uint32_t> table;
  ZeroedPages<std::uint16_t> mask_of;
  ZeroedPages<std::uint64_t> masks;  // kMaxMasks masks of mask_words

  // Under the mutex.
  std::mutex mutex;
  // States and masks are found by a hash of their contents: the first id with that hash, and
  // per id the next one with the same hash (kNoId: none); ids are compared by their contents.
  static constexpr std::uint32_t kNoId = ~std::uint32_t{0};
  std::unordered_map<std::uint64_t, std::uint32_t> state_ids;  // hash of kind + kernel -> state
  std::vector<std::uint32_t> state_chain;                      // per state
  std::vector<std::vector<std::int32_t>> kernels;            // per state
  std::vector<std::uint8_t> kinds;                           // per state
  std::unordered_map<std::uint64_t, std::uint32_t> mask_ids;  // hash of the bits -> mask
  std::vector<std::uint32_t> mask_chain;                      // per mask id
  std::uint32_t mask_count = 1;  // 0: no pattern
  std::vector<std::int32_t> next_kernel;
  std::vector<std::uint64_t> mask;
  std::vector<std::uint32_t> seen;
  std::uint32_t seen_stamp = 0;
  std::vector<std::int32_t> work;
  // What every pattern's start contributes to a step, the same whatever the state: per kind of
  // the character after the position and class before it (index kind * stride + cls), the
  // instructions waiting after the character and the patterns that start there; made once each.
  struct StartStep {
    bool made = false;
    std::vector<std::int32_t> next;
    std::vector<std::uint64_t> mask;
  };
  std::vector<StartStep> start_steps;
  // What a state's kernel contributes to a step, before the byte is read: per kind of the
  // character before the position, the byte-reading instructions its empty-width edges reach
  // and the patterns that start there. Its steps on the many classes of one kind share this one
  // walk; each then only tests the byte against the listed instructions. Made once each.
  struct Closure {
    // Per byte-reading instruction reached: the byte set it reads and the instruction after it.
    std::vector<std::pair<std::int32_t, std::int32_t>> edges;
    std::vector<std::uint64_t> mask;
  };
  // Per state * kKindCount + kind before (null: not made yet). A walk that met no assertion holds
  // for every kind before, and is stored for all of them: most states step on both word and other
  // characters.
  std::vector<const Closure*> closures;
  std::vector<std::unique_ptr<Closure>> closure_store;
  // Closures are kept while they hold at most this many edges in all (8 bytes each); past it, a
  // step makes its state's closure again each time, as it did before there was a store.
  static constexpr std::size_t kMaxClosureEdges = std::size_t{4} << 20;
  std::size_t closure_edges = 0;
  Closure unkept;
  std::atomic<std::uint32_t> state_count{0};
  std::uint32_t max_states = 0;

  std::uint32_t* Row(std::uint32_t state) const {
    return table.get() + static_cast<std::size_t>(state) * static_cast<std::size_t>(stride);
  }
  const std::uint64_t* Mask(std::uint32_t id) const {
    return masks.get() + static_cast<std::size_t>(id) * static_cast<std::size_t>(mask_words);
  }

  template <typename T>
  static std::uint64_t HashOf(const std::vector<T>& words, std::uint64_t seed) {
    std::uint64_t h = seed * 0x9E3779B97F4A7C15ull + words.size();
    for (const T w : words) {
      h = (h ^ static_cast<std::uint64_t>(w)) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    return h;
  }

  // Under the mutex: the state of `kernel` (sorted) and `kind`, or -1 when the cache is full.
  std::int64_t Intern(const std::vector<std::int32_t>& kernel, std::uint8_t kind) {
    const std::uint64_t h = HashOf(kernel, kind);
    const auto [it, inserted] = state_ids.try_emplace(h, kNoId);
    for (std::uint32_t id = it->second; id != kNoId; id = state_chain[id]) {
      if (kinds[id] == kind && kernels[id] == kernel) return id;
    }
    const auto id = static_cast<std::uint32_t>(kernels.size());
    if (id >= max_states) {
      if (inserted) state_ids.erase(it);
      return -1;
    }
    kernels.push_back(kernel);
    kinds.push_back(kind);
    state_chain.push_back(it->second);
    it->second = id;
    state_count.store(id + 1, std::memory_order_relaxed);
    return id;
  }

  // Under the mutex: the id of `mask`, 0 when it is empty, or -1 when the store is full.
  std::int64_t InternMask(const std::vector<std::uint64_t>& bits) {
    if (std::all_of(bits.begin(), bits.end(), [](std::uint64_t w) { return w == 0; })) return 0;
    const std::uint64_t h = HashOf(bits, 0);
    const auto [it, inserted] = mask_ids.try_emplace(h, kNoId);
    for (std::uint32_t id = it->second; id != kNoId; id = mask_chain[id]) {
      if (std::equal(bits.begin(), bits.end(), Mask(id))) return id;
    }
    if (mask_count >= kMaxMasks) {
      if (inserted) mask_ids.erase(it);
      return -1;
    }
    const std::uint32_t id = mask_count++;
    std::memcpy(masks.get() + static_cast<std::size_t>(id) * mask_words, bits.data(),
                bits.size() * sizeof(std::uint64_t));
    if (mask_chain.size() <= id) mask_chain.resize(id + 1, kNoId);
    mask_chain[id] = it->second;
    it->second = id;
    return id;
  }

  // Builds the transition of `state` on class `cls` (classes: the start of the text) under the
  // mutex; 0 when the cache is full.
  std::uint32_t Build(const ClassRegexSet& set, std::uint32_t state, int cls);
};

namespace {

// One step of the reversed programs at a position: from the instructions waiting there
// (`kernel`, plus every pattern's start: a match may end anywhere), follow the empty-width edges
// (assertions judged by the kinds of the characters before and after the position), note the
// patterns whose match starts here in `mask`, and collect into `next` the instructions that
// wait after reading the character before the position (of class `cls`; -1 at the start of
// the text). `seen` is scratch, one stamp per instruction. With `byte` kListBytes, `next` lists
// instead the byte-reading instructions reached (each once, unsorted), whatever they read.
constexpr int kListBytes = -2;
template <typename Inst>
void Step(const std::vector<Inst>& insts, const std::vector<std::bitset<256>>& sets,
          const std::vector<std::int32_t>& kernel, const std::vector<std::int32_t>& starts,
          std::uint8_t after, std::uint8_t before, int byte, std::vector<std::int32_t>& next,
          std::vector<std::uint64_t>& mask, std::vector<std::uint32_t>& seen, std::uint32_t& stamp,
          std::vector<std::int32_t>& work, bool* asserted = nullptr) {
  if (seen.size() < insts.size()) seen.assign(insts.size(), 0);
  if (++stamp == 0) {
    std::fill(seen.begin(), seen.end(), 0);
    stamp = 1;
  }
  next.clear();
  std::fill(mask.begin(), mask.end(), 0);
  // A stack of instructions to visit, each marked when pushed, so that it is pushed once: it never
  // holds more than every instruction, and is written through a pointer (no capacity check
  // per push: this walk is most of the cost of building a DFA state).
  if (work.size() < insts.size()) work.resize(insts.size());
  std::int32_t* const stack = work.data();
  std::size_t top = 0;
  auto push = [&](std::int32_t pc) {
    if (pc < 0 || seen[static_cast<std::size_t>(pc)] == stamp) return;
    seen[static_cast<std::size_t>(pc)] = stamp;
    stack[top++] = pc;
  };
  for (const std::int32_t pc : kernel) push(pc);
  for (const std::int32_t pc : starts) push(pc);
  while (top > 0) {
    const std::int32_t pc = stack[--top];
    const Inst& inst = insts[static_cast<std::size_t>(pc)];
    switch (inst.op) {
      case Inst::kByte:
        if (byte == kListBytes) {
          next.push_back(pc);
        } else if (byte >= 0 &&
                   sets[static_cast<std::size_t>(inst.arg)].test(static_cast<std::size_t>(byte))) {
          next.push_back(inst.x);
        }
        break;
      case Inst::kSplit:
        push(inst.y);
        push(inst.x);
        break;
      case Inst::kSave:
        push(inst.x);
        break;
      case Inst::kAssert:
        if (asserted) *asserted = true;
        if (Holds(inst.assertion, before, after)) push(inst.x);
        break;
      case Inst::kMatch:
        mask[static_cast<std::size_t>(inst.arg) / 64] |= std::uint64_t{1}
                                                         << (static_cast<unsigned>(inst.arg) % 64);
        break;
    }
  }
  if (byte == kListBytes) return;
  std::sort(next.begin(), next.end());
  next.erase(std::unique(next.begin(), next.end()), next.end());
}

}  // namespace

// ---------------------------------------------------------------------------------------------

ClassRegexSet::ClassRegexSet(bool longest_match, std::uint32_t max_states, bool utf8)
    : longest_(longest_match), max_states_(std::min(max_states, kMaxStates)), utf8_(utf8) {}
ClassRegexSet::~ClassRegexSet() = default;

int ClassRegexSet::Add(std::string_view pattern) {
  Parser parser(pattern, utf8_);
  int root = -1;
  if (!parser.Parse(root)) return -1;
  thread_local std::unordered_map<std::bitset<256>, std::int32_t> set_ids;
  set_ids.clear();
  for (std::size_t k = 0; k < sets_.size(); ++k)
    set_ids.emplace(sets_[k], static_cast<std::int32_t>(k));
  const std::size_t sets_before = sets_.size();
  const std::size_t reverse_before = reverse_.insts.size();
  Pattern p;
  p.forward.captures = parser.captures();
  // Forward: Save(0) pattern Save(1) Match.
  {
    Compiler<Inst> compiler(parser.nodes(), p.forward.insts, sets_, set_ids, false);
    Inst match;
    match.op = Inst::kMatch;
    match.arg = static_cast<std::int32_t>(patterns_.size());
    Inst close;
    close.op = Inst::kSave;
    close.arg = 1;
    close.x = compiler.Emit(match);
    const std::int32_t body = compiler.Compile(root, compiler.Emit(close));
    Inst open;
    open.op = Inst::kSave;
    open.arg = 0;
    open.x = body;
    p.forward.start = compiler.Emit(open);
    if (!compiler.ok()) {
      sets_.resize(sets_before);
      return -1;
    }
    // First bytes, from the end of the program (no path between instructions reads nothing in a
    // loop: loops over what can match nothing are refused).
    const std::vector<Inst>& insts = p.forward.insts;
    std::vector<std::bitset<256>> first(insts.size());
    // state: 0 new, 1 being visited, 2 done, 3 done and open-ended (may read nothing first).
    std::vector<std::int8_t> state(insts.size(), 0);
    std::function<bool(std::int32_t)> visit = [&](std::int32_t pc) -> bool {
      const auto k = static_cast<std::size_t>(pc);
      if (state[k] >= 2) return state[k] == 3;
      if (state[k] == 1) return true;  // (no such cycle; counted as open-ended to stay safe)
      state[k] = 1;
      const Inst& inst = insts[k];
      bool open_ended = false;
      switch (inst.op) {
        case Inst::kByte:
          first[k] = sets_[static_cast<std::size_t>(inst.arg)];
          break;
        case Inst::kSplit:
          open_ended = visit(inst.x);
          open_ended = visit(inst.y) || open_ended;
          first[k] =
              first[static_cast<std::size_t>(inst.x)] | first[static_cast<std::size_t>(inst.y)];
          break;
        case Inst::kSave:
          open_ended = visit(inst.x);
          first[k] = first[static_cast<std::size_t>(inst.x)];
          break;
        case Inst::kAssert:
        case Inst::kMatch:
          open_ended = true;
          break;
      }
      state[k] = open_ended ? 3 : 2;
      return open_ended;
    };
    p.forward.first.assign(insts.size(), -1);
    for (std::size_t k = 0; k < insts.size(); ++k) {
      if (!visit(static_cast<std::int32_t>(k))) {
        p.forward.first[k] = InternSet(sets_, set_ids, first[k]);
      }
    }
  }
  {
    Compiler<Inst> compiler(parser.nodes(), reverse_.insts, sets_, set_ids, true);
    Inst match;
    match.op = Inst::kMatch;
    match.arg = static_cast<std::int32_t>(patterns_.size());
    p.reverse = compiler.Compile(root, compiler.Emit(match));
    if (!compiler.ok()) {
      sets_.resize(sets_before);
      reverse_.insts.resize(reverse_before);
      return -1;
    }
  }
  patterns_.push_back(std::move(p));
  return static_cast<int>(patterns_.size()) - 1;
}

int ClassRegexSet::CaptureCount(int pattern) const {
  return patterns_[static_cast<std::size_t>(pattern)].forward.captures;
}

std::unique_ptr<ClassRegexSet::Dfa> ClassRegexSet::NewDfa() const {
  auto dfa = std::make_unique<Dfa>();
  if (dfa_) {
    // The byte classes are those of the DFA there is.
    dfa->class_of = dfa_->class_of;
    dfa->class_kind = dfa_->class_kind;
    dfa->class_byte = dfa_->class_byte;
  } else {
    ClassifyBytes(*dfa);
  }
  dfa->classes = static_cast<int>(dfa->class_kind.size());
  dfa->stride = dfa->classes + 1;
  dfa->mask_words = static_cast<int>(std::max<std::size_t>((patterns_.size() + 63) / 64, 1));
  for (const Pattern& p : patterns_) dfa->starts.push_back(p.reverse);
  dfa->max_states = std::max<std::uint32_t>(max_states_, 1);
  dfa->table.Allocate(static_cast<std::size_t>(dfa->max_states) * dfa->stride);
  dfa->mask_of.Allocate(static_cast<std::size_t>(dfa->max_states) * dfa->stride);
  dfa->masks.Allocate(static_cast<std::size_t>(Dfa::kMaxMasks) * dfa->mask_words);
  dfa->mask.assign(static_cast<std::size_t>(dfa->mask_words), 0);
  // State 0: nothing read yet, at the end of the text.
  dfa->Intern({}, kKindNone);
  return dfa;
}

void ClassRegexSet::ClassifyBytes(Dfa& dfa) const {
  // Byte classes: bytes that every set and every assertion treats alike.
  std::array<std::string, 256> signature;
  for (int b = 0; b < 256; ++b) {
    std::string& s = signature[static_cast<std::size_t>(b)];
    s.push_back(static_cast<char>(KindOf(static_cast<unsigned char>(b))));
    for (const std::bitset<256>& set : sets_) {
      s.push_back(set.test(static_cast<std::size_t>(b)) ? '1' : '0');
    }
  }
  std::unordered_map<std::string, std::uint8_t> class_ids;
  for (int b = 0; b < 256; ++b) {
    const auto [it, inserted] = class_ids.emplace(signature[static_cast<std::size_t>(b)],
                                                  static_cast<std::uint8_t>(class_ids.size()));
    dfa.class_of[static_cast<std::size_t>(b)] = it->second;
    if (inserted) {
      dfa.class_kind.push_back(KindOf(static_cast<unsigned char>(b)));
      dfa.class_byte.push_back(static_cast<std::uint8_t>(b));
    }
  }
}

void ClassRegexSet::Compile() {
  dfa_.reset();
  dfa_ = NewDfa();
  // The fingerprint of what a state's transitions are made of: the byte classes (each class's
  // kind and its membership in every byte set), the reversed program and every pattern's start.
  std::vector<std::uint32_t> words = {kStatesFormat, longest_ ? 1u : 0u, utf8_ ? 1u : 0u,
                                      dfa_->max_states};
  for (const std::uint8_t c : dfa_->class_of) words.push_back(c);
  for (const std::uint8_t k : dfa_->class_kind) words.push_back(k);
  for (const std::bitset<256>& set : sets_) {
    std::uint32_t bits = 0;
    int n = 0;
    for (const std::uint8_t b : dfa_->class_byte) {
      bits = bits << 1 | (set.test(b) ? 1u : 0u);
      if (++n % 32 == 0) words.push_back(std::exchange(bits, 0));
    }
    words.push_back(bits);
  }
  for (const Inst& inst : reverse_.insts) {
    words.push_back(static_cast<std::uint32_t>(inst.op) << 8 | inst.assertion);
    for (const std::int32_t v : {inst.x, inst.y, inst.arg}) {
      words.push_back(static_cast<std::uint32_t>(v));
    }
  }
  for (const std::int32_t start : dfa_->starts) words.push_back(static_cast<std::uint32_t>(start));
  fingerprint_ = HashBytes64(words.data(), words.size() * sizeof words[0], kStatesFormat);
}

std::size_t ClassRegexSet::dfa_states() const {
  return dfa_ ? dfa_->state_count.load(std::memory_order_relaxed) : 0;
}

// Saved states: 32-bit words in the machine's order (another order fails the magic word).
//   magic, format, fingerprint (2 words), states, masks, mask words, transitions;
//   per state after state 0: its kind, its kernel's length and the kernel (ascending);
//   per mask after mask 0: its 64-bit words (2 words each);
//   per transition built: its index in the table, its value and its mask's id;
//   a checksum of all the words before (2 words).
void ClassRegexSet::SaveStates(std::string& out) const {
  if (!dfa_) return;
  Dfa& dfa = *dfa_;
  std::lock_guard<std::mutex> lock(dfa.mutex);
  std::vector<std::uint32_t> words;
  const auto states = static_cast<std::uint32_t>(dfa.kernels.size());
  const std::size_t cells = static_cast<std::size_t>(states) * static_cast<std::size_t>(dfa.stride);
  std::uint32_t transitions = 0;
  for (std::size_t i = 0; i < cells; ++i) transitions += dfa.table.get()[i] != 0;
  words = {kStatesMagic,
           kStatesFormat,
           static_cast<std::uint32_t>(fingerprint_),
           static_cast<std::uint32_t>(fingerprint_ >> 32),
           states,
           dfa.mask_count,
           static_cast<std::uint32_t>(dfa.mask_words),
           transitions};
  for (std::uint32_t id = 1; id < states; ++id) {
    const std::vector<std::int32_t>& kernel = dfa.kernels[id];
    words.push_back(dfa.kinds[id]);
    words.push_back(static_cast<std::uint32_t>(kernel.size()));
    for (const std::int32_t pc : kernel) words.push_back(static_cast<std::uint32_t>(pc));
  }
  for (std::uint32_t id = 1; id < dfa.mask_count; ++id) {
    const std::uint64_t* bits = dfa.Mask(id);
    for (int w = 0; w < dfa.mask_words; ++w) {
      words.push_back(static_cast<std::uint32_t>(bits[w]));
      words.push_back(static_cast<std::uint32_t>(bits[w] >> 32));
    }
  }
  for (std::size_t i = 0; i < cells; ++i) {
    const std::uint32_t t = dfa.table.get()[i];
    if (t == 0) continue;
    words.push_back(static_cast<std::uint32_t>(i));
    words.push_back(t);
    words.push_back((t & Dfa::kHasMask) ? dfa.mask_of.get()[i] : 0);
  }
  const std::uint64_t checksum = HashBytes64(words.data(), words.size() * 4, kStatesMagic);
  words.push_back(static_cast<std::uint32_t>(checksum));
  words.push_back(static_cast<std::uint32_t>(checksum >> 32));
  out.append(reinterpret_cast<const char*>(words.data()), words.size() * 4);
}

bool ClassRegexSet::LoadStates(std::string_view bytes) {
  if (!dfa_ || bytes.size() % 4 != 0 || bytes.size() < 40) return false;
  const std::size_t count = bytes.size() / 4;
  std::uint32_t checksum_words[2];
  std::memcpy(checksum_words, bytes.data() + bytes.size() - 8, 8);
  if (HashBytes64(bytes.data(), bytes.size() - 8, kStatesMagic) !=
      (static_cast<std::uint64_t>(checksum_words[1]) << 32 | checksum_words[0])) {
    return false;
  }
  // Every read is checked against the words left (the checksum guards against damage, not
  // against bytes made to pass it).
  std::size_t at = 0;
  const std::size_t end = count - 2;
  bool ok = true;
  auto next = [&]() -> std::uint32_t {
    if (at >= end) {
      ok = false;
      return 0;
    }
    std::uint32_t w;
    std::memcpy(&w, bytes.data() + 4 * at++, 4);
    return w;
  };
  const std::uint32_t magic = next();
  const std::uint32_t format = next();
  const std::uint32_t low = next();
  const std::uint32_t high = next();
  if (!ok || magic != kStatesMagic || format != kStatesFormat ||
      (static_cast<std::uint64_t>(high) << 32 | low) != fingerprint_) {
    return false;
  }
  std::unique_ptr<Dfa> dfa = NewDfa();
  const std::uint32_t states = next();
  const std::uint32_t masks = next();
  const std::uint32_t mask_words = next();
  const std::uint32_t transitions = next();
  if (!ok || states == 0 || states > dfa->max_states || masks == 0 || masks > Dfa::kMaxMasks ||
      mask_words != static_cast<std::uint32_t>(dfa->mask_words)) {
    return false;
  }
  const auto instructions = static_cast<std::uint32_t>(reverse_.insts.size());
  std::vector<std::int32_t> kernel;
  for (std::uint32_t id = 1; id < states; ++id) {
    const std::uint32_t kind = next();
    const std::uint32_t size = next();
    if (!ok || kind >= kKindCount || size > end - at) return false;
    kernel.resize(size);
    if (size > 0) std::memcpy(kernel.data(), bytes.data() + 4 * at, 4 * std::size_t{size});
    at += size;
    // Instructions of the program, ascending (as unsigned: a negative one fails the last test).
    bool ascending = true;
    for (std::uint32_t k = 1; k < size; ++k) {
      ascending &= static_cast<std::uint32_t>(kernel[k - 1]) < static_cast<std::uint32_t>(kernel[k]);
    }
    if (!ascending || (size > 0 && static_cast<std::uint32_t>(kernel.back()) >= instructions) ||
        dfa->Intern(kernel, static_cast<std::uint8_t>(kind)) != id) {
      return false;
    }
  }
  std::vector<std::uint64_t> bits(mask_words);
  for (std::uint32_t id = 1; id < masks; ++id) {
    for (std::uint64_t& w : bits) {
      const std::uint32_t a = next();
      w = static_cast<std::uint64_t>(next()) << 32 | a;
    }
    // Masks of patterns that do not exist are refused (InternMask keeps no empty mask).
    const std::size_t patterns = patterns_.size();
    if (patterns % 64 != 0 && (bits.back() >> (patterns % 64)) != 0) return false;
    if (!ok || dfa->InternMask(bits) != id) return false;
  }
  const std::size_t cells = static_cast<std::size_t>(states) * static_cast<std::size_t>(dfa->stride);
  for (std::uint32_t k = 0; k < transitions; ++k) {
    const std::uint32_t index = next();
    const std::uint32_t t = next();
    const std::uint32_t mask_id = next();
    if (!ok || index >= cells || dfa->table.get()[index] != 0) return false;
    const std::uint32_t offset = (t & ~Dfa::kHasMask) - 1;  // the next state's row offset
    const bool at_end = index % static_cast<std::size_t>(dfa->stride) ==
                        static_cast<std::size_t>(dfa->classes);
    if ((t & ~Dfa::kHasMask) == 0 || offset % static_cast<std::uint32_t>(dfa->stride) != 0 ||
        offset / static_cast<std::uint32_t>(dfa->stride) >= states || (at_end && offset != 0)) {
      return false;
    }
    if ((t & Dfa::kHasMask) ? mask_id == 0 || mask_id >= masks : mask_id != 0) return false;
    dfa->table.get()[index] = t;
    dfa->mask_of.get()[index] = static_cast<std::uint16_t>(mask_id);
  }
  if (at != end) return false;
  dfa_ = std::move(dfa);
  return true;
}

void ClassRegexSet::AddStarts(std::size_t pos, const std::uint64_t* mask, Scratch& scratch) const {
  for (int w = 0; w < dfa_->mask_words; ++w) {
    std::uint64_t bits = mask[w];
    while (bits) {
      const int r = w * 64 + __builtin_ctzll(bits);
      bits &= bits - 1;
      std::vector<std::uint32_t>& list = scratch.starts[static_cast<std::size_t>(r)];
      if (list.empty()) scratch.matched.push_back(r);
      list.push_back(static_cast<std::uint32_t>(pos));
    }
  }
}

std::uint32_t ClassRegexSet::Dfa::Build(const ClassRegexSet& set, std::uint32_t state, int cls) {
  std::lock_guard<std::mutex> lock(mutex);
  std::atomic_ref<std::uint32_t> slot(Row(state)[cls]);
  std::uint32_t t = slot.load(std::memory_order_relaxed);
  if (t != 0) return t;
  const bool end = cls == classes;
  const std::uint8_t before =
      end ? std::uint8_t{kKindNone} : class_kind[static_cast<std::size_t>(cls)];
  const int byte = end ? -1 : class_byte[static_cast<std::size_t>(cls)];
  // A step from the state's kernel and every pattern's start is the union of a step from each:
  // the starts' part is made once per kind and class and merged into the kernel's.
  if (start_steps.empty()) start_steps.resize(kKindCount * static_cast<std::size_t>(stride));
  StartStep& from_starts =
      start_steps[static_cast<std::size_t>(kinds[state]) * static_cast<std::size_t>(stride) +
                  static_cast<std::size_t>(cls)];
  if (!from_starts.made) {
    from_starts.mask.assign(mask.size(), 0);
    Step(set.reverse_.insts, set.sets_, {}, starts, kinds[state], before, byte, from_starts.next,
         from_starts.mask, seen, seen_stamp, work);
    from_starts.made = true;
  }
  const std::size_t closure_at = static_cast<std::size_t>(state) * kKindCount + before;
  const std::size_t state_closures = static_cast<std::size_t>(state) * kKindCount;
  if (closures.size() < state_closures + kKindCount) {
    closures.resize(state_closures + kKindCount, nullptr);
  }
  const Closure* kept = closures[closure_at];
  if (!kept) {
    unkept.mask.assign(mask.size(), 0);
    bool asserted = false;
    Step(set.reverse_.insts, set.sets_, kernels[state], {}, kinds[state], before, kListBytes,
         next_kernel, unkept.mask, seen, seen_stamp, work, &asserted);
    unkept.edges.clear();
    for (const std::int32_t pc : next_kernel) {
      const Inst& inst = set.reverse_.insts[static_cast<std::size_t>(pc)];
      unkept.edges.emplace_back(inst.arg, inst.x);
    }
    if (closure_edges + unkept.edges.size() <= kMaxClosureEdges) {
      closure_edges += unkept.edges.size();
      kept = closure_store.emplace_back(std::make_unique<Closure>(unkept)).get();
      if (asserted) {
        closures[closure_at] = kept;
      } else {
        for (std::size_t k = 0; k < kKindCount; ++k) closures[state_closures + k] = kept;
      }
    }
  }
  const Closure& closure = kept ? *kept : unkept;
  next_kernel.clear();
  if (byte >= 0) {
    for (const auto& [byte_set, after] : closure.edges) {
      if (set.sets_[static_cast<std::size_t>(byte_set)].test(static_cast<std::size_t>(byte))) {
        next_kernel.push_back(after);
      }
    }
    std::sort(next_kernel.begin(), next_kernel.end());
    next_kernel.erase(std::unique(next_kernel.begin(), next_kernel.end()), next_kernel.end());
  }
  for (std::size_t k = 0; k < mask.size(); ++k) mask[k] = closure.mask[k] | from_starts.mask[k];
  if (!from_starts.next.empty()) {
    const std::size_t middle = next_kernel.size();
    next_kernel.insert(next_kernel.end(), from_starts.next.begin(), from_starts.next.end());
    std::inplace_merge(next_kernel.begin(),
                       next_kernel.begin() + static_cast<std::ptrdiff_t>(middle),
                       next_kernel.end());
    next_kernel.erase(std::unique(next_kernel.begin(), next_kernel.end()), next_kernel.end());
  }
  const std::int64_t mask_id = InternMask(mask);
  const std::int64_t next = end ? 0 : Intern(next_kernel, before);
  if (mask_id < 0 || next < 0) return 0;  // the cache is full
  t = static_cast<std::uint32_t>(next * stride + 1);
  if (mask_id > 0) {
    mask_of[static_cast<std::size_t>(state) * static_cast<std::size_t>(stride) +
            static_cast<std::size_t>(cls)] = static_cast<std::uint16_t>(mask_id);
    t |= kHasMask;
  }
  slot.store(t, std::memory_order_release);
  return t;
}

void ClassRegexSet::Scan(std::string_view text, Scratch& scratch) const {
  for (const int r : scratch.matched) scratch.starts[static_cast<std::size_t>(r)].clear();
  scratch.matched.clear();
  if (scratch.starts.size() < patterns_.size()) scratch.starts.resize(patterns_.size());
  scratch.cursor.assign(patterns_.size(), 0);
  bool scanned = false;
  if (text.size() <= 0xFFFFFFFFu) {  // (starts are 32-bit positions)
    if (text.size() >= kFourWalksFrom) {
      scanned = ScanInWalks<4>(text, scratch);
    } else if (text.size() >= kTwoWalksFrom) {
      scanned = ScanInWalks<2>(text, scratch);
    }
  }
  if (!scanned) ScanInOne(text, scratch);
  std::sort(scratch.matched.begin(), scratch.matched.end());
  for (const int r : scratch.matched) {
    std::vector<std::uint32_t>& list = scratch.starts[static_cast<std::size_t>(r)];
    std::reverse(list.begin(), list.end());
  }
}

void ClassRegexSet::ScanInOne(std::string_view text, Scratch& scratch) const {
  Dfa& dfa = *dfa_;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint8_t* class_of = dfa.class_of.data();
  std::uint32_t* table = dfa.table.get();
  std::uint32_t row = 0;  // the state's row offset (state 0)
  auto load = [&](std::uint32_t cls) {
    return std::atomic_ref<std::uint32_t>(table[row + cls]).load(std::memory_order_acquire);
  };
  // A step that is not the common one, at position p on class `cls` (transition `t`): the
  // transition is built if it is missing, and the patterns that start at p are listed. False when
  // the DFA's cache is full and the rest of the scan was done without it.
  auto rare_step = [&](std::size_t p, std::uint32_t cls, std::uint32_t t) {
    if (t == 0) t = dfa.Build(*this, row / static_cast<std::uint32_t>(dfa.stride), cls);
    if (t == 0) {
      const auto state = row / static_cast<std::uint32_t>(dfa.stride);
      std::vector<std::int32_t> kernel;
      std::uint8_t kind;
      {
        std::lock_guard<std::mutex> lock(dfa.mutex);
        kernel = dfa.kernels[state];
        kind = dfa.kinds[state];
      }
      ScanSlow(text, p, kernel, kind, scratch);
      return false;
    }
    if (t & Dfa::kHasMask) AddStarts(p, dfa.Mask(dfa.mask_of[row + cls]), scratch);
    row = (t & ~Dfa::kHasMask) - 1;
    return true;
  };
  // From the end of the text to its start; position p lies between s[p - 1] and s[p]. Most steps
  // go to a built state where no pattern starts: one test for both exceptions (0 wraps around to
  // the top, and the mask bit is the top bit).
  for (std::size_t p = text.size(); p > 0; --p) {
    const std::uint32_t cls = class_of[s[p - 1]];
    const std::uint32_t t = load(cls);
    if (t - 1 < Dfa::kHasMask - 1) [[likely]] {
      row = t - 1;
    } else if (!rare_step(p, cls, t)) {
      return;
    }
  }
  // The start of the text is the last column.
  const auto cls = static_cast<std::uint32_t>(dfa.classes);
  const std::uint32_t t = load(cls);
  if (t - 1 >= Dfa::kHasMask - 1) rare_step(0, cls, t);
}

template <int kWalks>
bool ClassRegexSet::ScanInWalks(std::string_view text, Scratch& scratch) const {
  // Each step waits for the one before (its load needs the state the last one found), so one
  // walk leaves the core idle most of the time. kWalks walks side by side, each over a part of
  // the text: the last part's walk starts at the end of the text as one walk would; the others
  // start in state 0 as if their part ended the text, and note their state at each position.
  // Their steps are independent and overlap. Then, part by part from the end, the walk whose
  // state is right goes on into the next part until it reaches a position where that part's walk
  // was in the same state: from there on that walk's steps are what one walk's would have been,
  // and so is its state at the end of its part. (Most states forget what lies a word or two
  // later, so the walks meet after a few steps.) Starts are given to AddStarts in the order one
  // walk finds them. False, with none given, when the DFA's cache is full (one walk then goes on
  // without it).
  Dfa& dfa = *dfa_;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint8_t* class_of = dfa.class_of.data();
  std::uint32_t* table = dfa.table.get();
  const std::size_t n = text.size();
  const std::size_t part = n / kWalks;
  // Walk j steps from position top[j] down to top[j + 1] (top[kWalks] = 0); walk 0, over the
  // end of the text, takes what the division leaves.
  std::array<std::size_t, kWalks + 1> top;
  for (int j = 0; j < kWalks; ++j) top[j] = part * static_cast<std::size_t>(kWalks - j);
  top[0] = n;
  top[kWalks] = 0;
  if (scratch.events.size() < static_cast<std::size_t>(kWalks)) scratch.events.resize(kWalks);
  for (int j = 0; j < kWalks; ++j) scratch.events[static_cast<std::size_t>(j)].clear();
  // Walks 1...: the state at each position of their parts, every one written before it is read
  // (so the vector only grows: a resize up to a larger text would clear it for nothing).
  std::vector<std::uint32_t>& rows = scratch.rows;
  if (rows.size() < top[1] + 1) rows.resize(top[1] + 1);
  auto load = [&](std::uint32_t row, std::uint32_t cls) {
    return std::atomic_ref<std::uint32_t>(table[row + cls]).load(std::memory_order_acquire);
  };
  // The uncommon step: builds a missing transition, lists a start. False when the cache is full.
  auto rare_step = [&](std::uint32_t& row, std::size_t p, std::uint32_t cls, std::uint32_t t,
                       std::vector<Scratch::Event>& events) {
    if (t == 0) t = dfa.Build(*this, row / static_cast<std::uint32_t>(dfa.stride), cls);
    if (t == 0) return false;
    if (t & Dfa::kHasMask) {
      events.push_back({static_cast<std::uint32_t>(p), dfa.mask_of[row + cls]});
    }
    row = (t & ~Dfa::kHasMask) - 1;
    return true;
  };
  auto step = [&](std::uint32_t& row, std::size_t p, std::vector<Scratch::Event>& events) {
    const std::uint32_t cls = class_of[s[p - 1]];
    const std::uint32_t t = load(row, cls);
    if (t - 1 < Dfa::kHasMask - 1) [[likely]] {
      row = t - 1;
      return true;
    }
    return rare_step(row, p, cls, t, events);
  };
  std::array<std::uint32_t, kWalks> row{};
  // Side by side over `part` steps; then walk 0 alone over the rest of its part. (The states
  // stay in registers, on which each walk's chain of loads runs. The walks' positions are one
  // index, `at`, plus a fixed offset each.)
  std::array<std::size_t, kWalks> off;
  for (int j = 0; j < kWalks; ++j) {
    off[static_cast<std::size_t>(j)] = top[static_cast<std::size_t>(j)] - part;
  }
  const unsigned char* const before = s - 1;  // before[p] = s[p - 1]
  std::uint32_t* const row_at = rows.data();
  for (std::size_t at = part; at > 0; --at) {
    const unsigned char* const byte = before + at;
    std::uint32_t* const noted = row_at + at;
    // Every walk takes its step as if it were the common one; should one not be, the steps are
    // taken again from the states before them (walk 0's kept here, the others' noted).
    const std::uint32_t row0 = row[0];
    bool common = true;
#pragma GCC unroll 4
    for (int j = 0; j < kWalks; ++j) {
      const auto k = static_cast<std::size_t>(j);
      if (j > 0) noted[off[k]] = row[k];
      const std::uint32_t t = load(row[k], class_of[byte[off[k]]]);
      common &= t - 1 < Dfa::kHasMask - 1;
      row[k] = t - 1;
    }
    if (common) [[likely]]
      continue;
#pragma GCC unroll 4
    for (int j = 0; j < kWalks; ++j) {
      const auto k = static_cast<std::size_t>(j);
      const std::size_t p = at + off[k];
      std::uint32_t r = j == 0 ? row0 : noted[off[k]];
      const std::uint32_t cls = class_of[s[p - 1]];
      const std::uint32_t t = load(r, cls);
      if (t - 1 < Dfa::kHasMask - 1) {
        r = t - 1;
      } else if (!rare_step(r, p, cls, t, scratch.events[k])) {
        return false;
      }
      row[k] = r;
    }
  }
  for (std::size_t p = top[0] - part; p > top[1]; --p) {
    if (!step(row[0], p, scratch.events[0])) return false;
  }
  std::array<std::uint32_t, kWalks> end_row = row;  // each walk's state at the end of its part
  // Part by part, the right state goes on until it meets the part's walk. `events` collects
  // the starts of the steps taken here, which come before those of the part's walk.
  std::vector<Scratch::Event>& events = scratch.events[0];
  std::uint32_t right = end_row[0];
  for (int j = 1; j < kWalks; ++j) {
    std::size_t p = top[j];
    while (p > top[j + 1] && rows[p] != right) {
      if (!step(right, p, events)) return false;
      --p;
    }
    if (p > top[j + 1]) {  // met at p: the part's walk holds from here on
      const std::vector<Scratch::Event>& own = scratch.events[static_cast<std::size_t>(j)];
      for (const Scratch::Event& e : own) {
        if (e.pos <= p) events.push_back(e);
      }
      right = end_row[static_cast<std::size_t>(j)];
    }
  }
  // The start of the text is the last column.
  const auto end_cls = static_cast<std::uint32_t>(dfa.classes);
  std::uint32_t t = load(right, end_cls);
  if (t - 1 >= Dfa::kHasMask - 1) {
    if (t == 0) t = dfa.Build(*this, right / static_cast<std::uint32_t>(dfa.stride), end_cls);
    if (t == 0) return false;
    if (t & Dfa::kHasMask) events.push_back({0, dfa.mask_of[right + end_cls]});
  }
  for (const Scratch::Event& e : events) AddStarts(e.pos, dfa.Mask(e.mask), scratch);
  return true;
}

void ClassRegexSet::ScanSlow(std::string_view text, std::size_t pos,
                             std::vector<std::int32_t>& kernel, std::uint8_t after,
                             Scratch& scratch) const {
  // What the DFA would do, without its cache, from position `pos` down to the start.
  const Dfa& dfa = *dfa_;
  scratch.mask.assign(static_cast<std::size_t>(dfa.mask_words), 0);
  std::vector<std::uint32_t> seen;
  std::uint32_t stamp = 0;
  std::vector<std::int32_t> work;
  for (std::size_t p = pos + 1; p-- > 0;) {
    const bool start = p == 0;
    const auto byte = start ? -1 : static_cast<int>(static_cast<unsigned char>(text[p - 1]));
    const std::uint8_t before = start ? kKindNone : KindOf(static_cast<unsigned char>(byte));
    Step(reverse_.insts, sets_, kernel, dfa.starts, after, before, byte, scratch.next_kernel,
         scratch.mask, seen, stamp, work);
    AddStarts(p, scratch.mask.data(), scratch);
    kernel.swap(scratch.next_kernel);
    after = before;
  }
}

std::size_t ClassRegexSet::NextStart(Scratch& scratch, int pattern, std::size_t pos) const {
  const std::vector<std::uint32_t>& list = scratch.starts[static_cast<std::size_t>(pattern)];
  std::uint32_t& cursor = scratch.cursor[static_cast<std::size_t>(pattern)];
  while (cursor < list.size() && list[cursor] < pos) ++cursor;
  return cursor < list.size() ? list[cursor] : kNone;
}

bool ClassRegexSet::HoldsForward(std::uint8_t assertion, std::string_view text,
                                 std::size_t pos) const {
  const std::uint8_t before =
      pos == 0 ? kKindNone : KindOf(static_cast<unsigned char>(text[pos - 1]));
  const std::uint8_t after =
      pos == text.size() ? kKindNone : KindOf(static_cast<unsigned char>(text[pos]));
  return Holds(assertion, before, after);
}

template <bool kMemo>
int ClassRegexSet::Backtrack(const Program& prog, std::string_view text, std::size_t start,
                             std::size_t budget, Scratch& scratch) const {
  const std::size_t slots = 2 * static_cast<std::size_t>(prog.captures + 1);
  scratch.caps.assign(slots, -1);
  bool matched = false;
  std::size_t used = 0;
  // The visited set: (instruction, position) pairs, in an open-addressing table whose entries
  // count only with this call's stamp.
  auto visit = [&](std::int32_t pc, std::size_t pos) {
    // False when (pc, pos) was visited before in this call.
    const std::uint64_t key = (static_cast<std::uint64_t>(pc) << 32) | pos;
    std::size_t mask = scratch.visited_keys.size() - 1;
    std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (scratch.visited_stamps[i] == scratch.stamp) {
      if (scratch.visited_keys[i] == key) return false;
      i = (i + 1) & mask;
    }
    scratch.visited_keys[i] = key;
    scratch.visited_stamps[i] = scratch.stamp;
    if (++used * 2 > scratch.visited_keys.size()) {
      // Grow, keeping this call's entries.
      std::vector<std::uint64_t> keys(scratch.visited_keys.size() * 2, 0);
      std::vector<std::uint32_t> stamps(keys.size(), 0);
      mask = keys.size() - 1;
      for (std::size_t k = 0; k < scratch.visited_keys.size(); ++k) {
        if (scratch.visited_stamps[k] != scratch.stamp) continue;
        std::size_t j =
            static_cast<std::size_t>((scratch.visited_keys[k] * 0x9E3779B97F4A7C15ull) >> 20) &
            mask;
        while (stamps[j] == scratch.stamp) j = (j + 1) & mask;
        keys[j] = scratch.visited_keys[k];
        stamps[j] = scratch.stamp;
      }
      scratch.visited_keys.swap(keys);
      scratch.visited_stamps.swap(stamps);
    }
    return true;
  };
  if constexpr (kMemo) {
    if (scratch.visited_keys.empty()) {
      scratch.visited_keys.assign(1024, 0);
      scratch.visited_stamps.assign(1024, 0);
    }
    if (++scratch.stamp == 0) {
      std::fill(scratch.visited_stamps.begin(), scratch.visited_stamps.end(), 0);
      scratch.stamp = 1;
    }
  }
  const std::size_t size = text.size();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<Scratch::Job>& stack = scratch.stack;
  stack.clear();
  stack.push_back({prog.start, static_cast<std::int32_t>(start)});
  std::size_t best_end = 0;
  std::size_t steps = 0;
  while (!stack.empty()) {
    const Scratch::Job job = stack.back();
    stack.pop_back();
    if (job.pc < 0) {  // restore a capture slot
      scratch.caps[static_cast<std::size_t>(-job.pc - 1)] = job.pos;
      continue;
    }
    std::int32_t pc = job.pc;
    auto pos = static_cast<std::size_t>(job.pos);
    while (true) {
      if constexpr (kMemo) {
        if (!visit(pc, pos)) break;
      } else {
        if (++steps > budget) return -1;
      }
      const Inst& inst = prog.insts[static_cast<std::size_t>(pc)];
      if (inst.op == Inst::kByte) {
        if (pos < size && sets_[static_cast<std::size_t>(inst.arg)][s[pos]]) {
          pc = inst.x;
          ++pos;
          continue;
        }
        break;
      }
      if (inst.op == Inst::kSplit) {
        // A branch that cannot read the next byte (nor end here) is left out.
        const std::int32_t fx = prog.first[static_cast<std::size_t>(inst.x)];
        const std::int32_t fy = prog.first[static_cast<std::size_t>(inst.y)];
        const bool x_ok = fx < 0 || (pos < size && sets_[static_cast<std::size_t>(fx)][s[pos]]);
        const bool y_ok = fy < 0 || (pos < size && sets_[static_cast<std::size_t>(fy)][s[pos]]);
        if (x_ok && y_ok) {
          stack.push_back({inst.y, static_cast<std::int32_t>(pos)});
          pc = inst.x;
        } else if (x_ok) {
          pc = inst.x;
        } else if (y_ok) {
          pc = inst.y;
        } else {
          break;
        }
        continue;
      }
      if (inst.op == Inst::kSave) {
        const auto slot = static_cast<std::size_t>(inst.arg);
        stack.push_back({-static_cast<std::int32_t>(slot) - 1, scratch.caps[slot]});
        scratch.caps[slot] = static_cast<std::int32_t>(pos);
        pc = inst.x;
        continue;
      }
      if (inst.op == Inst::kAssert) {
        if (!HoldsForward(inst.assertion, text, pos)) break;
        pc = inst.x;
        continue;
      }
      // kMatch: the first match in priority order, or with longest_match the first of the
      // longest.
      if (!matched || (longest_ && pos > best_end)) {
        scratch.best = scratch.caps;
        best_end = pos;
        matched = true;
      }
      if (!longest_ || pos == size) stack.clear();
      break;
    }
  }
  return matched ? 1 : 0;
}

bool ClassRegexSet::MatchAt(int pattern, std::string_view text, std::size_t start,
                            re2::StringPiece* groups, int n, Scratch& scratch) const {
  const Program& prog = patterns_[static_cast<std::size_t>(pattern)].forward;
  // Without a visited set within a budget of steps (most matches take a few dozen), then, should
  // it run out (a pattern that backtracks much), again with one: the visited set cuts only paths
  // that cannot give a better match, so the answer is the same, in time linear in the text and
  // the pattern.
  const std::size_t budget = 4 * prog.insts.size() + 256;
  int found = Backtrack<false>(prog, text, start, budget, scratch);
  if (found < 0) found = Backtrack<true>(prog, text, start, 0, scratch);
  if (found == 0) return false;
  const std::size_t slots = 2 * static_cast<std::size_t>(prog.captures + 1);
  for (int k = 0; k < n; ++k) {
    const std::size_t a = 2 * static_cast<std::size_t>(k);
    if (a + 1 < slots && scratch.best[a] >= 0 && scratch.best[a + 1] >= 0) {
      groups[k] = re2::StringPiece(text.data() + scratch.best[a],
                                   static_cast<std::size_t>(scratch.best[a + 1] - scratch.best[a]));
    } else {
      groups[k] = re2::StringPiece();
    }
  }
  return true;
}

}  // namespace nerkit::internal
