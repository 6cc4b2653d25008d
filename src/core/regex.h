// RE2 options shared by every stage that compiles patterns.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nerkit::internal {

// Patterns over text: UTF-8, errors returned (never logged), at most 64 MiB of DFA memory each.
// Patterns over the token class string: Latin-1 (one byte per symbol), otherwise the same.
inline RE2::Options RegexOptions(bool latin1) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  options.set_encoding(latin1 ? RE2::Options::EncodingLatin1 : RE2::Options::EncodingUTF8);
  return options;
}

// Which of many patterns match a text, in one pass per group of patterns.
//
// An RE2::Set runs one DFA over the text whose states stand for every pattern at once; such a
// DFA is built lazily, state by state, as texts need them, and with many patterns each new
// document meets states no document before it did: over the first thousand news documents of a
// process, building states costs more than all the rest of the extraction. Patterns are
// therefore put to several Sets of at most `per_set` patterns each, in the order added, each
// with far fewer states to build, for a few more passes over the text once every state is built
// (callgrind, Extract with Sets of 16 instead of one per stage: 42% fewer instructions over the
// first 1000 documents, 17% fewer over 5476, 4.6% more on documents seen before; see the
// README). The constructor is told how many patterns will come (`patterns`) so that the Sets
// share the memory bound of `options`: each has its part, at least 8 MiB.
// Immutable after Compile(); Match() is const and thread-safe.
class PatternSet {
 public:
  static constexpr std::size_t kPatternsPerSet = 16;

  PatternSet(const RE2::Options& options, RE2::Anchor anchor, std::size_t patterns,
             std::size_t per_set = kPatternsPerSet)
      : options_(options), anchor_(anchor), per_set_(std::max<std::size_t>(per_set, 1)) {
    const std::size_t sets = std::max<std::size_t>((patterns + per_set_ - 1) / per_set_, 1);
    options_.set_max_mem(
        std::max<std::int64_t>(options.max_mem() / static_cast<std::int64_t>(sets), 8 << 20));
  }

  // Adds `pattern`; its index (0, 1, ...), or -1 with RE2's message in `error`.
  int Add(const std::string& pattern, std::string* error) {
    if (sets_.size() * per_set_ == size_) {  // the last Set is full (a failed Add adds none)
      sets_.push_back(std::make_unique<RE2::Set>(options_, anchor_));
    }
    if (sets_.back()->Add(pattern, error) < 0) return -1;
    return static_cast<int>(size_++);
  }
  // False when a Set exceeds RE2's memory bound.
  bool Compile() {
    for (const auto& set : sets_) {
      if (!set->Compile()) return false;
    }
    return true;
  }
  std::size_t size() const { return size_; }

  // Which patterns match `text`, into `hits` (sorted); whether any does. Should a Set's DFA run
  // out of memory (a pathological text), every pattern of that Set is reported: each then runs
  // on its own, so the stage is slower but loses nothing.
  bool Match(re2::StringPiece text, std::vector<int>& hits) const {
    hits.clear();
    thread_local std::vector<int> part;
    for (std::size_t k = 0; k < sets_.size(); ++k) {
      const int first = static_cast<int>(k * per_set_);
      const int count = static_cast<int>(std::min(per_set_, size_ - k * per_set_));
      part.clear();
      RE2::Set::ErrorInfo error;
      if (sets_[k]->Match(text, &part, &error)) {
        std::sort(part.begin(), part.end());
        for (const int h : part) hits.push_back(first + h);
      } else if (error.kind != RE2::Set::kNoError) {
        for (int h = 0; h < count; ++h) hits.push_back(first + h);
      }
    }
    return !hits.empty();
  }

 private:
  RE2::Options options_;
  RE2::Anchor anchor_;
  std::size_t per_set_;
  std::size_t size_ = 0;
  std::vector<std::unique_ptr<RE2::Set>> sets_;
};

// The next match of `re` in text[pos, text.size()), with its first `n` groups (group 0, the
// whole match, included) into `groups`. RE2's DFA finds where the match lies; only then do its
// slower capture engines run, on the match alone (the text around it still decides \b, ^ and $).
// (One call asking for the groups at once does the same work: callgrind counts the same
// instructions for the whole extraction either way.)
inline bool MatchGroups(const RE2& re, re2::StringPiece text, std::size_t pos,
                        re2::StringPiece* groups, int n) {
  if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, 1)) return false;
  if (n <= 1) return true;
  const auto b = static_cast<std::size_t>(groups[0].data() - text.data());
  return re.Match(text, b, b + groups[0].size(), RE2::ANCHOR_BOTH, groups, n);
}

}  // namespace nerkit::internal
