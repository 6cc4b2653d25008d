// RE2 options shared by every stage that compiles patterns.
#pragma once

#include <re2/re2.h>

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

}  // namespace nerkit::internal
