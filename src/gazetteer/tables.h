// The gazetteer's tables, shared by the matcher (gazetteer.cc) and its compiled image
// (image.cc). Private to the gazetteer stage.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/big_array.h"
#include "gazetteer/gazetteer.h"

namespace nerkit::internal {
namespace gazetteer_detail {

// One step of HashBytes: eight bytes mixed in.
inline std::uint64_t HashStep(std::uint64_t h, std::uint64_t chunk) {
  h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

inline std::uint64_t HashFinish(std::uint64_t h) {
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 32);
}

inline std::uint64_t HashBytes(std::string_view s) {
  // Eight bytes at a time (the last ones zero-padded), each mixed in by a multiply, with a
  // final mix: a few instructions for a word of news.
  std::uint64_t h = 0x2545F4914F6CDD1Dull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = HashStep(h, chunk);
  }
  if (i < s.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, s.data() + i, s.size() - i);
    h = HashStep(h, chunk);
  }
  return HashFinish(h);
}

// A key of up to 16 bytes as two numbers, zero after its end, read with two eight-byte loads:
// `p` must have sixteen readable bytes (TokenizedText::kArenaPadding).
struct KeyWords {
  std::uint64_t k0 = 0, k1 = 0;
};
// The masks of the bytes of a key of `length` (0..16) bytes in its two words (a table, not a
// branch: key lengths are data the predictor cannot learn).
struct KeyMasks {
  std::uint64_t m[17][2];
  constexpr KeyMasks() : m{} {
    for (std::size_t length = 0; length <= 16; ++length) {
      const std::size_t b0 = length < 8 ? length : 8;
      const std::size_t b1 = length > 8 ? length - 8 : 0;
      m[length][0] = b0 == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * b0)) - 1;
      m[length][1] = b1 == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * b1)) - 1;
    }
  }
};
inline constexpr KeyMasks kKeyMasks;

inline KeyWords LoadKey(const char* p, std::size_t length) {
  KeyWords w;
  std::memcpy(&w.k0, p, 8);
  std::memcpy(&w.k1, p + 8, 8);
  const std::uint64_t* mask = kKeyMasks.m[length < 16 ? length : 16];
  w.k0 &= mask[0];
  w.k1 &= mask[1];
  return w;
}

// Tables::Tag of a key of up to 16 bytes from its words: the same number.
inline std::uint64_t TagOfWords(const KeyWords& w, std::size_t length) {
  if (length <= 8) return w.k0;
  std::uint64_t h = HashStep(0x2545F4914F6CDD1Dull ^ length, w.k0);
  return HashFinish(HashStep(h, w.k1));
}

inline std::uint64_t HashPair(std::uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ull;
  key ^= key >> 33;
  return key;
}

inline std::size_t PowerOfTwoAtLeast(std::size_t n) {
  std::size_t p = 16;
  while (p < n) p <<= 1;
  return p;
}

}  // namespace gazetteer_detail

namespace gazetteer_detail {

// Node flags.
enum : std::uint8_t {
  kNodeHasChildren = 1,
  kNodeRecord = 2,  // a one-word match here is recorded (entities, demonyms, cs entries)
  kNodeCaseSensitive = 4,
  kNodeFirstLower = 8,  // some entity entry starts with a lower-case word
  kNodeEntity = 16,
  kNodePeriod = 32,       // some entry's surface ends with "."
  kNodeLowerHere = 64,    // an entry here can match after a lower-case first word (evidence of
                          // several words, names that start in lower case, cs entries)
  kNodeLowerBelow = 128,  // ... here or in the subtree
};

constexpr std::uint32_t kEntityTypeBits =
    TypeBit(EntryType::kPerson) | TypeBit(EntryType::kLocation) | TypeBit(EntryType::kOrganization);

// The first eight bytes of a short key, as a number (keys of up to eight bytes compare exactly
// on it).
inline std::uint64_t PackShort(std::string_view key) {
  std::uint64_t v = 0;
  std::memcpy(&v, key.data(), key.size());
  return v;
}

// A number for a gazetteer whose tables are complete, never given twice in a process.
inline std::uint64_t NewInstance() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace gazetteer_detail

using gazetteer_detail::HashBytes;
using gazetteer_detail::HashPair;
using gazetteer_detail::NewInstance;
using gazetteer_detail::PackShort;
using gazetteer_detail::PowerOfTwoAtLeast;

// Open-addressing tables built once, laid out so that a lookup touches one cache line.
struct Gazetteer::Tables {
  // A vocabulary slot holds, beside the key, what a one-word match needs, so that most tokens
  // cost one cache line.
  struct VocabSlot {
    std::uint64_t tag = 0;      // the key itself when it has up to 8 bytes, else its hash
    std::uint32_t id = 0;       // vocabulary id + 1, 0 = empty
    std::uint16_t length = 0;   // key length (keys longer than 65535 bytes are not interned)
    std::uint8_t flags = 0;     // kVocab* below
    char symbol = 0;            // WordInfo::symbol
    std::uint32_t lexical = 0;  // the one-word node's lexical bits
    std::int32_t root = -1;     // the one-word node, or -1
    std::uint8_t date_any = 0;  // WordInfo::date_any
    std::uint8_t date_cap = 0;  // WordInfo::date_cap
    std::uint32_t text = 0;     // the key's offset in vocab_text (vocab_offset[id - 1])

    WordInfo Info() const {
      WordInfo w;
      w.id = static_cast<std::int32_t>(id) - 1;
      w.lexical = lexical;
      w.root = root;
      w.flags = flags;
      w.symbol = symbol;
      w.date_any = date_any;
      w.date_cap = date_cap;
      return w;
    }
  };
  static_assert(sizeof(VocabSlot) == 32);  // half a cache line (the image holds it)
  enum : std::uint8_t {
    kVocabContinues = 1,  // the word is a second or later step of some surface
    kVocabRecord = 2,     // its one-word node makes a match record
    kVocabChildren = 4,   // its one-word node has children
    kVocabEntries = 8,    // its one-word node has entries
    kVocabLower = 16,     // a lower-case token of this word can start a match (kNodeLowerBelow)
    kVocabContinuesLower = 32,  // a second or later step of some surface a lower-case word starts
    kVocabNeeded = 64,          // a word a text rule needs (Gazetteer::SetNeeded)
  };
  struct Transition {
    std::uint64_t key = 0;  // (node << 32 | vocab) + 1, 0 = empty
    std::uint32_t child = 0;
  };
  struct Node {
    std::uint32_t begin = 0;  // entries node_entries[begin, begin + count)
    std::uint32_t count = 0;
    std::uint32_t types = 0;           // OR of TypeBit of its entries
    std::uint32_t strong_types = 0;    // the same without `common` entity entries
    std::uint8_t summary = 0;          // MatchSummary bits of its entries
    std::uint32_t lexical = 0;         // one-word nodes: evidence bits that need no case check
    std::uint32_t children_begin = 0;  // children child_vocab/child_node[begin, begin + count),
    std::uint32_t children_count = 0;  // sorted by vocabulary id
    std::uint8_t flags = 0;
  };

  // The tables that matching reads are TableArrays: built here, or views of a mapped image.
  TableArray<char> vocab_text;
  TableArray<std::uint32_t> vocab_offset;  // per id, into vocab_text
  HugePageVector<VocabSlot> vocab_slots;   // while loading
  TableArray<VocabSlot> lookup_slots;      // after Build(): the same, about half full
  std::uint64_t vocab_mask = 0;

  TableArray<std::int32_t> root_child;  // per vocabulary id, -1 if none
  std::vector<Transition, HugePageAllocator<Transition>> transitions;  // while loading
  std::uint64_t trans_mask = 0;
  std::size_t trans_count = 0;
  std::uint32_t node_count = 1;

  TableArray<Node> nodes;
  TableArray<std::uint32_t> node_entries;
  TableArray<std::uint32_t> child_vocab;  // after Build(): the trie's edges by parent
  TableArray<std::uint32_t> child_node;

  // Build-time: (node, entry) pairs in load order; cs forms of case-sensitive entries; words
  // that are a later step of some surface.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pending;
  std::vector<std::uint32_t> continues;
  std::vector<std::string> cs_form;  // per entry while loading; empty unless cs
  // After Build() or ReadImage(): the cs forms of every entry, one after another (empty for an
  // entry that is not cs), entry i's ending at cs_end[i].
  TableArray<char> cs_bytes;
  TableArray<std::uint32_t> cs_end;

  std::string_view CsForm(std::uint32_t entry) const {
    const std::uint32_t begin = entry == 0 ? 0 : cs_end[entry - 1];
    return std::string_view(cs_bytes.data() + begin, cs_end[entry] - begin);
  }

  static std::uint64_t Tag(std::string_view key) {
    return key.size() <= 8 ? PackShort(key) : HashBytes(key);
  }

  std::uint64_t Slot(std::string_view key, std::uint64_t tag) const {
    std::uint64_t i = HashPair(tag ^ key.size()) & vocab_mask;
    while (true) {
      const VocabSlot& s = vocab_slots[i];
      if (s.id == 0) return i;
      if (s.tag == tag && s.length == key.size() &&
          (key.size() <= 8 ||
           std::memcmp(vocab_text.data() + s.text, key.data(), key.size()) == 0)) {
        return i;
      }
      i = (i + 1) & vocab_mask;
    }
  }

  // After Build(): the slot of a key, or nullptr.
  VocabSlot* FindSlot(std::string_view key) {
    return const_cast<VocabSlot*>(static_cast<const Tables*>(this)->FindSlot(key));
  }
  const VocabSlot* FindSlot(std::string_view key) const {
    if (lookup_slots.empty() || key.size() > 0xFFFF) return nullptr;
    const std::uint64_t tag = Tag(key);
    return FindSlotAt(key, tag, HashPair(tag ^ key.size()) & vocab_mask);
  }

  // The same, with the key's tag and home slot computed by the caller.
  const VocabSlot* FindSlotAt(std::string_view key, std::uint64_t tag, std::uint64_t i) const {
    while (true) {
      const VocabSlot& s = lookup_slots[i];
      if (s.id == 0) return nullptr;
      if (s.tag == tag && s.length == key.size() &&
          (key.size() <= 8 ||
           std::memcmp(vocab_text.data() + s.text, key.data(), key.size()) == 0)) {
        return &s;
      }
      i = (i + 1) & vocab_mask;
    }
  }

  std::uint32_t Intern(std::string_view key) {
    key = key.substr(0, 0xFFFF);  // longer keys never match a token anyway
    if (vocab_slots.empty() || (vocab_offset.size() + 1) * 2 > vocab_slots.size()) GrowVocab();
    const std::uint64_t tag = Tag(key);
    VocabSlot& s = vocab_slots[Slot(key, tag)];
    if (s.id != 0) return s.id - 1;
    const auto id = static_cast<std::uint32_t>(vocab_offset.size());
    vocab_offset.push_back(static_cast<std::uint32_t>(vocab_text.size()));
    vocab_text.append(key);
    s.tag = tag;
    s.id = id + 1;
    s.length = static_cast<std::uint16_t>(key.size());
    s.text = vocab_offset.back();
    root_child.push_back(-1);
    return id;
  }

  void GrowVocab() {
    const std::size_t capacity = PowerOfTwoAtLeast((vocab_offset.size() + 1) * 3);
    HugePageVector<VocabSlot> old = std::move(vocab_slots);
    vocab_slots.assign(capacity, VocabSlot{});
    vocab_mask = capacity - 1;
    for (const VocabSlot& s : old) {
      if (s.id == 0) continue;
      const std::string_view key(vocab_text.data() + s.text, s.length);
      vocab_slots[Slot(key, s.tag)] = s;
    }
  }

  // After Build(): the child of `node` along `vocab`, from the node's sorted edge list (one or
  // two cache lines, where a hash table would cost a miss per step).
  std::int32_t Child(std::uint32_t node, std::uint32_t vocab) const {
    if (node == 0) return root_child[vocab];
    const Node& nd = nodes[node];
    std::size_t n = nd.children_count;
    if (n == 0) return -1;
    // A binary search whose steps select rather than branch (the edges are data the predictor
    // cannot learn): the range [base, base + n) keeps the edge if there is one.
    const std::uint32_t* const first = child_vocab.data() + nd.children_begin;
    const std::uint32_t* base = first;
    while (n > 1) {
      const std::size_t half = n / 2;
      base = base[half] <= vocab ? base + half : base;
      n -= half;
    }
    if (*base != vocab) return -1;
    return static_cast<std::int32_t>(child_node[nd.children_begin + (base - first)]);
  }

  std::uint32_t AddChild(std::uint32_t node, std::uint32_t vocab) {
    if (node == 0) {
      if (root_child[vocab] < 0) root_child[vocab] = static_cast<std::int32_t>(node_count++);
      return static_cast<std::uint32_t>(root_child[vocab]);
    }
    if (transitions.empty() || (trans_count + 1) * 2 > transitions.size()) GrowTrans();
    const std::uint64_t key = ((static_cast<std::uint64_t>(node) << 32) | vocab) + 1;
    std::uint64_t i = HashPair(key) & trans_mask;
    while (transitions[i].key != 0) {
      if (transitions[i].key == key) return transitions[i].child;
      i = (i + 1) & trans_mask;
    }
    transitions[i].key = key;
    transitions[i].child = node_count++;
    ++trans_count;
    return transitions[i].child;
  }

  void GrowTrans() {
    auto old = std::move(transitions);
    const std::size_t capacity = PowerOfTwoAtLeast((trans_count + 1) * 4);
    transitions.assign(capacity, Transition{});
    trans_mask = capacity - 1;
    for (const Transition& tr : old) {
      if (tr.key == 0) continue;
      std::uint64_t i = HashPair(tr.key) & trans_mask;
      while (transitions[i].key != 0) i = (i + 1) & trans_mask;
      transitions[i] = tr;
    }
  }
};

}  // namespace nerkit::internal
