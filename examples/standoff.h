// nerkit-extract --format brat, labelstudio, doccano: entities in the formats of annotation tools,
// so that nerkit's output can be corrected there and come back as gold data (gold_formats.h
// reads all three).
//
// WHAT THIS IS
//   All three count offsets in characters (Unicode code points) of the document's text as the
//   format carries it: the text with each byte that is not well-formed UTF-8 replaced by U+FFFD
//   (one character per bad byte; see code_points.h).
//   - brat standoff (.ann): "T1<TAB>LABEL START END<TAB>TEXT" for each entity, with fragments
//     "S1 E1;S2 E2" where an entity runs over a line break, and "#1<TAB>AnnotatorNotes T1<TAB>..."
//     giving its canonical name, id, value and source. With an output folder each document
//     becomes NAME.txt and NAME.ann (and the folder gets an annotation.conf naming nerkit's
//     labels); otherwise the .ann of each document follows a line "# id = NAME".
//   - Label Studio: a JSON array of tasks {"data": {"text", "doc_id"}, "predictions":
//     [{"model_version", "result": [{"id", "from_name": "label", "to_name": "text", "type":
//     "labels", "value": {"start", "end", "text", "labels": [LABEL]}}]}]}, for a project whose
//     labeling configuration has <Labels name="label" toName="text"> and <Text name="text"
//     value="$text"/>.
//   - Doccano: JSON Lines {"text", "label": [[START, END, LABEL], ...], "doc_id"}.
//
//     std::string ann = BratAnnotations(text, result);
//
// THREAD SAFETY
//   Pure functions.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "document_writer.h"
#include "nerkit/result.h"

// The .ann file of one document.
std::string BratAnnotations(std::string_view text, const nerkit::Result& result);

// The annotation.conf that lets brat show nerkit's labels.
std::string BratAnnotationConf();

// The file name (without extension) a document gets in a brat folder: its id's file name
// without extension for a text file ("stdin" for standard input), else its id, with every character other than letters,
// digits, '.', '-' and '_' replaced by '_'; "doc-INDEX" when that leaves nothing.
std::string BratFileStem(const DocumentInfo& doc);

// One Label Studio task with nerkit's entities as predictions.
nlohmann::ordered_json LabelStudioTask(const DocumentInfo& doc, const nerkit::Result& result);

// One Doccano line (without newline).
nlohmann::ordered_json DoccanoLine(const DocumentInfo& doc, const nerkit::Result& result);

std::unique_ptr<DocumentWriter> MakeBratWriter(const DocumentWriterOptions& options);
std::unique_ptr<DocumentWriter> MakeLabelStudioWriter(const DocumentWriterOptions& options);
std::unique_ptr<DocumentWriter> MakeDoccanoWriter(const DocumentWriterOptions& options);
