#include "core/image_io.h"

#include <cstring>

namespace nerkit::internal {
namespace {

constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ull;

inline std::uint64_t Rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline std::uint64_t Load64(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline std::uint64_t Lane(std::uint64_t acc, std::uint64_t input) {
  return Rotl(acc + input * kPrime2, 31) * kPrime1;
}

inline std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

}  // namespace

std::uint64_t HashBytes64(const void* data, std::size_t size, std::uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h;
  std::size_t n = size;
  if (n >= 32) {
    std::uint64_t a = seed + kPrime1 + kPrime2;
    std::uint64_t b = seed + kPrime2;
    std::uint64_t c = seed;
    std::uint64_t d = seed - kPrime1;
    for (; n >= 32; n -= 32, p += 32) {
      a = Lane(a, Load64(p));
      b = Lane(b, Load64(p + 8));
      c = Lane(c, Load64(p + 16));
      d = Lane(d, Load64(p + 24));
    }
    h = Rotl(a, 1) + Rotl(b, 7) + Rotl(c, 12) + Rotl(d, 18);
    for (std::uint64_t lane : {a, b, c, d}) h = (h ^ Lane(0, lane)) * kPrime1 + kPrime3;
  } else {
    h = seed + kPrime3;
  }
  h += static_cast<std::uint64_t>(size);
  for (; n >= 8; n -= 8, p += 8) h = Rotl(h ^ Lane(0, Load64(p)), 27) * kPrime1 + kPrime3;
  for (; n > 0; --n, ++p) h = Rotl(h ^ (*p * kPrime3), 11) * kPrime1;
  return Mix(h);
}

void ImageWriter::Bytes(const void* data, std::size_t size) {
  checksum_ = HashBytes64(data, size, checksum_);
  position_ += size;
  if (ok_ && size > 0 && std::fwrite(data, 1, size, file_) != size) ok_ = false;
}

void ImageWriter::Align() {
  static constexpr char kZeros[kImageAlignment] = {};
  Bytes(kZeros, (kImageAlignment - position_ % kImageAlignment) % kImageAlignment);
}

}  // namespace nerkit::internal
