// Many regular expressions over a token class string, matched in one pass.
//
// WHAT THIS IS
//   The rule and date stages write each document as a class string, one byte per token or piece,
//   and their rules are RE2 patterns over it (a few rules read the text itself: UTF-8 mode).
//   Matching those patterns one by one costs a search per rule and per match, each with RE2's fixed
//   cost, and the class string is read again for every rule. A ClassRegexSet reads the part of
//   RE2's syntax that class-string rules use (bytes and byte classes, `.`, groups, named groups,
//   alternation, greedy and lazy repetition with counts, ^ $ \A \z \b \B, the flags m and s) and
//   finds where every one of its patterns can start a match in ONE backward pass of a shared DFA
//   over the string. The match at such a start, with its groups, comes from a backtracking matcher
//   over the pattern's own program, anchored there and bounded by a visited set (linear in the text
//   and the pattern), which gives RE2's answer: Perl's leftmost-first submatches, or with
//   `longest_match` the leftmost-longest match and the first submatches (in RE2's priority order)
//   that give it. RE2 still checks every pattern at load time; a pattern that uses anything else
//   (\p, (?i), \Q, an empty loop) is refused by Add, and its stage keeps matching it with RE2.
//
//     ClassRegexSet set(/*longest_match=*/false);
//     int title = set.Add("T+(C+)");
//     set.Compile();
//     ClassRegexSet::Scratch scratch;
//     set.Scan(symbols, scratch);                  // every pattern's starts, one pass
//     for (std::size_t s = set.NextStart(scratch, title, 0); s != ClassRegexSet::kNone; ...) {
//       set.MatchAt(title, symbols, s, groups, 2, scratch);  // groups[0], groups[1]
//       ...
//     }
//
// THREAD SAFETY
//   Add and Compile are not thread-safe. After Compile, the const methods may run on any number
//   of threads at once, each with its own Scratch. The DFA is built lazily, state by state, as
//   texts need them, and shared by all threads: a state or transition once built is published
//   with release/acquire atomics and read without a lock; building one takes a mutex. At most
//   kMaxStates states are kept (news text needs a few thousand); a scan that needs more goes on
//   without the cache, slower, to the same result.
#pragma once

#include <re2/stringpiece.h>

#include <atomic>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nerkit::internal {

class ClassRegexSet {
 public:
  static constexpr std::size_t kNone = ~std::size_t{0};
  // The DFA's cache holds at most this many states (a few hundred bytes each).
  static constexpr std::uint32_t kMaxStates = (1u << 16) - 1;
  // Texts of this many bytes and more are scanned by two (four) walks of the DFA side by side.
  static constexpr std::size_t kTwoWalksFrom = 64;
  static constexpr std::size_t kFourWalksFrom = 256;

  // `max_states` (at most kMaxStates) bounds the DFA's cache. With `utf8`, patterns and texts
  // are UTF-8, as with RE2's default encoding (texts must be valid UTF-8; \w, \d, \s and \b are
  // ASCII, as in RE2); else Latin-1, one character a byte.
  explicit ClassRegexSet(bool longest_match, std::uint32_t max_states = kMaxStates,
                         bool utf8 = false);
  ~ClassRegexSet();
  ClassRegexSet(const ClassRegexSet&) = delete;
  ClassRegexSet& operator=(const ClassRegexSet&) = delete;

  // Adds a pattern (Latin-1: one byte, one character) and returns its index (0, 1, ...), or -1
  // when the pattern uses syntax this engine does not read or is not valid. Before Compile.
  int Add(std::string_view pattern);
  void Compile();

  std::size_t size() const { return patterns_.size(); }
  // Number of capturing groups of a pattern (as RE2 counts them).
  int CaptureCount(int pattern) const;

  // Per-thread working state of Scan and MatchAt, reused from one text to the next.
  struct Scratch {
    std::vector<std::vector<std::uint32_t>> starts;  // per pattern, ascending
    std::vector<std::uint32_t> cursor;               // per pattern, into starts
    std::vector<int> matched;                        // patterns with a start, ascending
    // The backtracker's stack, visited set and capture slots.
    struct Job {
      std::int32_t pc;
      std::int32_t pos;  // or, for pc < 0, the slot's value to restore
    };
    std::vector<Job> stack;
    std::vector<std::uint64_t> visited_keys;
    std::vector<std::uint32_t> visited_stamps;
    std::uint32_t stamp = 0;
    std::vector<std::int32_t> caps;
    std::vector<std::int32_t> best;
    // Slow path of Scan (beyond the DFA's cache).
    std::vector<std::int32_t> kernel, next_kernel;
    std::vector<std::uint64_t> mask;
    // Scan in several walks: the starts each found (position, mask id) and their states.
    struct Event {
      std::uint32_t pos;
      std::uint32_t mask;
    };
    std::vector<std::vector<Event>> events;  // per walk
    std::vector<std::uint32_t> rows;
  };

  // Finds every position of `text` where a match of each pattern starts (the text before and
  // after a position counts for ^, $ and \b). Then Matched() lists the patterns that have one.
  void Scan(std::string_view text, Scratch& scratch) const;
  const std::vector<int>& Matched(const Scratch& scratch) const { return scratch.matched; }
  // The first start of `pattern` at or after `pos` (found by the last Scan), or kNone. Calls for
  // one pattern must come with `pos` not decreasing.
  std::size_t NextStart(Scratch& scratch, int pattern, std::size_t pos) const;

  // The match of `pattern` that starts at `start` (a start Scan found, in the same text), as RE2
  // gives it: groups[0] the whole match, groups[k] the k-th capturing group (a null piece when
  // it took no part), for k < n. False if there is none (only when `start` is no start).
  bool MatchAt(int pattern, std::string_view text, std::size_t start, re2::StringPiece* groups,
               int n, Scratch& scratch) const;

  // How many DFA states are built (for tests and benchmarks).
  std::size_t dfa_states() const;

  // The DFA's states and transitions built so far, appended to `out` as bytes that LoadStates
  // takes back in another process: a program that starts often (a command-line run, a worker
  // that loads its own extractor) need not build again the states its predecessors built. The
  // bytes name the compiled patterns they were built for and end with a checksum. May run while
  // other threads Scan.
  void SaveStates(std::string& out) const;
  // Saved states begin with this 32-bit word and end with HashBytes64 (core/image_io.h) of the
  // bytes before, seeded with it.
  static constexpr std::uint32_t kStatesMagic = 0x5344464Eu;
  // Takes states that SaveStates wrote for exactly these compiled patterns (same patterns, same
  // order, same options) in place of the states built so far; false, changing nothing, for
  // bytes of other patterns, of another format, damaged or truncated. After Compile, before any
  // Scan.
  bool LoadStates(std::string_view bytes);

 private:
  struct Inst {
    enum Op : std::uint8_t { kByte, kSplit, kSave, kAssert, kMatch };
    Op op = kMatch;
    std::uint8_t assertion = 0;
    std::int32_t x = -1;    // next
    std::int32_t y = -1;    // kSplit: the other branch (lower priority)
    std::int32_t arg = -1;  // kByte: index of its byte set; kSave: slot; kMatch: pattern
  };
  struct Program {
    std::vector<Inst> insts;
    std::int32_t start = -1;
    int captures = 0;
    // Per instruction: the bytes a path from it can read first, as an index into sets_, or -1
    // when a path from it can reach an assertion or the match without reading (it can then not
    // be ruled out by the next byte). The backtracker leaves a branch whose first bytes do not
    // hold the next byte.
    std::vector<std::int32_t> first;
  };
  struct Pattern {
    Program forward;            // with saves, for MatchAt
    std::int32_t reverse = -1;  // start in reverse_ (no saves), ends in kMatch(pattern)
  };
  struct Dfa;
  // A DFA with no state built but the first (the byte classes: those of dfa_ if there is one).
  std::unique_ptr<Dfa> NewDfa() const;
  void ClassifyBytes(Dfa& dfa) const;

  // The match of `prog` at `start` into scratch.best: 1, or 0 if none, or -1 when more than
  // `budget` steps were needed (kMemo: with a visited set, no budget).
  template <bool kMemo>
  int Backtrack(const Program& prog, std::string_view text, std::size_t start, std::size_t budget,
                Scratch& scratch) const;
  bool HoldsForward(std::uint8_t assertion, std::string_view text, std::size_t pos) const;
  void ScanSlow(std::string_view text, std::size_t pos, std::vector<std::int32_t>& kernel,
                std::uint8_t after, Scratch& scratch) const;
  void AddStarts(std::size_t pos, const std::uint64_t* mask, Scratch& scratch) const;
  // Scan's two ways: one walk of the DFA, or kWalks side by side (false when the DFA's cache
  // filled up, having found nothing).
  void ScanInOne(std::string_view text, Scratch& scratch) const;
  template <int kWalks>
  bool ScanInWalks(std::string_view text, Scratch& scratch) const;

  bool longest_;
  std::uint32_t max_states_;
  bool utf8_;
  std::vector<Pattern> patterns_;
  std::vector<std::bitset<256>> sets_;  // byte sets of kByte instructions (both programs)
  Program reverse_;                     // every pattern's reversed program, one instruction list
  std::unique_ptr<Dfa> dfa_;
  // A hash of everything the DFA's states depend on (the reversed programs, their byte sets, the
  // byte classes, the options), set by Compile: saved states are taken only by the same one.
  std::uint64_t fingerprint_ = 0;
};

}  // namespace nerkit::internal
