#include "pipeline/image_cache.h"

#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/image_io.h"
#include "core/mapped_file.h"
#include "nerkit_source_hash.h"

namespace nerkit::internal {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'N', 'E', 'R', 'K', 'I', 'M', 'G', '\0'};
constexpr std::uint32_t kFormat = 2;  // 2: arrays aligned for use in place, texts inside
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr char kStatesMagic[8] = {'N', 'E', 'R', 'K', 'D', 'F', 'A', '\0'};

struct Header {
  char magic[8];
  std::uint32_t format;
  std::uint32_t byte_order;
  std::uint64_t fingerprint[2];
};

std::string Hex(std::uint64_t v) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(v));
  return buffer;
}

void AppendNumber(std::string& out, std::uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

// Writes `file` through `write` into a temporary file beside it, renamed into place when all went
// well (processes that mapped the old file keep it); false, and nothing left behind, otherwise.
bool WriteReplacing(const fs::path& file, const std::function<bool(std::FILE*)>& write) {
  static std::atomic<unsigned> counter{0};
  const fs::path temporary =
      file.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (!f) return false;
  bool ok = write(f);
  ok = std::fclose(f) == 0 && ok;
  std::error_code ec;
  if (ok) {
    fs::rename(temporary, file, ec);
    ok = !ec;
  }
  if (!ok) fs::remove(temporary, ec);
  return ok;
}

}  // namespace

fs::path ImageCache::Directory(const LoadOptions& options) {
  if (!options.cache_dir.empty()) return options.cache_dir;
  if (const char* env = std::getenv("NERKIT_CACHE_DIR"); env && *env) {
    if (std::strcmp(env, "off") == 0) return {};
    return fs::path(env);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return fs::path(xdg) / "nerkit";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".cache" / "nerkit";
  }
  return {};
}

ImageCache::ImageCache(const LoadOptions& options, const fs::path& folder,
                       const std::vector<SourceFile>& files, const std::vector<bool>& is_rules) {
  if (!options.use_cache) return;
  std::size_t dictionary_bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!is_rules[i]) dictionary_bytes += files[i].digest.size;
  }
  if (dictionary_bytes < kMinBytes) return;
  const fs::path dir = Directory(options);
  if (dir.empty()) return;

  // Which set this is (its file names, in order), and what exactly it holds.
  std::string names;
  std::string contents = "nerkit gazetteer image\n" NERKIT_SOURCE_HASH "\n";
  UVersionInfo icu;
  u_getVersion(icu);
  contents.append(reinterpret_cast<const char*>(icu), sizeof icu);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const SourceFile& f = files[i];
    for (std::string* s : {&names, &contents}) {
      AppendNumber(*s, f.name.size());
      s->append(f.name);
      s->push_back(is_rules[i] ? 'r' : 'd');
    }
    AppendNumber(contents, f.digest.size);
    AppendNumber(contents, f.digest.hash);
  }
  std::error_code ec;
  if (!folder.empty()) names += fs::absolute(folder, ec).string();
  fingerprint_[0] = HashBytes64(contents.data(), contents.size(), 0x6E65726B69740001ull);
  fingerprint_[1] = HashBytes64(contents.data(), contents.size(), 0x6E65726B69740002ull);
  file_ = dir / ("gazetteer-" + Hex(HashBytes64(names.data(), names.size(), 0)) + ".img");
}

bool ImageCache::Read(const std::vector<SourceFile>& files, Gazetteer& gazetteer) const {
  if (!enabled()) return false;
  std::shared_ptr<MappedFile> image = MappedFile::Open(file_);
  if (!image) return false;
  const std::size_t size = image->size();
  Header header;
  if (size < sizeof header + 8) return false;
  std::memcpy(&header, image->data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.format != kFormat ||
      header.byte_order != kByteOrder || header.fingerprint[0] != fingerprint_[0] ||
      header.fingerprint[1] != fingerprint_[1]) {
    return false;
  }
  std::uint64_t checksum = 0;
  std::memcpy(&checksum, image->data() + size - 8, 8);
  ImageReader reader(image->data(), sizeof header, size - 8);
  Gazetteer read;
  if (!read.ReadImage(reader, files.size(), image) || reader.left() != 0 ||
      checksum != reader.checksum()) {
    return false;
  }
  gazetteer = std::move(read);
  // A use: the image is the most recent of its folder for pruning (a read-only folder keeps its
  // times, and nothing is pruned there).
  std::error_code ec;
  fs::last_write_time(file_, fs::file_time_type::clock::now(), ec);
  return true;
}

bool ImageCache::Write(const std::vector<SourceFile>& files, const Gazetteer& gazetteer) const {
  if (!enabled()) return false;
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  const bool ok = WriteReplacing(file_, [&](std::FILE* f) {
    Header header;
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.format = kFormat;
    header.byte_order = kByteOrder;
    header.fingerprint[0] = fingerprint_[0];
    header.fingerprint[1] = fingerprint_[1];
    if (std::fwrite(&header, sizeof header, 1, f) != 1) return false;
    ImageWriter writer(f, sizeof header);
    gazetteer.WriteImage(writer, files.size());
    const std::uint64_t checksum = writer.checksum();
    return writer.ok() && std::fwrite(&checksum, sizeof checksum, 1, f) == 1;
  });
  if (ok) Prune();
  return ok;
}

fs::path ImageCache::StatesFile(const fs::path& image) {
  if (image.empty()) return {};
  fs::path states = image;
  states.replace_extension(".states");
  return states;
}

std::size_t ImageCache::ReadStates(const fs::path& file,
                                   const std::vector<ClassRegexSet*>& automata) {
  if (file.empty()) return 0;
  std::shared_ptr<MappedFile> mapped = MappedFile::Open(file);
  if (!mapped) return 0;
  const std::string_view bytes(mapped->data(), mapped->size());
  std::uint32_t count = 0;
  if (bytes.size() < sizeof kStatesMagic + 4 ||
      std::memcmp(bytes.data(), kStatesMagic, sizeof kStatesMagic) != 0) {
    return 0;
  }
  std::memcpy(&count, bytes.data() + sizeof kStatesMagic, 4);
  if (count != automata.size()) return 0;
  // The records, which must fill the file exactly; each automaton checks its own.
  std::vector<std::string_view> records;
  std::size_t at = sizeof kStatesMagic + 4;
  for (std::uint32_t k = 0; k < count; ++k) {
    std::uint64_t size = 0;
    if (bytes.size() - at < 8) return 0;
    std::memcpy(&size, bytes.data() + at, 8);
    at += 8;
    if (size > bytes.size() - at) return 0;
    records.push_back(bytes.substr(at, size));
    at += size;
  }
  if (at != bytes.size()) return 0;
  std::size_t taken = 0;
  for (std::size_t k = 0; k < automata.size(); ++k) {
    if (automata[k]->LoadStates(records[k])) taken += automata[k]->dfa_states();
  }
  return taken;
}

bool ImageCache::WriteStates(const fs::path& file, const std::vector<ClassRegexSet*>& automata) {
  if (file.empty()) return false;
  std::string bytes(kStatesMagic, sizeof kStatesMagic);
  const auto count = static_cast<std::uint32_t>(automata.size());
  bytes.append(reinterpret_cast<const char*>(&count), 4);
  std::string record;
  for (const ClassRegexSet* automaton : automata) {
    record.clear();
    automaton->SaveStates(record);
    AppendNumber(bytes, record.size());
    bytes += record;
  }
  return WriteReplacing(file, [&](std::FILE* f) {
    return std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  });
}

void ImageCache::Prune() const {
  std::error_code ec;
  const fs::file_time_type now = fs::file_time_type::clock::now();
  std::vector<std::pair<fs::file_time_type, fs::path>> images;
  fs::directory_iterator it(file_.parent_path(), ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (name.rfind("gazetteer-", 0) != 0) continue;
    std::error_code time_error;
    const fs::file_time_type time = fs::last_write_time(path, time_error);
    if (time_error) continue;
    if (name.find(".img.tmp-") != std::string::npos ||
        name.find(".states.tmp-") != std::string::npos) {
      std::error_code remove_error;
      if (now - time > kStaleTemporary) fs::remove(path, remove_error);
      continue;
    }
    if (path.extension() != ".img" || path == file_) continue;
    images.emplace_back(time, path);
  }
  if (images.size() + 1 <= kMaxImages) return;
  // Newest first; everything after the first kMaxImages - 1 others goes.
  std::sort(images.begin(), images.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = kMaxImages - 1; i < images.size(); ++i) {
    std::error_code remove_error;
    fs::remove(images[i].second, remove_error);
    fs::remove(StatesFile(images[i].second), remove_error);
  }
}

}  // namespace nerkit::internal
