#include "resolve/confidence.h"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

#include "nerkit/error.h"

namespace nerkit::internal {

int ConfidenceFeatureIndex(std::string_view name) {
  for (std::size_t i = 0; i < kConfidenceFeatureCount; ++i) {
    if (kConfidenceFeatures[i] == name) return static_cast<int>(i);
  }
  return -1;
}

ConfidenceModel ConfidenceModel::Parse(const SourceFile& file) {
  ConfidenceModel model;
  std::array<bool, kConfidenceFeatureCount> seen{};
  ForEachLine(file.content, [&](std::size_t number, std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      throw LoadError(file.name, number, 1, "expected `feature<TAB>weight`");
    }
    const std::string_view name = line.substr(0, tab);
    const std::string_view number_text = line.substr(tab + 1);
    const int index = ConfidenceFeatureIndex(name);
    if (index < 0) {
      throw LoadError(file.name, number, 1, "unknown feature \"" + std::string(name) + "\"");
    }
    if (seen[static_cast<std::size_t>(index)]) {
      throw LoadError(file.name, number, 1, "feature \"" + std::string(name) + "\" given twice");
    }
    seen[static_cast<std::size_t>(index)] = true;
    double weight = 0;
    const char* first = number_text.data();
    const char* last = first + number_text.size();
    const auto [ptr, ec] = std::from_chars(first, last, weight);
    if (ec != std::errc() || ptr != last || !std::isfinite(weight)) {
      throw LoadError(file.name, number, tab + 2,
                      "expected a number, got \"" + std::string(number_text) + "\"");
    }
    model.weights_[static_cast<std::size_t>(index)] = weight;
  });
  model.loaded_ = true;
  return model;
}

double ConfidenceModel::Score(const FeatureVector& features) const {
  if (!loaded_) return 1.0;
  double z = 0;
  for (std::uint64_t m = features.nonzero(); m != 0; m &= m - 1) {
    const auto i = static_cast<std::size_t>(__builtin_ctzll(m));
    z += weights_[i] * features[i];
  }
  // Weights so large that their terms overflow and cancel (inf - inf) say nothing either way.
  if (std::isnan(z)) return 0.5;
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace nerkit::internal
