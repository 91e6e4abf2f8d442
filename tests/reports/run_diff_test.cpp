// Tests of `drsim diff`: the effect of one rule value on the untested worked example, identical runs, bad input.
#include <catch2/catch.hpp>

#include <vector>

#include "tests/reports/report_test_support.hpp"
#include "tests/support/text_files.hpp"

using namespace drsim::test;

namespace {
}  // namespace

TEST_CASE("diff shows what untested_multiplier 3 -> 2 changes", "[run_diff]") {
  TempDir dir("diff");
  const fs::path a = copy_example("worked-example-untested", dir.path(), "a");
  const fs::path b = copy_example("worked-example-untested", dir.path(), "b");
  edit_file(b, "untested_multiplier: 3", "untested_multiplier: 2");
  REQUIRE(run_drsim("run " + shell_quote(a.string()) + " --out ra -q", dir.path()).status == 0);
  REQUIRE(run_drsim("run " + shell_quote(b.string()) + " --out rb -q", dir.path()).status == 0);
  // Without --out nothing is written; with it, DIR/diff.csv.
  CHECK(run_drsim("diff ra rb -q", dir.path()).status == 1);
  CHECK_FALSE(fs::exists(dir.path() / "diff.csv"));
  const auto r = run_drsim("diff ra rb --out d", dir.path());
  INFO(r.output);
  CHECK(r.status == 1);
  const std::string csv = read_file(dir.path() / "d" / "diff.csv");
  CHECK(csv.rfind("section,key,field,a,b,change\n", 0) == 0);
  CHECK(drsim::test::contains(csv, "rule,untested_multiplier,value,3,2,-1\n"));
  // Energy: shortfall MWh 2, 4, 2.5 at LMP 410, 980, 620 = 6290.00 x 3 = 18870.00 against x 2 = 12580.00.
  CHECK(drsim::test::contains(csv, "total,run,energy_charge_usd,18870.00,12580.00,-6290.00\n"));
  CHECK(drsim::test::contains(csv, "total,run,penalty_usd,18882.75,12592.75,-6290.00\n"));
  CHECK(drsim::test::contains(csv, "total,run,allocated_usd,18882.75,12592.75,-6290.00\n"));
  CHECK_FALSE(drsim::test::contains(csv, "rsg_charge_usd,"));  // RSG carries no multiplier by default
  CHECK(drsim::test::contains(csv, "resource,DR-1,energy_charge_usd,18870.00,12580.00,-6290.00\n"));
  CHECK(drsim::test::contains(csv, "resource,DR-1,penalty_usd,18882.75,12592.75,-6290.00\n"));
  // B's allocation, hour by hour on 0.90 / 0.08 / 0.02 with largest remainder:
  //   HE17 1640.00 + 3.00 = 164300 c -> 147870 / 13144 / 3286
  //   HE18 7840.00 + 6.00 = 784600 c -> 706140 / 62768 / 15692
  //   HE19 3100.00 + 3.75 = 310375 c -> quotas 279337.5 / 24830 / 6207.5, 1 cent left, tie to LSE-A -> 279338 / 24830 / 6207
  //   LSE-A 1133348 = 11333.48, LSE-B 100742 = 1007.42, LSE-C 25185 = 251.85 (A's from the scenario's expect).
  CHECK(drsim::test::contains(csv, "lse,LSE-A,amount_usd,16994.48,11333.48,-5661.00\n"));
  CHECK(drsim::test::contains(csv, "lse,LSE-B,amount_usd,1510.62,1007.42,-503.20\n"));
  CHECK(drsim::test::contains(csv, "lse,LSE-C,amount_usd,377.65,251.85,-125.80\n"));
  // The hourly lines that changed, keyed by instruction and hour: HE17 2 MWh x 410 x 3 = 2460.00 -> x 2 = 1640.00.
  CHECK(drsim::test::contains(csv, "hourly,SI-1@2025-07-15T16:00,energy_charge_usd,2460.00,1640.00,-820.00\n"));
  CHECK(drsim::test::contains(csv, "hourly,SI-1@2025-07-15T17:00,energy_charge_usd,11760.00,7840.00,-3920.00\n"));
  CHECK(drsim::test::contains(csv, "hourly,SI-1@2025-07-15T18:00,energy_charge_usd,4650.00,3100.00,-1550.00\n"));
  CHECK(drsim::test::contains(csv, "hourly,SI-1@2025-07-15T17:00,multiplier,3,2,-1\n"));
  // HE16 had no shortfall: its charge is unchanged.
  CHECK_FALSE(drsim::test::contains(csv, "hourly,SI-1@2025-07-15T15:00,energy_charge_usd"));
  // Capacity, EO and failures do not depend on the multiplier.
  CHECK_FALSE(drsim::test::contains(csv, "\ncapacity,"));
  CHECK_FALSE(drsim::test::contains(csv, "\neo,"));
  CHECK_FALSE(drsim::test::contains(csv, "\nfailure,"));
  // The terminal table is aligned: the field column starts where the header's does, and the
  // right-aligned change column ends where "change" ends.
  std::vector<std::string> lines;
  for (std::size_t at = 0, nl; (nl = r.output.find('\n', at)) != std::string::npos; at = nl + 1) {
    lines.push_back(r.output.substr(at, nl - at));
  }
  REQUIRE(lines.size() > 4);
  const std::string& header = lines[2];
  const std::string& rule = lines[4];
  CHECK(header.rfind("section", 0) == 0);
  CHECK(rule.rfind("rule", 0) == 0);
  CHECK(header.find("field") == rule.find("value"));
  CHECK(header.size() == rule.size());
  // 3 totals (energy, penalty, allocated), 2 per resource (energy, penalty), 3 LSEs, and 7 hourly
  // fields: the multiplier of all 4 hours and the energy charge of the 3 charged ones.
  CHECK(drsim::test::contains(r.output, "16 differences (1 rule, 3 total, 2 resource, 3 lse, 7 hourly)"));
}

TEST_CASE("diff of a run with itself is identical", "[run_diff]") {
  TempDir dir("diff-same");
  const fs::path a = copy_example("worked-example", dir.path(), "a");
  REQUIRE(run_drsim("run " + shell_quote(a.string()) + " --out ra -q", dir.path()).status == 0);
  REQUIRE(run_drsim("run " + shell_quote(a.string()) + " --out rb -q", dir.path()).status == 0);
  const auto r = run_drsim("diff ra/results.sqlite rb --out d", dir.path());
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(drsim::test::contains(r.output, "identical"));
  CHECK(read_file(dir.path() / "d" / "diff.csv") == "section,key,field,a,b,change\n");
}

TEST_CASE("diff of something that is not a run is bad input", "[run_diff]") {
  TempDir dir("diff-bad");
  write_text(dir.path() / "junk.sqlite", "not a database");
  CHECK(run_drsim("diff nowhere also-nowhere", dir.path()).status == 2);
  CHECK(run_drsim("diff junk.sqlite junk.sqlite", dir.path()).status == 2);
}
