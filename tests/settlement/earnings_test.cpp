// Earnings opportunity (rules.md 5 v1.2): the eo: entry's zone selects the MP's resources.
#include <catch2/catch.hpp>

#include "settlement/earnings.hpp"
#include "tests/support/scenario_builder.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

Resource summer_lmr(const char* id, const char* zone, const char* cleared_mw) {
  Resource r;
  r.id = id;
  r.mp = "MP-UTIL";
  r.lba = "AMMO";
  r.zone = zone;
  r.cpnode = std::string(zone) + ".N";
  SeasonRegistration summer;
  summer.cleared_mw = MW(cleared_mw);
  summer.months = (1U << 6) | (1U << 7) | (1U << 8);
  r.seasons[0] = summer;
  return r;
}

// MP-UTIL: DR-5 in LRZ5 (10 MW summer) and DR-4 in LRZ4 (4 MW summer, ACP 100.00 $/MW-day); one
// charged hour 2025-07-15 16:00 in which DR-5 is 2 MW short and DR-4 3 MW short.
Scenario two_zones() {
  Scenario s;
  s.planning_year = 2025;
  s.zones.push_back(lrz5_py2025());
  Zone z4;
  z4.id = "LRZ4";
  z4.acp[0] = UsdPerMwDay(dec("100.00"));
  s.zones.push_back(z4);
  s.resources = {summer_lmr("DR-5", "LRZ5", "10"), summer_lmr("DR-4", "LRZ4", "4")};
  return s;
}

const std::vector<ChargedShortfall> kCharged = {{"DR-5", T("2025-07-15T16:00"), MW("2")},
                                                {"DR-4", T("2025-07-15T16:00"), MW("3")}};

EoConfig entry(const char* zone) {
  EoConfig eo;
  eo.mp = "MP-UTIL";
  eo.zone = zone;
  return eo;
}

}  // namespace

TEST_CASE("eo: the entry's zone selects its resources, for ClearedMW and NonPerfMW") {
  const Scenario s = two_zones();
  // LRZ5 entry: DR-5 only. Summer 2025 has 92 days (June 1 .. August 31).
  // ClearedMW 10, NonPerfMW 2 (DR-4's 3 MW belong to the LRZ4 entry).
  // before: 666.50 x 10 x 92 = 613,180.00; after: 666.50 x (10 - 2) x 92 = 666.50 x 736 = 490,544.00.
  // (Counting DR-4 too, as before v1.2: 666.50 x 14 x 92 = 858,452.00 and 666.50 x 9 x 92 = 551,862.00.)
  const EoResult r5 = earnings_opportunity(s, entry("LRZ5"), {}, kCharged);
  REQUIRE(r5.lines.size() == 4);
  const EoLine& summer5 = r5.lines[0];
  CHECK(summer5.cleared_mw == MW("10"));
  CHECK(summer5.nonperformance_mw == MW("2"));
  CHECK(summer5.eo_before == Money::from_cents(61'318'000));
  CHECK(summer5.eo == Money::from_cents(49'054'400));
  CHECK(summer5.adjustment == Money::from_cents(-12'263'600));
  CHECK(r5.total == Money::from_cents(49'054'400));  // fall, winter, spring: nothing registered

  // LRZ4 entry: DR-4 only, at LRZ4's ACP. ClearedMW 4, NonPerfMW 3.
  // before: 100.00 x 4 x 92 = 36,800.00; after: 100.00 x (4 - 3) x 92 = 9,200.00.
  const EoResult r4 = earnings_opportunity(s, entry("LRZ4"), {}, kCharged);
  const EoLine& summer4 = r4.lines[0];
  CHECK(summer4.cleared_mw == MW("4"));
  CHECK(summer4.nonperformance_mw == MW("3"));
  CHECK(summer4.eo_before == Money::from_cents(3'680'000));
  CHECK(summer4.eo == Money::from_cents(920'000));
  CHECK(r4.total == Money::from_cents(920'000));
}

TEST_CASE("eo: NonPerfMW is the largest hourly sum of the utility's shortfall MW, each hour in its own season") {
  const std::vector<std::string> both = {"DR-5", "DR-4"};
  const SeasonKey summer{2025, Season::summer};
  // 16:00: 2 + 3 = 5 MW; 17:00: 4 MW alone. The largest hourly sum is 5, not the largest single 4, nor 9 in all.
  std::vector<ChargedShortfall> charged = kCharged;
  charged.push_back({"DR-5", T("2025-07-15T17:00"), MW("4")});
  CHECK(max_hourly_nonperformance(charged, both, summer) == MW("5"));
  // Only the listed resources count: DR-5 alone -> max(2, 4) = 4.
  CHECK(max_hourly_nonperformance(charged, {"DR-5"}, summer) == MW("4"));
  // An instruction from 2025-08-31 23:00 into September: its 2025-09-01 00:00 hour (7 MW) is fall's, not summer's.
  charged.push_back({"DR-5", T("2025-09-01T00:00"), MW("7")});
  CHECK(max_hourly_nonperformance(charged, both, summer) == MW("5"));
  CHECK(max_hourly_nonperformance(charged, both, SeasonKey{2025, Season::fall}) == MW("7"));
  // Nothing charged: 0.
  CHECK(max_hourly_nonperformance({}, both, summer) == Mw{});
}

TEST_CASE("eo: a run of charged hours counts as each of its hours, across a season's end too") {
  const std::vector<std::string> both = {"DR-5", "DR-4"};
  // DR-5 2 MW short from 2025-08-31 21:00 for 4 hours (21, 22, 23 in summer; 00:00 in fall), DR-4
  // 3 MW short at 22:00 and at 2025-09-01 00:00: summer's largest hour 22:00 = 5, fall's 00:00 = 5.
  const std::vector<ChargedShortfall> run = {{"DR-5", T("2025-08-31T21:00"), MW("2"), 4},
                                             {"DR-4", T("2025-08-31T22:00"), MW("3")},
                                             {"DR-4", T("2025-09-01T00:00"), MW("3")}};
  CHECK(max_hourly_nonperformance(run, both, SeasonKey{2025, Season::summer}) == MW("5"));
  CHECK(max_hourly_nonperformance(run, both, SeasonKey{2025, Season::fall}) == MW("5"));
  CHECK(max_hourly_nonperformance(run, {"DR-5"}, SeasonKey{2025, Season::fall}) == MW("2"));
  // The same hours one by one give the same figures.
  std::vector<ChargedShortfall> single = {run[1], run[2]};
  for (int h = 0; h < 4; ++h) single.push_back({"DR-5", T("2025-08-31T21:00") + Duration::hours(h), MW("2")});
  for (Season season : {Season::summer, Season::fall}) {
    CHECK(max_hourly_nonperformance(single, both, SeasonKey{2025, season}) ==
          max_hourly_nonperformance(run, both, SeasonKey{2025, season}));
  }
}

TEST_CASE("eo: share, nonperformance none, and the cap on the total (5)") {
  const Scenario s = two_zones();
  // share 0.5, NonPerfMW none: 0.5 x 666.50 x 10 x 92 = 306,590.00 before and after, adjustment 0.00.
  EoConfig eo = entry("LRZ5");
  eo.share = dec("0.5");
  eo.nonperformance = NonPerformance::none;
  EoResult r = earnings_opportunity(s, eo, {}, kCharged);
  CHECK(r.lines[0].nonperformance_mw == Mw{});
  CHECK(r.lines[0].mw_days_before == WideDecimal(dec("920")));
  CHECK(r.lines[0].eo_before == Money::from_cents(30'659'000));
  CHECK(r.lines[0].eo == Money::from_cents(30'659'000));
  CHECK(r.lines[0].adjustment == Money{});
  CHECK(r.total == Money::from_cents(30'659'000));
  // cap_usd 100,000.00 below the sum: the total is the cap; the season line is not capped.
  eo.cap_usd = Money::from_cents(10'000'000);
  r = earnings_opportunity(s, eo, {}, kCharged);
  CHECK(r.lines[0].eo == Money::from_cents(30'659'000));
  CHECK(r.total == Money::from_cents(10'000'000));
  // A cap above the sum leaves it.
  eo.cap_usd = Money::from_cents(40'000'000);
  CHECK(earnings_opportunity(s, eo, {}, kCharged).total == Money::from_cents(30'659'000));
}

TEST_CASE("eo: disqualified days leave ClearedMW, and ClearedMW - NonPerfMW stops at 0 (5)") {
  const Scenario s = two_zones();
  // DR-5 (10 MW) disqualified from 2025-07-16: 45 days of 10 MW, 47 of 0. MW-days before 450.
  // NonPerfMW 2: after = 45 x (10 - 2) + 47 x max(0 - 2, 0) = 360. EO before 666.50 x 450 = 299,925.00,
  // after 666.50 x 360 = 239,940.00, adjustment -59,985.00.
  const std::vector<Disqualification> dq = {{"DR-5", Date::from_ymd(2025, 7, 16), Date::from_ymd(2027, 6, 1)}};
  EoResult r = earnings_opportunity(s, entry("LRZ5"), dq, kCharged);
  CHECK(r.lines[0].cleared_mw == MW("10"));  // before any disqualification
  CHECK(r.lines[0].mw_days_before == WideDecimal(dec("450")));
  CHECK(r.lines[0].mw_days_after == WideDecimal(dec("360")));
  CHECK(r.lines[0].eo_before == Money::from_cents(29'992'500));
  CHECK(r.lines[0].eo == Money::from_cents(23'994'000));
  CHECK(r.lines[0].adjustment == Money::from_cents(-5'998'500));
  // NonPerfMW 12 above ClearedMW 10: every day max(10 - 12, 0) = 0: EO 0.00, adjustment -613,180.00.
  const std::vector<ChargedShortfall> big = {{"DR-5", T("2025-07-15T16:00"), MW("12")}};
  r = earnings_opportunity(s, entry("LRZ5"), {}, big);
  CHECK(r.lines[0].nonperformance_mw == MW("12"));
  CHECK(r.lines[0].mw_days_after == WideDecimal(Decimal{}));
  CHECK(r.lines[0].eo == Money{});
  CHECK(r.lines[0].adjustment == Money::from_cents(-61'318'000));
}

TEST_CASE("eo: ClearedMW counts PRA MW only, not FRAP MW nor excluded seasons, unless the scenario fixes it (5)") {
  Scenario s = two_zones();
  s.resources[0].seasons[0]->frap_mw = MW("5");  // DR-5: 10 cleared + 5 FRAP: ClearedMW 10
  SeasonRegistration fall;
  fall.cleared_mw = MW("3");
  fall.excluded = true;  // fall excluded: ClearedMW 0
  s.resources[0].seasons[1] = fall;
  EoResult r = earnings_opportunity(s, entry("LRZ5"), {}, {});
  CHECK(r.lines[0].cleared_mw == MW("10"));
  CHECK(r.lines[0].eo == Money::from_cents(61'318'000));
  CHECK(r.lines[1].cleared_mw == Mw{});
  CHECK(r.lines[1].eo == Money{});
  // eo.cleared_mw fixes summer at 4 MW (fall 0): 666.50 x 4 x 92 = 245,272.00, disqualifications ignored.
  EoConfig eo = entry("LRZ5");
  eo.cleared_mw = BySeason<Mw>{MW("4"), MW("0"), MW("0"), MW("0")};
  const std::vector<Disqualification> dq = {{"DR-5", Date::from_ymd(2025, 6, 1), Date::from_ymd(2027, 6, 1)}};
  r = earnings_opportunity(s, eo, dq, {});
  CHECK(r.lines[0].cleared_mw == MW("4"));
  CHECK(r.lines[0].eo == Money::from_cents(24'527'200));
}

TEST_CASE("eo: each season's EO is rounded to the cent half away from zero (1a, 5)") {
  // share 0.5 x ACP 0.50 x (0.015 MW x 92 days = 1.38 MW-days) = 0.345 -> 0.35 (banker's or truncation: 0.34).
  Scenario s = two_zones();
  s.zones[0].acp[0] = UsdPerMwDay(dec("0.50"));
  s.resources[0].seasons[0]->cleared_mw = MW("0.015");
  EoConfig eo = entry("LRZ5");
  eo.share = dec("0.5");
  const EoResult r = earnings_opportunity(s, eo, {}, {});
  CHECK(r.lines[0].mw_days_before == WideDecimal(dec("1.38")));
  CHECK(r.lines[0].eo_before == Money::from_cents(35));
  CHECK(r.lines[0].eo == Money::from_cents(35));
  CHECK(r.total == Money::from_cents(35));
}
