// Tests of the raw-data converters (scenarios/importers) on real rows of scenarios/real/*/source.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "scenarios/importers/lmp_import.hpp"
#include "scenarios/importers/load_import.hpp"
#include "scenarios/importers/meter_import.hpp"
#include "scenarios/importers/source_time.hpp"

using namespace drsim;
using namespace drsim::importers;

namespace {
const std::string kReal = std::string(DRSIM_SOURCE_DIR) + "/scenarios/real/";

MarketTime at(const char* text) { return std::get<MarketTime>(parse_market_time(text)); }
Date day(const char* text) { return std::get<Date>(parse_date(text)); }
Decimal dec(const char* text) { return *Decimal::parse(text); }

std::ifstream open(const std::string& relative) {
  std::ifstream in(kReal + relative, std::ios::binary);
  REQUIRE(in);
  return in;
}
}  // namespace

TEST_CASE("MISO Hour Ending 1-24 EST becomes the hour start, HE - 1", "[real][import]") {
  // HE 9 of 30 Jan 2019 covers 08:00-09:00 EST; HE 1 starts the day; HE 24 starts at 23:00 of the same day.
  CHECK(hour_start_from_he(day("2019-01-30"), 9) == at("2019-01-30T08:00"));
  CHECK(hour_start_from_he(day("2019-01-30"), 1) == at("2019-01-30T00:00"));
  CHECK(hour_start_from_he(day("2019-01-30"), 24) == at("2019-01-30T23:00"));
  CHECK_THROWS_AS(hour_start_from_he(day("2019-01-30"), 0), std::invalid_argument);
  CHECK_THROWS_AS(hour_start_from_he(day("2019-01-30"), 25), std::invalid_argument);
}

TEST_CASE("EIA-930 UTC hour-ending becomes the EST hour start, minus 6 h", "[real][import]") {
  // "2019-01-30 06:00:00" UTC ends the hour 05:00-06:00 UTC = 00:00-01:00 EST.
  CHECK(est_hour_start_from_utc_hour_ending(*parse_civil_time("2019-01-30 06:00:00")) == at("2019-01-30T00:00"));
  // EIA API v2 period "2026-01-24T16" ends 15:00-16:00 UTC = 10:00-11:00 EST.
  CHECK(est_hour_start_from_utc_hour_ending(*parse_civil_time("2026-01-24T16")) == at("2026-01-24T10:00"));
  // Across midnight: "2019-02-01 05:00:00" UTC is the last EST hour of 31 Jan.
  CHECK(est_hour_start_from_utc_hour_ending(*parse_civil_time("2019-02-01 05:00:00")) == at("2019-01-31T23:00"));
  // A stamp with an offset is not a bare civil time and is refused, not silently converted.
  CHECK_FALSE(parse_civil_time("2019-01-30T06:00Z").has_value());
  CHECK_FALSE(parse_civil_time("2019-01-30").has_value());
}

TEST_CASE("EIA-930 sub-BA 0035 rows of the polar vortex become 48 EST hours of 30-31 Jan", "[real][import]") {
  auto in = open("polar-vortex-2019/source/eia930_MISO-0035_2019-01-30T06_to_2019-02-01T05_UTC.csv");
  SourceCsv csv(in, "MISO-0035");
  const auto load = import_eia930(csv, std::nullopt, {});
  REQUIRE(load.size() == 48);
  // First raw row "2019-01-30 06:00:00,12330,12330" (CRLF kept in the copy).
  CHECK(load.front().hour == at("2019-01-30T00:00"));
  CHECK(load.front().mwh == dec("12330"));
  // Last raw row "2019-02-01 05:00:00,11598,11598".
  CHECK(load.back().hour == at("2019-01-31T23:00"));
  CHECK(load.back().mwh == dec("11598"));
  // LSE split 0.85: 12330 x 0.85 = 10480.5 MWh exactly.
  const auto rows = split_load(load, {{"LSE-AMEREN", dec("0.85")}});
  CHECK(rows.front().value == dec("10480.5"));
}

TEST_CASE("EIA API v2 sub-BA file of Fern: descending rows, 0001 only, the 07-15 UTC gap stays a gap", "[real][import]") {
  auto in = open("fern-2026/source/miso_subba_demand_0001_2026-01-24T06_to_2026-01-25T05_UTC.csv");
  SourceCsv csv(in, "subba");
  const auto load = import_eia930(csv, std::string("0001"), {});
  // 24 hours minus the 9 missing UTC hour-endings T07..T15 = EST hour starts 01:00..09:00.
  REQUIRE(load.size() == 15);
  CHECK(load[0].hour == at("2026-01-24T00:00"));  // "2026-01-24T06,0001,...,13604"
  CHECK(load[0].mwh == dec("13604"));
  CHECK(load[1].hour == at("2026-01-24T10:00"));  // "2026-01-24T16,0001,...,12078": the first hour after the gap
  CHECK(load[1].mwh == dec("12078"));
  CHECK(load.back().hour == at("2026-01-24T23:00"));  // "2026-01-25T05,...,13248"
  CHECK(load.back().mwh == dec("13248"));
}

TEST_CASE("EIA-compiled hub LMPs: the three stamps must agree", "[real][import]") {
  auto in = open("elliott-2022/source/miso_lmp_rt_hr_hubs_2022-12-23.csv");
  SourceCsv csv(in, "eia");
  const auto rows = import_eia_hub_lmp(csv, "Indiana Hub LMP", "CIN.LMR_INHUB", {});
  REQUIRE(rows.size() == 24);
  CHECK(rows[17].hour == at("2022-12-23T17:00"));  // HE18
  CHECK(rows[17].value == dec("2411.71"));

  // A row whose UTC end does not match its EST beginning is a problem with its line, not a guess.
  std::istringstream bad(
      "t1\nt2\nt3\n"
      "UTC Timestamp (Interval Ending),Local Timestamp Eastern Standard Time (Interval Beginning),"
      "Local Timestamp Eastern Standard Time (Interval Ending),Local Date,Hour Number,Indiana Hub LMP\n"
      "2022-12-23 22:00:00,2022-12-23 17:00:00,2022-12-23 18:00:00,2022-12-23,18,2411.71\n");
  SourceCsv bad_csv(bad, "bad.csv");
  try {
    import_eia_hub_lmp(bad_csv, "Indiana Hub LMP", "X", {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].line == 5);
  }
}

TEST_CASE("Building kWh becomes MW = kWh / 1000 x factor, times the response in its window", "[real][import]") {
  auto in = open("polar-vortex-2019/source/UCam_Building_b2_electricity_2019-01-01_to_2019-01-31.csv");
  SourceCsv csv(in, "b2");
  MeterRecipe recipe;
  recipe.resource = "PV-DR-B2";
  recipe.factor = dec("10");
  recipe.windows.push_back({at("2019-01-30T07:00"), at("2019-01-30T11:00"), dec("0.3")});
  recipe.filter.from = day("2019-01-30");
  const auto rows = import_building_meter(csv, recipe);
  REQUIRE(rows.size() == 48);  // 30 and 31 Jan
  // "2019-01-30 06:00:00,834.4": outside the window, 834.4 / 1000 x 10 = 8.344 MW.
  CHECK(rows[6].start == at("2019-01-30T06:00"));
  CHECK(rows[6].mw == dec("8.344"));
  // "2019-01-30 07:00:00,874.9": inside, 8.749 x 0.3 = 2.6247 MW.
  CHECK(rows[7].mw == dec("2.6247"));
  // The window is half-open: 11:00 ("1296.7") is not in it.
  CHECK(rows[11].mw == dec("12.967"));
}

TEST_CASE("Fern meters: 2023 readings shifted 763 days keep the weekday", "[real][import]") {
  auto in = open("fern-2026/source/UCam_Building_b27_electricity_2023-12-23.csv");
  SourceCsv csv(in, "b27");
  MeterRecipe recipe;
  recipe.resource = "FE-BTMG-B27";
  recipe.shift_days = 763;
  recipe.factor = dec("10");
  recipe.windows.push_back({at("2026-01-24T07:00"), at("2026-01-24T11:00"), dec("1")});
  recipe.windows_only = true;
  const auto rows = import_building_meter(csv, recipe);
  REQUIRE(rows.size() == 4);
  // "2023-12-23 07:00:00,189.5" (a Saturday) lands on Saturday 2026-01-24 07:00: 1.895 MW.
  CHECK(rows[0].start == at("2026-01-24T07:00"));
  CHECK(rows[0].start.date().weekday() == 6);
  CHECK(rows[0].mw == dec("1.895"));
}
