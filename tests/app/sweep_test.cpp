// `drsim sweep` (docs/sweep.md): the hand-worked readings of scenarios/examples/rule-readings to the
// cent, the same bytes for any thread count, the --grid product, and `expect: sweep:` in drsim check.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

using Cli = drsim::test::CliResult;
using drsim::test::run_drsim;

const std::string kReadings = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/rule-readings/scenario.yaml";

// sweep.csv as rows of named fields (no field of these scenarios needs quoting).
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& path) {
  std::istringstream in(drsim::test::read_file(path));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream h(line);
  for (std::string f; std::getline(h, f, ',');) header.push_back(f);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::map<std::string, std::string> row;
    std::stringstream l(line);
    std::size_t i = 0;
    for (std::string f; std::getline(l, f, ',');) row[header.at(i++)] = f;
    rows.push_back(std::move(row));
  }
  return rows;
}

// The row of `reading` for `scope` (`total`, or a resource id).
std::map<std::string, std::string> row_of(const std::vector<std::map<std::string, std::string>>& rows,
                                          const std::string& reading, const std::string& scope = "total") {
  for (const auto& r : rows) {
    if (r.at("reading") != reading) continue;
    if (scope == "total" ? r.at("scope") == "total" : r.at("resource_id") == scope) return r;
  }
  FAIL("no row " << reading << " / " << scope);
  return {};
}

Cli sweep(const std::string& scenario, const std::string& out, const std::string& extra = "") {
  return run_drsim("sweep " + scenario + " --out " + out + " --quiet " + extra);
}

}  // namespace

TEST_CASE("drsim sweep: each reading of the hand-worked scenario settles to the figures worked in its comments") {
  drsim::test::TempDir dir;
  const Cli r = sweep(kReadings, dir / "out");
  INFO(r.out);
  REQUIRE(r.status == 0);
  const auto rows = csv_rows(dir / "out/sweep.csv");
  // The default and nine readings (each open key's other value), each a total row and three resource rows.
  CHECK(rows.size() == 10 * 4);
  const auto def = row_of(rows, "default");
  // Default (the scenario's comments): energy 18870.00 + 780.00 + 600.00, RSG 12.75 + 28.50 + 6.00,
  // capacity 613180.00 + 613180.00 + 156627.50 (BTMG-1 paid 47 summer days), net 1382987.50 - 20297.25.
  CHECK(def.at("energy_charge_usd") == "20250.00");
  CHECK(def.at("rsg_charge_usd") == "47.25");
  CHECK(def.at("penalty_usd") == "20297.25");
  CHECK(def.at("capacity_usd") == "1382987.50");
  CHECK(def.at("allocated_usd") == "20297.25");
  CHECK(def.at("net_usd") == "1362690.25");
  CHECK(def.at("counted_failures") == "4");
  CHECK(def.at("disqualified") == "1");
  CHECK(def.at("penalty_change_usd") == "0.00");

  // multiplier_applies_to_rsg: DR-1 is untested, its RSG 8.5 MWh x 1.50 = 12.75 becomes x 3 = 38.25.
  const auto rsg = row_of(rows, "multiplier_applies_to_rsg=true");
  CHECK(rsg.at("multiplier_applies_to_rsg") == "true");
  CHECK(rsg.at("penalize_btmg") == "true");  // every other key as in force
  CHECK(rsg.at("rsg_charge_usd") == "72.75");
  CHECK(rsg.at("penalty_usd") == "20322.75");
  CHECK(rsg.at("rsg_charge_change_usd") == "25.50");
  CHECK(rsg.at("net_change_usd") == "-25.50");
  CHECK(row_of(rows, "multiplier_applies_to_rsg=true", "DR-1").at("rsg_charge_usd") == "38.25");
  CHECK(row_of(rows, "multiplier_applies_to_rsg=true", "FSL-1").at("rsg_charge_change_usd") == "0.00");

  // fsl_shortfall_cap none: FSL-1's HE18 load 15 is 11 MW above its FSL of 4, no longer capped at the
  // target 8: +3 MW x LMP 50 = +150.00 energy, +3 x 1.50 = +4.50 RSG.
  const auto fsl = row_of(rows, "fsl_shortfall_cap=none");
  CHECK(fsl.at("energy_charge_usd") == "20400.00");
  CHECK(fsl.at("rsg_charge_usd") == "51.75");
  CHECK(fsl.at("penalty_change_usd") == "154.50");
  const auto fsl1 = row_of(rows, "fsl_shortfall_cap=none", "FSL-1");
  CHECK(fsl1.at("energy_charge_usd") == "930.00");
  CHECK(fsl1.at("rsg_charge_usd") == "33.00");

  // untested_multiplier 1: DR-1's energy 6290.00 x 1 instead of x 3.
  const auto m1 = row_of(rows, "untested_multiplier=1");
  CHECK(m1.at("energy_charge_change_usd") == "-12580.00");
  CHECK(m1.at("penalty_usd") == "7717.25");  // 20250.00 - 12580.00 + 47.25

  // disqualification_effective same_day: BTMG-1 also loses 2025-07-17: 5 MW x 666.50 = 3332.50.
  const auto same_day = row_of(rows, "disqualification_effective=same_day");
  CHECK(same_day.at("capacity_change_usd") == "-3332.50");
  CHECK(row_of(rows, "disqualification_effective=same_day", "BTMG-1").at("capacity_usd") == "153295.00");

  // penalize_btmg false: BTMG-1 is charged nothing (600.00 + 6.00), never fails (two counted failures
  // fewer) and so is paid all 92 summer days: 5 x 666.50 x 92 = 306590.00, +149962.50.
  const auto btmg = row_of(rows, "penalize_btmg=false");
  CHECK(btmg.at("penalty_change_usd") == "-606.00");
  CHECK(btmg.at("capacity_change_usd") == "149962.50");
  CHECK(btmg.at("net_change_usd") == "150568.50");
  CHECK(btmg.at("counted_failures_change") == "-2");
  CHECK(btmg.at("disqualified_change") == "-1");
  const auto b1 = row_of(rows, "penalize_btmg=false", "BTMG-1");
  CHECK(b1.at("capacity_usd") == "306590.00");
  CHECK(b1.at("disqualified") == "0");
  CHECK(b1.at("allocated_usd").empty());  // allocation and EO are totals only

  // The readings that change nothing here (the scenario's comments say why).
  for (const char* name : {"failure_separation_basis=end_to_start", "withdrawal_notice_h=0",
                           "outage_excused_hours=exempt", "baseline_same_day_adjustment=true"}) {
    INFO(name);
    const auto same = row_of(rows, name);
    CHECK(same.at("status") == "settled");
    CHECK(same.at("penalty_usd") == "20297.25");
    CHECK(same.at("net_change_usd") == "0.00");
  }

  // The page: self-contained (no script, nothing fetched), a tornado bar per reading that changes the net.
  const std::string html = drsim::test::read_file(dir / "out/sweep.html");
  CHECK(html.find("default-src 'none'") != std::string::npos);
  for (const char* external : {"src=", "href=", "url(", "@import", "<script", "<link"}) {
    INFO(external);
    CHECK(html.find(external) == std::string::npos);
  }
  CHECK(html.find("<title>penalize_btmg=false: net +$150,568.50, penalty -$606.00, capacity +$149,962.50, EO $0.00</title>") !=
        std::string::npos);
  // The largest effect is drawn first: penalize_btmg (150568.50) above untested_multiplier (12580.00).
  CHECK(html.find(">penalize_btmg=false</text>") < html.find(">untested_multiplier=1</text>"));
  const std::string json = drsim::test::read_file(dir / "out/sweep.json");
  CHECK(json.find("\"mode\": \"one_at_a_time\"") != std::string::npos);
}

TEST_CASE("drsim sweep: the same bytes for 1, 2 and 3 threads, on inline rows and on a real replay's meter CSV") {
  drsim::test::TempDir dir;
  const std::string elliott = std::string(DRSIM_SOURCE_DIR) + "/scenarios/real/elliott-2022/scenario.yaml";
  for (const auto& [name, scenario] : {std::pair{"readings", kReadings}, std::pair{"elliott", elliott}}) {
    for (const char* threads : {"1", "2", "3"}) {
      const Cli r = sweep(scenario, dir / (std::string(name) + "-" + threads), std::string("--threads ") + threads);
      INFO(r.out);
      REQUIRE(r.status == 0);
    }
    for (const char* file : {"sweep.csv", "sweep.json", "sweep.html"}) {
      INFO(name << " " << file);
      const std::string one = drsim::test::read_file(dir / (std::string(name) + "-1/" + file));
      CHECK(!one.empty());
      CHECK(drsim::test::read_file(dir / (std::string(name) + "-2/" + file)) == one);
      CHECK(drsim::test::read_file(dir / (std::string(name) + "-3/" + file)) == one);
    }
  }
}

TEST_CASE("drsim sweep --grid: the full product of the named keys, the default first") {
  drsim::test::TempDir dir;
  const Cli r = sweep(kReadings, dir / "out", "--grid penalize_btmg,disqualification_effective");
  INFO(r.out);
  REQUIRE(r.status == 0);
  std::vector<std::map<std::string, std::string>> totals;
  for (const auto& row : csv_rows(dir / "out/sweep.csv")) {
    if (row.at("scope") == "total") totals.push_back(row);
  }
  // 2 x 2 combinations; (true, next_day) is the scenario's own, named default.
  REQUIRE(totals.size() == 4);
  CHECK(totals[0].at("reading") == "default");
  CHECK(totals[1].at("reading") == "penalize_btmg=false;disqualification_effective=next_day");
  CHECK(totals[2].at("reading") == "penalize_btmg=false;disqualification_effective=same_day");
  CHECK(totals[3].at("reading") == "penalize_btmg=true;disqualification_effective=same_day");
  // Without BTMG penalties nothing is disqualified, so the day of effect changes nothing more.
  CHECK(totals[1].at("capacity_change_usd") == "149962.50");
  CHECK(totals[2].at("capacity_change_usd") == "149962.50");
  CHECK(totals[3].at("capacity_change_usd") == "-3332.50");

  // An output folder that is not empty is refused (and left alone) unless --force.
  const Cli again = sweep(kReadings, dir / "out", "--grid penalize_btmg");
  CHECK(again.status == 2);
  CHECK(again.out.find("drsim sweep: ") == 0);
  CHECK(csv_rows(dir / "out/sweep.csv").size() == 16);
  CHECK(sweep(kReadings, dir / "out", "--grid penalize_btmg --force").status == 0);
  CHECK(csv_rows(dir / "out/sweep.csv").size() == 8);  // 2 readings x (total + 3 resources)

  const Cli bad = sweep(kReadings, dir / "bad", "--grid penalise_btmg,fsl_shortfall_cap,fsl_shortfall_cap");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("--grid: 'penalise_btmg' is not a rule key with open readings (did you mean 'penalize_btmg'?); "
                     "the keys are untested_multiplier, multiplier_applies_to_rsg, failure_separation_basis, "
                     "disqualification_effective, withdrawal_notice_h, outage_excused_hours, fsl_shortfall_cap, "
                     "baseline_same_day_adjustment, penalize_btmg") != std::string::npos);
  CHECK(bad.out.find("--grid: 'fsl_shortfall_cap' is named twice") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "bad"));
}

TEST_CASE("drsim sweep: a reading the scenario lacks inputs for is listed as not settled, with its problem placed") {
  drsim::test::TempDir dir;
  // BTMG-1 is not penalized, so its hours need no LMP; under penalize_btmg true they do.
  const std::string yaml = dir.write("btmg.yaml", R"(drsim: 1
name: unpriced BTMG
planning_year: 2025
rules: {penalize_btmg: false}
zones:
  - {id: LRZ5, acp_usd_per_mw_day: {summer: 666.50}}
participants:
  - {id: MP-UTIL, certified: true}
lbas: [AMMO]
lses:
  - {id: LSE-A, lba: AMMO, load_ratio_share: 1.0}
resources:
  - id: BTMG-1
    type: BTMG
    mp: MP-UTIL
    lba: AMMO
    zone: LRZ5
    cpnode: AMMO.B1
    protocol: metered_generation
    seasons:
      summer: {cleared_mw: 5, notification_h: 2, max_interruptions: 5, max_duration_h: 4, months: [6, 7, 8]}
emergencies:
  - {id: EV-1, lbas: [AMMO], level: max_gen_event_step_2, start: 2025-07-15T14:00, end: 2025-07-15T20:00}
instructions:
  - {id: SI-1, emergency: EV-1, resource: BTMG-1, issued: 2025-07-15T10:00, start: 2025-07-15T15:00, end: 2025-07-15T16:00, mw: 5}
advanced_reporting:
  - {instruction: SI-1, entered: 2025-07-15T11:00, target_mw: 5}
series:
  rsg: {usd_per_mwh: 1.50}
  meter:
    rows:
      - [BTMG-1, 2025-07-15T15:00, 60, 2]
)");
  const Cli r = run_drsim("sweep " + yaml + " --out " + (dir / "out"));
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("penalize_btmg=true") != std::string::npos);
  CHECK(r.out.find("not settled: " + yaml + ":") != std::string::npos);
  const auto row = row_of(csv_rows(dir / "out/sweep.csv"), "penalize_btmg=true");
  CHECK(row.at("status") == "invalid");
  CHECK(row.at("penalty_usd").empty());
  CHECK(row.at("problems").find("LMP") != std::string::npos);
  CHECK(drsim::test::read_file(dir / "out/sweep.html").find("Readings that could not be settled") != std::string::npos);
}

TEST_CASE("drsim check: expect: sweep: readings hold, and a wrong one is named at its entry's line") {
  drsim::test::TempDir dir;
  const Cli ok = run_drsim("check " + kReadings);
  INFO(ok.out);
  CHECK(ok.status == 0);
  // 19 figures of the run itself, 3 + 3 + 2 + 5 + 10 = 23 of its sweep: readings.
  CHECK(ok.out.find("all 42 expected figures hold") != std::string::npos);

  std::string text = drsim::test::read_file(kReadings);
  const std::string from = "      penalty_usd: 19691.25";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "      penalty_usd: 19691.24");
  const std::string copy = dir.write("readings.yaml", text);
  // Its line: the `- rules: {penalize_btmg: false}` entry.
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.find("    - rules: {penalize_btmg: false}"); ++i) line += text[i] == '\n';
  const Cli bad = run_drsim("check " + copy);
  INFO(bad.out);
  CHECK(bad.status == 1);
  CHECK(bad.out.find(copy + ":" + std::to_string(line) + ":7: sweep[penalize_btmg=false].penalty_usd: expected 19691.24, got 19691.25\n") !=
        std::string::npos);
  CHECK(bad.out.find("1 of 42 expected figures differ") != std::string::npos);

  // A rule key the entry misspells is a located load problem, with a did-you-mean.
  text.replace(text.find("rules: {penalize_btmg: false}"), 29, "rules: {penalise_btmg: false}");
  const std::string misspelt = dir.write("misspelt.yaml", text);
  const Cli invalid = run_drsim("check " + misspelt);
  CHECK(invalid.status == 2);
  CHECK(invalid.out.find("expect.sweep[4].rules.penalise_btmg: unknown rule key 'penalise_btmg' (did you mean 'penalize_btmg'?)") !=
        std::string::npos);
}
