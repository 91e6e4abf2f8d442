// Test helper: runs a shell command or the drsim binary as a user would, capturing its exit status and output.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace drsim::test {

struct CliResult {
  int status = -1;  // exit status, -1 when killed by a signal
  std::string out;  // stdout and stderr together
};

// Runs `command` through the shell (already quoted as needed), stderr joined to stdout.
inline CliResult run_shell(const std::string& command) {
  CliResult r;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) throw std::runtime_error("test: popen failed");
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int w = ::pclose(p);
  r.status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  return r;
}

#ifdef DRSIM_BINARY
// Runs `drsim ARGS` (ARGS already quoted as needed).
inline CliResult run_drsim(const std::string& args) { return run_shell(std::string(DRSIM_BINARY) + " " + args); }
// Runs `drsim ARGS` with its output discarded; its exit status, -1 when killed by a signal.
inline int drsim_status(const std::string& args) {
  const int w = std::system(("\"" + std::string(DRSIM_BINARY) + "\" " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(w) ? WEXITSTATUS(w) : -1;
}
#endif

}  // namespace drsim::test
