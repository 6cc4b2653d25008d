// Binary images of compiled model parts (the gazetteer's tables), written to and read from a file
// in one stream of sections. Every byte passes through a running checksum, so that a reader can
// tell a damaged file from a good one; readers also bound every count by what the file can hold,
// so that no damaged file makes them allocate or index wildly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nerkit::internal {

// A fast 64-bit hash of bytes (four independent multiply-rotate lanes, then a final mix). For
// telling files apart and catching damage, not for security.
std::uint64_t HashBytes64(const void* data, std::size_t size, std::uint64_t seed);

class ImageWriter {
 public:
  explicit ImageWriter(std::FILE* file) : file_(file) {}

  void Bytes(const void* data, std::size_t size);
  template <typename T>
  void Value(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    Bytes(&value, sizeof(T));
  }
  // A count, then the elements.
  template <typename T>
  void Array(const T* data, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T>);
    Value(static_cast<std::uint64_t>(count));
    Bytes(data, count * sizeof(T));
  }
  template <typename V>
  void Array(const V& values) {
    Array(values.data(), values.size());
  }

  bool ok() const { return ok_; }
  std::uint64_t checksum() const { return checksum_; }

 private:
  std::FILE* file_;
  bool ok_ = true;
  std::uint64_t checksum_ = 0;
};

class ImageReader {
 public:
  // `limit`: the bytes left in the file; no section may claim more.
  ImageReader(std::FILE* file, std::uint64_t limit) : file_(file), left_(limit) {}

  bool Bytes(void* data, std::size_t size);
  template <typename T>
  bool Value(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    return Bytes(&value, sizeof(T));
  }
  // A count (at most what the rest of the file can hold), for an array of T.
  template <typename T>
  bool Count(std::uint64_t& count) {
    if (!Value(count)) return false;
    return count <= left_ / sizeof(T);
  }
  // An array written by ImageWriter::Array, into a vector-like container (resize + data()).
  template <typename V>
  bool Array(V& values) {
    using T = typename V::value_type;
    std::uint64_t count = 0;
    if (!Count<T>(count)) return false;
    values.resize(static_cast<std::size_t>(count));
    return Bytes(values.data(), static_cast<std::size_t>(count) * sizeof(T));
  }

  std::uint64_t checksum() const { return checksum_; }
  std::uint64_t left() const { return left_; }

 private:
  std::FILE* file_;
  std::uint64_t left_;
  std::uint64_t checksum_ = 0;
};

}  // namespace nerkit::internal
