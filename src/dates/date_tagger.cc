#include "dates/date_tagger.h"

#include <re2/re2.h>

#include "core/regex.h"
#include "nerkit/error.h"

namespace nerkit::internal {

struct DateTagger::Impl {
  std::vector<RuleSpec> specs;
  std::vector<std::unique_ptr<RE2>> res;
};

DateTagger::DateTagger() : impl_(std::make_unique<Impl>()) {}
DateTagger::~DateTagger() = default;
DateTagger::DateTagger(DateTagger&&) noexcept = default;
DateTagger& DateTagger::operator=(DateTagger&&) noexcept = default;

std::size_t DateTagger::size() const { return impl_->specs.size(); }
const RuleSpec& DateTagger::rule(std::uint32_t index) const { return impl_->specs[index]; }

void DateTagger::Compile(std::vector<RuleSpec> rules) {
  for (RuleSpec& spec : rules) {
    auto re = std::make_unique<RE2>(spec.pattern, RegexOptions(false));
    if (!re->ok()) {
      throw LoadError(spec.file, spec.line, spec.pattern_column,
                      "rule \"" + spec.id + "\": invalid pattern: " + re->error());
    }
    impl_->res.push_back(std::move(re));
    impl_->specs.push_back(std::move(spec));
  }
}

void DateTagger::Run(Document& doc, const std::optional<CivilDate>& caller_reference) const {
  if (caller_reference) {
    doc.reference_date = caller_reference;
    doc.reference_source = "caller";
  }
  (void)doc;
}

}  // namespace nerkit::internal
