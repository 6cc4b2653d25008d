// The compiled-image cache: a load through it gives exactly what a load from the text files
// gives; edited files, damaged images and unwritable folders are noticed and never change a
// result.
#define BOOST_TEST_MODULE image_cache
#include "pipeline/image_cache.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/image_io.h"
#include "nerkit/nerkit.h"
#include "pipeline/model.h"
#include "text/tokenizer.h"

namespace fs = std::filesystem;

namespace {

// A fresh, empty folder under the system's temporary folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() /
           ("nerkit-image-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// Everything a result says, one line per entity and cluster.
std::string Describe(const nerkit::Result& r) {
  std::string s;
  for (const nerkit::Entity& e : r.entities) {
    s += std::to_string(e.start) + "-" + std::to_string(e.end) + " " +
         std::string(nerkit::LabelName(e.label)) + " " + e.text + " | " + e.canonical + " | " +
         e.id + " | " + e.value + " | " + e.source + " | " + std::to_string(e.cluster) + "\n";
  }
  for (const nerkit::Cluster& c : r.clusters) {
    s += "cluster " + std::string(nerkit::LabelName(c.label)) + " " + c.name + " " +
         std::to_string(c.mentions.size()) + "\n";
  }
  return s;
}

std::vector<std::string> Articles() {
  std::vector<std::string> texts;
  for (const char* name : {"business", "cricket", "politics", "unicode"}) {
    texts.push_back(
        ReadFile(fs::path(NERKIT_TEST_DATA_DIR) / "golden" / (std::string(name) + ".txt")));
  }
  texts.push_back("Fighters entered Misurata and Sirt on Monday, the Associated Press said.");
  texts.push_back("Daesh, also known as Islamic State (IS), is us and AP said Zorblax Fenwick.");
  return texts;
}

std::string DescribeAll(const nerkit::Extractor& extractor) {
  std::string s;
  for (const std::string& text : Articles()) s += Describe(extractor.Extract(text)) + "--\n";
  return s;
}

nerkit::LoadOptions Options(const fs::path& cache, const fs::path& dictionaries = {}) {
  nerkit::LoadOptions options;
  options.cache_dir = cache;
  options.dictionaries = dictionaries;
  return options;
}

// Damaged copies of a cache file's `good` bytes, each with what was done to it: emptied, cut to
// its first `header` bytes, to half, one byte short or long, replaced by text, and one byte
// changed at each of `changed`.
std::vector<std::pair<std::string, std::string>> Damages(const std::string& good,
                                                         std::size_t header,
                                                         const std::vector<std::size_t>& changed) {
  std::vector<std::pair<std::string, std::string>> damages = {
      {"empty", ""},
      {"header only", good.substr(0, header)},
      {"truncated", good.substr(0, good.size() / 2)},
      {"one byte short", good.substr(0, good.size() - 1)},
      {"one byte more", good + "x"},
      {"text", std::string(good.size(), 'a')},
  };
  for (const std::size_t at : changed) {
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
    damages.emplace_back("byte " + std::to_string(at) + " changed", flipped);
  }
  return damages;
}

void ExpectSameInfo(const nerkit::ExtractorInfo& a, const nerkit::ExtractorInfo& b) {
  BOOST_TEST(a.dictionary_entries == b.dictionary_entries);
  BOOST_TEST(a.duplicate_entries == b.duplicate_entries);
  BOOST_TEST(a.blocked_entries == b.blocked_entries);
  BOOST_TEST(a.rules == b.rules);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_load_through_the_cache_equals_a_load_from_text) {
  TempDir cache("same");
  nerkit::LoadOptions text_options = Options(cache.path);
  text_options.use_cache = false;
  const nerkit::Extractor from_text = nerkit::Extractor::Load(text_options);
  BOOST_TEST(!from_text.info().loaded_from_cache);
  BOOST_TEST(fs::is_empty(cache.path));  // use_cache = false writes nothing

  const nerkit::Extractor first = nerkit::Extractor::Load(Options(cache.path));
  BOOST_TEST(!first.info().loaded_from_cache);
  BOOST_TEST(first.info().cache_file.parent_path() == cache.path);
  BOOST_TEST(fs::is_regular_file(first.info().cache_file));

  const nerkit::Extractor second = nerkit::Extractor::Load(Options(cache.path));
  BOOST_TEST(second.info().loaded_from_cache);
  BOOST_TEST(second.info().cache_file == first.info().cache_file);
  ExpectSameInfo(second.info(), from_text.info());

  const std::string expected = DescribeAll(from_text);
  BOOST_TEST(expected.find("Misurata") != std::string::npos);
  BOOST_TEST(DescribeAll(first) == expected);
  BOOST_TEST(DescribeAll(second) == expected);
  // Sources still name the dictionary lines.
  BOOST_TEST(Describe(second.Extract("Sirte")).find("dictionary:places.tsv:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_edited_dictionary_is_noticed) {
  TempDir cache("edit");
  TempDir dictionaries("edit-dictionaries");
  fs::copy(NERKIT_TEST_DICTIONARY_DIR, dictionaries.path, fs::copy_options::recursive);
  const std::string text = "Zorblaxia said on Monday that Zorblax Fenwick had left.";

  const nerkit::Extractor before = nerkit::Extractor::Load(Options(cache.path, dictionaries.path));
  BOOST_TEST(Describe(before.Extract(text)).find("Zorblaxia | zorblaxia-test") ==
             std::string::npos);
  // (This one uses the image where it lies, mapped; the image is replaced below.)
  const nerkit::Extractor mapped = nerkit::Extractor::Load(Options(cache.path, dictionaries.path));
  BOOST_TEST(mapped.info().loaded_from_cache);
  const std::string mapped_before = DescribeAll(mapped);

  // A user adds a line; the next load sees it, from the text, then from the new image.
  {
    std::ofstream out(dictionaries.path / "places.tsv", std::ios::app | std::ios::binary);
    out << "Zorblaxia\tLOCATION\tZorblaxia\tzorblaxia-test\t1000\t-\tprimary,country\n";
  }
  const nerkit::Extractor edited = nerkit::Extractor::Load(Options(cache.path, dictionaries.path));
  BOOST_TEST(!edited.info().loaded_from_cache);
  BOOST_TEST(Describe(edited.Extract(text)).find("Zorblaxia | zorblaxia-test") !=
             std::string::npos);
  const nerkit::Extractor again = nerkit::Extractor::Load(Options(cache.path, dictionaries.path));
  BOOST_TEST(again.info().loaded_from_cache);
  BOOST_TEST(Describe(again.Extract(text)) == Describe(edited.Extract(text)));
  // One image per dictionary set: the old one was replaced, not kept beside it; an extractor
  // that maps the old one is not changed by that.
  std::size_t images = 0;
  for (const auto& entry : fs::directory_iterator(cache.path)) images += entry.is_regular_file();
  BOOST_TEST(images == 1u);
  BOOST_TEST(DescribeAll(mapped) == mapped_before);

  // A rule file is part of the set too.
  {
    std::ofstream out(dictionaries.path / "rules" / "people.rules", std::ios::app);
    out << "symbol\tz\tzorblax\n";
  }
  const nerkit::Extractor rules_edited =
      nerkit::Extractor::Load(Options(cache.path, dictionaries.path));
  BOOST_TEST(!rules_edited.info().loaded_from_cache);
}

// A dictionary file is digested from disk (where an image may hold it) or from its bytes in
// memory (after reading it): both give the same digest, whatever its size against the blocks
// that digests hash, and another digest for other bytes.
BOOST_AUTO_TEST_CASE(a_file_digested_from_disk_equals_its_digest_in_memory) {
  using nerkit::internal::Digest;
  TempDir folder("digest");
  std::vector<char> buffer;
  constexpr std::size_t kBlock = std::size_t{256} << 10;
  for (const std::size_t size :
       {std::size_t{0}, std::size_t{1}, std::size_t{63}, kBlock - 1, kBlock, kBlock + 1,
        3 * kBlock + 17}) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 2654435761u) >> 13);
    const fs::path path = folder.path / ("file-" + std::to_string(size));
    WriteFile(path, bytes);
    const Digest in_memory = nerkit::internal::DigestOf(bytes);
    BOOST_TEST(in_memory.size == size);
    BOOST_TEST((nerkit::internal::DigestSourceFile(path.string(), buffer).digest == in_memory));
    BOOST_TEST((nerkit::internal::ReadSourceFile(path.string()).digest == in_memory));
    if (size > 0) {
      bytes[size / 2] = static_cast<char>(bytes[size / 2] ^ 1);
      BOOST_TEST(!(nerkit::internal::DigestOf(bytes) == in_memory));
    }
  }
  BOOST_CHECK_THROW(
      nerkit::internal::DigestSourceFile((folder.path / "missing.tsv").string(), buffer),
      nerkit::LoadError);
}

// The default dictionaries without their five largest files: still large enough to be cached,
// and built from text in a fraction of the time (the damaged-image test builds them a dozen times).
fs::path SmallerDictionaryFolder(const fs::path& where) {
  const fs::path from = nerkit::Extractor::DefaultDictionaryDir();
  fs::create_directories(where);
  for (const fs::directory_entry& entry : fs::directory_iterator(from)) {
    const std::string name = entry.path().filename().string();
    if (name == "places.tsv" || name == "surnames.tsv" || name == "words.tsv" ||
        name == "universities.tsv" || name == "given_names.tsv") {
      continue;
    }
    fs::copy(entry.path(), where / name, fs::copy_options::recursive);
  }
  return where;
}

BOOST_AUTO_TEST_CASE(a_damaged_image_is_ignored_and_rebuilt) {
  TempDir cache("damaged");
  TempDir folder("damaged-dictionaries");
  const fs::path dictionaries = SmallerDictionaryFolder(folder.path / "dictionaries");
  nerkit::LoadOptions text_options = Options(cache.path, dictionaries);
  text_options.use_cache = false;
  const std::string expected = DescribeAll(nerkit::Extractor::Load(text_options));
  BOOST_REQUIRE(expected.find("LOCATION") != std::string::npos);
  const nerkit::Extractor first = nerkit::Extractor::Load(Options(cache.path, dictionaries));
  BOOST_REQUIRE(!first.info().cache_file.empty());
  const fs::path image = first.info().cache_file;
  const std::string good = ReadFile(image);
  BOOST_REQUIRE(good.size() > 1000);

  const std::vector<std::pair<std::string, std::string>> damages =
      Damages(good, 40, {8, 20, 100, good.size() / 3, good.size() / 2, good.size() - 4});
  for (const auto& [what, bytes] : damages) {
    BOOST_TEST_CONTEXT(what) {
      WriteFile(image, bytes);
      const nerkit::Extractor loaded = nerkit::Extractor::Load(Options(cache.path, dictionaries));
      BOOST_TEST(!loaded.info().loaded_from_cache);
      BOOST_TEST(DescribeAll(loaded) == expected);
      // ... and the load put a good image back.
      const nerkit::Extractor again = nerkit::Extractor::Load(Options(cache.path, dictionaries));
      BOOST_TEST(again.info().loaded_from_cache);
      BOOST_TEST(DescribeAll(again) == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(an_unusable_cache_folder_changes_nothing) {
  TempDir cache("unusable");
  const fs::path file = cache.path / "a-file";
  WriteFile(file, "not a folder");
  nerkit::LoadOptions text_options = Options(cache.path);
  text_options.use_cache = false;
  const std::string expected = DescribeAll(nerkit::Extractor::Load(text_options));
  // A folder that cannot be created (a file is in the way): nothing is cached, all works.
  for (int i = 0; i < 2; ++i) {
    const nerkit::Extractor loaded = nerkit::Extractor::Load(Options(file / "cache"));
    BOOST_TEST(!loaded.info().loaded_from_cache);
    BOOST_TEST(DescribeAll(loaded) == expected);
  }
}

BOOST_AUTO_TEST_CASE(small_sets_and_off_are_not_cached) {
  TempDir cache("small");
  nerkit::LoadOptions options = Options(cache.path);
  options.load_dictionary_folder = false;
  options.extra_sources.push_back({"small.tsv", "Sirte\tLOCATION\t-\t-\t0\tLY\t-\n"});
  const nerkit::Extractor small = nerkit::Extractor::Load(options);
  BOOST_TEST(small.info().cache_file.empty());
  BOOST_TEST(fs::is_empty(cache.path));

  ::setenv("NERKIT_CACHE_DIR", "off", 1);
  const nerkit::Extractor off = nerkit::Extractor::Load();
  BOOST_TEST(off.info().cache_file.empty());
  BOOST_TEST(!off.info().loaded_from_cache);
  ::setenv("NERKIT_CACHE_DIR", cache.path.c_str(), 1);
  const nerkit::Extractor on = nerkit::Extractor::Load();
  BOOST_TEST(on.info().cache_file.parent_path() == cache.path);
}

// Every byte of a small gazetteer's image changed in turn, read without the checksum that the
// cache adds: the reader refuses or loads a consistent gazetteer, never reads out of bounds (run
// under AddressSanitizer in CI), and what it loads can match a document.
BOOST_AUTO_TEST_CASE(the_image_reader_checks_every_index) {
  nerkit::LoadOptions options;
  options.load_dictionary_folder = false;
  options.extra_sources.push_back(
      {"small.tsv",
       "Sirte\tLOCATION\t-\tgeonames:1\t100\tLY\tprimary,city\n"
       "Sirt\tLOCATION\tSirte\tgeonames:1\t100\tLY\talternate,city\n"
       "Associated Press\tORGANIZATION\t-\tap\t0\t-\tagency\n"
       "AP\tORGANIZATION\tAssociated Press\tap\t0\t-\tacronym,cs,agency\n"
       "Mohammed\tGIVEN_NAME\t-\t-\t900\t-\tmale\n"
       "al\tNAME_PARTICLE\t-\t-\t0\t-\t-\n"});
  const nerkit::Extractor extractor = nerkit::Extractor::Load(options);
  const nerkit::Extractor::Model& model = extractor.model();

  std::FILE* file = std::tmpfile();
  BOOST_REQUIRE(file);
  nerkit::internal::ImageWriter writer(file, 0);
  model.gazetteer.WriteImage(writer, model.files.size());
  BOOST_REQUIRE(writer.ok());
  const long size = std::ftell(file);
  BOOST_REQUIRE(size > 0);
  std::string image(static_cast<std::size_t>(size), '\0');
  std::rewind(file);
  BOOST_REQUIRE(std::fread(image.data(), 1, image.size(), file) == image.size());
  std::fclose(file);

  // The reader uses the image where it lies: in a buffer aligned as a mapping is, alive while
  // the gazetteer read from it is used.
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  const std::size_t rounded = (image.size() + 63) / 64 * 64;
  std::unique_ptr<char, Free> buffer(static_cast<char*>(std::aligned_alloc(64, rounded)));
  BOOST_REQUIRE(buffer);
  auto read = [&](const std::string& bytes, nerkit::internal::Gazetteer& g) {
    std::memcpy(buffer.get(), bytes.data(), bytes.size());
    nerkit::internal::ImageReader reader(buffer.get(), 0, bytes.size());
    return g.ReadImage(reader, model.files.size(), nullptr);
  };
  {
    nerkit::internal::Gazetteer g;
    BOOST_TEST(read(image, g));
    BOOST_TEST(g.entry_count() == model.gazetteer.entry_count());
  }
  std::size_t refused = 0;
  for (std::size_t at = 0; at < image.size(); ++at) {
    for (const unsigned char value : {0x00, 0xFF, 0x7F}) {
      std::string damaged = image;
      if (static_cast<unsigned char>(damaged[at]) == value) continue;
      damaged[at] = static_cast<char>(value);
      nerkit::internal::Gazetteer g;
      if (!read(damaged, g)) {
        ++refused;
        continue;
      }
      nerkit::internal::Scratch scratch;
      scratch.doc.Reset("Mohammed al-Sirt told the AP in Sirte and the Associated Press.");
      scratch.tokenizer.Tokenize(scratch.doc.text, scratch.doc.words);
      g.Match(scratch.doc);
      g.AddCandidates(scratch.doc, true);
    }
  }
  BOOST_TEST(refused > 0u);
}

// Several loads at once into an empty cache folder: each writes its own temporary file and
// renames it into place, so every load succeeds, all agree, and one good image remains.
BOOST_AUTO_TEST_CASE(concurrent_loads_share_the_cache, *boost::unit_test::label("threads")) {
  TempDir cache("concurrent");
  constexpr int kThreads = 4;
  std::vector<std::string> described(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      const nerkit::Extractor x = nerkit::Extractor::Load(Options(cache.path));
      described[static_cast<std::size_t>(i)] =
          Describe(x.Extract("Fighters entered Misurata and Sirt on Monday, the AP said."));
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 1; i < kThreads; ++i)
    BOOST_TEST(described[static_cast<std::size_t>(i)] == described[0]);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(cache.path)) files += entry.is_regular_file();
  BOOST_TEST(files == 1u);  // no temporary file left behind
  BOOST_TEST(nerkit::Extractor::Load(Options(cache.path)).info().loaded_from_cache);
}

// A cache folder keeps the most recently used images and no temporary file that a stopped
// process left behind; reading an image counts as a use.
BOOST_AUTO_TEST_CASE(the_cache_folder_keeps_the_most_recently_used_images) {
  TempDir cache("prune");
  const auto now = fs::file_time_type::clock::now();
  // Nine images of other dictionary sets, the first the most recently used.
  std::vector<fs::path> others;
  for (int i = 0; i < 9; ++i) {
    const fs::path p = cache.path / ("gazetteer-00000000000000" + std::to_string(10 + i) + ".img");
    WriteFile(p, "image of another set");
    fs::last_write_time(p, now - std::chrono::hours(1 + i));
    others.push_back(p);
  }
  const fs::path stale = cache.path / "gazetteer-0000000000000099.img.tmp-1-0";
  WriteFile(stale, "left behind");
  fs::last_write_time(stale, now - std::chrono::hours(3));
  const fs::path fresh = cache.path / "gazetteer-0000000000000098.img.tmp-2-0";
  WriteFile(fresh, "being written");
  const fs::path unrelated = cache.path / "notes.txt";
  WriteFile(unrelated, "not an image");
  // The saved states of the oldest image and of one kept.
  const fs::path oldest_states = fs::path(others.back()).replace_extension(".states");
  const fs::path kept_states = fs::path(others.front()).replace_extension(".states");
  WriteFile(oldest_states, "states");
  WriteFile(kept_states, "states");
  const fs::path stale_states = cache.path / "gazetteer-0000000000000097.states.tmp-1-0";
  WriteFile(stale_states, "left behind");
  fs::last_write_time(stale_states, now - std::chrono::hours(3));

  const nerkit::Extractor first = nerkit::Extractor::Load(Options(cache.path));
  BOOST_TEST(!first.info().loaded_from_cache);
  const fs::path mine = first.info().cache_file;
  BOOST_REQUIRE(fs::exists(mine));
  std::size_t images = 0;
  for (const auto& entry : fs::directory_iterator(cache.path)) {
    images += entry.path().extension() == ".img";
  }
  BOOST_TEST(images == nerkit::internal::ImageCache::kMaxImages);
  for (std::size_t i = 0; i < others.size(); ++i) {
    BOOST_TEST(fs::exists(others[i]) == (i + 1 < nerkit::internal::ImageCache::kMaxImages),
               others[i]);
  }
  BOOST_TEST(!fs::exists(stale));
  BOOST_TEST(fs::exists(fresh));
  BOOST_TEST(fs::exists(unrelated));
  BOOST_TEST(!fs::exists(oldest_states));
  BOOST_TEST(fs::exists(kept_states));
  BOOST_TEST(!fs::exists(stale_states));

  // An image read is used: it becomes the most recent of the folder.
  fs::last_write_time(mine, now - std::chrono::hours(100));
  const nerkit::Extractor second = nerkit::Extractor::Load(Options(cache.path));
  BOOST_TEST(second.info().loaded_from_cache);
  BOOST_TEST((fs::last_write_time(mine) > now - std::chrono::minutes(10)));
}

// The rule automata's states: an extractor that built many saves them beside its image when it
// is destroyed, and the next load reads them, with the same results. A process that built few
// leaves the file alone; use_saved_states = false neither reads nor writes it; a damaged file
// changes no result.
BOOST_AUTO_TEST_CASE(the_automata_states_are_saved_beside_the_image_and_read) {
  TempDir cache("states");
  const nerkit::LoadOptions options = Options(cache.path);
  std::string expected;
  fs::path states;
  {
    const nerkit::Extractor first = nerkit::Extractor::Load(options);
    BOOST_TEST(first.info().cached_states == 0u);
    BOOST_REQUIRE(!first.info().cache_file.empty());
    states = fs::path(first.info().cache_file).replace_extension(".states");
    expected = DescribeAll(first);
    BOOST_TEST(!fs::exists(states));  // written when the extractor ends
  }
  BOOST_REQUIRE(fs::is_regular_file(states));
  const std::string good = ReadFile(states);
  std::size_t loaded = 0;
  {
    const nerkit::Extractor second = nerkit::Extractor::Load(options);
    loaded = second.info().cached_states;
    BOOST_TEST(loaded > nerkit::Extractor::Model::kNewStatesToSave);
    BOOST_TEST(DescribeAll(second) == expected);
  }
  BOOST_TEST(ReadFile(states) == good);  // the same texts built nothing new: not written again

  nerkit::LoadOptions without = options;
  without.use_saved_states = false;
  fs::remove(states);
  {
    const nerkit::Extractor cold = nerkit::Extractor::Load(without);
    BOOST_TEST(cold.info().cached_states == 0u);
    BOOST_TEST(DescribeAll(cold) == expected);
  }
  BOOST_TEST(!fs::exists(states));

  const std::vector<std::pair<std::string, std::string>> damages =
      Damages(good, 8, {3, 9, 40, good.size() / 3, good.size() / 2, good.size() - 4});
  for (const auto& [what, bytes] : damages) {
    BOOST_TEST_CONTEXT(what) {
      WriteFile(states, bytes);
      const nerkit::Extractor damaged = nerkit::Extractor::Load(options);
      BOOST_TEST(damaged.info().cached_states < loaded);
      BOOST_TEST(DescribeAll(damaged) == expected);
    }
  }
}
