// Hostile numbers: NaN, infinities, 1e308, -0, thousands separators and values past the stated limits.
#include <catch2/catch.hpp>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

namespace {

// The worked example with the instruction's `mw: 10` (line 49, value at column 9) set to `value`.
std::string with_mw(const TempDir& dir, const std::string& value) {
  copy_worked_data(dir);
  return dir.write("s.yaml", replaced(worked_example(), "    mw: 10\n", "    mw: " + value + "\n"));
}

}  // namespace

TEST_CASE("hostile numbers: NaN and infinities are refused as not finite") {
  for (const std::string v : {"NaN", ".nan", "inf", ".inf", "-.inf"}) {
    TempDir dir;
    const std::string path = with_mw(dir, v);
    expect_refused(dir, path, path + ":49:9: instructions[0].mw: expected a finite number, got '" + v + "'");
  }
}

TEST_CASE("hostile numbers: 1e308 is out of the exact decimal range") {
  TempDir dir;
  const std::string path = with_mw(dir, "1e308");
  expect_refused(dir, path, path + ":49:9: instructions[0].mw: number '1e308' is out of range");
}

TEST_CASE("hostile numbers: thousands separators are refused, quoted or not") {
  TempDir dir;
  std::string path = with_mw(dir, "1,000");
  expect_refused(dir, path, path + ":49:9: instructions[0].mw: expected a number without thousands separators, got '1,000'");
  path = with_mw(dir, "\"1,000\"");
  expect_refused(dir, path, path + ":49:9: instructions[0].mw: expected a number, got the quoted string \"1,000\"");
}

TEST_CASE("hostile numbers: -0 is zero, and a zero instruction is an accepted input") {
  TempDir dir;
  const std::string path = with_mw(dir, "-0");
  const CliResult v = run_drsim("validate " + sh_quote(path));
  INFO(v.out);
  CHECK(v.status == 0);
}

TEST_CASE("hostile numbers: MW beyond 100000 is refused with the limit named") {
  TempDir dir;
  const std::string path = with_mw(dir, "100000.000001");
  expect_refused(dir, path, path + ":49:9: instructions[0].mw: 100000.000001 is beyond the limit of 100000 MW (MWh) per value");
  // Within the exact range (9.2e12) but absurd: refused by the limit, not silently overflowed later.
  const std::string big = with_mw(dir, "9000000000000");
  expect_refused(dir, big, big + ":49:9: instructions[0].mw: 9000000000000 is beyond the limit of 100000 MW");
}

TEST_CASE("hostile numbers: a price beyond +-1000000 $/MWh is refused in YAML and in a CSV row") {
  TempDir dir;
  copy_worked_data(dir);
  std::string path = dir.write("s.yaml", replaced(worked_example(), "{usd_per_mwh: 1.50}", "{usd_per_mwh: 1000001}"));
  // Line 60 "  rsg:      {usd_per_mwh: " puts the value at column 27.
  expect_refused(dir, path, path + ":60:27: series.rsg.usd_per_mwh: 1000001 is beyond the limit of +-1000000 for a number");
  // lmp.csv line 3 is AMMO.DR1,2025-07-15T16:00,410: a negative price past the limit.
  const std::string lmp = read_file(dir / "data/lmp.csv");
  dir.write("data/lmp.csv", replaced(lmp, "2025-07-15T16:00,410", "2025-07-15T16:00,-1000000.5"));
  path = dir.write("s.yaml", worked_example());
  expect_refused(dir, path, dir / "data/lmp.csv" + ":3: usd_per_mwh: -1000000.5 is beyond the limit of +-1000000 for a number");
}

TEST_CASE("hostile numbers: a meter row beyond 100000 MW names its line and column") {
  TempDir dir;
  copy_worked_data(dir);
  const std::string meter = read_file(dir / "data/meter.csv");
  dir.write("data/meter.csv", replaced(meter, "2025-07-15T16:00,60,12", "2025-07-15T16:00,60,250000"));
  const std::string path = dir.write("s.yaml", worked_example());
  expect_refused(dir, path, dir / "data/meter.csv" + ":3: mw: 250000 is beyond the limit of 100000 MW (MWh) per value");
}

TEST_CASE("hostile numbers: the worked example at the limits settles exactly, no overflow") {
  TempDir dir;
  // Every MW at 100000, load equal to the baseline (so the response is 0 and the shortfall 100000 MW),
  // LMP 1000000 $/MWh in all four hours, RSG 1.50 $/MWh.
  std::string baseline = "resource,hour_start,mw\n", lmp = "cpnode,hour_start,usd_per_mwh\n",
              meter = "resource,interval_start,interval_minutes,mw\n";
  for (int h = 0; h < 24; ++h) baseline += "DR-1,2025-07-15T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00,100000\n";
  for (int h = 15; h < 19; ++h) {
    lmp += "AMMO.DR1,2025-07-15T" + std::to_string(h) + ":00,1000000\n";
    meter += "DR-1,2025-07-15T" + std::to_string(h) + ":00,60,100000\n";
  }
  dir.write("data/baseline.csv", baseline);
  dir.write("data/lmp.csv", lmp);
  dir.write("data/meter.csv", meter);
  std::string yaml = worked_example();
  for (const char* from : {"cleared_mw: 10, notification_h: 2, max_interruptions: 5",
                           "cleared_mw: 10, notification_h: 2, max_interruptions: 3"}) {
    yaml = replaced(yaml, from, replaced(from, "cleared_mw: 10", "cleared_mw: 100000"));
  }
  yaml = replaced(yaml, "    mw: 10\n", "    mw: 100000\n");
  yaml = replaced(yaml, "target_mw: 10}", "target_mw: 100000}");
  yaml = replaced(yaml, "available_mw: 10}", "available_mw: 100000}");
  // Per hour: shortfall 100000 MWh x 1000000 $/MWh = 100000000000.00 energy, x 1.50 = 150000.00 RSG;
  // four hours: energy 400000000000.00, RSG 600000.00, penalty 400000600000.00.
  // Shares 0.90 / 0.08 / 0.02 of 100000150000.00 per hour are whole cents: 90000135000.00,
  // 8000012000.00, 2000003000.00; times four hours.
  const std::string expect =
      "expect:\n"
      "  penalty_usd: 400000600000.00\n"
      "  energy_charge_usd: 400000000000.00\n"
      "  rsg_charge_usd: 600000.00\n"
      "  disqualified: []\n"
      "  resources:\n"
      "    DR-1: {energy_charge_usd: 400000000000.00, rsg_charge_usd: 600000.00, counted_failures: 1, disqualified: false}\n"
      "  lses:\n"
      "    LSE-A: {amount_usd: 360000540000.00}\n"
      "    LSE-B: {amount_usd: 32000048000.00}\n"
      "    LSE-C: {amount_usd: 8000012000.00}\n";
  yaml = yaml.substr(0, yaml.find("expect:\n")) + expect;
  const std::string path = dir.write("limits.yaml", yaml);
  const CliResult r = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir / "out"));
  INFO(r.out);
  CHECK(r.status == 0);
}
