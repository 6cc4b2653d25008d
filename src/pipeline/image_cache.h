// The compiled-image cache: a built gazetteer saved to disk, so that the next load of the same
// dictionary files uses its tables instead of parsing and building them again. An image holds
// the texts of the dictionary files too: a load that finds one only digests the files (their
// size and a hash of their bytes, read through a small buffer) and maps the image, whose tables
// are used where they lie. The mapping is private (the file never changes) and shared with every
// other process that maps the same image, through the system's page cache.
//
// An image is keyed by a fingerprint of everything the built gazetteer depends on: the library's
// own sources (a hash taken at build time), the ICU version it runs with, and every loaded file's
// name, kind and digest. A changed dictionary, rule file, library or ICU gives another fingerprint
// and the image is rebuilt from the text files; there is one image per dictionary set (folder
// and extra files), overwritten when its fingerprint changes. Images are written to a temporary
// file and renamed into place, so concurrent loads never see half a file and an image mapped by
// a running process never changes under it (it keeps the replaced file); a damaged or
// unreadable image is ignored (the text files are parsed as if there were none) and any failure
// to write one is silent: the cache only ever saves time. A folder keeps at most kMaxImages
// images: after writing one, the least recently used others (by modification time, which a
// successful read renews) are removed, and so are temporary files that a process stopped while
// writing left behind.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/class_regex.h"
#include "core/source_file.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/extractor.h"

namespace nerkit::internal {

class ImageCache {
 public:
  // Dictionary sets smaller than this load from text about as fast as from an image: they are
  // not cached (which also keeps small in-memory test sets out of the cache).
  static constexpr std::size_t kMinBytes = std::size_t{1} << 20;
  // Images kept per cache folder (one per dictionary set: folder and extra files).
  static constexpr std::size_t kMaxImages = 8;
  // Age after which a temporary file is taken for one a stopped process left behind.
  static constexpr std::chrono::hours kStaleTemporary{1};

  // The cache for loading `files` (rule files flagged in `is_rules`) from the dictionary folder
  // `folder` (empty when none was loaded) with `options`; disabled when options.use_cache is
  // false, when no cache folder is known, or when the dictionary files are under kMinBytes.
  ImageCache(const LoadOptions& options, const std::filesystem::path& folder,
             const std::vector<SourceFile>& files, const std::vector<bool>& is_rules);

  bool enabled() const { return !file_.empty(); }
  const std::filesystem::path& file() const { return file_; }

  // Fills `gazetteer` (empty) from the image if there is one for exactly these files.
  bool Read(const std::vector<SourceFile>& files, Gazetteer& gazetteer) const;
  // Saves the built `gazetteer`; false if it could not (nothing is left behind). Then prunes the
  // folder (see above).
  bool Write(const std::vector<SourceFile>& files, const Gazetteer& gazetteer) const;

  // The states file beside `image` (file()); empty for none.
  static std::filesystem::path StatesFile(const std::filesystem::path& image);
  // Loads into each automaton its saved states from `file` (records in the order of
  // `automata`; one that does not fit its automaton is skipped). Returns the states taken.
  // Call after the automata are compiled, before they run.
  static std::size_t ReadStates(const std::filesystem::path& file,
                                const std::vector<ClassRegexSet*>& automata);
  // Saves the automata's states into `file` (a temporary file renamed into place); false if it
  // could not (nothing is left behind). May run while other threads use the automata.
  static bool WriteStates(const std::filesystem::path& file,
                          const std::vector<ClassRegexSet*>& automata);

  // The folder images go to: options.cache_dir if set; else $NERKIT_CACHE_DIR (the value "off"
  // turns caching off); else $XDG_CACHE_HOME/nerkit; else $HOME/.cache/nerkit; else none.
  static std::filesystem::path Directory(const LoadOptions& options);

 private:
  // Removes all but the kMaxImages most recently used images of the folder (this one is kept),
  // and stale temporary files.
  void Prune() const;

  std::filesystem::path file_;
  std::uint64_t fingerprint_[2] = {0, 0};
};

}  // namespace nerkit::internal
