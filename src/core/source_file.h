// Reading dictionary and rule files: whole files into memory, split into lines, with the
// "file:line:column: message" errors that every loader reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nerkit/error.h"

namespace nerkit::internal {

// The size of a file and a hash of its bytes: what tells one version of a file from another
// (the compiled-image cache keys its images by them).
struct Digest {
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
  bool operator==(const Digest&) const = default;
};
Digest DigestOf(std::string_view bytes);

// One file of a model. `content` stays alive as long as the model: dictionaries refer into it.
struct SourceFile {
  SourceFile() = default;
  // A file in memory.
  SourceFile(std::string name_, std::string content_)
      : name(std::move(name_)),
        content(std::move(content_)),
        digest(DigestOf(content)),
        read(true) {}

  std::string name;  // the path as given, or the in-memory name
  std::string content;
  Digest digest;      // of content, or of the file when content is not read (yet)
  bool read = false;  // content holds the file
};

// Reads a file (content and digest); throws LoadError(path, 0, 0, "cannot read: <reason>").
SourceFile ReadSourceFile(const std::string& path);
// Only the digest of a file, read through `buffer` (reused from file to file) and not kept:
// what deciding whether a compiled image still holds the file needs. Throws as ReadSourceFile.
SourceFile DigestSourceFile(const std::string& path, std::vector<char>& buffer);

// Calls f(line_number, line) for every line of content (without its "\n" or "\r\n"). A UTF-8
// byte order mark at the start of the file is skipped.
template <typename F>
void ForEachLine(std::string_view content, F&& f) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(++line_number, line);
    pos = nl + 1;
  }
}

// The number of lines of `content` (line breaks + 1), counted eight bytes at a time.
std::size_t CountLines(std::string_view content);

// Splits `line` on tabs into `fields` (views into line).
void SplitTabs(std::string_view line, std::vector<std::string_view>& fields);

// The 1-based column (in characters, counting a tab as one) where field `index` of `line` starts.
std::size_t FieldColumn(std::string_view line, std::size_t index);

}  // namespace nerkit::internal
