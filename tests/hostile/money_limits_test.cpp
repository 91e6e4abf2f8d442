// Money at the documented limits through the CLI: every figure exact, no wrap, no wrong sign (rules.md 1a v1.2).
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

namespace {

// The worked example with every figure at its limit: cleared, instructed, target and available
// MW 100,000; baseline and meter 100,000 in every hour (response 0, so the shortfall is the
// whole 100,000 MW in each of HE16..HE19); LMP, RSG and both seasons' ACP 1,000,000; DR-1
// untested with untested_multiplier 1,000,000; EO share 1,000,000.
std::string scenario_at_limits(const TempDir& dir) {
  std::string baseline = "resource,hour_start,mw\n", lmp = "cpnode,hour_start,usd_per_mwh\n",
              meter = "resource,interval_start,interval_minutes,mw\n";
  for (int h = 0; h < 24; ++h) {
    baseline += "DR-1,2025-07-15T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00,100000\n";
  }
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
  yaml = replaced(yaml, "  untested_multiplier: 3\n", "  untested_multiplier: 1000000\n");
  yaml = replaced(yaml, "    tested: true\n", "    tested: false\n");
  yaml = replaced(yaml, "{summer: 666.50, fall: 91.60,", "{summer: 1000000, fall: 1000000,");
  yaml = replaced(yaml, "{usd_per_mwh: 1.50}", "{usd_per_mwh: 1000000}");
  yaml = replaced(yaml, "    share: 1.0\n", "    share: 1000000\n");
  yaml = replaced(yaml, "    mw: 10\n", "    mw: 100000\n");
  yaml = replaced(yaml, "target_mw: 10}", "target_mw: 100000}");
  yaml = replaced(yaml, "available_mw: 10}", "available_mw: 100000}");
  // Worked by hand, per hour HE16..HE19 (4 hours):
  //   energy 100,000 MWh x 1,000,000 $/MWh x 1,000,000 = 100,000,000,000,000,000.00 (1e19 cents > int64)
  //   RSG    100,000 MWh x 1,000,000 $/MWh (no multiplier)  =        100,000,000,000.00
  // Four hours: energy 400,000,000,000,000,000.00, RSG 400,000,000,000.00,
  //   penalty 400,000,400,000,000,000.00.
  // Allocation of 100,000,100,000,000,000.00 an hour on 0.90 / 0.08 / 0.02 is whole cents:
  //   90,000,090,000,000,000.00 / 8,000,008,000,000,000.00 / 2,000,002,000,000,000.00; x 4.
  // Capacity 100,000 MW x 1,000,000 $/MW-day: summer 92 days 9,200,000,000,000.00, fall 91 days
  //   9,100,000,000,000.00; total 18,300,000,000,000.00 (above the old $9.2e12 wrap point).
  // EO (share 1,000,000, ACP 1,000,000): summer before 1e12 x 9,200,000 MW-days =
  //   9,200,000,000,000,000,000.00, NonPerfMW 100,000 leaves 0 MW-days: EO 0.00; fall
  //   1e12 x 9,100,000 MW-days = 9,100,000,000,000,000,000.00; the year 9,100,000,000,000,000,000.00.
  const std::string expect =
      "expect:\n"
      "  penalty_usd: 400000400000000000.00\n"
      "  energy_charge_usd: 400000000000000000.00\n"
      "  rsg_charge_usd: 400000000000.00\n"
      "  capacity_usd: 18300000000000.00\n"
      "  eo_usd: 9100000000000000000.00\n"
      "  disqualified: []\n"
      "  resources:\n"
      "    DR-1: {energy_charge_usd: 400000000000000000.00, rsg_charge_usd: 400000000000.00, "
      "capacity_usd: 18300000000000.00, counted_failures: 1, disqualified: false}\n"
      "  lses:\n"
      "    LSE-A: {amount_usd: 360000360000000000.00}\n"
      "    LSE-B: {amount_usd: 32000032000000000.00}\n"
      "    LSE-C: {amount_usd: 8000008000000000.00}\n";
  yaml = yaml.substr(0, yaml.find("expect:\n")) + expect;
  return dir.write("limits.yaml", yaml);
}

}  // namespace

TEST_CASE("money limits: a scenario at every limit prints exact figures in every output") {
  TempDir dir;
  const std::string path = scenario_at_limits(dir);
  const std::string out = dir / "out";
  const CliResult r = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(out));
  INFO(r.out);
  REQUIRE(r.status == 0);

  const std::string summary = read_file(out + "/summary.json");
  INFO(summary);
  for (const char* figure :
       {"\"energy_charge_usd\": 400000000000000000.00,", "\"rsg_charge_usd\": 400000000000.00,",
        "\"penalty_usd\": 400000400000000000.00,", "\"capacity_usd\": 18300000000000.00,",
        "\"allocated_usd\": 400000400000000000.00,", "\"eo_usd\": 9100000000000000000.00,",
        "\"LSE-A\": 360000360000000000.00", "\"LSE-B\": 32000032000000000.00", "\"LSE-C\": 8000008000000000.00"}) {
    CHECK(summary.find(figure) != std::string::npos);
  }
  CHECK(summary.find(": -") == std::string::npos);  // no figure of this run is negative

  // hourly.csv: the four charged hours, each 100000 MWh x 1000000 x 1000000.
  const std::string hourly = read_file(out + "/hourly.csv");
  INFO(hourly);
  for (const char* he : {"2025-07-15T15:00,16,", "2025-07-15T16:00,17,", "2025-07-15T17:00,18,",
                         "2025-07-15T18:00,19,"}) {
    CHECK(hourly.find(std::string("SI-1,DR-1,") + he +
                      "100000,100000,0,100000,100000,1000000,1000000,1000000,100000000000000000.00,"
                      "100000000000.00,") != std::string::npos);
  }
  CHECK(hourly.find(",-") == std::string::npos);

  const std::string capacity = read_file(out + "/capacity.csv");
  CHECK(capacity.find("DR-1,2025,summer,100000,1000000.00,92,9200000000000.00\n") != std::string::npos);
  CHECK(capacity.find("DR-1,2025,fall,100000,1000000.00,91,9100000000000.00\n") != std::string::npos);
  const std::string eo = read_file(out + "/eo.csv");
  INFO(eo);
  CHECK(eo.find("MP-UTIL,summer,1000000.00,100000,100000,9200000000000000000.00,-9200000000000000000.00,0.00,"
                "9200000,0\n") != std::string::npos);
  CHECK(eo.find("MP-UTIL,fall,1000000.00,100000,0,9100000000000000000.00,0.00,9100000000000000000.00,"
                "9100000,9100000\n") != std::string::npos);

  // results.sqlite: REAL dollars for queries, 64-bit INTEGER cents where they fit, NULL where
  // they do not (1e19 cents), and then the exact amount in exact_figures.
  SQLite::Database db(out + "/results.sqlite", SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT rowid, energy_charge_usd, energy_charge_cents IS NULL, rsg_charge_usd, rsg_charge_cents "
                          "FROM hourly WHERE hour_start = '2025-07-15T16:00'");
  REQUIRE(q.executeStep());
  const std::int64_t row = q.getColumn(0).getInt64();
  CHECK(q.getColumn(1).getDouble() == 1e17);  // 1e17 is a double exactly
  CHECK(q.getColumn(2).getInt() == 1);
  CHECK(q.getColumn(3).getDouble() == 100000000000.0);
  CHECK(q.getColumn(4).getInt64() == 10'000'000'000'000);
  SQLite::Statement x(db, "SELECT text FROM exact_figures WHERE table_name = 'hourly' AND column_name = "
                          "'energy_charge_usd' AND row_id = ?");
  x.bind(1, row);
  REQUIRE(x.executeStep());
  CHECK(x.getColumn(0).getString() == "100000000000000000.00");
  // The RSG charge's cents fit: no exact_figures row for it.
  SQLite::Statement rsg(db, "SELECT count(*) FROM exact_figures WHERE column_name = 'rsg_charge_usd'");
  REQUIRE(rsg.executeStep());
  CHECK(rsg.getColumn(0).getInt() == 0);
  SQLite::Statement c(db, "SELECT amount_usd, amount_cents FROM capacity WHERE season = 'summer'");
  REQUIRE(c.executeStep());
  CHECK(c.getColumn(0).getDouble() == 9200000000000.0);
  CHECK(c.getColumn(1).getInt64() == 920'000'000'000'000);

  // report.html sums the exact amounts (run_tables: cents, or exact_figures beyond 64 bits): the penalty card and the per-resource row.
  const std::string html = read_file(out + "/report.html");
  CHECK(html.find("$400,000,400,000,000,000.00") != std::string::npos);
  CHECK(html.find("18,300,000,000,000.00") != std::string::npos);
  CHECK(html.find("$9,100,000,000,000,000,000.00") != std::string::npos);
}

TEST_CASE("money limits: drsim diff of two runs at the limits gives exact changes") {
  TempDir dir;
  const std::string path = scenario_at_limits(dir);
  REQUIRE(run_drsim("run " + sh_quote(path) + " --out " + sh_quote(dir / "a") + " -q").status == 0);
  // B: LMP 999999.99 in HE17 only: energy falls by 100,000 x 0.01 x 1,000,000 = 1,000,000,000.00.
  const std::string lmp = read_file(dir / "data/lmp.csv");
  dir.write("data/lmp.csv", replaced(lmp, "2025-07-15T16:00,1000000", "2025-07-15T16:00,999999.99"));
  REQUIRE(run_drsim("run " + sh_quote(path) + " --out " + sh_quote(dir / "b") + " -q").status == 0);
  const CliResult d = run_drsim("diff " + sh_quote(dir / "a") + " " + sh_quote(dir / "b"));
  INFO(d.out);
  // 400,000,000,000,000,000.00 - 1,000,000,000.00 = 399,999,999,000,000,000.00
  CHECK(d.out.find("400000000000000000.00  399999999000000000.00  -1000000000.00") != std::string::npos);
}
