#include "html_output.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <cstdio>
#include <string>
#include <vector>

#include "nerkit/utf8.h"
#include "nerkit/version.h"

namespace {

constexpr nerkit::Label kLabels[] = {
    nerkit::Label::kPerson, nerkit::Label::kLocation, nerkit::Label::kOrganization,
    nerkit::Label::kDate,   nerkit::Label::kTime,     nerkit::Label::kDuration,
    nerkit::Label::kSet,
};

// What the side panel calls the distinct things of each label.
std::string_view GroupName(nerkit::Label label) {
  switch (label) {
    case nerkit::Label::kPerson:
      return "People";
    case nerkit::Label::kLocation:
      return "Places";
    case nerkit::Label::kOrganization:
      return "Organisations";
    case nerkit::Label::kDate:
      return "Dates";
    case nerkit::Label::kTime:
      return "Times";
    case nerkit::Label::kDuration:
      return "Durations";
    case nerkit::Label::kSet:
      return "Sets";
  }
  return "";
}

bool IsName(nerkit::Label label) {
  return label == nerkit::Label::kPerson || label == nerkit::Label::kLocation ||
         label == nerkit::Label::kOrganization;
}

// Control characters shown as U+FFFD stay one byte here, so offsets into the text still hold.
constexpr char kShownAsReplacement = '\x1A';

// The CSS of entity highlights, the page frame and the report (one style sheet for both pages).
constexpr std::string_view kStyle = R"css(
:root{--person:#cdbcff;--location:#ffd27a;--organization:#8ddcf2;--date:#a9e5a0;--time:#d3edc3;
--duration:#ffc3d8;--set:#e3d7c3;--ink:#1f2328;--muted:#59636e;--line:#d8dee4}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,"DejaVu Sans",sans-serif;color:var(--ink);background:#f4f4f1;
display:flex;flex-direction:column;min-height:100vh}
header.top{order:-2;display:flex;flex-wrap:wrap;align-items:center;gap:10px 28px;padding:12px 24px;
background:#24292f;color:#fff}
header.top h1{margin:0;font-size:18px;font-weight:600}
header.top .sub{color:#c9d1d9;font-size:13px}
ul.legend{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.key{display:inline-block;padding:1px 8px;border-radius:4px;font-size:12px;font-weight:600;
color:#111;letter-spacing:.02em}
.person{background:var(--person)}.location{background:var(--location)}
.organization{background:var(--organization)}.date{background:var(--date)}
.time{background:var(--time)}.duration{background:var(--duration)}.set{background:var(--set)}
nav.toc{order:-1;margin:16px 24px 0;padding:12px 20px;background:#fff;border:1px solid var(--line);
border-radius:6px}
nav.toc h2{margin:0 0 6px;font-size:15px}
nav.toc ol{margin:0;padding-left:2.2em;columns:3 260px;font-size:14px}
main{padding:16px 24px;flex:1}
section.doc{background:#fff;border:1px solid var(--line);border-radius:6px;margin:0 0 24px;
padding:14px 22px 18px}
section.doc>h2{margin:0;font-size:17px;overflow-wrap:anywhere}
p.meta{margin:2px 0 12px;color:var(--muted);font-size:13px}
p.error{color:#b42318;font-weight:600}
.cols{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:28px}
@media (max-width:900px){.cols{grid-template-columns:minmax(0,1fr)}}
.text{font:17px/1.95 Georgia,"DejaVu Serif",serif;white-space:pre-wrap;overflow-wrap:anywhere}
mark.e{color:inherit;padding:.12em .3em;border-radius:.35em;-webkit-box-decoration-break:clone;
box-decoration-break:clone}
mark.e::after{content:attr(data-label);margin-left:.4em;font:700 .58em/1 system-ui,"DejaVu Sans",
sans-serif;letter-spacing:.04em;vertical-align:middle;opacity:.72}
mark.e:target,s.lost:target{outline:3px solid #d1242f;outline-offset:1px}
s.lost{color:#8c959f;text-decoration:line-through 2px #d1242f}
s.lost::after{content:attr(data-label);margin-left:.3em;font:600 .55em/1 system-ui,sans-serif;
vertical-align:middle}
s.ll{text-decoration:none}
s.ll::after{content:attr(data-label);display:inline-block;margin-left:.2em;font:600 .55em/1
system-ui,"DejaVu Sans",sans-serif;color:#8c959f;vertical-align:middle;
text-decoration:line-through 1.5px #d1242f}
aside.panel{font-size:14px;align-self:start;position:sticky;top:8px;max-height:calc(100vh - 16px);
overflow:auto;border-left:1px solid var(--line);padding-left:18px}
aside.panel h3{margin:12px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.06em;
color:var(--muted);display:flex;align-items:center;gap:6px}
aside.panel h3:first-child{margin-top:0}
aside.panel h3 .swatch{width:12px;height:12px;border-radius:3px;display:inline-block}
aside.panel ul{margin:0;padding:0;list-style:none}
aside.panel li{display:flex;gap:6px;align-items:baseline;padding:1px 0}
aside.panel li a{color:var(--ink);text-decoration:none;border-bottom:1px dotted #8c959f;
overflow-wrap:anywhere}
aside.panel .canon{color:var(--muted);font-size:12px}
.n{margin-left:auto;min-width:1.8em;text-align:right;font-variant-numeric:tabular-nums;
color:var(--muted);font-size:12px}
details.lost{margin-top:16px;font-size:13px}
details.lost summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
)css";

std::string Attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  AppendEscapedHtml(out, value);
  out += '"';
  return out;
}

// One highlighted or struck-through span of the text.
struct Mark {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t index = 0;  // into entities or rejected
  bool lost = false;
};

std::string EntityTitle(const nerkit::Result& r, const nerkit::Entity& e,
                        const std::vector<std::size_t>& lost) {
  std::string t = std::string(nerkit::LabelName(e.label)) + ": " + e.text;
  if (!e.canonical.empty() && e.canonical != e.text) t += "\ncanonical: " + e.canonical;
  if (!e.id.empty()) t += "\nid: " + e.id;
  if (!e.value.empty()) {
    t += "\nvalue: " + e.value;
    if (e.anchor == "reference")
      t += " (from the reference date)";
    else if (!e.anchor.empty())
      t += " (" + e.anchor + ")";
  }
  if (!e.source.empty()) t += "\nsource: " + e.source;
  char confidence[32];
  std::snprintf(confidence, sizeof confidence, "\nconfidence: %.2f", e.confidence);
  t += confidence;
  if (e.cluster >= 0 && static_cast<std::size_t>(e.cluster) < r.clusters.size()) {
    const nerkit::Cluster& c = r.clusters[static_cast<std::size_t>(e.cluster)];
    if (c.mentions.size() > 1) {
      t += "\ncluster " + std::to_string(e.cluster) + ": " + c.name + ", " +
           std::to_string(c.mentions.size()) + " mentions";
    }
  }
  for (std::size_t i : lost) {
    const nerkit::Rejected& x = r.rejected[i];
    t += "\nlost: " + std::string(nerkit::LabelName(x.candidate.label)) + " \"" + x.candidate.text +
         "\" (" + x.candidate.source + "): " + x.reason;
  }
  return t;
}

std::string LostTitle(const nerkit::Rejected& x) {
  return "lost: " + std::string(nerkit::LabelName(x.candidate.label)) + " \"" + x.candidate.text +
         "\"\nsource: " + x.candidate.source + "\nwhy: " + x.reason;
}

// The distinct things of one label in the side panel.
struct PanelItem {
  std::string name;
  std::string canonical;
  std::string id;
  std::size_t count = 0;
  std::size_t first = 0;  // entity index of the first mention
};

std::string Panel(const DocumentInfo& doc, const nerkit::Result& r) {
  const std::string d = "d" + std::to_string(doc.index);
  std::map<std::string, PanelItem> by_key[nerkit::kLabelCount];
  for (std::size_t i = 0; i < r.entities.size(); ++i) {
    const nerkit::Entity& e = r.entities[i];
    std::string key;
    PanelItem fresh;
    fresh.first = i;
    if (IsName(e.label) && e.cluster >= 0 &&
        static_cast<std::size_t>(e.cluster) < r.clusters.size()) {
      const nerkit::Cluster& c = r.clusters[static_cast<std::size_t>(e.cluster)];
      key = "c" + std::to_string(e.cluster);
      fresh.name = c.name.empty() ? e.text : c.name;
      fresh.canonical = c.canonical;
      fresh.id = c.id;
    } else if (IsName(e.label)) {
      key = "t" + e.text;
      fresh.name = e.text;
      fresh.canonical = e.canonical;
      fresh.id = e.id;
    } else {
      // Time expressions are grouped by their normalized value (by text when they have none).
      key = e.value.empty() ? "t" + e.text : "v" + e.value;
      fresh.name = e.value.empty() ? e.text : e.value;
      fresh.canonical = e.value.empty() ? "" : e.text;
    }
    auto [it, added] = by_key[static_cast<int>(e.label)].try_emplace(key, std::move(fresh));
    it->second.count++;
  }
  std::string out = "<aside class=\"panel\">\n";
  bool any = false;
  for (nerkit::Label label : kLabels) {
    const auto& items = by_key[static_cast<int>(label)];
    if (items.empty()) continue;
    any = true;
    std::vector<const PanelItem*> sorted;
    for (const auto& [key, item] : items) sorted.push_back(&item);
    std::sort(sorted.begin(), sorted.end(), [](const PanelItem* a, const PanelItem* b) {
      return a->count != b->count ? a->count > b->count : a->first < b->first;
    });
    out += "<h3><span class=\"swatch " + std::string(LabelClass(label)) + "\"></span>" +
           std::string(GroupName(label)) + " <span class=\"n\">" + std::to_string(items.size()) +
           "</span></h3>\n<ul class=\"group\" data-label=\"" +
           std::string(nerkit::LabelName(label)) + "\">\n";
    for (const PanelItem* item : sorted) {
      std::string title = std::string(nerkit::LabelName(label));
      if (!item->canonical.empty()) title += "\ncanonical: " + item->canonical;
      if (!item->id.empty()) title += "\nid: " + item->id;
      title += "\n" + std::to_string(item->count) + (item->count == 1 ? " mention" : " mentions") +
               "; the link goes to the first";
      // Names: the dictionary's canonical name first, the fullest mention beside it; time
      // expressions: the value first, the text beside it.
      const bool names = IsName(label);
      const std::string& first = names && !item->canonical.empty() ? item->canonical : item->name;
      const std::string& second = names && !item->canonical.empty() ? item->name : item->canonical;
      out += "<li><a href=\"#" + d + "-e" + std::to_string(item->first) + "\"" +
             Attr("title", title) + ">";
      AppendEscapedHtml(out, first);
      out += "</a>";
      if (!second.empty() && second != first) {
        out += "<span class=\"canon\">";
        AppendEscapedHtml(out, second);
        out += "</span>";
      }
      out += "<span class=\"n\">" + std::to_string(item->count) + "</span></li>\n";
    }
    out += "</ul>\n";
  }
  if (!any) out += "<p class=\"meta\">No entities.</p>\n";
  return out + "</aside>\n";
}

// The entity (if any) that overlaps [start, end): entities are sorted and never overlap, so
// their ends are sorted too.
std::vector<std::size_t> Overlapping(const std::vector<nerkit::Entity>& entities, std::size_t start,
                                     std::size_t end) {
  std::vector<std::size_t> found;
  auto it = std::upper_bound(entities.begin(), entities.end(), start,
                             [](std::size_t s, const nerkit::Entity& e) { return s < e.end; });
  for (; it != entities.end() && it->start < end; ++it) {
    found.push_back(static_cast<std::size_t>(it - entities.begin()));
  }
  return found;
}

std::string LostTable(const std::string& d, const nerkit::Result& r,
                      const std::vector<std::vector<std::size_t>>& winners,
                      const std::vector<bool>& inline_lost) {
  std::string out = "<details class=\"lost\" open><summary>Candidates that lost (" +
                    std::to_string(r.rejected.size()) +
                    ")</summary>\n<table>\n<thead><tr><th>candidate</th><th>label</th>"
                    "<th>source</th><th>why it lost</th><th>kept instead</th></tr></thead>\n"
                    "<tbody>\n";
  for (std::size_t i = 0; i < r.rejected.size(); ++i) {
    const nerkit::Rejected& x = r.rejected[i];
    out += "<tr class=\"lost\"><td>";
    if (inline_lost[i]) out += "<a href=\"#" + d + "-r" + std::to_string(i) + "\">";
    out += "<s>";
    AppendEscapedHtml(out, x.candidate.text);
    out += "</s>";
    if (inline_lost[i]) out += "</a>";
    out += "</td><td><span class=\"key " + std::string(LabelClass(x.candidate.label)) + "\">" +
           std::string(nerkit::LabelName(x.candidate.label)) + "</span></td><td>";
    AppendEscapedHtml(out, x.candidate.source);
    out += "</td><td>";
    AppendEscapedHtml(out, x.reason);
    out += "</td><td>";
    for (std::size_t w : winners[i]) {
      out += "<a href=\"#" + d + "-e" + std::to_string(w) + "\">";
      AppendEscapedHtml(out, r.entities[w].text);
      out += "</a> ";
    }
    out += "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</details>\n";
}

class HtmlWriter : public DocumentWriter {
 public:
  explicit HtmlWriter(const DocumentWriterOptions& options) : options_(options) {}

  std::string Begin() override {
    std::string title = options_.title.empty() ? "nerkit-extract" : options_.title;
    return HtmlHead("nerkit: " + title) +
           "<header class=\"top\"><h1>nerkit</h1><span class=\"sub\">" + EscapeHtml(title) +
           "</span>" + HtmlLegend() + "</header>\n<main>\n";
  }
  std::string Format(const DocumentInfo& doc, const nerkit::Result& result) const override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      entity_counts_[doc.index] = result.entities.size();
    }
    return HtmlSection(doc, result);
  }
  std::string FormatError(const DocumentInfo& doc, const std::string& error) const override {
    return HtmlErrorSection(doc, error);
  }
  bool Emit(const DocumentInfo& doc, std::string&, bool failed, std::string&) override {
    std::string entry = "<li><a href=\"#d" + std::to_string(doc.index) + "\">";
    AppendEscapedHtml(entry, DocumentName(doc));
    entry += "</a> <span class=\"n\">";
    if (failed) {
      entry += "failed";
    } else {
      std::lock_guard<std::mutex> lock(mutex_);
      entry += std::to_string(entity_counts_[doc.index]);
      entity_counts_.erase(doc.index);
    }
    toc_ += entry + "</span></li>\n";
    ++documents_;
    return true;
  }
  std::string End() override {
    std::string out = "</main>\n";
    // Written last, shown first (the page is a flex column and the table of contents comes
    // before <main>): the page streams, yet its table lists every document.
    if (documents_ > 1) {
      out += "<nav class=\"toc\"><h2>Documents (" + std::to_string(documents_) +
             "), with their number of entities</h2>\n<ol>\n" + toc_ + "</ol></nav>\n";
    }
    if (documents_ == 0) out += "<p class=\"meta\">No documents.</p>\n";
    return out + HtmlFoot();
  }

 private:
  DocumentWriterOptions options_;
  mutable std::mutex mutex_;
  mutable std::map<std::size_t, std::size_t> entity_counts_;
  std::string toc_;
  std::size_t documents_ = 0;
};

}  // namespace

void AppendEscapedHtml(std::string& out, std::string_view text) {
  std::string repaired;
  if (nerkit::CountInvalidUtf8(text) > 0) {
    repaired.assign(text);
    nerkit::ReplaceInvalidUtf8(repaired, kShownAsReplacement);
    text = repaired;
  }
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::string_view reference;
    switch (c) {
      case '&':
        reference = "&amp;";
        break;
      case '<':
        reference = "&lt;";
        break;
      case '>':
        reference = "&gt;";
        break;
      case '"':
        reference = "&quot;";
        break;
      case '\'':
        reference = "&#39;";
        break;
      default:
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
          reference = "\xEF\xBF\xBD";
        }
    }
    if (reference.empty()) continue;
    out.append(text.data() + run, i - run);
    out += reference;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  AppendEscapedHtml(out, text);
  return out;
}

std::string_view LabelClass(nerkit::Label label) {
  switch (label) {
    case nerkit::Label::kPerson:
      return "person";
    case nerkit::Label::kLocation:
      return "location";
    case nerkit::Label::kOrganization:
      return "organization";
    case nerkit::Label::kDate:
      return "date";
    case nerkit::Label::kTime:
      return "time";
    case nerkit::Label::kDuration:
      return "duration";
    case nerkit::Label::kSet:
      return "set";
  }
  return "";
}

std::string HtmlHead(std::string_view title, std::string_view extra_css) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // Nothing may be fetched: the page is self-contained, and a browser that opens it makes no
      // request even for text that looks like markup.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"nerkit " NERKIT_VERSION_STRING "\">\n<title>";
  AppendEscapedHtml(out, title);
  out += "</title>\n<style>";
  out += kStyle;
  out += extra_css;
  out += "</style>\n</head>\n<body>\n";
  return out;
}

std::string HtmlFoot() { return "</body>\n</html>\n"; }

std::string HtmlLegend() {
  std::string out = "<ul class=\"legend\" aria-label=\"labels\">";
  for (nerkit::Label label : kLabels) {
    out += "<li class=\"key " + std::string(LabelClass(label)) + "\">" +
           std::string(nerkit::LabelName(label)) + "</li>";
  }
  return out + "</ul>";
}

std::string HtmlSection(const DocumentInfo& doc, const nerkit::Result& r) {
  const std::string d = "d" + std::to_string(doc.index);
  // The text as shown: each bad byte stays one byte (shown as U+FFFD by the escaper), so every
  // offset of the result still points at the same place.
  std::string shown(doc.text);
  nerkit::ReplaceInvalidUtf8(shown, kShownAsReplacement);

  // Entities, and the losing candidates that overlap no entity (struck through in the text).
  std::vector<Mark> marks;
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < r.entities.size(); ++i) {
    const nerkit::Entity& e = r.entities[i];
    if (e.start < last_end || e.end < e.start || e.end > shown.size()) continue;
    marks.push_back({e.start, e.end, i, false});
    last_end = e.end;
  }
  std::vector<std::vector<std::size_t>> winners(r.rejected.size());
  std::vector<std::vector<std::size_t>> lost_by_entity(r.entities.size());
  std::vector<bool> inline_lost(r.rejected.size(), false);
  if (!r.rejected.empty()) {
    std::vector<std::size_t> order(r.rejected.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return r.rejected[a].candidate.start < r.rejected[b].candidate.start;
    });
    std::size_t lost_end = 0;
    for (std::size_t i : order) {
      const nerkit::Entity& c = r.rejected[i].candidate;
      if (c.end <= c.start || c.end > shown.size()) continue;
      winners[i] = Overlapping(r.entities, c.start, c.end);
      for (std::size_t w : winners[i]) lost_by_entity[w].push_back(i);
      if (winners[i].empty() && c.start >= lost_end) {
        inline_lost[i] = true;
        marks.push_back({c.start, c.end, i, true});
        lost_end = c.end;
      }
    }
    std::stable_sort(marks.begin(), marks.end(),
                     [](const Mark& a, const Mark& b) { return a.start < b.start; });
  }

  std::string out;
  out.reserve(shown.size() + shown.size() / 8 + r.entities.size() * 320 + 4096);
  out += "<section class=\"doc\" id=\"" + d + "\">\n<h2>";
  AppendEscapedHtml(out, DocumentName(doc));
  out += "</h2>\n<p class=\"meta\">";
  out += std::to_string(r.entities.size()) + (r.entities.size() == 1 ? " entity" : " entities");
  if (r.reference_date) {
    out += " · reference date " + r.reference_date->ToString();
    if (r.reference_date_source == "document")
      out += " (found in the text)";
    else if (r.reference_date_source == "caller")
      out += " (given)";
  } else {
    out += " · no reference date";
  }
  if (r.invalid_utf8_bytes > 0) {
    out += " · " + std::to_string(r.invalid_utf8_bytes) +
           " byte(s) of invalid UTF-8, shown as \xEF\xBF\xBD";
  }
  out += "</p>\n<div class=\"cols\">\n<div class=\"text\">";
  std::size_t pos = 0;
  for (const Mark& m : marks) {
    if (m.start < pos) continue;
    AppendEscapedHtml(out, std::string_view(shown).substr(pos, m.start - pos));
    const std::string_view span = std::string_view(shown).substr(m.start, m.end - m.start);
    if (m.lost) {
      const nerkit::Rejected& x = r.rejected[m.index];
      out += "<s class=\"lost\" id=\"" + d + "-r" + std::to_string(m.index) + "\"" +
             Attr("data-label", nerkit::LabelName(x.candidate.label)) +
             Attr("title", LostTitle(x)) + ">";
      AppendEscapedHtml(out, span);
      out += "</s>";
    } else {
      const nerkit::Entity& e = r.entities[m.index];
      out += "<mark class=\"e " + std::string(LabelClass(e.label)) + "\" id=\"" + d + "-e" +
             std::to_string(m.index) + "\"" + Attr("data-label", nerkit::LabelName(e.label)) +
             " data-start=\"" + std::to_string(e.start) + "\" data-end=\"" + std::to_string(e.end) +
             "\"" + Attr("title", EntityTitle(r, e, lost_by_entity[m.index])) + ">";
      AppendEscapedHtml(out, span);
      out += "</mark>";
      // With --explain, the other labels candidates of this place had, struck through (drawn by
      // CSS, so that the text of the page stays the document's).
      std::vector<nerkit::Label> other;
      std::string why;
      for (std::size_t i : lost_by_entity[m.index]) {
        const nerkit::Label l = r.rejected[i].candidate.label;
        if (l == e.label) continue;
        if (std::find(other.begin(), other.end(), l) == other.end()) other.push_back(l);
        why += (why.empty() ? "" : "\n\n") + LostTitle(r.rejected[i]);
      }
      for (nerkit::Label l : other) {
        out += "<s class=\"ll\"" + Attr("data-label", nerkit::LabelName(l)) + Attr("title", why) +
               "></s>";
      }
    }
    pos = m.end;
  }
  AppendEscapedHtml(out, std::string_view(shown).substr(pos));
  out += "</div>\n";
  out += Panel(doc, r);
  out += "</div>\n";
  if (!r.rejected.empty()) out += LostTable(d, r, winners, inline_lost);
  out += "</section>\n";
  return out;
}

std::string HtmlErrorSection(const DocumentInfo& doc, const std::string& error) {
  std::string out =
      "<section class=\"doc failed\" id=\"d" + std::to_string(doc.index) + "\">\n<h2>";
  AppendEscapedHtml(out, DocumentName(doc));
  out += "</h2>\n<p class=\"error\">Not processed: ";
  AppendEscapedHtml(out, error);
  return out + "</p>\n</section>\n";
}

std::unique_ptr<DocumentWriter> MakeHtmlWriter(const DocumentWriterOptions& options) {
  return std::make_unique<HtmlWriter>(options);
}
