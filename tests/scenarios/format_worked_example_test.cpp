// The worked example of format.md, verbatim (scenarios/examples/format-worked-example): it loads with one
// warning (fsl_mw on a baseline resource), and `drsim run` prints it and lists it in summary.json and report.html.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_files.hpp"
#include "tests/support/text_files.hpp"

namespace {

struct WorkedRun {
  int status = -1;
  std::string err;  // stderr
};

WorkedRun run(const std::string& args, const std::string& err_file) {
  // From the project folder, so the scenario path in messages is the relative one.
  const std::string cmd = std::string("cd ") + DRSIM_SOURCE_DIR + " && " + DRSIM_BINARY + " " + args +
                          " >/dev/null 2>" + err_file;
  WorkedRun r;
  const int w = std::system(cmd.c_str());
  r.status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  r.err = drsim::test::read_file(err_file);
  return r;
}

const std::string kExample = "scenarios/examples/format-worked-example/scenario.yaml";
// Line 25 of the verbatim block is `    fsl_mw: 2.0   # firm_service_level only ...`: the value at column 13.
const std::string kWarning = kExample + ":25:13: warning: resources[0].fsl_mw: fsl_mw applies only to protocol "
                                        "firm_service_level; ignored for protocol baseline";

}  // namespace

TEST_CASE("format worked example: scenario.yaml is the yaml block of format.md, byte for byte") {
  const std::string spec = std::string(DRSIM_SOURCE_DIR) + "/../shared/spec/format.md";
  if (!std::filesystem::exists(spec)) {
    WARN("no " << spec << " beside the project: comparison skipped");
    return;
  }
  const std::string md = drsim::test::read_file(spec);
  const auto open = md.find("```yaml\n");
  REQUIRE(open != std::string::npos);
  const auto begin = open + 8;
  const auto close = md.find("```\n", begin);
  REQUIRE(close != std::string::npos);
  CHECK(drsim::test::read_file(std::string(DRSIM_SOURCE_DIR) + "/" + kExample) == md.substr(begin, close - begin));
}

TEST_CASE("format worked example: drsim run prints its warning and lists it in summary.json and report.html") {
  drsim::test::TempDir dir;
  const std::string out = dir / "out";
  const WorkedRun r = run("run " + kExample + " --out " + out + " --quiet", dir / "stderr.txt");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err == kWarning + "\n");
  // Allocation hour by hour on lse_load 900 / 80 / 20 MWh (the shares 0.90 / 0.08 / 0.02):
  //   HE17 823.00 -> 740.70 / 65.84 / 16.46; HE18 3926.00 -> 3533.40 / 314.08 / 78.52;
  //   HE19 1553.75 -> 1398.375 / 124.30 / 31.075, the spare cent to LSE-A (tie, sorts first): 1398.38 / 124.30 / 31.07.
  //   LSE-A 5672.48, LSE-B 504.22, LSE-C 126.05 (format.md).
  CHECK(drsim::test::read_file(out + "/allocation.csv") == "lse_id,amount_usd\nLSE-A,5672.48\nLSE-B,504.22\nLSE-C,126.05\n");
  const std::string summary = drsim::test::read_file(out + "/summary.json");
  CHECK(summary.find("\"warnings\": [") != std::string::npos);
  CHECK(summary.find("\"text\": \"" + kWarning + "\"") != std::string::npos);
  CHECK(summary.find("\"line\": 25") != std::string::npos);
  const std::string html = drsim::test::read_file(out + "/report.html");
  CHECK(html.find(kWarning) != std::string::npos);
  // The emergency's level with its label in PY 2025-26.
  CHECK(html.find("Level Max Gen Event Step 2 (max_gen_event_step_2)") != std::string::npos);
}

TEST_CASE("format worked example: validate and check print the same warning") {
  drsim::test::TempDir dir;
  const WorkedRun v = run("validate " + kExample, dir / "v.txt");
  CHECK(v.status == 0);
  CHECK(v.err == kWarning + "\n");
  const WorkedRun c = run("check " + kExample, dir / "c.txt");
  CHECK(c.status == 0);
  CHECK(c.err == kWarning + "\n");
}
