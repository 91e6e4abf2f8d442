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
