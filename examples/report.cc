#include "report.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "code_points.h"
#include "html_output.h"
#include "nerkit/entity.h"

namespace {

enum Kind { kMissed, kSpurious, kWrongLabel, kWrongBoundary, kKinds };

constexpr const char* kKindName[kKinds] = {"Missed", "Spurious", "Wrong label", "Wrong boundary"};
constexpr const char* kKindAnchor[kKinds] = {"missed", "spurious", "wrong-label", "wrong-boundary"};
constexpr const char* kKindHelp[kKinds] = {
    "gold mentions that no prediction overlaps",
    "predictions that overlap no gold mention",
    "predictions that overlap a gold mention of another label",
    "predictions of the right label whose start or end differ from the gold mention's",
};

// Most errors listed per kind; a page with more would be too long to read.
constexpr std::size_t kMaxListed = 1500;

struct Error {
  Kind kind;
  std::size_t doc;
  const ReportSpan* gold = nullptr;
  const ReportSpan* predicted = nullptr;
};

constexpr const char* kMissedColumn = "missed";
constexpr const char* kSpuriousRow = "spurious";

std::string Class(const std::string& label) {
  auto parsed = nerkit::ParseLabel(label);
  return parsed ? std::string(LabelClass(*parsed)) : "other";
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", 100 * v);
  return buf;
}

// Pairs the gold mentions and predictions of one document: exact matches first, then the largest
// overlaps one to one. Adds the errors and fills the confusion counts.
void Classify(const ReportDocument& doc, std::size_t d, std::vector<Error>& errors,
              std::map<std::string, std::map<std::string, long>>& confusion) {
  const std::vector<ReportSpan>& gold = doc.gold;
  const std::vector<ReportSpan>& pred = doc.predicted;
  std::vector<bool> gold_used(gold.size(), false), pred_used(pred.size(), false);
  for (std::size_t j = 0; j < pred.size(); ++j) {
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (gold_used[i] || gold[i].start != pred[j].start || gold[i].end != pred[j].end ||
          gold[i].label != pred[j].label) {
        continue;
      }
      gold_used[i] = pred_used[j] = true;
      confusion[gold[i].label][gold[i].label]++;
      break;
    }
  }
  std::vector<std::tuple<long, std::size_t, std::size_t>> overlaps;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (gold_used[i]) continue;
    for (std::size_t j = 0; j < pred.size(); ++j) {
      if (pred_used[j]) continue;
      const long ov = std::min(gold[i].end, pred[j].end) - std::max(gold[i].start, pred[j].start);
      if (ov > 0) overlaps.emplace_back(-ov, i, j);
    }
  }
  std::sort(overlaps.begin(), overlaps.end());
  for (const auto& [ov, i, j] : overlaps) {
    if (gold_used[i] || pred_used[j]) continue;
    gold_used[i] = pred_used[j] = true;
    const bool same_label = gold[i].label == pred[j].label;
    errors.push_back({same_label ? kWrongBoundary : kWrongLabel, d, &gold[i], &pred[j]});
    confusion[gold[i].label][pred[j].label]++;
  }
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (gold_used[i]) continue;
    errors.push_back({kMissed, d, &gold[i], nullptr});
    confusion[gold[i].label][kMissedColumn]++;
  }
  for (std::size_t j = 0; j < pred.size(); ++j) {
    if (pred_used[j]) continue;
    errors.push_back({kSpurious, d, nullptr, &pred[j]});
    confusion[kSpuriousRow][pred[j].label]++;
  }
}

std::string ScoreTable(const std::vector<ReportScore>& scores) {
  std::string out =
      "<table class=\"scores\"><thead><tr><th>label</th><th class=\"num\">gold</th>"
      "<th class=\"num\">predicted</th><th class=\"num\">correct</th><th class=\"num\">P</th>"
      "<th class=\"num\">R</th><th class=\"num\">F1</th></tr></thead><tbody>\n";
  for (const ReportScore& s : scores) {
    const bool micro = s.label == "MICRO";
    out += micro ? "<tr class=\"micro\"><td>micro-average</td>"
                 : "<tr><td><span class=\"key " + Class(s.label) + "\">" + EscapeHtml(s.label) +
                       "</span></td>";
    out += "<td class=\"num\">" + std::to_string(s.gold) + "</td><td class=\"num\">" +
           std::to_string(s.predicted) + "</td><td class=\"num\">" + std::to_string(s.correct) +
           "</td><td class=\"num\">" + Percent(s.precision) + "</td><td class=\"num\">" +
           Percent(s.recall) + "</td><td class=\"num\"><b>" + Percent(s.f1) + "</b></td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

// Horizontal bars: precision, recall and F1 of each label, on a 0-100 scale.
std::string Bars(const std::vector<ReportScore>& scores) {
  constexpr int kLeft = 150, kWidth = 460, kBar = 13, kGap = 3, kGroupGap = 16, kTop = 46;
  const int group = 3 * kBar + 2 * kGap + kGroupGap;
  const int height = kTop + static_cast<int>(scores.size()) * group + 6;
  const int total = kLeft + kWidth + 70;
  static const char* const kNames[3] = {"precision", "recall", "F1"};
  static const char* const kColours[3] = {"#4e79a7", "#f28e2b", "#59a14f"};
  std::string out = "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(total) + "\" height=\"" + std::to_string(height) +
                    "\" viewBox=\"0 0 " + std::to_string(total) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"precision, recall and F1 per label\">\n";
  // Legend and grid.
  for (int k = 0; k < 3; ++k) {
    const int x = kLeft + k * 110;
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"4\" width=\"12\" height=\"12\" fill=\"" +
           kColours[k] + "\"/><text x=\"" + std::to_string(x + 17) + "\" y=\"14\">" + kNames[k] +
           "</text>\n";
  }
  for (int p = 0; p <= 100; p += 25) {
    const int x = kLeft + kWidth * p / 100;
    out += "<line x1=\"" + std::to_string(x) + "\" y1=\"" + std::to_string(kTop - 8) + "\" x2=\"" +
           std::to_string(x) + "\" y2=\"" + std::to_string(height - 4) +
           "\" class=\"grid\"/><text class=\"tick\" x=\"" + std::to_string(x) + "\" y=\"" +
           std::to_string(kTop - 10) + "\">" + std::to_string(p) + "</text>\n";
  }
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const ReportScore& s = scores[i];
    const int y = kTop + static_cast<int>(i) * group;
    const std::string name = s.label == "MICRO" ? "micro-average" : s.label;
    out += "<text class=\"label\" x=\"" + std::to_string(kLeft - 10) + "\" y=\"" +
           std::to_string(y + (3 * kBar + 2 * kGap) / 2 + 5) + "\">" + EscapeHtml(name) +
           "</text>\n";
    const double values[3] = {s.precision, s.recall, s.f1};
    for (int k = 0; k < 3; ++k) {
      const int by = y + k * (kBar + kGap);
      const int w = static_cast<int>(kWidth * std::clamp(values[k], 0.0, 1.0) + 0.5);
      out += "<rect class=\"bar\" x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(by) +
             "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(kBar) +
             "\" fill=\"" + kColours[k] + "\" data-label=\"" + EscapeHtml(s.label) +
             "\" data-measure=\"" + kNames[k] + "\"><title>" + EscapeHtml(name) + " " + kNames[k] +
             " " + Percent(values[k]) + "</title></rect>" + "<text class=\"value\" x=\"" +
             std::to_string(kLeft + w + 5) + "\" y=\"" + std::to_string(by + kBar - 2) + "\">" +
             Percent(values[k]) + "</text>\n";
    }
  }
  return out + "</svg>\n";
}

std::string ConfusionTable(const std::vector<std::string>& labels,
                           const std::map<std::string, std::map<std::string, long>>& confusion) {
  std::string out =
      "<table class=\"confusion\"><caption>Rows: the gold label; columns: the predicted label. "
      "A cell counts gold mentions paired with a prediction (an exact match, or the largest "
      "overlap): the diagonal holds correct mentions and boundary errors, the rest wrong labels. "
      "<i>missed</i>: no prediction overlaps the gold mention; <i>spurious</i>: no gold mention "
      "overlaps the prediction.</caption>\n<thead><tr><th>gold \\ predicted</th>";
  for (const std::string& l : labels) {
    out +=
        "<th class=\"num\"><span class=\"key " + Class(l) + "\">" + EscapeHtml(l) + "</span></th>";
  }
  out += "<th class=\"num\">missed</th></tr></thead><tbody>\n";
  long max_off = 1;
  for (const auto& [row, cols] : confusion) {
    for (const auto& [col, n] : cols) {
      if (row != col) max_off = std::max(max_off, n);
    }
  }
  auto cell = [&](const std::string& row, const std::string& col) {
    long n = 0;
    if (auto r = confusion.find(row); r != confusion.end()) {
      if (auto c = r->second.find(col); c != r->second.end()) n = c->second;
    }
    if (row == kSpuriousRow && col == kMissedColumn) return std::string("<td class=\"num\"></td>");
    std::string style;
    if (n > 0 && row == col) {
      style = " class=\"num diag\"";
    } else if (n > 0) {
      // Redder the more often it happens.
      const int alpha =
          12 + static_cast<int>(70.0 * static_cast<double>(n) / static_cast<double>(max_off));
      style =
          " class=\"num off\" style=\"background:rgba(209,36,47,." + std::to_string(alpha) + ")\"";
    } else {
      style = " class=\"num zero\"";
    }
    return "<td" + style + " data-gold=\"" + EscapeHtml(row) + "\" data-predicted=\"" +
           EscapeHtml(col) + "\">" + std::to_string(n) + "</td>";
  };
  std::vector<std::string> rows = labels;
  rows.push_back(kSpuriousRow);
  for (const std::string& row : rows) {
    out += "<tr><th>" +
           (row == kSpuriousRow
                ? std::string("<i>spurious</i>")
                : "<span class=\"key " + Class(row) + "\">" + EscapeHtml(row) + "</span>") +
           "</th>";
    for (const std::string& col : labels) out += cell(row, col);
    out += cell(row, kMissedColumn) + "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

// The sentence (or sentences) around [start, end), with the error's gold span underlined and its
// predicted span highlighted.
std::string InContext(const ReportDocument& doc, const CodePoints& cp, const Error& e) {
  long start = e.gold ? e.gold->start : e.predicted->start;
  long end = e.gold ? e.gold->end : e.predicted->end;
  if (e.gold && e.predicted) {
    start = std::min(e.gold->start, e.predicted->start);
    end = std::max(e.gold->end, e.predicted->end);
  }
  const long length = static_cast<long>(cp.size());
  start = std::clamp(start, 0L, length);
  end = std::clamp(end, start, length);
  long from = -1, to = -1;
  for (const auto& [s, t] : doc.sentences) {
    if (t > start && s < end) {
      if (from < 0) from = s;
      to = t;
    }
  }
  if (from < 0 || from > start || to < end) {
    // No sentence from the extractor: the line.
    const std::size_t b = cp.ToByte(static_cast<std::size_t>(start));
    const std::size_t nl = b == 0 ? std::string::npos : doc.text.rfind('\n', b - 1);
    from = nl == std::string::npos ? 0 : static_cast<long>(cp.FromByte(nl + 1));
    const std::size_t next = doc.text.find('\n', cp.ToByte(static_cast<std::size_t>(end)));
    to = next == std::string::npos ? length : static_cast<long>(cp.FromByte(next));
  }
  constexpr long kContext = 160;
  const bool cut_left = start - from > kContext, cut_right = to - end > kContext;
  if (cut_left) from = start - kContext;
  if (cut_right) to = end + kContext;
  std::set<long> cuts = {from, to, start, end};
  for (const ReportSpan* s : {e.gold, e.predicted}) {
    if (s) {
      cuts.insert(std::clamp(s->start, from, to));
      cuts.insert(std::clamp(s->end, from, to));
    }
  }
  std::string out = "<div class=\"ctx\">";
  if (cut_left) out += "\xE2\x80\xA6";
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    const long a = *it, b = *std::next(it);
    const std::size_t ba = cp.ToByte(static_cast<std::size_t>(a));
    std::string piece = EscapeHtml(
        std::string_view(doc.text).substr(ba, cp.ToByte(static_cast<std::size_t>(b)) - ba));
    // Line breaks inside a context are shown as a pilcrow: the context is one line.
    for (std::size_t p = piece.find('\n'); p != std::string::npos; p = piece.find('\n', p)) {
      piece.replace(p, 1, " \xC2\xB6 ");
    }
    std::string classes;
    if (e.gold && e.gold->start <= a && b <= e.gold->end) classes += "g g-" + Class(e.gold->label);
    if (e.predicted && e.predicted->start <= a && b <= e.predicted->end) {
      classes += (classes.empty() ? "" : " ") + std::string("p ") + Class(e.predicted->label);
    }
    if (classes.empty()) {
      out += piece;
    } else {
      out += "<span class=\"" + classes + "\">" + piece + "</span>";
    }
  }
  if (cut_right) out += "\xE2\x80\xA6";
  return out + "</div>";
}

std::string SpanText(const ReportDocument& doc, const CodePoints& cp, const ReportSpan& s) {
  const std::size_t b = cp.ToByte(static_cast<std::size_t>(std::max(0L, s.start)));
  const std::size_t e = cp.ToByte(static_cast<std::size_t>(std::max(s.start, s.end)));
  return EscapeHtml(std::string_view(doc.text).substr(b, e - b));
}

std::string Describe(const ReportDocument& doc, const CodePoints& cp, const Error& e) {
  std::string out = "<div class=\"what\">";
  if (e.gold) {
    out += "gold <span class=\"key " + Class(e.gold->label) + "\">" + EscapeHtml(e.gold->label) +
           "</span> <q>" + SpanText(doc, cp, *e.gold) + "</q>";
  }
  if (e.gold && e.predicted) out += " \xC2\xB7 ";
  if (e.predicted) {
    out += "predicted <span class=\"key " + Class(e.predicted->label) + "\">" +
           EscapeHtml(e.predicted->label) + "</span> <q>" + SpanText(doc, cp, *e.predicted) +
           "</q>";
  }
  out += " <span class=\"docid\">";
  out += EscapeHtml(doc.id);
  return out + "</span></div>";
}

constexpr std::string_view kReportStyle = R"css(
main.report{max-width:1280px}
main.report h2{font-size:18px;margin:26px 0 8px}
main.report>p.meta{margin-bottom:0}
.panels{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
svg.bars{font:12px system-ui,"DejaVu Sans",sans-serif;background:#fff;border:1px solid var(--line);
border-radius:6px}
svg.bars .grid{stroke:#d8dee4;stroke-width:1}
svg.bars .tick{text-anchor:middle;fill:#59636e}
svg.bars .label{text-anchor:end;font-weight:600}
svg.bars .value{fill:#1f2328}
table.scores,table.confusion{background:#fff;border:1px solid var(--line)}
tr.micro td{font-weight:600;border-top:2px solid #8c959f}
table.confusion caption{caption-side:bottom;text-align:left;font-size:12px;color:var(--muted);
max-width:720px;padding:6px 2px}
td.diag{background:#dafbe1}td.zero{color:#c9d1d9}
nav.kinds{display:flex;gap:14px;flex-wrap:wrap;font-size:14px}
section.errors{background:#fff;border:1px solid var(--line);border-radius:6px;padding:4px 20px 12px;
margin:16px 0}
section.errors>p{margin:0 0 8px;color:var(--muted);font-size:13px}
ol.errs{margin:0;padding-left:3.2em}
ol.errs li{padding:6px 0;border-bottom:1px solid #eaeef2}
.ctx{font:15px/1.9 Georgia,"DejaVu Serif",serif}
.ctx span.p{padding:.1em .15em;border-radius:.25em}
.ctx span.g{border-bottom:3px solid #57606a;padding-bottom:1px}
.g-person{border-color:#6f4cff!important}.g-location{border-color:#c98a00!important}
.g-organization{border-color:#0b8bb3!important}.g-date{border-color:#2f8f3f!important}
.g-time{border-color:#5f9a45!important}.g-duration{border-color:#c9436d!important}
.g-set{border-color:#8f7a4f!important}
.what{font-size:12.5px;color:#3d444d;margin-top:1px}
.what q{font-style:italic}
.docid{color:#8c959f;margin-left:6px}
.marks{font-size:13px;color:var(--muted)}
.marks .g{border-bottom:3px solid #57606a}.marks .p{background:#e6e1cf;padding:0 .3em;border-radius:.25em}
)css";

}  // namespace

std::string ReportHtml(const ReportInput& input) {
  std::vector<std::string> labels;
  for (const ReportScore& s : input.scores) {
    if (s.label != "MICRO") labels.push_back(s.label);
  }
  std::vector<Error> errors;
  std::map<std::string, std::map<std::string, long>> confusion;
  for (std::size_t d = 0; d < input.documents.size(); ++d) {
    Classify(input.documents[d], d, errors, confusion);
  }
  // Labels that only the confusion table knows of (none when the scores cover all).
  for (const auto& [row, cols] : confusion) {
    for (const auto& [col, n] : cols) {
      for (const std::string& l : {row, col}) {
        if (l != kMissedColumn && l != kSpuriousRow &&
            std::find(labels.begin(), labels.end(), l) == labels.end()) {
          labels.push_back(l);
        }
      }
    }
  }
  long by_kind[kKinds] = {0, 0, 0, 0};
  for (const Error& e : errors) by_kind[e.kind]++;

  std::string out = HtmlHead("nerkit evaluation: " + input.title, kReportStyle);
  out += "<header class=\"top\"><h1>nerkit evaluation</h1><span class=\"sub\">" +
         EscapeHtml(input.title) + "</span>" + HtmlLegend() +
         "</header>\n<main class=\"report\">\n";
  out += "<p class=\"meta\">" + EscapeHtml(input.summary) + "</p>\n";
  out += "<h2 id=\"scores\">Precision, recall and F1 (exact match of span and label)</h2>\n";
  out += "<div class=\"panels\">\n" + ScoreTable(input.scores) + Bars(input.scores) + "</div>\n";
  out += "<h2 id=\"confusion\">Confusion of labels</h2>\n" + ConfusionTable(labels, confusion);
  out += "<h2 id=\"errors\">Errors (" + std::to_string(errors.size()) +
         ")</h2>\n<nav class=\"kinds\">";
  for (int k = 0; k < kKinds; ++k) {
    out += "<a href=\"#" + std::string(kKindAnchor[k]) + "\">" + kKindName[k] + " (" +
           std::to_string(by_kind[k]) + ")</a>";
  }
  out +=
      "</nav>\n<p class=\"marks\">In each sentence the gold mention is <span class=\"g\">"
      "underlined</span> in its label's colour and the prediction <span class=\"p\">"
      "highlighted</span>.</p>\n";
  std::map<std::size_t, CodePoints> code_points;  // per document with errors
  for (int k = 0; k < kKinds; ++k) {
    std::map<std::string, long> per_label;
    for (const Error& e : errors) {
      if (e.kind == k) per_label[(e.gold ? e.gold : e.predicted)->label]++;
    }
    out += "<section class=\"errors\" id=\"" + std::string(kKindAnchor[k]) + "\"><h2>" +
           kKindName[k] + " (" + std::to_string(by_kind[k]) + ")</h2>\n<p>" + kKindHelp[k];
    for (const auto& [label, n] : per_label) {
      out += " \xC2\xB7 " + EscapeHtml(label) + " " + std::to_string(n);
    }
    out += "</p>\n<ol class=\"errs\">\n";
    std::size_t listed = 0;
    for (const Error& e : errors) {
      if (e.kind != k) continue;
      if (listed++ == kMaxListed) break;
      const ReportDocument& doc = input.documents[e.doc];
      auto it = code_points.find(e.doc);
      if (it == code_points.end()) it = code_points.emplace(e.doc, CodePoints(doc.text)).first;
      out += "<li>" + InContext(doc, it->second, e) + Describe(doc, it->second, e) + "</li>\n";
    }
    out += "</ol>\n";
    if (by_kind[k] > static_cast<long>(kMaxListed)) {
      out += "<p>" + std::to_string(by_kind[k] - static_cast<long>(kMaxListed)) +
             " more not listed.</p>\n";
    }
    out += "</section>\n";
  }
  out += "</main>\n" + HtmlFoot();
  return out;
}

bool WriteReport(const std::string& path, const ReportInput& input, std::string& error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = "cannot write " + path;
    return false;
  }
  out << ReportHtml(input);
  out.close();
  if (!out) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}
