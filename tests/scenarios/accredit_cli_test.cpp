// `drsim accredit` end to end: the example files reproduce the seeds' worked examples in the CSVs.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

using Row = std::map<std::string, std::string>;

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

std::vector<Row> read_csv(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  const auto header = split_csv_line(line);
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    const auto cells = split_csv_line(line);
    REQUIRE(cells.size() == header.size());
    Row r;
    for (std::size_t i = 0; i < header.size(); ++i) r[header[i]] = cells[i];
    rows.push_back(r);
  }
  return rows;
}

Row find(const std::vector<Row>& rows, const std::string& key, const std::string& value) {
  for (const auto& r : rows) {
    if (r.at(key) == value) return r;
  }
  FAIL("no row with " << key << " = " << value);
  return {};
}

struct Run {
  int status;
  std::string err;
};

Run run_accredit(const std::vector<std::string>& files, const fs::path& out, const fs::path& work) {
  std::string cmd = std::string(DRSIM_BINARY) + " accredit";
  for (const auto& f : files) cmd += " '" + f + "'";
  cmd += " --out '" + out.string() + "' > '" + (work / "stdout").string() + "' 2> '" + (work / "stderr").string() + "'";
  const int rc = std::system(cmd.c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, drsim::test::read_file(work / "stderr")};
}

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("drsim-accredit-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::vector<std::string> example_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(fs::path(DRSIM_SOURCE_DIR) / "scenarios" / "accredit")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("drsim accredit scenarios/accredit/*.yaml reproduces the seeds' examples", "[accredit][cli]") {
  const fs::path work = fresh_dir("examples");
  const fs::path out = work / "out";
  const Run r = run_accredit(example_files(), out, work);
  REQUIRE(r.status == 0);
  // The new LMR submitted 2025-02-20 is warned about, not refused (rules.md 7.1).
  CHECK(r.err.find("miso_btmg[1].submitted: warning: submitted 2025-02-20, after 2025-02-15") != std::string::npos);

  SECTION("PJM, seed 002: 100 MW unit, 20 MW new host load gives 80 MW") {
    const auto rows = read_csv(out / "pjm_colocated.csv");
    const Row seed = find(rows, "id", "PJM-SEED-100MW");
    CHECK(seed.at("host_load_used_mw") == "20");
    CHECK(seed.at("capacity_value_mw") == "80");
    CHECK(seed.at("cir_after_mw") == "80");
    // Under 3 years: max(metered 21.3, ISA 20) = 21.3; ICAP 100 - 4 - 21.3 = 74.7.
    CHECK(find(rows, "id", "PJM-NEW-LOAD-METERED-HIGHER").at("capacity_value_mw") == "74.7");
    // Over 3 years: the 9 MW of 2022-05-31 is outside [2022-06-01, 2025-06-01): 45 - 7.4 = 37.6.
    const Row elcc = find(rows, "id", "PJM-ELCC-3-YEARS");
    CHECK(elcc.at("host_load_used_mw") == "7.4");
    CHECK(elcc.at("capacity_value_mw") == "37.6");
  }

  SECTION("NYISO, seed 001: the chain from Peak Proxy Load 32") {
    const auto rows = read_csv(out / "nyiso_btmng.csv");
    for (const char* id : {"NY-SEED-GIVEN", "NY-SEED-METERED"}) {
      const Row n = find(rows, "id", id);
      CHECK(n.at("peak_proxy_load_mw") == "32");
      CHECK(n.at("achl_mw") == "34.059136");   // 32 x 1.058 x 1.006 (seed shows 34.05)
      CHECK(n.at("ahl_mw") == "40.019485");    // 34.059136 x 1.175 = 40.0194848 (seed shows 40)
      CHECK(n.at("adj_dmgc_mw") == "100");     // min(100, 135.019485, 138.019485)
      CHECK(n.at("net_icap_mw") == "59.980515");
      CHECK(n.at("gen_ucap_mw") == "98.28");   // seed shows 98.3
      CHECK(n.at("load_ucap_mw") == "36.337692");
      // Net UCAP = max(min(61.942308, 59.980515), 0): capped at Net ICAP. The seed prints 62,
      // dropping its own cap; the formula wins.
      CHECK(n.at("net_ucap_mw") == "59.980515");
      CHECK(n.at("ice_mw") == "60.948311");    // 59.9 / 0.9828
      CHECK(n.at("eligible") == "true");
    }
    CHECK(find(rows, "id", "NY-SEED-METERED").at("coincident_hours_metered") == "80");
    // Initial CRIS with DMNC 90 elected: min(90, 40.019485 + 95) - 40.019485 = 49.980515.
    const Row init = find(rows, "id", "NY-INITIAL-CRIS");
    CHECK(init.at("net_icap_mw") == "49.980515");
    CHECK(init.at("cris_request_within_limit") == "true");
    const Row small = find(rows, "id", "NY-SMALL-STORAGE");
    CHECK(small.at("eligible") == "false");
    CHECK(small.at("ineligible_reasons") ==
          "nameplate 1.5 MW is below 2 MW;ACHL 0.9 MW is below 1 MW;energy_storage resources are not eligible");
    const auto hours = read_csv(out / "nyiso_peak_proxy_hours.csv");
    CHECK(hours.size() == 20);
    CHECK(hours.front().at("host_load_mw") == "33.4");
    CHECK(hours.back().at("host_load_mw") == "30.6");
  }

  SECTION("WAPA, seed 004: BTM generation added back, exemptions, 12-CP") {
    const auto months = read_csv(out / "wapa_nits.csv");
    REQUIRE(months.size() == 13);
    // 80 + (10 metered G1 + 0.1 metered G2 + 0.08 unmetered G3) - 0; G4 (120 kW alone) and G5 (isolated) left out.
    CHECK(find(months, "month", "2024-01").at("nits_load_mw") == "90.18");
    CHECK(find(months, "month", "2024-07").at("nits_load_mw") == "93.68");  // 86 + 10.18 - 2.5
    CHECK(find(months, "month", "2024-11").at("twelve_cp_mw").empty());
    // (sum of 80..91 + 12 x 10.18 - 2.5) / 12 = 1145.66 / 12 = 95.4716666... -> 95.471667
    CHECK(find(months, "month", "2024-12").at("twelve_cp_mw") == "95.471667");
    // (1145.66 - 90.18 + 108.68) / 12 = 1164.16 / 12 = 97.0133333... -> 97.013333
    CHECK(find(months, "month", "2025-01").at("twelve_cp_mw") == "97.013333");
    const auto gens = read_csv(out / "wapa_generators.csv");
    CHECK(find(gens, "generator", "G1").at("realtime_monitoring") == "true");
    CHECK(find(gens, "generator", "G3").at("treatment") == "unmetered_full_load");
    CHECK(find(gens, "generator", "G4").at("treatment") == "exempt_below_150kw");
    CHECK(find(gens, "generator", "G5").at("treatment") == "exempt_isolated");
  }

  SECTION("MISO, seed 000: one row per registration and season, with the dates of seed 003") {
    const auto rows = read_csv(out / "miso_btmg_registration.csv");
    CHECK(rows.size() == 5);
    const Row lake = find(rows, "name", "Lakeside Hospital BTMG");
    CHECK(lake.at("due") == "2025-03-01");
    CHECK(lake.at("on_time") == "true");
    CHECK(lake.at("frap_rbdc_usable") == "false");
    CHECK(find(rows, "name", "Riverside Plant BTMG").at("due") == "2025-02-01");
  }
  fs::remove_all(work);
}

TEST_CASE("drsim accredit with bad files exits 2, reports every file's problems and writes nothing",
          "[accredit][cli]") {
  const fs::path work = fresh_dir("bad");
  std::ofstream(work / "a.yaml") << "drsim_accredit: 1\npjm_colocated:\n  - {id: P, kind: nuclear}\n";
  std::ofstream(work / "b.yaml") << "drsim_accredit: 1\nwapa_nits:\n  - {id: W, months: []}\n";
  const fs::path out = work / "out";
  const Run r = run_accredit({(work / "a.yaml").string(), (work / "b.yaml").string(),
                              (fs::path(DRSIM_SOURCE_DIR) / "scenarios/accredit/pjm_colocated.yaml").string()},
                             out, work);
  CHECK(r.status == 2);
  CHECK(r.err.find("a.yaml:3:19: pjm_colocated[0].kind: 'nuclear' is not thermal or elcc") != std::string::npos);
  CHECK(r.err.find("a.yaml:3:5: pjm_colocated[0].gross_capability_mw: is required") != std::string::npos);
  CHECK(r.err.find("b.yaml:3:21: wapa_nits[0].months: expected a list of at least one month") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(work);
}
