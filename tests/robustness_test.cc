// Whatever a crawler brings back: pathological documents (their cost must grow no faster than
// their length; ctest's timeout catches one that does), limits with clear errors, and a battery of
// bad input fed to nerkit-extract, which must never crash, hang or lose a line.
#define BOOST_TEST_MODULE robustness
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "nerkit/nerkit.h"
#include "tool_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const nerkit::Extractor& Shared() {
  static const nerkit::Extractor extractor = nerkit::Extractor::Load();
  return extractor;
}

void CheckInvariants(const std::string& text, const nerkit::Result& r) {
  std::size_t previous_end = 0;
  for (const nerkit::Entity& e : r.entities) {
    BOOST_TEST_REQUIRE(e.start < e.end);
    BOOST_TEST_REQUIRE(e.end <= text.size());
    BOOST_TEST_REQUIRE(e.start >= previous_end);
    BOOST_TEST_REQUIRE(text.compare(e.start, e.end - e.start, e.text) == 0);
    previous_end = e.end;
  }
}

std::string Repeat(const std::string& unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(ten_megabytes_of_one_letter) {
  const std::string text(10u << 20, 'a');
  const nerkit::Result r = Shared().Extract(text);
  BOOST_TEST(r.entities.empty());
}

BOOST_AUTO_TEST_CASE(ten_megabytes_of_initials) {
  // "A. A. A. ..." is one endless run of initials; no name is that long.
  const std::string text = Repeat("A. ", 10u << 20);
  const nerkit::Result r = Shared().Extract(text);
  CheckInvariants(text, r);
  std::size_t longest = 0;
  for (const nerkit::Entity& e : r.entities) longest = std::max(longest, e.end - e.start);
  BOOST_TEST(longest < 200u);
}

BOOST_AUTO_TEST_CASE(one_megabyte_without_spaces) {
  std::mt19937 random(42);
  std::string text;
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-'";
  for (std::size_t i = 0; i < (1u << 20); ++i) text += alphabet[random() % alphabet.size()];
  CheckInvariants(text, Shared().Extract(text));
}

BOOST_AUTO_TEST_CASE(repeated_capitalised_words) {
  for (const std::string unit : {"Sirte ", "New York ", "Foo ", "Mr. Smith ", "Islamic State ",
                                 "Brig. Gen. ", "Al-", "Friday 26 April 2024 ",
                                 // (a company's short name and a given name over a town, looked
                                 // up once per document, not once per name)
                                 "Textiles Qolqe S.A. and Qolqe, ",
                                 "Larissa Nogueira met Larissa and Baton Rouge, "}) {
    const std::string text = Repeat(unit, 2u << 20);
    CheckInvariants(text, Shared().Extract(text));
  }
}

BOOST_AUTO_TEST_CASE(one_sentence_of_a_million_tokens) {
  // No sentence end, no line break: every stage sees one giant sentence.
  const std::string text = Repeat("the man from Sirte met the U.N. envoy, and ", 4u << 20);
  CheckInvariants(text, Shared().Extract(text));
}

BOOST_AUTO_TEST_CASE(limit_errors_name_the_limit) {
  nerkit::ExtractOptions options;
  options.max_document_bytes = 1000;
  try {
    (void)Shared().Extract(std::string(1001, 'x'), options);
    BOOST_FAIL("a document above the limit was accepted");
  } catch (const nerkit::InputError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "document of 1001 bytes exceeds the limit of 1000 bytes (max_document_bytes)");
  }
  // The default handles 64 MB.
  BOOST_TEST(nerkit::ExtractOptions().max_document_bytes >= (64u << 20));
}

BOOST_AUTO_TEST_CASE(windows_1252_and_nul_bytes) {
  // "Café" and quotes in Windows-1252: invalid UTF-8, treated as separators, offsets unchanged.
  static constexpr char kBytes[] = "Caf\xE9 \x93Sirte\x94 and Misrata\0 and Benghazi";
  const std::string text(kBytes, sizeof(kBytes) - 1);  // keeps the embedded NUL
  BOOST_TEST(text.size() == 38u);
  const nerkit::Result r = Shared().Extract(text);
  CheckInvariants(text, r);
  BOOST_TEST(r.invalid_utf8_bytes == 3u);
  std::vector<std::string> found;
  for (const nerkit::Entity& e : r.entities) found.push_back(e.text);
  BOOST_TEST(found == (std::vector<std::string>{"Sirte", "Misrata", "Benghazi"}));
}

// The command-line battery.
namespace {

using nerkit_test::Bash;
using nerkit_test::kTool;
using nerkit_test::Lines;
using nerkit_test::Run;
using nerkit_test::Scratch;

}  // namespace

BOOST_AUTO_TEST_CASE(tool_battery_keeps_every_line) {
  const fs::path in = Scratch() / "battery.jsonl";
  {
    std::ofstream f(in, std::ios::binary);
    f << "{\"id\": \"ok\", \"text\": \"Fighters entered Sirte.\"}\n";
    f << "\n";                                                     // empty line
    f << "{\"id\": \"notext\"}\n";                                 // missing text
    f << "{\"id\": {\"a\": 1}, \"text\": \"Sirte\"}\n";            // id not a string
    f << "{\"id\": \"bad\", \"text\": \"Sirte \xFF Misrata\"}\n";  // invalid UTF-8 in the string
    f << "not json at all\n";
    f << "{\"id\": \"nul\", \"text\": \"Sirte\\u0000Misrata\"}\n";
    f << "{\"id\": \"huge\", \"text\": \"" << std::string(100u << 20, 'a') << "\"}\n";  // 100 MB
    f << "{\"id\": \"last\", \"text\": \"Reuters reported from Benghazi.\"}\n";
  }
  for (const char* threads : {"1", "3"}) {
    const Run r = Bash(kTool + " --input jsonl --threads " + threads +
                       " --max-document-bytes 1000000 " + in.string());
    BOOST_TEST(r.status == 1);
    const std::vector<std::string> lines = Lines(r.out);
    BOOST_TEST_REQUIRE(lines.size() == 9u);
    const std::vector<std::string> errors = {
        "",
        "empty line",
        "missing \"text\" field",
        "\"id\" must be a string or an integer",
        "",
        "invalid JSON",
        "",
        "document of 104857600 bytes exceeds the limit of 1000000 bytes "
        "(max_document_bytes)",
        ""};
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const json j = json::parse(lines[i]);
      BOOST_TEST(j["line"] == i + 1);
      if (errors[i].empty()) {
        BOOST_TEST(!j.contains("error"), "line " << i + 1);
      } else {
        BOOST_TEST(j["error"].get<std::string>().starts_with(errors[i]), "line " << i + 1);
      }
    }
    BOOST_TEST(json::parse(lines[4])["invalid_utf8_bytes"] == 1);
    BOOST_TEST(json::parse(lines[8])["entities"].size() == 2u);
  }
}

BOOST_AUTO_TEST_CASE(strict_utf8_makes_bad_bytes_an_error) {
  const fs::path in = Scratch() / "latin1.txt";
  std::ofstream(in, std::ios::binary) << "Caf\xE9 in Sirte";
  const Run lenient = Bash(kTool + " " + in.string());
  BOOST_TEST(lenient.status == 0);
  BOOST_TEST(json::parse(lenient.out)["invalid_utf8_bytes"] == 1);
  const Run strict = Bash(kTool + " --strict-utf8 " + in.string());
  BOOST_TEST(strict.status == 1);
  BOOST_TEST(json::parse(strict.out)["error"] ==
             "invalid UTF-8: 1 bad byte(s), the first at byte offset 3");
  BOOST_TEST(strict.err.find("invalid UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(closed_output_pipe_exits_quietly) {
  const fs::path in = Scratch() / "many.jsonl";
  {
    std::ofstream f(in, std::ios::binary);
    for (int i = 0; i < 20000; ++i) {
      f << "{\"id\": " << i << ", \"text\": \"Fighters entered Sirte and Misrata.\"}\n";
    }
  }
  const Run r = Bash(kTool + " --input jsonl " + in.string() +
                     " | head -n 1 > /dev/null; exit ${PIPESTATUS[0]}");
  BOOST_TEST(r.status == 3);
  BOOST_TEST(r.err.empty());
}
