// Baselines of a run (sim/baseline_provider): the series value, the default 10-day baseline over
// eligible days (rules.md 4.6) and the same-day adjustment, on a meter history set by hand.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "settlement/flags.hpp"
#include "sim/baseline_provider.hpp"
#include "tests/support/builders_more.hpp"

using namespace drsim;
using namespace drsim::test;
using sim::BaselineProvider;
using sim::BaselineValue;
using sim::HistoryNeed;

namespace {

Date D(int y, int m, int d) { return Date::from_ymd(y, m, d); }

// Every hour of a metered day averages the day of the month in MW (2025-07-14: 14 MW), unless
// set in `hours`; days before `first` and the `gaps` are not metered.
struct FakeHistory final : sim::MeterHistory {
  Date first = D(2025, 6, 1);
  std::set<std::int32_t> gaps;
  std::map<std::int64_t, Mw> hours;
  bool metered(Date d) const { return d >= first && gaps.count(d.days()) == 0; }
  std::optional<Mw> hour_average(std::size_t, MarketTime hour) const override {
    if (auto it = hours.find(hour.seconds()); it != hours.end()) return it->second;
    if (!metered(hour.date())) return std::nullopt;
    return Mw(Decimal::from_int(hour.date().day()));
  }
  bool fully_metered(std::size_t, Date day) const override { return metered(day); }
  std::optional<Date> first_metered_day(std::size_t) const override { return first; }
};

// DR-1 on the baseline protocol; SI-1 on Tuesday 2025-07-15 15:00-17:00 issued 12:00; SI-0 on
// Thursday 07-10 (its day is not eligible); SI-W on Friday 07-11 withdrawn in time (its day stays).
struct Fixture {
  Scenario s = bare_market();
  FakeHistory meters;
  std::vector<sim::ObligationSchedule> plans;

  Fixture() {
    add_resource(s, "DR-1", Protocol::baseline).seasons[0] = summer_reg();
    add_instruction(s, "SI-1", "DR-1", "2025-07-15T12:00", "2025-07-15T15:00", "2025-07-15T17:00", "5");
    add_instruction(s, "SI-0", "DR-1", "2025-07-10T09:00", "2025-07-10T15:00", "2025-07-10T16:00", "5");
    add_instruction(s, "SI-W", "DR-1", "2025-07-11T09:00", "2025-07-11T15:00", "2025-07-11T16:00", "5").withdrawn =
        T("2025-07-11T10:00");
    meters.gaps.insert(D(2025, 7, 8).days());  // Tuesday 07-08 is not fully metered
  }
  BaselineProvider provider() {
    plans = sim::plan_obligations(s.instructions, s.resources, s.rules);
    return BaselineProvider(s.resources, s.instructions, s.baseline, s.rules, plans, meters);
  }
  const sim::ObligationSchedule& si1() const { return plans.back(); }  // ordered by start: SI-0, SI-W, SI-1
};

}  // namespace

TEST_CASE("default baseline: the 10 most recent eligible days, by hand", "[baseline]") {
  Fixture f;
  BaselineProvider b = f.provider();
  // Back from Monday 07-14: 07-14; 07-13/12 weekend; 07-11 (withdrawn in time: eligible);
  // 07-10 has SI-0; 07-09; 07-08 not fully metered; 07-07; 07-05/06 weekend; 07-04 Independence
  // Day; 07-03, 07-02, 07-01, 06-30; 06-28/29 weekend; 06-27, 06-26.
  CHECK(b.eligible_days(0, D(2025, 7, 15)) ==
        std::vector<Date>{D(2025, 7, 14), D(2025, 7, 11), D(2025, 7, 9), D(2025, 7, 7), D(2025, 7, 3),
                          D(2025, 7, 2), D(2025, 7, 1), D(2025, 6, 30), D(2025, 6, 27), D(2025, 6, 26)});
  // (14 + 11 + 9 + 7 + 3 + 2 + 1 + 30 + 27 + 26) / 10 = 130 / 10 = 13 MW.
  const BaselineValue v = b.baseline(f.si1(), T("2025-07-15T15:00"));
  REQUIRE(v.mw);
  CHECK(*v.mw == MW("13"));
  CHECK(v.flags == kDefaultBaseline);
  CHECK_FALSE(v.too_few_days);
}

TEST_CASE("default baseline: rounded to six places", "[baseline]") {
  Fixture f;
  // HE16 of 07-14 at 14.000005 MW instead of 14: (130.000005) / 10 = 13.0000005, half away -> 13.000001.
  f.meters.hours[T("2025-07-14T15:00").seconds()] = MW("14.000005");
  BaselineProvider b = f.provider();
  CHECK(*b.baseline(f.si1(), T("2025-07-15T15:00")).mw == MW("13.000001"));
  CHECK(*b.baseline(f.si1(), T("2025-07-15T16:00")).mw == MW("13"));  // HE17 keeps 14 MW on 07-14
}

TEST_CASE("default baseline: a series value wins, and too few days is reported, not guessed", "[baseline]") {
  Fixture f;
  f.s.baseline.set("DR-1", T("2025-07-15T15:00"), Mw(dec("20")));
  f.meters.first = D(2025, 7, 1);  // history from 07-01: 07-14, 11, 09, 07, 03, 02, 01 = 7 days
  BaselineProvider b = f.provider();
  const BaselineValue series = b.baseline(f.si1(), T("2025-07-15T15:00"));
  CHECK(*series.mw == MW("20"));
  CHECK(series.flags == 0);
  const BaselineValue short_history = b.baseline(f.si1(), T("2025-07-15T16:00"));
  CHECK_FALSE(short_history.mw);
  CHECK(short_history.too_few_days);
  CHECK(short_history.flags == 0);
  CHECK(b.eligible_days(0, D(2025, 7, 15)).size() == 7);
}

TEST_CASE("same-day adjustment: load over baseline of the 3 hours before issue, clamped", "[baseline]") {
  // Issued 12:00: the hours 09:00, 10:00, 11:00 of 07-15, each with the 13 MW default baseline
  // (the same eligible days), 39 MW in all.
  struct Case {
    const char* load;      // each of the 3 hours
    const char* baseline;  // 13 MW x the ratio
  };
  // 3 x 14.3 / 39 = 1.1 -> 14.3; 3 x 26 / 39 = 2 -> 1.2 -> 15.6; 3 x 5.2 / 39 = 0.4 -> 0.8 -> 10.4.
  for (const Case c : {Case{"14.3", "14.3"}, Case{"26", "15.6"}, Case{"5.2", "10.4"}}) {
    Fixture f;
    f.s.rules.baseline_same_day_adjustment = true;
    for (const char* h : {"2025-07-15T09:00", "2025-07-15T10:00", "2025-07-15T11:00"}) {
      f.meters.hours[T(h).seconds()] = MW(c.load);
    }
    BaselineProvider b = f.provider();
    CHECK(*b.same_day_ratio_before(0, T("2025-07-15T12:00")) == Decimal::div(MW(c.baseline).value(), dec("13")));
    const BaselineValue v = b.baseline(f.si1(), T("2025-07-15T15:00"));
    CHECK(*v.mw == MW(c.baseline));
    CHECK(v.flags == (kDefaultBaseline | kSameDayAdjusted));
  }
  // A missing load in those hours: no ratio, the default baseline unadjusted.
  Fixture f;
  f.s.rules.baseline_same_day_adjustment = true;
  f.meters.gaps.insert(D(2025, 7, 15).days());
  BaselineProvider b = f.provider();
  CHECK_FALSE(b.same_day_ratio_before(0, T("2025-07-15T12:00")));
  const BaselineValue v = b.baseline(f.si1(), T("2025-07-15T15:00"));
  CHECK(*v.mw == MW("13"));
  CHECK(v.flags == kDefaultBaseline);
}

TEST_CASE("history need: the days a default baseline of the instruction reads", "[baseline]") {
  Fixture f;
  {
    BaselineProvider b = f.provider();
    const HistoryNeed n = b.history_need(f.si1());
    CHECK(n.through == D(2025, 7, 15));
    CHECK_FALSE(n.same_day_days);
  }
  // Every hour in the series: none needed.
  f.s.baseline.set("DR-1", T("2025-07-15T15:00"), Mw(dec("20")));
  f.s.baseline.set("DR-1", T("2025-07-15T16:00"), Mw(dec("20")));
  {
    BaselineProvider b = f.provider();
    const HistoryNeed n = b.history_need(f.si1());
    CHECK_FALSE(n.through);
    CHECK_FALSE(n.same_day_days);
  }
  // With the same-day adjustment, issued 01:30: the 3 hours before 01:00 run from 22:00 on 07-14
  // to 00:00 on 07-15, so the days 07-14 and 07-15 are kept (HE17 still lacks a series value).
  f.s.baseline = {};
  f.s.baseline.set("DR-1", T("2025-07-15T15:00"), Mw(dec("20")));
  f.s.rules.baseline_same_day_adjustment = true;
  f.s.instructions[0].issued = T("2025-07-15T01:30");
  {
    BaselineProvider b = f.provider();
    const HistoryNeed n = b.history_need(f.si1());
    CHECK(n.through == D(2025, 7, 15));
    REQUIRE(n.same_day_days);
    CHECK(n.same_day_days->first == D(2025, 7, 14));
    CHECK(n.same_day_days->second == D(2025, 7, 15));
  }
  // Not on the baseline protocol: nothing.
  f.s.resources[0].protocol = Protocol::firm_service_level;
  {
    BaselineProvider b = f.provider();
    const HistoryNeed n = b.history_need(f.si1());
    CHECK_FALSE(n.through);
    CHECK_FALSE(n.same_day_days);
  }
}

TEST_CASE("needs_baseline: only an hour whose shortfall depends on it", "[baseline]") {
  const Rules charged;  // outage_excused_hours: charged_not_counted
  Rules exempt;
  exempt.outage_excused_hours = OutageExcusedHours::exempt;
  HourRecord hr;
  hr.reported_target = MW("5");
  hr.measured = MW("3");
  CHECK(sim::needs_baseline(ExemptReason::none, hr, charged));
  CHECK_FALSE(sim::needs_baseline(ExemptReason::short_notice, hr, charged));  // exempt as a whole
  hr.exempt = ExemptReason::max_duration;
  CHECK_FALSE(sim::needs_baseline(ExemptReason::none, hr, charged));
  hr.exempt = ExemptReason::outage_excused;
  CHECK(sim::needs_baseline(ExemptReason::none, hr, charged));  // settled as any hour
  CHECK_FALSE(sim::needs_baseline(ExemptReason::none, hr, exempt));
  hr.exempt = ExemptReason::none;
  hr.reported_target.reset();  // no advanced reporting: charged the instruction's MW
  CHECK_FALSE(sim::needs_baseline(ExemptReason::none, hr, charged));
  hr.reported_target = MW("5");
  hr.measured.reset();  // no meter value: actual 0 whatever the baseline
  CHECK_FALSE(sim::needs_baseline(ExemptReason::none, hr, charged));
}
