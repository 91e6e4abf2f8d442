// results.sqlite's typed columns: numeric queries, exact reading back (run_tables), exact_figures,
// typed rule values and the pandas view of a real replay (tests/reports/scripts/pandas_check.py).
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <sstream>
#include <vector>

#include "reports/html_report.hpp"
#include "reports/results_db.hpp"
#include "reports/results_schema.hpp"
#include "reports/run_tables.hpp"
#include "tests/reports/report_test_support.hpp"

using namespace drsim;
using namespace drsim::reports;
using namespace drsim::test;

namespace {

const std::string kElliott = std::string(DRSIM_SOURCE_DIR) + "/scenarios/real/elliott-2022/scenario.yaml";

// Runs `scenario` into `dir`/out and returns that folder.
fs::path run_into(const TempDir& dir, const std::string& scenario) {
  const CommandResult r = run_drsim("run " + shell_quote(scenario) + " --out out -q", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  return dir.path() / "out";
}

// A CSV file without quoted fields (the statements of these scenarios have none) as header + rows.
std::vector<std::vector<std::string>> csv_rows(const fs::path& p) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(read_file(p));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t pos = 0;
    while (true) {
      const std::size_t comma = line.find(',', pos);
      cells.push_back(line.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
    out.push_back(std::move(cells));
  }
  return out;
}

// Every cell of `csv_file` equals the text RunTables reads from the same column of `table`
// (the CSV's true/false flags are 1/0 in the database).
void check_reads_back(const RunTables& run, const std::string& table, const fs::path& csv_file) {
  const auto rows = csv_rows(csv_file);
  REQUIRE(!rows.empty());
  const DbTable& t = run.table(table);
  REQUIRE(t.rows.size() == rows.size() - 1);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    for (std::size_t c = 0; c < rows[0].size(); ++c) {
      const std::string& column = rows[0][c];
      if (!t.has(column)) continue;
      std::string want = rows[i][c];
      if (want == "true" || want == "false") want = want == "true" ? "1" : "0";
      INFO(table << " row " << i << " " << column);
      CHECK(t.at(i - 1, column) == want);
    }
  }
}

// Every table of `a` equals the same table of `b`: columns, types, texts and figures.
void check_same_tables(const RunTables& a, const RunTables& b) {
  CHECK(a.path == b.path);
  REQUIRE(a.tables.size() == b.tables.size());
  for (const auto& [name, t] : a.tables) {
    INFO("table " << name);
    REQUIRE(b.tables.count(name) == 1);
    const DbTable& o = b.tables.at(name);
    CHECK(t.columns == o.columns);
    CHECK(t.types == o.types);
    CHECK(t.rows == o.rows);
    CHECK(t.figures == o.figures);
  }
}

std::string one(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement q(db, sql);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getString();
}

}  // namespace

TEST_CASE("results.sqlite of the Elliott replay: comparisons, sorting and max are numeric") {
  TempDir dir("typed-elliott");
  const fs::path out = run_into(dir, kElliott);
  SQLite::Database db((out / "results.sqlite").string(), SQLite::OPEN_READONLY);
  // hourly.csv has 21 lines; 18 have an LMP above $1,000/MWh (21 as TEXT: every text sorts above a number).
  CHECK(one(db, "SELECT count(*) FROM hourly WHERE lmp_usd_per_mwh > 1000") == "18");
  CHECK(one(db, "SELECT count(*) FROM hourly") == "21");
  // The highest LMP of the replay is 2411.71 (as TEXT 266.52 sorted first).
  CHECK(one(db, "SELECT lmp_usd_per_mwh FROM hourly ORDER BY lmp_usd_per_mwh DESC") == "2411.71");
  // The largest energy charge is 3617.57 (as TEXT max() gave 89.12).
  CHECK(one(db, "SELECT max(energy_charge_usd) FROM hourly") == "3617.57");
  // Sums: the exact cents give the headline's 21501.54 + 42.53 = 21544.07.
  CHECK(one(db, "SELECT sum(energy_charge_cents) FROM hourly") == "2150154");
  CHECK(one(db, "SELECT sum(energy_charge_cents + rsg_charge_cents) FROM hourly") == "2154407");
  CHECK(one(db, "SELECT value_cents FROM summary WHERE key = 'penalty_usd'") == "2154407");
  CHECK(one(db, "SELECT typeof(value) FROM summary WHERE key = 'penalty_usd'") == "real");
  CHECK(one(db, "SELECT typeof(value) FROM summary WHERE key = 'disqualified'") == "text");
  // Storage classes: REAL figures, INTEGER cents and flags, TEXT times; NULL for no baseline.
  CHECK(one(db, "SELECT group_concat(DISTINCT typeof(instructed_mw) || typeof(shortfall_mwh) || typeof(multiplier) || "
                "typeof(energy_charge_usd) || typeof(energy_charge_cents) || typeof(he) || typeof(hour_start)) "
                "FROM hourly") == "realrealrealrealintegerintegertext");
  CHECK(one(db, "SELECT typeof(acp_usd_per_mw_day) || typeof(amount_usd) || typeof(days_paid) FROM capacity") ==
        "realrealinteger");
  CHECK(one(db, "SELECT count(*) FROM exact_figures") == "0");
  // The stored totals: per resource they add up to the run's penalty (the statement's one
  // aggregation of its ledger), EL-DR-B5's 10040.23 + 21.39 = 10061.62 over its 3 hours,
  // EL-BTMG-B6 the one disqualified; per LSE the allocation adds up to the same 21544.07.
  CHECK(one(db, "SELECT sum(penalty_cents) FROM resource_totals") == "2154407");
  CHECK(one(db, "SELECT penalty_usd || ' ' || instruction_hours FROM resource_totals WHERE resource_id = 'EL-DR-B5'") ==
        "10061.62 3");
  CHECK(one(db, "SELECT group_concat(resource_id) FROM resource_totals WHERE disqualified = 1") == "EL-BTMG-B6");
  CHECK(one(db, "SELECT sum(failed_occasions) || ' ' || sum(counted_failures) FROM resource_totals") == "5 5");
  CHECK(one(db, "SELECT sum(allocated_cents) FROM lse_totals") == "2154407");
  CHECK(one(db, "SELECT typeof(capacity_usd) || typeof(capacity_cents) || typeof(disqualified) FROM resource_totals") ==
        "realintegerinteger");
}

TEST_CASE("results.sqlite reads back through RunTables as the exact texts of the CSV statements") {
  SECTION("the Elliott replay: real prices and building loads") {
    TempDir dir("typed-readback");
    const fs::path out = run_into(dir, kElliott);
    const RunTables run = read_run_tables((out / "results.sqlite").string());
    check_reads_back(run, "hourly", out / "hourly.csv");
    check_reads_back(run, "capacity", out / "capacity.csv");
    check_reads_back(run, "allocation", out / "allocation.csv");
    check_reads_back(run, "failures", out / "failures.csv");
    check_reads_back(run, "resource_totals", out / "resource_totals.csv");
    check_reads_back(run, "lse_totals", out / "lse_totals.csv");
    // Typed figures beside the texts: the first line's charge in cents and its hour ending.
    const DbTable& h = run.table("hourly");
    CHECK(h.money(0, "energy_charge_usd") == Money::parse(h.at(0, "energy_charge_usd")));
    CHECK(h.integer(0, "he") == std::stoll(h.at(0, "he")));
    CHECK_THROWS_AS(h.money(0, "lmp_usd_per_mwh"), std::logic_error);
  }
  SECTION("the EO example: rates with two places, MW-days, negative adjustments") {
    TempDir dir("typed-readback-eo");
    const fs::path out = run_into(dir, copy_example("earnings-opportunity", dir.path(), "eo").string());
    const RunTables run = read_run_tables((out / "results.sqlite").string());
    check_reads_back(run, "eo", out / "eo.csv");
    check_reads_back(run, "capacity", out / "capacity.csv");
    check_reads_back(run, "hourly", out / "hourly.csv");
  }
}

TEST_CASE("a six-place decimal of at most 15 significant digits reads back from its REAL exactly") {
  // Hand-picked: 0.35 and 10.1 have no exact double; the loader's extremes; the last place.
  for (const char* text : {"0.35", "10.1", "0.1", "-0.000001", "999999.999999", "-1000000", "100000.000001",
                           "33.2", "2411.71", "123456789.123456", "-999999999.999999"}) {
    const auto micros = parse_scaled(text, Decimal::kPlaces, true);
    REQUIRE(micros);
    INFO(text);
    CHECK(real_micros(stored_real(text)) == micros);
  }
  // A deterministic sweep of 200,000 values within +-1,000,000 with six places (a linear
  // congruential sequence, so a failure names a reproducible value).
  std::uint64_t x = 88172645463325252ULL;
  int wrong = 0;
  for (int i = 0; i < 200000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto micros = static_cast<std::int64_t>(x >> 20) % 1'000'000'000'001LL - (i % 2 ? 0 : 1'000'000'000'000LL);
    const std::string text = Decimal::from_micros(micros).str();
    if (real_micros(stored_real(text)) != int128(micros)) ++wrong;
  }
  CHECK(wrong == 0);
  // 17 significant digits do not survive a double: such a figure goes to exact_figures.
  CHECK(real_micros(stored_real("12345678901.234567")) != parse_scaled("12345678901.234567", 6, true));
}

TEST_CASE("figures beyond REAL and 64-bit cents are kept in exact_figures and read back exactly") {
  TempDir dir("typed-exact");
  Statement st;
  EoLine e;
  e.mp_id = "MP-1";
  e.acp = UsdPerMwDay(Decimal::from_micros(666'500'000));  // 666.50 $/MW-day
  e.cleared_mw = Mw(Decimal::from_int(100000));
  // 36,600,000,000,000.123456 MW-days: 20 significant digits, beyond a double.
  e.mw_days_before = WideDecimal::from_micros(int128(36'600'000'000'000LL) * 1'000'000 + 123456);
  e.mw_days_after = WideDecimal::from_micros(int128(5) * 1'000'000);
  // 2^63 cents, and -(2^63 + 1): just beyond SQLite's INTEGER (-2^63 itself fits).
  e.eo_before = Money::from_cents(int128(INT64_MAX) + 1);
  e.adjustment = Money::from_cents(-(int128(INT64_MAX) + 2));
  e.eo = Money::from_cents(35);
  st.eo.push_back(e);
  st.eo_total = e.eo;
  const std::string path = dir.str("r.sqlite");
  write_results_db(path, RunInfo{}, Scenario{}, RunRecord{}, st);
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(one(db, "SELECT eo_before_cents IS NULL AND adjustment_cents IS NULL AND eo_cents = 35 FROM eo") == "1");
    CHECK(one(db, "SELECT group_concat(column_name || '=' || text, ' ') FROM exact_figures WHERE table_name = 'eo'") ==
          "mw_days_before=36600000000000.123456 eo_before_usd=92233720368547758.08 adjustment_usd=-92233720368547758.09");
  }
  const RunTables run = read_run_tables(path);
  const DbTable& t = run.table("eo");
  CHECK(t.at(0, "acp_usd_per_mw_day") == "666.50");
  CHECK(t.at(0, "cleared_mw") == "100000");
  CHECK(t.at(0, "mw_days_before") == "36600000000000.123456");
  CHECK(t.at(0, "mw_days_after") == "5");
  CHECK(t.at(0, "eo_before_usd") == "92233720368547758.08");
  CHECK(t.at(0, "adjustment_usd") == "-92233720368547758.09");
  CHECK(t.at(0, "eo_usd") == "0.35");
  CHECK(t.money(0, "eo_before_usd") == Money::from_cents(int128(INT64_MAX) + 1));
  CHECK(t.number(0, "mw_days_before") == e.mw_days_before);
  CHECK(run.summary("eo_usd") == "0.35");
  // The tables built in memory for report.html are the database's, cell for cell.
  check_same_tables(run_tables(path, RunInfo{}, Scenario{}, RunRecord{}, st), run);
}

TEST_CASE("rule values are stored as REAL numbers, INTEGER 0/1 booleans and TEXT names, and read back as written") {
  TempDir dir("typed-rules");
  const fs::path scenario = copy_example("worked-example", dir.path(), "we");
  const fs::path out = run_into(dir, scenario.string());
  SQLite::Database db((out / "results.sqlite").string(), SQLite::OPEN_READONLY);
  CHECK(one(db, "SELECT typeof(value) || ' ' || value FROM rules WHERE key = 'multiplier_applies_to_rsg'") ==
        "integer 0");
  CHECK(one(db, "SELECT typeof(value) || ' ' || value FROM rules WHERE key = 'untested_multiplier'") == "real 3.0");
  CHECK(one(db, "SELECT typeof(value) || ' ' || value FROM rules WHERE key = 'failure_separation_basis'") ==
        "text start_to_start");
  const RunTables run = read_run_tables((out / "results.sqlite").string());
  const DbTable& r = run.table("rules");
  std::map<std::string, std::string> value;
  for (std::size_t i = 0; i < r.rows.size(); ++i) value[r.at(i, "key")] = r.at(i, "value");
  CHECK(value["multiplier_applies_to_rsg"] == "false");
  CHECK(value["penalize_btmg"] == "true");
  CHECK(value["untested_multiplier"] == "3");
  CHECK(value["failure_separation_h"] == "24");
  CHECK(value["failure_separation_basis"] == "start_to_start");
  const std::string summary = read_file(out / "summary.json");
  CHECK(summary.find("\"multiplier_applies_to_rsg\": false,") != std::string::npos);
  CHECK(summary.find("\"untested_multiplier\": 3,") != std::string::npos);
  CHECK(summary.find("\"failure_separation_basis\": \"start_to_start\",") != std::string::npos);
}

// The tables of `run` written as drsim wrote them before the columns were typed: every figure
// TEXT (the CSV text, "" for none), integers, flags and cents INTEGER, without the columns added
// since (the EO's before/adjustment cents, summary cents, warning entities).
void write_untyped_copy(const RunTables& run, const std::string& to) {
  SQLite::Database db(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const auto added = [](const std::string& c) {
    return c == "eo_before_cents" || c == "adjustment_cents" || c == "value_cents" || c == "entity";
  };
  for (const auto& [name, t] : run.tables) {
    std::string cols = name == "runs" ? "" : "run_id INTEGER";
    std::string marks = name == "runs" ? "" : "1";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (added(t.columns[c]) && name != "events") continue;
      const bool integer = t.types[c] == ColumnType::integer || t.types[c] == ColumnType::flag ||
                           t.types[c] == ColumnType::cents;
      cols += std::string(cols.empty() ? "" : ", ") + "\"" + t.columns[c] + "\"" + (integer ? " INTEGER" : " TEXT");
      marks += std::string(marks.empty() ? "" : ",") + "?";
    }
    db.exec("CREATE TABLE " + name + " (" + cols + ")");
    SQLite::Statement q(db, "INSERT INTO " + name + " VALUES (" + marks + ")");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      int at = 0;  // the parameters, after the literal run_id
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (added(t.columns[c]) && name != "events") continue;
        ++at;
        const bool integer = t.types[c] == ColumnType::integer || t.types[c] == ColumnType::flag ||
                             t.types[c] == ColumnType::cents;
        if (integer && t.rows[i][c].empty()) q.bind(at);
        else if (integer) q.bind(at, static_cast<std::int64_t>(std::stoll(t.rows[i][c])));
        else q.bind(at, t.rows[i][c]);
      }
      q.exec();
      q.reset();
    }
  }
}

TEST_CASE("a results database of an earlier drsim (every figure TEXT) reads back and reports the same") {
  TempDir dir("typed-untyped");
  const fs::path out = run_into(dir, copy_example("earnings-opportunity", dir.path(), "eo").string());
  const RunTables typed = read_run_tables((out / "results.sqlite").string());
  write_untyped_copy(typed, dir.str("old.sqlite"));
  const RunTables old = read_run_tables(dir.str("old.sqlite"));
  for (const auto& [name, t] : typed.tables) {
    const DbTable& o = old.table(name);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (!o.has(t.columns[c])) continue;  // added since
      for (std::size_t i = 0; i < t.rows.size(); ++i) {
        INFO(name << "." << t.columns[c] << " row " << i);
        CHECK(o.at(i, t.columns[c]) == t.rows[i][c]);
      }
    }
    CHECK(o.rows.size() == t.rows.size());
  }
  CHECK(old.table("hourly").money(0, "energy_charge_usd") == typed.table("hourly").money(0, "energy_charge_usd"));
  CHECK(html_report(old) == html_report(typed));
}

TEST_CASE("pandas reads the Elliott and EO runs with numeric dtypes and money sums equal to the CSV totals") {
  for (const std::string example : {"", "earnings-opportunity"}) {
    TempDir dir("typed-pandas");
    const std::string scenario = example.empty() ? kElliott : copy_example(example, dir.path(), "s").string();
    const fs::path out = run_into(dir, scenario);
    const std::string script = std::string(DRSIM_SOURCE_DIR) + "/tests/reports/scripts/pandas_check.py";
    const CommandResult r = run_command("/usr/bin/python3 " + shell_quote(script) + " out", dir.path());
    INFO(r.output);
    if (r.status == 77) FAIL("pandas is not installed: `./build.sh unit` installs it (Debian package python3-pandas)");
    CHECK(r.status == 0);
  }
}

TEST_CASE("drsim run's report.html, built from its tables in memory, is the bytes drsim report writes from results.sqlite") {
  // Every bundled example and real replay: the run writes report.html beside the database it is
  // writing (reports/run_outputs.cpp); `drsim report --db` reads that database back.
  TempDir dir("report-from-memory");
  int n = 0;
  for (const char* root : {"scenarios/examples", "scenarios/real"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(DRSIM_SOURCE_DIR) / root)) {
      if (e.path().extension() != ".yaml") continue;
      const std::string out = "out" + std::to_string(++n);
      const CommandResult r = run_drsim("run " + shell_quote(e.path().string()) + " --out " + out + " -q", dir.path());
      INFO(e.path().string() << "\n" << r.output);
      REQUIRE(r.status == 0);
      const CommandResult rep = run_drsim("report --db " + out + "/results.sqlite --out " + out + "/again", dir.path());
      INFO(rep.output);
      REQUIRE(rep.status == 0);
      CHECK(read_file(dir.path() / out / "report.html") == read_file(dir.path() / out / "again" / "report.html"));
    }
  }
  CHECK(n >= 35);
}
