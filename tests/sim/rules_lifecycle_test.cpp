// Rules of rules.md 3-4 through the lifecycle, hand-computed: availability and target caps,
// missing reporting, deployments, and an instruction issued after its start.
#include <catch2/catch.hpp>

#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/builders_more.hpp"
#include "tests/support/simulate_and_settle.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

// DR-1 (FSL 0, summer 10 MW) with SI-1 10 MW on 2025-07-15 15:00-17:00, LMP 100.
Scenario one_instruction() {
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1");
  r.seasons[0] = summer_reg();
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T15:00", "2025-07-15T17:00", "10");
  set_lmp(s, "DR-1", "2025-07-15T15:00", 2, "100");
  return s;
}

}  // namespace

TEST_CASE("availability caps the instructed MW, the target is capped and flagged", "[rules][target]") {
  Scenario s = one_instruction();
  s.availability.push_back({"DR-1", T("2025-07-15T15:00"), T("2025-07-15T16:00"), MW("6"), std::nullopt});
  add_report(s, "SI-1", "2025-07-15T11:00", "8");
  // FSL 0 and a load of 7 MW: the load above the FSL is 7 in both hours.
  add_meter(s, "DR-1", "2025-07-15T15:00", 60, "7");
  add_meter(s, "DR-1", "2025-07-15T16:00", 60, "7");
  const Statement st = simulate_and_settle(s);
  REQUIRE(st.hourly.size() == 2);
  // HE16: instructed min(10, 6) = 6; target min(8, 6) = 6, not below 6; shortfall min(7, 6) = 6.
  CHECK(st.hourly[0].instructed_mw == MW("6"));
  CHECK(*st.hourly[0].settled.target == MW("6"));
  CHECK_FALSE(st.hourly[0].settled.flags & kTargetBelowInstruction);
  CHECK(st.hourly[0].settled.energy_charge.str() == "600.00");
  // HE17: no availability entry: cleared 10; target 8 < 10 is flagged; shortfall min(7, 8) = 7.
  CHECK(st.hourly[1].instructed_mw == MW("10"));
  CHECK(*st.hourly[1].settled.target == MW("8"));
  CHECK(st.hourly[1].settled.flags & kTargetBelowInstruction);
  CHECK(st.hourly[1].settled.energy_charge.str() == "700.00");
}

TEST_CASE("missing and late reporting penalize the instruction MW, not the availability", "[rules][target]") {
  Scenario s = one_instruction();
  s.availability.push_back({"DR-1", T("2025-07-15T00:00"), T("2025-07-16T00:00"), MW("4"), std::nullopt});
  add_report(s, "SI-1", "2025-07-15T15:01", "10");  // after start: ignored
  add_meter(s, "DR-1", "2025-07-15T15:00", 60, "0");  // a perfect response changes nothing
  add_meter(s, "DR-1", "2025-07-15T16:00", 60, "0");
  const Statement st = simulate_and_settle(s);
  for (const auto& l : st.hourly) {
    CHECK(l.instructed_mw == MW("4"));
    CHECK(l.settled.shortfall == MW("10"));  // the instruction's 10 MW, not min(10, 4)
    CHECK(l.settled.flags & kNoAdvancedReporting);
    CHECK(l.settled.flags & kLateAdvancedReporting);
    CHECK(l.settled.energy_charge.str() == "1000.00");
  }
}

TEST_CASE("reporting entered exactly at start counts", "[rules][target]") {
  Scenario s = one_instruction();
  add_report(s, "SI-1", "2025-07-15T15:00", "10");
  add_meter(s, "DR-1", "2025-07-15T15:00", 60, "0");
  add_meter(s, "DR-1", "2025-07-15T16:00", 60, "0");
  const Statement st = simulate_and_settle(s);
  CHECK(st.penalty.str() == "0.00");  // FSL 0, load 0: no shortfall
}

TEST_CASE("deployments: unacknowledged and short-notice are not, withdrawn-exempt is", "[rules][exemptions]") {
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1");
  r.seasons[0] = season_reg("10", {6, 7, 8}, 2);
  add_instruction(s, "SI-a", "DR-1", "2025-07-01T10:00", "2025-07-01T15:00", "2025-07-01T16:00", "1").acknowledged =
      false;
  add_instruction(s, "SI-b", "DR-1", "2025-07-02T14:00", "2025-07-02T15:00", "2025-07-02T16:00", "1");  // short notice
  add_instruction(s, "SI-c", "DR-1", "2025-07-03T10:00", "2025-07-03T15:00", "2025-07-03T16:00", "1").withdrawn =
      T("2025-07-03T13:00");
  add_instruction(s, "SI-d", "DR-1", "2025-07-07T10:00", "2025-07-07T15:00", "2025-07-07T16:00", "1");
  add_instruction(s, "SI-e", "DR-1", "2025-07-08T10:00", "2025-07-08T15:00", "2025-07-08T16:00", "1");
  for (const char* d : {"2025-07-01T15:00", "2025-07-02T15:00", "2025-07-03T15:00", "2025-07-07T15:00",
                        "2025-07-08T15:00"}) {
    set_lmp(s, "DR-1", d, 1, "10");
  }
  const RunRecord rec = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
  REQUIRE(rec.instructions.size() == 5);
  CHECK(rec.instructions[0].whole_exemption == ExemptReason::none);
  CHECK_FALSE(rec.instructions[0].deployment);  // not acknowledged
  CHECK(rec.instructions[1].whole_exemption == ExemptReason::short_notice);
  CHECK_FALSE(rec.instructions[1].deployment);
  CHECK(rec.instructions[2].whole_exemption == ExemptReason::withdrawn);
  CHECK(rec.instructions[2].deployment);        // deployment 1
  CHECK(rec.instructions[3].whole_exemption == ExemptReason::none);
  CHECK(rec.instructions[3].deployment);        // deployment 2 = max_interruptions
  CHECK(rec.instructions[4].whole_exemption == ExemptReason::max_interruptions);
  // Charged: SI-a (1 MW x 10, not acknowledged but settled) and SI-d.
  CHECK(settle(s, rec).penalty.str() == "20.00");
}

TEST_CASE("an instruction issued after its start is short notice, not an engine error", "[rules][exemptions]") {
  // start - issued = -30 min < 2 h notification: exempt short_notice (4.1). The run must
  // still settle it (no charge) rather than fail on scheduling its start in the past.
  for (const char* issued : {"2025-07-15T15:30", "2025-07-15T17:30"}) {  // during, and after the window
    INFO("issued " << issued);
    Scenario s = one_instruction();
    s.instructions[0].issued = T(issued);
    RunRecord rec;
    REQUIRE_NOTHROW(rec = sim::simulate(s, sim::inline_meter_feed(s.meter.rows)));
    REQUIRE(rec.instructions.size() == 1);
    CHECK(rec.instructions[0].whole_exemption == ExemptReason::short_notice);
    CHECK_FALSE(rec.instructions[0].deployment);
    REQUIRE(rec.instructions[0].hours.size() == 2);
    CHECK(rec.instructions[0].hours[0].exempt == ExemptReason::short_notice);
    CHECK(rec.instructions[0].hours[1].exempt == ExemptReason::short_notice);
    const Statement st = settle(s, rec);
    CHECK(st.penalty.str() == "0.00");
    CHECK(st.failures.empty());
  }
}

TEST_CASE("default baseline: a call withdrawn in time leaves its day eligible, whatever its reason", "[rules][baseline]") {
  // rules.md 4.6 (v1.2) leaves out days with an hour of an instruction window "other than one
  // withdrawn at or before start - rules.withdrawal_notice_h, whatever reason it is exempt for".
  // SI-0 (Thu 07-31) is withdrawn in time at 12:30 (start 15:00 - 2 h = 13:00), and 4.1 gives it
  // an earlier reason than `withdrawn`: outside_availability (July not among the months [6, 8]),
  // or short_notice (notification 4 h, issued 3 h ahead). Either way 07-31 stays a baseline day
  // of SI-1 (Tue 08-05); v1.1 dropped it unless the reason was `withdrawn`.
  // Loads: 20 MW every hour, except 07-31 at 50 and 07-21 at 30.
  //   eligible: 08-04, 08-01, 07-31, 07-30, 07-29, 07-28, 07-25, 07-24, 07-23, 07-22
  //   baseline = (9 x 20 + 50) / 10 = 23   (without 07-31, 07-21 comes in: (9 x 20 + 30) / 10 = 21)
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1", Protocol::baseline);
  ExemptReason reason = ExemptReason::none;
  SECTION("outside_availability") {
    r.seasons[0] = season_reg("10", {6, 8});
    reason = ExemptReason::outside_availability;
  }
  SECTION("short_notice") {
    r.seasons[0] = season_reg("10", {6, 7, 8});
    r.seasons[0]->notification_h = dec("4");
    reason = ExemptReason::short_notice;
  }
  add_instruction(s, "SI-0", "DR-1", "2025-07-31T12:00", "2025-07-31T15:00", "2025-07-31T16:00", "10").withdrawn =
      T("2025-07-31T12:30");
  add_instruction(s, "SI-1", "DR-1", "2025-08-05T10:00", "2025-08-05T15:00", "2025-08-05T16:00", "10");
  add_report(s, "SI-1", "2025-08-05T11:00", "10");
  set_lmp(s, "DR-1", "2025-07-31T15:00", 1, "100");
  set_lmp(s, "DR-1", "2025-08-05T15:00", 1, "100");
  for (Date d = Date::from_ymd(2025, 7, 10); d <= Date::from_ymd(2025, 8, 5); d = d + 1) {
    const char* mw = d == Date::from_ymd(2025, 7, 31) ? "50" : d == Date::from_ymd(2025, 7, 21) ? "30" : "20";
    for (int h = 0; h < 24; ++h) s.meter.rows.push_back({"DR-1", MarketTime::at(d, h), 60, MW(mw), 0});
  }
  const RunRecord rec = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
  REQUIRE(rec.instructions.size() == 2);
  CHECK(rec.instructions[0].whole_exemption == reason);
  REQUIRE(rec.instructions[1].hours.size() == 1);
  REQUIRE(rec.instructions[1].hours[0].baseline);
  CHECK(*rec.instructions[1].hours[0].baseline == MW("23"));
}
