// Hostile times: impossible dates, offsets, zone names, 24:00, windows of centuries.
#include <catch2/catch.hpp>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

namespace {

const std::string kStart = "    start: 2025-07-15T15:00\n";  // line 47, the value at column 12

}  // namespace

TEST_CASE("hostile times: impossible dates and hours are refused at the value") {
  struct Case {
    std::string value, message;
  };
  for (const Case& c : {Case{"2025-02-29T15:00", "no such date 2025-02-29"},
                        Case{"2025-13-15T15:00", "month 13 is outside 1..12"},
                        Case{"2025-07-15T24:00", "hour 24 is not a time of day: write the next day's 00:00"},
                        Case{"2025-07-15T15:00+15:00", "UTC offset outside -12:00..+14:00"}}) {
    TempDir dir;
    const std::string path = edited(dir, kStart, "    start: " + c.value + "\n");
    expect_refused(dir, path, path + ":47:12: instructions[0].start: bad time '" + c.value + "': " + c.message);
  }
}

TEST_CASE("hostile times: zone names are refused, market time has none") {
  for (const std::string zone : {"EDT", "CDT", "EST"}) {
    TempDir dir;
    const std::string path = edited(dir, kStart, "    start: 2025-07-15T15:00" + zone + "\n");
    expect_refused(dir, path, path + ":47:12: instructions[0].start: bad time '2025-07-15T15:00" + zone +
                                  "': time zone name '" + zone + "' is not allowed");
  }
}

TEST_CASE("hostile times: a +14:00 offset is accepted and converted to market time") {
  TempDir dir;
  // 2025-07-16T10:00+14:00 = 2025-07-15T20:00Z = 2025-07-15T15:00 EST: the same instruction, the same figures.
  const std::string path = edited(dir, kStart, "    start: 2025-07-16T10:00+14:00\n");
  const CliResult r = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir / "out"));
  INFO(r.out);
  CHECK(r.status == 0);
  // And -04:00 (EDT written as an offset): 16:00-04:00 is 15:00 EST.
  TempDir dir2;
  const std::string edt = edited(dir2, kStart, "    start: 2025-07-15T16:00-04:00\n");
  CHECK(run_drsim("check " + sh_quote(edt) + " --out " + sh_quote(dir2 / "out")).status == 0);
}

TEST_CASE("hostile times: an instruction window of centuries is refused (found by fuzzing: the checks ran for minutes)") {
  TempDir dir;
  // Line 48 "    end: 2025-07-15T19:00", the value at column 10.
  const std::string path = edited(dir, "    end: 2025-07-15T19:00\n", "    end: 5202-07-15T17:00\n");
  const Measured m = drsim_measured({"validate", path}, dir / "log");
  CHECK(m.seconds < 30);
  expect_refused(dir, path, path + ":48:10: instructions[0].end: window 2025-07-15T15:00 .. 5202-07-15T17:00 is longer "
                                   "than the limit of 744 hours (31 days)");
}
