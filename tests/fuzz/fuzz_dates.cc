// Time expressions and their normalisation against arbitrary reference dates: the first four
// bytes make the reference date (any year 1-9999), the rest is text; values are never longer
// than the text could justify and results keep the invariants of fuzz_common.h.
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_common.h"

namespace {
std::optional<nerkit::Extractor> extractor;
nerkit::Workspace* workspace = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor = nerkit::Extractor::Load();
  workspace = new nerkit::Workspace();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const int year = 1 + ((data[0] << 8 | data[1]) % 9999);
  const int month = 1 + data[2] % 12;
  const int day = 1 + data[3] % nerkit::DaysInMonth(year, month);
  const std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);
  nerkit::ExtractOptions options;
  options.reference_date = nerkit::CivilDate{year, month, day};
  options.labels = nerkit::LabelSet{nerkit::Label::kDate, nerkit::Label::kTime,
                                    nerkit::Label::kDuration, nerkit::Label::kSet};
  const nerkit::Result r = extractor->Extract(text, options, *workspace);
  nerkit_fuzz::CheckResult(text, r);
  for (const nerkit::Entity& e : r.entities) {
    NERKIT_FUZZ_CHECK(e.value.size() < 64);
    NERKIT_FUZZ_CHECK(nerkit::CountInvalidUtf8(e.value) == 0);
  }
  return 0;
}
