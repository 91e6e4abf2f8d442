// Planning years, seasons, settlement hours and market-time parsing.
#include <catch2/catch.hpp>

#include "settlement/calendar.hpp"

using namespace drsim;

static MarketTime t(const char* s) { return std::get<MarketTime>(parse_market_time(s)); }
static std::string err(const char* s) { return std::get<TimeError>(parse_market_time(s)).message; }

TEST_CASE("May 31 belongs to the old planning year, June 1 to the new", "[calendar]") {
  CHECK(planning_year_of(Date::from_ymd(2026, 5, 31)) == 2025);
  CHECK(season_of(Date::from_ymd(2026, 5, 31)) == Season::spring);
  CHECK(planning_year_of(Date::from_ymd(2026, 6, 1)) == 2026);
  CHECK(season_of(Date::from_ymd(2026, 6, 1)) == Season::summer);
}

TEST_CASE("season boundaries", "[calendar]") {
  CHECK(season_of(Date::from_ymd(2025, 8, 31)) == Season::summer);
  CHECK(season_of(Date::from_ymd(2025, 9, 1)) == Season::fall);
  CHECK(season_of(Date::from_ymd(2025, 11, 30)) == Season::fall);
  CHECK(season_of(Date::from_ymd(2025, 12, 1)) == Season::winter);
  CHECK(season_key(Date::from_ymd(2026, 2, 28)).planning_year == 2025);
  CHECK(season_of(Date::from_ymd(2026, 3, 1)) == Season::spring);
}

TEST_CASE("days per season from the calendar, leap winter has 91", "[calendar]") {
  CHECK(season_days(2025, Season::summer) == 92);
  CHECK(season_days(2025, Season::fall) == 91);
  CHECK(season_days(2025, Season::winter) == 90);
  CHECK(season_days(2025, Season::spring) == 92);
  CHECK(season_days(2027, Season::winter) == 91);  // Dec 2027 - Feb 2028 holds 29 Feb 2028
  CHECK(planning_year_range(2027).days() == 366);
}

TEST_CASE("settlement hours and HE labels", "[calendar]") {
  CHECK(t("2025-07-15T15:00").he() == 16);
  CHECK(t("2025-07-15T23:00").he() == 24);
  CHECK(t("2025-07-16T00:00").he() == 1);
  CHECK(t("2025-07-15T15:30").hour_start() == t("2025-07-15T15:00"));
  CHECK(t("2025-07-15T15:30").str() == "2025-07-15T15:30");
}

TEST_CASE("explicit offsets convert to market time", "[calendar]") {
  CHECK(t("2025-07-15T20:00Z") == t("2025-07-15T15:00"));
  CHECK(t("2025-07-15T16:00-04:00") == t("2025-07-15T15:00"));
  CHECK(t("2025-07-15T15:00-05:00") == t("2025-07-15T15:00"));
  CHECK(t("2025-07-16T10:00+14:00") == t("2025-07-15T15:00"));
  CHECK(t("2025-07-15T15:00:30").seconds() - t("2025-07-15T15:00").seconds() == 30);
}

TEST_CASE("bad times are rejected with a reason", "[calendar]") {
  CHECK(err("2025-02-29T00:00") == "no such date 2025-02-29");
  CHECK(err("2025-13-01T00:00") == "month 13 is outside 1..12");
  CHECK(err("2025-07-15T24:00") == "hour 24 is not a time of day: write the next day's 00:00");
  CHECK(err("2025-07-15T15:00 EDT").find("time zone name 'EDT' is not allowed") == 0);
  CHECK(err("2025-07-15T15:00CDT").find("time zone name 'CDT'") == 0);
  CHECK(err("2025-07-15T15:00+15:00") == "UTC offset outside -12:00..+14:00");
  CHECK(err("yesterday") == "expected a time YYYY-MM-DDTHH:MM in market time (EST)");
  CHECK(std::holds_alternative<Date>(parse_date("2024-02-29")));
  CHECK(std::holds_alternative<TimeError>(parse_date("2025-02-29")));
}

TEST_CASE("NERC holidays, Sunday ones observed on Monday", "[calendar]") {
  CHECK(is_nerc_holiday(Date::from_ymd(2025, 7, 4)));
  CHECK(is_nerc_holiday(Date::from_ymd(2025, 5, 26)));   // Memorial Day 2025
  CHECK(is_nerc_holiday(Date::from_ymd(2025, 9, 1)));    // Labor Day 2025
  CHECK(is_nerc_holiday(Date::from_ymd(2025, 11, 27)));  // Thanksgiving 2025
  CHECK(is_nerc_holiday(Date::from_ymd(2022, 12, 26)));  // Christmas 2022 was a Sunday
  CHECK_FALSE(is_nerc_holiday(Date::from_ymd(2022, 12, 25)));
  CHECK_FALSE(is_nerc_holiday(Date::from_ymd(2025, 7, 3)));
  CHECK_FALSE(is_weekday(Date::from_ymd(2025, 7, 19)));  // Saturday
}

TEST_CASE("from_valid_ymd gives from_ymd's day for every date of 1900-2200", "[calendar]") {
  int checked = 0;
  for (int y = 1900; y <= 2200; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= 31; ++d) {
        if (!Date::valid_ymd(y, m, d)) continue;
        REQUIRE(Date::from_valid_ymd(y, m, d) == Date::from_ymd(y, m, d));
        ++checked;
      }
    }
  }
  CHECK(checked == 109'938);  // 301 years, 73 of them leap: 301 x 365 + 73
  static_assert(Date::from_valid_ymd(1970, 1, 1).days() == 0);
}
