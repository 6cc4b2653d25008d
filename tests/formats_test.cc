// The formats of annotation tools: code point offsets, brat, Label Studio and Doccano output read
// back as gold (the same entities), the CoNLL reader (BIO, IOB1, IOBES, document separators,
// detokenization, errors), and --evaluate on each input format giving the same figures.
#define BOOST_TEST_MODULE formats
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "code_points.h"
#include "document_writer.h"
#include "gold_formats.h"
#include "nerkit/nerkit.h"
#include "standoff.h"
#include "tool_run.h"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using nerkit_test::Run;
using nerkit_test::Scratch;
using nerkit_test::WriteFile;

namespace {

const nerkit::Extractor& Shared() {
  static const nerkit::Extractor extractor = nerkit::Extractor::Load();
  return extractor;
}

Run Tool(const std::string& args) { return nerkit_test::Bash(nerkit_test::kTool + " " + args); }

// Texts written for these tests: accents, an emoji, right-to-left script, curly quotes, a
// paragraph break inside the article, and bad bytes.
const std::vector<std::string> kTexts = {
    "MISRATA, Libya (AP) \xE2\x80\x94 Fighters entered Sirte on Monday, a spokesman, Ahmed "
    "Hadiya, told Reuters.\n\nThe United Nations envoy, Hanna Vester, said on 26 April 2024 "
    "that talks in Tripoli would resume.",
    "\xF0\x9F\x98\x80 Jos\xC3\xA9 Mar\xC3\xAD"
    "a Aznar met \xE2\x80\x9CLe Monde\xE2\x80\x9D "
    "editors in S\xC3\xA3o Paulo and \xD8\xB7\xD8\xB1\xD8\xA7\xD8\xA8\xD9\x84\xD8\xB3 (Tripoli) "
    "last year.",
    "Bad \xFF\xFE bytes before Benghazi, \xC3 and after Misrata \xE2\x80 on Friday.",
};

// What a gold reader should give back for a result: code point spans and labels (and values).
struct Expected {
  long start, end;
  std::string label;
  std::string value;
};

std::vector<Expected> ExpectedOf(const std::string& text, const nerkit::Result& r) {
  const CodePoints cp(text);
  std::vector<Expected> out;
  for (const nerkit::Entity& e : r.entities) {
    out.push_back({static_cast<long>(cp.FromByte(e.start)), static_cast<long>(cp.FromByte(e.end)),
                   std::string(nerkit::LabelName(e.label)), e.value});
  }
  return out;
}

void CheckSame(const GoldDocument& doc, const std::string& text, const nerkit::Result& r,
               bool values) {
  BOOST_TEST(doc.text == ToValidUtf8(text));
  const std::vector<Expected> expected = ExpectedOf(text, r);
  BOOST_TEST_REQUIRE(doc.entities.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const GoldEntity& g = doc.entities[i];
    BOOST_TEST(g.start == expected[i].start);
    BOOST_TEST(g.end == expected[i].end);
    BOOST_TEST(g.label == expected[i].label);
    if (values) {
      BOOST_TEST(g.has_value == !expected[i].value.empty());
      BOOST_TEST(g.value == expected[i].value);
    }
  }
}

std::string Slurp(const fs::path& p) { return nerkit_test::ReadFile(p); }

}  // namespace

BOOST_AUTO_TEST_CASE(code_points_count_characters_and_bad_bytes) {
  const std::string text =
      "a\xC3\xA9"
      "b\xF0\x9F\x98\x80"
      "c\xFF"
      "d\xE2\x80"
      "e";
  const CodePoints cp(text);
  // a é b 😀 c <FF> d <E2> <80> e
  BOOST_TEST(cp.size() == 10u);
  BOOST_TEST(cp.FromByte(0) == 0u);
  BOOST_TEST(cp.FromByte(1) == 1u);
  BOOST_TEST(cp.FromByte(2) == 1u);  // inside é
  BOOST_TEST(cp.FromByte(3) == 2u);
  BOOST_TEST(cp.FromByte(4) == 3u);
  BOOST_TEST(cp.FromByte(8) == 4u);
  BOOST_TEST(cp.FromByte(9) == 5u);
  BOOST_TEST(cp.FromByte(10) == 6u);
  BOOST_TEST(cp.FromByte(11) == 7u);
  BOOST_TEST(cp.FromByte(12) == 8u);
  BOOST_TEST(cp.FromByte(13) == 9u);
  BOOST_TEST(cp.FromByte(text.size()) == 10u);
  for (std::size_t i = 0; i <= cp.size(); ++i) BOOST_TEST(cp.FromByte(cp.ToByte(i)) == i);
  const std::string valid = ToValidUtf8(text);
  BOOST_TEST(valid ==
             "a\xC3\xA9"
             "b\xF0\x9F\x98\x80"
             "c\xEF\xBF\xBD"
             "d\xEF\xBF\xBD\xEF\xBF\xBD"
             "e");
  BOOST_TEST(CodePoints(valid).size() == cp.size());
  BOOST_TEST(CodePoints("").size() == 0u);
  BOOST_TEST(InvalidUtf8Bytes("valid \xC3\xA9").empty());
}

BOOST_AUTO_TEST_CASE(brat_annotations) {
  const std::string text = "\xC3\x89mile Zola lives in Paris\nFrance since 2024.";
  nerkit::Result r;
  auto add = [&](nerkit::Label label, std::string_view span, std::string value = "") {
    nerkit::Entity e;
    e.label = label;
    e.start = text.find(span);
    e.end = e.start + span.size();
    e.text = std::string(span);
    e.value = value;
    e.source = "rule:x (a.rules:1)";
    r.entities.push_back(e);
  };
  add(nerkit::Label::kPerson, "\xC3\x89mile Zola");
  add(nerkit::Label::kLocation, "Paris\nFrance");  // over a line break: two fragments
  add(nerkit::Label::kDate, "2024", "2024");
  BOOST_TEST(BratAnnotations(text, r) ==
             "T1\tPERSON 0 10\t\xC3\x89mile Zola\n"
             "#1\tAnnotatorNotes T1\tsource: rule:x (a.rules:1)\n"
             "T2\tLOCATION 20 25;26 32\tParis France\n"
             "#2\tAnnotatorNotes T2\tsource: rule:x (a.rules:1)\n"
             "T3\tDATE 39 43\t2024\n"
             "#3\tAnnotatorNotes T3\tvalue: 2024; source: rule:x (a.rules:1)\n");
}

BOOST_AUTO_TEST_CASE(brat_file_names) {
  auto stem = [](const json& id, std::size_t line, std::size_t index = 5) {
    return BratFileStem(DocumentInfo{index, &id, line, ""});
  };
  BOOST_TEST(stem("news/2024/story one.txt", 0) == "story_one");
  BOOST_TEST(stem("-", 0) == "stdin");
  BOOST_TEST(stem("reuters/1996 08 30", 3) == "reuters_1996_08_30");
  BOOST_TEST(stem("Caf\xC3\xA9", 3) == "Caf__");
  BOOST_TEST(stem(".hidden", 3) == "hidden");
  BOOST_TEST(stem(7, 3) == "7");
  BOOST_TEST(stem(nullptr, 4) == "line-4");
  BOOST_TEST(stem("", 4) == "doc-5");
}

BOOST_AUTO_TEST_CASE(brat_folder_reads_back_as_the_same_entities) {
  const fs::path dir = Scratch() / "brat-roundtrip";
  fs::remove_all(dir);
  std::unique_ptr<DocumentWriter> writer = MakeDocumentWriter("brat", {"", dir.string()});
  writer->Begin();
  BOOST_TEST(fs::exists(dir / "annotation.conf"));
  std::vector<nerkit::Result> results;
  std::vector<json> ids;
  for (std::size_t i = 0; i < kTexts.size(); ++i)
    ids.push_back("news/story " + std::to_string(i) + ".txt");
  for (std::size_t i = 0; i < kTexts.size(); ++i) {
    results.push_back(Shared().Extract(kTexts[i]));
    BOOST_TEST_REQUIRE(!results.back().entities.empty());
    const DocumentInfo doc{i, &ids[i], 0, kTexts[i]};
    std::string piece = writer->Format(doc, results.back()), error;
    BOOST_TEST_REQUIRE(writer->Emit(doc, piece, false, error), error);
    BOOST_TEST(piece.empty());
  }
  BOOST_TEST(fs::exists(dir / "story_0.txt"));
  BOOST_TEST(fs::exists(dir / "story_2.ann"));
  std::vector<GoldDocument> docs;
  std::string error;
  BOOST_TEST_REQUIRE(ReadGold(dir.string(), GoldFormat::kAuto, docs, error), error);
  BOOST_TEST_REQUIRE(docs.size() == kTexts.size());
  for (std::size_t i = 0; i < kTexts.size(); ++i) {
    BOOST_TEST(docs[i].id == "story_" + std::to_string(i));
    CheckSame(docs[i], kTexts[i], results[i], true);
  }
}

BOOST_AUTO_TEST_CASE(label_studio_and_doccano_read_back_as_the_same_entities) {
  std::unique_ptr<DocumentWriter> ls = MakeDocumentWriter("labelstudio", {});
  std::unique_ptr<DocumentWriter> dc = MakeDocumentWriter("doccano", {});
  std::string tasks = ls->Begin(), lines = dc->Begin();
  std::vector<nerkit::Result> results;
  std::vector<json> ids;
  for (std::size_t i = 0; i < kTexts.size(); ++i) ids.push_back(json(static_cast<int>(i) + 10));
  for (std::size_t i = 0; i <= kTexts.size(); ++i) {
    std::string error;
    if (i == 1) {  // a document that failed has no task, and the list stays valid JSON
      const json none = nullptr;
      const DocumentInfo failed{99, &none, 5, ""};
      std::string piece = ls->FormatError(failed, "bad");
      BOOST_TEST(ls->Emit(failed, piece, true, error));
      tasks += piece;
    }
    if (i == kTexts.size()) break;
    results.push_back(Shared().Extract(kTexts[i]));
    const DocumentInfo doc{i, &ids[i], 0, kTexts[i]};
    std::string piece = ls->Format(doc, results.back());
    BOOST_TEST(ls->Emit(doc, piece, false, error));
    tasks += piece;
    piece = dc->Format(doc, results.back());
    BOOST_TEST(dc->Emit(doc, piece, false, error));
    lines += piece;
  }
  tasks += ls->End();
  lines += dc->End();
  const json parsed = json::parse(tasks);
  BOOST_TEST_REQUIRE(parsed.size() == kTexts.size());
  BOOST_TEST(parsed[0]["predictions"][0]["result"][0]["from_name"] == "label");
  BOOST_TEST(parsed[0]["predictions"][0]["result"][0]["to_name"] == "text");
  BOOST_TEST(parsed[0]["predictions"][0]["result"][0]["type"] == "labels");
  // The region text is the text's characters at the offsets (Python's str slicing).
  for (const json& task : parsed) {
    const std::string text = task["data"]["text"];
    const CodePoints cp(text);
    for (const json& region : task["predictions"][0]["result"]) {
      const std::size_t s = cp.ToByte(region["value"]["start"]);
      const std::size_t e = cp.ToByte(region["value"]["end"]);
      BOOST_TEST(region["value"]["text"] == text.substr(s, e - s));
    }
  }
  for (const auto& [name, content] :
       {std::pair{"tasks.json", tasks}, std::pair{"doccano.jsonl", lines}}) {
    const fs::path file = WriteFile(name, content);
    std::vector<GoldDocument> docs;
    std::string error;
    BOOST_TEST_REQUIRE(ReadGold(file.string(), GoldFormat::kAuto, docs, error), error);
    BOOST_TEST_REQUIRE(docs.size() == kTexts.size());
    for (std::size_t i = 0; i < kTexts.size(); ++i) {
      BOOST_TEST(docs[i].id == std::to_string(i + 10));
      CheckSame(docs[i], kTexts[i], results[i], false);
    }
  }
}

BOOST_AUTO_TEST_CASE(label_studio_exports_with_annotations) {
  // An export after correction: the annotation wins over the prediction, a cancelled one is
  // skipped; JSON-MIN has the regions in "label".
  const std::string full = R"([{"id": 41, "data": {"text": "Ahmed Hadiya in Sirte"},
    "annotations": [{"was_cancelled": true, "result": []},
                    {"result": [{"type": "labels", "value": {"start": 0, "end": 12,
                      "text": "Ahmed Hadiya", "labels": ["PER"]}},
                     {"type": "relation", "from_id": "a", "to_id": "b"},
                     {"type": "labels", "value": {"start": 16, "end": 21, "labels": ["Location"]}}]}],
    "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 5,
                      "labels": ["PERSON"]}}]}]}])";
  const std::string minimal =
      R"([{"id": 3, "text": "Reuters in Sirte", "label": [{"start": 0, "end": 7, "text": "Reuters", "labels": ["ORG"]}]}])";
  std::vector<GoldDocument> docs;
  std::string error;
  BOOST_TEST_REQUIRE(
      ReadGold(WriteFile("full.json", full).string(), GoldFormat::kLabelStudio, docs, error),
      error);
  BOOST_TEST_REQUIRE(
      ReadGold(WriteFile("min.json", minimal).string(), GoldFormat::kAuto, docs, error), error);
  BOOST_TEST_REQUIRE(docs.size() == 2u);
  BOOST_TEST(docs[0].id == "41");
  BOOST_TEST_REQUIRE(docs[0].entities.size() == 2u);
  BOOST_TEST(docs[0].entities[0].label == "PERSON");
  BOOST_TEST(docs[0].entities[0].end == 12);
  BOOST_TEST(docs[0].entities[1].label == "LOCATION");
  BOOST_TEST_REQUIRE(docs[1].entities.size() == 1u);
  BOOST_TEST(docs[1].entities[0].label == "ORGANIZATION");
  const std::string outside = R"([{"data": {"text": "Sirte"}, "annotations": [{"result": [
      {"type": "labels", "value": {"start": 0, "end": 9, "labels": ["LOC"]}}]}]}])";
  BOOST_TEST(
      !ReadGold(WriteFile("outside.json", outside).string(), GoldFormat::kAuto, docs, error));
  BOOST_TEST(error.ends_with("outside.json: task 1: a region 0-9 outside the text (5 characters)"));
}

struct ConllCase {
  std::string name;
  std::string input;
  std::vector<std::string> texts;     // one per document
  std::vector<std::string> entities;  // "doc:start-end:LABEL"
};

std::ostream& operator<<(std::ostream& out, const ConllCase& c) { return out << c.name; }

const std::vector<ConllCase> kConll = {
    {"BIO with -DOCSTART- and four columns",
     "-DOCSTART- -X- -X- O\n\n"
     "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\n"
     "Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n"
     "-DOCSTART- -X- -X- O\n\n"
     "BRUSSELS NNP B-NP B-LOC\n1996-08-22 CD I-NP O\n",
     {"EU rejects German call.\nPeter Blackburn", "BRUSSELS 1996-08-22"},
     {"0:0-2:ORGANIZATION", "0:11-17:MISC", "0:24-39:PERSON", "1:0-8:LOCATION"}},
    {"IOB1: I- starts a chunk, B- only between two of one type",
     "Only\tO\nFrance\tI-LOC\nand\tO\nBritain\tI-LOC\nbacked\tO\nthe\tO\nplan\tO\n\n"
     "In\tO\nBelgium\tI-LOC\nNetherlands\tB-LOC\nand\tO\nLuxembourg\tI-LOC\n",
     {"Only France and Britain backed the plan\nIn Belgium Netherlands and Luxembourg"},
     {"0:5-11:LOCATION", "0:16-23:LOCATION", "0:43-50:LOCATION", "0:51-62:LOCATION",
      "0:67-77:LOCATION"}},
    {"BIO: I- after another type starts a chunk",
     "New B-ORG\nYork I-ORG\nTimes I-ORG\nreporter O\nJohn I-PER\nSmith I-PER\n's O\nstory O\n",
     {"New York Times reporter John Smith's story"},
     {"0:0-14:ORGANIZATION", "0:24-34:PERSON"}},
    {"IOBES and BILOU",
     "Ann S-PER\nmet O\nBob B-PER\nde I-PER\nJong E-PER\nand O\nCarl U-PER\nLee U-PER\n\n"
     "in O\nSan B-LOC\nJose L-LOC\n",
     {"Ann met Bob de Jong and Carl Lee\nin San Jose"},
     {"0:0-3:PERSON", "0:8-19:PERSON", "0:24-28:PERSON", "0:29-32:PERSON", "0:36-44:LOCATION"}},
    {"detokenization: punctuation, clitics, brackets, quotes",
     "\" O\nWe O\n're O\nsure O\n, O\n\" O\nsaid O\nO'Neill B-PER\n( O\nSt B-LOC\n. I-LOC\n"
     "Louis I-LOC\n) O\n, O\nwho O\ndid O\nn't O\nwin O\n3 O\n% O\nof O\nBritain B-LOC\n's O\n"
     "votes O\n... O\n$ O\n5 O\n! O\n",
     {"\" We're sure, \" said O'Neill (St. Louis), who didn't win 3% of Britain's votes ... $ 5!"},
     {"0:21-28:PERSON", "0:30-39:LOCATION", "0:63-70:LOCATION"}},
    {"our own --format conll: # id = lines, full label names, UTF-8",
     "# id = a.txt\nJos\xC3\xA9\tB-PERSON\nMar\xC3\xAD"
     "a\tI-PERSON\nin\tO\n"
     "S\xC3\xA3o\tB-LOCATION\nPaulo\tI-LOCATION\n\n# id = b.txt\n\xF0\x9F\x98\x80\tO\n"
     "Reuters\tB-ORGANIZATION\n\n",
     {"Jos\xC3\xA9 Mar\xC3\xAD"
      "a in S\xC3\xA3o Paulo",
      "\xF0\x9F\x98\x80 Reuters"},
     {"0:0-10:PERSON", "0:14-23:LOCATION", "1:2-9:ORGANIZATION"}},
};

BOOST_DATA_TEST_CASE(conll_reading, bdata::make(kConll), c) {
  std::vector<GoldDocument> docs;
  std::string error;
  BOOST_TEST_REQUIRE(ReadConll(c.input, "t.conll", docs, error), error);
  BOOST_TEST_REQUIRE(docs.size() == c.texts.size());
  std::vector<std::string> found;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    BOOST_TEST(docs[d].text == c.texts[d]);
    for (const GoldEntity& e : docs[d].entities) {
      found.push_back(std::to_string(d) + ":" + std::to_string(e.start) + "-" +
                      std::to_string(e.end) + ":" + e.label);
    }
  }
  BOOST_TEST(found == c.entities, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(conll_errors_say_where) {
  std::vector<GoldDocument> docs;
  std::string error;
  BOOST_TEST(!ReadConll("Peter B-PER\nBlackburn X-PER\n", "bad.conll", docs, error));
  BOOST_TEST(error ==
             "bad.conll:2: \"X-PER\" is not a tag (expected O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)");
  BOOST_TEST(!ReadConll("Peter B-PER\n\nBlackburn\n", "bad.conll", docs, error));
  BOOST_TEST(error == "bad.conll:3: expected a token and its tag, separated by a space or a tab");
  // Comments (CoNLL-U style) are skipped, a "#" token is a token.
  docs.clear();
  BOOST_TEST(ReadConll("# text = x\n# O\n1 O\n", "ok.conll", docs, error), error);
  BOOST_TEST_REQUIRE(docs.size() == 1u);
  BOOST_TEST(docs[0].text == "# 1");
}

BOOST_AUTO_TEST_CASE(brat_errors_say_where) {
  const fs::path dir = Scratch() / "brat-bad";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "Ahmed Hadiya in Sirte";
  std::ofstream(dir / "a.ann") << "T1\tPerson 0 12\tAhmed Hadiya\nT2\tLOC 16 21\tSirta\n";
  std::vector<GoldDocument> docs;
  std::string error;
  BOOST_TEST(!ReadGold(dir.string(), GoldFormat::kAuto, docs, error));
  BOOST_TEST(error == (dir / "a.ann").string() +
                          ":2: T2 says \"Sirta\" but its characters in a.txt are \"Sirte\"");
  std::ofstream(dir / "a.ann") << "T1\tPerson 0 12\tAhmed Hadiya\nT2\tLOC 16 29\tSirte\n";
  BOOST_TEST(!ReadGold(dir.string(), GoldFormat::kAuto, docs, error));
  BOOST_TEST(
      error.ends_with(":2: T2 ends at character 29, after the end of a.txt (21 characters)"));
  std::ofstream(dir / "a.ann") << "T1\tPerson 0 12\tAhmed Hadiya\nR1\tIn Arg1:T1 Arg2:T2\n"
                               << "T2\tGPE 16 21\tSirte\n";
  std::ofstream(dir / "b.ann") << "";
  BOOST_TEST(!ReadGold(dir.string(), GoldFormat::kAuto, docs, error));
  BOOST_TEST(error == (dir / "b.ann").string() + ": no b.txt beside it");
  std::ofstream(dir / "b.txt") << "";
  docs.clear();
  BOOST_TEST_REQUIRE(ReadGold(dir.string(), GoldFormat::kAuto, docs, error), error);
  BOOST_TEST_REQUIRE(docs.size() == 2u);
  BOOST_TEST_REQUIRE(docs[0].entities.size() == 2u);
  BOOST_TEST(docs[0].entities[0].label == "PERSON");
  BOOST_TEST(docs[0].entities[1].label == "LOCATION");
}

BOOST_AUTO_TEST_CASE(gold_format_detection_and_labels) {
  auto detect = [](const fs::path& p) { return std::string(GoldFormatName(DetectGoldFormat(p))); };
  BOOST_TEST(detect(Scratch()) == "brat");
  BOOST_TEST(detect(WriteFile("a.json", "\n  [{}]")) == "labelstudio");
  BOOST_TEST(detect(WriteFile("a.jsonl", "{\"text\": \"\"}\n")) == "jsonl");
  BOOST_TEST(detect(WriteFile("a.conll", "-DOCSTART- O\n")) == "conll");
  BOOST_TEST(CanonicalGoldLabel("per") == "PERSON");
  BOOST_TEST(CanonicalGoldLabel("GPE") == "LOCATION");
  BOOST_TEST(CanonicalGoldLabel("Organisation") == "ORGANIZATION");
  BOOST_TEST(CanonicalGoldLabel("MISC") == "MISC");
  BOOST_TEST(CanonicalGoldLabel("Date") == "DATE");
}

// The tool: brat and Label Studio output scored as gold give 100%, CoNLL (BIO and IOB1) gives the
// figures of the equivalent JSON Lines, and --report writes its page.
BOOST_AUTO_TEST_CASE(evaluate_reads_every_gold_format) {
  std::string inputs;
  for (std::size_t i = 0; i < kTexts.size(); ++i) {
    inputs += " '" + WriteFile("doc" + std::to_string(i) + ".txt", kTexts[i]).string() + "'";
  }
  const fs::path dir = Scratch() / "brat-tool";
  fs::remove_all(dir);
  const Run brat = Tool("--format brat --output-dir '" + dir.string() + "'" + inputs);
  BOOST_TEST_REQUIRE(brat.status == 0, brat.err);
  BOOST_TEST(brat.out.empty());
  const Run ls = Tool("--format labelstudio" + inputs);
  BOOST_TEST_REQUIRE(ls.status == 0, ls.err);
  const fs::path tasks = WriteFile("tasks.json", ls.out);
  const Run jsonl = Tool("--format jsonl" + inputs);
  std::size_t entities = 0;
  for (const std::string& line : nerkit_test::Lines(jsonl.out)) {
    entities += json::parse(line)["entities"].size();
  }
  BOOST_TEST_REQUIRE(entities > 10u);
  const std::string micro = "MICRO         " +
                            std::string(7 - std::to_string(entities).size(), ' ') +
                            std::to_string(entities);
  for (const std::string& gold : {dir.string(), tasks.string()}) {
    const Run ev = Tool("--evaluate '" + gold + "'");
    BOOST_TEST_REQUIRE(ev.status == 0, ev.err);
    BOOST_TEST(ev.out.find(micro) != std::string::npos, ev.out);
    BOOST_TEST(ev.out.find("100.00  100.00  100.00  100.00  100.00  100.00") != std::string::npos,
               ev.out);
    BOOST_TEST(ev.out.find("documents: 3\n") != std::string::npos);
  }

  // CoNLL in BIO and IOB1, and the same documents and entities as JSON Lines (with code point
  // offsets written out by hand): the same figures.
  const std::string bio =
      "-DOCSTART- -X- O O\n\n"
      "MISRATA B-LOC\n, O\nLibya B-LOC\n( O\nAP B-ORG\n) O\n- O\nFighters O\nentered O\n"
      "Sirte B-LOC\non O\nMonday O\n, O\nAhmed B-PER\nHadiya I-PER\ntold O\nReuters B-ORG\n. O\n\n"
      "The O\nUnited B-ORG\nNations I-ORG\nenvoy O\nmet O\nHanna B-PER\nVester I-PER\nin O\n"
      "Tripoli B-LOC\nand O\nBenghazi B-LOC\n. O\n\n"
      "-DOCSTART- -X- O O\n\n"
      "Jos\xC3\xA9 B-PER\nAznar I-PER\nflew O\nfrom O\nS\xC3\xA3o B-LOC\nPaulo I-LOC\nto O\n"
      "Paris B-LOC\nLondon B-LOC\nand O\nRome B-LOC\n. O\n";
  std::string iob1 = bio;
  // IOB1: I- for every chunk but one that follows a chunk of its type (London after Paris).
  for (std::size_t p = iob1.find(" B-"); p != std::string::npos; p = iob1.find(" B-", p + 1)) {
    if (iob1.compare(p - 6, 6, "London") != 0) iob1[p + 1] = 'I';
  }
  BOOST_TEST_REQUIRE(iob1.find("London B-LOC") != std::string::npos);
  BOOST_TEST_REQUIRE(iob1.find("Paris I-LOC") != std::string::npos);
  const std::string text0 =
      "MISRATA, Libya (AP) - Fighters entered Sirte on Monday, Ahmed Hadiya told Reuters.\n"
      "The United Nations envoy met Hanna Vester in Tripoli and Benghazi.";
  const std::string text1 =
      "Jos\xC3\xA9 Aznar flew from S\xC3\xA3o Paulo to Paris London and Rome.";
  json doc0 = {{"id", "d0"}, {"text", text0}, {"dct", nullptr}, {"entities", json::array()}};
  for (const auto& [s, e, l] :
       std::vector<std::tuple<int, int, const char*>>{{0, 7, "LOCATION"},
                                                      {9, 14, "LOCATION"},
                                                      {16, 18, "ORGANIZATION"},
                                                      {39, 44, "LOCATION"},
                                                      {56, 68, "PERSON"},
                                                      {74, 81, "ORGANIZATION"},
                                                      {87, 101, "ORGANIZATION"},
                                                      {112, 124, "PERSON"},
                                                      {128, 135, "LOCATION"},
                                                      {140, 148, "LOCATION"}}) {
    doc0["entities"].push_back({{"start", s}, {"end", e}, {"label", l}});
  }
  json doc1 = {{"id", "d1"}, {"text", text1}, {"entities", json::array()}};
  for (const auto& [s, e, l] :
       std::vector<std::tuple<int, int, const char*>>{{0, 10, "PERSON"},
                                                      {21, 30, "LOCATION"},
                                                      {34, 39, "LOCATION"},
                                                      {40, 46, "LOCATION"},
                                                      {51, 55, "LOCATION"}}) {
    doc1["entities"].push_back({{"start", s}, {"end", e}, {"label", l}});
  }
  // The reader's text is the JSON Lines text (so offsets agree).
  std::vector<GoldDocument> read;
  std::string error;
  BOOST_TEST_REQUIRE(ReadConll(bio, "bio", read, error), error);
  BOOST_TEST_REQUIRE(read.size() == 2u);
  BOOST_TEST(read[0].text == text0);
  BOOST_TEST(read[1].text == text1);
  const fs::path gold_jsonl =
      WriteFile("equivalent.jsonl", doc0.dump() + "\n" + doc1.dump() + "\n");
  const fs::path gold_bio = WriteFile("equivalent.bio.conll", bio);
  const fs::path gold_iob1 = WriteFile("equivalent.iob1.txt", iob1);
  const std::string labels = " --labels PERSON,LOCATION,ORGANIZATION";
  const Run from_jsonl = Tool("--evaluate '" + gold_jsonl.string() + "'" + labels);
  BOOST_TEST_REQUIRE(from_jsonl.status == 0, from_jsonl.err);
  BOOST_TEST(from_jsonl.out.find("MICRO              15") != std::string::npos, from_jsonl.out);
  for (const fs::path& conll : {gold_bio, gold_iob1}) {
    const Run from_conll = Tool("--evaluate '" + conll.string() + "' --gold-format conll" + labels);
    BOOST_TEST(from_conll.status == 0, from_conll.err);
    BOOST_TEST(from_conll.out == from_jsonl.out, conll);
  }

  // The report.
  const fs::path report = Scratch() / "report.html";
  const Run with_report = Tool("--evaluate '" + gold_jsonl.string() + "'" + labels + " --report '" +
                               report.string() + "'");
  BOOST_TEST_REQUIRE(with_report.status == 0, with_report.err);
  BOOST_TEST(with_report.out == from_jsonl.out);
  const std::string page = Slurp(report);
  BOOST_TEST(page.find("<svg class=\"bars\"") != std::string::npos);
  BOOST_TEST(page.find("<table class=\"confusion\">") != std::string::npos);
  for (const char* kind :
       {"id=\"missed\"", "id=\"spurious\"", "id=\"wrong-label\"", "id=\"wrong-boundary\""}) {
    BOOST_TEST(page.find(kind) != std::string::npos, kind);
  }
  BOOST_TEST(page.find("<script") == std::string::npos);
  // Usage errors.
  const Run no_evaluate = Tool("--report '" + report.string() + "' /dev/null");
  BOOST_TEST(no_evaluate.status == 2);
  BOOST_TEST(no_evaluate.err == "nerkit-extract: --report: only with --evaluate GOLD\n");
  const Run no_brat = Tool("--output-dir /tmp/x /dev/null");
  BOOST_TEST(no_brat.status == 2);
  const Run bad_gold =
      Tool("--evaluate '" + WriteFile("bad.conll", "Sirte Q-LOC\n").string() + "'");
  BOOST_TEST(bad_gold.status == 2);
  BOOST_TEST(bad_gold.err.find("bad.conll:1: \"Q-LOC\" is not a tag") != std::string::npos);
}
