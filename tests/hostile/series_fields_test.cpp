// Series field counts and header names (format.md, series files v1.2; issue 12): through the CLI, on the worked example.
#include <catch2/catch.hpp>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

namespace {

const std::string kMore =
    " (an unquoted thousands separator such as 1,980 splits a number in two: write 1980, or quote the field)";
const std::string kFewer = " (every row has one field per header column; an empty field is nothing between two commas)";

// The worked example in `dir` with data file `name` replaced by `text`; returns the scenario's path.
std::string with_file(const TempDir& dir, const std::string& name, const std::string& text,
                      const std::string& yaml = worked_example()) {
  copy_worked_data(dir);
  dir.write("data/" + name, text);
  return dir.write("s.yaml", yaml);
}

// `drsim validate` refuses `path` with exit status 2 and prints exactly `expected` (one problem a line).
void expect_only(const std::string& path, const std::string& expected) {
  const CliResult v = run_drsim("validate " + sh_quote(path));
  CHECK(v.status == 2);
  CHECK(v.out == expected);
}

std::string fmt_line(const std::string& file, int line, int column) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ":";
}

// 1-based line and column of the first `needle` in `text`.
std::pair<int, int> where(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) throw std::runtime_error("test: '" + needle + "' not found");
  const auto line_start = text.rfind('\n', at);
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return {line, static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1};
}

std::string lmp_rows(const std::string& he18_row) {
  return "  lmp:\n    rows:\n      - [AMMO.DR1, 2025-07-15T15:00, 250]\n      - [AMMO.DR1, 2025-07-15T16:00, 410]\n"
         "      - " + he18_row + "\n      - [AMMO.DR1, 2025-07-15T18:00, 620]\n";
}

}  // namespace

TEST_CASE("series fields: the issue's row AMMO.DR1,2025-07-15T17:00,1,980 is refused, not read as 1 $/MWh") {
  TempDir dir;
  // Line 4 of data/lmp.csv is HE18's price, 980 $/MWh, written with a thousands separator: four fields.
  const std::string lmp = "cpnode,hour_start,usd_per_mwh\nAMMO.DR1,2025-07-15T15:00,250\nAMMO.DR1,2025-07-15T16:00,410\n"
                          "AMMO.DR1,2025-07-15T17:00,1,980\nAMMO.DR1,2025-07-15T18:00,620\n";
  const std::string path = with_file(dir, "lmp.csv", lmp);
  const std::string expected = dir / "data/lmp.csv" + ":4: the row has 4 fields, the header has 3" + kMore;
  expect_only(path, expected + "\n");
  expect_refused(dir, path, expected);  // and `run` writes nothing
}

TEST_CASE("series fields: a row with fewer fields than the header is refused, naming both counts") {
  TempDir dir;
  const std::string lmp = "cpnode,hour_start,usd_per_mwh\nAMMO.DR1,2025-07-15T15:00,250\nAMMO.DR1,2025-07-15T16:00,410\n"
                          "AMMO.DR1,2025-07-15T17:00\nAMMO.DR1,2025-07-15T18:00,620\n";
  const std::string path = with_file(dir, "lmp.csv", lmp);
  expect_only(path, dir / "data/lmp.csv" + ":4: the row has 2 fields, the header has 3" + kFewer + "\n");
}

TEST_CASE("series fields: the count is the header's, extra header columns included") {
  TempDir dir;
  // The header has 4 columns (a note after the price): a row of 3 fields is short, one of 5 long.
  const std::string lmp = "cpnode,hour_start,usd_per_mwh,note\nAMMO.DR1,2025-07-15T15:00,250,\n"
                          "AMMO.DR1,2025-07-15T16:00,410\nAMMO.DR1,2025-07-15T17:00,1,980,hot\n"
                          "AMMO.DR1,2025-07-15T18:00,620,x\n";
  const std::string path = with_file(dir, "lmp.csv", lmp);
  expect_only(path, dir / "data/lmp.csv" + ":3: the row has 3 fields, the header has 4" + kFewer + "\n" +
                        dir / "data/lmp.csv" + ":4: the row has 5 fields, the header has 4" + kMore + "\n");
}

TEST_CASE("series fields: inline rows: AMMO.DR1, 2025-07-15T17:00, 1,980 is four values, refused") {
  TempDir dir;
  copy_worked_data(dir);
  const std::string more = replaced(worked_example(), "  lmp:      {csv: data/lmp.csv}\n",
                                    lmp_rows("[AMMO.DR1, 2025-07-15T17:00, 1,980]"));
  const auto [line, column] = where(more, "[AMMO.DR1, 2025-07-15T17:00, 1,980]");
  expect_only(dir.write("s.yaml", more),
              fmt_line(dir / "s.yaml", line, column) +
                  " series.lmp.rows[2]: the row has 4 values, the series has 3 columns (cpnode,hour_start,usd_per_mwh)"
                  " (an unquoted thousands separator such as 1,980 splits a number in two: write 1980, or quote the "
                  "value)\n");
  const std::string fewer = replaced(worked_example(), "  lmp:      {csv: data/lmp.csv}\n",
                                     lmp_rows("[AMMO.DR1, 2025-07-15T17:00]"));
  const auto [fline, fcolumn] = where(fewer, "[AMMO.DR1, 2025-07-15T17:00]");
  expect_only(dir.write("s.yaml", fewer),
              fmt_line(dir / "s.yaml", fline, fcolumn) +
                  " series.lmp.rows[2]: the row has 2 values, the series has 3 columns (cpnode,hour_start,usd_per_mwh)\n");
}

TEST_CASE("series fields: meter, rsg, baseline and lse_load files refuse a row with an extra field") {
  SECTION("meter") {
    TempDir dir;
    const std::string path = with_file(dir, "meter.csv",
                                       "resource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T15:00,60,10\n"
                                       "DR-1,2025-07-15T16:00,60,12\nDR-1,2025-07-15T17:00,60,1,4\n"
                                       "DR-1,2025-07-15T18:00,60,12.5\n");
    expect_only(path, dir / "data/meter.csv" + ":4: the row has 5 fields, the header has 4" + kMore + "\n");
  }
  SECTION("rsg") {
    TempDir dir;
    const std::string yaml = replaced(worked_example(), "rsg:      {usd_per_mwh: 1.50}", "rsg:      {csv: data/rsg.csv}");
    const std::string path = with_file(dir, "rsg.csv",
                                       "hour_start,usd_per_mwh\n2025-07-15T15:00,1.50\n2025-07-15T16:00,1.50\n"
                                       "2025-07-15T17:00,1,50\n2025-07-15T18:00,1.50\n", yaml);
    expect_only(path, dir / "data/rsg.csv" + ":4: the row has 3 fields, the header has 2" + kMore + "\n");
  }
  SECTION("baseline") {
    TempDir dir;
    std::string baseline = "resource,hour_start,mw\n";
    for (int h = 0; h < 24; ++h) {
      // Line 19 is hour 17:00, written 2,0 for 20.
      baseline += "DR-1,2025-07-15T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00," +
                  (h == 17 ? "2,0" : "20") + "\n";
    }
    const std::string path = with_file(dir, "baseline.csv", baseline);
    expect_only(path, dir / "data/baseline.csv" + ":19: the row has 4 fields, the header has 3" + kMore + "\n");
  }
  SECTION("lse_load") {
    TempDir dir;
    const std::string yaml = replaced(worked_example(), "  baseline: {csv: data/baseline.csv}\n",
                                      "  baseline: {csv: data/baseline.csv}\n  lse_load: {csv: data/lse_load.csv}\n");
    const std::string path = with_file(dir, "lse_load.csv",
                                       "lse,hour_start,mwh\nLSE-A,2025-07-15T16:00,1,200\nLSE-B,2025-07-15T16:00,100\n"
                                       "LSE-C,2025-07-15T16:00,25\n", yaml);
    expect_only(path, dir / "data/lse_load.csv" + ":2: the row has 4 fields, the header has 3" + kMore + "\n");
  }
}

TEST_CASE("series fields: columns matched by name, reordered with extra columns, give the plain file's figures") {
  // Worked example (docs/format.md): HE18 LMP 980, response 20 - 14 = 6 of target 10, shortfall 4 MW
  // -> 4 x 980 = 3920.00; the whole event 6290.00 (its expect: block, which `check` compares).
  TempDir plain;
  copy_worked_data(plain);
  const std::string plain_yaml = plain.write("s.yaml", worked_example());
  REQUIRE(run_drsim("check " + sh_quote(plain_yaml) + " --out " + sh_quote(plain / "out")).status == 0);

  TempDir dir;
  copy_worked_data(dir);
  dir.write("data/lmp.csv",
            "usd_per_mwh,source,hour_start,cpnode\n250,rt,2025-07-15T15:00,AMMO.DR1\n410,rt,2025-07-15T16:00,AMMO.DR1\n"
            "980,\"rt, final\",2025-07-15T17:00,AMMO.DR1\n620,rt,2025-07-15T18:00,AMMO.DR1\n");
  dir.write("data/meter.csv", "mw,quality,interval_minutes,resource,interval_start\n10,A,60,DR-1,2025-07-15T15:00\n"
                              "12,A,60,DR-1,2025-07-15T16:00\n14,,60,DR-1,2025-07-15T17:00\n12.5,E,60,DR-1,2025-07-15T18:00\n");
  std::string baseline = "hour_start,mw,resource,comment\n";
  for (int h = 0; h < 24; ++h) {
    baseline += "2025-07-15T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00,20,DR-1,flat\n";
  }
  dir.write("data/baseline.csv", baseline);
  const std::string path = dir.write("s.yaml", worked_example());
  const CliResult r = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir / "out"));
  INFO(r.out);
  REQUIRE(r.status == 0);
  const std::string hourly = read_file(dir / "out/hourly.csv");
  CHECK(hourly == read_file(plain / "out/hourly.csv"));
  CHECK(hourly.find(",2025-07-15T17:00,18,10,10,6,4,4,980,") != std::string::npos);
  CHECK(hourly.find(",3920.00,") != std::string::npos);
}

TEST_CASE("series fields: a missing or repeated column is one located problem, no row problem after it") {
  TempDir dir;
  // Every row is also bad (too short, 'x' is no number): none of that is reported after a bad header.
  const std::string rows = "AMMO.DR1,2025-07-15T15:00\nAMMO.DR1,2025-07-15T16:00,x\n";
  expect_only(with_file(dir, "lmp.csv", "cpnode,hour_start,price\n" + rows),
              dir / "data/lmp.csv" + ":1: usd_per_mwh: missing column 'usd_per_mwh' (expected the columns "
                                     "cpnode,hour_start,usd_per_mwh, in any order)\n");
  expect_only(with_file(dir, "lmp.csv", "cpnode,hour_start,usd_per_mwh,hour_start\n" + rows),
              dir / "data/lmp.csv" + ":1: hour_start: column 'hour_start' appears twice in the header (fields 2 and 4)\n");
  expect_only(with_file(dir, "meter.csv", "resource,interval_start,interval_minutes,mw,mw\nDR-1,2025-07-15T15:00,60,10,0\n"),
              dir / "data/meter.csv" + ":1: mw: column 'mw' appears twice in the header (fields 4 and 5)\n");
}

TEST_CASE("series fields: a missing file is the one problem listed, before the problems of other files") {
  TempDir dir;
  copy_worked_data(dir);
  dir.write("data/meter.csv", "resource,interval_start,interval_minute,mw\nDR-1,2025-07-15T15:00,60\n");
  const std::string yaml = replaced(worked_example(), "{csv: data/lmp.csv}", "{csv: data/nope.csv}");
  const std::string path = dir.write("s.yaml", yaml);
  const auto [line, column] = where(yaml, "data/nope.csv");
  // The lmp series is missing, so every charged hour lacks a price: that follows from the cause and is not listed
  // (nothing is simulated after a load problem). The meter file's bad header comes next, alone.
  expect_only(path, fmt_line(path, line, column) + " series.lmp.csv: cannot open 'data/nope.csv' (looked for " +
                        dir / "data/nope.csv" + "): no such file\n" + dir / "data/meter.csv" +
                        ":1: interval_minutes: missing column 'interval_minutes' (the header has 'interval_minute') (expected "
                        "the columns resource,interval_start,interval_minutes,mw, in any order)\n");
}

TEST_CASE("series fields: negative meter values flow through the formulas as written (rules.md 2, v1.2)") {
  // scenarios/examples/negative-meter (its YAML comments hold the working; its expect: block the money):
  // DR-1 baseline 20, load -1 -> actual 21, shortfall 0; baseline 8, load -1 -> actual 9, shortfall 1 -> 100.00;
  // BTMG-1 target 5, generation -0.5 -> actual -0.5, shortfall 5.5 (above the target) -> 5.5 x 100 = 550.00.
  TempDir dir;
  const CliResult r =
      run_drsim("check " + sh_quote(source_path("scenarios/examples/negative-meter/scenario.yaml")) + " --out " +
                sh_quote(dir / "out"));
  INFO(r.out);
  REQUIRE(r.status == 0);
  const std::string hourly = read_file(dir / "out/hourly.csv");
  // instruction_id,resource_id,hour_start,he,instructed_mw,target_mw,actual_mw,shortfall_mw,shortfall_mwh,lmp,rsg,
  // multiplier,energy_charge_usd,rsg_charge_usd
  CHECK(hourly.find("\nSI-1,DR-1,2025-07-15T15:00,16,10,10,21,0,0,100,1,1,0.00,0.00,") != std::string::npos);
  CHECK(hourly.find("\nSI-1,DR-1,2025-07-15T16:00,17,10,10,9,1,1,100,1,1,100.00,1.00,") != std::string::npos);
  CHECK(hourly.find("\nSI-2,BTMG-1,2025-07-15T15:00,16,5,5,-0.5,5.5,5.5,100,1,1,550.00,5.50,") != std::string::npos);
}
