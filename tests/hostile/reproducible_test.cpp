// Reproducible runs: byte-identical CSV and JSON, equal SQLite tables but for run times; --force and refusal.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "hostile_support.hpp"

using namespace drsim::hostile;
namespace fs = std::filesystem;

namespace {

// Every row of every table as text, tables in name order, rows in rowid order;
// the runs table without started_at and finished_at (wall-clock times of the run).
std::string dump(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  std::vector<std::string> tables;
  SQLite::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  std::string out;
  for (const auto& t : tables) {
    SQLite::Statement q(db, "SELECT * FROM \"" + t + "\" ORDER BY rowid");
    out += "table " + t + "\n";
    while (q.executeStep()) {
      for (int c = 0; c < q.getColumnCount(); ++c) {
        const std::string col = q.getColumnName(c);
        if (t == "runs" && (col == "started_at" || col == "finished_at")) continue;
        out += col + "=" + (q.isColumnNull(c) ? std::string("NULL") : q.getColumn(c).getString()) + "|";
      }
      out += "\n";
    }
  }
  return out;
}

void expect_identical_runs(const std::string& scenario) {
  TempDir dir;
  const std::string a = dir / "a", b = dir / "b";
  const CliResult ra = run_drsim("run -q " + sh_quote(scenario) + " --out " + sh_quote(a));
  const CliResult rb = run_drsim("run -q " + sh_quote(scenario) + " --out " + sh_quote(b));
  INFO(ra.out << rb.out);
  REQUIRE(ra.status == 0);
  REQUIRE(rb.status == 0);
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(a)) files.push_back(e.path().filename().string());
  std::vector<std::string> files_b;
  for (const auto& e : fs::directory_iterator(b)) files_b.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  std::sort(files_b.begin(), files_b.end());
  CHECK(files == files_b);
  int compared = 0;
  for (const auto& f : files) {
    const auto ext = fs::path(f).extension();
    if (ext == ".csv" || ext == ".json") {  // report.html and eo.xlsx show the run's wall-clock times
      INFO(f);
      CHECK(read_file(a + "/" + f) == read_file(b + "/" + f));
      ++compared;
    }
  }
  CHECK(compared >= 7);  // hourly, failures, capacity, allocation, eo, deployments .csv and summary.json
  CHECK(dump(a + "/results.sqlite") == dump(b + "/results.sqlite"));
  // The outputs say what produced them: the scenario's SHA-256 and drsim's version.
  const std::string summary = read_file(a + "/summary.json");
  CHECK(summary.find("\"drsim_version\": \"" DRSIM_VERSION "\"") != std::string::npos);
  CHECK(summary.find("\"sha256\": \"") != std::string::npos);
}

}  // namespace

TEST_CASE("reproducible: two runs of the worked example give identical outputs") {
  expect_identical_runs(source_path("scenarios/examples/worked-example/scenario.yaml"));
}

TEST_CASE("reproducible: two runs of the Winter Storm Elliott replay give identical outputs") {
  expect_identical_runs(source_path("scenarios/real/elliott-2022/scenario.yaml"));
}

TEST_CASE("output folder: a non-empty --out is refused and left untouched, --force replaces it") {
  TempDir dir;
  const std::string out = dir / "out";
  dir.write("out/mine.txt", "keep me");
  const std::string scenario = source_path("scenarios/examples/worked-example/scenario.yaml");
  CliResult r = run_drsim("run " + sh_quote(scenario) + " --out " + sh_quote(out));
  INFO(r.out);
  CHECK(r.status == 2);
  CHECK(r.out.find("output folder " + out + " exists and is not empty: choose another --out, or add --force") !=
        std::string::npos);
  CHECK(read_file(out + "/mine.txt") == "keep me");
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator{}) == 1);

  r = run_drsim("run -q --force " + sh_quote(scenario) + " --out " + sh_quote(out));
  CHECK(r.status == 0);
  CHECK_FALSE(fs::exists(out + "/mine.txt"));
  CHECK(fs::exists(out + "/summary.json"));
  CHECK(fs::exists(out + "/results.sqlite"));
  // Nothing hidden is left beside it (no .out.partial-PID, no .out.old-PID).
  for (const auto& e : fs::directory_iterator(dir.path())) CHECK(e.path().filename() == "out");
}

TEST_CASE("output folder: an empty existing --out is used without --force") {
  TempDir dir;
  fs::create_directories(dir.path() / "out");
  const CliResult r = run_drsim("run -q " + sh_quote(source_path("scenarios/examples/worked-example/scenario.yaml")) +
                            " --out " + sh_quote(dir / "out"));
  CHECK(r.status == 0);
  CHECK(fs::exists(dir.path() / "out/hourly.csv"));
}
