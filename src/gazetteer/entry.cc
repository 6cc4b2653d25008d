#include "gazetteer/entry.h"

#include <array>
#include <charconv>
#include <limits>
#include <vector>

#include "core/source_file.h"
#include "text/utf8.h"

namespace nerkit::internal {
namespace {

constexpr std::array<std::string_view, kEntryTypeCount> kTypeNames = {
    "PERSON",  "LOCATION", "ORGANIZATION", "GIVEN_NAME",    "SURNAME", "TITLE",
    "DEMONYM", "ORG_HEAD", "LOC_HEAD",     "NAME_PARTICLE", "WORD"};

struct FlagName {
  std::string_view name;
  EntryFlag flag;
};
constexpr FlagName kFlagNames[] = {
    {"primary", kPrimary},
    {"ascii", kAscii},
    {"alternate", kAlternate},
    {"acronym", kAcronym},
    {"cs", kCaseSensitive},
    {"common", kCommon},
    {"country", kCountry},
    {"region", kRegion},
    {"city", kCity},
    {"capital", kCapital},
    {"feature", kFeature},
    {"male", kMale},
    {"female", kFemale},
    {"prefix", kPrefix},
    {"suffix", kSuffix},
    {"block", kBlock},
    {"igo", kIgo},
    {"agency", kAgency},
    {"armed", kArmed},
    {"government", kGovernment},
    {"party", kParty},
    {"company", kCompany},
    {"university", kUniversity},
    {"sports", kSports},
    {"media", kMedia},
    {"ngo", kNgo},
    {"religious", kReligious},
};

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view EntryTypeName(EntryType type) {
  return kTypeNames[static_cast<std::size_t>(type)];
}

std::optional<EntryType> ParseEntryType(std::string_view name) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<EntryType>(i);
  }
  return std::nullopt;
}

std::optional<Label> EntityLabel(EntryType type) {
  switch (type) {
    case EntryType::kPerson:
      return Label::kPerson;
    case EntryType::kLocation:
      return Label::kLocation;
    case EntryType::kOrganization:
      return Label::kOrganization;
    default:
      return std::nullopt;
  }
}

std::optional<EntryFlag> ParseEntryFlag(std::string_view name) {
  for (const FlagName& f : kFlagNames) {
    if (f.name == name) return f.flag;
  }
  return std::nullopt;
}

std::string_view EntryFlagNames() {
  static const std::string names = [] {
    std::string s;
    for (const FlagName& f : kFlagNames) {
      if (!s.empty()) s += ", ";
      s += f.name;
    }
    return s;
  }();
  return names;
}

std::string ParseEntryLine(std::string_view line, Entry& entry, std::size_t& column) {
  // Bad UTF-8 anywhere in the line is an error at its column (looked for character by character
  // only in a line that has some: most lines are checked eight ASCII bytes at a time).
  for (std::size_t pos = text::CountInvalidBytes(line) == 0 ? line.size() : 0; pos < line.size();) {
    const int len = text::SequenceLength(line, pos);
    if (len == 0) {
      column = 1;
      for (std::size_t i = 0; i < pos; ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
      }
      return "invalid UTF-8 (byte 0x" +
             std::string(1, "0123456789abcdef"[static_cast<unsigned char>(line[pos]) >> 4]) +
             std::string(1, "0123456789abcdef"[static_cast<unsigned char>(line[pos]) & 15]) + ")";
    }
    pos += static_cast<std::size_t>(len);
  }
  thread_local std::vector<std::string_view> fields;
  SplitTabs(line, fields);
  if (fields.size() != 7 && fields.size() != 8) {
    column = 1;
    return "expected 7 tab-separated columns (surface, type, canonical, id, weight, country, "
           "flags), or 8 with a region, got " +
           std::to_string(fields.size());
  }
  entry = Entry{};
  entry.surface = Trimmed(fields[0]);
  if (entry.surface.empty() || entry.surface == "-") {
    column = 1;
    return "empty surface";
  }
  const auto type = ParseEntryType(fields[1]);
  if (!type) {
    column = FieldColumn(line, 1);
    std::string list;
    for (std::string_view t : kTypeNames) list += (list.empty() ? "" : ", ") + std::string(t);
    return "unknown type \"" + std::string(fields[1]) + "\" (expected one of " + list + ")";
  }
  entry.type = *type;
  const std::string_view canonical = Trimmed(fields[2]);
  entry.canonical = (canonical.empty() || canonical == "-") ? entry.surface : canonical;
  const std::string_view id = Trimmed(fields[3]);
  entry.id = (id == "-") ? std::string_view() : id;
  const std::string_view weight = Trimmed(fields[4]);
  if (weight != "-") {
    std::uint64_t w = 0;
    const auto [ptr, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), w);
    if (weight.empty() || ec != std::errc() || ptr != weight.data() + weight.size()) {
      column = FieldColumn(line, 4);
      return "weight \"" + std::string(weight) + "\" is not a non-negative integer";
    }
    entry.weight = w > std::numeric_limits<std::uint32_t>::max()
                       ? std::numeric_limits<std::uint32_t>::max()
                       : static_cast<std::uint32_t>(w);
  }
  const std::string_view country = Trimmed(fields[5]);
  if (country != "-") {
    if (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' || country[1] < 'A' ||
        country[1] > 'Z') {
      column = FieldColumn(line, 5);
      return "country \"" + std::string(country) +
             "\" is not an ISO 3166-1 alpha-2 code (two upper-case letters) or -";
    }
    entry.country[0] = country[0];
    entry.country[1] = country[1];
  }
  const std::string_view flags = Trimmed(fields[6]);
  if (flags != "-" && !flags.empty()) {
    std::size_t pos = 0;
    while (pos <= flags.size()) {
      std::size_t comma = flags.find(',', pos);
      if (comma == std::string_view::npos) comma = flags.size();
      const std::string_view name = Trimmed(flags.substr(pos, comma - pos));
      const auto flag = ParseEntryFlag(name);
      if (!flag) {
        column = FieldColumn(line, 6);
        return "unknown flag \"" + std::string(name) + "\" (expected " +
               std::string(EntryFlagNames()) + ")";
      }
      entry.flags |= *flag;
      pos = comma + 1;
    }
  }
  if (fields.size() == 8) {
    const std::string_view region = Trimmed(fields[7]);
    if (region.empty() || region.find(' ') != std::string_view::npos) {
      column = FieldColumn(line, 7);
      return "region \"" + std::string(region) +
             "\" is not an id (the id of a first-level division, without spaces) or -";
    }
    if (region != "-") entry.region = region;
  }
  if (entry.surface.back() == '.') entry.flags |= kEndsWithPeriod;
  return {};
}

bool PackEntry(const Entry& entry, std::string_view text, PackedEntry& packed) {
  auto place = [&](std::string_view s, std::uint32_t& offset, std::uint32_t& length) {
    offset = 0;
    length = 0;
    if (s.empty()) return true;
    const auto at = reinterpret_cast<std::uintptr_t>(s.data());
    const auto begin = reinterpret_cast<std::uintptr_t>(text.data());
    if (at < begin || at - begin > text.size() || s.size() > text.size() - (at - begin) ||
        at - begin + s.size() > 0xFFFFFFFFu) {
      return false;
    }
    offset = static_cast<std::uint32_t>(at - begin);
    length = static_cast<std::uint32_t>(s.size());
    return true;
  };
  packed = PackedEntry();
  if (!place(entry.surface, packed.surface_offset, packed.surface_length) ||
      !place(entry.canonical, packed.canonical_offset, packed.canonical_length) ||
      !place(entry.id, packed.id_offset, packed.id_length) ||
      !place(entry.region, packed.region_offset, packed.region_length)) {
    return false;
  }
  packed.weight = entry.weight;
  packed.flags = entry.flags;
  packed.line = entry.line;
  packed.capitals = entry.capitals;
  packed.file = entry.file;
  packed.country[0] = entry.country[0];
  packed.country[1] = entry.country[1];
  packed.type = entry.type;
  return true;
}

}  // namespace nerkit::internal
