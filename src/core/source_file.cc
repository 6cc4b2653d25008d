#include "core/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/image_io.h"

namespace nerkit::internal {

namespace {

// Digests hash files in blocks of this size, so that a file read block by block and the same
// bytes in memory give the same digest.
constexpr std::size_t kDigestBlock = std::size_t{256} << 10;

}  // namespace

Digest DigestOf(std::string_view bytes) {
  Digest d;
  d.size = bytes.size();
  for (std::size_t at = 0; at < bytes.size(); at += kDigestBlock) {
    const std::size_t n = std::min(kDigestBlock, bytes.size() - at);
    d.hash = HashBytes64(bytes.data() + at, n, d.hash);
  }
  return d;
}

SourceFile DigestSourceFile(const std::string& path, std::vector<char>& buffer) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw LoadError(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  struct Closer {
    std::FILE* f;
    ~Closer() { std::fclose(f); }
  } closer{f};
  SourceFile file;
  file.name = path;
  buffer.resize(kDigestBlock);
  while (true) {
    // A whole block unless the file ends: blocks line up with DigestOf's.
    std::size_t n = 0;
    while (n < kDigestBlock) {
      const std::size_t got = std::fread(buffer.data() + n, 1, kDigestBlock - n, f);
      if (got == 0) break;
      n += got;
    }
    if (std::ferror(f)) {
      throw LoadError(
          path, 0, 0,
          errno == EISDIR ? "cannot read: not a regular file" : "cannot read: read error");
    }
    if (n == 0) break;
    file.digest.size += n;
    file.digest.hash = HashBytes64(buffer.data(), n, file.digest.hash);
    if (n < kDigestBlock) break;
  }
  return file;
}

SourceFile ReadSourceFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  SourceFile file;
  file.name = path;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw LoadError(path, 0, 0, "cannot read: not a regular file");
  in.seekg(0, std::ios::beg);
  file.content.resize(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(file.content.data(), size)) {
    throw LoadError(path, 0, 0, "cannot read: read error");
  }
  file.digest = DigestOf(file.content);
  file.read = true;
  return file;
}

void SplitTabs(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(pos));
      return;
    }
    fields.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

std::size_t FieldColumn(std::string_view line, std::size_t index) {
  std::size_t column = 1;
  std::size_t field = 0;
  for (std::size_t i = 0; i < line.size() && field < index; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) != 0x80) ++column;  // count characters, not bytes
    if (c == '\t') ++field;
  }
  return column;
}

std::size_t CountLines(std::string_view content) {
  // A byte equal to '\n' becomes zero after the XOR; the classic has-zero-byte test (exact when
  // each byte's high bit is handled apart) counts them without a branch per byte.
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  std::size_t count = 1;
  std::size_t i = 0;
  for (; i + 8 <= content.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, content.data() + i, 8);
    const std::uint64_t x = w ^ (kOnes * '\n');
    // High bit set in each byte of x that is zero.
    const std::uint64_t zero = ~(((x & kLow7) + kLow7) | x | kLow7);
    count += static_cast<std::size_t>(__builtin_popcountll(zero));
  }
  for (; i < content.size(); ++i) count += content[i] == '\n';
  return count;
}

}  // namespace nerkit::internal
