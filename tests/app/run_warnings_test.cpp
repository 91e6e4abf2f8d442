// `drsim run` shows its warnings where people look: the count and the first five after the
// figures on stdout (each with its scenario line and entity), all of them on stderr.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;


namespace {

const std::string kFsl =
    "fsl_mw applies only to protocol firm_service_level; ignored for protocol baseline";

// `drsim ARGS` with only its stdout captured (stderr discarded), or with `only_stderr` only its stderr.
drsim::test::CliResult drsim_output(const std::string& args, bool only_stderr = false) {
  return drsim::test::run_shell("{ " + std::string(DRSIM_BINARY) + " " + args +
                                (only_stderr ? " 2>&1 >/dev/null; }" : " 2>/dev/null; }"));
}

// The format worked example (one warning: fsl_mw on a baseline resource, line 25) with `extra`
// emergencies whose levels are unknown in PY 2025-26 (one warning each, lines 33, 34, ...).
std::string scenario_with_warnings(const drsim::test::TempDir& dir, int extra) {
  const fs::path from = fs::path(DRSIM_SOURCE_DIR) / "scenarios/examples/format-worked-example";
  fs::copy(from, dir.path() / "s", fs::copy_options::recursive);
  const std::string path = dir / "s/scenario.yaml";
  std::string yaml = drsim::test::read_file(path);
  const std::string ev1 =
      "  - {id: EV-1, lbas: [AMMO], level: max_gen_event_step_2, start: 2025-07-15T14:00, end: 2025-07-15T20:00}\n";
  const auto at = yaml.find(ev1);
  REQUIRE(at != std::string::npos);
  std::string more;
  for (int i = 1; i <= extra; ++i) {
    more += "  - {id: EV-X" + std::to_string(i) + ", lbas: [AMMO], level: step_" + std::to_string(i) +
            "_unknown, start: 2025-08-1" + std::to_string(i) + "T14:00, end: 2025-08-1" + std::to_string(i) +
            "T20:00}\n";
  }
  yaml.insert(at + ev1.size(), more);
  std::ofstream(path, std::ios::binary) << yaml;
  return path;
}

}  // namespace

TEST_CASE("drsim run prints the warning count and each warning's line and entity after the figures") {
  drsim::test::TempDir dir;
  const std::string s = scenario_with_warnings(dir, 0);
  const auto r = drsim_output("run " + s + " --out " + (dir / "out"));  // stdout only
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("  disqualified                 none\n"
                   "  warnings                        1\n"
                   "    " + s + ":25: resources.DR-1: " + kFsl + "\n"
                   "outputs: ") != std::string::npos);
  // The warnings table and summary.json hold the same entity and line.
  SQLite::Database db(dir / "out/results.sqlite", SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT line, \"column\", entity, key FROM warnings");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 25);
  CHECK(q.getColumn(1).getInt() == 13);
  CHECK(q.getColumn(2).getString() == "resources.DR-1");
  CHECK(q.getColumn(3).getString() == "resources[0].fsl_mw");
  const std::string summary = drsim::test::read_file(dir / "out/summary.json");
  CHECK(summary.find("\"line\": 25,") != std::string::npos);
  CHECK(summary.find("\"entity\": \"resources.DR-1\"") != std::string::npos);
}

TEST_CASE("drsim run shows the first five warnings and how many more, and --quiet leaves them on stderr only") {
  drsim::test::TempDir dir;
  const std::string s = scenario_with_warnings(dir, 5);
  const auto r = drsim_output("run " + s + " --out " + (dir / "out"));
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("  warnings                        6\n    " + s + ":25: resources.DR-1: ") != std::string::npos);
  CHECK(r.out.find(s + ":36: emergencies.EV-X4: level 'step_4_unknown' is not a level of PY 2025-26") !=
        std::string::npos);
  CHECK(r.out.find("EV-X5") == std::string::npos);  // the sixth is counted, not shown
  CHECK(r.out.find("    ... and 1 more (all in summary.json, results.sqlite and report.html)\noutputs: ") !=
        std::string::npos);
  SQLite::Database db(dir / "out/results.sqlite", SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT group_concat(entity, ' ') FROM warnings");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() ==
        "resources.DR-1 emergencies.EV-X1 emergencies.EV-X2 emergencies.EV-X3 emergencies.EV-X4 emergencies.EV-X5");

  const auto quiet = drsim_output("run " + s + " --out " + (dir / "quiet") + " -q");
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  const auto err = drsim_output("run " + s + " --out " + (dir / "quiet2") + " -q", true);
  CHECK(err.out.find(s + ":37:38: warning: emergencies[5].level: level 'step_5_unknown'") != std::string::npos);
}

TEST_CASE("drsim run without warnings says none") {
  drsim::test::TempDir dir;
  const std::string s = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/scenario.yaml";
  const auto r = drsim_output("run " + s + " --out " + (dir / "out"));
  REQUIRE(r.status == 0);
  CHECK(r.out.find("  disqualified                 none\n  warnings                     none\noutputs: ") !=
        std::string::npos);
}

TEST_CASE("drsim run lists the hours to act on as warnings at their instructions' lines") {
  // missing-reporting: SI-1 (line 66) and SI-3 (line 68) have no advanced reporting at or
  // before their starts; SI-2 (line 67) only an entry after its start, which is ignored,
  // so it is both unreported and late. One warning per instruction and kind, hours listed.
  drsim::test::TempDir dir;
  const std::string s = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/missing-reporting/scenario.yaml";
  const auto r = drsim_output("run " + s + " --out " + (dir / "out"));
  INFO(r.out);
  REQUIRE(r.status == 0);
  const std::string noar = "no advanced reporting at or before the start: the full instruction is penalized";
  CHECK(r.out.find("  warnings                        4\n"
                   "    " + s + ":66: instructions.SI-1: " + noar + " (2025-07-15 HE16, HE17)\n"
                   "    " + s + ":68: instructions.SI-3: " + noar + " (2025-07-15 HE17)\n"
                   "    " + s + ":67: instructions.SI-2: " + noar + " (2025-07-22 HE16)\n"
                   "    " + s + ":67: instructions.SI-2: advanced reporting entered after the start, ignored "
                   "(2025-07-22 HE16)\n"
                   "outputs: ") != std::string::npos);
  SQLite::Database db(dir / "out/results.sqlite", SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT count(*), min(source), max(source), group_concat(entity, ' ') FROM warnings");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 4);
  CHECK(q.getColumn(1).getString() == "settlement");
  CHECK(q.getColumn(2).getString() == "settlement");
  CHECK(q.getColumn(3).getString() == "instructions.SI-1 instructions.SI-3 instructions.SI-2 instructions.SI-2");
  const std::string summary = drsim::test::read_file(dir / "out/summary.json");
  CHECK(summary.find("\"entity\": \"instructions.SI-3\",\n      \"source\": \"settlement\"") != std::string::npos);
  // The report lists them once, by flag, not again as scenario warnings.
  const std::string report = drsim::test::read_file(dir / "out/report.html");
  CHECK(report.find("Scenario warnings") == std::string::npos);
}
