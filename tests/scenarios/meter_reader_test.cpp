// Tests of meter streaming: CSV and inline sources, per-row checks, problems thrown after the last row.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scenarios/meter_reader.hpp"
#include "temp_files.hpp"

TEST_CASE("meter: a CSV file is streamed row by row") {
  drsim::test::TempDir dir;
  drsim::MeterSource src;
  src.present = true;
  src.csv_path = dir.write("m.csv",
                           "resource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T15:00,15,10\n"
                           "DR-1,2025-07-15T15:15,15,12.25\nBT-1,2025-07-15T15:00,5,0\n");
  std::vector<std::string> seen;
  drsim::for_each_meter_row(src, [&](const drsim::MeterRow& r) {
    seen.push_back(r.resource + "@" + r.start.str() + "/" + std::to_string(r.minutes) + "=" + r.mw.value().str() +
                   ":" + std::to_string(r.line));
  });
  CHECK(seen == std::vector<std::string>{"DR-1@2025-07-15T15:00/15=10:2", "DR-1@2025-07-15T15:15/15=12.25:3",
                                         "BT-1@2025-07-15T15:00/5=0:4"});
}

TEST_CASE("meter: bad rows are skipped and all reported at the end") {
  drsim::test::TempDir dir;
  drsim::MeterSource src;
  src.present = true;
  src.csv_path = dir.write("m.csv",
                           "resource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T15:07,5,1\n"
                           "DR-1,2025-07-15T15:00,60,1\nDR-1,2025-07-15T16:00,10,1\n,2025-07-15T17:00,60,nan\n");
  int good = 0;
  try {
    drsim::for_each_meter_row(src, [&](const drsim::MeterRow&) { ++good; });
    FAIL("expected an InputError");
  } catch (const drsim::InputError& e) {
    std::vector<std::string> got;
    for (auto p : e.problems()) {
      p.file = "m.csv";
      got.push_back(p.str());
    }
    // 15:07 is not a multiple of 5 minutes; 10 is not an allowed length; an empty id and NaN.
    CHECK(got == std::vector<std::string>{
                     "m.csv:2: interval_start: 2025-07-15T15:07 is not aligned to its 5-minute interval",
                     "m.csv:4: interval_minutes: 10 is not a meter interval length (expected 5, 15 or 60)",
                     "m.csv:5: resource: the resource id is empty",
                     "m.csv:5: mw: expected a finite number, got 'nan'",
                 });
  }
  CHECK(good == 1);  // the 15:00 row is the only good one
}

TEST_CASE("meter: inline rows are passed through") {
  drsim::MeterSource src;
  src.present = true;
  drsim::MeterRow row;
  row.resource = "DR-1";
  row.minutes = 60;
  row.line = 7;
  src.rows = {row, row};
  int n = 0;
  drsim::for_each_meter_row(src, [&](const drsim::MeterRow& r) { n += r.line; });
  CHECK(n == 14);
}

TEST_CASE("meter: values may be negative, within the MW limit either way (rules.md 2, v1.2)") {
  // A DR site exporting 1 MW reads -1; a BTMG unit drawing 0.5 MW of station service reads -0.5.
  drsim::test::TempDir dir;
  drsim::MeterSource src;
  src.present = true;
  src.csv_path = dir.write("m.csv",
                           "resource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T15:00,60,-1\n"
                           "BT-1,2025-07-15T15:00,60,-0.5\nDR-1,2025-07-15T16:00,60,-100000\n"
                           "DR-1,2025-07-15T17:00,60,-100000.000001\nDR-1,2025-07-15T18:00,60,-x\n");
  std::vector<std::string> seen;
  try {
    drsim::for_each_meter_row(src, [&](const drsim::MeterRow& r) { seen.push_back(r.mw.value().str()); });
    FAIL("expected an InputError");
  } catch (const drsim::InputError& e) {
    std::vector<std::string> got;
    for (auto p : e.problems()) {
      p.file = "m.csv";
      got.push_back(p.str());
    }
    // |mw| above 100,000 MW is refused below zero as above it; '-x' is no number.
    CHECK(got == std::vector<std::string>{
                     "m.csv:5: mw: -100000.000001 is beyond the limit of 100000 MW (MWh) per value",
                     "m.csv:6: mw: expected a number, got '-x'",
                 });
  }
  CHECK(seen == std::vector<std::string>{"-1", "-0.5", "-100000"});
}
