// A whole file mapped into memory, for compiled images: its bytes come from the system's page
// cache without a copy, and several processes that map the same file share its pages.
//
// The mapping is private and writable: pages the process writes become its own copies, and the
// file never changes. Map only files that are replaced by renaming a new file over them, never
// rewritten in place (a file cut short under a mapping faults whoever reads the lost pages): the
// library's image cache writes its files so. Where the system cannot map a file, the file is read
// into memory instead.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

namespace nerkit::internal {

class MappedFile {
 public:
  // The file mapped (or read), or nullptr if it cannot be opened or read.
  static std::shared_ptr<MappedFile> Open(const std::filesystem::path& path);

  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Aligned to at least 64 bytes.
  char* data() { return data_; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  MappedFile() = default;
  char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;  // else data_ is a heap buffer of size_ bytes
};

}  // namespace nerkit::internal
