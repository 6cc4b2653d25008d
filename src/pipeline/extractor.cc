#include "nerkit/extractor.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "nerkit/error.h"
#include "pipeline/image_cache.h"
#include "pipeline/model.h"
#include "rules/rule_file.h"
#include "text/utf8.h"

namespace nerkit {

namespace fs = std::filesystem;

namespace {

bool HasExtension(const fs::path& p, std::string_view ext) { return p.extension() == ext; }

// Files of a folder with the given extension, in byte order of their names.
std::vector<fs::path> ListFiles(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && HasExtension(it->path(), ext)) out.push_back(it->path());
  }
  if (ec) throw LoadError(dir.string(), 0, 0, "cannot list folder: " + ec.message());
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  return out;
}

// Parses the dictionary files on a few threads (parsing and tokenizing surfaces is about half the
// work of loading) while this thread adds them to the gazetteer in file order, so the result is
// the same as a sequential load. The first error in file order is thrown.
void AddDictionaries(Extractor::Model& model, const std::vector<std::size_t>& dictionaries) {
  const std::size_t n = dictionaries.size();
  std::vector<std::optional<internal::ParsedFile>> parsed(n);
  std::vector<std::exception_ptr> errors(n);
  std::vector<char> done(n, 0);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  auto work = [&] {
    text::Tokenizer tokenizer;
    for (std::size_t k = next++; k < n && !stop; k = next++) {
      const std::size_t i = dictionaries[k];
      try {
        parsed[k] = internal::Gazetteer::ParseFile(model.files[i], static_cast<std::uint16_t>(i),
                                                   tokenizer);
      } catch (...) {
        errors[k] = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        done[k] = 1;
      }
      ready.notify_all();
    }
  };
  const std::size_t threads =
      std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 4, n});
  std::vector<std::jthread> workers;
  workers.reserve(threads);
  for (std::size_t w = 0; w < threads; ++w) workers.emplace_back(work);
  struct StopOnExit {
    std::atomic<bool>& stop;
    ~StopOnExit() { stop = true; }
  } stop_on_exit{stop};
  for (std::size_t k = 0; k < n; ++k) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return done[k] != 0; });
    }
    if (errors[k]) std::rethrow_exception(errors[k]);
    model.gazetteer.AddParsed(std::move(*parsed[k]));
    parsed[k].reset();
  }
}

}  // namespace

fs::path Extractor::DefaultDictionaryDir() {
  if (const char* env = std::getenv("NERKIT_DICTIONARIES"); env && *env) return fs::path(env);
  std::error_code ec;
  const fs::path source(NERKIT_SOURCE_DICTIONARY_DIR);
  // A program of the build tree (the bundled tools, the tests, the benchmarks) reads the
  // dictionaries of its source tree, which a developer edits, never an older installed copy.
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  const std::string build_dir = NERKIT_BINARY_DIR "/";
  if (!ec && program.string().starts_with(build_dir) && fs::is_directory(source, ec)) {
    return source;
  }
  const fs::path installed(NERKIT_INSTALL_DICTIONARY_DIR);
  if (fs::is_directory(installed, ec)) return installed;
  return source;
}

Extractor::Extractor(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

const ExtractorInfo& Extractor::info() const { return model_->info; }

Extractor Extractor::Load(const LoadOptions& options) {
  auto model = std::make_shared<Model>();
  struct Pending {
    std::string display;  // name used in errors and sources
    fs::path path;        // empty for in-memory files
    const std::string* content = nullptr;
    bool rules = false;
  };
  std::vector<Pending> pending;
  if (options.load_dictionary_folder) {
    const fs::path dir =
        options.dictionaries.empty() ? DefaultDictionaryDir() : options.dictionaries;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      throw LoadError(dir.string(), 0, 0,
                      "dictionary folder not found (pass another folder, or set "
                      "NERKIT_DICTIONARIES)");
    }
    model->info.dictionary_dir = dir;
    for (const fs::path& p : ListFiles(dir, ".tsv")) {
      pending.push_back({p.filename().string(), p, nullptr, false});
    }
    for (const fs::path& p : ListFiles(dir / "rules", ".rules")) {
      pending.push_back({"rules/" + p.filename().string(), p, nullptr, true});
    }
  }
  auto kind = [](const std::string& name, const std::string& shown) {
    if (name.ends_with(".tsv")) return false;
    if (name.ends_with(".rules")) return true;
    throw LoadError(shown, 0, 0,
                    "unknown kind of file (expected a .tsv dictionary or .rules file)");
  };
  for (const fs::path& p : options.extra_files) {
    pending.push_back({p.string(), p, nullptr, kind(p.filename().string(), p.string())});
  }
  for (const InMemoryFile& f : options.extra_sources) {
    pending.push_back({f.name, {}, &f.content, kind(f.name, f.name)});
  }
  if (pending.size() > 65535) throw LoadError("dictionaries", 0, 0, "too many files (limit 65535)");

  // Read everything first: a missing file fails before any work. Where an image of the
  // dictionaries may be cached, their files are only digested here (the image holds what the
  // gazetteer needs of them) and read only if there is no image to use.
  std::vector<bool> is_rules(pending.size());
  for (std::size_t i = 0; i < pending.size(); ++i) is_rules[i] = pending[i].rules;
  const bool may_use_image = options.use_cache && !internal::ImageCache::Directory(options).empty();
  std::vector<char> buffer;
  model->files.reserve(pending.size());
  for (const Pending& p : pending) {
    internal::SourceFile file;
    if (p.content) {
      file = internal::SourceFile(p.display, *p.content);
    } else if (may_use_image && !p.rules) {
      file = internal::DigestSourceFile(p.path.string(), buffer);
    } else {
      file = internal::ReadSourceFile(p.path.string());
    }
    file.name = p.display;
    model->files.push_back(std::move(file));
    model->info.files.push_back(p.display);
  }
  buffer = std::vector<char>();

  // Rules first: their word classes join the gazetteer's vocabulary. Their patterns compile on
  // a thread of their own while the dictionaries load.
  internal::RuleFileParser parser;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (pending[i].rules) parser.Parse(model->files[i].name, model->files[i].content);
  }
  // (Taken before the rules move to the stages that compile them.)
  const std::vector<std::string> needs_words = parser.needs_words();
  std::vector<internal::RuleSpec> name_rules;
  std::vector<internal::RuleSpec> time_rules;
  for (internal::RuleSpec& r : parser.rules()) {
    (r.IsTimeRule() ? time_rules : name_rules).push_back(std::move(r));
  }
  model->info.rules = name_rules.size() + time_rules.size();
  std::exception_ptr compile_error;
  bool write_image = false;
  {
    std::jthread compile([&] {
      try {
        model->rules.Compile(std::move(name_rules));
        model->dates.Compile(std::move(time_rules));
      } catch (...) {
        compile_error = std::current_exception();
      }
    });
    const internal::ImageCache cache(options, model->info.dictionary_dir, model->files, is_rules);
    model->info.cache_file = cache.file();
    model->info.loaded_from_cache = cache.Read(model->files, model->gazetteer);
    if (!model->info.loaded_from_cache) {
      // The files only digested are read now; the image written is keyed by what was read (a
      // file may have changed since its digest).
      for (std::size_t i = 0; i < pending.size(); ++i) {
        if (model->files[i].read) continue;
        internal::SourceFile file = internal::ReadSourceFile(pending[i].path.string());
        file.name = pending[i].display;
        model->files[i] = std::move(file);
      }
      text::Tokenizer tokenizer;
      std::size_t lines = 0;
      std::vector<std::size_t> dictionaries;  // indices into files
      for (std::size_t i = 0; i < pending.size(); ++i) {
        if (!pending[i].rules) {
          lines += internal::CountLines(model->files[i].content);
          dictionaries.push_back(i);
        }
      }
      model->gazetteer.Reserve(lines);
      AddDictionaries(*model, dictionaries);
      for (const auto& [word, symbol] : parser.symbol_words()) {
        model->gazetteer.AddVocabulary(tokenizer.folder().Key(word));
      }
      for (const auto& [word, symbol] : parser.class_words()) {
        model->gazetteer.AddVocabulary(tokenizer.folder().Key(word));
      }
      for (const std::string& word : needs_words) {
        model->gazetteer.AddVocabulary(tokenizer.folder().Key(word));
      }
      model->gazetteer.Build();
      // A rule file that fails to compile fails the load: no image of its set is kept.
      compile.join();
      write_image = !compile_error;
    }
  }
  if (compile_error) std::rethrow_exception(compile_error);
  model->rules.BindWords(parser.symbol_words(), parser.symbol_names(), parser.lower_symbols(),
                         parser.upper_symbols(), model->gazetteer);
  model->dates.BindWords(parser.class_words(), model->gazetteer);
  // The image is written with the rules' words bound (the rule files are part of its key), so
  // that binding them again after a load from the image writes nothing into its mapped pages.
  if (write_image) {
    const internal::ImageCache written(options, model->info.dictionary_dir, model->files, is_rules);
    written.Write(model->files, model->gazetteer);
  }
  // The rule automata's states that earlier processes built.
  if (options.use_saved_states) {
    model->states_file = internal::ImageCache::StatesFile(model->info.cache_file);
  }
  model->info.cached_states =
      internal::ImageCache::ReadStates(model->states_file, model->Automata());
  model->states_at_load = model->AutomatonStates();

  const internal::GazetteerStats& stats = model->gazetteer.stats();
  model->info.dictionary_entries = stats.entries;
  model->info.duplicate_entries = stats.duplicates;
  model->info.blocked_entries = stats.blocked;

  // The confidence model: the one named, else the folder's own.
  fs::path weights = options.confidence_model;
  if (weights.empty() && !model->info.dictionary_dir.empty()) {
    std::error_code ec;
    const fs::path own = model->info.dictionary_dir / "models" / "confidence.tsv";
    if (fs::is_regular_file(own, ec)) weights = own;
  }
  if (!weights.empty()) {
    internal::SourceFile file = internal::ReadSourceFile(weights.string());
    model->resolver.SetConfidenceModel(internal::ConfidenceModel::Parse(file));
    model->info.confidence_model = weights;
  }
  return Extractor(std::move(model));
}

Extractor::Model::~Model() {
  if (states_file.empty() || AutomatonStates() < states_at_load + kNewStatesToSave) return;
  try {
    internal::ImageCache::WriteStates(states_file, Automata());
  } catch (...) {
    // The cache only ever saves time: a failure to write it is no failure of the program.
  }
}

std::vector<internal::ClassRegexSet*> Extractor::Model::Automata() {
  std::vector<internal::ClassRegexSet*> automata = rules.automata();
  for (internal::ClassRegexSet* set : dates.automata()) automata.push_back(set);
  return automata;
}

std::size_t Extractor::Model::AutomatonStates() {
  std::size_t states = 0;
  for (const internal::ClassRegexSet* set : Automata()) states += set->dfa_states();
  return states;
}

Result Extractor::Extract(std::string_view text, const ExtractOptions& options) const {
  Workspace workspace;
  return Extract(text, options, workspace);
}

namespace internal {

std::string_view StageName(Stage stage) {
  switch (stage) {
    case Stage::kTokenize:
      return "tokenize";
    case Stage::kGazetteer:
      return "gazetteer";
    case Stage::kRules:
      return "rules";
    case Stage::kDates:
      return "dates";
    case Stage::kResolve:
      return "resolve";
  }
  return "";
}

}  // namespace internal

void Extractor::Model::RunStage(internal::Stage stage, internal::Scratch& scratch,
                                const ExtractOptions& options, Result& result) const {
  internal::Document& doc = scratch.doc;
  switch (stage) {
    case internal::Stage::kTokenize:
      scratch.tokenizer.Tokenize(doc.text, doc.words);
      return;
    case internal::Stage::kGazetteer:
      gazetteer.Match(doc);
      gazetteer.AddCandidates(doc, options.explain);
      return;
    case internal::Stage::kRules:
      rules.Run(doc);
      return;
    case internal::Stage::kDates:
      dates.Run(doc, options.reference_date);
      return;
    case internal::Stage::kResolve:
      resolver.Resolve(doc, scratch.mentions, gazetteer, *this, options, result);
      return;
  }
}

void Extractor::Model::AppendSource(std::string& out, internal::Origin origin,
                                    std::uint32_t ref) const {
  switch (origin) {
    case internal::Origin::kDictionary: {
      const internal::Entry& e = gazetteer.entry(ref);
      out += "dictionary:";
      out += FileName(e.file);
      out += ':';
      char digits[24];
      const auto r = std::to_chars(digits, digits + sizeof digits, e.line);
      out.append(digits, r.ptr);
      return;
    }
    case internal::Origin::kRule:
      out += rules.rule(ref).Source();
      return;
    case internal::Origin::kDate:
      out += dates.rule(ref).Source();
      return;
    case internal::Origin::kResolver:
      out += "resolver";
      return;
  }
}

Result Extractor::Extract(std::string_view text, const ExtractOptions& options,
                          Workspace& workspace) const {
  Result result;
  Extract(text, options, workspace, result);
  return result;
}

void Extractor::Extract(std::string_view text, const ExtractOptions& options, Workspace& workspace,
                        Result& result) const {
  constexpr std::size_t kHardLimit = 0xFFFFFFF0u;  // offsets are 32-bit inside the pipeline
  const std::size_t limit = std::min(options.max_document_bytes, kHardLimit);
  if (text.size() > limit) {
    throw InputError("document of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                     std::to_string(limit) + " bytes (max_document_bytes)");
  }
  internal::Scratch& scratch = *workspace.scratch_;
  internal::Document& doc = scratch.doc;
  doc.Reset(text);
  // Everything but the entities and clusters, whose strings the resolver reuses.
  result.reference_date.reset();
  result.reference_date_source.clear();
  result.rejected.clear();
  result.evidence.clear();
  result.tokens.clear();
  const std::size_t invalid = text::CountInvalidBytes(text);
  if (invalid > 0) {
    if (options.strict_utf8) {
      std::size_t pos = 0;
      while (pos < text.size()) {
        const int len = text::SequenceLength(text, pos);
        if (len == 0) break;
        pos += static_cast<std::size_t>(len);
      }
      throw InputError("invalid UTF-8: " + std::to_string(invalid) +
                       " bad byte(s), the first at byte offset " + std::to_string(pos));
    }
    text::SanitizeInto(text, doc.sanitized);
    doc.text = doc.sanitized;
    doc.invalid_bytes = invalid;
  }
  result.invalid_utf8_bytes = invalid;

  for (const internal::Stage stage : internal::kStages) {
    model_->RunStage(stage, scratch, options, result);
  }
  if (options.tokens) {
    result.tokens.reserve(doc.tokens().size());
    for (const text::Token& t : doc.tokens()) result.tokens.push_back({t.begin, t.end, t.sentence});
  }
  result.reference_date = doc.reference_date;
  result.reference_date_source = doc.reference_source;
}

}  // namespace nerkit
