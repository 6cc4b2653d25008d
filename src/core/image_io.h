// Binary images of compiled model parts (the gazetteer's tables), written to a file in one stream
// of sections and read from the file mapped into memory, arrays used where they lie. Every byte
// passes through a running checksum, so that a reader can tell a damaged file from a good one;
// readers also bound every count by what the file can hold, so that no damaged file makes them
// allocate or index wildly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nerkit::internal {

// A fast 64-bit hash of bytes (four independent multiply-rotate lanes, then a final mix). For
// telling files apart and catching damage, not for security.
std::uint64_t HashBytes64(const void* data, std::size_t size, std::uint64_t seed);

// Arrays are aligned to this many bytes from the start of the file, so that a reader can use them
// where they lie in a mapped image.
inline constexpr std::size_t kImageAlignment = 64;

class ImageWriter {
 public:
  // `position`: where in the file the writer starts (the bytes before it are not its own).
  ImageWriter(std::FILE* file, std::uint64_t position) : file_(file), position_(position) {}

  void Bytes(const void* data, std::size_t size);
  template <typename T>
  void Value(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    Bytes(&value, sizeof(T));
  }
  // A count, zero bytes up to the next multiple of kImageAlignment, then the elements.
  template <typename T>
  void Array(const T* data, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T>);
    static_assert(alignof(T) <= kImageAlignment);
    Value(static_cast<std::uint64_t>(count));
    Align();
    Bytes(data, count * sizeof(T));
  }
  template <typename V>
  void Array(const V& values) {
    Array(values.data(), values.size());
  }

  bool ok() const { return ok_; }
  std::uint64_t checksum() const { return checksum_; }

 private:
  void Align();

  std::FILE* file_;
  std::uint64_t position_;
  bool ok_ = true;
  std::uint64_t checksum_ = 0;
};

// Reads an image from memory: the whole file mapped (MappedFile), so that arrays are used where
// they lie instead of copied.
class ImageReader {
 public:
  // Reads bytes [begin, end) of `file`; alignments count from `file`, which must be aligned to
  // kImageAlignment (a mapping is).
  ImageReader(char* file, std::size_t begin, std::size_t end)
      : file_(file), position_(begin), end_(end) {}

  bool Bytes(void* data, std::size_t size) {
    char* from = Take(size);
    if (!from) return false;
    if (size > 0) std::memcpy(data, from, size);
    return true;
  }
  template <typename T>
  bool Value(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    return Bytes(&value, sizeof(T));
  }
  // An array written by ImageWriter::Array, used where it lies: `values` (a TableArray) views
  // it.
  template <typename A>
  bool View(A& values) {
    using T = typename A::value_type;
    std::uint64_t count = 0;
    T* at = nullptr;
    if (!ArrayAt(count, at)) return false;
    values.View(at, static_cast<std::size_t>(count));
    return true;
  }

  std::uint64_t checksum() const { return checksum_; }
  std::uint64_t left() const { return end_ - position_; }
  std::size_t position() const { return position_; }

 private:
  // The next `size` bytes (through the checksum), or nullptr if the file has fewer.
  char* Take(std::size_t size) {
    if (size > end_ - position_) return nullptr;
    char* at = file_ + position_;
    position_ += size;
    checksum_ = HashBytes64(at, size, checksum_);
    return at;
  }
  template <typename T>
  bool ArrayAt(std::uint64_t& count, T*& at) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!Value(count)) return false;
    const std::size_t pad = (kImageAlignment - position_ % kImageAlignment) % kImageAlignment;
    if (!Take(pad)) return false;
    if (count > left() / sizeof(T)) return false;
    at = reinterpret_cast<T*>(Take(static_cast<std::size_t>(count) * sizeof(T)));
    return at != nullptr;
  }

  char* file_;
  std::size_t position_;
  std::size_t end_;
  std::uint64_t checksum_ = 0;
};

}  // namespace nerkit::internal
