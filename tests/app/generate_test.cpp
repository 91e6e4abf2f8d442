// Tests of `drsim generate`: byte-identical output per seed, row counts, and a scenario that loads and validates.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "scenarios/scenario_loader.hpp"
#include "tests/support/cli.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
struct NamedDir {
  fs::path path;
  explicit NamedDir(const std::string& name)
      : path(fs::temp_directory_path() / ("drsim-generate-test-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~NamedDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::size_t lines(const fs::path& p) {
  const std::string text = drsim::test::read_file(p);
  std::size_t n = 0;
  for (const char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

std::string generate_args(int resources, int days, int minutes, int seed, const fs::path& out) {
  return "generate --resources " + std::to_string(resources) + " --days " + std::to_string(days) +
         " --interval-minutes " + std::to_string(minutes) + " --seed " + std::to_string(seed) + " --out \"" +
         out.string() + "\"";
}

}  // namespace

TEST_CASE("generate: the same seed gives byte-identical files, another seed other files", "[generate]") {
  NamedDir tmp("same-seed");
  REQUIRE(drsim::test::drsim_status(generate_args(7, 3, 15, 42, tmp.path / "a") + " --lse-load") == 0);
  REQUIRE(drsim::test::drsim_status(generate_args(7, 3, 15, 42, tmp.path / "b") + " --lse-load") == 0);
  REQUIRE(drsim::test::drsim_status(generate_args(7, 3, 15, 43, tmp.path / "c") + " --lse-load") == 0);
  for (const char* f : {"scenario.yaml", "data/lmp.csv", "data/rsg.csv", "data/meter.csv", "data/baseline.csv",
                        "data/lse_load.csv"}) {
    INFO(f);
    REQUIRE(fs::exists(tmp.path / "a" / f));
    CHECK(drsim::test::read_file(tmp.path / "a" / f) == drsim::test::read_file(tmp.path / "b" / f));
  }
  CHECK(drsim::test::read_file(tmp.path / "a" / "data/meter.csv") != drsim::test::read_file(tmp.path / "c" / "data/meter.csv"));
  CHECK(drsim::test::read_file(tmp.path / "a" / "scenario.yaml") != drsim::test::read_file(tmp.path / "c" / "scenario.yaml"));
  // No temporary files are left behind.
  for (const auto& e : fs::recursive_directory_iterator(tmp.path)) CHECK(e.path().extension() != ".part");
}

TEST_CASE("generate: every series has the expected number of rows", "[generate]") {
  NamedDir tmp("rows");
  SECTION("15-minute meters") {
    REQUIRE(drsim::test::drsim_status(generate_args(7, 3, 15, 1, tmp.path) + " --lse-load") == 0);
    // 7 resources x 3 days x 24 h x 4 intervals per hour, plus the header.
    CHECK(lines(tmp.path / "data/meter.csv") == 7 * 3 * 24 * 4 + 1);
    // 3 pricing nodes (one per zone) x 72 hours, plus the header.
    CHECK(lines(tmp.path / "data/lmp.csv") == 3 * 72 + 1);
    CHECK(lines(tmp.path / "data/rsg.csv") == 72 + 1);
  }
  SECTION("5-minute meters") {
    REQUIRE(drsim::test::drsim_status(generate_args(2, 2, 5, 9, tmp.path)) == 0);
    // 2 x 2 days x 24 h x 12 intervals per hour, plus the header.
    CHECK(lines(tmp.path / "data/meter.csv") == 2 * 2 * 24 * 12 + 1);
    CHECK_FALSE(fs::exists(tmp.path / "data/lse_load.csv"));  // only with --lse-load
  }
  SECTION("hourly meters") {
    REQUIRE(drsim::test::drsim_status(generate_args(3, 1, 60, 9, tmp.path)) == 0);
    CHECK(lines(tmp.path / "data/meter.csv") == 3 * 24 + 1);
  }
}

TEST_CASE("generate: the scenario validates and has the promised shape", "[generate]") {
  NamedDir tmp("shape");
  // 400 resources over the first 40 days: summer only, so ceil(5 x 40 / 92) = 3 emergencies.
  REQUIRE(drsim::test::drsim_status(generate_args(400, 40, 60, 5, tmp.path) + " --lse-load") == 0);
  const fs::path yaml = tmp.path / "scenario.yaml";
  CHECK(drsim::test::drsim_status("validate \"" + yaml.string() + "\"") == 0);

  const drsim::Scenario s = drsim::load_scenario(yaml.string());
  CHECK(s.planning_year == 2025);
  CHECK(s.resources.size() == 400);
  CHECK(s.zones.size() == 3);
  CHECK(s.lbas.size() == 4);
  CHECK(s.emergencies.size() == 3);

  std::map<std::string, drsim::Decimal> share_by_lba;
  for (const auto& l : s.lses) share_by_lba[l.lba] += *l.load_ratio_share;
  CHECK(share_by_lba.size() == 4);
  for (const auto& [lba, total] : share_by_lba) {
    INFO(lba);
    CHECK(total == drsim::Decimal::from_int(1));
  }

  int dr = 0, untested = 0, fsl = 0, btmg = 0;
  for (const auto& r : s.resources) {
    if (r.type == drsim::ResourceType::dr) ++dr;
    if (!r.tested) ++untested;
    if (r.protocol == drsim::Protocol::firm_service_level) ++fsl;
    if (r.type == drsim::ResourceType::btmg) ++btmg;
    for (const drsim::Season season : drsim::kSeasons) CHECK(drsim::at(r.seasons, season).has_value());
  }
  // Mix drawn at 60 / 20 / 20 % and 10 % untested DRs: loose bounds that
  // still fail if a class were missing or the rates off by a factor.
  CHECK(btmg > 40);
  CHECK(btmg < 120);
  CHECK(fsl > 40);
  CHECK(untested > 10);
  CHECK(untested < dr / 4);

  REQUIRE_FALSE(s.instructions.empty());
  std::size_t reported = s.advanced_reporting.size();
  CHECK(reported < s.instructions.size());           // about 3 % left without
  CHECK(reported * 10 > s.instructions.size() * 9);  // but most have it
  for (const auto& in : s.instructions) {
    const auto ahead = (in.start - in.issued).in_seconds();
    CHECK(ahead >= 2 * 3600);
    CHECK(ahead <= 10 * 3600);
    const auto window = (in.end - in.start).in_seconds();
    CHECK(window >= 2 * 3600);
    CHECK(window <= 4 * 3600);
    // The called resource sits in one of the emergency's LBAs.
    const drsim::Emergency* e = s.find_emergency(in.emergency);
    const drsim::Resource* r = s.find_resource(in.resource);
    REQUIRE(e != nullptr);
    REQUIRE(r != nullptr);
    CHECK(std::find(e->lbas.begin(), e->lbas.end(), r->lba) != e->lbas.end());
  }
  CHECK_FALSE(s.outages.empty());
  CHECK(s.lse_load.has_key("LSE-AMIL-1"));
}

TEST_CASE("generate: bad options are input errors", "[generate]") {
  NamedDir tmp("bad");
  CHECK(drsim::test::drsim_status(generate_args(0, 3, 60, 1, tmp.path)) == 2);
  CHECK(drsim::test::drsim_status(generate_args(3, 0, 60, 1, tmp.path)) == 2);
  CHECK(drsim::test::drsim_status(generate_args(3, 400, 60, 1, tmp.path)) == 2);  // beyond the planning year
  CHECK(drsim::test::drsim_status(generate_args(3, 3, 7, 1, tmp.path)) == 2);     // not 5, 15 or 60
  CHECK_FALSE(fs::exists(tmp.path / "scenario.yaml"));
}
