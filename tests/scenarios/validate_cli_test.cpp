// Runs `drsim validate` as a user would: exit status and output of a good and a broken file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "temp_files.hpp"
#include "tests/support/cli.hpp"

namespace {

using Run = drsim::test::CliResult;

Run run(const std::string& args) { return drsim::test::run_drsim(args); }

std::string example(const std::string& name) {
  return std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/" + name + "/scenario.yaml";
}

}  // namespace

TEST_CASE("drsim validate: the worked example is valid") {
  const Run r = run("validate " + example("worked-example"));
  CHECK(r.status == 0);
  // 1 resource, 1 instruction; 4 LMP hours + 24 baseline hours; 4 meter rows.
  CHECK(r.out == "ok: Zone 5 heat event, July 2025: 1 resource, 1 instruction, 28 series hours, 4 meter rows\n");
}

TEST_CASE("drsim validate: the untested worked example is valid") {
  CHECK(run("validate " + example("worked-example-untested")).status == 0);
}

TEST_CASE("drsim validate: a file with five mistakes prints five problems and exits 2") {
  std::ifstream in(example("worked-example"));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string yaml = ss.str();
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  };
  replace("notification_h: 2, max_interruptions: 5", "notification_h: 13, max_interruptions: 5");
  replace("    cpnode: AMMO.DR1", "    cpnod: AMMO.DR1");
  replace("end: 2025-07-15T19:00", "end: 2025-07-15T25:00");
  replace("failure_separation_h: 24", "failure_separaton_h: 24");
  replace("{id: LSE-B, lba: AMMO,", "{id: LSE-B, lba: AMMX,");
  drsim::test::TempDir dir;
  const std::string src = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/data/";
  for (const char* f : {"lmp.csv", "meter.csv", "baseline.csv"}) {
    std::ifstream csv(src + f);
    std::stringstream c;
    c << csv.rdbuf();
    dir.write(std::string("data/") + f, c.str());
  }
  const std::string path = dir.write("five.yaml", yaml);
  const Run r = run("validate " + path);
  CHECK(r.status == 2);
  // Six lines (the file opens with a 10-line comment): the misspelt cpnode is unknown and leaves cpnode missing.
  const std::string p = path + ":";
  CHECK(r.out == p + "16:3: rules.failure_separaton_h: unknown rule key 'failure_separaton_h' (did you mean "
                     "'failure_separation_h'?)\n" +
                 p + "25:22: lses[1].lba: no lba 'AMMX' is defined (did you mean 'AMMO'?)\n" +
                 p + "28:5: resources[0].cpnode: required key is missing\n" +
                 p + "33:5: resources[0].cpnod: unknown key 'cpnod' (did you mean 'cpnode'?)\n" +
                 p + "38:48: resources[0].seasons.summer.notification_h: notification time 13 h is above the "
                     "limit of 12 h\n" +
                 p + "48:10: instructions[0].end: bad time '2025-07-15T25:00': hour 25 is outside 0..23\n");
}

TEST_CASE("drsim validate: a missing file exits 2") {
  const Run r = run("validate /nonexistent/drsim/scenario.yaml");
  CHECK(r.status == 2);
  CHECK(r.out == "/nonexistent/drsim/scenario.yaml: cannot open the file: No such file or directory\n");
}

namespace {

// The worked example copied into `dir`, its lmp.csv replaced by `lmp` and `edit` applied to the YAML.
std::string worked_copy(drsim::test::TempDir& dir, const std::string& lmp,
                        const std::pair<std::string, std::string>& edit = {}) {
  const std::string src = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/";
  for (const char* f : {"data/meter.csv", "data/baseline.csv", "scenario.yaml"}) {
    std::ifstream in(src + f);
    std::stringstream c;
    c << in.rdbuf();
    std::string text = c.str();
    if (std::string(f) == "scenario.yaml" && !edit.first.empty()) {
      const auto at = text.find(edit.first);
      REQUIRE(at != std::string::npos);
      text.replace(at, edit.first.size(), edit.second);
    }
    dir.write(f, text);
  }
  dir.write("data/lmp.csv", lmp);
  return (dir.path() / "scenario.yaml").string();
}

}  // namespace

TEST_CASE("drsim validate: an hour that carries no charge needs no price (rules.md 4.7, v1.2)") {
  // HE16 (15:00) delivers the full 10 MW, so its LMP row may be left out; the three charged hours keep theirs
  // and the figures are the worked example's: 2 x 410 + 4 x 980 + 2.5 x 620 = 6290.00, RSG 12.75.
  drsim::test::TempDir dir;
  const std::string path = worked_copy(dir, "cpnode,hour_start,usd_per_mwh\nAMMO.DR1,2025-07-15T16:00,410\n"
                                            "AMMO.DR1,2025-07-15T17:00,980\nAMMO.DR1,2025-07-15T18:00,620\n");
  CHECK(run("validate " + path).status == 0);
  const Run c = run("check " + path + " --out " + (dir.path() / "out").string());
  INFO(c.out);
  CHECK(c.status == 0);
}

TEST_CASE("drsim validate: reports exactly what drsim run meets, for errors only a run finds") {
  // Each file loads cleanly, but settling or simulating it fails: validate must fail the same way
  // (one code path), and run must write nothing.
  struct Case {
    std::string name, lmp;
    std::pair<std::string, std::string> edit;
    std::string expected;  // part of the message
  };
  const std::string header = "cpnode,hour_start,usd_per_mwh\n";
  const std::vector<Case> cases = {
      // HE18 falls 4 MW short and has no price.
      {"charged hour without LMP", header + "AMMO.DR1,2025-07-15T15:00,250\nAMMO.DR1,2025-07-15T16:00,410\n"
                                            "AMMO.DR1,2025-07-15T18:00,620\n",
       {}, "no LMP at cpnode AMMO.DR1 for charged hour 2025-07-15T17:00"},
      // Without the baseline series the default baseline needs ten eligible days of meter history; the
      // meter holds four hours of one day.
      {"default baseline without history", header + "AMMO.DR1,2025-07-15T15:00,250\nAMMO.DR1,2025-07-15T16:00,410\n"
                                                     "AMMO.DR1,2025-07-15T17:00,980\nAMMO.DR1,2025-07-15T18:00,620\n",
       {"  baseline: {csv: data/baseline.csv}\n", ""}, "eligible baseline days"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      drsim::test::TempDir dir;
      const std::string path = worked_copy(dir, c.lmp, c.edit);
      const Run v = run("validate " + path);
      const std::string out = (dir.path() / "out").string();
      const Run r = run("run " + path + " --out " + out + " --quiet");
      INFO(v.out);
      CHECK(v.status == 2);
      CHECK(r.status == 2);
      CHECK(v.out.find(c.expected) != std::string::npos);
      CHECK(v.out == r.out);
      CHECK_FALSE(std::filesystem::exists(out));
    }
  }
}
