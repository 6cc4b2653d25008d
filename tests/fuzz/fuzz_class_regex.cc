// The class-string automaton against RE2: the first byte chooses leftmost-first or
// leftmost-longest, a small DFA cache, and Latin-1 or UTF-8 (the text then made valid UTF-8 as
// the pipeline makes it); the bytes up to the first NUL are a pattern, the rest a text. When RE2
// and the automaton both read the pattern, every match in turn and every group are the same.
// Latin-1 patterns hold ASCII only: Debian's RE2 (2022-06-01) misses matches of alternations of
// non-ASCII Latin-1 literals such as "\xc3|\xc3\xc3" (class_regex_test has the case), where
// the automaton is right. The same RE2 reads a class of one letter in both cases ("[aA]") as that
// letter ignoring case, and an alternation that merges it with a class already holding one of the
// two loses the other ("[ab]|[aA]" misses "A", google/re2 issue 467, fixed after 2022-06-01):
// patterns with such a class are not compared.
#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/class_regex.h"
#include "core/regex.h"
#include "fuzz_common.h"
#include "text/utf8.h"

namespace {

// Whether `pattern` holds a bracket class whose members are one ASCII letter in both cases and
// nothing else (RE2 reads it with `options`). Classes are found as RE2's parser finds them: a
// "]" first in the class is a member, a backslash escapes the next character.
bool HasCasePairClass(const std::string& pattern, const RE2::Options& options) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '[') continue;
    std::size_t j = i + 1;
    if (j < pattern.size() && pattern[j] == '^') ++j;
    if (j < pattern.size() && pattern[j] == ']') ++j;
    while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
    if (j >= pattern.size()) return false;
    const RE2 cls(pattern.substr(i, j + 1 - i), options);
    std::string low, high;
    if (cls.ok() && cls.PossibleMatchRange(&low, &high, 4) && low.size() == 1 && high.size() == 1 &&
        low[0] >= 'A' && low[0] <= 'Z' && high[0] == low[0] + ('a' - 'A')) {
      bool inside = false;
      for (char c = static_cast<char>(low[0] + 1); c < high[0]; ++c) {
        inside = inside || RE2::FullMatch(std::string(1, c), cls);
      }
      if (!inside) return true;
    }
    i = j;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const bool longest = (data[0] & 1) != 0;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t nul = rest.find('\0');
  if (nul == std::string::npos || nul > 200) return 0;
  const bool utf8 = (data[0] & 4) != 0;
  const std::string pattern = rest.substr(0, nul);
  std::string text = rest.substr(nul + 1);
  if (utf8) {
    std::string valid;
    nerkit::text::SanitizeInto(text, valid);
    text = valid;
  } else {
    for (const char c : pattern) {
      if (static_cast<unsigned char>(c) >= 0x80) return 0;
    }
  }
  RE2::Options options = nerkit::internal::RegexOptions(/*latin1=*/!utf8);
  options.set_longest_match(longest);
  options.set_max_mem(8 << 20);
  const RE2 re(pattern, options);
  if (!re.ok() || HasCasePairClass(pattern, options)) return 0;
  nerkit::internal::ClassRegexSet set(longest, (data[0] & 2) ? 3 : 1000, utf8);
  const int index = set.Add(pattern);
  if (index < 0) return 0;
  set.Compile();
  const int n = re.NumberOfCapturingGroups() + 1;
  NERKIT_FUZZ_CHECK(set.CaptureCount(index) + 1 == n);
  nerkit::internal::ClassRegexSet::Scratch scratch;
  set.Scan(text, scratch);
  std::vector<re2::StringPiece> want(static_cast<std::size_t>(n)), got(static_cast<std::size_t>(n));
  std::size_t pos = 0;
  const re2::StringPiece all(text);
  while (true) {
    const bool found =
        pos <= text.size() && re.Match(all, pos, text.size(), RE2::UNANCHORED, want.data(), n);
    const std::size_t start = set.NextStart(scratch, index, pos);
    NERKIT_FUZZ_CHECK(found == (start != nerkit::internal::ClassRegexSet::kNone));
    if (!found) break;
    NERKIT_FUZZ_CHECK(set.MatchAt(index, text, start, got.data(), n, scratch));
    for (int k = 0; k < n; ++k) {
      NERKIT_FUZZ_CHECK(want[static_cast<std::size_t>(k)].data() ==
                        got[static_cast<std::size_t>(k)].data());
      NERKIT_FUZZ_CHECK(want[static_cast<std::size_t>(k)].size() ==
                        got[static_cast<std::size_t>(k)].size());
    }
    pos = static_cast<std::size_t>(want[0].data() - text.data()) +
          std::max<std::size_t>(want[0].size(), 1);
  }
  return 0;
}
