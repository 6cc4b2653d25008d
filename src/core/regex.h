// RE2 options shared by every stage that compiles patterns, and the search that stages use for a
// pattern the class-string automaton (core/class_regex.h) leaves to RE2.
#pragma once

#include <re2/re2.h>

#include <cstddef>

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
