// Case folding and accent stripping with exact offsets.
//
// The folded forms of a token are copies kept beside the text (in an arena), so the original
// bytes and their offsets are never touched:
//   fold: full Unicode case folding ("MIŞRĀTAH" -> "mişrātah")
//   key:  fold, compatibility-decomposed, without accents and with apostrophes unified
//         ("mişrātah" -> "misratah", "O’Brien" -> "o'brien"); what dictionaries match on.
// ASCII tokens (most of English news) take a fast path with no ICU call and share one copy for
// both forms. The forms of other words are kept, so that a word met again (a curly quote, a
// dash, an accented name) costs a lookup instead of ICU's folding and normalisation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nerkit::text {

class Folder {
 public:
  Folder();
  ~Folder();
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;

  // Appends the fold and key of `word` (valid UTF-8) to `arena` and returns where they are:
  // arena[fold, fold + fold_len) and arena[key, key + key_len). The two may coincide.
  struct Span {
    std::uint32_t fold, fold_len, key, key_len;
  };
  Span Append(std::string_view word, std::string& arena);

  // The key of `word` as a new string (for dictionary surfaces at load time).
  std::string Key(std::string_view word);

  // At most this many non-ASCII words are kept with their forms; then the store starts again.
  static constexpr std::size_t kMaxKept = 4096;

 private:
  // Folds and keys a non-ASCII word with ICU.
  Span FoldWithIcu(std::string_view word, std::string& arena);

  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
  // Non-ASCII words met before, with their fold and key.
  struct Kept {
    std::string fold;
    std::string key;    // empty when `same`
    bool same = false;  // the key is the fold
  };
  std::unordered_map<std::string, Kept> kept_;
  std::string word_;  // the word being looked up in kept_
};

}  // namespace nerkit::text
