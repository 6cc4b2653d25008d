#include "evaluate.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <ostream>
#include <thread>
#include <tuple>
#include <vector>

#include "gold_formats.h"
#include "nerkit/error.h"
#include "report.h"

namespace {

struct Span {
  long start = 0;
  long end = 0;
  std::string label;
  std::string value;
  bool has_value = false;
};

struct GoldDoc {
  std::string id;
  std::string text;
  std::optional<nerkit::CivilDate> dct;
  std::vector<Span> required;
  std::vector<std::pair<long, long>> optional;
  std::vector<Span> predicted;
  std::vector<std::pair<long, long>> sentences;  // code points (with a report only)
};

struct Counts {
  long gold = 0, pred = 0, tp = 0, lenient = 0, value_n = 0, value_ok = 0;
};

// Byte offset -> code point offset for a UTF-8 text.
std::vector<long> CodePointIndex(const std::string& text) {
  std::vector<long> index(text.size() + 1, 0);
  long cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    index[i] = cp;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
  }
  index[text.size()] = cp;
  // Offsets inside a multi-byte character map to the character's start.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) index[i] = index[i - 1];
  }
  return index;
}

void Prf(long tp_p, long n_p, long tp_g, long n_g, double& p, double& r, double& f) {
  p = n_p ? static_cast<double>(tp_p) / static_cast<double>(n_p) : (n_g == 0 ? 1.0 : 0.0);
  r = n_g ? static_cast<double>(tp_g) / static_cast<double>(n_g) : (n_p == 0 ? 1.0 : 0.0);
  f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

// The predictions that are scored: all but those that overlap an optional gold mention without
// matching a required one exactly.
std::vector<const Span*> ScoredPredictions(const GoldDoc& doc) {
  const std::vector<Span>& gold = doc.required;
  std::vector<const Span*> pred;
  for (const Span& p : doc.predicted) {
    bool matches_required = false;
    for (const Span& g : gold) {
      if (g.start == p.start && g.end == p.end && g.label == p.label) matches_required = true;
    }
    bool overlaps_optional = false;
    for (const auto& [s, e] : doc.optional) {
      if (p.start < e && s < p.end) overlaps_optional = true;
    }
    if (matches_required || !overlaps_optional) pred.push_back(&p);
  }
  return pred;
}

void ScoreDoc(const GoldDoc& doc, std::map<std::string, Counts>& counts) {
  const std::vector<Span>& gold = doc.required;
  const std::vector<const Span*> pred = ScoredPredictions(doc);
  for (const Span& g : gold) counts[g.label].gold++;
  for (const Span* p : pred) counts[p->label].pred++;
  // Exact matches (multiset), lenient one-to-one matching, values.
  std::vector<bool> gold_used(gold.size(), false), pred_used(pred.size(), false);
  for (std::size_t j = 0; j < pred.size(); ++j) {
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (gold_used[i]) continue;
      const Span& g = gold[i];
      if (g.start == pred[j]->start && g.end == pred[j]->end && g.label == pred[j]->label) {
        gold_used[i] = pred_used[j] = true;
        Counts& c = counts[g.label];
        c.tp++;
        c.lenient++;
        if (g.has_value) {
          c.value_n++;
          if (pred[j]->has_value && pred[j]->value == g.value) c.value_ok++;
        }
        break;
      }
    }
  }
  std::vector<std::tuple<long, std::size_t, std::size_t>> overlaps;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (gold_used[i]) continue;
    for (std::size_t j = 0; j < pred.size(); ++j) {
      if (pred_used[j] || pred[j]->label != gold[i].label) continue;
      const long ov = std::min(gold[i].end, pred[j]->end) - std::max(gold[i].start, pred[j]->start);
      if (ov > 0) overlaps.emplace_back(-ov, i, j);
    }
  }
  std::sort(overlaps.begin(), overlaps.end());
  for (const auto& [ov, i, j] : overlaps) {
    if (gold_used[i] || pred_used[j]) continue;
    gold_used[i] = pred_used[j] = true;
    counts[gold[i].label].lenient++;
  }
}

std::string Row(const std::string& name, const Counts& c) {
  double p, r, f, lp, lr, lf;
  Prf(c.tp, c.pred, c.tp, c.gold, p, r, f);
  Prf(c.lenient, c.pred, c.lenient, c.gold, lp, lr, lf);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-14s%7ld%7ld%7ld%8.2f%8.2f%8.2f%8.2f%8.2f%8.2f", name.c_str(),
                c.gold, c.pred, c.tp, 100 * p, 100 * r, 100 * f, 100 * lp, 100 * lr, 100 * lf);
  std::string row = buf;
  if (c.value_n) {
    std::snprintf(buf, sizeof buf, " %8.2f (n=%ld)",
                  100.0 * static_cast<double>(c.value_ok) / static_cast<double>(c.value_n),
                  c.value_n);
    row += buf;
  }
  return row;
}

}  // namespace

bool EvaluateGold(const nerkit::Extractor& extractor, const std::string& gold_path,
                  const EvaluateOptions& evaluation, const nerkit::ExtractOptions& options,
                  unsigned threads, std::ostream& out, std::ostream& err) {
  std::vector<GoldDocument> gold;
  std::string error;
  if (!ReadGold(gold_path, evaluation.gold_format, gold, error)) {
    err << "nerkit-extract: --evaluate: " << error << "\n";
    return false;
  }
  auto wanted = [&](const std::string& label) {
    auto parsed = nerkit::ParseLabel(label);
    return parsed && options.labels.Contains(*parsed);
  };
  std::vector<GoldDoc> docs;
  docs.reserve(gold.size());
  for (GoldDocument& g : gold) {
    GoldDoc doc;
    doc.id = std::move(g.id);
    doc.text = std::move(g.text);
    doc.dct = g.dct;
    for (GoldEntity& e : g.entities) {
      if (e.optional) {
        doc.optional.emplace_back(e.start, e.end);
        continue;
      }
      if (!wanted(e.label)) continue;
      doc.required.push_back(
          Span{e.start, e.end, std::move(e.label), std::move(e.value), e.has_value});
    }
    docs.push_back(std::move(doc));
  }
  std::vector<GoldDocument>().swap(gold);
  const bool report = !evaluation.report.empty();

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&]() {
    nerkit::Workspace workspace;
    for (std::size_t i = next++; i < docs.size(); i = next++) {
      GoldDoc& doc = docs[i];
      nerkit::ExtractOptions o = options;
      if (doc.dct) o.reference_date = doc.dct;
      o.tokens = report;  // the report shows errors in their sentences
      nerkit::Result result;
      try {
        result = extractor.Extract(doc.text, o, workspace);
      } catch (const nerkit::Error&) {
        failed = true;
        continue;
      }
      const std::vector<long> cp = CodePointIndex(doc.text);
      for (const nerkit::Entity& e : result.entities) {
        doc.predicted.push_back(Span{cp[e.start], cp[e.end],
                                     std::string(nerkit::LabelName(e.label)), e.value,
                                     !e.value.empty()});
      }
      std::size_t sentence = 0;
      for (const nerkit::Token& t : result.tokens) {
        if (doc.sentences.empty() || t.sentence != sentence) {
          doc.sentences.emplace_back(cp[t.start], cp[t.end]);
          sentence = t.sentence;
        } else {
          doc.sentences.back().second = cp[t.end];
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failed) err << "nerkit-extract: --evaluate: some documents could not be processed\n";

  std::map<std::string, Counts> counts;
  for (const GoldDoc& doc : docs) ScoreDoc(doc, counts);
  Counts micro;
  char header[256];
  std::snprintf(header, sizeof header, "%-14s%7s%7s%7s%8s%8s%8s%8s%8s%8s%9s", "label", "gold",
                "pred", "tp", "P", "R", "F1", "lenP", "lenR", "lenF1", "valAcc");
  out << header << "\n" << std::string(std::string(header).size(), '-') << "\n";
  for (const auto& [label, c] : counts) {
    out << Row(label, c) << "\n";
    micro.gold += c.gold;
    micro.pred += c.pred;
    micro.tp += c.tp;
    micro.lenient += c.lenient;
    micro.value_n += c.value_n;
    micro.value_ok += c.value_ok;
  }
  out << std::string(std::string(header).size(), '-') << "\n" << Row("MICRO", micro) << "\n";
  out << "documents: " << docs.size() << "\n";
  if (!report) return true;

  ReportInput input;
  input.title = gold_path;
  std::string labels;
  for (const auto& [label, c] : counts) labels += (labels.empty() ? "" : ", ") + label;
  input.summary = std::to_string(docs.size()) + " documents read as " +
                  std::string(GoldFormatName(evaluation.gold_format == GoldFormat::kAuto
                                                 ? DetectGoldFormat(gold_path)
                                                 : evaluation.gold_format)) +
                  "; labels scored: " + (labels.empty() ? "none" : labels);
  auto score = [](const std::string& name, const Counts& c) {
    ReportScore s;
    s.label = name;
    s.gold = c.gold;
    s.predicted = c.pred;
    s.correct = c.tp;
    Prf(c.tp, c.pred, c.tp, c.gold, s.precision, s.recall, s.f1);
    return s;
  };
  for (const auto& [label, c] : counts) input.scores.push_back(score(label, c));
  input.scores.push_back(score("MICRO", micro));
  for (GoldDoc& doc : docs) {
    ReportDocument r;
    r.id = doc.id;
    for (const Span& g : doc.required) r.gold.push_back({g.start, g.end, g.label});
    for (const Span* p : ScoredPredictions(doc))
      r.predicted.push_back({p->start, p->end, p->label});
    r.text = std::move(doc.text);
    r.sentences = std::move(doc.sentences);
    input.documents.push_back(std::move(r));
  }
  if (!WriteReport(evaluation.report, input, error)) {
    err << "nerkit-extract: --report: " << error << "\n";
    return false;
  }
  return true;
}
