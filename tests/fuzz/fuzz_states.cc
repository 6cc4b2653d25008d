// Saved DFA states (ClassRegexSet::LoadStates) as a damaged or hostile cache file would give
// them: the states one set built over fixed texts, changed by the input (words overwritten,
// the end cut or extended) and sealed again with a valid checksum, so that every check past the
// checksum is reached. Whatever is taken, taking it and scanning with it never reads out of
// bounds or stops the process; states that are refused leave the set as it was, and it still
// matches as a set that never saw them.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/class_regex.h"
#include "core/image_io.h"
#include "fuzz_common.h"

namespace {

using nerkit::internal::ClassRegexSet;

const std::vector<std::string>& Patterns() {
  static const std::vector<std::string> patterns = {
      "T+(C+)", "\\bC(?:[ab]|d)*\\z", "(?m)^a+$", "(x|y)?C{2,3}", "(?P<n>[^\\n]+)\\n", "a.*?b"};
  return patterns;
}

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = {
      "TTCCC a ab\nCab aab", "xCC yCCC\nab\nTCa", "a\naa\nTTTC ba", "Cdd\nCCC\nx"};
  return texts;
}

void Compile(ClassRegexSet& set) {
  for (const std::string& p : Patterns()) NERKIT_FUZZ_CHECK(set.Add(p) >= 0);
  set.Compile();
}

// Every start and match of every pattern over the texts.
std::string Describe(const ClassRegexSet& set) {
  std::string out;
  ClassRegexSet::Scratch scratch;
  re2::StringPiece groups[3];
  for (const std::string& text : Texts()) {
    set.Scan(text, scratch);
    for (int p = 0; p < static_cast<int>(set.size()); ++p) {
      const int n = std::min(set.CaptureCount(p) + 1, 3);
      for (std::size_t s = set.NextStart(scratch, p, 0); s != ClassRegexSet::kNone;
           s = set.NextStart(scratch, p, s + 1)) {
        if (set.MatchAt(p, text, s, groups, n, scratch)) {
          out += std::to_string(p) + ":" + std::to_string(s) + "+" +
                 std::to_string(groups[0].size()) + " ";
        }
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string saved = [] {
    ClassRegexSet set(false);
    Compile(set);
    (void)Describe(set);
    std::string bytes;
    set.SaveStates(bytes);
    return bytes;
  }();
  static const std::string expected = [] {
    ClassRegexSet set(false);
    Compile(set);
    return Describe(set);
  }();
  if (size < 1) return 0;
  // The first byte: how many words to cut from the end (low nibble) or add (high nibble).
  std::string bytes = saved.substr(0, saved.size() - 8);
  const std::size_t cut = std::min<std::size_t>(data[0] & 15, bytes.size() / 4);
  bytes.resize(bytes.size() - 4 * cut);
  bytes.append(4 * std::size_t{static_cast<unsigned>(data[0] >> 4)}, '\0');
  // Then edits of five bytes: a word's index (two bytes; counted from the end when its top bit
  // is set, so that the transitions at the end are reached as often as the header) and its new
  // value (three bytes, the top one's sign extended: small numbers and -1, -2... alike).
  for (std::size_t at = 1; at + 5 <= size && !bytes.empty(); at += 5) {
    const unsigned index = static_cast<unsigned>(data[at]) << 8 | data[at + 1];
    const std::size_t words = bytes.size() / 4;
    const std::size_t word =
        (index & 0x8000) ? words - 1 - (index & 0x7FFF) % words : (index & 0x7FFF) % words;
    std::uint32_t value = static_cast<std::uint32_t>(data[at + 2]) |
                          static_cast<std::uint32_t>(data[at + 3]) << 8 |
                          static_cast<std::uint32_t>(data[at + 4]) << 16;
    if (data[at + 4] & 0x80) value |= 0xFF000000u;
    std::memcpy(bytes.data() + 4 * word, &value, 4);
  }
  const std::uint64_t checksum =
      nerkit::internal::HashBytes64(bytes.data(), bytes.size(), ClassRegexSet::kStatesMagic);
  bytes.append(reinterpret_cast<const char*>(&checksum), 8);

  ClassRegexSet set(false);
  Compile(set);
  if (set.LoadStates(bytes)) {
    NERKIT_FUZZ_CHECK(set.dfa_states() >= 1);
    (void)Describe(set);  // hostile states may mislead the matches; they must not crash
  } else {
    NERKIT_FUZZ_CHECK(set.dfa_states() == 1);
    NERKIT_FUZZ_CHECK(Describe(set) == expected);
  }
  return 0;
}
