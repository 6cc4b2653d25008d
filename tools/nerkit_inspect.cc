// nerkit-inspect: shows how the pipeline sees a text, for people writing rules and dictionaries.
// For every sentence: its tokens with shape, class symbol and the dictionary types they match,
// then the class string the rules run over, then every candidate of every stage.
//
//   echo "Brig. Gen. Mohammed al-Ghasri said" | nerkit-inspect [--dictionaries DIR] [--extra F]
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "nerkit/nerkit.h"
#include "pipeline/model.h"

namespace {

// Text for one output field: tabs, line breaks and other control characters written as escapes,
// so that every token and candidate stays on its line.
std::string Field(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "nerkit-inspect: how the pipeline sees a text (tokens, class symbols, dictionary types,\n"
      "the class string and every candidate of every stage), for people writing rules and\n"
      "dictionaries. Reads the file given, or standard input.",
      "nerkit-inspect"};
  nerkit::LoadOptions load;
  std::string dictionaries;
  std::vector<std::string> extra;
  std::string input = "-";
  bool no_cache = false;
  app.add_option("file", input, "Input text file ('-' for standard input)");
  app.add_option("--dictionaries", dictionaries, "Dictionary folder (default: the library's)");
  app.add_option("--extra", extra, "Extra dictionary (.tsv) or rule (.rules) file; repeatable")
      ->allow_extra_args(false);
  app.add_flag("--no-cache", no_cache, "Parse the dictionaries from their text files");
  CLI11_PARSE(app, argc, argv);
  load.dictionaries = dictionaries;
  for (const std::string& f : extra) load.extra_files.emplace_back(f);
  load.use_cache = !no_cache;
  try {
    const nerkit::Extractor extractor = nerkit::Extractor::Load(load);
    const nerkit::Extractor::Model& model = extractor.model();
    std::string text;
    if (input == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(input, std::ios::binary);
      if (!in) {
        std::cerr << "nerkit-inspect: cannot open " << input << "\n";
        return 2;
      }
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    nerkit::internal::Scratch scratch;
    nerkit::internal::Document& doc = scratch.doc;
    doc.Reset(text);
    // Every stage that finds candidates, without the resolver's decisions.
    nerkit::Result unused;
    for (const nerkit::internal::Stage stage : nerkit::internal::kStages) {
      if (stage != nerkit::internal::Stage::kResolve) model.RunStage(stage, scratch, {}, unused);
    }
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
      std::cout << "  " << Field(doc.TokenText(tokens[i])) << "\t"
                << nerkit::text::ShapeName(tokens[i].shape) << "\t"
                << (s < doc.symbols.size() ? model.rules.SymbolText(doc.symbols[s]) : " ") << "\t"
                << types << "\n";
    }
    std::cout << "class string: ";
    for (char c : doc.symbols) std::cout << (c == '\n' ? "|" : model.rules.SymbolText(c));
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
                << "\t" << c.priority << "\t"
                << Field(std::string_view(text).substr(c.begin, c.end - c.begin)) << "\t" << source
                << (c.value < 0 ? "" : "\t" + doc.values[static_cast<std::size_t>(c.value)])
                << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "nerkit-inspect: " << e.what() << "\n";
    return 2;
  }
}
