#include "document_writer.h"

#include "html_output.h"
#include "standoff.h"

std::string DocumentName(const DocumentInfo& doc) {
  if (doc.id != nullptr && doc.id->is_string()) return doc.id->get<std::string>();
  if (doc.id == nullptr || doc.id->is_null()) {
    return doc.line ? "line " + std::to_string(doc.line)
                    : "document " + std::to_string(doc.index + 1);
  }
  return doc.id->dump();
}

std::unique_ptr<DocumentWriter> MakeDocumentWriter(std::string_view format,
                                                   const DocumentWriterOptions& options) {
  if (format == "html") return MakeHtmlWriter(options);
  if (format == "brat") return MakeBratWriter(options);
  if (format == "labelstudio") return MakeLabelStudioWriter(options);
  if (format == "doccano") return MakeDoccanoWriter(options);
  return nullptr;
}
