#include "core/mapped_file.h"

#include <cstdio>
#include <cstdlib>
#include <new>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define NERKIT_HAVE_MMAP 1
#ifndef MAP_POPULATE
#define MAP_POPULATE 0  // (where the system has no such flag, pages are mapped as they are read)
#endif
#endif

namespace nerkit::internal {

std::shared_ptr<MappedFile> MappedFile::Open(const std::filesystem::path& path) {
  std::shared_ptr<MappedFile> file(new MappedFile());
#if NERKIT_HAVE_MMAP
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    return nullptr;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  // Mapped read-only with MAP_POPULATE, then made writable: the load reads every page (its
  // checksum), and populating maps the page cache's pages in one call where first reads would
  // fault page after page (about 25 ms less per load here). A writable mapping populated so would
  // copy every page instead; made writable afterwards, only the pages written are copied.
  void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (at != MAP_FAILED && ::mprotect(at, size, PROT_READ | PROT_WRITE) != 0) {
    ::munmap(at, size);
    at = MAP_FAILED;
  }
  if (at != MAP_FAILED) {
    file->data_ = static_cast<char*>(at);
    file->size_ = size;
    file->mapped_ = true;
    return file;
  }
#endif
  // Read instead.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return nullptr;
  std::error_code ec;
  const std::uintmax_t length = std::filesystem::file_size(path, ec);
  if (ec || length == 0) {
    std::fclose(f);
    return nullptr;
  }
  const std::size_t rounded = (static_cast<std::size_t>(length) + 63) / 64 * 64;
  file->data_ = static_cast<char*>(std::aligned_alloc(64, rounded));
  if (!file->data_) {
    std::fclose(f);
    throw std::bad_alloc();
  }
  file->size_ = static_cast<std::size_t>(length);
  const bool ok = std::fread(file->data_, 1, file->size_, f) == file->size_;
  std::fclose(f);
  if (!ok) return nullptr;
  return file;
}

MappedFile::~MappedFile() {
#if NERKIT_HAVE_MMAP
  if (mapped_) {
    ::munmap(data_, size_);
    return;
  }
#endif
  std::free(data_);
}

}  // namespace nerkit::internal
