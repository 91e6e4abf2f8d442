// The command line as a new user meets it: unknown commands, help with examples, output folders that are never
// overwritten unasked.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

using Cli = drsim::test::CliResult;

Cli cli(const std::string& args) { return drsim::test::run_drsim(args); }

std::string src(const std::string& rel) { return std::string(DRSIM_SOURCE_DIR) + "/" + rel; }

}  // namespace

TEST_CASE("command line: a misspelt command is named with what it probably meant") {
  const Cli r = cli("runn x");
  CHECK(r.status == 2);
  CHECK(r.out == "drsim: unknown command 'runn' (did you mean 'run'?); `drsim help` lists the commands\n");
  const Cli far = cli("frobnicate");
  CHECK(far.status == 2);
  CHECK(far.out == "drsim: unknown command 'frobnicate'; `drsim help` lists the commands\n");
}

TEST_CASE("command line: drsim help, drsim help COMMAND, -V and no command") {
  const Cli all = cli("help");
  CHECK(all.status == 0);
  CHECK(all.out.find("Subcommands:") != std::string::npos);
  CHECK(all.out.find("exposure-merge") != std::string::npos);
  const Cli run = cli("help run");
  CHECK(run.status == 0);
  CHECK(run.out.find("--out TEXT REQUIRED") != std::string::npos);
  CHECK(run.out.find("Example:\n  drsim run scenarios/real/elliott-2022/scenario.yaml --out out/elliott") !=
        std::string::npos);
  const Cli typo = cli("help rnu");
  CHECK(typo.status == 2);
  CHECK(typo.out == "drsim help: unknown command 'rnu' (did you mean 'run'?)\n");
  const Cli v = cli("-V");
  CHECK(v.status == 0);
  CHECK(v.out == std::string("drsim ") + DRSIM_VERSION + "\n");
  const Cli none = cli("");
  CHECK(none.status == 2);
  CHECK(none.out.find("drsim: give a command (`drsim help` lists them)") != std::string::npos);
}

TEST_CASE("command line: every command's help ends with an example") {
  for (const char* cmd : {"validate", "run", "sweep", "check", "report", "diff", "accredit", "exposure",
                          "exposure-merge", "generate", "import", "drill", "help"}) {
    INFO(cmd);
    const Cli r = cli(std::string(cmd) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.find("Example:\n  drsim " + std::string(cmd)) != std::string::npos);
  }
}

TEST_CASE("command line: generate and accredit refuse a non-empty folder unless --force") {
  drsim::test::TempDir dir;
  dir.write("gen/keep.txt", "mine");
  const std::string gen = "generate --resources 2 --days 2 --seed 3 --out " + dir / "gen";
  const Cli refused = cli(gen);
  CHECK(refused.status == 2);
  CHECK(refused.out.find("drsim generate: ") == 0);
  CHECK(fs::exists(dir / "gen/keep.txt"));
  CHECK_FALSE(fs::exists(dir / "gen/scenario.yaml"));
  CHECK(cli(gen + " --force").status == 0);
  CHECK(fs::exists(dir / "gen/scenario.yaml"));
  CHECK_FALSE(fs::exists(dir / "gen/keep.txt"));  // --force replaces the folder whole

  dir.write("acc/keep.txt", "mine");
  const std::string acc = "accredit " + src("scenarios/accredit/pjm_colocated.yaml") + " --out " + dir / "acc";
  CHECK(cli(acc).status == 2);
  CHECK(fs::exists(dir / "acc/keep.txt"));
  CHECK(cli(acc + " --force").status == 0);
  CHECK_FALSE(fs::exists(dir / "acc/keep.txt"));
}

TEST_CASE("command line: import that keeps no row is bad input with a hint") {
  const std::string lmp = src("scenarios/real/polar-vortex-2019/source/miso_hub_lmp_2019_rt_p05_ILLINOIS.HUB_2019-01-30_to_31.csv");
  // The file covers 30-31 January 2019; a --from after it keeps nothing.
  const Cli late = cli("import lmp --format miso-he --node ILLINOIS.HUB --cpnode X --from 2019-02-01 " + lmp);
  CHECK(late.status == 2);
  CHECK(late.out == lmp + ": no row falls in the market days 2019-02-01 .. ..; the file covers 2019-01-30 .. "
                          "2019-01-31 (--from and --to are inclusive market days, EST)\n");
  // A misspelt node names the nodes the file has.
  const Cli node = cli("import lmp --format miso-he --node ILLINOIS.HB --cpnode X " + lmp);
  CHECK(node.status == 2);
  CHECK(node.out.find("no LMP rows for node 'ILLINOIS.HB' (the file's LMP nodes: ILLINOIS.HUB)") != std::string::npos);
  const Cli ok = cli("import lmp --format miso-he --node ILLINOIS.HUB --cpnode X --from 2019-01-31 " + lmp);
  CHECK(ok.status == 0);
  CHECK(ok.out.rfind("cpnode,hour_start,usd_per_mwh\nX,2019-01-31T00:00,", 0) == 0);
}
