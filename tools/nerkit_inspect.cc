// nerkit-inspect: shows how the pipeline sees a text, for people writing rules and dictionaries.
// For every sentence: its tokens with shape, class symbol and the dictionary types they match,
// then the class string the rules run over, then every candidate of every stage.
//
//   echo "Brig. Gen. Mohammed al-Ghasri said" | nerkit-inspect [--dictionaries DIR]
#include <iostream>
#include <iterator>
#include <string>

#include "core/model.h"
#include "nerkit/nerkit.h"

int main(int argc, char** argv) {
  nerkit::LoadOptions load;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--dictionaries") load.dictionaries = argv[i + 1];
  }
  try {
    const nerkit::Extractor extractor = nerkit::Extractor::Load(load);
    const nerkit::Extractor::Model& model = extractor.model();
    const std::string text((std::istreambuf_iterator<char>(std::cin)),
                           std::istreambuf_iterator<char>());
    nerkit::internal::Scratch scratch;
    nerkit::internal::Document& doc = scratch.doc;
    doc.Reset(text);
    model.FindCandidates(scratch, std::nullopt);
    const auto& tokens = doc.tokens();
    std::size_t s = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i == 0 || tokens[i].sentence != tokens[i - 1].sentence) {
        std::cout << "--- sentence " << tokens[i].sentence << "\n";
      }
      while (s < doc.symbol_token.size() && (doc.symbols[s] == '\n' || doc.symbol_token[s] < i))
        ++s;
      std::string types;
      for (int t = 0; t < nerkit::internal::kEntryTypeCount; ++t) {
        if (doc.lexical[i] & (1u << t)) {
          types += std::string(nerkit::internal::EntryTypeName(
                       static_cast<nerkit::internal::EntryType>(t))) +
                   " ";
        }
      }
      std::cout << "  " << doc.TokenText(tokens[i]) << "\t"
                << nerkit::text::ShapeName(tokens[i].shape) << "\t"
                << (s < doc.symbols.size() ? doc.symbols[s] : ' ') << "\t" << types << "\n";
    }
    std::cout << "class string: ";
    for (char c : doc.symbols) std::cout << (c == '\n' ? '|' : c);
    std::cout << "\ncandidates:\n";
    for (const auto& c : doc.candidates) {
      std::string source;
      if (c.origin == nerkit::internal::Origin::kRule)
        source = model.rules.rule(c.ref).id;
      else if (c.origin == nerkit::internal::Origin::kDate)
        source = model.dates.rule(c.ref).id;
      else
        source = "dictionary";
      std::cout << "  " << c.begin << "-" << c.end << "\t"
                << (c.veto    ? "NONE"
                    : c.typed ? std::string(nerkit::LabelName(c.label))
                              : "NAME")
                << "\t" << c.priority << "\t" << text.substr(c.begin, c.end - c.begin) << "\t"
                << source << (c.value.empty() ? "" : "\t" + c.value) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "nerkit-inspect: " << e.what() << "\n";
    return 2;
  }
}
