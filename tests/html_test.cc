// The HTML page of nerkit-extract --format html: escaping, highlights that stay on their text
// (invalid UTF-8 included), the side panel, several documents, --explain, and a page that loads
// nothing. (tests/browser_test.py checks the same page as Chromium renders it.)
#define BOOST_TEST_MODULE html
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "document_writer.h"
#include "html_output.h"
#include "nerkit/nerkit.h"

namespace bdata = boost::unit_test::data;
using json = nlohmann::ordered_json;

namespace {

struct EscapeCase {
  std::string input;
  std::string expected;
};

std::ostream& operator<<(std::ostream& out, const EscapeCase& c) { return out << c.input; }

const std::vector<EscapeCase> kEscapes = {
    {"plain text", "plain text"},
    {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
    {"AT&T", "AT&amp;T"},
    {"&amp;", "&amp;amp;"},
    {"\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;"},
    {"tab\tline\ncr\r", "tab\tline\ncr\r"},
    {"Caf\xC3\xA9 M\xC3\xBCnchen \xF0\x9F\x98\x80", "Caf\xC3\xA9 M\xC3\xBCnchen \xF0\x9F\x98\x80"},
    {"\xD8\xA8\xD9\x86\xD8\xBA\xD8\xA7\xD8\xB2\xD9\x8A",
     "\xD8\xA8\xD9\x86\xD8\xBA\xD8\xA7\xD8\xB2\xD9\x8A"},
    // Each bad byte is one U+FFFD.
    {"a\xFFz", "a\xEF\xBF\xBDz"},
    {"a\xE2\x80z", "a\xEF\xBF\xBD\xEF\xBF\xBDz"},              // truncated sequence: two bytes
    {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                  // overlong '/'
    {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // a surrogate
    {std::string("nul\0here", 8), "nul\xEF\xBF\xBDhere"},
    {"bell\x07 del\x7F", "bell\xEF\xBF\xBD del\xEF\xBF\xBD"},
    {"<\xFF>", "&lt;\xEF\xBF\xBD&gt;"},
};

BOOST_DATA_TEST_CASE(escaping, bdata::make(kEscapes), c) {
  BOOST_TEST(EscapeHtml(c.input) == c.expected);
}

// The text of a fragment as a browser shows it, and for each <mark>: its attributes, its text
// and the number of bytes of the original document before it (counting each U+FFFD as the one
// bad byte it stands for, each character reference as its character).
struct ShownMark {
  std::size_t start = 0, end = 0;  // data-start, data-end
  std::string label;
  std::string text;
  std::size_t bytes_before = 0;
};

std::string Unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    const std::size_t semi = s.find(';', i);
    const std::string ref = s.substr(i, semi - i + 1);
    if (ref == "&amp;")
      out += '&';
    else if (ref == "&lt;")
      out += '<';
    else if (ref == "&gt;")
      out += '>';
    else if (ref == "&quot;")
      out += '"';
    else if (ref == "&#39;")
      out += '\'';
    else
      BOOST_FAIL("unexpected reference " << ref);
    i = semi;
  }
  return out;
}

// Bytes of the original a shown run of text stands for.
std::size_t OriginalBytes(const std::string& shown) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < shown.size();) {
    if (shown.compare(i, 3, "\xEF\xBF\xBD") == 0) {
      n += 1;
      i += 3;
    } else {
      ++n;
      ++i;
    }
  }
  return n;
}

std::vector<ShownMark> Marks(const std::string& html) {
  const std::size_t text_start = html.find("<div class=\"text\">");
  BOOST_TEST_REQUIRE(text_start != std::string::npos);
  const std::size_t text_end = html.find("</div>", text_start);
  const std::string text = html.substr(text_start + 18, text_end - text_start - 18);
  std::vector<ShownMark> marks;
  std::size_t shown_bytes = 0;
  std::size_t pos = 0;
  static const std::regex kTag("<(/?)(mark|s)([^>]*)>");
  static const std::regex kAttr("([a-z-]+)=\"([^\"]*)\"");
  ShownMark* open = nullptr;
  std::size_t open_at = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTag); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    const std::string run =
        Unescape(text.substr(pos, static_cast<std::size_t>(m.position()) - pos));
    if (open) open->text += run;
    shown_bytes += OriginalBytes(run);
    pos = static_cast<std::size_t>(m.position() + m.length());
    if (m[2] != "mark") continue;
    if (m[1] == "/") {
      BOOST_TEST(OriginalBytes(open->text) == shown_bytes - open_at);
      open = nullptr;
      continue;
    }
    ShownMark mark;
    const std::string attrs = m[3];
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), kAttr);
         a != std::sregex_iterator(); ++a) {
      if ((*a)[1] == "data-start") mark.start = std::stoul((*a)[2]);
      if ((*a)[1] == "data-end") mark.end = std::stoul((*a)[2]);
      if ((*a)[1] == "data-label") mark.label = (*a)[2];
    }
    mark.bytes_before = shown_bytes;
    marks.push_back(mark);
    open = &marks.back();
    open_at = shown_bytes;
  }
  return marks;
}

nerkit::Entity MakeEntity(nerkit::Label label, std::string_view text, std::string_view span,
                          int cluster = -1) {
  nerkit::Entity e;
  e.label = label;
  e.start = text.find(span);
  BOOST_TEST_REQUIRE(e.start != std::string_view::npos);
  e.end = e.start + span.size();
  e.text = std::string(span);
  e.cluster = cluster;
  e.source = "test";
  return e;
}

const nerkit::Extractor& Shared() {
  static const nerkit::Extractor extractor = nerkit::Extractor::Load();
  return extractor;
}

}  // namespace

BOOST_AUTO_TEST_CASE(highlights_stay_on_their_text_around_invalid_utf8) {
  // Bad bytes before, between and inside entities; each shows as one U+FFFD.
  const std::string text =
      "\xFF"
      "Fighters \xC3 entered Sirte \xE2\x80 and Misrata\xFE\xFE on Friday, Ahmed\xFFHadiya "
      "said.\n\nCaf\xC3\xA9 \xF0\x9F\x98\x80 Tripoli.";
  nerkit::Result r;
  r.entities.push_back(MakeEntity(nerkit::Label::kLocation, text, "Sirte", 0));
  r.entities.push_back(MakeEntity(nerkit::Label::kLocation, text, "Misrata", 1));
  r.entities.push_back(MakeEntity(nerkit::Label::kDate, text, "Friday"));
  r.entities.push_back(MakeEntity(nerkit::Label::kPerson, text, "Ahmed\xFFHadiya", 2));
  r.entities.push_back(MakeEntity(nerkit::Label::kLocation, text, "Tripoli", 3));
  for (int i = 0; i < 4; ++i) {
    nerkit::Cluster c;
    c.label = i == 2 ? nerkit::Label::kPerson : nerkit::Label::kLocation;
    c.name = r.entities[static_cast<std::size_t>(i < 2 ? i : i + 1)].text;
    c.mentions = {static_cast<std::size_t>(i < 2 ? i : i + 1)};
    r.clusters.push_back(c);
  }
  r.invalid_utf8_bytes = nerkit::CountInvalidUtf8(text);
  const json id = "bad.txt";
  const std::string html = HtmlSection(DocumentInfo{0, &id, 0, text}, r);
  BOOST_TEST(nerkit::CountInvalidUtf8(html) == 0u);
  const std::vector<ShownMark> marks = Marks(html);
  BOOST_TEST_REQUIRE(marks.size() == r.entities.size());
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const nerkit::Entity& e = r.entities[i];
    BOOST_TEST(marks[i].start == e.start);
    BOOST_TEST(marks[i].end == e.end);
    BOOST_TEST(marks[i].label == std::string(nerkit::LabelName(e.label)));
    BOOST_TEST(marks[i].bytes_before == e.start, "mark " << i << " is not shifted");
    BOOST_TEST(OriginalBytes(marks[i].text) == e.end - e.start);
  }
  BOOST_TEST(marks[3].text == "Ahmed\xEF\xBF\xBDHadiya");
  // 1 + 1 + 2 + 2 + 1 bad bytes in the text, and the count in the heading.
  const std::size_t body = html.find("<div class=\"text\">");
  const std::string shown = std::regex_replace(html.substr(body, html.find("</div>", body) - body),
                                               std::regex("<[^>]*>"), "");
  std::size_t replacements = 0;
  for (std::size_t p = shown.find("\xEF\xBF\xBD"); p != std::string::npos;
       p = shown.find("\xEF\xBF\xBD", p + 3)) {
    ++replacements;
  }
  BOOST_TEST(replacements == 7u);
  BOOST_TEST(html.find("7 byte(s) of invalid UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(markup_in_a_document_is_text) {
  const std::string text =
      "<script>document.title='owned'</script> Ahmed Hadiya met <b>reporters</b> in "
      "Misrata & Sirte. <img src=\"http://127.0.0.1:9/x.png\">";
  const nerkit::Result r = Shared().Extract(text);
  const json id = "<i>id</i>";
  const std::string html = HtmlSection(DocumentInfo{0, &id, 0, text}, r);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("<b>") == std::string::npos);
  BOOST_TEST(html.find("<i>") == std::string::npos);
  BOOST_TEST(html.find("&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;") !=
             std::string::npos);
  BOOST_TEST(html.find("&lt;i&gt;id&lt;/i&gt;") != std::string::npos);
  BOOST_TEST(html.find("Misrata &amp; Sirte") != std::string::npos);
  BOOST_TEST(html.find(" & ") == std::string::npos);
  for (const ShownMark& m : Marks(html)) BOOST_TEST(m.bytes_before == m.start);
}

BOOST_AUTO_TEST_CASE(a_page_loads_nothing) {
  std::unique_ptr<DocumentWriter> writer = MakeDocumentWriter("html", {"a title", ""});
  BOOST_TEST_REQUIRE(writer != nullptr);
  const std::string text = "Fighters entered Sirte on Monday, Ahmed Hadiya told Reuters.";
  const json id = "a.txt";
  const DocumentInfo doc{0, &id, 0, text};
  std::string piece = writer->Format(doc, Shared().Extract(text));
  std::string error;
  BOOST_TEST(writer->Emit(doc, piece, false, error));
  const std::string page = writer->Begin() + piece + writer->End();
  BOOST_TEST(page.starts_with("<!DOCTYPE html>"));
  BOOST_TEST(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                       "'none'; style-src 'unsafe-inline'\">") < page.find("<title>"));
  static const std::regex kFetching(
      "<(script|link|img|iframe|object|embed|video|audio|source|image)\\b|\\b(src|srcset)=|"
      "url\\(|@import|href=\"(?!#)");
  BOOST_TEST(!std::regex_search(page, kFetching));
  BOOST_TEST(page.find("class=\"legend\"") != std::string::npos);
  BOOST_TEST(page.find("<nav class=\"toc\">") == std::string::npos);  // one document: no contents
  BOOST_TEST(page.ends_with("</html>\n"));
}

BOOST_AUTO_TEST_CASE(side_panel_lists_clusters_with_their_mention_counts) {
  const std::string text =
      "Ahmed Hadiya arrived in Sirte on Monday. Hadiya said Sirte was calm. Reporters in "
      "Misrata saw Hadiya leave on Monday.";
  const nerkit::Result r =
      Shared().Extract(text, {.reference_date = nerkit::CivilDate{2024, 5, 14}});
  const json id = "panel.txt";
  const std::string html = HtmlSection(DocumentInfo{3, &id, 0, text}, r);
  const std::size_t panel = html.find("<aside class=\"panel\">");
  BOOST_TEST_REQUIRE(panel != std::string::npos);
  for (const nerkit::Cluster& c : r.clusters) {
    // Each cluster links to its first mention and shows its number of mentions.
    const std::string link = "href=\"#d3-e" + std::to_string(c.mentions.front()) + "\"";
    const std::size_t at = html.find(link, panel);
    BOOST_TEST_REQUIRE(at != std::string::npos, c.name);
    const std::size_t count = html.find("<span class=\"n\">", at);
    BOOST_TEST(html.substr(count + 16, html.find('<', count + 16) - count - 16) ==
               std::to_string(c.mentions.size()));
    BOOST_TEST(html.find("id=\"d3-e" + std::to_string(c.mentions.front()) + "\"") < panel);
  }
  // Two mentions of Monday: one date, counted twice.
  BOOST_TEST(html.find(">2024-05-13</a><span class=\"canon\">Monday</span><span class=\"n\">2<") !=
             std::string::npos);
  BOOST_TEST(html.find(">People <span class=\"n\">1</span>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(several_documents_give_one_page_with_contents) {
  std::unique_ptr<DocumentWriter> writer = MakeDocumentWriter("html", {});
  std::string page = writer->Begin();
  const std::vector<std::string> texts = {"Ahmed Hadiya went to Sirte.", "",
                                          "Reuters reported from Misrata."};
  std::vector<json> ids = {"first", 7, nullptr};
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const DocumentInfo doc{i, &ids[i], i + 1, texts[i]};
    std::string piece = i == 1 ? writer->FormatError(doc, "missing \"text\" <field>")
                               : writer->Format(doc, Shared().Extract(texts[i]));
    std::string error;
    BOOST_TEST(writer->Emit(doc, piece, i == 1, error));
    page += piece;
  }
  page += writer->End();
  BOOST_TEST(page.find("<nav class=\"toc\"><h2>Documents (3)") != std::string::npos);
  BOOST_TEST(page.find("<a href=\"#d0\">first</a>") != std::string::npos);
  BOOST_TEST(page.find("<a href=\"#d1\">7</a> <span class=\"n\">failed</span>") !=
             std::string::npos);
  BOOST_TEST(page.find("<a href=\"#d2\">line 3</a>") != std::string::npos);
  for (const char* anchor : {"id=\"d0\"", "id=\"d1\"", "id=\"d2\""}) {
    BOOST_TEST(page.find(anchor) != std::string::npos);
  }
  BOOST_TEST(page.find("Not processed: missing &quot;text&quot; &lt;field&gt;") !=
             std::string::npos);
  // Each entity anchor is unique on the page.
  BOOST_TEST(page.find("id=\"d0-e0\"") != std::string::npos);
  BOOST_TEST(page.find("id=\"d2-e0\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(explain_shows_the_candidates_that_lost) {
  const std::string text = "MISRATA, Libya (AP) \xE2\x80\x94 Fighters entered Sirte on Monday.";
  nerkit::ExtractOptions options;
  options.explain = true;
  const nerkit::Result r = Shared().Extract(text, options);
  BOOST_TEST_REQUIRE(!r.rejected.empty());
  const json id = "explain.txt";
  const std::string html = HtmlSection(DocumentInfo{0, &id, 0, text}, r);
  BOOST_TEST(html.find("<details class=\"lost\" open><summary>Candidates that lost (" +
                       std::to_string(r.rejected.size()) + ")") != std::string::npos);
  std::size_t rows = 0;
  for (std::size_t p = html.find("<tr class=\"lost\"><td>"); p != std::string::npos;
       p = html.find("<tr class=\"lost\"><td>", p + 1)) {
    ++rows;
    const std::size_t cell = html.find("<td>", p) + 4;
    const bool struck =
        html.compare(cell, 3, "<s>") == 0 || html.compare(html.find('>', cell) + 1, 3, "<s>") == 0;
    BOOST_TEST(struck);
  }
  BOOST_TEST(rows == r.rejected.size());
  for (const nerkit::Rejected& x : r.rejected) {
    BOOST_TEST(html.find(EscapeHtml(x.reason)) != std::string::npos, x.reason);
  }
  // A losing label of an entity's place is struck through beside it, outside the mark's text.
  BOOST_TEST(html.find("</mark><s class=\"ll\" data-label=\"") != std::string::npos);
  for (const ShownMark& m : Marks(html)) BOOST_TEST(m.bytes_before == m.start);
  // Without --explain: no table.
  const std::string plain = HtmlSection(DocumentInfo{0, &id, 0, text}, Shared().Extract(text));
  BOOST_TEST(plain.find("Candidates that lost") == std::string::npos);
  BOOST_TEST(plain.find("<s ") == std::string::npos);
}
