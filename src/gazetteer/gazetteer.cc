#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>

#include "core/big_array.h"
#include "gazetteer/tables.h"
#include "nerkit/error.h"

namespace nerkit::internal {

using namespace gazetteer_detail;

bool IsNameJoiner(const std::vector<text::Token>& tokens, std::string_view, std::size_t k) {
  return tokens[k].Has(text::kJoiner);
}

Gazetteer::Gazetteer() : tables_(std::make_unique<Tables>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

std::int32_t Gazetteer::Lookup(std::string_view key) const { return tables_->Find(key); }

void Gazetteer::AddFile(const SourceFile& file, std::uint16_t file_index,
                        text::Tokenizer& tokenizer) {
  AddParsed(ParseFile(file, file_index, tokenizer));
}

ParsedFile Gazetteer::ParseFile(const SourceFile& file, std::uint16_t file_index,
                                text::Tokenizer& tokenizer) {
  ParsedFile out;
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
    out.entries.push_back(entry);
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
  entries_.insert(entries_.end(), parsed.entries.begin(), parsed.entries.end());
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
    t.vocab_slots.Fill(PowerOfTwoAtLeast(lines * 2), Tables::VocabSlot{});
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
      const Entry& e = entries_[index];
      if (e.Has(kBlock)) {
        const auto before = kept.size();
        std::erase_if(kept, [&](std::uint32_t k) { return entries_[k].type == e.type; });
        stats_.blocked += before - kept.size();
        continue;
      }
      const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](std::uint32_t k) {
        const Entry& o = entries_[k];
        return o.type == e.type && o.id == e.id &&
               (o.id.empty() ? o.canonical == e.canonical : true) &&
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
    bool entity_all_common = true;
    for (std::uint32_t index : kept) {
      const Entry& e = entries_[index];
      nd.types |= TypeBit(e.type);
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
        if (e.type == EntryType::kSurname && e.Has(kCommon)) nd.lexical |= kLexSurnameCommon;
        if (e.type == EntryType::kSurname && e.weight >= kFrequentSurname) {
          nd.lexical |= kLexSurnameFrequent;
        }
      }
    }
    if ((nd.flags & kNodeEntity) && entity_all_common) nd.lexical |= kLexEntityCommon;
    t.node_entries.insert(t.node_entries.end(), kept.begin(), kept.end());
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
      const Entry& e = entries_[t.node_entries[nd.begin + k]];
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
    slot.flags = continues[v] ? Tables::kVocabContinues : 0;
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
  t.lookup_slots = std::move(t.vocab_slots);
  t.vocab_slots = BigArray<Tables::VocabSlot>();
  t.pending.clear();
  t.pending.shrink_to_fit();
  stats_.vocabulary = t.vocab_offset.size();
  stats_.nodes = t.node_count;
}

void Gazetteer::Match(Document& doc) const {
  const Tables& t = *tables_;
  std::vector<text::Token>& tokens = doc.words.tokens;
  const std::size_t n = tokens.size();
  doc.lexical.assign(n, 0);
  // Per token: its word's slot. The table is large (it lives in main memory), so the lookups are
  // pipelined: the hash of every token is computed first, and each token's slot is prefetched a
  // few tokens ahead of the one being looked up, as is the trie node of each word found.
  thread_local std::vector<const Tables::VocabSlot*> slots;
  thread_local std::vector<std::uint64_t> tags;
  thread_local std::vector<std::uint64_t> homes;
  slots.assign(n, nullptr);
  tags.resize(n);
  homes.resize(n);
  const bool empty = t.lookup_slots.empty();
  for (std::size_t i = 0; i < n; ++i) {
    text::Token& tok = tokens[i];
    tok.vocab = -1;
    const std::string_view key = doc.words.Key(tok);
    if (empty || (!tok.IsWord() && tok.shape != text::Shape::kPunct) || key.empty() ||
        key.size() > 0xFFFF) {
      homes[i] = ~std::uint64_t{0};
      continue;
    }
    tags[i] = Tables::Tag(key);
    homes[i] = HashPair(tags[i] ^ key.size()) & t.vocab_mask;
  }
  constexpr std::size_t kAhead = 16;
  for (std::size_t i = 0; i < std::min(n, kAhead); ++i) {
    if (homes[i] != ~std::uint64_t{0}) __builtin_prefetch(&t.lookup_slots[homes[i]]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n && homes[i + kAhead] != ~std::uint64_t{0}) {
      __builtin_prefetch(&t.lookup_slots[homes[i + kAhead]]);
    }
    if (homes[i] == ~std::uint64_t{0}) continue;
    text::Token& tok = tokens[i];
    const Tables::VocabSlot* slot = t.FindSlotAt(doc.words.Key(tok), tags[i], homes[i]);
    if (!slot) continue;
    slots[i] = slot;
    tok.vocab = static_cast<std::int32_t>(slot->id) - 1;
    doc.lexical[i] = slot->lexical;
    if (slot->root >= 0 && (slot->flags & (Tables::kVocabRecord | Tables::kVocabChildren))) {
      __builtin_prefetch(&t.nodes[static_cast<std::uint32_t>(slot->root)]);
    }
  }
  std::string cs_text;
  for (std::size_t i = 0; i < n; ++i) {
    const text::Token& first = tokens[i];
    const Tables::VocabSlot* slot = slots[i];
    if (!slot || !first.IsWord()) continue;
    // Nothing more to do for a word that starts no name of several words and whose own entries
    // are evidence already in its lexical bits (most words).
    if (!(slot->flags & (Tables::kVocabRecord | Tables::kVocabChildren))) continue;
    std::int32_t node = slot->root;
    if (node < 0) continue;
    // A lower-case particle ("al-Anbar", "el-Dabaa") may start a capitalised name of several
    // words, whatever the case its surface has in the dictionary.
    const bool particle_first =
        first.shape == text::Shape::kLower && (doc.lexical[i] & TypeBit(EntryType::kNameParticle));
    const bool first_lower = first.shape == text::Shape::kLower && !particle_first;
    std::uint32_t lower = first_lower ? 1u : 0u;  // bit k: the k-th word is lower case
    std::uint32_t step = 0;
    // A lower-case word starts a name only where a name may start so ("al-Qaida"), or several
    // words of evidence ("prime minister").
    if (first_lower && !(slot->flags & Tables::kVocabLower)) continue;
    std::size_t end = i + 1;
    while (true) {
      const Tables::Node& nd = t.nodes[static_cast<std::uint32_t>(node)];
      if (nd.count > 0 && (!first_lower || (nd.flags & kNodeLowerHere)) &&
          !(particle_first && end == i + 1)) {
        const bool single = end == i + 1;
        if (!single || (nd.flags & kNodeRecord)) {
          std::size_t match_end = end;
          if ((nd.flags & kNodePeriod) && match_end < n &&
              !tokens[match_end].Has(text::kSpaceBefore) &&
              doc.TokenText(tokens[match_end]) == ".") {
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
            if (single) doc.lexical[i] |= nd.types & ~kEntityTypeBits;
          } else {
            bool cs_built = false;
            for (std::uint32_t k = 0; k < nd.count; ++k) {
              const std::uint32_t index = ids[k];
              const Entry& e = entries_[index];
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
                if (cs_text != t.cs_form[index]) continue;
                // Written exactly so means with its final period too: "Pa." is a state, "Pa" no.
                if (e.Has(kEndsWithPeriod) && match_end == end) continue;
              } else if (EntityLabel(e.type) &&
                         ((first_lower && !e.Has(kFirstLower)) || (e.capitals & lower))) {
                // A name needs its capitals: "Lebanese army" is not the "Lebanese Army".
                continue;
              }
              doc.match_entries.push_back(index);
              m.types |= TypeBit(e.type);
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
      if (k >= n || !slots[k] || !(slots[k]->flags & Tables::kVocabContinues) ||
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
  // Countries the document mentions (by name or demonym, or through a place of that country whose
  // name no other country has): among places of the same name, one in such a country wins ("Sirt"
  // in a story about Libya or Misrata is Sirte, not Siirt in Turkey).
  thread_local std::vector<std::uint16_t> countries;
  countries.clear();
  auto code = [](const Entry& e) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(e.country[0]) << 8) |
                                      static_cast<unsigned char>(e.country[1]));
  };
  for (const GazetteerMatch& m : doc.matches) {
    std::uint16_t only = 0;  // the one country of the match's places, 0 if none
    bool one_country = true;
    bool main_name = false;
    for (std::uint32_t k = 0; k < m.entries_count; ++k) {
      const Entry& e = entries_[doc.match_entries[m.entries_begin + k]];
      if (e.country[0] && !e.Has(kCommon) &&
          (e.type == EntryType::kDemonym || (e.type == EntryType::kLocation && e.Has(kCountry)))) {
        countries.push_back(code(e));
        one_country = false;  // already counted
        break;
      }
      if (e.type != EntryType::kLocation) continue;
      if (!e.country[0] || e.Has(kCommon) || (only != 0 && only != code(e))) {
        one_country = false;
        break;
      }
      only = code(e);
      main_name = main_name || !e.Has(kAlternate);
    }
    if (one_country && only != 0 && main_name) countries.push_back(only);
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
      if (best < 0) continue;  // (only in a damaged compiled image: node types name an entry)
      // A region named after its city is, in the news, most often the city: "Beyrouth",
      // "Misratah", "New York" (admin regions come first by rank, as main names).
      if (type == EntryType::kLocation && entries_[best].Has(kRegion)) {
        const Entry& region = entries_[best];
        for (std::uint32_t k = 0; k < m.entries_count; ++k) {
          const std::uint32_t index = doc.match_entries[m.entries_begin + k];
          const Entry& e = entries_[index];
          if (e.type == type && e.Has(kCity) && e.country[0] == region.country[0] &&
              e.country[1] == region.country[1] && !e.Has(kCommon)) {
            best = index;
            break;
          }
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
      // A person's name followed by a hyphen and a capitalised word is the first part of a
      // longer name ("Justine Henin" in "Justine Henin-Hardenne"): the rules name it whole.
      if (type == EntryType::kPerson && token_end + 1 < tokens.size() &&
          tokens[token_end].Has(text::kJoiner) && doc.TokenText(tokens[token_end]) == "-" &&
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
