#include <nerkit/nerkit.h>

#include <iostream>

int main() {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();  // default dictionaries
  const auto result = extractor.Extract("BENGHAZI, Libya (AP) - Fighters entered Sirte on Friday.");
  for (const nerkit::Entity& e : result.entities)
    std::cout << nerkit::LabelName(e.label) << '\t' << e.start << '-' << e.end << '\t' << e.text << '\n';
}
