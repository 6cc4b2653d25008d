// Reading dictionary and rule files: whole files into memory, split into lines, with the
// "file:line:column: message" errors that every loader reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nerkit/error.h"

namespace nerkit::internal {

// One loaded file. `content` stays alive as long as the model: dictionaries refer into it.
struct SourceFile {
  std::string name;  // the path as given, or the in-memory name
  std::string content;
};

// Reads a file; throws LoadError(path, 0, 0, "cannot read: <reason>").
SourceFile ReadSourceFile(const std::string& path);

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
