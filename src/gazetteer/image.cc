// The gazetteer's binary image: its entries and built tables, section after section.
//
// Entries point into the loaded dictionary files, so the image stores each of their strings as
// (offset, length) in the entry's file, and reading turns them back into views of the same files
// (the caller has checked that the files are byte for byte those the image was written from).
// Reading checks every stored index against the tables it points into before any of them is
// used, so that an image damaged in a way the checksum cannot see still loads safely or not at
// all.
#include <cstring>

#include "gazetteer/gazetteer.h"
#include "gazetteer/tables.h"

namespace nerkit::internal {
namespace {

// An entry as stored: its strings as offsets into its file.
struct StoredEntry {
  std::uint32_t surface_offset = 0;
  std::uint32_t surface_length = 0;
  std::uint32_t canonical_offset = 0;
  std::uint32_t canonical_length = 0;
  std::uint32_t id_offset = 0;
  std::uint32_t id_length = 0;
  std::uint32_t region_offset = 0;
  std::uint32_t region_length = 0;
  std::uint32_t weight = 0;
  std::uint32_t flags = 0;
  std::uint32_t line = 0;
  std::uint32_t capitals = 0;
  std::uint16_t file = 0;
  char country[2] = {0, 0};
  std::uint8_t type = 0;
  std::uint8_t unused[3] = {0, 0, 0};
};

constexpr std::uint64_t kSectionMark = 0x4E4B475A00000003ull;  // "NKGZ", layout 3

std::uint32_t OffsetIn(const SourceFile& file, std::string_view s) {
  if (s.empty()) return 0;
  return static_cast<std::uint32_t>(s.data() - file.content.data());
}

// The view [offset, offset + length) of `content`, or false if it does not lie inside it.
bool ViewIn(const std::string& content, std::uint32_t offset, std::uint32_t length,
            std::string_view& view) {
  if (std::uint64_t{offset} + length > content.size()) return false;
  view = length == 0 ? std::string_view() : std::string_view(content.data() + offset, length);
  return true;
}

}  // namespace

void Gazetteer::WriteImage(ImageWriter& out, const std::vector<SourceFile>& files) const {
  const Tables& t = *tables_;
  out.Value(kSectionMark);
  const std::uint64_t stats[5] = {stats_.entries, stats_.duplicates, stats_.blocked,
                                  stats_.vocabulary, stats_.nodes};
  out.Value(stats);

  std::vector<StoredEntry> stored(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    const SourceFile& file = files[e.file];
    StoredEntry& s = stored[i];
    s.surface_offset = OffsetIn(file, e.surface);
    s.surface_length = static_cast<std::uint32_t>(e.surface.size());
    s.canonical_offset = OffsetIn(file, e.canonical);
    s.canonical_length = static_cast<std::uint32_t>(e.canonical.size());
    s.id_offset = OffsetIn(file, e.id);
    s.id_length = static_cast<std::uint32_t>(e.id.size());
    s.region_offset = OffsetIn(file, e.region);
    s.region_length = static_cast<std::uint32_t>(e.region.size());
    s.weight = e.weight;
    s.flags = e.flags;
    s.line = e.line;
    s.capitals = e.capitals;
    s.file = e.file;
    std::memcpy(s.country, e.country, 2);
    s.type = static_cast<std::uint8_t>(e.type);
  }
  out.Array(stored);

  // Case-sensitive forms: their lengths, then their bytes.
  std::vector<std::uint32_t> cs_lengths(t.cs_end.size());
  for (std::size_t i = 0; i < t.cs_end.size(); ++i) {
    cs_lengths[i] = t.cs_end[i] - (i == 0 ? 0 : t.cs_end[i - 1]);
  }
  out.Array(cs_lengths);
  out.Array(t.cs_bytes);

  out.Array(t.vocab_text);
  out.Array(t.vocab_offset);
  // The vocabulary table is two-thirds empty: only its used slots are stored, with their index.
  std::vector<std::uint32_t> slot_index;
  std::vector<Tables::VocabSlot> slots;
  for (std::size_t i = 0; i < t.lookup_slots.size(); ++i) {
    if (t.lookup_slots[i].id == 0) continue;
    slot_index.push_back(static_cast<std::uint32_t>(i));
    slots.push_back(t.lookup_slots[i]);
  }
  out.Value(static_cast<std::uint64_t>(t.lookup_slots.size()));
  out.Array(slot_index);
  out.Array(slots);
  out.Array(t.root_child);
  out.Array(t.nodes);
  out.Array(t.node_entries);
  out.Array(t.child_vocab);
  out.Array(t.child_node);
  out.Value(t.node_count);
  out.Value(kSectionMark);
}

bool Gazetteer::ReadImage(ImageReader& in, const std::vector<SourceFile>& files) {
  Tables t;
  std::vector<Entry, HugePageAllocator<Entry>> entries;
  GazetteerStats stats;
  const bool ok = [&] {
    std::uint64_t mark = 0;
    if (!in.Value(mark) || mark != kSectionMark) return false;
    std::uint64_t s[5] = {};
    if (!in.Value(s)) return false;
    stats.entries = s[0];
    stats.duplicates = s[1];
    stats.blocked = s[2];
    stats.vocabulary = s[3];
    stats.nodes = s[4];

    std::vector<StoredEntry> stored;
    if (!in.Array(stored)) return false;
    entries.resize(stored.size());
    for (std::size_t i = 0; i < stored.size(); ++i) {
      const StoredEntry& se = stored[i];
      Entry& e = entries[i];
      if (se.file >= files.size() || se.type >= kEntryTypeCount) return false;
      const std::string& content = files[se.file].content;
      if (!ViewIn(content, se.surface_offset, se.surface_length, e.surface) ||
          !ViewIn(content, se.canonical_offset, se.canonical_length, e.canonical) ||
          !ViewIn(content, se.id_offset, se.id_length, e.id) ||
          !ViewIn(content, se.region_offset, se.region_length, e.region)) {
        return false;
      }
      e.weight = se.weight;
      e.flags = se.flags;
      e.line = se.line;
      e.capitals = se.capitals;
      e.file = se.file;
      std::memcpy(e.country, se.country, 2);
      e.type = static_cast<EntryType>(se.type);
    }

    std::vector<std::uint32_t> cs_lengths;
    if (!in.Array(cs_lengths) || !in.Array(t.cs_bytes)) return false;
    if (cs_lengths.size() != entries.size()) return false;
    t.cs_end.resize(cs_lengths.size());
    std::size_t pos = 0;
    for (std::size_t i = 0; i < cs_lengths.size(); ++i) {
      if (cs_lengths[i] > t.cs_bytes.size() - pos) return false;
      pos += cs_lengths[i];
      t.cs_end[i] = static_cast<std::uint32_t>(pos);
    }
    if (pos != t.cs_bytes.size()) return false;

    std::uint64_t table_size = 0;
    std::vector<std::uint32_t> slot_index;
    std::vector<Tables::VocabSlot> slots;
    if (!in.Array(t.vocab_text) || !in.Array(t.vocab_offset) || !in.Value(table_size) ||
        !in.Array(slot_index) || !in.Array(slots) || !in.Array(t.root_child) ||
        !in.Array(t.nodes) || !in.Array(t.node_entries) || !in.Array(t.child_vocab) ||
        !in.Array(t.child_node) || !in.Value(t.node_count) || !in.Value(mark) ||
        mark != kSectionMark) {
      return false;
    }

    // Every index against what it points into.
    const std::size_t vocabulary = t.vocab_offset.size();
    const std::size_t nodes = t.nodes.size();
    if (t.node_count != nodes || nodes == 0 || t.root_child.size() != vocabulary ||
        t.child_vocab.size() != t.child_node.size() || stats.vocabulary != vocabulary ||
        stats.nodes != nodes) {
      return false;
    }
    for (const std::uint32_t offset : t.vocab_offset) {
      if (offset > t.vocab_text.size()) return false;
    }
    // The table: a power of two, more than its used slots (lookups stop at an empty slot), and
    // at most two slots per byte of the files (loading makes four slots per line or six per
    // word at most), so that a damaged size cannot make it allocate wildly.
    std::uint64_t file_bytes = 64;
    for (const SourceFile& f : files) file_bytes += f.content.size();
    if (table_size < 16 || (table_size & (table_size - 1)) != 0 || table_size > 2 * file_bytes ||
        slot_index.size() != slots.size() || slots.size() != vocabulary ||
        slots.size() >= table_size) {
      return false;
    }
    t.lookup_slots.Fill(static_cast<std::size_t>(table_size), Tables::VocabSlot{});
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const Tables::VocabSlot& slot = slots[k];
      if (slot_index[k] >= table_size || slot.id == 0) return false;
      Tables::VocabSlot& to = t.lookup_slots[slot_index[k]];
      if (to.id != 0) return false;  // two slots at one index
      to = slot;
      if (slot.id > vocabulary) return false;
      if (std::uint64_t{t.vocab_offset[slot.id - 1]} + slot.length > t.vocab_text.size()) {
        return false;
      }
      if (slot.root < -1 || (slot.root >= 0 && static_cast<std::size_t>(slot.root) >= nodes)) {
        return false;
      }
    }
    for (const std::int32_t child : t.root_child) {
      if (child < -1 || (child >= 0 && static_cast<std::size_t>(child) >= nodes)) return false;
    }
    for (const Tables::Node& nd : t.nodes) {
      if (std::uint64_t{nd.begin} + nd.count > t.node_entries.size() ||
          std::uint64_t{nd.children_begin} + nd.children_count > t.child_node.size()) {
        return false;
      }
    }
    for (const std::uint32_t e : t.node_entries) {
      if (e >= entries.size()) return false;
    }
    for (std::size_t k = 0; k < t.child_node.size(); ++k) {
      if (t.child_node[k] >= nodes || t.child_vocab[k] >= vocabulary) return false;
    }
    t.vocab_mask = table_size - 1;
    return true;
  }();
  if (!ok) return false;
  entries_ = std::move(entries);
  stats_ = stats;
  *tables_ = std::move(t);
  instance_ = NewInstance();
  return true;
}

}  // namespace nerkit::internal
