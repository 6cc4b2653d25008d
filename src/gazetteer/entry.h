// Dictionary entries: one line of a dictionary file, parsed and validated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nerkit/entity.h"

namespace nerkit::internal {

enum class EntryType : std::uint8_t {
  kPerson,
  kLocation,
  kOrganization,
  kGivenName,
  kSurname,
  kTitle,
  kDemonym,
  kOrgHead,
  kLocHead,
  kNameParticle,
  kWord,
};
inline constexpr int kEntryTypeCount = 11;

std::string_view EntryTypeName(EntryType type);
std::optional<EntryType> ParseEntryType(std::string_view name);
inline constexpr std::uint32_t TypeBit(EntryType type) { return 1u << static_cast<unsigned>(type); }
// Entity types are returned as entities of a label; the others are evidence.
std::optional<Label> EntityLabel(EntryType type);

enum EntryFlag : std::uint32_t {
  kPrimary = 1u << 0,
  kAscii = 1u << 1,
  kAlternate = 1u << 2,
  kAcronym = 1u << 3,
  kCaseSensitive = 1u << 4,  // "cs"
  kCommon = 1u << 5,
  kCountry = 1u << 6,
  kRegion = 1u << 7,
  kCity = 1u << 8,
  kCapital = 1u << 9,
  kFeature = 1u << 10,
  kMale = 1u << 11,
  kFemale = 1u << 12,
  kPrefix = 1u << 13,
  kSuffix = 1u << 14,
  kBlock = 1u << 15,
  // Kinds of organisation (informative).
  kIgo = 1u << 16,
  kAgency = 1u << 17,
  kArmed = 1u << 18,
  kGovernment = 1u << 19,
  kParty = 1u << 20,
  kCompany = 1u << 21,
  kUniversity = 1u << 22,
  kSports = 1u << 23,
  kMedia = 1u << 24,
  kNgo = 1u << 25,
  kReligious = 1u << 26,
  // Set by the loader, not written in files.
  kEndsWithPeriod = 1u << 29,  // the surface ends with "." (U.S., Corp.)
  kFirstLower = 1u << 30,      // the surface starts with a lower-case word (al-Qaida)
};

// Parses one flag name ("cs", "primary", ...); nullopt if unknown.
std::optional<EntryFlag> ParseEntryFlag(std::string_view name);
// Comma-separated list of every flag name, for error messages.
std::string_view EntryFlagNames();

// One dictionary line. Strings are views into the loaded file, which the model keeps alive.
struct Entry {
  std::string_view surface;
  std::string_view canonical;  // == surface when the file said "-"
  std::string_view id;         // empty when "-"
  std::string_view region;     // id of the first-level division a place lies in (the optional
                               // eighth column); empty when "-" or absent
  std::uint32_t weight = 0;
  std::uint32_t flags = 0;
  std::uint32_t line = 0;
  std::uint32_t capitals = 0;  // bit k: the k-th word of the surface is capitalised (set by the
                               // loader; a name matches only where those words are not lower case)
  std::uint16_t file = 0;      // index into the model's file list
  char country[2] = {0, 0};    // {0, 0} when "-"
  EntryType type = EntryType::kWord;

  bool Has(EntryFlag flag) const { return (flags & flag) != 0; }
  std::string_view Country() const {
    return country[0] ? std::string_view(country, 2) : std::string_view();
  }
};

// An entry as the gazetteer keeps it: its strings as (offset, length) in the text of its file, so
// that the same bytes serve in memory and in a mapped image. Gazetteer::entry() gives the Entry.
struct PackedEntry {
  std::uint32_t surface_offset = 0;
  std::uint32_t surface_length = 0;
  std::uint32_t canonical_offset = 0;
  std::uint32_t canonical_length = 0;
  std::uint32_t id_offset = 0;
  std::uint32_t id_length = 0;
  std::uint32_t region_offset = 0;
  std::uint32_t region_length = 0;
  std::uint32_t weight = 0;
  std::uint32_t flags = 0;
  std::uint32_t line = 0;
  std::uint32_t capitals = 0;
  std::uint16_t file = 0;
  char country[2] = {0, 0};
  EntryType type = EntryType::kWord;
  std::uint8_t unused[3] = {0, 0, 0};  // (written as zeros)

  bool Has(EntryFlag flag) const { return (flags & flag) != 0; }
  std::string_view Country() const {
    return country[0] ? std::string_view(country, 2) : std::string_view();
  }
  // Its strings, in `text` (its file's).
  std::string_view Canonical(std::string_view text) const {
    return View(text, canonical_offset, canonical_length);
  }
  std::string_view Id(std::string_view text) const { return View(text, id_offset, id_length); }
  std::string_view Region(std::string_view text) const {
    return View(text, region_offset, region_length);
  }
  // The entry, its strings in `text`.
  Entry Unpack(std::string_view text) const {
    Entry e;
    e.surface = View(text, surface_offset, surface_length);
    e.canonical = View(text, canonical_offset, canonical_length);
    e.id = View(text, id_offset, id_length);
    e.region = View(text, region_offset, region_length);
    e.weight = weight;
    e.flags = flags;
    e.line = line;
    e.capitals = capitals;
    e.file = file;
    e.country[0] = country[0];
    e.country[1] = country[1];
    e.type = type;
    return e;
  }

 private:
  static std::string_view View(std::string_view text, std::uint32_t offset, std::uint32_t length) {
    return length == 0 ? std::string_view() : std::string_view(text.data() + offset, length);
  }
};
static_assert(sizeof(PackedEntry) == 56);  // (no padding the compiler adds: the image holds it)
static_assert(sizeof(EntryType) == 1);

// `entry` packed; its strings must lie in `text` (the line it was parsed from lies there), at
// offsets below 4 GiB. False if they do not.
bool PackEntry(const Entry& entry, std::string_view text, PackedEntry& packed);

// Parses a line of a dictionary file (seven columns, or eight with a region) into `entry` (file
// index left to the caller).
// Returns an empty string on success, or the error message and sets `column` (1-based).
std::string ParseEntryLine(std::string_view line, Entry& entry, std::size_t& column);

}  // namespace nerkit::internal
