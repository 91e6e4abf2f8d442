// The default baseline (rules.md 4.6, v1.2): the whole meter history, only for hours whose
// shortfall depends on it; empty windows (3.2) leave its days alone.
#include <catch2/catch.hpp>

#include "settlement/problem.hpp"
#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/builders_more.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

RunRecord simulate(const Scenario& s) { return sim::simulate(s, sim::inline_meter_feed(s.meter.rows)); }

// Hourly loads of DR-1 on every day of [first, last], `mw_of(day)` MW.
template <class Fn>
void meter_days(Scenario& s, Date first, Date last, Fn mw_of) {
  for (Date d = first; d <= last; d = d + 1) {
    for (int h = 0; h < 24; ++h) s.meter.rows.push_back({"DR-1", MarketTime::at(d, h), 60, MW(mw_of(d)), 0});
  }
}

// DR-1 (baseline protocol, summer 10 MW, no baseline series) with SI-1 10 MW on Tue 2025-08-05
// 15:00-16:00, LMP 100.
Scenario baseline_call() {
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1", Protocol::baseline);
  r.seasons[0] = summer_reg();
  add_instruction(s, "SI-1", "DR-1", "2025-08-05T10:00", "2025-08-05T15:00", "2025-08-05T16:00", "10");
  set_lmp(s, "DR-1", "2025-08-05T15:00", 1, "100");
  return s;
}

}  // namespace

TEST_CASE("empty window: a withdrawal exactly at a 15:30 start", "[rules][baseline][withdrawal]") {
  // SI-0 on Thu 07-31, 15:30-16:30, withdrawn at 15:30: too late to be in time (3.2), and the
  // window ends where it starts. v1.2: no settlement hour, no failure, and 07-31 stays a
  // baseline day of SI-1. (v1.1 settled a frac-0 HE16 row without reporting: a failed occasion,
  // and 07-31 was dropped.)
  // Loads: 20 MW every hour, except 07-31 at 50 and 07-21 at 30.
  //   eligible for 08-05: 08-04, 08-01, 07-31, 07-30, 07-29, 07-28, 07-25, 07-24, 07-23, 07-22
  //   baseline = (9 x 20 + 50) / 10 = 23   (07-31 dropped: 07-21 instead, (9 x 20 + 30) / 10 = 21)
  // SI-1: target 10, load 20 on 08-05: actual 23 - 20 = 3, shortfall 7 MW x 100 = 700.00.
  Scenario s = baseline_call();
  add_instruction(s, "SI-0", "DR-1", "2025-07-31T08:00", "2025-07-31T15:30", "2025-07-31T16:30", "10").withdrawn =
      T("2025-07-31T15:30");
  add_report(s, "SI-1", "2025-08-05T11:00", "10");
  meter_days(s, Date::from_ymd(2025, 7, 10), Date::from_ymd(2025, 8, 5), [](Date d) {
    return d == Date::from_ymd(2025, 7, 31) ? "50" : d == Date::from_ymd(2025, 7, 21) ? "30" : "20";
  });
  const RunRecord rec = simulate(s);
  REQUIRE(rec.instructions.size() == 2);
  CHECK(rec.instructions[0].effective_end == T("2025-07-31T15:30"));
  CHECK(rec.instructions[0].hours.empty());
  const Statement st = settle(s, rec);
  REQUIRE(st.hourly.size() == 1);
  CHECK(st.hourly[0].instruction_id == "SI-1");
  CHECK(*st.hourly[0].baseline == MW("23"));
  CHECK(st.hourly[0].settled.energy_charge.str() == "700.00");
  REQUIRE(st.failures.size() == 1);
  CHECK(st.failures[0].occasion.instruction_id == "SI-1");
}

TEST_CASE("default baseline: eligible days 90 days back, past a 76-day meter gap", "[rules][baseline]") {
  // Meter history 2025-04-21 .. 05-20, then nothing until the instruction day 08-05 (a gap of
  // 76 days). Walking back from 08-05, the first metered days are 05-20 Tue, 05-19 Mon, 05-16 Fri,
  // 05-15, 05-14, 05-13, 05-12 Mon, 05-09 Fri, 05-08, and 05-07 Wed = the 10th, 90 days before.
  // Eligible days at 20 MW, 05-07 at 31, weekends at 50, days before 05-07 at 40:
  //   baseline = (9 x 20 + 31) / 10 = 21.1
  // v1.1 searched 60 days: "only 0 eligible baseline days" and exit 2.
  Scenario s = baseline_call();
  add_report(s, "SI-1", "2025-08-05T11:00", "10");
  meter_days(s, Date::from_ymd(2025, 4, 21), Date::from_ymd(2025, 5, 20), [](Date d) {
    if (!is_weekday(d)) return "50";
    return d < Date::from_ymd(2025, 5, 7) ? "40" : d == Date::from_ymd(2025, 5, 7) ? "31" : "20";
  });
  add_meter(s, "DR-1", "2025-08-05T15:00", 60, "15");
  const RunRecord rec = simulate(s);
  REQUIRE(rec.instructions[0].hours.size() == 1);
  CHECK(*rec.instructions[0].hours[0].baseline == MW("21.1"));
  // actual 21.1 - 15 = 6.1, shortfall 3.9 x 100 = 390.00
  CHECK(settle(s, rec).penalty.str() == "390.00");
}

TEST_CASE("default baseline: too few days is an error only for an hour that needs it", "[rules][baseline]") {
  // No meter history before 08-05 at all.
  Scenario s = baseline_call();
  add_meter(s, "DR-1", "2025-08-05T15:00", 60, "15");
  SECTION("an hour without advanced reporting: charged the instruction MW, actual empty") {
    // shortfall = 10 MW instruction x 100 = 1000.00, whatever the response.
    const Statement st = settle(s, simulate(s));
    REQUIRE(st.hourly.size() == 1);
    CHECK_FALSE(st.hourly[0].baseline.has_value());
    CHECK_FALSE(st.hourly[0].settled.actual.has_value());
    CHECK(st.hourly[0].settled.shortfall == MW("10"));
    CHECK(st.hourly[0].settled.energy_charge.str() == "1000.00");
  }
  SECTION("an hour exempt by max_duration (the hour past the obligated part)") {
    // max_duration 1 h, window 15:00-17:00: HE18 is exempt and needs no baseline; HE17 has
    // no reporting. v1.1 exited 2 for HE18. Charged: HE17 10 MW x 100 = 1000.00.
    s.instructions[0].end = T("2025-08-05T17:00");
    s.resources[0].seasons[0]->max_duration_h = dec("1");
    add_meter(s, "DR-1", "2025-08-05T16:00", 60, "15");
    const Statement st = settle(s, simulate(s));
    REQUIRE(st.hourly.size() == 2);
    CHECK(st.hourly[1].exempt == ExemptReason::max_duration);
    CHECK_FALSE(st.hourly[1].settled.actual.has_value());
    CHECK(st.penalty.str() == "1000.00");
  }
  SECTION("an excused outage hour settled as charged_not_counted needs one") {
    add_report(s, "SI-1", "2025-08-05T11:00", "10");
    s.outages.push_back({"DR-1", T("2025-08-05T00:00"), T("2025-08-06T00:00"), OutageReason::maintenance});
    SECTION("charged_not_counted: an error naming the resource") {
      try {
        simulate(s);
        FAIL("expected an input error");
      } catch (const InputError& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].key == "resources.DR-1");
        CHECK(e.problems()[0].message ==
              "only 0 eligible baseline days (weekdays, not NERC holidays, fully metered, without instructions) "
              "in the meter history before 2025-08-05; the default baseline needs 10");
      }
    }
    SECTION("exempt: no baseline needed") {
      s.rules.outage_excused_hours = OutageExcusedHours::exempt;
      const Statement st = settle(s, simulate(s));
      CHECK(st.hourly.at(0).exempt == ExemptReason::outage_excused);
      CHECK(st.penalty.str() == "0.00");
    }
  }
}
