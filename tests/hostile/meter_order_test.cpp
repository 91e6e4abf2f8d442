// Meter rows in any order (format.md, series files v1.2): shuffled files settle identically, overlaps name both lines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_support.hpp"

using namespace drsim::hostile;
namespace fs = std::filesystem;

namespace {

// The lines of `text` (without their ends).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The header, then the data rows of `csv` in a fixed pseudo-random order (never the original one).
std::string shuffled(const std::string& csv) {
  auto lines = lines_of(csv);
  std::vector<std::string> rows(lines.begin() + 1, lines.end());
  const auto sorted = rows;
  std::mt19937 rng(12);
  while (rows == sorted) std::shuffle(rows.begin(), rows.end(), rng);
  std::string out = lines.front() + "\n";
  for (const auto& r : rows) out += r + "\n";
  return out;
}

// Runs `drsim check` on `scenario` with data/meter.csv set to each of `meters` in turn, into out0, out1, ...
// of `dir`, and checks that every CSV and JSON output is byte-identical to the first run's.
void expect_same_outputs(const TempDir& dir, const std::string& scenario, const std::vector<std::string>& meters) {
  std::vector<std::string> outs;
  for (std::size_t i = 0; i < meters.size(); ++i) {
    dir.write("data/meter.csv", meters[i]);
    outs.push_back(dir / ("out" + std::to_string(i)));
    const CliResult r = run_drsim("check " + sh_quote(scenario) + " --out " + sh_quote(outs.back()));
    INFO(r.out);
    REQUIRE(r.status == 0);  // the scenario's expect: figures hold, whatever the row order
  }
  int compared = 0;
  for (const auto& e : fs::directory_iterator(outs.front())) {
    const auto ext = e.path().extension();
    if (ext != ".csv" && ext != ".json") continue;  // report.html and eo.xlsx show wall-clock times
    for (std::size_t i = 1; i < outs.size(); ++i) {
      INFO(e.path().filename().string() << " of run " << i);
      CHECK(read_file(e.path()) == read_file(fs::path(outs[i]) / e.path().filename()));
      ++compared;
    }
  }
  CHECK(compared >= 2 * static_cast<int>(meters.size() - 1));  // hourly.csv and summary.json at least
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// 2025-06-01T00:00 plus 5 i minutes, as YYYY-MM-DDTHH:MM (civil from days, proleptic Gregorian).
std::string five_minute_stamp(int i) {
  const long minutes = 5L * i;
  long z = 20240 + minutes / 1440 + 719468;  // 2025-06-01 is day 20240 after 1970-01-01
  const long era = z / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ldT%02ld:%02ld", y, m, d, (minutes % 1440) / 60, minutes % 60);
  return buf;
}

const std::string kMeterHeader = "resource,interval_start,interval_minutes,mw\n";

}  // namespace

TEST_CASE("meter order: the default-baseline example shuffled gives byte-identical outputs") {
  // 1,438 hourly rows of two resources over 30 days; the baseline is computed from them (rules.md 4.6).
  TempDir dir;
  const std::string src = source_path("scenarios/examples/default-baseline/");
  const std::string scenario = dir.write("scenario.yaml", read_file(src + "scenario.yaml"));
  const std::string sorted = read_file(src + "data/meter.csv");
  auto reversed = lines_of(sorted);
  std::reverse(reversed.begin() + 1, reversed.end());
  std::string backwards;
  for (const auto& l : reversed) backwards += l + "\n";
  expect_same_outputs(dir, scenario, {sorted, shuffled(sorted), backwards});
}

TEST_CASE("meter order: the worked example in 5-minute rows, shuffled, gives byte-identical outputs") {
  // Each hour's 12 rows alternate 0.25 MW below and above the worked example's hourly load
  // (10, 12, 14, 12.5), so the hourly means, and the figures of its expect: block, are unchanged.
  const double load[4] = {10, 12, 14, 12.5};
  std::string meter = kMeterHeader;
  for (int h = 0; h < 4; ++h) {
    for (int m = 0; m < 60; m += 5) {
      char mw[32];
      std::snprintf(mw, sizeof mw, "%.2f", load[h] + ((m / 5) % 2 ? 0.25 : -0.25));
      meter += "DR-1,2025-07-15T" + two(15 + h) + ":" + two(m) + ",5," + mw + "\n";
    }
  }
  TempDir dir;
  copy_worked_data(dir);
  const std::string scenario = dir.write("s.yaml", worked_example());
  expect_same_outputs(dir, scenario, {meter, shuffled(meter)});
}

TEST_CASE("meter order: a repeated interval in a shuffled file names both lines") {
  TempDir dir;
  copy_worked_data(dir);
  // Line 2 repeats line 5 (17:00, 60 minutes), with rows out of order around them.
  dir.write("data/meter.csv", kMeterHeader + "DR-1,2025-07-15T17:00,60,14\nDR-1,2025-07-15T15:00,60,10\n"
                                        "DR-1,2025-07-15T18:00,60,12.5\nDR-1,2025-07-15T17:00,60,13\n"
                                        "DR-1,2025-07-15T16:00,60,12\n");
  const std::string path = dir.write("s.yaml", worked_example());
  const CliResult v = run_drsim("validate " + sh_quote(path));
  CHECK(v.status == 2);
  CHECK(v.out == dir / "data/meter.csv" +
                     ":5: interval_start: 2025-07-15T17:00 repeats the interval 2025-07-15T17:00 .. 2025-07-15T18:00 "
                     "at line 2\n");
}

TEST_CASE("meter order: a 15-minute row inside a 60-minute row names both lines, whichever comes first") {
  TempDir dir;
  copy_worked_data(dir);
  // Line 2: 16:15 for 15 minutes, inside line 5's 16:00 .. 17:00. Sorted by start, 16:00 comes first,
  // so the 15-minute row is the one reported, naming the 60-minute row's line.
  dir.write("data/meter.csv", kMeterHeader + "DR-1,2025-07-15T16:15,15,12\nDR-1,2025-07-15T15:00,60,10\n"
                                        "DR-1,2025-07-15T17:00,60,14\nDR-1,2025-07-15T16:00,60,12\n"
                                        "DR-1,2025-07-15T18:00,60,12.5\n");
  const std::string path = dir.write("s.yaml", worked_example());
  const CliResult v = run_drsim("validate " + sh_quote(path));
  CHECK(v.status == 2);
  CHECK(v.out == dir / "data/meter.csv" +
                     ":2: interval_start: 2025-07-15T16:15 overlaps the interval 2025-07-15T16:00 .. 2025-07-15T17:00 "
                     "at line 5\n");
  // In time order the overlap is the same problem: line 3 (16:30, 5 minutes) inside line 2 (16:00, 60 minutes).
  dir.write("data/meter.csv", kMeterHeader + "DR-1,2025-07-15T15:00,60,10\nDR-1,2025-07-15T16:00,60,12\n"
                                        "DR-1,2025-07-15T16:30,5,12\nDR-1,2025-07-15T17:00,60,14\n"
                                        "DR-1,2025-07-15T18:00,60,12.5\n");
  const CliResult sorted = run_drsim("validate " + sh_quote(path));
  CHECK(sorted.status == 2);
  CHECK(sorted.out == dir / "data/meter.csv" +
                          ":4: interval_start: 2025-07-15T16:30 overlaps the interval 2025-07-15T16:00 .. "
                          "2025-07-15T17:00 at line 3\n");
}

TEST_CASE("meter order large: 1,000,000 rows in reverse order, one repeat, in bounded memory") {
  TempDir dir;
  copy_worked_data(dir);
  // 999,999 five-minute rows of DR-1, newest first, from 2025-06-01 on (about 9.5 years), then at the
  // last line, 1,000,001, a repeat of line 2's interval (the newest). The resource is out of order from
  // line 3 on, so its rows are re-read and sorted.
  const std::string meter_path = dir / "data/meter.csv";
  constexpr int kRowCount = 999'999;
  {
    // Written from the newest row down, computing each stamp: the test holds no copy of the rows
    // (a forked child's peak RSS counts the parent's memory at the fork).
    std::FILE* f = std::fopen(meter_path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fputs(kMeterHeader.c_str(), f);
    for (int i = kRowCount - 1; i >= 0; --i) std::fprintf(f, "DR-1,%s,5,12\n", five_minute_stamp(i).c_str());
    std::fprintf(f, "DR-1,%s,5,12\n", five_minute_stamp(kRowCount - 1).c_str());
    std::fclose(f);
  }
  const std::string path = dir.write("s.yaml", worked_example());
  const Measured m = drsim_measured({"validate", path}, dir / "log");
  INFO(m.out.substr(0, 2000));
  CHECK(m.status == 2);
  // Row i starts 5 i minutes after 2025-06-01T00:00: the newest, i = 999,998, at 2034-12-03T05:10.
  CHECK(five_minute_stamp(kRowCount - 1) == "2034-12-03T05:10");
  CHECK(m.out == meter_path +
                     ":1000001: interval_start: 2034-12-03T05:10 repeats the interval 2034-12-03T05:10 .. "
                     "2034-12-03T05:15 at line 2\n");
  // The second pass holds one 24-byte record per row of the out-of-order resource: 24 MB here (measured
  // 31-34 MB peak in a release build). AddressSanitizer adds its shadow memory and keeps freed blocks
  // in its quarantine (256 MB by default), so an ASan build measured 274 MB: its bound is its own.
#if defined(DRSIM_SANITIZED)
  constexpr long kPeakCapKb = 512 * 1024;
#else
  constexpr long kPeakCapKb = 96 * 1024;
#endif
  CHECK(m.max_rss_kb < kPeakCapKb);
  WARN("validate of a 1,000,000-line meter file in reverse order: " << m.seconds << " s, peak RSS " << m.max_rss_kb
                                                                    << " KB");
}
