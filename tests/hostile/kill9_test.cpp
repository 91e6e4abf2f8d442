// kill -9 safety: a run killed at any moment leaves its output folder absent or complete, never half-written.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hostile_support.hpp"

using namespace drsim::hostile;
namespace fs = std::filesystem;

namespace {

pid_t start_run(const std::string& scenario, const std::string& out, const std::string& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execl(DRSIM_BINARY, DRSIM_BINARY, "run", "-q", scenario.c_str(), "--out", out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> hidden_partials(const fs::path& parent) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(parent)) {
    const std::string n = e.path().filename().string();
    if (n.rfind(".out.partial-", 0) == 0) names.push_back(n);
  }
  return names;
}

}  // namespace

TEST_CASE("kill -9: a run killed at random moments leaves its output folder absent or complete") {
  TempDir dir;
  const CliResult g = run_drsim("generate --resources 300 --days 120 --seed 9 --out " + sh_quote(dir / "gen"));
  INFO(g.out);
  REQUIRE(g.status == 0);
  const std::string scenario = dir / "gen/scenario.yaml";

  // A whole run first: the reference listing, summary.json and how long a run takes here.
  const auto t0 = std::chrono::steady_clock::now();
  const Measured full = drsim_measured({"run", "-q", scenario, "--out", dir / "ref"}, dir / "ref.log");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  INFO(full.out);
  REQUIRE(full.status == 0);
  const auto expected = listing(dir.path() / "ref");
  REQUIRE(expected.size() >= 8);  // the CSVs, summary.json, results.sqlite (and report files when written)
  const std::string summary = read_file(dir / "ref/summary.json");

  std::mt19937 rng(20250715);  // fixed seed: the same moments on every run of the test
  std::uniform_real_distribution<double> moment(0.0, 1.1);
  int absent = 0, complete = 0;
  for (int trial = 0; trial < 6; ++trial) {
    const std::string out = dir / "out";
    fs::remove_all(out);
    const double at = moment(rng) * seconds;
    const pid_t pid = start_run(scenario, out, dir / "run.log");
    std::this_thread::sleep_for(std::chrono::duration<double>(at));
    ::kill(pid, SIGKILL);
    int w = 0;
    ::waitpid(pid, &w, 0);
    INFO("trial " << trial << ": killed after " << at << " s of a " << seconds << " s run");
    if (!fs::exists(out)) {
      ++absent;
      continue;
    }
    ++complete;
    CHECK(listing(out) == expected);
    CHECK(read_file(out + "/summary.json") == summary);  // runs are reproducible, so a complete folder is this one
  }
  WARN("kill -9 trials over a " << seconds << " s run: " << absent << " left no folder, " << complete
                               << " a complete one");

  // A later run into the same folder cleans up the hidden partial folders of killed runs.
  fs::remove_all(dir / "out");
  const CliResult again = run_drsim("run -q " + sh_quote(scenario) + " --out " + sh_quote(dir / "out"));
  CHECK(again.status == 0);
  CHECK(listing(dir.path() / "out") == expected);
  CHECK(hidden_partials(dir.path()).empty());
}
