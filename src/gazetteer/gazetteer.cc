#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <functional>

#include "core/big_array.h"
#include "gazetteer/tables.h"
#include "nerkit/error.h"

namespace nerkit::internal {

using namespace gazetteer_detail;

namespace {

// What an entry adds to a match's strong_types and summary (GazetteerMatch).
void AddToSummary(const PackedEntry& e, std::uint32_t& strong_types, std::uint8_t& summary) {
  if (EntityLabel(e.type) && e.Has(kCommon)) {
    summary |= kSummaryCommonEntity;
    return;
  }
  strong_types |= TypeBit(e.type);
  if (e.type == EntryType::kLocation && (e.Has(kCountry) || e.Has(kFeature))) {
    summary |= kSummaryCountry;
  }
  if (e.type == EntryType::kLocation && e.Has(kPrimary) && e.weight >= kMajorPlace) {
    summary |= kSummaryMajorPlace;
  }
}

}  // namespace

bool IsNameJoiner(const std::vector<text::Token>& tokens, std::string_view, std::size_t k) {
  return tokens[k].Has(text::kJoiner);
}

Gazetteer::Gazetteer() : tables_(std::make_unique<Tables>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

bool Gazetteer::SetRuleSymbol(std::string_view key, char symbol) {
  Tables::VocabSlot* slot = tables_->FindSlot(key);
  if (!slot) return false;
  // (Written only if it changes: a slot of a mapped image that already holds it stays shared.)
  if (slot->symbol != symbol) slot->symbol = symbol;
  return true;
}

std::int32_t Gazetteer::SetNeeded(std::string_view key) {
  static_assert(kWordNeeded == Tables::kVocabNeeded);
  Tables::VocabSlot* slot = tables_->FindSlot(key);
  if (!slot) return -1;
  // (Written only if it changes, as SetRuleSymbol.)
  if (!(slot->flags & Tables::kVocabNeeded)) slot->flags |= Tables::kVocabNeeded;
  return static_cast<std::int32_t>(slot->id) - 1;
}

bool Gazetteer::SetDateClass(std::string_view key, bool capitalised, std::uint8_t symbol) {
  Tables::VocabSlot* slot = tables_->FindSlot(key);
  if (!slot) return false;
  std::uint8_t& date_class = capitalised ? slot->date_cap : slot->date_any;
  if (date_class != symbol) date_class = symbol;
  return true;
}

void Gazetteer::AddFile(const SourceFile& file, std::uint16_t file_index,
                        text::Tokenizer& tokenizer) {
  AddParsed(ParseFile(file, file_index, tokenizer));
}

ParsedFile Gazetteer::ParseFile(const SourceFile& file, std::uint16_t file_index,
                                text::Tokenizer& tokenizer) {
  ParsedFile out;
  out.text = file.content;
  out.file = file_index;
  const std::size_t lines = CountLines(file.content);
  out.entries.reserve(lines);
  out.cs_forms.reserve(lines);
  out.first_key.reserve(lines + 1);
  out.key_end.reserve(lines * 2);
  out.keys.reserve(file.content.size() / 2);
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

    tokenizer.TokenizeName(entry.surface, words);
    const std::vector<text::Token>& tokens = words.tokens;
    out.first_key.push_back(static_cast<std::uint32_t>(out.key_end.size()));
    std::size_t steps = 0;
    bool has_word = false;
    std::string cs_form;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const text::Token& tok = tokens[k];
      if (tok.Has(text::kJoiner)) continue;
      if (steps > 0 && tok.Has(text::kThe)) continue;  // "Organization of the ..."
      if (steps == 0 && tok.shape == text::Shape::kLower) entry.flags |= kFirstLower;
      if (tok.IsCapitalized() && steps < 32) entry.capitals |= 1u << steps;
      out.keys.append(words.Key(tok).substr(0, 0xFFFF));
      out.key_end.push_back(static_cast<std::uint32_t>(out.keys.size()));
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
    PackedEntry packed;
    if (!PackEntry(entry, file.content, packed)) {
      throw LoadError(file.name, line_number, 1, "the file is larger than 4 GiB");
    }
    out.entries.push_back(packed);
    out.cs_forms.push_back(std::move(cs_form));
  });
  out.first_key.push_back(static_cast<std::uint32_t>(out.key_end.size()));
  return out;
}

void Gazetteer::AddParsed(ParsedFile&& parsed) {
  Tables& t = *tables_;
  auto key_at = [&](std::size_t k) {
    const std::uint32_t begin = k == 0 ? 0 : parsed.key_end[k - 1];
    return std::string_view(parsed.keys.data() + begin, parsed.key_end[k] - begin);
  };
  // The vocabulary table is large and its slots are random: each key's slot is prefetched a few
  // keys ahead of its turn.
  constexpr std::size_t kAhead = 8;
  auto prefetch = [&](std::size_t k) {
    if (k >= parsed.key_end.size() || t.vocab_slots.empty()) return;
    const std::string_view key = key_at(k);
    __builtin_prefetch(&t.vocab_slots[HashPair(Tables::Tag(key) ^ key.size()) & t.vocab_mask]);
  };
  for (std::size_t k = 0; k < kAhead; ++k) prefetch(k);
  for (std::size_t i = 0; i < parsed.entries.size(); ++i) {
    std::uint32_t node = 0;
    for (std::uint32_t k = parsed.first_key[i]; k < parsed.first_key[i + 1]; ++k) {
      prefetch(k + kAhead);
      const std::uint32_t vocab = t.Intern(key_at(k));
      if (k > parsed.first_key[i]) t.continues.push_back(vocab);
      node = t.AddChild(node, vocab);
    }
    t.pending.emplace_back(node, static_cast<std::uint32_t>(entries_.size() + i));
  }
  if (texts_.size() <= parsed.file) texts_.resize(parsed.file + 1);
  texts_[parsed.file] = parsed.text;
  entries_.append(parsed.entries.begin(), parsed.entries.end());
  t.cs_form.insert(t.cs_form.end(), std::make_move_iterator(parsed.cs_forms.begin()),
                   std::make_move_iterator(parsed.cs_forms.end()));
}

void Gazetteer::AddVocabulary(std::string_view key) { tables_->Intern(key); }

void Gazetteer::Reserve(std::size_t lines) {
  Tables& t = *tables_;
  if (!t.vocab_offset.empty()) return;  // only before the first word is interned
  entries_.reserve(lines);
  t.pending.reserve(lines);
  t.cs_form.reserve(lines);
  t.vocab_offset.reserve(lines);
  t.root_child.reserve(lines);
  t.vocab_text.reserve(lines * 8);
  // About one new word per line at most; keep the load under one half.
  if (t.vocab_slots.size() < lines * 2) {
    t.vocab_slots.assign(PowerOfTwoAtLeast(lines * 2), Tables::VocabSlot{});
    t.vocab_mask = t.vocab_slots.size() - 1;
  }
  if (t.transitions.size() < lines) {
    t.transitions.assign(PowerOfTwoAtLeast(lines), Tables::Transition{});
    t.trans_mask = t.transitions.size() - 1;
  }
}

void Gazetteer::Build() {
  Tables& t = *tables_;
  // Group entries by node, keeping load order within a node (a counting sort: nodes are dense).
  {
    std::vector<std::uint32_t> start(static_cast<std::size_t>(t.node_count) + 1, 0);
    for (const auto& [node, index] : t.pending) ++start[node + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted(t.pending.size());
    for (const auto& item : t.pending) sorted[start[item.first]++] = item;
    t.pending.swap(sorted);
  }
  t.nodes.assign(t.node_count, Tables::Node{});
  t.node_entries.clear();
  t.node_entries.reserve(t.pending.size());
  std::vector<std::uint32_t> kept;
  std::size_t p = 0;
  for (std::uint32_t node = 0; node < t.node_count; ++node) {
    Tables::Node& nd = t.nodes[node];
    nd.begin = static_cast<std::uint32_t>(t.node_entries.size());
    kept.clear();
    for (; p < t.pending.size() && t.pending[p].first == node; ++p) {
      // Entries come in node order, so in no order in memory: fetch a few ahead.
      if (p + 8 < t.pending.size()) __builtin_prefetch(&entries_[t.pending[p + 8].second]);
      const std::uint32_t index = t.pending[p].second;
      const PackedEntry& e = entries_[index];
      if (e.Has(kBlock)) {
        const auto before = kept.size();
        std::erase_if(kept, [&](std::uint32_t k) { return entries_[k].type == e.type; });
        stats_.blocked += before - kept.size();
        continue;
      }
      const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](std::uint32_t k) {
        const PackedEntry& o = entries_[k];
        return o.type == e.type && Id(o) == Id(e) &&
               (Id(o).empty() ? Canonical(o) == Canonical(e) : true) &&
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
      const PackedEntry& x = entries_[a];
      const PackedEntry& y = entries_[b];
      const bool xm = !x.Has(kAlternate);
      const bool ym = !y.Has(kAlternate);
      if (xm != ym) return xm;
      return x.weight > y.weight;
    });
    bool entity_all_common = true;
    bool head = false, head_ends = false;  // a head word; one that may end a name
    bool company_head = false;             // an organisation head word of companies
    for (std::uint32_t index : kept) {
      const PackedEntry& e = entries_[index];
      nd.types |= TypeBit(e.type);
      AddToSummary(e, nd.strong_types, nd.summary);
      if (e.Has(kEndsWithPeriod)) nd.flags |= kNodePeriod;
      if (EntityLabel(e.type)) {
        nd.flags |= kNodeEntity | kNodeRecord;
        if (e.Has(kFirstLower)) nd.flags |= kNodeFirstLower;
        if (!e.Has(kCommon)) entity_all_common = false;
      }
      if (e.Has(kCaseSensitive)) nd.flags |= kNodeCaseSensitive | kNodeRecord;
      if (e.type == EntryType::kDemonym) nd.flags |= kNodeRecord;
      if (!e.Has(kCaseSensitive) && !EntityLabel(e.type)) {
        nd.lexical |= TypeBit(e.type);
        if (e.type == EntryType::kGivenName && e.Has(kCommon)) nd.lexical |= kLexGivenCommon;
        if (e.type == EntryType::kGivenName && e.weight >= kFrequentGivenName) {
          nd.lexical |= kLexGivenFrequent;
        }
        if (e.type == EntryType::kGivenName && e.weight < kRareGivenName) {
          nd.lexical |= kLexGivenRare;
        }
        if (e.type == EntryType::kSurname && e.Has(kCommon)) nd.lexical |= kLexSurnameCommon;
        if (e.type == EntryType::kSurname && e.weight >= kFrequentSurname) {
          nd.lexical |= kLexSurnameFrequent;
        }
        if (e.type == EntryType::kSurname && e.weight >= kTopSurname) nd.lexical |= kLexSurnameTop;
      }
      // (Case-sensitive heads too, whose type bit a match adds: "Government" only opens names.)
      if (e.type == EntryType::kOrgHead || e.type == EntryType::kLocHead) {
        head = true;
        head_ends = head_ends || e.Has(kSuffix) || !e.Has(kPrefix);
        company_head = company_head || (e.type == EntryType::kOrgHead && e.Has(kCompany));
      }
    }
    if ((nd.flags & kNodeEntity) && entity_all_common) nd.lexical |= kLexEntityCommon;
    if (head && !head_ends) nd.lexical |= kLexHeadOpensOnly;
    if (company_head) nd.lexical |= kLexHeadCompany;
    t.node_entries.append(kept.begin(), kept.end());
    nd.count = static_cast<std::uint32_t>(kept.size());
    stats_.entries += kept.size();
  }
  // Which nodes have children (the root's are in root_child, and the walk never asks it), and
  // which subtrees hold something a lower-case first word can match. A child is always created
  // after its parent, so one pass from the last node to the first carries that up the trie.
  std::vector<std::uint32_t> parent(t.node_count, 0);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> edges;  // (parent << 32 | vocab, child)
  edges.reserve(t.trans_count);
  for (const Tables::Transition& tr : t.transitions) {
    if (tr.key == 0) continue;
    parent[tr.child] = static_cast<std::uint32_t>((tr.key - 1) >> 32);
    t.nodes[parent[tr.child]].flags |= kNodeHasChildren;
    edges.emplace_back(tr.key - 1, tr.child);
  }
  // The edges as sorted lists per parent; the hash table is no longer needed.
  std::sort(edges.begin(), edges.end());
  t.child_vocab.resize(edges.size());
  t.child_node.resize(edges.size());
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const auto node = static_cast<std::uint32_t>(edges[k].first >> 32);
    Tables::Node& nd = t.nodes[node];
    if (nd.children_count == 0) nd.children_begin = static_cast<std::uint32_t>(k);
    ++nd.children_count;
    t.child_vocab[k] = static_cast<std::uint32_t>(edges[k].first);
    t.child_node[k] = edges[k].second;
  }
  decltype(t.transitions)().swap(t.transitions);
  for (std::uint32_t node = 1; node < t.node_count; ++node) {
    Tables::Node& nd = t.nodes[node];
    const bool single = parent[node] == 0;
    for (std::uint32_t k = 0; k < nd.count; ++k) {
      const PackedEntry& e = entries_[t.node_entries[nd.begin + k]];
      // (A cs entry matches a lower-case word only if it is written so: kFirstLower.)
      const bool lower_ok = e.Has(kFirstLower) || (!single && !EntityLabel(e.type));
      if (lower_ok) nd.flags |= kNodeLowerHere | kNodeLowerBelow;
    }
  }
  for (std::uint32_t node = t.node_count - 1; node > 0; --node) {
    if ((t.nodes[node].flags & kNodeLowerBelow) && parent[node] != 0) {
      t.nodes[parent[node]].flags |= kNodeLowerBelow;
    }
  }
  // What a token needs of its word, in the word's vocabulary slot.
  std::vector<std::uint8_t> continues(t.vocab_offset.size(), 0);
  for (std::uint32_t v : t.continues) continues[v] = 1;
  // The words that take a walk from a lower-case first word on: a walk from "in" or "to" goes
  // no further than a word that is not among them, without looking for it among the children.
  for (std::uint32_t node = 1; node < t.node_count; ++node) {
    const Tables::Node& nd = t.nodes[node];
    if (!(nd.flags & kNodeLowerBelow)) continue;
    for (std::uint32_t k = nd.children_begin; k < nd.children_begin + nd.children_count; ++k) {
      if (t.nodes[t.child_node[k]].flags & kNodeLowerBelow) continues[t.child_vocab[k]] |= 2;
    }
  }
  for (std::size_t k = 0; k < t.vocab_slots.size(); ++k) {
    // Slots are in hash order, their words' nodes anywhere: fetch a few slots ahead.
    if (k + 8 < t.vocab_slots.size() && t.vocab_slots[k + 8].id != 0) {
      const std::int32_t ahead = t.root_child[t.vocab_slots[k + 8].id - 1];
      if (ahead >= 0) __builtin_prefetch(&t.nodes[static_cast<std::uint32_t>(ahead)]);
    }
    Tables::VocabSlot& slot = t.vocab_slots[k];
    if (slot.id == 0) continue;
    const std::uint32_t v = slot.id - 1;
    slot.root = t.root_child[v];
    slot.flags = (continues[v] & 1) ? Tables::kVocabContinues : 0;
    if (continues[v] & 2) slot.flags |= Tables::kVocabContinuesLower;
    if (slot.root >= 0) {
      const Tables::Node& nd = t.nodes[static_cast<std::uint32_t>(slot.root)];
      slot.lexical = nd.lexical;
      if (nd.count > 0) slot.flags |= Tables::kVocabEntries;
      if (nd.flags & kNodeRecord) slot.flags |= Tables::kVocabRecord;
      if (nd.flags & kNodeHasChildren) slot.flags |= Tables::kVocabChildren;
      if (nd.flags & kNodeLowerBelow) slot.flags |= Tables::kVocabLower;
    }
  }
  t.continues.clear();
  t.continues.shrink_to_fit();
  // The lookup table, sized for the words there are (about half full: the table that grew
  // while loading is about a quarter full), so that more of it stays in the caches.
  {
    const std::size_t capacity = PowerOfTwoAtLeast(t.vocab_offset.size() * 3 / 2 + 1);
    t.lookup_slots.assign(capacity, Tables::VocabSlot{});
    const std::uint64_t mask = capacity - 1;
    for (const Tables::VocabSlot& slot : t.vocab_slots) {
      if (slot.id == 0) continue;
      std::uint64_t i = HashPair(slot.tag ^ slot.length) & mask;
      while (t.lookup_slots[i].id != 0) i = (i + 1) & mask;
      t.lookup_slots[i] = slot;
    }
    t.vocab_mask = mask;
  }
  HugePageVector<Tables::VocabSlot>().swap(t.vocab_slots);
  // The cs forms, flat.
  t.cs_bytes.clear();
  t.cs_end.resize(t.cs_form.size());
  for (std::size_t i = 0; i < t.cs_form.size(); ++i) {
    t.cs_bytes.append(t.cs_form[i]);
    t.cs_end[i] = static_cast<std::uint32_t>(t.cs_bytes.size());
  }
  decltype(t.cs_form)().swap(t.cs_form);
  t.pending.clear();
  t.pending.shrink_to_fit();
  stats_.vocabulary = t.vocab_offset.size();
  stats_.nodes = t.node_count;
  instance_ = NewInstance();
}

void Gazetteer::Match(Document& doc) const {
  const Tables& t = *tables_;
  std::vector<text::Token>& tokens = doc.words.tokens;
  const std::size_t n = tokens.size();
  doc.lexical.assign(n, 0);
  // Per token: what the vocabulary says of its word. Words met recently come from the thread's
  // WordCache; the others from the vocabulary table, which is large (it lives in main memory),
  // so their lookups are pipelined: each slot is prefetched a few lookups ahead of the one being
  // made, as is the trie node of each word found.
  std::vector<WordInfo>& info = doc.word_info;
  info.assign(n, WordInfo{});
  thread_local std::vector<std::uint64_t> tags;
  thread_local std::vector<std::uint64_t> homes;   // ~0: the token is looked up no further
  thread_local std::vector<std::uint32_t> misses;  // tokens not in the cache
  tags.resize(n);
  homes.resize(n);
  misses.clear();
  WordCache& cache = doc.word_cache;
  if (cache.owner != instance_ || cache.entries.empty()) cache.Reset(instance_);
  const std::size_t cache_mask = WordCache::kEntries - 1;
  const char* arena = doc.words.arena.data();
  // What a token's lookup found: its vocabulary id and lexical bits, and its trie node fetched.
  auto found = [&](std::size_t i, const WordInfo& w) {
    info[i] = w;
    tokens[i].vocab = w.id;
    doc.lexical[i] = w.lexical;
    // (Without a branch: whether a word has a node is a coin toss the predictor loses; node 0,
    // the root, is always in the cache.)
    const bool walks =
        (w.root >= 0) & ((w.flags & (Tables::kVocabRecord | Tables::kVocabChildren)) != 0);
    __builtin_prefetch(
        &t.nodes[static_cast<std::uint32_t>(w.root) & (0u - static_cast<std::uint32_t>(walks))]);
  };
  // First every token's hash, fetching its cache entry on the way; then the entries, by then in
  // the core's cache, are compared. (Keys are read sixteen bytes at a time: the arena has room.)
  const bool empty = t.lookup_slots.empty();
  constexpr std::uint64_t kNone = ~std::uint64_t{0};
  for (std::size_t i = 0; i < n; ++i) {
    text::Token& tok = tokens[i];
    tok.vocab = -1;
    const std::uint32_t length = tok.key_len;
    // (Punctuation and symbols too: a rule file may need "$" or "&".)
    if (empty ||
        (!tok.IsWord() && tok.shape != text::Shape::kPunct && tok.shape != text::Shape::kSymbol) ||
        length == 0 || length > 0xFFFF) {
      homes[i] = kNone;
      continue;
    }
    tags[i] = length <= 16 ? TagOfWords(LoadKey(arena + tok.key, length), length)
                           : Tables::Tag(doc.words.Key(tok));
    homes[i] = HashPair(tags[i] ^ length) & t.vocab_mask;
    __builtin_prefetch(&cache.entries[homes[i] & cache_mask]);
  }
  // (Hit or miss is data the predictor cannot learn: every token takes its entry's answer, and a
  // miss is listed, without a branch, to be looked up and written again below.)
  misses.resize(n);
  std::size_t miss_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (homes[i] == kNone) continue;
    const std::uint32_t length = tokens[i].key_len;
    const KeyWords w = LoadKey(arena + tokens[i].key, length);
    const WordCache::Entry& e = cache.entries[homes[i] & cache_mask];
    const bool hit = (length <= WordCache::kMaxKey) & (e.key[0] == w.k0) &
                     (e.key[1] == (w.k1 | std::uint64_t{length} << 56));
    found(i, e.info);
    misses[miss_count] = static_cast<std::uint32_t>(i);
    miss_count += static_cast<std::size_t>(!hit);
  }
  misses.resize(miss_count);
  // Each lookup's home slot is fetched kAhead lookups before it; a key of more than 8 bytes,
  // which the slot's tag does not hold whole, is compared with the word's bytes, fetched
  // kTextAhead lookups before (from the home slot, there by then).
  constexpr std::size_t kAhead = 16, kTextAhead = 8;
  for (std::size_t k = 0; k < std::min(misses.size(), kAhead); ++k) {
    __builtin_prefetch(&t.lookup_slots[homes[misses[k]]]);
  }
  for (std::size_t k = 0; k < misses.size(); ++k) {
    if (k + kAhead < misses.size()) __builtin_prefetch(&t.lookup_slots[homes[misses[k + kAhead]]]);
    if (k + kTextAhead < misses.size() && tokens[misses[k + kTextAhead]].key_len > 8) {
      __builtin_prefetch(t.vocab_text.data() + t.lookup_slots[homes[misses[k + kTextAhead]]].text);
    }
    const std::uint32_t i = misses[k];
    const std::string_view key = doc.words.Key(tokens[i]);
    const Tables::VocabSlot* slot = t.FindSlotAt(key, tags[i], homes[i]);
    const WordInfo w = slot ? slot->Info() : WordInfo{};
    found(i, w);
    if (key.size() <= WordCache::kMaxKey) {
      const KeyWords words = LoadKey(arena + tokens[i].key, key.size());
      WordCache::Entry& e = cache.entries[homes[i] & cache_mask];
      e.key[0] = words.k0;
      e.key[1] = words.k1 | std::uint64_t{key.size()} << 56;
      e.info = w;
    }
  }
  // The words a name may start at, in order: a word of the vocabulary with a trie node and
  // entries or longer names below it. (Nothing more to do for the others, most words: their own
  // entries are evidence already in their lexical bits.) Listed without a branch per token.
  // (And, in the same pass, the head words that only open names: see below.)
  thread_local std::vector<std::uint32_t> starts;
  thread_local std::vector<std::uint32_t> opening_heads;
  starts.resize(n);
  opening_heads.resize(n);
  std::size_t start_count = 0;
  std::size_t opening_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const WordInfo& word = info[i];
    starts[start_count] = static_cast<std::uint32_t>(i);
    // (Not at a word of two letters or more that the tokenizer reads as an initial, a given
    // name's abbreviation: "Md. Rezaul Karim" is no Maryland.)
    const int abbreviated_name = static_cast<int>(tokens[i].shape == text::Shape::kInitial) &
                                 static_cast<int>(tokens[i].key_len > 1);
    start_count += static_cast<std::size_t>(
        (word.id >= 0) & tokens[i].IsWord() & (word.root >= 0) &
        ((word.flags & (Tables::kVocabRecord | Tables::kVocabChildren)) != 0) &
        (abbreviated_name == 0));
    opening_heads[opening_count] = static_cast<std::uint32_t>(i);
    opening_count += static_cast<std::size_t>((word.lexical & kLexHeadOpensOnly) != 0);
  }
  std::string cs_text;
  for (std::size_t at = 0; at < start_count; ++at) {
    const std::size_t i = starts[at];
    const text::Token& first = tokens[i];
    const WordInfo& word = info[i];
    std::int32_t node = word.root;
    // A lower-case particle ("al-Anbar", "el-Dabaa") may start a capitalised name of several
    // words, whatever the case its surface has in the dictionary. Written apart after a
    // capitalised word, it is inside that word's name and starts none ("Teotitlán del Valle"
    // holds no "del Valle").
    const bool particle_first =
        first.shape == text::Shape::kLower && (doc.lexical[i] & TypeBit(EntryType::kNameParticle));
    if (particle_first && !(i + 1 < n && tokens[i + 1].Has(text::kJoiner))) {
      std::size_t before = i;  // (over the particles before it: "Juan de la Cruz")
      while (before > 0 && tokens[before - 1].shape == text::Shape::kLower &&
             (doc.lexical[before - 1] & TypeBit(EntryType::kNameParticle))) {
        --before;
      }
      if (before > 0 && tokens[before - 1].IsWord() &&
          tokens[before - 1].shape == text::Shape::kCapitalized) {
        continue;
      }
    }
    const bool first_lower = first.shape == text::Shape::kLower && !particle_first;
    std::uint32_t lower = first_lower ? 1u : 0u;  // bit k: the k-th word is lower case
    std::uint32_t step = 0;
    // A lower-case word starts a name only where a name may start so ("al-Qaida"), or several
    // words of evidence ("prime minister").
    if (first_lower && !(word.flags & Tables::kVocabLower)) continue;
    // A lower-case English word opens a name of a list only joined to it by a hyphen, as the
    // list writes it: "as Salif" of "musicians such as Salif Keita" is no "as-Salif".
    const bool loose_word = first_lower && (doc.lexical[i] & TypeBit(EntryType::kWord)) &&
                            !(i + 1 < n && tokens[i + 1].Has(text::kJoiner));
    std::size_t end = i + 1;
    while (true) {
      const Tables::Node& nd = t.nodes[static_cast<std::uint32_t>(node)];
      if (nd.count > 0 && (!first_lower || (nd.flags & kNodeLowerHere)) &&
          !(particle_first && end == i + 1) && !(loose_word && (nd.flags & kNodeEntity))) {
        const bool single = end == i + 1;
        if (!single || (nd.flags & kNodeRecord)) {
          std::size_t match_end = end;
          if ((nd.flags & kNodePeriod) && match_end < n &&
              !tokens[match_end].Has(text::kSpaceBefore) &&
              tokens[match_end].Is(text::Mark::kPeriod)) {
            ++match_end;
          }
          GazetteerMatch m;
          m.token_begin = static_cast<std::uint32_t>(i);
          m.token_end = static_cast<std::uint32_t>(match_end);
          m.entries_begin = static_cast<std::uint32_t>(doc.match_entries.size());
          const std::uint32_t* ids = t.node_entries.data() + nd.begin;
          const bool all_pass =
              !(nd.flags & kNodeCaseSensitive) && (lower == 0 || !(nd.flags & kNodeEntity));
          if (all_pass) {
            // The common case: nothing to check entry by entry.
            doc.match_entries.insert(doc.match_entries.end(), ids, ids + nd.count);
            m.types = nd.types;
            m.strong_types = nd.strong_types;
            m.summary = nd.summary;
            if (single) doc.lexical[i] |= nd.types & ~kEntityTypeBits;
          } else {
            bool cs_built = false;
            for (std::uint32_t k = 0; k < nd.count; ++k) {
              const std::uint32_t index = ids[k];
              const PackedEntry& e = entries_[index];
              if (e.Has(kCaseSensitive)) {
                if (!cs_built) {
                  cs_text.clear();
                  for (std::size_t j = i; j < end; ++j) {
                    if (tokens[j].Has(text::kJoiner) || (j > i && tokens[j].Has(text::kThe))) {
                      continue;
                    }
                    if (!cs_text.empty()) cs_text.push_back('\x1f');
                    cs_text.append(doc.TokenText(tokens[j]));
                  }
                  cs_built = true;
                }
                if (cs_text != t.CsForm(index)) continue;
                // Written exactly so means with its final period too: "Pa." is a state, "Pa" no.
                if (e.Has(kEndsWithPeriod) && match_end == end) continue;
              } else if (EntityLabel(e.type) &&
                         ((first_lower && !e.Has(kFirstLower)) || (e.capitals & lower))) {
                // A name needs its capitals: "Lebanese army" is not the "Lebanese Army".
                continue;
              }
              doc.match_entries.push_back(index);
              m.types |= TypeBit(e.type);
              AddToSummary(e, m.strong_types, m.summary);
              if (single && !EntityLabel(e.type)) doc.lexical[i] |= TypeBit(e.type);
            }
          }
          m.entries_count = static_cast<std::uint32_t>(doc.match_entries.size()) - m.entries_begin;
          // A one-word match of evidence only is already in the token's lexical bits.
          const bool evidence_only =
              single && !(m.types & (kEntityTypeBits | TypeBit(EntryType::kDemonym)));
          if (m.entries_count > 0 && !evidence_only) {
            doc.matches.push_back(m);
          } else {
            doc.match_entries.resize(m.entries_begin);
          }
        }
      }
      if (!(nd.flags & kNodeHasChildren)) break;
      if (first_lower && !(nd.flags & kNodeLowerBelow)) break;
      // Next step: skip joiners and "the", stay in the sentence.
      std::size_t k = end;
      while (k < n && (tokens[k].Has(text::kJoiner) || tokens[k].Has(text::kThe))) ++k;
      if (k >= n || info[k].id < 0 || !(info[k].flags & Tables::kVocabContinues) ||
          (first_lower && !(info[k].flags & Tables::kVocabContinuesLower)) ||
          tokens[k].sentence != first.sentence) {
        break;
      }
      const std::int32_t child =
          t.Child(static_cast<std::uint32_t>(node), static_cast<std::uint32_t>(tokens[k].vocab));
      if (child < 0) break;
      node = child;
      end = k + 1;
      if (++step < 32 && tokens[k].shape == text::Shape::kLower) lower |= 1u << step;
    }
  }
  // A head word that only opens names ("Lago", "Casa", "Vila") is none where no name follows it:
  // "Juan Carlos Lago", "Marta Casa" are people. What follows a name's opening head is a
  // capitalised word, a particle or "of" ("Lago de Atitlán", "Casa da Ribeira", "Friends of the
  // Earth"), in the same sentence.
  constexpr std::uint32_t kHeadBits = TypeBit(EntryType::kOrgHead) | TypeBit(EntryType::kLocHead);
  for (std::size_t at = 0; at < opening_count; ++at) {
    const std::size_t i = opening_heads[at];
    std::size_t k = i + 1;
    while (k < n && tokens[k].Has(text::kJoiner)) ++k;
    const std::string_view word = k < n && tokens[k].IsWord() ? doc.words.Key(tokens[k])
                                                               : std::string_view();
    // (The Persian and Urdu "-e-" or "-i-" between hyphens joins a head word to a name as a
    // particle does: "Jamaat-e-Islami", "Tehreek-e-Insaf", "Hizb-i-Islami".)
    const bool ezafe = k > i + 1 && k + 2 < n && (word == "e" || word == "i") &&
                       tokens[k + 1].Has(text::kJoiner) && tokens[k + 2].IsCapitalized();
    const bool opens = k < n && tokens[k].IsWord() && tokens[k].sentence == tokens[i].sentence &&
                       (tokens[k].IsCapitalized() ||
                        (doc.lexical[k] & TypeBit(EntryType::kNameParticle)) || word == "of" ||
                        ezafe);
    if (!opens) doc.lexical[i] &= ~kHeadBits;
  }
  // Matches are produced by start, and per start shortest first (each step of the walk ends
  // further on): reversing each start's run orders them longest first, with no sort and no
  // buffer to allocate.
  auto& matches = doc.matches;
  for (std::size_t b = 0; b < matches.size();) {
    std::size_t e = b + 1;
    while (e < matches.size() && matches[e].token_begin == matches[b].token_begin) ++e;
    std::reverse(matches.begin() + static_cast<std::ptrdiff_t>(b),
                 matches.begin() + static_cast<std::ptrdiff_t>(e));
    b = e;
  }
}

namespace {

// The document's evidence for one of several places of the same name, as bits that compare as
// the strongest evidence first.
enum PlaceEvidence : std::uint8_t {
  kEvidenceOtherPlace = 1,  // the country or region of another place found (of one reading only)
  kEvidenceDocument = 2,    // a country or region the document names (or a place whose main name
                            // only that country has)
  kEvidenceNear = 4,        // a country or region named beside it ("Paris in Texas")
  kEvidenceDateline = 8,    // the country or region of the dateline's place
  kEvidencePair = 16,       // "Paris, Texas", "Paris, France": named right after a comma
};

const char* EvidenceReason(std::uint8_t winner, std::uint8_t loser, bool loser_common,
                           bool winner_common) {
  const std::uint8_t only = winner & ~loser;
  if (only & kEvidencePair) {
    return "another place of the same name: the chosen one lies in the region or country named "
           "after the comma";
  }
  if (only & kEvidenceDateline) {
    return "another place of the same name: the chosen one lies in the country or region of the "
           "dateline";
  }
  if (only & kEvidenceNear) {
    return "another place of the same name: the chosen one lies in the country or region named "
           "beside it";
  }
  if (only & kEvidenceDocument) {
    return "another place of the same name: the chosen one lies in a country or region the "
           "document names";
  }
  if (only & kEvidenceOtherPlace) {
    return "another place of the same name: the chosen one lies in the country or region of "
           "another place the document names";
  }
  if (loser_common && !winner_common) {
    return "another place of the same name, which is also a common word";
  }
  return "another place of the same name: the chosen one ranks higher (a main name before an "
         "alternate, then the larger population)";
}

// The strongest kind of evidence among `bits`.
std::uint8_t Strongest(std::uint8_t bits) {
  return bits == 0 ? std::uint8_t{0} : static_cast<std::uint8_t>(1u << (31 - __builtin_clz(bits)));
}

// Index of a two-letter country code, or -1.
int CountrySlot(const PackedEntry& e) {
  const char a = e.country[0];
  const char b = e.country[1];
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return -1;
  return (a - 'A') * 26 + (b - 'A');
}

}  // namespace

void Gazetteer::AddCandidates(Document& doc, bool list_alternatives) const {
  const std::vector<text::Token>& tokens = doc.tokens();
  constexpr std::uint32_t kEntityTypes = TypeBit(EntryType::kPerson) |
                                         TypeBit(EntryType::kLocation) |
                                         TypeBit(EntryType::kOrganization);
  // What the document says of where its places are. Among places of the same name, the one its
  // evidence supports wins (PlaceEvidence): "Sirt" near "Misurata" is Sirte, Libya, not Siirt in
  // Turkey; "Paris, Texas" is the Paris of Texas. Countries and regions are named by their names
  // or demonyms, or through a place that only one country or region has.
  thread_local std::array<std::uint8_t, 26 * 26> country_evidence;
  thread_local std::vector<std::pair<std::string_view, std::uint8_t>> region_evidence;
  // Countries and regions named by name (not demonym), by token: (token, country slot), (token,
  // region id), in token order.
  thread_local std::vector<std::pair<std::uint32_t, int>> near_country;
  thread_local std::vector<std::pair<std::uint32_t, std::string_view>> near_region;
  country_evidence.fill(0);
  region_evidence.clear();
  near_country.clear();
  near_region.clear();
  auto add_country = [&](const PackedEntry& e, std::uint8_t bits, std::uint32_t at, bool near) {
    const int slot = CountrySlot(e);
    if (slot < 0) return;
    country_evidence[static_cast<std::size_t>(slot)] |= bits;
    if (near) near_country.emplace_back(at, slot);
  };
  auto add_region = [&](std::string_view region, std::uint8_t bits, std::uint32_t at, bool near) {
    if (region.empty()) return;
    region_evidence.emplace_back(region, bits);
    if (near) near_region.emplace_back(at, region);
  };
  for (const GazetteerMatch& m : doc.matches) {
    const std::uint32_t at = m.token_begin;
    std::uint16_t only = 0;  // the one country of the match's places, 0 if none
    bool one_country = true;
    bool main_name = false;
    for (std::uint32_t k = 0; k < m.entries_count; ++k) {
      const PackedEntry& e = entries_[doc.match_entries[m.entries_begin + k]];
      if (e.country[0] && !e.Has(kCommon) &&
          (e.type == EntryType::kDemonym || (e.type == EntryType::kLocation && e.Has(kCountry)))) {
        add_country(e, kEvidenceDocument, at, e.type != EntryType::kDemonym);
        one_country = false;  // already counted
        break;
      }
      if (e.type != EntryType::kLocation) continue;
      const auto c = static_cast<std::uint16_t>((static_cast<unsigned char>(e.country[0]) << 8) |
                                                static_cast<unsigned char>(e.country[1]));
      if (!e.country[0] || e.Has(kCommon) || (only != 0 && only != c)) {
        one_country = false;
        break;
      }
      only = c;
      main_name = main_name || !e.Has(kAlternate);
    }
    if (one_country && only != 0) {
      // A place of one country: as good as the country's name when it is the place's main name,
      // else weaker evidence.
      const std::uint8_t bits = main_name ? kEvidenceDocument : kEvidenceOtherPlace;
      bool counted = false;
      for (std::uint32_t k = 0; k < m.entries_count; ++k) {
        const PackedEntry& p = entries_[doc.match_entries[m.entries_begin + k]];
        if (p.type != EntryType::kLocation) continue;
        // (Not the region of a city: that the other places of a story lie in California says
        // little of which Pittsburg it means.)
        if (!counted) add_country(p, bits, at, false);
        counted = true;
        if (p.Has(kRegion)) {
          // A region named ("Texas", "Bavaria"): its places, and the places of its country.
          add_region(Id(p), kEvidenceDocument, at, true);
          add_country(p, kEvidenceDocument, at, true);
        }
      }
    }
  }
  auto merge_regions = [&] {
    std::sort(region_evidence.begin(), region_evidence.end());
    std::size_t out = 0;
    for (std::size_t k = 0; k < region_evidence.size(); ++k) {
      if (out > 0 && region_evidence[out - 1].first == region_evidence[k].first) {
        region_evidence[out - 1].second |= region_evidence[k].second;
      } else {
        region_evidence[out++] = region_evidence[k];
      }
    }
    region_evidence.resize(out);
  };
  merge_regions();
  auto region_bits = [&](std::string_view region) -> std::uint8_t {
    if (region.empty()) return 0;
    const auto it = std::lower_bound(region_evidence.begin(), region_evidence.end(), region,
                                     [](const std::pair<std::string_view, std::uint8_t>& x,
                                        std::string_view r) { return x.first < r; });
    return it != region_evidence.end() && it->first == region ? it->second : 0;
  };
  // A country or region named beside the place: after it with "in" between ("Paris in Texas",
  // "Sirte, in northern Libya"), or before it with "of" or a possessive between ("the Texas town
  // of Paris", "Libya's Sirte"); not merely close by ("the United States ... but Moscow sees").
  auto linked = [&](std::uint32_t from, std::uint32_t to, bool after) {
    if (to < from || to - from > kNearTokens) return false;
    for (std::uint32_t k = from; k < to; ++k) {
      const std::string_view w = doc.words.Key(tokens[k]);
      if (after ? w == "in" : (w == "of" || w == "'s" || w == "\u2019s" || w == "s")) return true;
    }
    return false;
  };
  auto near_bits = [&](const PackedEntry& e, const GazetteerMatch& m) -> std::uint8_t {
    const std::uint32_t at = m.token_begin;
    const std::uint32_t from = at > kNearTokens + 4 ? at - kNearTokens - 4 : 0;
    const std::uint32_t to = m.token_end + kNearTokens;
    const std::uint32_t sentence = tokens[at].sentence;
    auto beside = [&](std::uint32_t token) {
      if (token == at || tokens[token].sentence != sentence) return false;
      return token >= m.token_end ? linked(m.token_end, token, true) : linked(token + 1, at, false);
    };
    const int slot = CountrySlot(e);
    auto c = std::lower_bound(near_country.begin(), near_country.end(),
                              std::pair<std::uint32_t, int>(from, -1));
    for (; c != near_country.end() && c->first <= to; ++c) {
      if (c->second == slot && beside(c->first)) return kEvidenceNear;
    }
    if (Region(e).empty()) return 0;
    auto r = std::lower_bound(near_region.begin(), near_region.end(), from,
                              [](const std::pair<std::uint32_t, std::string_view>& x,
                                 std::uint32_t t) { return x.first < t; });
    for (; r != near_region.end() && r->first <= to; ++r) {
      if (r->second == Region(e) && beside(r->first)) return kEvidenceNear;
    }
    return 0;
  };
  // "City, State" and "City, Country": the match right after a comma that follows `m`, and the
  // match right before a comma that precedes it.
  auto match_after_comma = [&](const GazetteerMatch& m) -> const GazetteerMatch* {
    const std::uint32_t comma = m.token_end;
    if (comma + 1 >= tokens.size() || !tokens[comma].Is(text::Mark::kComma)) return nullptr;
    const auto it = std::lower_bound(
        doc.matches.begin(), doc.matches.end(), comma + 1,
        [](const GazetteerMatch& x, std::uint32_t t) { return x.token_begin < t; });
    if (it == doc.matches.end() || it->token_begin != comma + 1) return nullptr;
    return &*it;
  };
  auto match_before_comma = [&](std::size_t mi) -> const GazetteerMatch* {
    const GazetteerMatch& m = doc.matches[mi];
    if (m.token_begin < 2 || !tokens[m.token_begin - 1].Is(text::Mark::kComma)) return nullptr;
    for (std::size_t k = mi, steps = 0; k > 0 && steps < 16; --k, ++steps) {
      const GazetteerMatch& p = doc.matches[k - 1];
      if (p.token_end == m.token_begin - 1 && (p.types & TypeBit(EntryType::kLocation))) return &p;
      if (p.token_begin + 16 < m.token_begin) break;
    }
    return nullptr;
  };
  auto pair_bits = [&](const PackedEntry& e, const GazetteerMatch* after,
                       const GazetteerMatch* before) -> std::uint8_t {
    if (after) {
      for (std::uint32_t k = 0; k < after->entries_count; ++k) {
        const PackedEntry& r = entries_[doc.match_entries[after->entries_begin + k]];
        if (r.type != EntryType::kLocation) continue;
        if ((r.Has(kRegion) && !Region(e).empty() && Id(r) == Region(e)) ||
            (r.Has(kCountry) && r.country[0] && r.country[0] == e.country[0] &&
             r.country[1] == e.country[1])) {
          return kEvidencePair;
        }
      }
    }
    if (before && (e.Has(kRegion) || e.Has(kCountry))) {
      for (std::uint32_t k = 0; k < before->entries_count; ++k) {
        const PackedEntry& p = entries_[doc.match_entries[before->entries_begin + k]];
        if (p.type != EntryType::kLocation || p.Has(kRegion) || p.Has(kCountry)) continue;
        if (e.Has(kRegion) ? (!Region(p).empty() && Region(p) == Id(e))
                           : (p.country[0] == e.country[0] && p.country[1] == e.country[1])) {
          return kEvidencePair;
        }
      }
    }
    return 0;
  };
  std::uint8_t dateline_bits = 0;
  int dateline_slot = -1;
  std::string_view dateline_region;
  // The country a match names, if one of its entries is a country's name: slot or -1.
  const auto OwnCountry = [&](const GazetteerMatch& m) {
    for (std::uint32_t k = 0; k < m.entries_count; ++k) {
      const PackedEntry& e = entries_[doc.match_entries[m.entries_begin + k]];
      if (e.type == EntryType::kLocation && e.Has(kCountry) && !e.Has(kCommon)) {
        return CountrySlot(e);
      }
    }
    return -1;
  };
  // The strongest kind of evidence for a place entry (only the strongest counts, see choose):
  // the kinds are tried from the strongest down, so that the costlier weaker ones are looked for
  // only where no stronger one holds.
  auto evidence = [&](const PackedEntry& e, const GazetteerMatch& m, const GazetteerMatch* after,
                      const GazetteerMatch* before, int own) -> std::uint8_t {
    if (pair_bits(e, after, before)) return kEvidencePair;
    const int slot = CountrySlot(e);
    // A country's own name (and its places of that name: "Singapore", "Djibouti") loses only to
    // a region or country written after a comma: "Georgia" is the country, unless "Atlanta,
    // Georgia"; "Lebanon" is not a town of Ohio because the dateline is "WASHINGTON".
    if (slot >= 0 && slot == own) return kEvidenceDateline;
    if (dateline_bits && ((slot >= 0 && slot == dateline_slot) ||
                          (!dateline_region.empty() && Region(e) == dateline_region))) {
      return dateline_bits;
    }
    if (near_bits(e, m)) return kEvidenceNear;
    std::uint8_t bits = region_bits(Region(e));
    if (slot >= 0) bits |= country_evidence[static_cast<std::size_t>(slot)];
    return Strongest(bits);
  };
  // The best place entry of a match, and its evidence.
  struct Choice {
    std::int64_t best = -1;
    std::uint8_t bits = 0;
  };
  auto choose = [&](std::size_t mi, EntryType type) {
    const GazetteerMatch& m = doc.matches[mi];
    Choice choice;
    // Most names have one place of their name: no evidence to weigh, but whether the region or
    // country after a comma supports it ("Reading, Pennsylvania", "Sandy, Bedfordshire").
    std::uint32_t places = 0;
    std::int64_t only = -1;
    if (type == EntryType::kLocation) {
      for (std::uint32_t k = 0; k < m.entries_count && places < 2; ++k) {
        const std::uint32_t index = doc.match_entries[m.entries_begin + k];
        if (entries_[index].type == type) {
          ++places;
          only = index;
        }
      }
      if (places == 1) {
        choice.best = only;
        choice.bits =
            Strongest(pair_bits(entries_[only], match_after_comma(m), match_before_comma(mi)));
        return choice;
      }
    }
    const bool weigh = type == EntryType::kLocation;
    const GazetteerMatch* after = weigh ? match_after_comma(m) : nullptr;
    const GazetteerMatch* before = weigh ? match_before_comma(mi) : nullptr;
    const int own = weigh ? OwnCountry(m) : -1;
    for (std::uint32_t k = 0; k < m.entries_count; ++k) {
      const std::uint32_t index = doc.match_entries[m.entries_begin + k];
      const PackedEntry& e = entries_[index];
      if (e.type != type) continue;
      // Only the strongest kind of evidence counts: weaker ones do not break its ties (the
      // document names India and Pakistan: "Islamabad" stays the capital of Pakistan, not an
      // alternate name of an Indian town because another Indian place is named).
      std::uint8_t bits = weigh ? Strongest(evidence(e, m, after, before, own)) : 0;
      // A place whose name is a common word needs support of its own to be a mention at all: a
      // country or region that the document names somewhere does not make it win over a place of
      // the same name that is no common word ("Paris" stays the capital of France in a story
      // that names the United States, not the Paris of Texas, which would then need support).
      if (e.Has(kCommon) && bits < kEvidenceNear) bits = 0;
      // The document's evidence, then an entry that is no common word, then the gazetteer's rank
      // (main names before alternates, then weight), which the entry order already is.
      if (choice.best < 0 || bits > choice.bits ||
          (bits == choice.bits && entries_[choice.best].Has(kCommon) && !e.Has(kCommon))) {
        choice.best = index;
        choice.bits = bits;
      }
    }
    return choice;
  };
  // The dateline ("SIRTE, Libya (AP) -", "PARIS -", "CANTERBURY, England 2023-08-17" under a
  // headline): a place at the start of one of the first lines, then a comma, a bracket, a dash
  // or a date. Its place's country and region count for the whole document.
  for (std::size_t mi = 0; mi < doc.matches.size(); ++mi) {
    const GazetteerMatch& m = doc.matches[mi];
    const text::Token& first = tokens[m.token_begin];
    if (first.sentence > kDatelineSentences) break;
    if (!(m.types & TypeBit(EntryType::kLocation)) || m.token_end >= tokens.size()) continue;
    const bool line_start =
        m.token_begin == 0 ||
        doc.text.substr(tokens[m.token_begin - 1].end, first.begin - tokens[m.token_begin - 1].end)
                .find('\n') != std::string_view::npos;
    if (!line_start) continue;
    // Then, within a few tokens of capitalised words and commas, a bracket, a free dash or a
    // date: "(AP)", " - ", "1996-08-30" (not "U.S.-based").
    bool dateline = false;
    for (std::uint32_t k = m.token_end; k < tokens.size() && k < m.token_end + 6; ++k) {
      const text::Token& t = tokens[k];
      const std::string_view w = doc.TokenText(t);
      if (w.empty() || t.sentence != first.sentence) break;
      const bool spaced = t.Has(text::kSpaceBefore);
      if (w == "(" || (w[0] >= '0' && w[0] <= '9') ||
          (spaced && (w == "-" || w == "\u2014" || w == "\u2013"))) {
        dateline = true;
        break;
      }
      if (w != "," && !(t.IsWord() && t.IsCapitalized())) break;
    }
    if (dateline) {
      const Choice c = choose(mi, EntryType::kLocation);
      if (c.best >= 0) {
        const PackedEntry& e = entries_[static_cast<std::size_t>(c.best)];
        dateline_slot = CountrySlot(e);
        dateline_region = Region(e);
        dateline_bits = kEvidenceDateline;
      }
      break;
    }
  }
  for (std::size_t mi = 0; mi < doc.matches.size(); ++mi) {
    const GazetteerMatch& m = doc.matches[mi];
    if (!(m.types & kEntityTypes)) continue;
    for (EntryType type : {EntryType::kLocation, EntryType::kOrganization, EntryType::kPerson}) {
      if (!(m.types & TypeBit(type))) continue;
      const Choice choice = choose(mi, type);
      std::int64_t best = choice.best;
      if (best < 0) continue;  // (only in a damaged compiled image: node types name an entry)
      // A region named after its city is, in the news, most often the city: "Beyrouth",
      // "Misratah", "New York" (admin regions come first by rank, as main names).
      if (type == EntryType::kLocation && entries_[best].Has(kRegion)) {
        const PackedEntry& region = entries_[best];
        const GazetteerMatch* after = match_after_comma(m);
        const GazetteerMatch* before = match_before_comma(mi);
        const int own = OwnCountry(m);
        for (std::uint32_t k = 0; k < m.entries_count; ++k) {
          const std::uint32_t index = doc.match_entries[m.entries_begin + k];
          const PackedEntry& e = entries_[index];
          if (e.type == type && e.Has(kCity) && e.country[0] == region.country[0] &&
              e.country[1] == region.country[1] && !e.Has(kCommon) &&
              evidence(e, m, after, before, own) >= choice.bits) {
            best = index;
            break;
          }
        }
      }
      const auto index = static_cast<std::uint32_t>(best);
      const PackedEntry& e = entries_[index];
      // A period that only ends the sentence is not part of a name without one; nor, where it
      // ends the sentence before a word or a line break, of a place's abbreviation written with
      // one ("... in Detroit, Mich.\nThe"; not a dotted one: "the U.S.").
      std::uint32_t token_end = m.token_end;
      if (token_end > m.token_begin + 1 && tokens[token_end - 1].Is(text::Mark::kPeriod)) {
        const bool dotted =
            doc.TokenText(tokens[token_end - 2]).find('.') != std::string_view::npos;
        if (!e.Has(kEndsWithPeriod) || (type == EntryType::kLocation && !dotted &&
                                        text::PeriodEndsSentence(tokens, token_end - 1))) {
          --token_end;
        }
      }
      // A person's name followed by a hyphen and a capitalised word is the first part of a
      // longer name ("Justine Henin" in "Justine Henin-Hardenne"): the rules name it whole.
      if (type == EntryType::kPerson && token_end + 1 < tokens.size() &&
          tokens[token_end].Has(text::kJoiner) && tokens[token_end].Is(text::Mark::kHyphen) &&
          tokens[token_end + 1].IsWord() && tokens[token_end + 1].IsCapitalized() &&
          !tokens[token_end + 1].Has(text::kSpaceBefore)) {
        continue;
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
      // A place written with its region or country after a comma needs no other support.
      const bool paired = type == EntryType::kLocation && (choice.bits & kEvidencePair) &&
                          index == static_cast<std::uint32_t>(choice.best);
      if (e.Has(kCommon) && !paired) {
        c.priority = kPriorityCommon;
        c.weak = true;
      } else if (paired) {
        c.priority = kPriorityPair;
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
      if (list_alternatives && type == EntryType::kLocation && m.entries_count > 1) {
        // The other places of the same name, for explain.
        const auto candidate = static_cast<std::uint32_t>(doc.candidates.size());
        const GazetteerMatch* after = match_after_comma(m);
        const GazetteerMatch* before = match_before_comma(mi);
        const int own = OwnCountry(m);
        std::size_t listed = 0;
        for (std::uint32_t k = 0; k < m.entries_count && listed < kMaxAlternatives; ++k) {
          const std::uint32_t other = doc.match_entries[m.entries_begin + k];
          const PackedEntry& o = entries_[other];
          if (other == index || o.type != type || Id(o) == Id(e)) continue;
          const std::uint8_t bits = Strongest(evidence(o, m, after, before, own));
          doc.alternatives.push_back(
              {candidate, other,
               EvidenceReason(choice.bits, bits, o.Has(kCommon), e.Has(kCommon))});
          ++listed;
        }
      }
      doc.candidates.push_back(std::move(c));
    }
  }
}

}  // namespace nerkit::internal
