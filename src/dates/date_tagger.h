// The dates stage: time expressions found by RE2 rules (rule files, labels DATE, TIME, DURATION,
// SET) and normalized to TIMEX3 values against the document's reference date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/document.h"
#include "nerkit/date.h"
#include "rules/rule_file.h"

namespace nerkit::internal {

class DateTagger {
 public:
  DateTagger();
  ~DateTagger();
  DateTagger(DateTagger&&) noexcept;
  DateTagger& operator=(DateTagger&&) noexcept;

  // Compiles the time rules (RuleSpec::IsTimeRule()). Throws LoadError naming the rule's file,
  // line and id for an invalid pattern.
  void Compile(std::vector<RuleSpec> rules);

  // Decides the reference date (the caller's, else one found in the document's dateline or first
  // lines) into doc.reference_date / doc.reference_source, then appends a candidate (origin
  // kDate) with its value and anchor for every time expression.
  void Run(Document& doc, const std::optional<CivilDate>& caller_reference) const;

  std::size_t size() const;
  const RuleSpec& rule(std::uint32_t index) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nerkit::internal
