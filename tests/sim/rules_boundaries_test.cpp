// Boundary cases of rules.md 3-5, hand-computed: season edges, leap winter, negative LMP,
// a 15:30 start on 5-minute meters, and the 23:59 / 24:00 failure separation.
#include <catch2/catch.hpp>

#include "settlement/capacity.hpp"
#include "settlement/failures.hpp"
#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/builders_more.hpp"
#include "tests/support/simulate_and_settle.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

const EoLine& eo_line(const Statement& st, Season season) {
  for (const auto& l : st.eo) {
    if (l.season == season) return l;
  }
  FAIL("no eo line");
  return st.eo.front();
}

const CapacityLine& capacity_line(const Statement& st, const std::string& id, Season season) {
  for (const auto& c : st.capacity) {
    if (c.resource_id == id && c.season == season) return c;
  }
  FAIL("no capacity line");
  return st.capacity.front();
}

}  // namespace

TEST_CASE("Nov 30 -> Dec 1: the instruction is fall's, its Dec 1 hour is winter's for EO", "[rules][season]") {
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1");
  r.seasons[1] = fall_reg("10");
  r.seasons[2] = winter_reg("10");
  // No advanced reporting: every hour penalized its 1 MW, so both instructions fail.
  add_instruction(s, "SI-1", "DR-1", "2025-11-29T10:00", "2025-11-29T20:00", "2025-11-29T21:00", "1");
  add_instruction(s, "SI-2", "DR-1", "2025-11-30T10:00", "2025-11-30T23:00", "2025-12-01T01:00", "1");
  set_lmp(s, "DR-1", "2025-11-29T20:00", 1, "10");
  set_lmp(s, "DR-1", "2025-11-30T23:00", 2, "10");
  s.eo.push_back(EoConfig{"MP-UTIL", "LRZ5", dec("1"), NonPerformance::max_hourly, std::nullopt, std::nullopt});

  const RunRecord rec = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
  REQUIRE(rec.instructions.size() == 2);
  CHECK(rec.instructions[1].season.season == Season::fall);  // the season of its start (3.2)
  CHECK(rec.instructions[1].season.planning_year == 2025);
  REQUIRE(rec.instructions[1].hours.size() == 2);
  CHECK(rec.instructions[1].hours[1].hour == T("2025-12-01T00:00"));

  const Statement st = settle(s, rec);
  // Both failures are fall's, 27 h apart: the second is counted and disqualifies from
  // the next market day (2025-12-01) to the end of PY 2026-27.
  REQUIRE(st.failures.size() == 2);
  CHECK(st.failures[1].counted);
  CHECK(st.failures[1].disqualified);
  REQUIRE(st.disqualifications.size() == 1);
  CHECK(st.disqualifications[0].from == Date::from_ymd(2025, 12, 1));
  CHECK(st.disqualifications[0].until == Date::from_ymd(2027, 6, 1));
  // Fall is paid in full (91 days, all before Dec 1), winter not at all.
  CHECK(capacity_line(st, "DR-1", Season::fall).days_paid == 91);
  CHECK(capacity_line(st, "DR-1", Season::winter).days_paid == 0);
  // NonPerfMW: each hour in the season of its own date: fall has 1 MW (Nov 29 20:00 and
  // Nov 30 23:00), winter 1 MW (Dec 1 00:00, an hour of a fall instruction).
  CHECK(eo_line(st, Season::fall).nonperformance_mw == MW("1"));
  CHECK(eo_line(st, Season::winter).nonperformance_mw == MW("1"));
}

TEST_CASE("leap winter: PY 2027-28 winter has 91 days, PY 2025-26 winter 90", "[rules][capacity]") {
  for (int py : {2025, 2027}) {
    Scenario s = bare_market(py);
    Resource& r = add_resource(s, "DR-1");
    r.seasons[2] = winter_reg("4");
    const Statement st = simulate_and_settle(s);
    const CapacityLine& c = capacity_line(st, "DR-1", Season::winter);
    INFO("planning year " << py);
    if (py == 2027) {
      CHECK(c.days_paid == 91);              // Dec 2027 31 + Jan 2028 31 + Feb 2028 29
      CHECK(c.amount.str() == "12084.80");   // 4 x 33.20 x 91
    } else {
      CHECK(c.days_paid == 90);              // Feb 2026 has 28 days
      CHECK(c.amount.str() == "11952.00");   // 4 x 33.20 x 90
    }
  }
}

TEST_CASE("negative LMP: no energy charge under the default floor, still a failure", "[rules][charges]") {
  Resource r;
  r.id = "DR-1";
  r.protocol = Protocol::baseline;
  HourRecord h;
  h.hour = T("2025-07-15T15:00");
  h.obligated = ExactDuration::of(Duration::hours(1));
  h.instruction_mw = MW("10");
  h.available_mw = MW("10");
  h.instructed_mw = MW("10");
  h.reported_target = MW("10");
  h.baseline = MW("20");
  h.measured = MW("12");  // actual 8, shortfall 2
  Rules rules;
  HourPrices prices{UsdPerMwh(dec("-25")), UsdPerMwh(dec("1"))};

  HourSettlement hs = settle_hour(r, h, rules, prices);
  CHECK(hs.shortfall == MW("2"));
  CHECK(hs.energy_charge.str() == "0.00");  // 2 x max(-25, 0)
  CHECK(hs.rsg_charge.str() == "2.00");     // 2 x 1.00
  CHECK(hs.charged);
  CHECK(hs.counts_for_failure);             // shortfall 2 > tolerance 0

  rules.penalty_lmp_floor_usd_per_mwh = UsdPerMwh(dec("5"));
  CHECK(settle_hour(r, h, rules, prices).energy_charge.str() == "10.00");  // 2 x 5

  // A negative floor: shortfall 0.35 x max(-25, -10.10) = -3.535 -> -3.54 (half away from zero).
  rules.penalty_lmp_floor_usd_per_mwh = UsdPerMwh(dec("-10.10"));
  h.measured = MW("10.35");
  CHECK(settle_hour(r, h, rules, prices).energy_charge.str() == "-3.54");
}

TEST_CASE("15:30 start on 5-minute meters: half an hour obligated, measured on it alone", "[rules][partial]") {
  Scenario s = bare_market(2025, "2");
  Resource& r = add_resource(s, "DR-1", Protocol::baseline);
  r.seasons[0] = summer_reg();
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T12:00", "2025-07-15T15:30", "2025-07-15T17:00", "10");
  add_report(s, "SI-1", "2025-07-15T13:00", "10");
  set_lmp(s, "DR-1", "2025-07-15T15:00", 1, "100");
  set_lmp(s, "DR-1", "2025-07-15T16:00", 1, "200");
  s.baseline.set("DR-1", T("2025-07-15T15:00"), Mw(dec("20")));
  s.baseline.set("DR-1", T("2025-07-15T16:00"), Mw(dec("20")));
  const MarketTime h15 = T("2025-07-15T15:00");
  // 15:00-15:25 at 40 MW lie before the start and must not count.
  const char* hour15[] = {"40", "40", "40", "40", "40", "40", "10", "10", "10", "13", "13", "13"};
  const char* hour16[] = {"12", "12", "12", "12", "12", "12", "12", "12", "12", "12", "13", "17.1"};
  for (int k = 0; k < 12; ++k) {
    s.meter.rows.push_back({"DR-1", h15 + Duration::minutes(5 * k), 5, MW(hour15[k]), 0});
    s.meter.rows.push_back({"DR-1", h15 + Duration::hours(1) + Duration::minutes(5 * k), 5, MW(hour16[k]), 0});
  }
  const Statement st = simulate_and_settle(s);
  REQUIRE(st.hourly.size() == 2);
  const HourlyLine& a = st.hourly[0];
  CHECK(a.frac == dec("0.5"));
  CHECK(*a.measured == MW("11.5"));                 // (3 x 10 + 3 x 13) / 6
  CHECK(a.settled.shortfall == MW("1.5"));          // 10 - (20 - 11.5)
  CHECK(a.settled.shortfall_mwh == Mwh(dec("0.75")));  // 1.5 x 0.5
  CHECK(a.settled.energy_charge.str() == "75.00");  // 0.75 x 100
  CHECK(a.settled.rsg_charge.str() == "1.50");      // 0.75 x 2
  const HourlyLine& b = st.hourly[1];
  CHECK(b.frac == dec("1"));
  CHECK(*b.measured == MW("12.508333"));            // 150.1 / 12 = 12.50833.. rounded to 6 places
  CHECK(b.settled.shortfall == MW("2.508333"));
  CHECK(b.settled.energy_charge.str() == "501.67");  // 2.508333 x 200 = 501.6666
  CHECK(b.settled.rsg_charge.str() == "5.02");       // 2.508333 x 2 = 5.016666
}

TEST_CASE("15:30 start on an hourly meter: the 15:00 interval covers the obligated half", "[rules][partial]") {
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1", Protocol::baseline);
  r.seasons[0] = summer_reg();
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T12:00", "2025-07-15T15:30", "2025-07-15T16:00", "10");
  add_report(s, "SI-1", "2025-07-15T13:00", "10");
  set_lmp(s, "DR-1", "2025-07-15T15:00", 1, "100");
  s.baseline.set("DR-1", T("2025-07-15T15:00"), Mw(dec("20")));
  add_meter(s, "DR-1", "2025-07-15T15:00", 60, "13");
  const Statement st = simulate_and_settle(s);
  REQUIRE(st.hourly.size() == 1);
  CHECK(*st.hourly[0].measured == MW("13"));
  CHECK(st.hourly[0].settled.energy_charge.str() == "150.00");  // (10 - 7) x 0.5 x 100
}

TEST_CASE("failure separation: 23 h 59 min is not counted, 24 h is", "[rules][failures]") {
  const MarketTime t0 = T("2025-07-15T15:00");
  auto occasion = [](const char* id, MarketTime start) {
    return FailedOccasion{"DR-1", id, season_key(start.date()), start, start + Duration::hours(1)};
  };
  Rules rules;
  SECTION("start to start") {
    FailureOutcome early = count_failures({occasion("SI-1", t0), occasion("SI-2", T("2025-07-16T14:59"))}, rules);
    REQUIRE(early.lines.size() == 2);
    CHECK_FALSE(early.lines[1].counted);
    CHECK(early.disqualifications.empty());

    FailureOutcome exact = count_failures({occasion("SI-1", t0), occasion("SI-2", T("2025-07-16T15:00"))}, rules);
    CHECK(exact.lines[1].counted);
    CHECK(exact.lines[1].disqualified);
    REQUIRE(exact.disqualifications.size() == 1);
    CHECK(exact.disqualifications[0].from == Date::from_ymd(2025, 7, 17));  // next market day
    CHECK(exact.disqualifications[0].until == Date::from_ymd(2027, 6, 1));  // end of the next planning year
  }
  SECTION("a not-counted failure does not restart the clock") {
    // 15:00, 14:59 next day (not counted), 15:00 next day: 24 h after the last COUNTED one.
    FailureOutcome out = count_failures({occasion("SI-1", t0), occasion("SI-2", T("2025-07-16T14:00")),
                                         occasion("SI-3", T("2025-07-16T15:00"))},
                                        rules);
    CHECK_FALSE(out.lines[1].counted);
    CHECK(out.lines[2].counted);
    CHECK(out.lines[2].disqualified);
  }
  SECTION("end to start, same day") {
    rules.failure_separation_basis = SeparationBasis::end_to_start;
    rules.disqualification_effective = DisqualificationEffective::same_day;
    // SI-1 ends 16:00: 07-16 15:59 is 23:59 after its end, 16:00 exactly 24 h.
    FailureOutcome early = count_failures({occasion("SI-1", t0), occasion("SI-2", T("2025-07-16T15:59"))}, rules);
    CHECK_FALSE(early.lines[1].counted);
    FailureOutcome exact = count_failures({occasion("SI-1", t0), occasion("SI-2", T("2025-07-16T16:00"))}, rules);
    CHECK(exact.lines[1].counted);
    REQUIRE(exact.disqualifications.size() == 1);
    CHECK(exact.disqualifications[0].from == Date::from_ymd(2025, 7, 16));
  }
}

TEST_CASE("failure separation through the lifecycle: 23:59 vs 24:00 apart", "[rules][failures]") {
  for (const char* second : {"2025-07-16T14:59", "2025-07-16T15:00"}) {
    Scenario s = bare_market(2025);
    Resource& r = add_resource(s, "DR-1");
    r.seasons[0] = summer_reg();
    add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T15:00", "2025-07-15T15:30", "1");
    add_instruction(s, "SI-2", "DR-1", "2025-07-16T10:00", second, "2025-07-16T16:00", "1");
    set_lmp(s, "DR-1", "2025-07-15T15:00", 1, "10");
    set_lmp(s, "DR-1", "2025-07-16T14:00", 2, "10");
    const Statement st = simulate_and_settle(s);
    const bool exact = std::string(second) == "2025-07-16T15:00";
    INFO("second start " << second);
    CHECK(st.by_resource.at("DR-1").counted_failures == (exact ? 2 : 1));
    CHECK(st.by_resource.at("DR-1").disqualified == exact);
    // Summer paid 06-01..07-16 (46 days) when disqualified from 07-17: 10 x 666.50 x 46.
    CHECK(capacity_line(st, "DR-1", Season::summer).amount.str() == (exact ? "306590.00" : "613180.00"));
  }
}
