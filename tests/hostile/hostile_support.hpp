// Test helpers for hostile inputs: a temp folder, running the drsim CLI, editing the worked example.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace drsim::hostile {

// A fresh folder per test, removed afterwards (tests/support/temp_dir.hpp).
using TempDir = drsim::test::TempDir;

using drsim::test::CliResult;
using drsim::test::run_drsim;
using drsim::test::read_file;

struct Measured {
  int status = -1;      // exit status, -1 when killed by a signal
  long max_rss_kb = 0;  // peak resident memory of the drsim process itself
  double seconds = 0;   // wall time
  std::string out;      // stdout and stderr together
};

// Runs drsim with `args` (no shell) in a child and measures that one process with wait4.
inline Measured drsim_measured(const std::vector<std::string>& args, const std::string& log_path) {
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(DRSIM_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(DRSIM_BINARY, argv.data());
    ::_exit(127);
  }
  Measured m;
  int w = 0;
  struct rusage ru {};
  ::wait4(pid, &w, 0, &ru);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  m.status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  m.max_rss_kb = ru.ru_maxrss;
  m.out = read_file(log_path);
  return m;
}

inline std::string sh_quote(const std::string& s) { return "'" + s + "'"; }

inline std::string source_path(const std::string& rel) { return std::string(DRSIM_SOURCE_DIR) + "/" + rel; }

// The worked example (docs/format.md) as text, and copies of its data/ CSVs written into `dir`.
inline std::string worked_example() { return read_file(source_path("scenarios/examples/worked-example/scenario.yaml")); }
inline void copy_worked_data(const TempDir& dir) {
  for (const char* f : {"lmp.csv", "meter.csv", "baseline.csv"}) {
    dir.write(std::string("data/") + f, read_file(source_path("scenarios/examples/worked-example/data/") + f));
  }
}

// `text` with the one occurrence of `from` replaced by `to` (throws when `from` is not there).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test: '" + from + "' not found");
  text.replace(at, from.size(), to);
  return text;
}

// The worked example with `from` replaced by `to`, written to `dir`/s.yaml with its data beside it.
inline std::string edited(const TempDir& dir, const std::string& from, const std::string& to) {
  copy_worked_data(dir);
  return dir.write("s.yaml", replaced(worked_example(), from, to));
}

// The scenario at `path` is refused by `drsim validate` and by `drsim run` with exit
// status 2, each printing `expected` (a whole problem line, location first), and
// `run` leaves no output folder behind (not even a hidden partial one).
inline void expect_refused(const TempDir& dir, const std::string& path, const std::string& expected) {
  const CliResult v = run_drsim("validate " + sh_quote(path));
  INFO(v.out);
  CHECK(v.status == 2);
  CHECK(v.out.find(expected) != std::string::npos);
  const std::string out = dir / "out";
  const CliResult r = run_drsim("run " + sh_quote(path) + " --out " + sh_quote(out));
  INFO(r.out);
  CHECK(r.status == 2);
  CHECK(r.out.find(expected) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    CHECK(e.path().filename().string().rfind(".out.", 0) != 0);  // no .out.partial-PID left
  }
}

}  // namespace drsim::hostile
