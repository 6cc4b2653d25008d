// nerkit-extract --evaluate GOLD --report report.html: the evaluation as a page to look at.
//
// WHAT THIS IS
//   One self-contained HTML page (the frame and escaping of html_output.h; no script, the bars are
//   inline SVG) with: precision, recall and F1 per label as a table and as bars; a confusion table
//   of labels, with "missed" (a gold mention no prediction overlaps) and "spurious" (a prediction
//   no gold mention overlaps); and every error in its sentence, gold and predicted spans marked,
//   grouped by kind:
//     missed          a gold mention that no prediction overlaps
//     spurious        a prediction that overlaps no gold mention
//     wrong label     a prediction that overlaps a gold mention of another label (with the same
//                     or other boundaries)
//     wrong boundary  a prediction of the right label whose start or end differ
//   Gold mentions and predictions that do not match exactly are paired one to one, largest
//   overlap first; what is left unpaired is missed or spurious.
//
//     std::string error;
//     if (!WriteReport("report.html", input, error)) std::cerr << error << '\n';
//
// THREAD SAFETY
//   Pure, apart from writing the file.
#pragma once

#include <string>
#include <utility>
#include <vector>

struct ReportSpan {
  long start = 0;  // code points into ReportDocument::text, half-open
  long end = 0;
  std::string label;
};

struct ReportDocument {
  std::string id;
  std::string text;
  std::vector<ReportSpan> gold;                  // the gold mentions that are scored
  std::vector<ReportSpan> predicted;             // the predictions that are scored
  std::vector<std::pair<long, long>> sentences;  // code point spans, in order (may be empty)
};

struct ReportScore {
  std::string label;  // "MICRO" for the micro-average
  long gold = 0, predicted = 0, correct = 0;
  double precision = 0, recall = 0, f1 = 0;  // 0..1
};

struct ReportInput {
  std::string title;                // the gold file, say
  std::string summary;              // one line under the title (format, documents, labels)
  std::vector<ReportScore> scores;  // per label, then MICRO last
  std::vector<ReportDocument> documents;
};

// The page.
std::string ReportHtml(const ReportInput& input);

// Writes ReportHtml(input) to `path`. Returns false with `error` set when it cannot.
bool WriteReport(const std::string& path, const ReportInput& input, std::string& error);
