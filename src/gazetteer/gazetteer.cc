#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <functional>

#include "nerkit/error.h"

namespace nerkit::internal {
namespace {

inline std::uint64_t HashBytes(std::string_view s) {
  // FNV-1a with a final mix: short keys, good spread.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

inline std::uint64_t HashPair(std::uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ull;
  key ^= key >> 33;
  return key;
}

std::size_t PowerOfTwoAtLeast(std::size_t n) {
  std::size_t p = 16;
  while (p < n) p <<= 1;
  return p;
}

}  // namespace

bool IsNameJoiner(const std::vector<text::Token>& tokens, std::string_view text, std::size_t k) {
  const text::Token& t = tokens[k];
  if (t.Has(text::kSpaceBefore) || k == 0) return false;
  const std::string_view s = text.substr(t.begin, t.end - t.begin);
  if (s == ".") return tokens[k - 1].IsWord();
  if (s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91") {
    return tokens[k - 1].IsWord() && k + 1 < tokens.size() &&
           !tokens[k + 1].Has(text::kSpaceBefore) && tokens[k + 1].IsWord();
  }
  return false;
}

// Open-addressing tables built once.
struct Gazetteer::Tables {
  // Vocabulary: key bytes in `vocab_text`, (offset, length) per id.
  std::string vocab_text;
  std::vector<std::uint32_t> vocab_offset;
  std::vector<std::uint32_t> vocab_length;
  std::vector<std::uint32_t> vocab_slots;  // id + 1, 0 = empty
  std::vector<std::uint32_t> vocab_hash;   // low bits of the hash, per slot
  std::uint64_t vocab_mask = 0;

  // Trie: node 0 is the root. Transitions (node, vocab) -> child.
  std::vector<std::int32_t> root_child;      // per vocabulary id, -1 if none
  std::vector<std::uint64_t> trans_keys;     // (node << 32 | vocab) + 1, 0 = empty
  std::vector<std::uint32_t> trans_values;
  std::uint64_t trans_mask = 0;
  std::size_t trans_count = 0;
  std::uint32_t node_count = 1;

  // Per node: its entries (after duplicates and blocks), ranked.
  std::vector<std::uint32_t> node_begin;  // CSR offsets, size node_count + 1
  std::vector<std::uint32_t> node_entries;
  std::vector<std::uint32_t> node_types;  // OR of TypeBit of its entries
  std::vector<std::uint8_t> node_needs_check;  // 1 if some entry needs a case check or is an
                                               // entity (a match record is made)
  std::vector<std::uint8_t> node_period;       // 1 if some entry's surface ends with "."
  std::vector<std::uint32_t> node_lexical;     // single-token nodes: lexical bits of the
                                               // entries that need no case check

  // Build-time: (node, entry) pairs in load order; cs forms of case-sensitive entries.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pending;
  std::vector<std::string> cs_form;  // per entry; empty unless cs

  std::int32_t Find(std::string_view key) const {
    if (vocab_slots.empty()) return -1;
    const std::uint64_t h = HashBytes(key);
    std::uint64_t i = h & vocab_mask;
    const auto h32 = static_cast<std::uint32_t>(h >> 32);
    while (vocab_slots[i] != 0) {
      const std::uint32_t id = vocab_slots[i] - 1;
      if (vocab_hash[i] == h32 && vocab_length[id] == key.size() &&
          std::string_view(vocab_text).substr(vocab_offset[id], vocab_length[id]) == key) {
        return static_cast<std::int32_t>(id);
      }
      i = (i + 1) & vocab_mask;
    }
    return -1;
  }

  std::uint32_t Intern(std::string_view key) {
    if (vocab_slots.empty() || (vocab_offset.size() + 1) * 2 > vocab_slots.size()) {
      GrowVocab();
    }
    const std::uint64_t h = HashBytes(key);
    std::uint64_t i = h & vocab_mask;
    const auto h32 = static_cast<std::uint32_t>(h >> 32);
    while (vocab_slots[i] != 0) {
      const std::uint32_t id = vocab_slots[i] - 1;
      if (vocab_hash[i] == h32 && vocab_length[id] == key.size() &&
          std::string_view(vocab_text).substr(vocab_offset[id], vocab_length[id]) == key) {
        return id;
      }
      i = (i + 1) & vocab_mask;
    }
    const auto id = static_cast<std::uint32_t>(vocab_offset.size());
    vocab_offset.push_back(static_cast<std::uint32_t>(vocab_text.size()));
    vocab_length.push_back(static_cast<std::uint32_t>(key.size()));
    vocab_text.append(key);
    vocab_slots[i] = id + 1;
    vocab_hash[i] = h32;
    root_child.push_back(-1);
    return id;
  }

  void GrowVocab() {
    const std::size_t capacity = PowerOfTwoAtLeast((vocab_offset.size() + 1) * 4);
    vocab_slots.assign(capacity, 0);
    vocab_hash.assign(capacity, 0);
    vocab_mask = capacity - 1;
    for (std::uint32_t id = 0; id < vocab_offset.size(); ++id) {
      const std::string_view key = std::string_view(vocab_text).substr(vocab_offset[id],
                                                                       vocab_length[id]);
      const std::uint64_t h = HashBytes(key);
      std::uint64_t i = h & vocab_mask;
      while (vocab_slots[i] != 0) i = (i + 1) & vocab_mask;
      vocab_slots[i] = id + 1;
      vocab_hash[i] = static_cast<std::uint32_t>(h >> 32);
    }
  }

  std::int32_t Child(std::uint32_t node, std::uint32_t vocab) const {
    if (node == 0) return root_child[vocab];
    if (trans_keys.empty()) return -1;
    const std::uint64_t key = ((static_cast<std::uint64_t>(node) << 32) | vocab) + 1;
    std::uint64_t i = HashPair(key) & trans_mask;
    while (trans_keys[i] != 0) {
      if (trans_keys[i] == key) return static_cast<std::int32_t>(trans_values[i]);
      i = (i + 1) & trans_mask;
    }
    return -1;
  }

  std::uint32_t AddChild(std::uint32_t node, std::uint32_t vocab) {
    if (node == 0) {
      if (root_child[vocab] < 0) root_child[vocab] = static_cast<std::int32_t>(node_count++);
      return static_cast<std::uint32_t>(root_child[vocab]);
    }
    if (trans_keys.empty() || (trans_count + 1) * 2 > trans_keys.size()) GrowTrans();
    const std::uint64_t key = ((static_cast<std::uint64_t>(node) << 32) | vocab) + 1;
    std::uint64_t i = HashPair(key) & trans_mask;
    while (trans_keys[i] != 0) {
      if (trans_keys[i] == key) return trans_values[i];
      i = (i + 1) & trans_mask;
    }
    trans_keys[i] = key;
    trans_values[i] = node_count++;
    ++trans_count;
    return trans_values[i];
  }

  void GrowTrans() {
    std::vector<std::uint64_t> old_keys = std::move(trans_keys);
    std::vector<std::uint32_t> old_values = std::move(trans_values);
    const std::size_t capacity = PowerOfTwoAtLeast((trans_count + 1) * 4);
    trans_keys.assign(capacity, 0);
    trans_values.assign(capacity, 0);
    trans_mask = capacity - 1;
    for (std::size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      std::uint64_t i = HashPair(old_keys[j]) & trans_mask;
      while (trans_keys[i] != 0) i = (i + 1) & trans_mask;
      trans_keys[i] = old_keys[j];
      trans_values[i] = old_values[j];
    }
  }
};

Gazetteer::Gazetteer() : tables_(std::make_unique<Tables>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

std::int32_t Gazetteer::Lookup(std::string_view key) const { return tables_->Find(key); }

void Gazetteer::AddFile(const SourceFile& file, std::uint16_t file_index,
                        text::Tokenizer& tokenizer) {
  Tables& t = *tables_;
  text::TokenizedText words;
  ForEachLine(file.content, [&](std::size_t line_number, std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    Entry entry;
    std::size_t column = 0;
    const std::string error = ParseEntryLine(line, entry, column);
    if (!error.empty()) throw LoadError(file.name, line_number, column, error);
    entry.file = file_index;
    entry.line = static_cast<std::uint32_t>(line_number);

    tokenizer.Tokenize(entry.surface, words, /*sentences=*/false);
    const std::vector<text::Token>& tokens = words.tokens;
    std::uint32_t node = 0;
    std::size_t steps = 0;
    bool has_word = false;
    std::string cs_form;
    bool first = true;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (IsNameJoiner(tokens, entry.surface, k)) continue;
      if (steps > 0 && words.Key(tokens[k]) == "the") continue;  // "Organization of the ..."
      const text::Token& tok = tokens[k];
      if (first) {
        if (tok.shape == text::Shape::kLower) entry.flags |= kFirstLower;
        first = false;
      }
      const std::uint32_t vocab = t.Intern(words.Key(tok));
      node = t.AddChild(node, vocab);
      ++steps;
      has_word = has_word || tok.IsWord();
      if (entry.Has(kCaseSensitive)) {
        if (!cs_form.empty()) cs_form.push_back('\x1f');
        cs_form.append(entry.surface.substr(tok.begin, tok.end - tok.begin));
      }
    }
    if (steps == 0 || !has_word) {
      throw LoadError(file.name, line_number, 1,
                      "surface \"" + std::string(entry.surface) + "\" has no word to match");
    }
    const auto index = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(entry);
    t.cs_form.push_back(std::move(cs_form));
    t.pending.emplace_back(node, index);
  });
}

void Gazetteer::AddVocabulary(std::string_view key) { tables_->Intern(key); }

void Gazetteer::Build() {
  Tables& t = *tables_;
  // Group entries by node, keeping load order within a node.
  std::stable_sort(t.pending.begin(), t.pending.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  t.node_begin.assign(t.node_count + 1, 0);
  t.node_types.assign(t.node_count, 0);
  t.node_needs_check.assign(t.node_count, 0);
  t.node_period.assign(t.node_count, 0);
  t.node_lexical.assign(t.node_count, 0);
  t.node_entries.clear();
  t.node_entries.reserve(t.pending.size());
  std::vector<std::uint32_t> kept;
  std::size_t p = 0;
  for (std::uint32_t node = 0; node < t.node_count; ++node) {
    t.node_begin[node] = static_cast<std::uint32_t>(t.node_entries.size());
    kept.clear();
    for (; p < t.pending.size() && t.pending[p].first == node; ++p) {
      const std::uint32_t index = t.pending[p].second;
      const Entry& e = entries_[index];
      if (e.Has(kBlock)) {
        const auto before = kept.size();
        std::erase_if(kept, [&](std::uint32_t k) { return entries_[k].type == e.type; });
        stats_.blocked += before - kept.size();
        continue;
      }
      const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](std::uint32_t k) {
        const Entry& o = entries_[k];
        return o.type == e.type && o.id == e.id && (o.id.empty() ? o.canonical == e.canonical : true) &&
               (o.flags & kCaseSensitive) == (e.flags & kCaseSensitive) &&
               t.cs_form[k] == t.cs_form[index];
      });
      if (duplicate) {
        ++stats_.duplicates;
        continue;
      }
      kept.push_back(index);
    }
    // Rank: main names before alternates, then by weight, then load order.
    std::stable_sort(kept.begin(), kept.end(), [&](std::uint32_t a, std::uint32_t b) {
      const Entry& x = entries_[a];
      const Entry& y = entries_[b];
      const bool xm = !x.Has(kAlternate);
      const bool ym = !y.Has(kAlternate);
      if (xm != ym) return xm;
      return x.weight > y.weight;
    });
    std::uint32_t types = 0;
    std::uint32_t lexical = 0;
    bool needs_check = false;
    bool period = false;
    bool entity_all_common = true;
    bool has_entity = false;
    for (std::uint32_t index : kept) {
      const Entry& e = entries_[index];
      types |= TypeBit(e.type);
      if (e.Has(kEndsWithPeriod)) period = true;
      if (EntityLabel(e.type)) {
        has_entity = true;
        if (!e.Has(kCommon)) entity_all_common = false;
      }
      if (e.Has(kCaseSensitive) || EntityLabel(e.type) || e.type == EntryType::kDemonym) {
        needs_check = true;
      } else {
        lexical |= TypeBit(e.type);
        if (e.type == EntryType::kGivenName && e.Has(kCommon)) lexical |= kLexGivenCommon;
        if (e.type == EntryType::kSurname && e.Has(kCommon)) lexical |= kLexSurnameCommon;
      }
    }
    if (has_entity && entity_all_common) lexical |= kLexEntityCommon;
    t.node_entries.insert(t.node_entries.end(), kept.begin(), kept.end());
    t.node_types[node] = types;
    t.node_needs_check[node] = needs_check;
    t.node_period[node] = period;
    t.node_lexical[node] = lexical;
    stats_.entries += kept.size();
  }
  t.node_begin[t.node_count] = static_cast<std::uint32_t>(t.node_entries.size());
  t.pending.clear();
  t.pending.shrink_to_fit();
  // Keep cs forms only where needed.
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].Has(kCaseSensitive)) std::string().swap(t.cs_form[i]);
  }
  stats_.vocabulary = t.vocab_offset.size();
  stats_.nodes = t.node_count;
}

void Gazetteer::Match(Document& doc) const {
  const Tables& t = *tables_;
  std::vector<text::Token>& tokens = doc.words.tokens;
  const std::size_t n = tokens.size();
  doc.lexical.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    text::Token& tok = tokens[i];
    tok.vocab = tok.IsWord() || tok.shape == text::Shape::kPunct ? t.Find(doc.words.Key(tok)) : -1;
  }
  std::string cs_text;
  for (std::size_t i = 0; i < n; ++i) {
    const text::Token& first = tokens[i];
    if (first.vocab < 0 || !first.IsWord()) continue;
    std::int32_t node = t.root_child[static_cast<std::size_t>(first.vocab)];
    if (node < 0) continue;
    std::size_t end = i + 1;
    while (true) {
      const auto nd = static_cast<std::uint32_t>(node);
      if (t.node_begin[nd + 1] > t.node_begin[nd]) {
        const bool single = end == i + 1;
        if (single) doc.lexical[i] |= t.node_lexical[nd];
        if (!single || t.node_needs_check[nd]) {
          // A match: keep the entries whose case policy the text satisfies.
          std::size_t match_end = end;
          if (t.node_period[nd] && match_end < n && !tokens[match_end].Has(text::kSpaceBefore) &&
              doc.TokenText(tokens[match_end]) == ".") {
            ++match_end;
          }
          GazetteerMatch m;
          m.token_begin = static_cast<std::uint32_t>(i);
          m.token_end = static_cast<std::uint32_t>(match_end);
          m.entries_begin = static_cast<std::uint32_t>(doc.match_entries.size());
          const bool first_lower = first.shape == text::Shape::kLower;
          bool cs_built = false;
          for (std::uint32_t k = t.node_begin[nd]; k < t.node_begin[nd + 1]; ++k) {
            const std::uint32_t index = t.node_entries[k];
            const Entry& e = entries_[index];
            if (e.Has(kCaseSensitive)) {
              if (!cs_built) {
                cs_text.clear();
                for (std::size_t j = i; j < end; ++j) {
                  if (IsNameJoiner(tokens, doc.text, j)) continue;
                  if (!cs_text.empty()) cs_text.push_back('\x1f');
                  cs_text.append(doc.TokenText(tokens[j]));
                }
                cs_built = true;
              }
              if (cs_text != t.cs_form[index]) continue;
            } else if (EntityLabel(e.type) && first_lower && !e.Has(kFirstLower)) {
              continue;
            }
            doc.match_entries.push_back(index);
            m.types |= TypeBit(e.type);
            if (single && !EntityLabel(e.type)) doc.lexical[i] |= TypeBit(e.type);
          }
          m.entries_count =
              static_cast<std::uint32_t>(doc.match_entries.size()) - m.entries_begin;
          if (m.entries_count > 0) doc.matches.push_back(m);
        }
      }
      // Next step: skip joiners, stay in the sentence.
      std::size_t k = end;
      while (k < n && (IsNameJoiner(tokens, doc.text, k) || doc.words.Key(tokens[k]) == "the")) ++k;
      if (k >= n || tokens[k].vocab < 0 || tokens[k].sentence != first.sentence) break;
      const std::int32_t child = t.Child(nd, static_cast<std::uint32_t>(tokens[k].vocab));
      if (child < 0) break;
      node = child;
      end = k + 1;
    }
  }
  // Matches are produced by start, shortest first; order them longest first per start.
  std::stable_sort(doc.matches.begin(), doc.matches.end(),
                   [](const GazetteerMatch& a, const GazetteerMatch& b) {
                     if (a.token_begin != b.token_begin) return a.token_begin < b.token_begin;
                     return a.token_end > b.token_end;
                   });
}

void Gazetteer::AddCandidates(Document& doc) const {
  const std::vector<text::Token>& tokens = doc.tokens();
  constexpr std::uint32_t kEntityTypes = TypeBit(EntryType::kPerson) |
                                         TypeBit(EntryType::kLocation) |
                                         TypeBit(EntryType::kOrganization);
  // Countries the document mentions (by name or demonym): among places of the same name, one in
  // such a country wins ("Sirt" in a story about Libya is Sirte, not Siirt in Turkey).
  thread_local std::vector<std::uint16_t> countries;
  countries.clear();
  auto code = [](const Entry& e) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(e.country[0]) << 8) |
                                      static_cast<unsigned char>(e.country[1]));
  };
  for (const GazetteerMatch& m : doc.matches) {
    for (std::uint32_t k = 0; k < m.entries_count; ++k) {
      const Entry& e = entries_[doc.match_entries[m.entries_begin + k]];
      if (e.country[0] && !e.Has(kCommon) &&
          (e.type == EntryType::kDemonym || (e.type == EntryType::kLocation && e.Has(kCountry)))) {
        countries.push_back(code(e));
        break;
      }
    }
  }
  auto in_document = [&](const Entry& e) {
    return e.country[0] &&
           std::find(countries.begin(), countries.end(), code(e)) != countries.end();
  };
  for (const GazetteerMatch& m : doc.matches) {
    if (!(m.types & kEntityTypes)) continue;
    for (EntryType type : {EntryType::kLocation, EntryType::kOrganization, EntryType::kPerson}) {
      if (!(m.types & TypeBit(type))) continue;
      // The best entry of this type: in a mentioned country, then the gazetteer's rank (main
      // names before alternates, then weight), which the entry order already is.
      std::int64_t best = -1;
      bool best_in_country = false;
      for (std::uint32_t k = 0; k < m.entries_count; ++k) {
        const std::uint32_t index = doc.match_entries[m.entries_begin + k];
        const Entry& e = entries_[index];
        if (e.type != type) continue;
        const bool here = in_document(e);
        if (best < 0 || (here && !best_in_country) ||
            (here == best_in_country && entries_[best].Has(kCommon) && !e.Has(kCommon))) {
          best = index;
          best_in_country = here;
        }
      }
      const auto index = static_cast<std::uint32_t>(best);
      const Entry& e = entries_[index];
      // A period that only ends the sentence is not part of a name without one.
      std::uint32_t token_end = m.token_end;
      if (!e.Has(kEndsWithPeriod) && token_end > m.token_begin + 1 &&
          doc.TokenText(tokens[token_end - 1]) == "." && !tokens[token_end - 1].IsWord()) {
        --token_end;
      }
      Candidate c;
      c.token_begin = m.token_begin;
      c.token_end = token_end;
      c.begin = tokens[m.token_begin].begin;
      c.end = tokens[token_end - 1].end;
      c.label = *EntityLabel(type);
      c.origin = Origin::kDictionary;
      c.ref = index;
      c.entry = static_cast<std::int32_t>(index);
      std::uint32_t words = 0;
      for (std::uint32_t t = m.token_begin; t < token_end; ++t) words += tokens[t].IsWord();
      if (e.Has(kCommon)) {
        c.priority = kPriorityCommon;
        c.weak = true;
      } else if (words > 1) {
        c.priority = e.Has(kAlternate) ? kPriorityLong - 5 : kPriorityLong;
      } else if (e.Has(kAlternate)) {
        c.priority = kPriorityAlternate;
      } else if (type == EntryType::kLocation && e.Has(kCity) && !e.Has(kCapital) &&
                 e.weight < kMinorPlacePopulation) {
        c.priority = kPriorityMinorPlace;
      } else {
        c.priority = kPriorityMain;
      }
      doc.candidates.push_back(std::move(c));
    }
  }
}

}  // namespace nerkit::internal
