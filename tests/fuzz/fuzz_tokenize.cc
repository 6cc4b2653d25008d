// The tokenizer's two ways of segmenting: arbitrary valid UTF-8 (invalid bytes are replaced as
// the pipeline replaces them) gives the same tokens, flags, marks, folds and sentences whether
// its ASCII stretches are read by the tokenizer's own rules or everything is read by ICU.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {

bool Same(const nerkit::text::TokenizedText& a, const nerkit::text::TokenizedText& b) {
  if (a.tokens.size() != b.tokens.size() || a.sentences.size() != b.sentences.size()) return false;
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const nerkit::text::Token& x = a.tokens[i];
    const nerkit::text::Token& y = b.tokens[i];
    if (x.begin != y.begin || x.end != y.end || x.flags != y.flags || x.shape != y.shape ||
        x.mark != y.mark || x.sentence != y.sentence || a.Fold(x) != b.Fold(y) ||
        a.Key(x) != b.Key(y)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    if (a.sentences[i].token_begin != b.sentences[i].token_begin ||
        a.sentences[i].token_end != b.sentences[i].token_end) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static nerkit::text::Tokenizer tokenizer;
  static nerkit::text::TokenizedText fast, icu;
  static std::string text;
  nerkit::text::SanitizeInto(std::string_view(reinterpret_cast<const char*>(data), size), text);
  tokenizer.Tokenize(text, fast);
  tokenizer.TokenizeWithIcu(text, icu);
  NERKIT_FUZZ_CHECK(Same(fast, icu));
  return 0;
}
