// Helpers of the reports tests: temporary folders, running the drsim CLI, reading files, editing scenarios.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

namespace drsim::test {

namespace fs = std::filesystem;

inline void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line in `cwd`, capturing its output and exit status.
inline CommandResult run_command(const std::string& command, const fs::path& cwd) {
  // One log per process and call: tests run in parallel (ctest -j) and may share `cwd` (the temp folder).
  static std::atomic<int> calls{0};
  const fs::path log = cwd / (".command-output-" + std::to_string(::getpid()) + "-" + std::to_string(calls++));
  const std::string line = "cd " + shell_quote(cwd.string()) + " && " + command + " > " + shell_quote(log.string()) + " 2>&1";
  const int raw = std::system(line.c_str());
  CommandResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.output = fs::exists(log) ? read_file(log) : "";
  fs::remove(log);
  return r;
}

// Runs the drsim CLI with `args` (already quoted where needed).
inline CommandResult run_drsim(const std::string& args, const fs::path& cwd) {
  return run_command(shell_quote(DRSIM_BINARY) + " " + args, cwd);
}

// Copies scenarios/examples/<name> to `dir`/<as>; returns the scenario file there.
inline fs::path copy_example(const std::string& name, const fs::path& dir, const std::string& as) {
  const fs::path from = fs::path(DRSIM_SOURCE_DIR) / "scenarios" / "examples" / name;
  fs::copy(from, dir / as, fs::copy_options::recursive);
  return dir / as / "scenario.yaml";
}

// Replaces the first `from` in the file with `to`; throws when `from` is absent (the test is stale).
inline void edit_file(const fs::path& p, const std::string& from, const std::string& to) {
  std::string text = read_file(p);
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error(p.string() + ": no \"" + from + "\" to replace");
  text.replace(at, from.size(), to);
  write_text(p, text);
}

}  // namespace drsim::test
