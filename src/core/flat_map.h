// FlatMap: a hash map from 64-bit keys (hashes of words or names) to small values, kept from one
// document to the next so that the stages that key names per document allocate nothing once
// warm.
//
// Open addressing with linear probing over a power-of-two table; Clear() is O(1) (a generation
// counter marks the live slots), so a map that held a long document costs nothing to reuse for
// a short one. Keys are the caller's hashes, used as they are (mixed once more for the slot).
// Not thread-safe: one per Workspace.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nerkit::internal {

template <typename V>
class FlatMap {
 public:
  // Forgets every key. Keeps the table.
  void Clear() {
    size_ = 0;
    if (++generation_ == 0) {  // wrapped: mark every slot free for good
      for (Slot& s : slots_) s.generation = 0;
      generation_ = 1;
    }
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  // The value of `key`, or nullptr.
  V* Find(std::uint64_t key) {
    if (size_ == 0) return nullptr;
    for (std::size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) return nullptr;
      if (s.key == key) return &s.value;
    }
  }
  const V* Find(std::uint64_t key) const { return const_cast<FlatMap*>(this)->Find(key); }

  // The value of `key`, inserted as `value` if the key was not there; `inserted` says which.
  V& Insert(std::uint64_t key, const V& value, bool* inserted = nullptr) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (std::size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s.generation = generation_;
        s.key = key;
        s.value = value;
        ++size_;
        if (inserted) *inserted = true;
        return s.value;
      }
      if (s.key == key) {
        if (inserted) *inserted = false;
        return s.value;
      }
    }
  }

  // The value of `key`, value-initialised if it was not there.
  V& operator[](std::uint64_t key) { return Insert(key, V{}); }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t generation = 0;  // live when equal to generation_
    V value{};
  };

  std::size_t Home(std::uint64_t key) const {
    key ^= key >> 31;
    key *= 0x9e3779b97f4a7c15ull;
    return static_cast<std::size_t>(key >> 32 ^ key) & mask_;
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const std::uint32_t live = generation_;
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    generation_ = 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.generation == live) Insert(s.key, s.value);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::uint32_t generation_ = 1;
};

}  // namespace nerkit::internal
