// `drsim explain`: every line of every bundled scenario explained to the statement's figure, and
// derivations checked against figures worked by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;
using drsim::test::run_drsim;

namespace {

const std::string kSource = DRSIM_SOURCE_DIR;

// Column `column` of every row of a CSV without quoted fields.
std::vector<std::string> csv_column(const fs::path& p, const std::string& column) {
  std::istringstream in(drsim::test::read_file(p));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  for (std::size_t a = 0, b; a <= line.size(); a = b + 1) {
    b = line.find(',', a);
    if (b == std::string::npos) b = line.size();
    header.push_back(line.substr(a, b - a));
  }
  const auto at = static_cast<std::size_t>(std::find(header.begin(), header.end(), column) - header.begin());
  std::vector<std::string> out;
  while (std::getline(in, line)) {
    std::size_t a = 0;
    for (std::size_t k = 0; k < at; ++k) a = line.find(',', a) + 1;
    out.push_back(line.substr(a, line.find(',', a) - a));
  }
  return out;
}

// Every value of `"key": "value"` in a JSON text, in order.
std::vector<std::string> json_values(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  const std::regex re("\"" + key + "\": \"([^\"]*)\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("drsim explain --line all: every line of every bundled scenario derives the statement's charges") {
  drsim::test::TempDir dir;
  int scenarios = 0;
  std::size_t lines = 0;
  for (const char* root : {"scenarios/examples", "scenarios/real"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(kSource) / root)) {
      if (e.path().extension() != ".yaml") continue;
      INFO(e.path().string());
      const fs::path out = dir.path() / std::to_string(++scenarios);
      REQUIRE(run_drsim("run " + e.path().string() + " --out " + out.string() + " -q").status == 0);
      const auto r = run_drsim("explain " + out.string() + " --line all --json");
      REQUIRE(r.status == 0);  // 3 when a derivation differs from the statement
      // The derivations' results, in the statement's order, are hourly.csv's figures to the cent.
      const auto energy = json_values(r.out, "energy_charge_usd");
      const auto rsg = json_values(r.out, "rsg_charge_usd");
      const auto want_energy = csv_column(out / "hourly.csv", "energy_charge_usd");
      const auto want_rsg = csv_column(out / "hourly.csv", "rsg_charge_usd");
      // Each charged line names its charge twice (the step and the result); the result is last.
      std::vector<std::string> result_energy, result_rsg;
      const std::regex result_re(
          "\"result\": \\{\\s*\"shortfall_mw\": \"[^\"]*\",\\s*\"shortfall_mwh\": \"[^\"]*\",\\s*"
          "\"energy_charge_usd\": \"([^\"]*)\",\\s*\"rsg_charge_usd\": \"([^\"]*)\"");
      for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), result_re); it != std::sregex_iterator(); ++it) {
        result_energy.push_back((*it)[1]);
        result_rsg.push_back((*it)[2]);
      }
      CHECK(result_energy == want_energy);
      CHECK(result_rsg == want_rsg);
      CHECK(json_values(r.out, "matches_statement").empty());  // a boolean, not a string
      CHECK(r.out.find("\"matches_statement\": false") == std::string::npos);
      CHECK(energy.size() >= want_energy.size());
      CHECK(rsg.size() >= want_rsg.size());
      lines += want_energy.size();
    }
  }
  CHECK(scenarios >= 35);
  CHECK(lines >= 100);
}

TEST_CASE("drsim explain --line: the Elliott SI-B5 HE17 derivation, worked by hand") {
  // No advanced reporting for SI-B5 (rules.md 4.3): the shortfall is the full 1.5 MW for the whole
  // hour: 1.5 MWh. Energy 1.5 x 2346.30 = 3519.45 exactly; RSG 1.5 x 4.75 = 7.125, rounded half away
  // from zero to 7.13 (rules.md 1a). Tested DR: multiplier 1.
  const auto r = run_drsim("explain " + kSource + "/scenarios/real/elliott-2022/scenario.yaml --line SI-B5@HE17");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("line SI-B5@2022-12-23T16:00 (HE17)") == 0);
  CHECK(r.out.find("advanced reporting: none for this instruction") != std::string::npos);
  CHECK(r.out.find("instruction SI-B5  (" + kSource + "/scenarios/real/elliott-2022/scenario.yaml:104)") !=
        std::string::npos);
  CHECK(r.out.find("shortfall_mwh = 1.5\n") != std::string::npos);
  CHECK(r.out.find("exact_usd = 3519.45\n      energy_charge_usd = 3519.45") != std::string::npos);
  CHECK(r.out.find("exact_usd = 7.125\n      rsg_charge_usd = 7.13") != std::string::npos);
  CHECK(r.out.find("charges_usd = 3526.58") != std::string::npos);
  CHECK(r.out.find("(equal to the statement's figure)") != std::string::npos);
  // The default baseline (rules.md 4.6): the ten weekdays before 2022-12-23 back to 2022-12-09,
  // weekends skipped; HE17 loads 3.512 + 3.72 + 3.888 + 3.754 + 4.222 + 4.136 + 4.2 + 4.082 +
  // 3.978 + 3.73 = 39.222 MW over 10 days: 3.9222.
  CHECK(r.out.find("2022-12-18 = skipped: weekend\n      2022-12-17 = skipped: weekend\n      2022-12-16 = chosen") !=
        std::string::npos);
  CHECK(r.out.find("2022-12-09 = chosen\n      days_chosen = 10") != std::string::npos);
  CHECK(r.out.find("2022-12-09 = 3.73\n      hour_ending = 17\n      default_baseline_mw = 3.9222") != std::string::npos);
  // The LMP row with its line in the series file (line 18: CIN.LMR_INHUB,2022-12-23T16:00,2346.30),
  // and the flat RSG rate at its entry in the scenario file.
  CHECK(r.out.find("LMP at CIN.LMR_INHUB  (" + kSource + "/scenarios/real/elliott-2022/data/lmp.csv:18)") !=
        std::string::npos);
  CHECK(r.out.find("RSG rate  (" + kSource + "/scenarios/real/elliott-2022/scenario.yaml:119)") != std::string::npos);
  // The meter interval of the hour, with its line in the meter file.
  CHECK(std::regex_search(r.out, std::regex("meter interval  \\(.*data/meter\\.csv:[0-9]+\\)\n      start = 2022-12-23T16:00")));
}

TEST_CASE("drsim explain --line: a same-day adjusted baseline, worked by hand") {
  // Loads 50 MW against baselines of 26 MW in the 3 hours before issue: 150 / 78 = 1.923..., clamped
  // to 1.2; the default baseline 26.555556 x 1.2 = 31.8666672, to six places 31.866667.
  const auto r = run_drsim("explain " + kSource + "/scenarios/examples/default-baseline/same-day.yaml --line SI-0a@HE16");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("load_sum_mw = 150\n      baseline_sum_mw = 78\n      ratio = 1.2") != std::string::npos);
  CHECK(r.out.find("default_baseline_mw = 26.555556\n      ratio = 1.2\n      baseline_mw = 31.866667") !=
        std::string::npos);
}

TEST_CASE("drsim explain --failure, --capacity, --allocation: derivations worked by hand") {
  const std::string sep = kSource + "/scenarios/examples/failures-separation/scenario.yaml";
  SECTION("SI-A2 starts 23 h 59 min after SI-A1: within 24 h start to start, not counted") {
    const auto r = run_drsim("explain " + sep + " --failure SI-A2");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("not counted: it starts less than failure_separation_h after the start") != std::string::npos);
    CHECK(r.out.find("last_counted = SI-A1") != std::string::npos);
    CHECK(r.out.find("hours_between = 23.983333") != std::string::npos);  // 23 + 59/60
    CHECK(r.out.find("counted = false") != std::string::npos);
  }
  SECTION("SI-B2, 24 h after SI-B1: the second counted failure disqualifies from the next day") {
    const auto r = run_drsim("explain " + sep + " --failure SI-B2");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("acp_stops_from = 2025-07-17") != std::string::npos);
    CHECK(r.out.find("acp_resumes_on = 2027-06-01") != std::string::npos);
    CHECK(r.out.find("disqualified = true") != std::string::npos);
  }
  SECTION("DR-B in summer 2025: paid June 1 to July 16, 46 days of 10 MW at 666.50") {
    // 30 June days + 16 July days = 46; 10 x 666.50 x 46 = 306,590.00.
    const auto r = run_drsim("explain " + sep + " --capacity DR-B:summer");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("days_paid = 46\n      exact_usd = 306590.00\n      amount_usd = 306590.00") != std::string::npos);
  }
  SECTION("LSE-A's share of 100.01 on weights 30 of 90: 33.33 plus the first of two cents left over") {
    // 10001 cents x 30 / 90 = 3333.67: each LSE's floor is 3333 (3 x 3333 = 9999), 2 cents left over
    // go to the two largest remainders; LSE-A's ties first by id: 33.34.
    const auto r = run_drsim("explain " + kSource + "/scenarios/examples/allocation/scenario.yaml --allocation LSE-A");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("amount_usd = 100.01\n      weight = 30\n      total_weight = 90\n      floor_usd = 33.33") !=
          std::string::npos);
    CHECK(r.out.find("cents_left_over = 2\n      share_usd = 33.34") != std::string::npos);
    CHECK(r.out.find("allocated_usd = 35.86") != std::string::npos);  // allocation.csv's LSE-A
  }
}

TEST_CASE("drsim explain: unknown selectors are errors that say what is unknown") {
  const std::string we = kSource + "/scenarios/examples/worked-example/scenario.yaml";
  auto r = run_drsim("explain " + we + " --line NOPE@HE17");
  CHECK(r.status == 2);
  CHECK(r.out.find("no instruction NOPE in the statement") != std::string::npos);
  r = run_drsim("explain " + we + " --capacity X");
  CHECK(r.status == 2);
  CHECK(r.out.find("expected RESOURCE:SEASON") != std::string::npos);
  r = run_drsim("explain " + we);
  CHECK(r.status == 2);
  CHECK(r.out.find("give one of --line") != std::string::npos);
  r = run_drsim("explain " + we + " --line a@b --failure c");
  CHECK(r.status == 2);
}
