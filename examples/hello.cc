// The ten-line example of the README: load the default dictionaries, print the entities of a text.
#include <nerkit/nerkit.h>

#include <iostream>

int main() {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  const nerkit::Result result = extractor.Extract(
      "BENGHAZI, Libya (AP) — Fighters entered Sirte on Friday, Ahmed Hadiya said.");
  for (const nerkit::Entity& e : result.entities)
    std::cout << e.label << '\t' << e.start << '-' << e.end << '\t' << e.text << '\t' << e.value
              << '\n';
}
