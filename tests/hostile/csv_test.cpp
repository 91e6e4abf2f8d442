// Hostile series CSVs: missing and extra columns, quoted commas, empty and header-only files, a bad row 3,000,000 lines down.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

namespace {

// The worked example in `dir` with data/meter.csv replaced by `meter`; returns the scenario's path.
std::string with_meter(const TempDir& dir, const std::string& meter) {
  copy_worked_data(dir);
  dir.write("data/meter.csv", meter);
  return dir.write("s.yaml", worked_example());
}

const std::string kHeader = "resource,interval_start,interval_minutes,mw\n";
const std::string kRows = "DR-1,2025-07-15T15:00,60,10\nDR-1,2025-07-15T16:00,60,12\n"
                          "DR-1,2025-07-15T17:00,60,14\nDR-1,2025-07-15T18:00,60,12.5\n";

}  // namespace

TEST_CASE("hostile csv: a missing column is named against the expected header") {
  TempDir dir;
  const std::string path = with_meter(dir, "resource,interval_start,mw\nDR-1,2025-07-15T15:00,10\n");
  expect_refused(dir, path, dir / "data/meter.csv" + ":1: interval_minutes: missing column 'interval_minutes' "
                                                     "(expected the columns resource,interval_start,interval_minutes,mw, "
                                                     "in any order)");
}

TEST_CASE("hostile csv: a row with a field missing names its line") {
  TempDir dir;
  const std::string path = with_meter(dir, kHeader + "DR-1,2025-07-15T15:00,60,10\nDR-1,2025-07-15T16:00,12\n");
  expect_refused(dir, path, dir / "data/meter.csv" + ":3: the row has 3 fields, the header has 4 (every row has one "
                                                     "field per header column; an empty field is nothing between two "
                                                     "commas)");
}

TEST_CASE("hostile csv: extra columns after the expected ones are ignored") {
  TempDir dir;
  std::string meter = "resource,interval_start,interval_minutes,mw,note\n";
  for (const char* r : {"DR-1,2025-07-15T15:00,60,10,a", "DR-1,2025-07-15T16:00,60,12,b",
                        "DR-1,2025-07-15T17:00,60,14,", "DR-1,2025-07-15T18:00,60,12.5,\"x,y\""}) {
    meter += std::string(r) + "\n";
  }
  const std::string path = with_meter(dir, meter);
  const CliResult r = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir / "out"));
  INFO(r.out);
  CHECK(r.status == 0);  // the worked example's figures still hold
}

TEST_CASE("hostile csv: quoted fields may hold commas and quotes, a comma inside a number is refused") {
  TempDir dir;
  // "1,250" quoted is one field, and not a number: line 3, column mw.
  const std::string path = with_meter(dir, kHeader + "DR-1,2025-07-15T15:00,60,10\n\"DR-1\",2025-07-15T16:00,60,\"1,250\"\n");
  expect_refused(dir, path, dir / "data/meter.csv" + ":3: mw: expected a number without thousands separators, got '1,250'");
  TempDir ok;
  std::string quoted_rows = kHeader;
  quoted_rows += "\"DR-1\",\"2025-07-15T15:00\",60,\"10\"\nDR-1,2025-07-15T16:00,60,12\n"
                 "DR-1,2025-07-15T17:00,60,14\nDR-1,2025-07-15T18:00,60,12.5\n";
  const std::string good = with_meter(ok, quoted_rows);
  CHECK(run_drsim("check " + sh_quote(good) + " --out " + sh_quote(ok / "out")).status == 0);
}

TEST_CASE("hostile csv: an unclosed quote is reported on its line") {
  TempDir dir;
  const std::string path = with_meter(dir, kHeader + "DR-1,2025-07-15T15:00,60,\"10\n");
  expect_refused(dir, path, dir / "data/meter.csv" + ":2: a quoted field is not closed on its line");
}

TEST_CASE("hostile csv: an empty file is refused, naming the header it lacks") {
  TempDir dir;
  const std::string path = with_meter(dir, "");
  expect_refused(dir, path, dir / "data/meter.csv" +
                                ": the file is empty (expected the header row resource,interval_start,interval_minutes,mw)");
}

TEST_CASE("hostile csv: a header-only file is an empty series, what it then lacks is reported") {
  TempDir dir;
  copy_worked_data(dir);
  dir.write("data/lmp.csv", "cpnode,hour_start,usd_per_mwh\r\n");
  const std::string path = dir.write("s.yaml", worked_example());
  // The instruction (line 43, column 5) now has no price in its three charged hours (HE17-HE19 fall
  // short); HE16 delivers in full, carries no charge and needs no price (rules.md 4.7, v1.2).
  const CliResult v = run_drsim("validate " + sh_quote(path));
  CHECK(v.out.find("2025-07-15T15:00") == std::string::npos);
  for (const char* hour : {"2025-07-15T16:00", "2025-07-15T17:00", "2025-07-15T18:00"}) {
    expect_refused(dir, path, path + ":43:5: instructions.SI-1: no LMP at cpnode AMMO.DR1 for charged hour " + hour +
                                  " (series.lmp)");
  }
}

TEST_CASE("hostile csv: a BOM and CRLF line ends are accepted") {
  TempDir dir;
  std::string meter = "\xef\xbb\xbf";
  for (char c : kHeader + kRows) meter += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string path = with_meter(dir, meter);
  CHECK(run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir / "out")).status == 0);
}

TEST_CASE("hostile csv large: a bad row at line 3000000 is named, in bounded memory") {
  TempDir dir;
  copy_worked_data(dir);
  // 2,999,999 five-minute rows from 2025-06-01T00:00 (about 28 years), line 3,000,000 has mw 'twelve'.
  const std::string meter_path = dir / "data/meter.csv";
  {
    std::FILE* f = std::fopen(meter_path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fputs(kHeader.c_str(), f);
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 2025, mo = 6, d = 1, minute = 0;
    for (int line = 2; line <= 3'000'000; ++line) {
      if (line == 3'000'000) {
        std::fputs("DR-1,2025-07-15T16:00,5,twelve\n", f);
        break;
      }
      std::fprintf(f, "DR-1,%04d-%02d-%02dT%02d:%02d,5,12\n", y, mo, d, minute / 60, minute % 60);
      if ((minute += 5) == 1440) {
        minute = 0;
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (++d > kDays[mo - 1] + (mo == 2 && leap ? 1 : 0)) {
          d = 1;
          if (++mo > 12) {
            mo = 1;
            ++y;
          }
        }
      }
    }
    std::fclose(f);
  }
  const std::string path = dir.write("s.yaml", worked_example());
  const Measured m = drsim_measured({"validate", path}, dir / "log");
  INFO(m.out.substr(0, 2000));
  CHECK(m.status == 2);
  CHECK(m.out == meter_path + ":3000000: mw: expected a number, got 'twelve'\n");
  // The 81 MB file is streamed: one line in memory at a time (measured about 6 MB in a
  // release build; sanitizer builds add their own shadow memory, hence the wide bound).
  CHECK(m.max_rss_kb < 256 * 1024);
  WARN("validate of a 3,000,000-line meter file: " << m.seconds << " s, peak RSS " << m.max_rss_kb << " KB");
}
