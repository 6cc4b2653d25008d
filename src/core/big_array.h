// Arrays for the large tables of a loaded model. HugePageAllocator places large buffers on
// transparent huge pages where the system offers them (Linux madvise), so that random lookups
// into tens of megabytes cost a cache miss rather than a cache miss plus a page-table walk
// (elsewhere a plain aligned buffer); HugePageVector is a std::vector that uses it. TableArray:
// a table's array either built in this process or viewed in a mapped image file, read the same
// way.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nerkit::internal {

// An allocator for std::vector that puts large buffers (2 MiB and more) on huge pages.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return std::allocator<T>().allocate(n);
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    ::madvise(p, rounded, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    if (n * sizeof(T) < kHugePage) {
      std::allocator<T>().deallocate(p, n);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

// One array of a built table: either its own values (built in this process, on huge pages where
// the system offers them) or a view of the same values in a mapped image file, which the owner of
// the table keeps mapped (ImageReader::View). Reads go through one pointer either way. The
// vector-like calls that change it (push_back, resize, ...) are for building and make it own its
// values; a view may be written in place where its mapping is writable (a private mapping: the
// pages written become the process's own).
template <typename T>
class TableArray {
  static_assert(std::is_trivially_copyable_v<T>, "TableArray holds plain values");
  using Vector = HugePageVector<T>;

 public:
  using value_type = T;
  TableArray() = default;
  TableArray(const TableArray&) = delete;
  TableArray& operator=(const TableArray&) = delete;
  TableArray(TableArray&& other) noexcept { *this = std::move(other); }
  TableArray& operator=(TableArray&& other) noexcept {
    own_ = std::move(other.own_);  // (the buffer moves with it: data_ stays valid)
    data_ = other.data_;
    size_ = other.size_;
    other.own_.clear();
    other.data_ = nullptr;
    other.size_ = 0;
    return *this;
  }

  // A view of `count` values at `data` (not owned).
  void View(T* data, std::size_t count) {
    Vector().swap(own_);
    data_ = data;
    size_ = count;
  }
  bool owned() const { return data_ == own_.data(); }

  const T& operator[](std::size_t i) const { return data_[i]; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T* data() const { return data_; }
  T* data() { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T& back() const { return data_[size_ - 1]; }

  // Building.
  void push_back(const T& value) {
    Own();
    own_.push_back(value);
    Sync();
  }
  template <typename It>
  void append(It first, It last) {
    Own();
    own_.insert(own_.end(), first, last);
    Sync();
  }
  void append(std::string_view text) requires std::is_same_v<T, char> {
    append(text.begin(), text.end());
  }
  void resize(std::size_t count) {
    Own();
    own_.resize(count);
    Sync();
  }
  void assign(std::size_t count, const T& value) {
    Own();
    own_.assign(count, value);
    Sync();
  }
  void reserve(std::size_t count) {
    Own();
    own_.reserve(count);
    Sync();
  }
  void clear() {
    Own();
    own_.clear();
    Sync();
  }
  void shrink_to_fit() {
    Own();
    own_.shrink_to_fit();
    Sync();
  }

 private:
  // A view becomes owned values (a copy) before it changes size.
  void Own() {
    if (owned()) return;
    Vector copy(data_, data_ + size_);
    own_.swap(copy);
    Sync();
  }
  void Sync() {
    data_ = own_.data();
    size_ = own_.size();
  }

  Vector own_;
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace nerkit::internal
