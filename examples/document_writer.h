// Output formats of nerkit-extract that make one artefact of a whole run: an HTML page (html), a
// Label Studio task list (labelstudio), Doccano JSON Lines (doccano), brat standoff files
// (brat). The per-document formats (json, jsonl, tsv, conll) are in output.h.
//
// WHAT THIS IS
//   A DocumentWriter is driven by the tool in four steps: Begin() once before any document,
//   Format() or FormatError() for each document (from worker threads, in any order), Emit() for
//   each document in input order with what Format gave, and End() once after the last one.
//   Whatever Begin, Emit and End return goes to standard output.
//
//     std::unique_ptr<DocumentWriter> w = MakeDocumentWriter("html", {});
//     out << w->Begin();
//     std::string piece = w->Format(doc, result), error;
//     if (w->Emit(doc, piece, false, error)) out << piece;
//     out << w->End();
//
// THREAD SAFETY
//   Format and FormatError are const and may run on several threads at once; Begin, Emit and End
//   are called from one thread.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "nerkit/result.h"

// One document as the writers see it.
struct DocumentInfo {
  std::size_t index = 0;               // 0-based position in the run
  const nlohmann::ordered_json* id{};  // the id as given (null if none)
  std::size_t line = 0;                // input line for JSON Lines input, else 0
  std::string_view text;               // the text that was extracted from
};

// The name a document is shown under: its id, "line N" when it has none.
std::string DocumentName(const DocumentInfo& doc);

class DocumentWriter {
 public:
  virtual ~DocumentWriter() = default;
  virtual std::string Begin() { return {}; }
  virtual std::string Format(const DocumentInfo& doc, const nerkit::Result& result) const = 0;
  virtual std::string FormatError(const DocumentInfo& doc, const std::string& error) const = 0;
  // Called in input order with what Format (failed == false) or FormatError (failed == true)
  // returned; may rewrite `piece` (what goes to standard output). Returns false, with `error`
  // set, when the document's output cannot be written (a file of an output folder).
  virtual bool Emit(const DocumentInfo& doc, std::string& piece, bool failed, std::string& error) {
    (void)doc, (void)piece, (void)failed, (void)error;
    return true;
  }
  virtual std::string End() { return {}; }
};

struct DocumentWriterOptions {
  std::string title;       // html: the page title
  std::string output_dir;  // brat: write NAME.txt and NAME.ann files here instead of a stream
};

// The writer for `format` ("html", "brat", "labelstudio", "doccano"), or nullptr for a format
// that output.h handles.
std::unique_ptr<DocumentWriter> MakeDocumentWriter(std::string_view format,
                                                   const DocumentWriterOptions& options);
