// What the tests of the nerkit-extract tool share: a scratch folder, files in it, and running the
// tool (or a shell pipeline around it) with its output, errors and exit status captured.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace nerkit_test {

namespace fs = std::filesystem;

// The tool under test, built alongside the tests.
inline const std::string kTool = NERKIT_EXTRACT_BINARY;

struct Run {
  int status = -1;  // the exit status, -1 when killed by a signal
  std::string out;
  std::string err;
};

// A scratch folder per test process.
inline fs::path Scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("nerkit-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline fs::path WriteFile(const std::string& name, const std::string& content) {
  const fs::path p = Scratch() / name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

// Runs `script` with bash (so pipelines and ${PIPESTATUS} work, and quotes need no escaping),
// capturing its standard output and standard error.
inline Run Bash(const std::string& script) {
  const fs::path file = WriteFile("command.sh", script + "\n");
  const fs::path out = Scratch() / "out.txt";
  const fs::path err = Scratch() / "err.txt";
  const std::string command =
      "bash '" + file.string() + "' > '" + out.string() + "' 2> '" + err.string() + "'";
  const int raw = std::system(command.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

inline std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace nerkit_test
