// Exact durations (rules.md 1a, v1.2): notice, withdrawal, separation and max_duration in
// microseconds, never rounded to whole seconds; the obligated part and its MWh exact.
#include <catch2/catch.hpp>

#include <type_traits>

#include "settlement/exemption.hpp"
#include "settlement/failures.hpp"
#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/builders_more.hpp"
#include "tests/support/simulate_and_settle.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

// An instruction at 15:00 issued `ahead_s` seconds before its start.
Instruction issued_ahead(std::int64_t ahead_s) {
  Instruction i;
  i.id = "SI-1";
  i.resource = "DR-1";
  i.start = T("2025-07-15T15:00");
  i.end = T("2025-07-15T16:00");
  i.issued = i.start - Duration::seconds(ahead_s);
  return i;
}

}  // namespace

// Duration is made only from its unit (issue 13): Duration{7200} does not compile, so a bare
// count can never be read as seconds when minutes or hours were meant.
static_assert(!std::is_aggregate_v<Duration>);
static_assert(!std::is_constructible_v<Duration, std::int64_t>);
static_assert(!std::is_default_constructible_v<Duration>);
static_assert(Duration::hours(2) == Duration::minutes(120));
static_assert(Duration::minutes(2) == Duration::seconds(120));
static_assert(Duration::hours(1).in_seconds() == 3600);
static_assert((Duration::hours(1) - Duration::seconds(1)).in_seconds() == 3599);

TEST_CASE("Duration: units and differences of market times", "[exact]") {
  CHECK(T("2025-07-15T15:00") - T("2025-07-15T12:59:30") == Duration::seconds(7230));  // 2 h 0 min 30 s
  CHECK((T("2025-07-15T15:00") + Duration::minutes(90)).str() == "2025-07-15T16:30");
  CHECK(ExactDuration::of(Duration::seconds(7200)).us == 7'200'000'000);
}

TEST_CASE("an hour count is an exact number of microseconds", "[exact]") {
  // 1e-6 h = 3600 us: 2.0001 h = 7200.36 s, 1.333333 h = 4799.9988 s, 23.9999 h = 86399.64 s.
  CHECK(ExactDuration::hours(dec("2.0001")).us == 7'200'360'000);
  CHECK(ExactDuration::hours(dec("1.333333")).us == 4'799'998'800);
  CHECK(ExactDuration::hours(dec("23.9999")).us == 86'399'640'000);
  // The sub-second edge of notification_h 2.0001: 2 h 0 min 0.36 s is not short, 0.35 s is.
  const ExactDuration notice = ExactDuration::hours(dec("2.0001"));
  CHECK_FALSE(ExactDuration{7'200'360'000} < notice);
  CHECK(ExactDuration{7'200'350'000} < notice);
  // The next whole second at or after an instant between seconds (status events).
  const ExactTime t = ExactTime::of(T("2025-07-15T15:00")) - notice;  // 12:59:59.64
  CHECK(t.ceil_second() == T("2025-07-15T13:00"));
  CHECK(ExactTime::of(T("2025-07-15T13:00")).ceil_second() == T("2025-07-15T13:00"));
}

TEST_CASE("notification_h 2.0001 h (7200.36 s) is compared exactly", "[exact][exemptions]") {
  SeasonRegistration reg = summer_reg();
  reg.notification_h = dec("2.0001");
  const RegistrationFacts facts{&reg, false, 0};
  const Rules rules;
  // Timestamps are whole seconds: 7201 s ahead is >= 7200.36 s, 7200 s is short. Rounding the
  // notice to 7200 s (v1.1) made 7200 s ahead not short.
  CHECK(whole_instruction_exemption(issued_ahead(7201), facts, rules) == ExemptReason::none);
  CHECK(whole_instruction_exemption(issued_ahead(7200), facts, rules) == ExemptReason::short_notice);
  // 2.0025 h is exactly 7209 s: issued exactly that far ahead is not short notice, 1 s less is.
  reg.notification_h = dec("2.0025");
  CHECK(whole_instruction_exemption(issued_ahead(7209), facts, rules) == ExemptReason::none);
  CHECK(whole_instruction_exemption(issued_ahead(7208), facts, rules) == ExemptReason::short_notice);
}

TEST_CASE("withdrawal_notice_h 2.0001 h (7200.36 s) is compared exactly", "[exact][exemptions]") {
  Rules rules;
  rules.withdrawal_notice_h = dec("2.0001");
  Instruction i = issued_ahead(36000);
  // In time means withdrawn at or before start - 7200.36 s: 7201 s before is, 7200 s is not
  // (v1.1 rounded the notice to 7200 s and took 7200 s as in time).
  i.withdrawn = i.start - Duration::seconds(7201);
  CHECK(withdrawn_in_time(i, rules));
  i.withdrawn = i.start - Duration::seconds(7200);
  CHECK_FALSE(withdrawn_in_time(i, rules));
  // 2.0025 h = 7209 s exactly: withdrawn exactly then is in time ("at or before").
  rules.withdrawal_notice_h = dec("2.0025");
  i.withdrawn = i.start - Duration::seconds(7209);
  CHECK(withdrawn_in_time(i, rules));
  i.withdrawn = i.start - Duration::seconds(7208);
  CHECK_FALSE(withdrawn_in_time(i, rules));
}

TEST_CASE("failure_separation_h is compared exactly", "[exact][failures]") {
  const MarketTime t0 = T("2025-07-15T15:00");
  auto counted_second = [&](const char* separation_h, std::int64_t apart_s) {
    Rules rules;
    rules.failure_separation_h = dec(separation_h);
    const MarketTime t1 = t0 + Duration::seconds(apart_s);
    const FailureOutcome out = count_failures({{"DR-1", "SI-1", season_key(t0.date()), t0, t0 + Duration::hours(1)},
                                               {"DR-1", "SI-2", season_key(t1.date()), t1, t1 + Duration::hours(1)}},
                                              rules);
    return out.lines.at(1).counted;
  };
  // 23.9999 h = 86399.64 s: starts 86400 s apart are counted, 86399 s are not.
  CHECK(counted_second("23.9999", 86400));
  CHECK_FALSE(counted_second("23.9999", 86399));
  // 23.99985 h = 86399.46 s: 86399 s apart is NOT counted (v1.1 rounded it to 86399 s: counted).
  CHECK_FALSE(counted_second("23.99985", 86399));
  CHECK(counted_second("23.99985", 86400));
  // 23.9975 h = 86391 s exactly: "at least" counts the equal one.
  CHECK(counted_second("23.9975", 86391));
  CHECK_FALSE(counted_second("23.9975", 86390));
}

TEST_CASE("max_duration_h 1.333333 from 14:00: the obligated part ends at 15:19:59.9988", "[exact][partial]") {
  // DR-1 (FSL 0, 10 MW) instructed 3 MW 14:00-16:00, target 3, load 3 MW flat: shortfall 3 MW
  // in both hours (min(3 - 0, 3)). LMP 9999.99 $/MWh, RSG 0.
  //   start + 4799.9988 s = 15:19:59.9988; the 15:00 hour (HE16; the brief's "HE15" counts the
  //   hour by its start) has 1199.9988 s obligated: frac = 1199.9988 / 3600 = 0.333333.
  //   HE15: 3 MWh x 9999.99 = 29999.97
  //   HE16: 3 x 1199.9988 / 3600 = 0.9999990 -> 0.999999 MWh; x 9999.99 = 9999.98000001 -> 9999.98
  //   (v1.1 rounded 4799.9988 s to 4800 s: 1200 s, 1.000000 MWh, 9999.99)
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1");
  r.seasons[0] = season_reg("10", {6, 7, 8}, 5, "1.333333");
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T14:00", "2025-07-15T16:00", "3");
  add_report(s, "SI-1", "2025-07-15T11:00", "3");
  set_lmp(s, "DR-1", "2025-07-15T14:00", 2, "9999.99");
  add_meter(s, "DR-1", "2025-07-15T14:00", 60, "3");
  SECTION("hourly meter: MWh and charge") {
    add_meter(s, "DR-1", "2025-07-15T15:00", 60, "3");
    const RunRecord rec = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
    const auto& ir = rec.instructions.at(0);
    CHECK(ir.obligated_end == ExactTime::of(T("2025-07-15T15:19:59")) + ExactDuration{998'800});
    REQUIRE(ir.hours.size() == 2);
    CHECK(ir.hours[1].obligated.us == 1'199'998'800);
    CHECK(ir.hours[1].frac() == dec("0.333333"));
    CHECK(ir.hours[1].exempt == ExemptReason::none);
    const Statement st = settle(s, rec);
    REQUIRE(st.hourly.size() == 2);
    CHECK(st.hourly[0].settled.energy_charge.str() == "29999.97");
    CHECK(st.hourly[1].settled.shortfall == MW("3"));
    CHECK(st.hourly[1].settled.shortfall_mwh.value() == dec("0.999999"));
    CHECK(st.hourly[1].settled.energy_charge.str() == "9999.98");
    CHECK(st.penalty.str() == "39999.95");
  }
  SECTION("5-minute meter: the window of the obligated part ends between seconds") {
    // 15:00-15:15 at 1 MW (900 s), 15:15-15:20 at 4 MW, of which 299.9988 s lie in the part;
    // 15:20-16:00 at 9 MW lies outside it.
    //   load = (1 x 900 + 4 x 299.9988) / 1199.9988 = 2099.9952 / 1199.9988 = 1.7499977... -> 1.749998
    //   (v1.1, 1200 s: (900 + 1200) / 1200 = 1.75)
    //   shortfall = min(1.749998 - 0, 3) = 1.749998 MW
    //   MWh = 1.749998 x 1199.9988 / 3600 = 0.58333211... -> 0.583332; x 9999.99 = 5833.31416668 -> 5833.31
    for (int m = 0; m < 60; m += 5) {
      const char* mw = m < 15 ? "1" : m < 20 ? "4" : "9";
      s.meter.rows.push_back({"DR-1", T("2025-07-15T15:00") + Duration::minutes(m), 5, MW(mw), 0});
    }
    const Statement st = simulate_and_settle(s);
    REQUIRE(st.hourly.size() == 2);
    CHECK(*st.hourly[1].measured == MW("1.749998"));
    CHECK(st.hourly[1].settled.shortfall == MW("1.749998"));
    CHECK(st.hourly[1].settled.shortfall_mwh.value() == dec("0.583332"));
    CHECK(st.hourly[1].settled.energy_charge.str() == "5833.31");
  }
}

TEST_CASE("instruction_near is placed at the next whole second after start - notification_h", "[exact][lifecycle]") {
  // notification_h 2.0002 = 7200.72 s: near from 12:59:59.28, placed at 13:00:00
  // (v1.1 rounded the notice to 7201 s: near at 12:59:59).
  Scenario s = worked_example();
  s.resources[0].seasons[0]->notification_h = dec("2.0002");
  const RunRecord r = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
  const auto& st = r.instructions.at(0).statuses;
  REQUIRE(st.size() >= 2);
  CHECK(name(st[1].status) == "near");
  CHECK(st[1].at == T("2025-07-15T13:00"));
}
