#include "rules/rule_file.h"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "core/source_file.h"
#include "nerkit/error.h"

namespace nerkit::internal {
namespace {

bool ValidRuleId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool ValidMacroName(std::string_view name) {
  if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
  for (char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Calls `fn` with each space-separated word of a line's WORDS column.
template <typename Fn>
void ForEachWord(std::string_view words, Fn&& fn) {
  std::size_t pos = 0;
  while (pos < words.size()) {
    const std::size_t space = std::min(words.find(' ', pos), words.size());
    if (space > pos) fn(words.substr(pos, space - pos));
    pos = space + 1;
  }
}

// A macro that stands for one symbol byte: "\x80".
std::string ByteMacro(unsigned char byte) {
  static constexpr char kHex[] = "0123456789abcdef";
  return {'\\', 'x', kHex[byte >> 4], kHex[byte & 15]};
}

}  // namespace

std::string RuleFileParser::Expand(const std::string& file, std::size_t line, std::size_t column,
                                   std::string_view pattern) const {
  std::string out;
  out.reserve(pattern.size());
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const char c = pattern[pos];
    if (c == '\\' && pos + 1 < pattern.size()) {  // keep escapes such as \{ as they are
      out.append(pattern.substr(pos, 2));
      pos += 2;
      continue;
    }
    if (c == '{') {
      const std::size_t close = pattern.find('}', pos);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(pos + 1, close - pos - 1);
        if (ValidMacroName(name)) {
          auto it = macros_.find(name);
          if (it == macros_.end()) {
            throw LoadError(file, line, column + pos,
                            "undefined macro {" + std::string(name) + "}");
          }
          out += it->second;
          pos = close + 1;
          continue;
        }
      }
    }
    out.push_back(c);
    ++pos;
  }
  return out;
}

void RuleFileParser::Parse(const std::string& file_name, std::string_view content) {
  std::unordered_set<std::string> ids;
  for (const RuleSpec& r : rules_) ids.insert(r.id);
  std::vector<std::string_view> fields;
  ForEachLine(content, [&](std::size_t line_number, std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    SplitTabs(line, fields);
    if (fields[0] == "symbol") {
      if (fields.size() != 3 && fields.size() != 4) {
        throw LoadError(file_name, line_number, 1,
                        "expected 3 tab-separated columns (symbol, X, WORDS) and an optional "
                        "fourth (lower), got " +
                            std::to_string(fields.size()));
      }
      const std::string_view symbol = fields[1];
      const bool letter = symbol.size() == 1 && symbol[0] >= 'a' && symbol[0] <= 'z';
      const bool digit = symbol.size() == 1 && symbol[0] >= '1' && symbol[0] <= '8';
      const bool flagged = fields.size() == 4;
      if (flagged && fields[3] != "lower" && fields[3] != "upper") {
        throw LoadError(file_name, line_number, FieldColumn(line, 3),
                        "unknown symbol flag \"" + std::string(fields[3]) +
                            "\" (the flags are lower and upper)");
      }
      const bool lower = flagged && fields[3] == "lower";
      const bool upper = flagged && fields[3] == "upper";
      // (A letter's capitalised tokens read as its upper case: `lower` keeps the letter from
      // them, so that they keep their own class; `upper` would say nothing more.)
      if (upper && letter) {
        throw LoadError(file_name, line_number, FieldColumn(line, 3),
                        "a letter symbol has its case already (written in upper case for "
                        "capitalised tokens): upper is for a digit or a named symbol");
      }
      char byte = symbol.empty() ? '\0' : symbol[0];
      if (!letter && !digit) {
        // A named symbol, "symbol COPULA is are was were": a byte of its own (0x80 and up, no
        // case), written {COPULA} in patterns.
        if (symbol.size() < 2 || !ValidMacroName(symbol)) {
          throw LoadError(file_name, line_number, FieldColumn(line, 1),
                          "symbol \"" + std::string(symbol) +
                              "\" must be one lower-case letter a-z, a digit 1-8, or a name "
                              "[A-Z][A-Z0-9_]+ (written {NAME} in patterns)");
        }
        if (classes_.count(symbol) > 0) {
          throw LoadError(file_name, line_number, FieldColumn(line, 1),
                          "symbol name \"" + std::string(symbol) + "\" is already a class name");
        }
        if (defined_.count(symbol) > 0) {
          throw LoadError(file_name, line_number, FieldColumn(line, 1),
                          "symbol name \"" + std::string(symbol) + "\" is already a macro name");
        }
        auto it = symbol_names_.find(symbol);
        if (it == symbol_names_.end()) {
          if (symbol_names_.size() >= 128) {
            throw LoadError(file_name, line_number, FieldColumn(line, 1),
                            "too many named symbols (at most 128)");
          }
          const auto value = static_cast<unsigned char>(0x80 + symbol_names_.size());
          it = symbol_names_.emplace(std::string(symbol), value).first;
          macros_[std::string(symbol)] = ByteMacro(value);
        }
        byte = static_cast<char>(it->second);
      }
      if (lower) lower_symbols_.insert(static_cast<unsigned char>(byte));
      if (upper) upper_symbols_.insert(static_cast<unsigned char>(byte));
      const std::string origin =
          std::string(symbol) + " (" + file_name + ":" + std::to_string(line_number) + ")";
      ForEachWord(fields[2], [&](std::string_view word) {
        const auto [it, added] = symbol_words_.try_emplace(std::string(word), byte);
        std::string& was = symbol_origins_[std::string(word)];
        if (!added && it->second != byte) {
          symbol_overrides_.push_back(std::string(word) + ": " + was + " -> " + origin);
        }
        it->second = byte;
        was = origin;
      });
      return;
    }
    if (fields[0] == "class") {
      if (fields.size() != 3) {
        throw LoadError(file_name, line_number, 1,
                        "expected 3 tab-separated columns (class, NAME, WORDS), got " +
                            std::to_string(fields.size()));
      }
      if (!ValidMacroName(fields[1])) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "class name \"" + std::string(fields[1]) + "\" must match [A-Z][A-Z0-9_]*");
      }
      if (symbol_names_.count(fields[1]) > 0) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "class name \"" + std::string(fields[1]) + "\" is already a symbol name");
      }
      if (defined_.count(fields[1]) > 0) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "class name \"" + std::string(fields[1]) + "\" is already a macro name");
      }
      auto it = classes_.find(fields[1]);
      if (it == classes_.end()) {
        // Symbols 0x80-0xFF, then the control characters other than tab and newline.
        const std::size_t k = classes_.size();
        if (k >= 128 + 29) {
          throw LoadError(file_name, line_number, FieldColumn(line, 1),
                          "too many classes (at most 157)");
        }
        const auto symbol = static_cast<unsigned char>(k < 128   ? 0x80 + k
                                                       : k < 136 ? k - 127
                                                                 : k - 125);
        it = classes_.emplace(std::string(fields[1]), symbol).first;
        macros_[std::string(fields[1])] = ByteMacro(symbol);
      }
      ForEachWord(fields[2],
                  [&](std::string_view word) { class_words_.emplace_back(word, it->second); });
      return;
    }
    if (fields[0] == "anchor") {  // older files: the date rules no longer need anchors
      if (fields.size() != 2) {
        throw LoadError(file_name, line_number, 1,
                        "expected 2 tab-separated columns (anchor, WORDS), got " +
                            std::to_string(fields.size()));
      }
      return;
    }
    if (fields[0] == "needs") {
      if (fields.size() != 3) {
        throw LoadError(file_name, line_number, 1,
                        "expected 3 tab-separated columns (needs, RULE_ID, WORDS), got " +
                            std::to_string(fields.size()));
      }
      auto rule = std::find_if(rules_.begin(), rules_.end(),
                               [&](const RuleSpec& r) { return r.id == fields[1]; });
      if (rule == rules_.end()) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "needs: no rule \"" + std::string(fields[1]) + "\" defined before");
      }
      if (rule->target != RuleTarget::kText) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "needs: rule \"" + std::string(fields[1]) +
                            "\" is not a text rule (a tokens rule reads no text)");
      }
      ForEachWord(fields[2], [&](std::string_view word) { rule->needs.emplace_back(word); });
      if (rule->needs.empty()) {
        throw LoadError(file_name, line_number, FieldColumn(line, 2), "needs: no words");
      }
      return;
    }
    if (fields[0] == "define") {
      if (fields.size() != 3) {
        throw LoadError(file_name, line_number, 1,
                        "expected 3 tab-separated columns (define, NAME, VALUE), got " +
                            std::to_string(fields.size()));
      }
      if (!ValidMacroName(fields[1])) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "macro name \"" + std::string(fields[1]) + "\" must match [A-Z][A-Z0-9_]*");
      }
      // One name, one meaning: a macro that took a class's or a symbol's name would silently
      // change what the patterns after it read (and the other way round, below).
      if (classes_.count(fields[1]) > 0 || symbol_names_.count(fields[1]) > 0) {
        throw LoadError(file_name, line_number, FieldColumn(line, 1),
                        "macro name \"" + std::string(fields[1]) + "\" is already a " +
                            (classes_.count(fields[1]) > 0 ? "class" : "symbol") + " name");
      }
      defined_.emplace(fields[1]);
      macros_[std::string(fields[1])] =
          Expand(file_name, line_number, FieldColumn(line, 2), fields[2]);
      return;
    }
    if (fields.size() != 6) {
      throw LoadError(file_name, line_number, 1,
                      "expected 6 tab-separated columns (id, label, target, group, priority, "
                      "pattern), got " +
                          std::to_string(fields.size()));
    }
    RuleSpec rule;
    rule.file = file_name;
    rule.line = line_number;
    rule.id = std::string(fields[0]);
    if (!ValidRuleId(rule.id)) {
      throw LoadError(file_name, line_number, 1,
                      "rule id \"" + rule.id + "\" must match [a-z0-9_.-]+");
    }
    if (!ids.insert(rule.id).second) {
      throw LoadError(file_name, line_number, 1, "duplicate rule id \"" + rule.id + "\"");
    }
    rule.source = "rule:" + rule.id + " (" + file_name + ":" + std::to_string(line_number) + ")";
    const std::string_view label = fields[1];
    if (label == "NAME") {
      rule.label.reset();
    } else if (label == "NONE") {
      rule.none = true;
    } else if (auto parsed = ParseLabel(label)) {
      rule.label = parsed;
    } else {
      throw LoadError(file_name, line_number, FieldColumn(line, 1),
                      "rule \"" + rule.id + "\": unknown label \"" + std::string(label) +
                          "\" (expected PERSON, LOCATION, ORGANIZATION, NAME, NONE, DATE, TIME, "
                          "DURATION or SET)");
    }
    std::string_view target = fields[2];
    const std::size_t when = target.find(" when ");
    if (when != std::string_view::npos) {
      // "tokens when z>=3"
      const std::string_view condition = target.substr(when + 6);
      int count = 0;
      const char* end = condition.data() + condition.size();
      const bool ok = condition.size() >= 4 && condition[0] >= 'a' && condition[0] <= 'z' &&
                      condition.substr(1, 2) == ">=" &&
                      std::from_chars(condition.data() + 3, end, count).ptr == end && count > 0;
      if (!ok) {
        throw LoadError(file_name, line_number, FieldColumn(line, 2),
                        "rule \"" + rule.id + "\": bad condition \"" + std::string(condition) +
                            "\" (expected a symbol letter, >= and a positive count, e.g. z>=3)");
      }
      rule.when_symbol = condition[0];
      rule.when_count = count;
      target = target.substr(0, when);
    }
    if (target == "tokens") {
      rule.target = RuleTarget::kTokens;
    } else if (target == "text") {
      rule.target = RuleTarget::kText;
    } else {
      throw LoadError(file_name, line_number, FieldColumn(line, 2),
                      "rule \"" + rule.id + "\": unknown target \"" + std::string(fields[2]) +
                          "\" (expected tokens or text)");
    }
    rule.group = std::string(fields[3]);
    rule.group_column = FieldColumn(line, 3);
    if (rule.group.empty()) {
      throw LoadError(file_name, line_number, FieldColumn(line, 3),
                      "rule \"" + rule.id + "\": empty group (use 0 for the whole match)");
    }
    const std::string_view priority = fields[4];
    const auto [ptr, ec] =
        std::from_chars(priority.data(), priority.data() + priority.size(), rule.priority);
    if (ec != std::errc() || ptr != priority.data() + priority.size()) {
      throw LoadError(
          file_name, line_number, FieldColumn(line, 4),
          "rule \"" + rule.id + "\": priority \"" + std::string(priority) + "\" is not an integer");
    }
    if (fields[5].empty()) {
      throw LoadError(file_name, line_number, FieldColumn(line, 5),
                      "rule \"" + rule.id + "\": empty pattern");
    }
    rule.pattern_column = FieldColumn(line, 5);
    rule.pattern = Expand(file_name, line_number, rule.pattern_column, fields[5]);
    rules_.push_back(std::move(rule));
  });
}

std::vector<std::string> RuleFileParser::needs_words() const {
  std::vector<std::string> words;
  for (const RuleSpec& r : rules_) words.insert(words.end(), r.needs.begin(), r.needs.end());
  return words;
}

}  // namespace nerkit::internal
