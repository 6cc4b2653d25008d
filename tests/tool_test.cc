// The bundled extractor, nerkit-extract: formats, batch input, bad lines, exit codes.
#define BOOST_TEST_MODULE tool

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tool_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using nerkit_test::Lines;
using nerkit_test::ReadFile;
using nerkit_test::Run;
using nerkit_test::Scratch;
using nerkit_test::WriteFile;

// Runs nerkit-extract with `args` (shell words) and standard input from `stdin_file` if given.
Run Extract(const std::string& args, const fs::path& stdin_file = {}) {
  std::string command = nerkit_test::kTool + " " + args;
  if (!stdin_file.empty()) command += " < '" + stdin_file.string() + "'";
  return nerkit_test::Bash(command);
}

const char* kArticle =
    "BENGHAZI, Libya (AP) \xE2\x80\x94 Fighters entered Misurata and Sirte on Monday, a "
    "spokesman, Ahmed Hadiya, told Reuters.\n";

}  // namespace

BOOST_AUTO_TEST_CASE(json_for_one_text_document) {
  const fs::path doc = WriteFile("article.txt", kArticle);
  const Run r = Extract("'" + doc.string() + "'");
  BOOST_TEST(r.status == 0);
  const json j = json::parse(r.out);
  BOOST_TEST(j["id"] == doc.string());
  BOOST_TEST_REQUIRE(j["entities"].size() > 3u);
  for (const json& e : j["entities"]) {
    const std::size_t start = e["start"], end = e["end"];
    BOOST_TEST(std::string(kArticle).substr(start, end - start) == e["text"].get<std::string>());
    BOOST_TEST(e.contains("label"));
    BOOST_TEST(e.contains("source"));
  }
  bool misurata = false;
  for (const json& e : j["entities"]) {
    if (e["text"] == "Misurata") {
      misurata = true;
      BOOST_TEST(e["label"] == "LOCATION");
      BOOST_TEST(e["id"] == "geonames:2214846");
    }
  }
  BOOST_TEST(misurata);
  BOOST_TEST(j["clusters"].is_array());
}

BOOST_AUTO_TEST_CASE(tsv_and_conll) {
  const fs::path doc = WriteFile("article.txt", kArticle);
  const Run tsv = Extract("--format tsv '" + doc.string() + "'");
  BOOST_TEST(tsv.status == 0);
  bool found = false;
  for (const std::string& line : Lines(tsv.out)) {
    if (line.find("\tMisurata\t") != std::string::npos) {
      found = true;
      BOOST_TEST(line.find("\tLOCATION\t") != std::string::npos);
    }
  }
  BOOST_TEST(found);
  const Run conll = Extract("--format conll '" + doc.string() + "'");
  BOOST_TEST(conll.status == 0);
  BOOST_TEST(conll.out.find("Misurata\tB-LOCATION\n") != std::string::npos);
  BOOST_TEST(conll.out.find("Ahmed\tB-PERSON\nHadiya\tI-PERSON\n") != std::string::npos);
  BOOST_TEST(conll.out.find("on\tO\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(jsonl_keeps_one_line_per_input_line_in_order,
                     *boost::unit_test::label("threads")) {
  std::string input;
  for (int i = 0; i < 1000; ++i) {
    if (i == 500) {
      input += "{\"id\": \"broken\", \"text\": \n";  // malformed
      continue;
    }
    input += json({{"id", "doc" + std::to_string(i)},
                   {"text", "Fighters entered Sirte on day " + std::to_string(i) + "."}})
                 .dump() +
             "\n";
  }
  const fs::path in = WriteFile("batch.jsonl", input);
  for (const char* threads : {"1", "4"}) {
    const Run r = Extract(std::string("--input jsonl --threads ") + threads, in);
    BOOST_TEST(r.status == 1);  // something failed
    const std::vector<std::string> lines = Lines(r.out);
    BOOST_TEST_REQUIRE(lines.size() == 1000u);
    for (int i = 0; i < 1000; ++i) {
      const json j = json::parse(lines[static_cast<std::size_t>(i)]);
      BOOST_TEST(j["line"] == i + 1);
      if (i == 500) {
        BOOST_TEST(j.contains("error"));
        BOOST_TEST(j["error"].get<std::string>().starts_with("invalid JSON"));
      } else {
        BOOST_TEST(j["id"] == "doc" + std::to_string(i));
        BOOST_TEST(j["entities"].size() >= 1u);
      }
    }
    BOOST_TEST(r.err.find(":501: invalid JSON") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(bad_documents_get_error_records, *boost::unit_test::label("threads")) {
  const std::string input =
      "\n"                                                       // empty line
      "{\"id\": \"a\"}\n"                                        // no text
      "{\"id\": [1], \"text\": \"Sirte\"}\n"                     // id not a string
      "{\"id\": 7, \"text\": \"Sirte\"}\n"                       // an integer id is fine
      "{\"id\": \"b\", \"text\": \"Sirte \xFF\xFE Misrata\"}\n"  // invalid UTF-8 in a string
      "{\"id\": \"c\", \"text\": \"Sirte\", \"dct\": \"yesterday\"}\n"
      "[1, 2]\n"
      "33E3366\n";  // a number too large for a double (found by fuzz_jsonl)
  const fs::path in = WriteFile("bad.jsonl", input);
  // The same records, in input order, whether one thread or several read the batch.
  for (const char* threads : {"1", "3"}) {
    BOOST_TEST_CONTEXT("--threads " << threads) {
      const Run r = Extract(std::string("--input jsonl --threads ") + threads, in);
      BOOST_TEST(r.status == 1);
      const std::vector<std::string> lines = Lines(r.out);
      BOOST_TEST_REQUIRE(lines.size() == 8u);
      BOOST_TEST(json::parse(lines[0])["error"] == "empty line");
      BOOST_TEST(json::parse(lines[1])["error"] == "missing \"text\" field");
      BOOST_TEST(json::parse(lines[2])["error"] == "\"id\" must be a string or an integer");
      BOOST_TEST(json::parse(lines[3])["id"] == 7);
      BOOST_TEST(json::parse(lines[3])["entities"].size() == 1u);
      const json invalid = json::parse(lines[4]);
      BOOST_TEST(!invalid.contains("error"));
      BOOST_TEST(invalid["entities"].size() == 2u);
      BOOST_TEST(invalid["entities"][1]["start"] == 9);  // offsets unchanged
      BOOST_TEST(json::parse(lines[5])["error"] ==
                 "\"dct\" is not a date YYYY-MM-DD: \"yesterday\"");
      BOOST_TEST(
          json::parse(lines[6])["error"].get<std::string>().starts_with("expected a JSON object"));
      BOOST_TEST(json::parse(lines[7])["error"].get<std::string>().starts_with("invalid JSON"));
    }
  }
  const Run strict = Extract("--input jsonl --strict-utf8", in);
  BOOST_TEST(json::parse(Lines(strict.out)[4])["error"] == "invalid UTF-8: 2 bad byte(s)");
}

BOOST_AUTO_TEST_CASE(usage_and_load_errors) {
  const Run help = Extract("--help");
  BOOST_TEST(help.status == 0);
  BOOST_TEST(help.out.find("--reference-date") != std::string::npos);
  BOOST_TEST(help.out.find("--threads") != std::string::npos);
  const Run bad_option = Extract("--format xml");
  BOOST_TEST(bad_option.status == 2);
  const Run bad_date = Extract("--reference-date 2024-02-30 /dev/null");
  BOOST_TEST(bad_date.status == 2);
  BOOST_TEST(bad_date.err.find("not a date") != std::string::npos);
  const Run no_dictionaries = Extract("--dictionaries /no/such/folder /dev/null");
  BOOST_TEST(no_dictionaries.status == 2);
  BOOST_TEST(no_dictionaries.err ==
             "nerkit-extract: /no/such/folder: dictionary folder not found (pass another folder, "
             "or set NERKIT_DICTIONARIES)\n");
  const fs::path bad_rules = WriteFile("bad.rules", "x\tPERSON\ttokens\t1\t50\t(\n");
  const Run rules = Extract("--extra '" + bad_rules.string() + "' /dev/null");
  BOOST_TEST(rules.status == 2);
  BOOST_TEST(rules.err.find("bad.rules:1:22: rule \"x\": invalid pattern") != std::string::npos);
  const Run missing = Extract("/no/such/input.txt");
  BOOST_TEST(missing.status == 1);
  BOOST_TEST(json::parse(missing.out)["error"] == "cannot open /no/such/input.txt");
}

BOOST_AUTO_TEST_CASE(labels_and_reference_date_options) {
  const fs::path doc = WriteFile("article.txt", kArticle);
  const Run r = Extract("--labels ORGANIZATION '" + doc.string() + "'");
  BOOST_TEST(r.status == 0);
  const json organizations = json::parse(r.out);
  for (const json& e : organizations["entities"]) BOOST_TEST(e["label"] == "ORGANIZATION");
  const Run dated = Extract("--reference-date 2024-04-26 '" + doc.string() + "'");
  BOOST_TEST(json::parse(dated.out)["reference_date"] == "2024-04-26");
  BOOST_TEST(json::parse(dated.out)["reference_date_source"] == "caller");
}

// jsonl is written by its own fast writer; it must say exactly what the json format says,
// escapes, nulls, clusters and rejected candidates included.
BOOST_AUTO_TEST_CASE(jsonl_and_json_agree) {
  const std::string text = std::string(kArticle) +
                           "He said: \"Caf\xC3\xA9 \\ \x01\tM\xC3\xBCnchen \xF0\x9F\x98\x80\" on "
                           "26 April 2024, then left.\n"
                           "Bad bytes @BAD@ near Paris.\n";
  // Raw invalid bytes inside the JSON string (the reader repairs them).
  std::string first = json({{"id", "q\"uote\\"}, {"text", text}}).dump();
  first.replace(first.find("@BAD@"), 5, "\xFF\xFE");
  const fs::path input =
      WriteFile("tricky.jsonl", first + "\n" + json({{"text", "Paris"}}).dump() + "\n");
  for (const std::string& extra : {std::string(), std::string("--explain")}) {
    const Run jsonl =
        Extract("--input jsonl --format jsonl " + extra + " '" + input.string() + "'");
    const Run pretty =
        Extract("--input jsonl --format json " + extra + " '" + input.string() + "'");
    BOOST_TEST(jsonl.status == 0);
    BOOST_TEST(pretty.status == 0);
    const std::vector<std::string> lines = Lines(jsonl.out);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    // The json format prints one indented object per document, one after another.
    std::vector<json> objects;
    std::size_t pos = 0;
    while (pos < pretty.out.size()) {
      const std::size_t next = pretty.out.find("\n}\n", pos);
      BOOST_TEST_REQUIRE(next != std::string::npos);
      objects.push_back(json::parse(pretty.out.substr(pos, next + 2 - pos)));
      pos = next + 3;
    }
    BOOST_TEST_REQUIRE(objects.size() == 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      const json line = json::parse(lines[i]);
      BOOST_TEST(line == objects[i], "document " << i << (extra.empty() ? "" : " with ") << extra);
      BOOST_TEST(line.dump() == objects[i].dump());  // same key order too
    }
    BOOST_TEST(json::parse(lines[0])["id"] == "q\"uote\\");
    if (!extra.empty()) BOOST_TEST(json::parse(lines[0]).contains("rejected"));
  }
}
