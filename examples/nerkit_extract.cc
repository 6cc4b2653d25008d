// nerkit-extract: the bundled extractor. Reads plain-text documents or JSON Lines, writes the
// entities of each document as JSON, JSON Lines, TSV or CoNLL. Run with --help for the options.
//
// Exit status: 0 all documents processed; 1 some documents failed (each has an error record in
// the output and a message on stderr); 2 bad usage or dictionaries that do not load; 3 the output
// was closed before everything was written (e.g. `| head`).
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "document_writer.h"
#include "evaluate.h"
#include "jsonl_input.h"
#include "nerkit/nerkit.h"
#include "output.h"

namespace {

using json = nlohmann::ordered_json;

constexpr int kExitOk = 0;
constexpr int kExitDocumentErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitOutputClosed = 3;

// One input document and, after processing, its output.
struct Job {
  std::size_t index = 0;  // 0-based position in the run
  std::size_t line = 0;   // 1-based line of JSONL input, 0 for plain text
  std::string source;     // file name, for messages
  json id;                // the document id as given (string or number)
  std::string text;
  std::optional<nerkit::CivilDate> dct;
  std::string error;                   // set when the input itself is bad
  std::size_t invalid_utf8_bytes = 0;  // bad bytes the JSONL reader replaced
  std::string output;                  // formatted result (one or more lines, with final newline)
  bool failed = false;
};

struct Settings {
  std::vector<std::string> inputs;
  std::string input_format = "text";
  std::string output_format;  // default decided from the input
  std::string reference_date;
  std::string dictionaries;
  std::vector<std::string> extra;
  std::string labels;
  unsigned threads = 1;
  bool explain = false;
  bool no_cache = false;
  bool no_saved_states = false;
  bool strict_utf8 = false;
  std::size_t max_document_bytes = std::size_t{128} << 20;
  std::string evaluate;
  double min_confidence = 0;
  std::string confidence_model;
  std::string gold_format = "auto";
  std::string report;
  std::string output_dir;
};

class Runner {
 public:
  Runner(const nerkit::Extractor& extractor, const Settings& settings, OutputFormat format,
         const nerkit::ExtractOptions& base, DocumentWriter* writer)
      : extractor_(extractor), format_(format), base_(base), writer_(writer) {
    const unsigned n = std::max(1u, settings.threads);
    for (unsigned i = 0; i < n; ++i) workers_.emplace_back();
  }

  // Processes a batch in parallel and writes it in order. Returns false if the output closed.
  bool RunBatch(std::span<Job> jobs) {
    std::atomic<std::size_t> next{0};
    auto work = [&](Worker& worker) {
      for (std::size_t i = next++; i < jobs.size(); i = next++) Process(jobs[i], worker);
    };
    if (workers_.size() == 1 || jobs.size() == 1) {
      work(workers_[0]);
    } else {
      std::vector<std::thread> threads;
      for (std::size_t t = 1; t < workers_.size(); ++t) {
        threads.emplace_back(work, std::ref(workers_[t]));
      }
      work(workers_[0]);
      for (std::thread& th : threads) th.join();
    }
    for (Job& job : jobs) {
      if (writer_ && !writer_->Emit(Info(job), job.output, job.failed, job.error)) {
        job.failed = true;
      }
      if (job.failed) {
        failures_++;
        std::cerr << "nerkit-extract: " << job.source;
        if (job.line) std::cerr << ":" << job.line;
        std::cerr << ": " << job.error << "\n";
      }
      if (std::fwrite(job.output.data(), 1, job.output.size(), stdout) != job.output.size()) {
        return false;
      }
    }
    return std::fflush(stdout) == 0 || !std::ferror(stdout);
  }

  std::size_t failures() const { return failures_; }

 private:
  // What one thread reuses from one document to the next.
  struct Worker {
    nerkit::Workspace workspace;
    nerkit::Result result;
  };

  void Process(Job& job, Worker& worker) {
    if (job.error.empty()) {
      nerkit::ExtractOptions options = base_;
      if (job.dct) options.reference_date = job.dct;
      try {
        nerkit::Result& result = worker.result;
        extractor_.Extract(job.text, options, worker.workspace, result);
        result.invalid_utf8_bytes += job.invalid_utf8_bytes;
        // (Written into the job's string, which keeps its memory from one batch to the next.)
        job.output.clear();
        if (writer_) {
          job.output = writer_->Format(Info(job), result);
        } else {
          AppendResult(job.output, format_, job.id, job.line, job.text, result);
        }
        return;
      } catch (const nerkit::Error& e) {
        job.error = e.what();
      } catch (const std::exception& e) {
        job.error = std::string("internal error: ") + e.what();
      }
    }
    job.failed = true;
    job.output = writer_ ? writer_->FormatError(Info(job), job.error)
                         : FormatError(format_, job.id, job.line, job.error);
    // Keep memory bounded: the text is not needed any more.
    std::string().swap(job.text);
  }

  static DocumentInfo Info(const Job& job) { return {job.index, &job.id, job.line, job.text}; }

  const nerkit::Extractor& extractor_;
  OutputFormat format_;
  nerkit::ExtractOptions base_;
  DocumentWriter* writer_;  // html, brat, labelstudio, doccano; null for output.h's formats
  std::vector<Worker> workers_;
  std::size_t failures_ = 0;
};

bool ReadWholeFile(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "cannot read " + path;
    return false;
  }
  return true;
}

// Writes `s` to standard output; false if the output is closed.
bool Write(const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size() && std::fflush(stdout) == 0;
}

int Main(int argc, char** argv) {
  Settings s;
  CLI::App app{
      "nerkit-extract: find the people, places, organisations and dates in news text.\n"
      "Each input file is one plain-text document (id = its path), or with --input jsonl a\n"
      "file of JSON Lines documents {\"id\": ..., \"text\": ..., \"dct\": \"YYYY-MM-DD\"}.\n"
      "With no file, or '-', standard input is read. Offsets in the output are UTF-8 bytes.\n"
      "Exit status: 0 ok, 1 some documents failed (error records in the output), 2 usage or\n"
      "dictionary error, 3 output closed early.",
      "nerkit-extract"};
  app.add_option("files", s.inputs, "Input files ('-' for standard input)");
  app.add_option("--input", s.input_format, "Input format: text (one document per file) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  app.add_option("--format", s.output_format,
                 "Output: json (default for one text document), jsonl (default otherwise), tsv, "
                 "conll, html (one page), brat (standoff .ann), labelstudio (a task list with "
                 "pre-annotations), doccano (JSON Lines)")
      ->check(CLI::IsMember(
          {"json", "jsonl", "tsv", "conll", "html", "brat", "labelstudio", "doccano"}));
  app.add_option("--output-dir", s.output_dir,
                 "With --format brat: write NAME.txt and NAME.ann for each document into this "
                 "folder instead of a stream on standard output");
  app.add_option("--reference-date", s.reference_date,
                 "Reference date YYYY-MM-DD for relative dates (a JSONL document's \"dct\" takes "
                 "precedence)");
  app.add_option("--dictionaries", s.dictionaries,
                 "Dictionary folder (default: $NERKIT_DICTIONARIES, else the installed one; "
                 "a build-tree binary reads its source tree's)");
  app.add_option("--extra", s.extra, "Extra dictionary (.tsv) or rule (.rules) file; repeatable")
      ->allow_extra_args(false);
  app.add_flag("--no-cache", s.no_cache,
               "Parse the dictionaries from their text files, neither reading nor writing a "
               "compiled image (by default images are kept in $NERKIT_CACHE_DIR, else "
               "$XDG_CACHE_HOME/nerkit or ~/.cache/nerkit)");
  app.add_flag("--no-saved-states", s.no_saved_states,
               "Build the rule automata's states afresh, neither reading nor writing the states "
               "kept beside the compiled image (the output is the same)");
  app.add_option("--labels", s.labels,
                 "Labels to return, comma-separated (default: all of PERSON, LOCATION, "
                 "ORGANIZATION, DATE, TIME, DURATION, SET)");
  app.add_option("--threads", s.threads, "Documents processed in parallel (output order is kept)")
      ->check(CLI::Range(1u, 256u));
  app.add_flag("--explain", s.explain, "Also list the candidates that lost, and why (json/jsonl)");
  app.add_flag("--strict-utf8", s.strict_utf8,
               "Fail documents that are not valid UTF-8 instead of treating bad bytes as "
               "separators");
  app.add_option("--max-document-bytes", s.max_document_bytes,
                 "Refuse documents larger than this (default 134217728)");
  app.add_option("--min-confidence", s.min_confidence,
                 "Leave out entities whose confidence is below this (0 to 1; default 0)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--confidence-model", s.confidence_model,
                 "Weights of the confidence model (default: the dictionary folder's "
                 "models/confidence.tsv), e.g. one refitted by tools/fit_confidence.py");
  app.add_option("--evaluate", s.evaluate,
                 "Score extraction against a gold JSONL file, one document a line: {\"id\", "
                 "\"text\", \"dct\" (optional), \"entities\": [{\"start\", \"end\", "
                 "\"label\", \"value\"}]} with code point offsets; print exact-match "
                 "precision, recall and F1 per label and micro-averaged; also CoNLL, a brat "
                 "folder or a Label Studio export (see --gold-format)");
  app.add_option("--gold-format", s.gold_format,
                 "How --evaluate reads its gold data: auto (a folder is brat, a file starting "
                 "with '[' labelstudio, with '{' jsonl, else conll), jsonl, doccano, conll, "
                 "brat, labelstudio")
      ->check(CLI::IsMember({"auto", "jsonl", "doccano", "conll", "brat", "labelstudio"}));
  app.add_option("--report", s.report,
                 "With --evaluate: also write an HTML report (scores, bars, confusion table, "
                 "errors in their sentences) to this file");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  if (!s.output_dir.empty() && s.output_format != "brat") {
    std::cerr << "nerkit-extract: --output-dir: only with --format brat\n";
    return kExitUsage;
  }
  if (!s.report.empty() && s.evaluate.empty()) {
    std::cerr << "nerkit-extract: --report: only with --evaluate GOLD\n";
    return kExitUsage;
  }

  nerkit::ExtractOptions options;
  options.explain = s.explain;
  options.strict_utf8 = s.strict_utf8;
  options.max_document_bytes = s.max_document_bytes;
  options.min_confidence = s.min_confidence;
  if (!s.reference_date.empty()) {
    options.reference_date = nerkit::CivilDate::Parse(s.reference_date);
    if (!options.reference_date) {
      std::cerr << "nerkit-extract: --reference-date: not a date YYYY-MM-DD: " << s.reference_date
                << "\n";
      return kExitUsage;
    }
  }
  if (!s.labels.empty()) {
    try {
      options.labels = nerkit::LabelSet::Parse(s.labels);
    } catch (const std::invalid_argument& e) {
      std::cerr << "nerkit-extract: --labels: " << e.what() << "\n";
      return kExitUsage;
    }
  }

  std::optional<nerkit::Extractor> extractor;
  try {
    nerkit::LoadOptions load;
    load.dictionaries = s.dictionaries;
    for (const std::string& f : s.extra) load.extra_files.emplace_back(f);
    load.use_cache = !s.no_cache;
    load.use_saved_states = !s.no_saved_states;
    load.confidence_model = s.confidence_model;
    extractor = nerkit::Extractor::Load(load);
  } catch (const nerkit::Error& e) {
    std::cerr << "nerkit-extract: " << e.what() << "\n";
    return kExitUsage;
  }

  if (!s.evaluate.empty()) {
    const EvaluateOptions evaluation{*ParseGoldFormat(s.gold_format), s.report};
    return EvaluateGold(*extractor, s.evaluate, evaluation, options, std::max(1u, s.threads),
                        std::cout, std::cerr)
               ? kExitOk
               : kExitUsage;
  }

  if (s.inputs.empty()) s.inputs.push_back("-");
  const bool jsonl_input = s.input_format == "jsonl";
  if (s.output_format.empty()) {
    s.output_format = (!jsonl_input && s.inputs.size() == 1) ? "json" : "jsonl";
  }
  const OutputFormat format = ParseOutputFormat(s.output_format);
  if (format == OutputFormat::kConll) options.tokens = true;
  DocumentWriterOptions writer_options;
  writer_options.title = s.inputs.size() == 1 && !jsonl_input
                             ? s.inputs[0]
                             : std::to_string(s.inputs.size()) + " inputs";
  writer_options.output_dir = s.output_dir;
  const std::unique_ptr<DocumentWriter> writer =
      MakeDocumentWriter(s.output_format, writer_options);
  std::size_t next_index = 0;

  Runner runner(*extractor, s, format, options, writer.get());
  constexpr std::size_t kBatchBytes = 8u << 20;
  const std::size_t batch_docs = 64 * std::max(1u, s.threads);
  // The batch's jobs are kept from one batch to the next, and with them the memory of their
  // strings (text, output), so that reading a large input does not allocate (and fault in) new
  // memory for every document.
  std::vector<Job> jobs;
  std::size_t batch_size = 0;
  std::size_t batch_bytes = 0;
  bool output_ok = true;
  if (writer) output_ok = Write(writer->Begin());
  auto flush = [&]() {
    if (batch_size > 0 && output_ok) {
      output_ok = runner.RunBatch(std::span<Job>(jobs.data(), batch_size));
    }
    batch_size = 0;
    batch_bytes = 0;
  };
  // The next job of the batch, as new but with its strings' memory.
  auto next_job = [&](const std::string& source) -> Job& {
    if (batch_size == jobs.size()) jobs.emplace_back();
    Job& job = jobs[batch_size++];
    job.index = next_index++;
    job.line = 0;
    job.source = source;
    job.id = json();
    job.text.clear();
    job.dct.reset();
    job.error.clear();
    job.invalid_utf8_bytes = 0;
    job.output.clear();
    job.failed = false;
    return job;
  };
  auto batch_full = [&] { return batch_size >= batch_docs || batch_bytes >= kBatchBytes; };

  for (const std::string& input : s.inputs) {
    if (!output_ok) break;
    if (!jsonl_input) {
      Job& job = next_job(input);
      job.id = input;
      std::string error;
      if (!ReadWholeFile(input, job.text, error)) job.error = error;
      batch_bytes += job.text.size();
      if (batch_full()) flush();
      continue;
    }
    std::ifstream file;
    std::istream* in = &std::cin;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        Job& job = next_job(input);
        job.error = "cannot open " + input;
        continue;
      }
      in = &file;
    }
    std::string line;
    std::size_t line_number = 0;
    JsonlDocument parsed;
    while (output_ok && std::getline(*in, line)) {
      Job& job = next_job(input);
      job.line = ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // (The text's memory goes back and forth between `parsed` and the jobs.)
      parsed.id = nullptr;
      parsed.text.swap(job.text);
      parsed.dct.reset();
      parsed.error.clear();
      parsed.invalid_utf8_bytes = 0;
      ParseJsonLine(line, parsed, s.strict_utf8);
      job.id = std::move(parsed.id);
      job.text.swap(parsed.text);
      job.dct = parsed.dct;
      job.error = std::move(parsed.error);
      job.invalid_utf8_bytes = parsed.invalid_utf8_bytes;
      batch_bytes += job.text.size() + 64;
      if (batch_full()) flush();
    }
  }
  flush();
  if (writer && output_ok) output_ok = Write(writer->End());
  if (!output_ok) return kExitOutputClosed;
  return runner.failures() > 0 ? kExitDocumentErrors : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed output pipe is reported by fwrite failing, not by a signal.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "nerkit-extract: " << e.what() << "\n";
    return kExitUsage;
  }
}
