// The gazetteer's binary image: its entries, the texts of the dictionary files they point into,
// and its built tables, section after section, each array aligned so that a reader uses it where
// it lies in the mapped file (TableArray views) instead of copying it.
//
// Reading checks every stored index and offset against the tables and texts it points into
// before any of them is used, so that an image damaged in a way the checksum cannot see still
// loads safely or not at all.
#include <cstring>

#include "gazetteer/gazetteer.h"
#include "gazetteer/tables.h"

namespace nerkit::internal {
namespace {

constexpr std::uint64_t kSectionMark = 0x4E4B475A00000004ull;  // "NKGZ", layout 4

}  // namespace

void Gazetteer::WriteImage(ImageWriter& out, std::size_t file_count) const {
  const Tables& t = *tables_;
  out.Value(kSectionMark);
  const std::uint64_t stats[5] = {stats_.entries, stats_.duplicates, stats_.blocked,
                                  stats_.vocabulary, stats_.nodes};
  out.Value(stats);
  out.Value(static_cast<std::uint64_t>(file_count));
  for (std::size_t i = 0; i < file_count; ++i) {
    const std::string_view text = i < texts_.size() ? texts_[i] : std::string_view();
    out.Array(text.data(), text.size());
  }
  out.Array(entries_);
  out.Array(t.cs_end);
  out.Array(t.cs_bytes);
  out.Array(t.vocab_text);
  out.Array(t.vocab_offset);
  out.Array(t.lookup_slots);
  out.Array(t.root_child);
  out.Array(t.nodes);
  out.Array(t.node_entries);
  out.Array(t.child_vocab);
  out.Array(t.child_node);
  out.Value(t.node_count);
  out.Value(kSectionMark);
}

bool Gazetteer::ReadImage(ImageReader& in, std::size_t file_count,
                          std::shared_ptr<MappedFile> image) {
  Tables t;
  TableArray<PackedEntry> entries;
  std::vector<std::string_view> texts;
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

    std::uint64_t files = 0;
    if (!in.Value(files) || files != file_count) return false;
    std::uint64_t text_bytes = 64;
    for (std::size_t i = 0; i < file_count; ++i) {
      TableArray<char> text;
      if (!in.View(text)) return false;
      texts.emplace_back(text.data(), text.size());
      text_bytes += text.size();
    }
    std::uint64_t table_size = 0;
    if (!in.View(entries) || !in.View(t.cs_end) || !in.View(t.cs_bytes) || !in.View(t.vocab_text) ||
        !in.View(t.vocab_offset) || !in.View(t.lookup_slots) || !in.View(t.root_child) ||
        !in.View(t.nodes) || !in.View(t.node_entries) || !in.View(t.child_vocab) ||
        !in.View(t.child_node) || !in.Value(t.node_count) || !in.Value(mark) ||
        mark != kSectionMark) {
      return false;
    }
    table_size = t.lookup_slots.size();

    // Every index against what it points into.
    for (const PackedEntry& e : entries) {
      if (e.file >= file_count || static_cast<std::size_t>(e.type) >= kEntryTypeCount) {
        return false;
      }
      const std::uint64_t size = texts[e.file].size();
      if (std::uint64_t{e.surface_offset} + e.surface_length > size ||
          std::uint64_t{e.canonical_offset} + e.canonical_length > size ||
          std::uint64_t{e.id_offset} + e.id_length > size ||
          std::uint64_t{e.region_offset} + e.region_length > size) {
        return false;
      }
    }
    if (t.cs_end.size() != entries.size()) return false;
    std::uint32_t previous = 0;
    for (const std::uint32_t end : t.cs_end) {
      if (end < previous) return false;
      previous = end;
    }
    if (previous != t.cs_bytes.size()) return false;

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
    // The table: a power of two, with empty slots (lookups stop at one), and at most two slots
    // per byte of the files (loading makes four slots per line or six per word at most), so that
    // a damaged size cannot make lookups wander.
    if (table_size < 16 || (table_size & (table_size - 1)) != 0 || table_size > 2 * text_bytes) {
      return false;
    }
    std::size_t used = 0;
    for (const Tables::VocabSlot& slot : t.lookup_slots) {
      if (slot.id == 0) continue;
      ++used;
      if (slot.id > vocabulary) return false;
      if (slot.text != t.vocab_offset[slot.id - 1] ||
          std::uint64_t{slot.text} + slot.length > t.vocab_text.size()) {
        return false;
      }
      if (slot.root < -1 || (slot.root >= 0 && static_cast<std::size_t>(slot.root) >= nodes)) {
        return false;
      }
    }
    if (used != vocabulary || used >= table_size) return false;
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
  texts_ = std::move(texts);
  image_ = std::move(image);
  stats_ = stats;
  *tables_ = std::move(t);
  instance_ = NewInstance();
  return true;
}

}  // namespace nerkit::internal
