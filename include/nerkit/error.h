// nerkit/error.h: the exceptions nerkit throws.
//
// WHAT THIS IS
//   Every failure a caller can fix is reported by an exception derived from nerkit::Error (itself
//   a std::runtime_error), whose what() says what is wrong and where. Loading reports the file,
//   line and column ("dictionaries/places.tsv:1832:3: unknown type \"CITY\""); extraction reports
//   a document that breaks a limit or, in strict mode, is not valid UTF-8. nerkit never logs an
//   error and carries on, and never exits the process.
//
//     try {
//       auto extractor = nerkit::Extractor::Load({.dictionaries = "my-dictionaries"});
//     } catch (const nerkit::LoadError& e) {
//       std::cerr << e.what() << '\n';  // e.path(), e.line(), e.column() for tools
//     }
//
// THREAD SAFETY
//   Plain values.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace nerkit {

// Base of all nerkit exceptions.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Loading dictionaries or rules failed. what() is "path:line:column: message", with line and
// column left out when they do not apply (a missing folder, an unreadable file).
class LoadError : public Error {
 public:
  LoadError(std::string path, std::size_t line, std::size_t column, const std::string& message);
  const std::string& path() const noexcept { return path_; }
  std::size_t line() const noexcept { return line_; }      // 1-based; 0 if not about a line
  std::size_t column() const noexcept { return column_; }  // 1-based; 0 if not about a column
  const std::string& message() const noexcept { return message_; }

 private:
  std::string path_;
  std::size_t line_;
  std::size_t column_;
  std::string message_;
};

// A document could not be processed: it exceeds a limit (what() names the limit and the size),
// or it is not valid UTF-8 and the caller asked for strict checking.
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace nerkit
