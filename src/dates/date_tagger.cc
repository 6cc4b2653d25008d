#include "dates/date_tagger.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <charconv>
#include <string>

#include "core/regex.h"
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
  };
  std::vector<Rule> rules;
  std::unique_ptr<RE2::Set> set;
  std::vector<std::uint8_t> anchor_by_vocab;  // vocabulary id -> 1 for an anchor word
  bool gated = false;                         // rules run near anchors only
};

namespace {

[[noreturn]] void Fail(const RuleSpec& spec, const std::string& message) {
  throw LoadError(spec.file, spec.line, spec.pattern_column,
                  "rule \"" + spec.id + "\": " + message);
}

RE2::Options DateRegexOptions() {
  RE2::Options options = RegexOptions(/*latin1=*/false);
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
  FieldTexts fields{};
};

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

// How many tokens before and after an anchor the date rules see. Expressions grow mostly to the
// left of their anchor ("the end of the third quarter of fiscal 2011" reaches eight tokens back
// from "quarter", and "2011" is an anchor too); after it come at most a few words ("three years
// or so ago", "daily in", the "percent" that rejects a year).
constexpr std::uint32_t kWindowBefore = 8;
constexpr std::uint32_t kWindowAfter = 4;

// How far into a document a dateline date may stand.
constexpr std::size_t kHeadBytes = 1000;
constexpr int kHeadLines = 6;

// The text the patterns see: the document's, with no-break and thin spaces (U+00A0, U+2007,
// U+2009, U+202F) made plain spaces of the same byte length, so that "26\u00a0April" matches `\s+`
// and every offset stays the document's. Returns `text` itself when there is nothing to replace.
std::string_view PatternText(std::string_view text, std::string& buffer) {
  std::size_t pos = 0;
  bool copied = false;
  while (pos + 1 < text.size()) {
    const std::size_t lead = text.find_first_of("\xC2\xE2", pos);
    if (lead == std::string_view::npos || lead + 1 >= text.size()) break;
    std::size_t length = 0;
    if (text[lead] == '\xC2' && text[lead + 1] == '\xA0') {
      length = 2;
    } else if (text[lead] == '\xE2' && lead + 2 < text.size() && text[lead + 1] == '\x80' &&
               (text[lead + 2] == '\x87' || text[lead + 2] == '\x89' || text[lead + 2] == '\xAF')) {
      length = 3;
    }
    if (length > 0) {
      if (!copied) {
        buffer.assign(text);
        copied = true;
      }
      buffer.replace(lead, length, length, ' ');
    }
    pos = lead + (length > 0 ? length : 1);
  }
  return copied ? std::string_view(buffer) : text;
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
const RuleSpec& DateTagger::rule(std::uint32_t index) const { return impl_->rules[index].spec; }

void DateTagger::BindAnchors(const std::set<std::string, std::less<>>& anchor_words,
                             const Gazetteer& gazetteer) {
  impl_->gated = !anchor_words.empty();
  impl_->anchor_by_vocab.assign(gazetteer.stats().vocabulary, 0);
  text::Folder folder;
  for (const std::string& word : anchor_words) {
    const std::int32_t id = gazetteer.Lookup(folder.Key(word));
    if (id >= 0) impl_->anchor_by_vocab[static_cast<std::size_t>(id)] = 1;
  }
}

void DateTagger::Compile(std::vector<RuleSpec> rules) {
  const RE2::Options options = DateRegexOptions();
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::vector<Impl::Rule> compiled;
  compiled.reserve(rules.size());
  for (RuleSpec& spec : rules) {
    if (spec.target != RuleTarget::kText) {
      Fail(spec, "date rules match the text: use target `text`, not `tokens`");
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
    std::string error;
    if (set->Add(spec.pattern, &error) < 0) Fail(spec, "invalid pattern: " + error);
    r.spec = std::move(spec);
    compiled.push_back(std::move(r));
  }
  if (!set->Compile()) {
    throw LoadError("rules", 0, 0, "the date rules together exceed RE2's memory bound");
  }
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

  // 1. Matches. The rules run on stretches of text: around each anchor (a token with a digit or
  // an anchor word), kWindowBefore tokens before and kWindowAfter after, within its sentence,
  // overlapping stretches merged; or, without anchor words, whole sentences. The Set says,
  // stretch by stretch, which rules can match at all; then each of those rules runs on its
  // stretches, one rule after another (its DFA stays in the caches).
  thread_local std::vector<int> hits;
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> work;  // (rule, stretch)
  thread_local std::vector<re2::StringPiece> groups;
  thread_local std::vector<Match> matches;
  thread_local std::vector<text::Sentence> stretches;
  matches.clear();
  work.clear();
  stretches.clear();
  thread_local std::string spaced;
  const std::string_view text = PatternText(doc.text, spaced);
  for (const text::Sentence& s : doc.words.sentences) {
    if (s.end <= s.begin) continue;
    if (!impl_->gated) {
      stretches.push_back(s);
      continue;
    }
    std::uint32_t open_end = 0;  // end token of the stretch being built, 0 if none
    std::uint32_t open_begin = 0;
    for (std::uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const text::Token& tok = tokens[t];
      const bool anchor =
          tok.Has(text::kHasDigit) ||
          (tok.vocab >= 0 && impl_->anchor_by_vocab[static_cast<std::size_t>(tok.vocab)]);
      if (!anchor) continue;
      const std::uint32_t b =
          t >= s.token_begin + kWindowBefore ? t - kWindowBefore : s.token_begin;
      const std::uint32_t e = std::min(s.token_end, t + kWindowAfter + 1);
      if (open_end != 0 && b <= open_end) {
        open_end = e;
        continue;
      }
      if (open_end != 0) {
        stretches.push_back(
            {open_begin, open_end, tokens[open_begin].begin, tokens[open_end - 1].end});
      }
      open_begin = b;
      open_end = e;
    }
    if (open_end != 0) {
      stretches.push_back(
          {open_begin, open_end, tokens[open_begin].begin, tokens[open_end - 1].end});
    }
  }
  for (std::uint32_t i = 0; i < stretches.size(); ++i) {
    const text::Sentence& s = stretches[i];
    if (!MatchSet(*impl_->set, re2::StringPiece(text.data() + s.begin, s.end - s.begin),
                  impl_->rules.size(), hits)) {
      continue;
    }
    for (int h : hits) work.emplace_back(static_cast<std::uint32_t>(h), i);
  }
  std::sort(work.begin(), work.end());
  const re2::StringPiece all(text.data(), text.size());
  for (const auto& [h, stretch_index] : work) {
    const text::Sentence& s = stretches[stretch_index];
    const Impl::Rule& rule = impl_->rules[static_cast<std::size_t>(h)];
    groups.assign(static_cast<std::size_t>(rule.groups) + 1, re2::StringPiece());
    // The stretch alone is the text: for a short text RE2 runs its bit-state engine directly,
    // without the forward and reverse DFA passes (whose caches other stages keep cold).
    const re2::StringPiece sentence(all.data() + s.begin, s.end - s.begin);
    std::size_t pos = 0;
    while (pos <= sentence.size() &&
           MatchGroups(*rule.re, sentence, pos, groups.data(), rule.groups + 1)) {
      const re2::StringPiece whole = groups[0];
      pos = static_cast<std::size_t>(whole.data() - sentence.data()) +
            std::max<std::size_t>(whole.size(), 1);
      bool rejected = false;
      for (int r : rule.rejects) {
        if (groups[static_cast<std::size_t>(r)].data() != nullptr) rejected = true;
      }
      const re2::StringPiece g = groups[static_cast<std::size_t>(rule.group)];
      if (rejected || g.data() == nullptr || g.empty()) continue;
      // The span must start and end on token boundaries.
      const auto b = static_cast<std::uint32_t>(g.data() - all.data());
      const auto e = static_cast<std::uint32_t>(b + g.size());
      const auto first =
          std::lower_bound(tokens.begin() + s.token_begin, tokens.begin() + s.token_end, b,
                           [](const text::Token& t, std::uint32_t v) { return t.begin < v; });
      if (first == tokens.begin() + s.token_end || first->begin != b) continue;
      const auto last =
          std::lower_bound(first, tokens.begin() + s.token_end, e,
                           [](const text::Token& t, std::uint32_t v) { return t.end < v; });
      if (last == tokens.begin() + s.token_end || last->end != e) continue;
      Match m;
      m.begin = b;
      m.end = e;
      m.token_begin = static_cast<std::uint32_t>(first - tokens.begin());
      m.token_end = static_cast<std::uint32_t>(last - tokens.begin()) + 1;
      m.rule = static_cast<std::uint32_t>(h);
      m.priority = rule.spec.priority;
      for (const auto& [index, field] : rule.fields) {
        const re2::StringPiece f = groups[static_cast<std::size_t>(index)];
        if (f.data() != nullptr) {
          m.fields[static_cast<std::size_t>(field)] = std::string_view(f.data(), f.size());
        }
      }
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
      const dates::Normalized n = dates::Normalize(Label::kDate, m.fields, dates::Context{});
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
    dates::Normalized n = dates::Normalize(*spec.label, m.fields, context);
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
    c.value = std::move(n.value);
    doc.candidates.push_back(std::move(c));
  }
}

}  // namespace nerkit::internal
