// Output formats of nerkit-extract: json, jsonl, tsv, conll.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "nerkit/result.h"

enum class OutputFormat { kJson, kJsonl, kTsv, kConll };

OutputFormat ParseOutputFormat(std::string_view name);

// The result of one document in `format`, ending with a newline. `id` is the document id as
// given (null if none), `line` its input line (0 for plain-text files). The json format is what
// nlohmann::ordered_json's dump(2) of ResultToJson prints (UTF-8 as it is, each ill-formed
// sequence as U+FFFD); jsonl is the same object on one line, with one U+FFFD for each invalid
// byte of the strings other than the id. Neither builds the JSON object. Throws
// std::out_of_range if a token of a conll result lies outside `text`.
std::string FormatResult(OutputFormat format, const nlohmann::ordered_json& id, std::size_t line,
                         std::string_view text, const nerkit::Result& result);

// The record that stands for a document that could not be processed.
std::string FormatError(OutputFormat format, const nlohmann::ordered_json& id, std::size_t line,
                        const std::string& error);

// FormatResult and FormatError appending to `out`, for a caller that reuses its buffer.
void AppendResult(std::string& out, OutputFormat format, const nlohmann::ordered_json& id,
                  std::size_t line, std::string_view text, const nerkit::Result& result);
void AppendError(std::string& out, OutputFormat format, const nlohmann::ordered_json& id,
                 std::size_t line, const std::string& error);

// The JSON object for one result (what json and jsonl print).
nlohmann::ordered_json ResultToJson(const nlohmann::ordered_json& id, std::size_t line,
                                    const nerkit::Result& result);
