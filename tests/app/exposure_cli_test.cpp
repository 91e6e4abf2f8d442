// CLI tests of drsim exposure / exposure-merge: byte-identical across threads and shards, trials equal
// `drsim run` on the dumped trial scenario, refused merges, and Ctrl-C partial output.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "tests/support/cli.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kScenario = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/utility-exposure/scenario.yaml";
const char* const kFiles[] = {"exposure.csv",           "exposure_summary.json",  "exposure_summary.csv",
                              "exposure_resources.csv", "exposure_disqualification.csv", "exposure_histogram.csv",
                              "exposure_run.csv",       "exposure.sqlite",        "exposure_report.html"};

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("drsim_exposure_cli_" + std::to_string(getpid()));
  Scratch() { fs::remove_all(dir); fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

std::vector<std::vector<std::string>> csv_cells(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(drsim::test::read_file(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

std::string json_number(const std::string& json, const std::string& key) {
  std::smatch m;
  REQUIRE(std::regex_search(json, m, std::regex("\"" + key + "\": (-?[0-9.]+)")));
  return m[1];
}

void require_same_files(const std::string& a, const std::string& b) {
  for (const char* f : kFiles) {
    INFO(f);
    const std::string x = drsim::test::read_file(a + "/" + f);
    REQUIRE_FALSE(x.empty());
    CHECK(x == drsim::test::read_file(b + "/" + f));
  }
}

}  // namespace

TEST_CASE("exposure: same seed, same bytes with 1, 2 or 3 threads, 4 shards merge to the unsharded bytes", "[exposure]") {
  Scratch tmp;
  const std::string common = kScenario + " --trials 24 --seed 7 -q";
  REQUIRE(drsim::test::drsim_status("exposure " + common + " --threads 1 --out " + (tmp / "one")) == 0);
  REQUIRE(drsim::test::drsim_status("exposure " + common + " --threads 2 --out " + (tmp / "two")) == 0);
  REQUIRE(drsim::test::drsim_status("exposure " + common + " --threads 3 --out " + (tmp / "three")) == 0);
  require_same_files(tmp / "one", tmp / "two");
  require_same_files(tmp / "one", tmp / "three");
  CHECK(csv_cells(tmp / "one/exposure.csv").size() == 24);

  // exposure_run.csv: the run's facts, each key once; the resources are in exposure_resources.csv.
  std::vector<std::string> keys;
  for (const auto& row : csv_cells(tmp / "one/exposure_run.csv")) keys.push_back(row.at(0));
  CHECK(keys == std::vector<std::string>{"format", "scenario_name", "scenario_sha256", "seed", "trials", "first_trial",
                                         "end_trial", "trials_completed", "partial", "resources"});
  CHECK(csv_cells(tmp / "one/exposure_run.csv").back() == std::vector<std::string>{"resources", "60"});
  const auto resources = csv_cells(tmp / "one/exposure_resources.csv");
  const auto old_table = csv_cells(tmp / "one/exposure_disqualification.csv");
  REQUIRE(resources.size() == 60);  // the example's portfolio, in scenario order
  REQUIRE(old_table.size() == 60);
  for (std::size_t i = 0; i < resources.size(); ++i) {
    INFO("row " << i);
    CHECK(resources[i].at(1) == std::to_string(i));
    CHECK(resources[i].at(3) == "24");
    // exposure_disqualification.csv is kept: the same rows without the index.
    CHECK(old_table[i] == std::vector<std::string>{resources[i][0], resources[i][2], resources[i][3], resources[i][4]});
  }
  CHECK(drsim::test::read_file(tmp / "one/exposure_report.html").find("<svg") != std::string::npos);
  {
    // exposure.sqlite holds every trial row of exposure.csv, the money exact in cents.
    SQLite::Database db(tmp / "one/exposure.sqlite");
    SQLite::Statement q(db, "SELECT trial, penalty_cents, eo_loss_cents, instructions FROM trials ORDER BY trial");
    for (const auto& row : csv_cells(tmp / "one/exposure.csv")) {
      REQUIRE(q.executeStep());
      const auto text = [](long long cents) {
        const std::string sign = cents < 0 ? "-" : "";
        const long long a = cents < 0 ? -cents : cents;
        const std::string frac = std::to_string(a % 100);
        return sign + std::to_string(a / 100) + "." + (frac.size() == 1 ? "0" : "") + frac;
      };
      CHECK(std::to_string(q.getColumn(0).getInt64()) == row[0]);
      CHECK(text(q.getColumn(1).getInt64()) == row[1]);
      CHECK(text(q.getColumn(2).getInt64()) == row[7]);
      CHECK(std::to_string(q.getColumn(3).getInt64()) == row[10]);
    }
    CHECK_FALSE(q.executeStep());
  }

  std::string shards;
  for (int k = 1; k <= 4; ++k) {
    const std::string out = tmp / ("shard" + std::to_string(k));
    REQUIRE(drsim::test::drsim_status("exposure " + common + " --threads 2 --shard " + std::to_string(k) + "/4 --out " + out) == 0);
    shards += " " + out;
  }
  CHECK(csv_cells(tmp / "shard2/exposure.csv").size() == 6);  // trials 6..11
  // Given in any order, the shards merge to exactly the files of the unsharded run.
  REQUIRE(drsim::test::drsim_status("exposure-merge" + shards.substr(0) + " --out " + (tmp / "merged") + " -q") == 0);
  require_same_files(tmp / "one", tmp / "merged");

  SECTION("a missing or repeated shard, or another seed, is refused with exit 2") {
    CHECK(drsim::test::drsim_status("exposure-merge " + (tmp / "shard1") + " " + (tmp / "shard2") + " --out " + (tmp / "m2")) == 2);
    CHECK(drsim::test::drsim_status("exposure-merge" + shards + " " + (tmp / "shard3") + " --out " + (tmp / "m3")) == 2);
    REQUIRE(drsim::test::drsim_status("exposure " + kScenario + " --trials 24 --seed 8 -q --shard 4/4 --out " + (tmp / "other")) == 0);
    CHECK(drsim::test::drsim_status("exposure-merge " + (tmp / "shard1") + " " + (tmp / "shard2") + " " + (tmp / "shard3") + " " +
                (tmp / "other") + " --out " + (tmp / "m4")) == 2);
    CHECK_FALSE(fs::exists(tmp / "m2"));
  }

  SECTION("a shard whose resource table differs, or of the old format, is refused with exit 2") {
    const std::string bad = tmp / "shard2b";
    fs::copy(tmp / "shard2", bad);
    std::string table = drsim::test::read_file(bad + "/exposure_resources.csv");
    const auto at = table.find('\n') + 1;  // the first resource row
    table.insert(at, "X");
    std::ofstream(bad + "/exposure_resources.csv", std::ios::binary | std::ios::trunc) << table;
    CHECK(drsim::test::drsim_status("exposure-merge " + (tmp / "shard1") + " " + bad + " " + (tmp / "shard3") + " " + (tmp / "shard4") +
                " --out " + (tmp / "m5")) == 2);
    fs::remove(bad + "/exposure_resources.csv");
    CHECK(drsim::test::drsim_status("exposure-merge " + (tmp / "shard1") + " " + bad + " " + (tmp / "shard3") + " " + (tmp / "shard4") +
                " --out " + (tmp / "m6")) == 2);
    const std::string old_format = tmp / "shard4old";
    fs::copy(tmp / "shard4", old_format);
    std::string run = drsim::test::read_file(old_format + "/exposure_run.csv");
    run.replace(run.find("format,2"), 8, "format,1");
    std::ofstream(old_format + "/exposure_run.csv", std::ios::binary | std::ios::trunc) << run;
    CHECK(drsim::test::drsim_status("exposure-merge " + (tmp / "shard1") + " " + (tmp / "shard2") + " " + (tmp / "shard3") + " " + old_format +
                " --out " + (tmp / "m7")) == 2);
    CHECK_FALSE(fs::exists(tmp / "m5"));
    CHECK_FALSE(fs::exists(tmp / "m7"));
  }
}

TEST_CASE("exposure: a trial's figures equal `drsim run` on its dumped scenario", "[exposure]") {
  Scratch tmp;
  REQUIRE(drsim::test::drsim_status("exposure " + kScenario + " --trials 12 --seed 3 -q --out " + (tmp / "run")) == 0);
  const auto rows = csv_cells(tmp / "run/exposure.csv");
  REQUIRE(rows.size() == 12);
  int compared_with_penalty = 0;
  for (const auto& row : rows) {
    // trial,penalty,energy,rsg,capacity,eo_before,eo,eo_loss,dq_count,emergencies,instructions,dq
    const bool charged = row[1] != "0.00";
    if (!charged && row[0] != "0") continue;  // trial 0 and every charged trial
    const std::string dump = tmp / ("trial" + row[0]);
    REQUIRE(drsim::test::drsim_status("exposure " + kScenario + " --seed 3 -q --dump-trial " + row[0] + " --out " + dump) == 0);
    REQUIRE(drsim::test::drsim_status("run " + dump + "/scenario.yaml -q --out " + dump + "/out") == 0);
    const std::string summary = drsim::test::read_file(dump + "/out/summary.json");
    INFO("trial " << row[0]);
    CHECK(json_number(summary, "penalty_usd") == row[1]);
    CHECK(json_number(summary, "energy_charge_usd") == row[2]);
    CHECK(json_number(summary, "rsg_charge_usd") == row[3]);
    CHECK(json_number(summary, "capacity_usd") == row[4]);
    CHECK(json_number(summary, "eo_usd") == row[6]);
    compared_with_penalty += charged;
  }
  CHECK(compared_with_penalty > 0);  // seed 3 has charged trials among the first 12
}

TEST_CASE("exposure: on many random trials of a pushed study, each equals `drsim run` on its dump", "[exposure]") {
  // The bundled portfolio under a harsher model: several emergencies a season at any hour, any
  // notice (short notice exempts), wide delivered fractions, missing reports and outages, so the
  // trials meet charges, failures, disqualifications, max_interruptions and max_duration.
  Scratch tmp;
  std::string text = drsim::test::read_file(kScenario);
  text.erase(text.find("\nexposure:") + 1);
  text += R"(exposure:
  seasons:
    summer: {emergencies: {min: 2, max: 5}, hours: {min: 1, max: 8}, start_hour: {min: 0, max: 23}}
    fall: {emergencies: {min: 1, max: 4}, hours: {min: 1, max: 8}, start_hour: {min: 0, max: 23}}
    winter: {emergencies: {min: 1, max: 4}, hours: {min: 1, max: 8}, start_hour: {min: 0, max: 23}}
    spring: {emergencies: {min: 0, max: 3}, hours: {min: 1, max: 8}, start_hour: {min: 0, max: 23}}
  coverage:
    - {lbas: [AMMO, CWLD], weight: 1}
    - {lbas: [AMMO], weight: 1}
  notice_h: {min: 0, max: 12}
  rsg_usd_per_mwh: {min: 0, max: 5}
  delivered_fraction:
    default: {min: 0.30, max: 1.20}
  missing_reporting_probability: 0.1
  forced_outage_probability: 0.1
  baseline_factor: 1.5
)";
  const std::string scenario = tmp / "pushed.yaml";
  std::ofstream(scenario, std::ios::binary) << text;
  constexpr int kTrials = 40;
  REQUIRE(drsim::test::drsim_status("exposure " + scenario + " --trials " + std::to_string(kTrials) + " --seed 11 -q --out " + (tmp / "run")) == 0);
  const auto rows = csv_cells(tmp / "run/exposure.csv");
  REQUIRE(rows.size() == kTrials);
  int charged = 0, disqualified = 0;
  for (const auto& row : rows) {
    // trial,penalty,energy,rsg,capacity,eo_before,eo,eo_loss,dq_count,emergencies,instructions,dq
    const std::string dump = tmp / ("trial" + row[0]);
    REQUIRE(drsim::test::drsim_status("exposure " + scenario + " --seed 11 -q --dump-trial " + row[0] + " --out " + dump) == 0);
    REQUIRE(drsim::test::drsim_status("run " + dump + "/scenario.yaml -q --out " + dump + "/out") == 0);
    const std::string summary = drsim::test::read_file(dump + "/out/summary.json");
    INFO("trial " << row[0]);
    CHECK(json_number(summary, "penalty_usd") == row[1]);
    CHECK(json_number(summary, "energy_charge_usd") == row[2]);
    CHECK(json_number(summary, "rsg_charge_usd") == row[3]);
    CHECK(json_number(summary, "capacity_usd") == row[4]);
    CHECK(json_number(summary, "eo_usd") == row[6]);
    charged += row[1] != "0.00";
    disqualified += row[8] != "0";
  }
  CHECK(charged >= kTrials / 2);  // the comparison covered charged years and disqualifications
  CHECK(disqualified > 0);
}

TEST_CASE("exposure: Ctrl-C writes the completed trials as partial and exits 130", "[exposure]") {
  Scratch tmp;
  const std::string out = tmp / "partial";
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    // Far more trials than 2.5 s can run (about 40,000 a second here since the trial kernel's
    // speed-ups: 100,000 finished before the signal came).
    execl(DRSIM_BINARY, DRSIM_BINARY, "exposure", kScenario.c_str(), "--trials", "1000000", "--seed", "1", "--threads",
          "2", "--out", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until it has been running a while (the scenario loads in well under a second).
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  const std::string summary = drsim::test::read_file(out + "/exposure_summary.json");
  CHECK(summary.find("\"partial\": true") != std::string::npos);
  const auto rows = csv_cells(out + "/exposure.csv");
  CHECK(json_number(summary, "trials_completed") == std::to_string(rows.size()));
  CHECK(rows.size() < 1000000);
  // The report and the database are written for a partial run too, and say so.
  CHECK(drsim::test::read_file(out + "/exposure_report.html").find("Partial:") != std::string::npos);
  CHECK(fs::exists(out + "/exposure.sqlite"));
  // A partial output is not a shard: merging it is refused.
  CHECK(drsim::test::drsim_status("exposure-merge " + out + " --out " + (tmp / "merged")) == 2);
}

// A trial's problems name the drawn entity by key; `drsim exposure` places them at the exposure:
// section through located(). With no LSE at all (`lses: []` in place of the example's three), the
// first drawn emergency's charges have nowhere to go. The `exposure:` key is on line 719 of the
// edited file; its first entry (`seasons:`) at line 720, column 3 is where the section is marked,
// as before the file model moved out of settlement/ (same text as the v1.2 build).
TEST_CASE("exposure: a drawn entity's problem is placed at the exposure: section", "[exposure]") {
  Scratch tmp;
  std::ifstream in(kScenario);
  std::ofstream out(tmp / "scenario.yaml");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 18) out << "lses: []\n";
    if (n >= 18 && n <= 21) continue;  // lses: and its three entries
    out << line << '\n';
  }
  out.close();
  const std::string cmd = std::string(DRSIM_BINARY) + " exposure " + (tmp / "scenario.yaml") +
                          " --trials 3 --seed 7 -q --out " + (tmp / "out") + " >/dev/null 2>" + (tmp / "err.txt");
  const int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  std::istringstream err(drsim::test::read_file(tmp / "err.txt"));
  std::string first;
  std::getline(err, first);
  CHECK(first == (tmp / "scenario.yaml") +
                     ":720:3: emergencies.EM-001: no LSE in the emergency's LBAs to receive its penalty charges");
  // Said once for the emergency, not once per charged hour (the trial has many).
  int lines = 1;
  for (std::string more; std::getline(err, more);) lines += more.find("EM-001: no LSE") != std::string::npos;
  CHECK(lines == 1);
}
