#include "dates/date_tagger.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>

#include "core/class_regex.h"
#include "core/regex.h"
#include "dates/date_symbols.h"
#include "dates/normalizer.h"
#include "dates/tense.h"
#include "nerkit/error.h"
#include "text/fold.h"

namespace nerkit::internal {

using dates::Field;
using dates::FieldTexts;

struct DateTagger::Impl {
  struct Rule {
    RuleSpec spec;
    std::unique_ptr<RE2> re;
    int group = 0;                              // capture group of the entity span
    int groups = 0;                             // number of capture groups
    std::vector<std::pair<int, Field>> fields;  // capture index -> field
    std::vector<int> rejects;                   // capture indices of reject groups
    int automaton = -1;                         // its pattern in `set`, or -1: matched by RE2
  };
  std::vector<Rule> rules;
  std::unique_ptr<ClassRegexSet> set;
  dates::DateSymbols symbols;
};

namespace {

[[noreturn]] void Fail(const RuleSpec& spec, const std::string& message) {
  throw LoadError(spec.file, spec.line, spec.pattern_column,
                  "rule \"" + spec.id + "\": " + message);
}

RE2::Options DateRegexOptions() {
  RE2::Options options = RegexOptions(/*latin1=*/true);
  options.set_longest_match(true);  // "April 26, 2024" rather than "April 26"
  return options;
}

std::string Vocabulary() {
  std::string s;
  for (int i = 0; i < dates::kFieldCount; ++i) {
    if (!s.empty()) s += ", ";
    s += dates::FieldName(static_cast<Field>(i));
  }
  return s;
}

// One match of one rule, before overlaps are settled.
struct Match {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;
  std::uint32_t rule = 0;
  std::int32_t priority = 0;
  std::uint32_t fields_begin = 0;  // its named parts: FieldSpan[fields_begin, fields_end)
  std::uint32_t fields_end = 0;
};

// What a named group of a match covers, in bytes of the text.
struct FieldSpan {
  Field field;
  std::uint32_t begin;
  std::uint32_t end;
};

FieldTexts Texts(std::string_view text, const std::vector<FieldSpan>& spans, const Match& m) {
  FieldTexts f{};
  for (std::uint32_t i = m.fields_begin; i < m.fields_end; ++i) {
    const FieldSpan& s = spans[i];
    f[static_cast<std::size_t>(s.field)] = text.substr(s.begin, s.end - s.begin);
  }
  return f;
}

// The tense of a candidate's sentence, computed on first use.
class LazyTense : public dates::TenseSource {
 public:
  LazyTense(const Document& doc, std::uint32_t token_begin, std::uint32_t token_end)
      : doc_(doc), token_begin_(token_begin), token_end_(token_end) {}
  dates::Tense Get() override {
    if (!tense_) tense_ = dates::TenseAround(doc_, token_begin_, token_end_);
    return *tense_;
  }

 private:
  const Document& doc_;
  std::uint32_t token_begin_;
  std::uint32_t token_end_;
  std::optional<dates::Tense> tense_;
};

// How far into a document a dateline date may stand.
constexpr std::size_t kHeadBytes = 1000;
constexpr int kHeadLines = 6;

// The token that holds byte `b` (or the last one that starts before it).
std::uint32_t TokenAt(const std::vector<text::Token>& tokens, std::uint32_t b) {
  const auto it =
      std::upper_bound(tokens.begin(), tokens.end(), b,
                       [](std::uint32_t v, const text::Token& t) { return v < t.begin; });
  return static_cast<std::uint32_t>(it - tokens.begin()) - (it == tokens.begin() ? 0 : 1);
}

bool IsFullDate(const std::string& value) {
  return value.size() == 10 && value[4] == '-' && value[7] == '-' &&
         value.find('X') == std::string::npos;
}

// Whether the match stands where a dateline date stands: within the first lines, and on its
// line after nothing but capitalised words, numbers, punctuation and a few words such as
// "updated" or "published".
bool InDatelinePosition(const Document& doc, const Match& m) {
  if (m.begin > kHeadBytes) return false;
  const std::string_view head = doc.text.substr(0, m.begin);
  if (std::count(head.begin(), head.end(), '\n') >= kHeadLines) return false;
  const std::size_t nl = head.rfind('\n');
  const std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
  const std::vector<text::Token>& tokens = doc.tokens();
  for (std::uint32_t t = m.token_begin; t > 0; --t) {
    const text::Token& tok = tokens[t - 1];
    if (tok.begin < line_start) break;
    if (tok.shape != text::Shape::kLower) continue;
    const std::string_view w = doc.words.Key(tok);
    if (w != "on" && w != "updated" && w != "published" && w != "posted" && w != "at" &&
        w != "dated" && w != "of" && w != "last" && w != "modified" && w != "by") {
      return false;
    }
  }
  return true;
}

}  // namespace

DateTagger::DateTagger() : impl_(std::make_unique<Impl>()) {}
DateTagger::~DateTagger() = default;
DateTagger::DateTagger(DateTagger&&) noexcept = default;
DateTagger& DateTagger::operator=(DateTagger&&) noexcept = default;

std::size_t DateTagger::size() const { return impl_->rules.size(); }

std::vector<ClassRegexSet*> DateTagger::automata() {
  if (!impl_ || !impl_->set) return {};
  return {impl_->set.get()};
}
const RuleSpec& DateTagger::rule(std::uint32_t index) const { return impl_->rules[index].spec; }

void DateTagger::BindWords(const std::vector<std::pair<std::string, unsigned char>>& class_words,
                           Gazetteer& gazetteer) {
  dates::DateSymbols::Bind(class_words, gazetteer);
}

void DateTagger::Compile(std::vector<RuleSpec> rules) {
  const RE2::Options options = DateRegexOptions();
  auto set = std::make_unique<ClassRegexSet>(/*longest_match=*/true);
  std::vector<Impl::Rule> compiled;
  compiled.reserve(rules.size());
  for (RuleSpec& spec : rules) {
    if (spec.target != RuleTarget::kTokens) {
      Fail(spec, "date rules match the date class string: use target `tokens`, not `text`");
    }
    Impl::Rule r;
    r.re = std::make_unique<RE2>(spec.pattern, options);
    if (!r.re->ok()) {
      Fail(spec, "invalid pattern: " + r.re->error());
    }
    r.groups = r.re->NumberOfCapturingGroups();
    const std::string& g = spec.group;
    const auto& names = r.re->NamedCapturingGroups();
    if (std::all_of(g.begin(), g.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int group = 0;
      const auto [ptr, ec] = std::from_chars(g.data(), g.data() + g.size(), group);
      if (ec != std::errc() || group > r.groups) {
        Fail(spec,
             "group " + g + " does not exist (the pattern has " + std::to_string(r.groups) + ")");
      }
      r.group = group;
    } else {
      const auto it = names.find(g);
      if (it == names.end()) Fail(spec, "no capture group named \"" + g + "\"");
      r.group = it->second;
    }
    for (const auto& [name, index] : names) {
      if (const auto field = dates::FieldByName(name)) {
        r.fields.emplace_back(index, *field);
      } else if (name == "reject" || name.starts_with("reject_")) {
        r.rejects.push_back(index);
      } else if (name != g && !name.starts_with("x_")) {
        Fail(spec, "unknown group name \"" + name + "\" (the normaliser reads " + Vocabulary() +
                       "; name your own groups x_..., and use reject or reject_... for a part "
                       "that discards the match)");
      }
    }
    // Matched by the class-string automaton when it reads the pattern as RE2 does, else by RE2.
    const int index = set->Add(spec.pattern);
    if (index >= 0 && set->CaptureCount(index) == r.groups) r.automaton = index;
    r.spec = std::move(spec);
    compiled.push_back(std::move(r));
  }
  set->Compile();
  impl_->rules = std::move(compiled);
  impl_->set = std::move(set);
}

void DateTagger::Run(Document& doc, const std::optional<CivilDate>& caller_reference) const {
  if (caller_reference) {
    doc.reference_date = caller_reference;
    doc.reference_source = "caller";
  }
  const std::vector<text::Token>& tokens = doc.tokens();
  if (tokens.empty() || impl_->rules.empty()) return;

  // 1. Matches. The date class string of the whole document; one backward pass of the
  // automaton finds where each rule can start a match, then each rule with a start takes its
  // matches in turn (leftmost-longest, as RE2 with longest_match). A match's groups are symbol
  // ranges, mapped to the bytes of their pieces.
  thread_local dates::DateString ds;
  thread_local std::vector<re2::StringPiece> groups;
  thread_local std::vector<Match> matches;
  thread_local std::vector<FieldSpan> spans;
  matches.clear();
  spans.clear();
  impl_->symbols.Build(doc, ds);
  const std::string_view text = doc.text;
  const re2::StringPiece all(ds.symbols);
  const ClassRegexSet& set = *impl_->set;
  set.Scan(ds.symbols, doc.class_scratch);
  for (std::size_t h = 0; h < impl_->rules.size(); ++h) {
    const Impl::Rule& rule = impl_->rules[h];
    const int n = rule.groups + 1;
    if (groups.size() < static_cast<std::size_t>(n)) groups.resize(static_cast<std::size_t>(n));
    std::size_t pos = 0;
    // The next match from `pos`: by the automaton, or by RE2.
    auto next = [&]() {
      if (rule.automaton < 0) {
        return pos <= all.size() &&
               rule.re->Match(all, pos, all.size(), RE2::UNANCHORED, groups.data(), n);
      }
      const std::size_t start = set.NextStart(doc.class_scratch, rule.automaton, pos);
      return start != ClassRegexSet::kNone &&
             set.MatchAt(rule.automaton, ds.symbols, start, groups.data(), n, doc.class_scratch);
    };
    while (next()) {
      const re2::StringPiece whole = groups[0];
      pos = static_cast<std::size_t>(whole.data() - all.data()) +
            std::max<std::size_t>(whole.size(), 1);
      bool rejected = false;
      for (int r : rule.rejects) {
        if (groups[static_cast<std::size_t>(r)].data() != nullptr) rejected = true;
      }
      const re2::StringPiece g = groups[static_cast<std::size_t>(rule.group)];
      if (rejected || g.data() == nullptr || g.empty()) continue;
      const auto gs = static_cast<std::size_t>(g.data() - all.data());
      const std::size_t ge = gs + g.size();
      if (std::memchr(g.data(), '\n', g.size()) != nullptr) continue;
      // The span must start and end on token boundaries ("1990" of "1990s" is no year).
      const std::uint32_t tb = TokenAt(tokens, ds.begin[gs]);
      const std::uint32_t te = TokenAt(tokens, ds.end[ge - 1] - 1) + 1;
      if (tokens[tb].begin != ds.begin[gs] || tokens[te - 1].end != ds.end[ge - 1]) continue;
      Match m;
      m.begin = ds.begin[gs];
      m.end = ds.end[ge - 1];
      m.token_begin = tb;
      m.token_end = te;
      m.rule = static_cast<std::uint32_t>(h);
      m.priority = rule.spec.priority;
      m.fields_begin = static_cast<std::uint32_t>(spans.size());
      for (const auto& [index, field] : rule.fields) {
        const re2::StringPiece f = groups[static_cast<std::size_t>(index)];
        if (f.data() == nullptr || f.empty()) continue;
        const auto fs = static_cast<std::size_t>(f.data() - all.data());
        const std::size_t fe = fs + f.size();
        spans.push_back({field, ds.begin[fs], ds.end[fe - 1]});
      }
      m.fields_end = static_cast<std::uint32_t>(spans.size());
      matches.push_back(m);
    }
  }
  if (matches.empty()) return;

  // 2. Overlaps: higher priority, then longer, then earlier.
  std::sort(matches.begin(), matches.end(), [](const Match& x, const Match& y) {
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.end - x.begin != y.end - y.begin) return x.end - x.begin > y.end - y.begin;
    if (x.begin != y.begin) return x.begin < y.begin;
    return x.rule < y.rule;
  });
  thread_local std::vector<Match> kept;
  thread_local std::vector<std::uint8_t> taken;
  kept.clear();
  taken.assign(tokens.size(), 0);
  for (const Match& m : matches) {
    if (std::any_of(taken.begin() + m.token_begin, taken.begin() + m.token_end,
                    [](std::uint8_t t) { return t != 0; })) {
      continue;
    }
    std::fill(taken.begin() + m.token_begin, taken.begin() + m.token_end, 1);
    kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Match& x, const Match& y) { return x.begin < y.begin; });

  // 3. The reference date from a dateline, when the caller gave none.
  if (!doc.reference_date) {
    for (const Match& m : kept) {
      if (m.begin > kHeadBytes) break;
      const RuleSpec& spec = impl_->rules[m.rule].spec;
      if (spec.label != Label::kDate && spec.label != Label::kTime) continue;
      const dates::Normalized n =
          dates::Normalize(Label::kDate, Texts(text, spans, m), dates::Context{});
      if (!IsFullDate(n.value) || !InDatelinePosition(doc, m)) continue;
      doc.reference_date = CivilDate::Parse(n.value);
      if (doc.reference_date) {
        doc.reference_source = "document";
        break;
      }
    }
  }

  // 4. Values and candidates, in document order (anaphoric expressions count from the focus,
  // the last calendar date mentioned).
  std::string focus;
  std::uint32_t focus_sentence = 0;
  bool focus_uses_reference = false;
  for (const Match& m : kept) {
    const RuleSpec& spec = impl_->rules[m.rule].spec;
    LazyTense tense(doc, m.token_begin, m.token_end);
    const std::uint32_t sentence = tokens[m.token_begin].sentence;
    dates::Context context;
    context.reference = doc.reference_date;
    context.tense = &tense;
    context.focus = focus;
    context.focus_near = !focus.empty() && sentence <= focus_sentence + 2;
    context.focus_same_sentence = !focus.empty() && sentence == focus_sentence;
    context.focus_uses_reference = focus_uses_reference;
    dates::Normalized n = dates::Normalize(*spec.label, Texts(text, spans, m), context);
    if (n.invalid) continue;
    if (n.sets_focus && spec.label == Label::kDate) {
      focus = n.value;
      focus_sentence = sentence;
      focus_uses_reference = n.uses_reference;
    }
    Candidate c;
    c.begin = m.begin;
    c.end = m.end;
    c.token_begin = m.token_begin;
    c.token_end = m.token_end;
    c.label = *spec.label;
    c.origin = Origin::kDate;
    c.ref = m.rule;
    c.priority = spec.priority;
    if (!n.value.empty()) c.anchor = n.uses_reference ? "reference" : "absolute";
    c.value = static_cast<std::int32_t>(doc.values.size());
    doc.values.push_back(std::move(n.value));
    doc.candidates.push_back(std::move(c));
  }
}

}  // namespace nerkit::internal
