// nerkit-extract's JSON: the JSON Lines reader (simdjson, with nlohmann::json for what simdjson
// does not read) and the writers of every output format, held to the nlohmann::json code they
// replaced (tool_json_reference.h): the same documents and messages from every line, the same
// bytes for every result.
#define BOOST_TEST_MODULE tool_json

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../examples/jsonl_input.h"
#include "../examples/output.h"
#include "nerkit/nerkit.h"
#include "tool_json_reference.h"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// A JsonlDocument as text, for comparing and printing.
std::string Describe(const JsonlDocument& d) {
  std::ostringstream out;
  out << "id=" << d.id.dump(-1, ' ', true, json::error_handler_t::replace) << " ("
      << d.id.type_name() << (d.id.is_number_unsigned() ? ", unsigned" : "")
      << ") text=" << json(d.text).dump(-1, ' ', true, json::error_handler_t::replace)
      << " dct=" << (d.dct ? d.dct->ToString() : "-") << " error=" << d.error
      << " invalid_utf8_bytes=" << d.invalid_utf8_bytes;
  return out.str();
}

JsonlDocument Parse(std::string line, bool strict) {
  JsonlDocument doc;
  ParseJsonLine(line, doc, strict);
  return doc;
}

JsonlDocument ParseReference(std::string line, bool strict) {
  JsonlDocument doc;
  reference_tool::ParseJsonLine(line, doc, strict);
  return doc;
}

void CheckAsReference(const std::string& line, bool strict) {
  const std::string got = Describe(Parse(line, strict));
  const std::string want = Describe(ParseReference(line, strict));
  BOOST_TEST(got == want, "line " << json(line).dump(-1, ' ', true, json::error_handler_t::replace)
                                  << (strict ? " (strict)" : ""));
}

// One row of the reader's table: a line and what it must give.
struct ReaderCase {
  std::string line = "";
  std::string error = "";   // empty for a document
  std::string id = "null";  // id.dump()
  std::string text = "";
  std::string dct = "-";
  std::size_t invalid_utf8_bytes = 0;
  bool strict = false;
};

std::ostream& operator<<(std::ostream& out, const ReaderCase& c) {
  return out << json(c.line).dump(-1, ' ', true, json::error_handler_t::replace);
}

const std::string kOverflow =
    "invalid JSON: [json.exception.out_of_range.406] number overflow parsing '33E3366'";

const std::vector<ReaderCase> kReaderCases = {
    // Documents.
    {R"({"id": "a", "text": "Sirte", "dct": "2024-04-26"})", "", R"("a")", "Sirte", "2024-04-26"},
    {R"({"text": "Sirte"})", "", "null", "Sirte"},
    {R"(  {"text":"x","dct":null}  )", "", "null", "x"},
    {"\t{\"text\":\"x\"}\r", "", "null", "x"},
    {R"({"text": "x", "dct": "1998-01-08T10:00:00"})", "", "null", "x", "1998-01-08"},
    {R"({"text": "x", "dct": "1998-01-08 10:00"})", "", "null", "x", "1998-01-08"},
    {R"({"id": 7, "text": "x"})", "", "7", "x"},
    {R"({"id": -7, "text": "x"})", "", "-7", "x"},
    {R"({"id": 0, "text": "x"})", "", "0", "x"},
    {R"({"id": -0, "text": "x"})", "", "0", "x"},
    {R"({"id": 18446744073709551615, "text": "x"})", "", "18446744073709551615", "x"},
    {R"({"id": -9223372036854775808, "text": "x"})", "", "-9223372036854775808", "x"},
    {R"({"id": "q\"\\\/\u00e9\ud83d\ude00", "text": "x"})", "",
     "\"q\\\"\\\\/\xC3\xA9\xF0\x9F\x98\x80\"", "x"},
    {R"({"t\u0065xt": "escaped key", "\u0069d": "i"})", "", R"("i")", "escaped key"},
    {R"({"text": "first", "text": "last", "id": 1, "id": "two"})", "", R"("two")", "last"},
    {R"({"id": 1.5, "id": 3, "text": "x"})", "", "3", "x"},
    {R"({"text": "nul\u0000and\ttab\n"})", "", "null", std::string("nul\0and\ttab\n", 12)},
    {R"({"text": "x", "other": [1, 2.5e300, {"a": null}], "n": 123456789012345678901234567890})",
     "", "null", "x"},
    {"\xEF\xBB\xBF{\"text\": \"after a byte order mark\"}", "", "null", "after a byte order mark"},
    {std::string("{\"deep\": ") + std::string(2000, '[') + std::string(2000, ']') +
         ", \"text\": \"deeper than simdjson goes\"}",
     "", "null", "deeper than simdjson goes"},
    // Invalid UTF-8: replaced byte for byte, or an error with --strict-utf8.
    {"{\"id\": \"b\", \"text\": \"Sirte \xFF\xFE Misrata\"}", "", R"("b")", "Sirte ?? Misrata", "-",
     2},
    {"{\"text\": \"cut \xE2\x82\"}", "", "null", "cut ??", "-", 2},
    {"{\"text\": \"surrogate \xED\xA0\x80\"}", "", "null", "surrogate ???", "-", 3},
    {"{\"text\": \"Sirte \xFF\xFE Misrata\"}", "invalid UTF-8: 2 bad byte(s)", "null", "", "-", 2,
     true},
    {"{\"text\": \"x\"}\xFF",
     "invalid JSON: [json.exception.parse_error.101] parse error at line 1, column 14: syntax "
     "error while parsing value - invalid literal; last read: '\"x\"}?'; expected end of input",
     "null", "", "-", 1},
    // Every message.
    {"", "empty line"},
    {" \t\r ", "empty line"},
    {"not json at all",
     "invalid JSON: [json.exception.parse_error.101] parse error at line 1, column 2: syntax "
     "error while parsing value - invalid literal; last read: 'no'"},
    {"33E3366", kOverflow},
    {R"({"text": "x", "n": 1e400})",
     "invalid JSON: [json.exception.out_of_range.406] number overflow parsing '1e400'"},
    {R"({"text": "a	b"})",
     "invalid JSON: [json.exception.parse_error.101] parse error at line 1, column 12: syntax "
     "error while parsing value - invalid string: control character U+0009 (HT) must be escaped "
     "to \\u0009 or \\t; last read: '\"a<U+0009>'"},
    {R"({"text": "\udc00"})",
     "invalid JSON: [json.exception.parse_error.101] parse error at line 1, column 16: syntax "
     "error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow "
     "U+D800..U+DBFF; last read: '\"\\udc00'"},
    {R"({"text": "x",})",
     "invalid JSON: [json.exception.parse_error.101] parse error at line 1, column 14: syntax "
     "error while parsing object key - unexpected '}'; expected string literal"},
    {R"({"text": "x"} {})",
     "invalid JSON: [json.exception.parse_error.101] parse error at line 1, column 15: syntax "
     "error while parsing value - unexpected '{'; expected end of input"},
    {"[1, 2]", "expected a JSON object {\"id\", \"text\", \"dct\"}"},
    {"\"text\"", "expected a JSON object {\"id\", \"text\", \"dct\"}"},
    {"5", "expected a JSON object {\"id\", \"text\", \"dct\"}"},
    {"null", "expected a JSON object {\"id\", \"text\", \"dct\"}"},
    {R"({"id": [1], "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": {"a": 1}, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": 1.5, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": 1e2, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": 18446744073709551616, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": -9223372036854775809, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": null, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": true, "text": "x"})", "\"id\" must be a string or an integer"},
    {R"({"id": "a"})", "missing \"text\" field", R"("a")"},
    {R"({"Text": "x"})", "missing \"text\" field"},
    {R"({"text": 5})", "\"text\" must be a string"},
    {R"({"id": 9, "text": null})", "\"text\" must be a string", "9"},
    {R"({"text": "first", "text": ["last"]})", "\"text\" must be a string"},
    {R"({"text": "x", "dct": 20240426})", "\"dct\" must be a date string YYYY-MM-DD or null",
     "null", "x"},
    {R"({"text": "x", "dct": "yesterday"})", "\"dct\" is not a date YYYY-MM-DD: \"yesterday\"",
     "null", "x"},
    {R"({"text": "x", "dct": "2024-02-30"})", "\"dct\" is not a date YYYY-MM-DD: \"2024-02-30\"",
     "null", "x"},
    {R"({"text": "x", "dct": "2024-04-26X"})", "\"dct\" is not a date YYYY-MM-DD: \"2024-04-26X\"",
     "null", "x"},
};

}  // namespace

BOOST_DATA_TEST_CASE(reader_gives_each_line_its_document_or_message,
                     boost::unit_test::data::make(kReaderCases), c) {
  const JsonlDocument doc = Parse(c.line, c.strict);
  BOOST_TEST(doc.error == c.error);
  BOOST_TEST(doc.id.dump() == c.id);
  if (c.error.empty() || !c.text.empty()) BOOST_TEST(doc.text == c.text);
  BOOST_TEST((doc.dct ? doc.dct->ToString() : "-") == c.dct);
  BOOST_TEST(doc.invalid_utf8_bytes == c.invalid_utf8_bytes);
  CheckAsReference(c.line, c.strict);
}

BOOST_AUTO_TEST_CASE(reader_keeps_the_sign_of_integer_ids) {
  // nlohmann::json makes an integer with a minus sign signed, one without unsigned.
  BOOST_TEST(Parse(R"({"id": 5, "text": "x"})", false).id.is_number_unsigned());
  BOOST_TEST(Parse(R"({"id": 0, "text": "x"})", false).id.is_number_unsigned());
  BOOST_TEST(!Parse(R"({"id": -0, "text": "x"})", false).id.is_number_unsigned());
  BOOST_TEST(!Parse(R"({"id": -5, "text": "x"})", false).id.is_number_unsigned());
}

BOOST_AUTO_TEST_CASE(reader_takes_lines_without_spare_capacity_and_long_lines) {
  // A line whose buffer has no room past its end (simdjson reads a little past it).
  std::string tight = R"({"text": "Sirte"})";
  tight.shrink_to_fit();
  JsonlDocument doc;
  ParseJsonLine(tight, doc, false);
  BOOST_TEST(doc.text == "Sirte");
  // Lines longer than the kept parser takes, and lines that make it grow.
  for (std::size_t n : {std::size_t{100}, std::size_t{70} << 10, std::size_t{200} << 10,
                        std::size_t{17} << 20, std::size_t{1} << 10}) {
    const std::string text(n, 'a');
    const JsonlDocument d = Parse(R"({"id": "long", "text": ")" + text + "\"}", false);
    BOOST_TEST(d.error.empty());
    BOOST_TEST(d.text == text);
  }
}

namespace {

// Pieces of JSON Lines documents, good and bad, that the random lines are made of.
const std::vector<std::string> kKeys = {"id", "text", "dct", "t\\u0065xt", "\\u0069d",
                                        "x",  "ID",   "",    "te\\u0000xt"};
const std::vector<std::string> kValues = {"\"Sirte\"",
                                          "\"caf\xC3\xA9 \\\"q\\\" \\\\ \\/ \\n\\t\\u0000\\u001f\"",
                                          "\"\xF0\x9F\x98\x80\"",
                                          "\"\\ud83d\\ude00\"",
                                          "\"\\ud83d\"",
                                          "\"\\ude00\"",
                                          "\"\xFF\"",
                                          "\"\xE2\x82\"",
                                          "\"\xED\xA0\x80\"",
                                          "\"\xC0\xAF\"",
                                          "\"2024-04-26\"",
                                          "\"2024-04-26T10:00\"",
                                          "\"2024-13-01\"",
                                          "\"\"",
                                          "0",
                                          "-0",
                                          "7",
                                          "-7",
                                          "1.5",
                                          "1e2",
                                          "-1E-2",
                                          "01",
                                          "1.",
                                          ".5",
                                          "+1",
                                          "-",
                                          "18446744073709551615",
                                          "18446744073709551616",
                                          "-9223372036854775808",
                                          "-9223372036854775809",
                                          "123456789012345678901234567890",
                                          "1e400",
                                          "1e-400",
                                          "33E3366",
                                          "true",
                                          "false",
                                          "null",
                                          "tru",
                                          "nul",
                                          "[]",
                                          "[1, \"a\", [null]]",
                                          "{}",
                                          "{\"id\": 1}",
                                          "[1,]",
                                          "{\"a\" 1}",
                                          "\"a\tb\"",
                                          "\"a\x01"
                                          "b\""};
const std::vector<std::string> kNoise = {" ",
                                         "\t",
                                         "\r",
                                         "\n",
                                         "\f",
                                         ",",
                                         ":",
                                         "{",
                                         "}",
                                         "[",
                                         "]",
                                         "\"",
                                         "\\",
                                         "\xFF",
                                         "\xC3",
                                         "\xEF\xBB\xBF",
                                         std::string(1, '\0'),
                                         "\x7F",
                                         "e",
                                         "-",
                                         "0"};

std::string RandomLine(std::mt19937& rng) {
  auto pick = [&rng](const std::vector<std::string>& v) -> const std::string& {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  auto chance = [&rng](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  std::string line;
  if (chance(10)) {
    line = pick(kValues);
  } else {
    line = chance(10) ? " {" : "{";
    const int fields = std::uniform_int_distribution<int>(0, 5)(rng);
    for (int i = 0; i < fields; ++i) {
      if (i) line += chance(50) ? ", " : ",";
      const bool usual = chance(70);
      line += "\"" +
              (usual ? std::string(i % 3 == 0   ? "text"
                                   : i % 3 == 1 ? "id"
                                                : "dct")
                     : pick(kKeys)) +
              "\":" + (chance(50) ? " " : "");
      // Mostly values that make a document, to reach what comes after the first check.
      if (usual && i % 3 == 0 && chance(70))
        line += "\"Fighters entered Sirte\"";
      else if (usual && i % 3 == 1 && chance(70))
        line += chance(50) ? "\"doc\"" : "42";
      else if (usual && i % 3 == 2 && chance(70))
        line += "\"2024-04-26\"";
      else
        line += pick(kValues);
    }
    line += "}";
  }
  // A few random edits, to reach the errors.
  const int edits = chance(70) ? 0 : std::uniform_int_distribution<int>(1, 3)(rng);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, line.size())(rng);
    switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
      case 0:
        line.insert(at, pick(kNoise));
        break;
      case 1:
        if (at < line.size()) line.erase(at, 1);
        break;
      case 2:
        line.resize(at);
        break;
      default:
        line.insert(at, line.substr(at, 8));
    }
  }
  return line;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reader_reads_random_lines_as_nlohmann_did) {
  std::mt19937 rng(20240426);
  std::size_t documents = 0;
  for (int i = 0; i < 30000; ++i) {
    const std::string line = RandomLine(rng);
    const bool strict = i % 4 == 0;
    const JsonlDocument got = Parse(line, strict);
    const JsonlDocument want = ParseReference(line, strict);
    documents += want.error.empty();
    if (Describe(got) != Describe(want)) {
      BOOST_TEST(Describe(got) == Describe(want),
                 "line " << json(line).dump(-1, ' ', true, json::error_handler_t::replace));
    }
    if (got.id.type() != want.id.type()) BOOST_TEST(got.id.type_name() == want.id.type_name());
  }
  BOOST_TEST(documents > 3000u);  // the lines are not all errors
}

// The writers.
namespace {

// Strings the results are made of: escapes, control characters, NUL, non-ASCII, invalid UTF-8
// of every kind (a lone byte, a cut sequence, an overlong form, a surrogate).
const std::vector<std::string> kStrings = {
    "Sirte",
    "Mohammed al-Ghasri",
    "",
    "q\"uote\\ / slash",
    "tab\there\nnew\rline\b\f",
    std::string("nul\0byte", 8),
    "\x01\x1f\x7f",
    "caf\xC3\xA9 M\xC3\xBCnchen \xE2\x80\x94",
    "\xF0\x9F\x98\x80 \xD8\xB3\xD8\xB1\xD8\xAA",
    "bad \xFF\xFE bytes",
    "cut \xE2\x82",
    "cut at end \xF0\x9F\x98",
    "overlong \xC0\xAF",
    "surrogate \xED\xA0\x80 x",
    "\x80",
    "rule:loc.dateline (rules/locations.rules:21) + dictionary:places.tsv:85905",
    "exactly8",
    "sixteen bytes!!!",
    "seventeen bytes\"!",
    std::string(300, 'x') + "\"",
    std::string(5000, 'y'),
    "\\u0000 is not an escape here"};

const std::vector<json> kIds = {nullptr,
                                "doc-1",
                                "",
                                "q\"uote\\",
                                "caf\xC3\xA9",
                                "bad \xFF id",
                                "cut \xE2\x82",
                                std::string("nul\0id", 6),
                                "tab\tnew\nline",
                                0,
                                7,
                                -7,
                                std::numeric_limits<std::uint64_t>::max(),
                                std::numeric_limits<std::int64_t>::min(),
                                1.5,
                                true,
                                json::array(),
                                json::object(),
                                json::array({1, "a", nullptr}),
                                json::object({{"a", 1}, {"b", json::array({"x\"", 2})}}),
                                1e300};

const std::vector<std::size_t> kLines = {0, 1, 42, std::numeric_limits<std::size_t>::max()};

// A result with everything a writer has to say, drawn at random; tokens within `text`.
nerkit::Result RandomResult(std::mt19937& rng, std::string_view text) {
  auto pick = [&rng]() -> const std::string& {
    return kStrings[std::uniform_int_distribution<std::size_t>(0, kStrings.size() - 1)(rng)];
  };
  auto number = [&rng](std::size_t max) {
    return std::uniform_int_distribution<std::size_t>(0, max)(rng);
  };
  // Confidences and evidence values: usual ones, and every kind of double printf and nlohmann
  // write differently.
  auto confidence = [&]() -> double {
    static const double kSpecial[] = {0.0,
                                      1.0,
                                      -0.0,
                                      0.5,
                                      0.12345,
                                      0.99995,
                                      0.00005,
                                      1e-5,
                                      123456789.0,
                                      12345.0,
                                      1e15,
                                      1e17,
                                      1e300,
                                      1e-300,
                                      5e-324,
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::min(),
                                      std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity(),
                                      std::numeric_limits<double>::quiet_NaN(),
                                      -2.5};
    if (number(2) == 0) return kSpecial[number(std::size(kSpecial) - 1)];
    if (number(3) == 0) {
      return std::ldexp(std::uniform_real_distribution<double>(-1, 1)(rng),
                        static_cast<int>(number(200)) - 100);
    }
    return std::uniform_real_distribution<double>(0, 1)(rng);
  };
  auto entity = [&]() {
    nerkit::Entity e;
    e.label = static_cast<nerkit::Label>(number(nerkit::kLabelCount - 1));
    e.start = number(text.size());
    e.end = e.start + number(text.size() - e.start);
    if (number(20) == 0) {
      e.start = std::numeric_limits<std::size_t>::max() - 1;
      e.end = std::numeric_limits<std::size_t>::max();
    }
    e.text = pick();
    if (number(1)) e.canonical = pick();
    if (number(1)) e.id = pick();
    if (number(1)) e.value = pick();
    if (number(2) == 0) e.anchor = pick();
    e.source = pick();
    e.cluster = static_cast<int>(number(4)) - 1;
    e.confidence = confidence();
    return e;
  };
  nerkit::Result r;
  const std::size_t n = number(6);
  for (std::size_t i = 0; i < n; ++i) r.entities.push_back(entity());
  std::sort(r.entities.begin(), r.entities.end(),
            [](const nerkit::Entity& a, const nerkit::Entity& b) { return a.start < b.start; });
  for (std::size_t i = number(3); i > 0; --i) {
    nerkit::Cluster c;
    c.label = static_cast<nerkit::Label>(number(2));
    c.name = pick();
    if (number(1)) c.canonical = pick();
    if (number(1)) c.id = pick();
    for (std::size_t m = number(3); m > 0; --m) c.mentions.push_back(number(1000));
    r.clusters.push_back(std::move(c));
  }
  if (number(1)) {
    r.reference_date =
        nerkit::CivilDate{static_cast<int>(1 + number(9998)), 1 + static_cast<int>(number(11)),
                          1 + static_cast<int>(number(27))};
    r.reference_date_source = number(1) ? "document" : pick();
  }
  r.invalid_utf8_bytes = number(3) == 0 ? std::numeric_limits<std::size_t>::max() : number(9);
  for (std::size_t i = number(2) == 0 ? number(3) : 0; i > 0; --i) {
    r.rejected.push_back({entity(), pick()});
  }
  if (number(2) == 0) {
    // Evidence names as the model writes them, and names given twice, escaped or not UTF-8.
    static const std::vector<std::string> kNames = {
        "dictionary", "label=PERSON", "mentions", "rule", "q\"uote", "bad \xFF", "tab\t"};
    for (std::size_t i = 0; i < r.entities.size(); ++i) {
      nerkit::Evidence& evidence = r.evidence.emplace_back();
      for (std::size_t f = number(4); f > 0; --f) {
        evidence.features.emplace_back(kNames[number(kNames.size() - 1)], confidence());
      }
    }
  }
  std::size_t pos = 0;
  std::size_t sentence = 0;
  while (pos < text.size() && number(10) > 0) {
    const std::size_t start = pos + number(std::min<std::size_t>(3, text.size() - pos));
    const std::size_t end = start + number(std::min<std::size_t>(12, text.size() - start));
    sentence += number(5) == 0;
    r.tokens.push_back({start, end, sentence});
    pos = end + 1;
  }
  return r;
}

// FormatResult or FormatError, or the exception it threw.
template <typename Format>
std::string OutputOrException(Format format) {
  try {
    return format();
  } catch (const std::exception& e) {
    return std::string("exception: ") + e.what();
  }
}

void CheckWriters(const json& id, std::size_t line, std::string_view text,
                  const nerkit::Result& result, const std::string& what) {
  for (OutputFormat format :
       {OutputFormat::kJson, OutputFormat::kJsonl, OutputFormat::kTsv, OutputFormat::kConll}) {
    const std::string got =
        OutputOrException([&] { return FormatResult(format, id, line, text, result); });
    const std::string want = OutputOrException(
        [&] { return reference_tool::FormatResult(format, id, line, text, result); });
    if (got != want) {
      BOOST_TEST(got == want, what << ", format " << static_cast<int>(format) << ", id "
                                   << id.dump(-1, ' ', true, json::error_handler_t::replace));
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(writers_write_random_results_as_nlohmann_did) {
  std::mt19937 rng(1996);
  const std::string text =
      "Fighters entered Sirte\t\"and\" Misrata \xFF\xE2\x82 on Monday, caf\xC3\xA9.";
  for (int i = 0; i < 3000; ++i) {
    const nerkit::Result result = RandomResult(rng, text);
    const json& id = kIds[i % kIds.size()];
    CheckWriters(id, kLines[(i / kIds.size()) % kLines.size()], text, result,
                 "random result " + std::to_string(i));
  }
}

BOOST_AUTO_TEST_CASE(writers_write_errors_as_nlohmann_did) {
  for (const json& id : kIds) {
    for (std::size_t line : kLines) {
      for (const std::string& error : kStrings) {
        for (OutputFormat format : {OutputFormat::kJson, OutputFormat::kJsonl, OutputFormat::kTsv,
                                    OutputFormat::kConll}) {
          const std::string got =
              OutputOrException([&] { return FormatError(format, id, line, error); });
          const std::string want = OutputOrException(
              [&] { return reference_tool::FormatError(format, id, line, error); });
          BOOST_TEST(got == want,
                     "format " << static_cast<int>(format) << ", id "
                               << id.dump(-1, ' ', true, json::error_handler_t::replace)
                               << ", error "
                               << json(error).dump(-1, ' ', true, json::error_handler_t::replace));
        }
      }
    }
  }
}

// Confidences (4 digits) and evidence (6 digits) are rounded as printf's %g does and, in json,
// read back and written as nlohmann writes doubles: values near every kind of rounding case.
BOOST_AUTO_TEST_CASE(writers_round_numbers_as_printf_and_nlohmann_do) {
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> values;
  for (int i = 0; i < 20000; ++i) {
    const double u = unit(rng);
    values.push_back(u);
    values.push_back(std::round(u * 1e5) / 1e5);                       // 5 digits: ties at 4
    values.push_back(std::round(u * 1e7) / 1e7);                       // ties at 6
    values.push_back(std::nextafter(std::round(u * 1e5) / 1e5, 2.0));  // just past them
    values.push_back(std::floor(u * 65536) / 65536);                   // exact binary fractions
    values.push_back(std::ldexp(u, static_cast<int>(i % 60) - 30));    // 1e-9 .. 1e9
    values.push_back(0.99995 + (u - 0.5) * 1e-9);                      // rounding up to 1
    values.push_back(9999.5 + (u - 0.5) * 1e-6);                       // to an exponent
  }
  nerkit::Result result;
  result.entities.resize(1);
  result.entities[0].text = "Sirte";
  result.evidence.resize(1);
  result.evidence[0].features.push_back({"x", 0});
  std::size_t differences = 0;
  for (double value : values) {
    for (double v : {value, -value}) {
      result.entities[0].confidence = v;
      result.evidence[0].features[0].second = v;
      for (OutputFormat format : {OutputFormat::kJson, OutputFormat::kJsonl}) {
        const std::string got = FormatResult(format, nullptr, 0, "Sirte", result);
        const std::string want = reference_tool::FormatResult(format, nullptr, 0, "Sirte", result);
        if (got != want && ++differences < 10) {
          BOOST_TEST(got == want, "value " << std::hexfloat << v);
        }
      }
    }
  }
  BOOST_TEST(differences == 0u);
}

// Real results: the golden articles and the tool's tricky documents, extracted with every
// option that changes what is written.
BOOST_AUTO_TEST_CASE(writers_write_extracted_results_as_nlohmann_did) {
  const nerkit::Extractor extractor = nerkit::Extractor::Load();
  std::vector<std::string> texts = {
      "BENGHAZI, Libya (AP) \xE2\x80\x94 Fighters entered Misurata and Sirte on Monday, a "
      "spokesman, Ahmed Hadiya, told Reuters.\n",
      "He said: \"Caf\xC3\xA9 \\ \x01\tM\xC3\xBCnchen \xF0\x9F\x98\x80\" on 26 April 2024.\n"
      "Bad bytes \xFF\xFE near Paris \xE2\x82 and Sirte.",
      std::string("Sirte\0Misrata and Benghazi", 26), ""};
  for (const fs::directory_entry& e : fs::directory_iterator(NERKIT_TEST_DATA_DIR "/golden")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  BOOST_TEST(texts.size() > 6u);
  std::size_t entities = 0;
  for (const std::string& text : texts) {
    for (int flags = 0; flags < 4; ++flags) {
      nerkit::ExtractOptions options;
      options.explain = flags & 1;
      options.tokens = true;
      if (flags & 2) options.reference_date = nerkit::CivilDate{2024, 4, 26};
      const nerkit::Result result = extractor.Extract(text, options);
      entities += result.entities.size();
      for (const json& id : kIds) {
        CheckWriters(id, 3, text, result, "text " + text.substr(0, 30));
      }
    }
  }
  BOOST_TEST(entities > 100u);
}

BOOST_AUTO_TEST_CASE(append_variants_append) {
  nerkit::Result result;
  result.entities.push_back({});
  result.entities.back().text = "Sirte";
  result.entities.back().source = "test";
  for (OutputFormat format :
       {OutputFormat::kJson, OutputFormat::kJsonl, OutputFormat::kTsv, OutputFormat::kConll}) {
    std::string out = "before\n";
    AppendResult(out, format, "a", 1, "Sirte", result);
    AppendError(out, format, "b", 2, "bad");
    BOOST_TEST(out == "before\n" + FormatResult(format, "a", 1, "Sirte", result) +
                          FormatError(format, "b", 2, "bad"));
  }
}
