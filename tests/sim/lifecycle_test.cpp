// The run record of the lifecycle, line by line: statuses, event log, reporting, meters, fingerprint.
#include <catch2/catch.hpp>

#include "settlement/problem.hpp"
#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/scenario_builder.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

RunRecord simulate(const Scenario& s) { return sim::simulate(s, sim::inline_meter_feed(s.meter.rows)); }

std::vector<std::string> statuses(const InstructionRecord& rec) {
  std::vector<std::string> out;
  for (const auto& c : rec.statuses) out.push_back(std::string(name(c.status)) + "@" + c.at.str());
  return out;
}

std::vector<std::string> kinds(const RunRecord& r) {
  std::vector<std::string> out;
  for (const auto& e : r.events) out.push_back(e.kind + " " + e.entity);
  return out;
}

}  // namespace

TEST_CASE("worked example: status far -> near -> active -> completed at the right times", "[lifecycle]") {
  const RunRecord r = simulate(worked_example());
  REQUIRE(r.instructions.size() == 1);
  // Issued 10:00; notification 2 h, so near at 13:00; active at 15:00; completed at 19:00.
  CHECK(statuses(r.instructions[0]) ==
        std::vector<std::string>{"far@2025-07-15T10:00", "near@2025-07-15T13:00", "active@2025-07-15T15:00",
                                 "completed@2025-07-15T19:00"});
  CHECK(r.instructions[0].deployment);
  CHECK(r.instructions[0].report == std::optional<std::size_t>(0));
}

TEST_CASE("worked example: the event log in time order, same-time events by priority", "[lifecycle]") {
  const RunRecord r = simulate(worked_example());
  CHECK(kinds(r) == std::vector<std::string>{
                        "instruction_issued SI-1",        // 10:00
                        "advanced_reporting SI-1",        // 11:00
                        "instruction_near SI-1",          // 13:00
                        "emergency_declared EV-1",        // 14:00
                        "instruction_active SI-1",        // 15:00
                        "hour_settled SI-1",              // 16:00 (HE16 ends)
                        "hour_settled SI-1",              // 17:00
                        "hour_settled SI-1",              // 18:00
                        "hour_settled SI-1",              // 19:00: hour before completion (priority 8 < 9)
                        "instruction_completed SI-1",     // 19:00
                        "emergency_ended EV-1",           // 20:00
                    });
  CHECK(r.events.front().time == T("2025-07-15T10:00"));
  CHECK(r.events.back().time == T("2025-07-15T20:00"));
}

TEST_CASE("worked example: the trace fingerprint is pinned", "[lifecycle][golden]") {
  // A change of event order or of event kinds changes this value; update it only on purpose.
  const RunRecord r = simulate(worked_example());
  CHECK(r.fingerprint == simulate(worked_example()).fingerprint);
  CHECK(r.fingerprint == "a6f1132d28911f96");
}

TEST_CASE("withdrawal in time: status withdrawn, exempt, still a deployment", "[lifecycle]") {
  Scenario s = worked_example();
  s.instructions[0].withdrawn = T("2025-07-15T13:00");  // start - 2 h: in time
  const RunRecord r = simulate(s);
  const auto& rec = r.instructions[0];
  CHECK(statuses(rec) == std::vector<std::string>{"far@2025-07-15T10:00", "withdrawn@2025-07-15T13:00"});
  CHECK(rec.whole_exemption == ExemptReason::withdrawn);
  CHECK(rec.deployment);
  for (const auto& h : rec.hours) CHECK(h.exempt == ExemptReason::withdrawn);
}

TEST_CASE("withdrawal after start ends the window there", "[lifecycle]") {
  Scenario s = worked_example();
  s.instructions[0].withdrawn = T("2025-07-15T16:30");
  const RunRecord r = simulate(s);
  const auto& rec = r.instructions[0];
  CHECK(rec.effective_end == T("2025-07-15T16:30"));
  REQUIRE(rec.hours.size() == 2);
  CHECK(rec.hours[1].frac() == dec("0.5"));
  CHECK(statuses(rec).back() == "completed@2025-07-15T16:30");
}

TEST_CASE("late reporting is recorded and ignored", "[lifecycle]") {
  Scenario s = worked_example();
  s.advanced_reporting[0].entered = T("2025-07-15T15:01");
  const RunRecord r = simulate(s);
  CHECK(r.instructions[0].late_report);
  CHECK_FALSE(r.instructions[0].report.has_value());
  CHECK((r.instructions[0].hours[0].flags & kLateAdvancedReporting) != 0);
  CHECK_FALSE(r.instructions[0].hours[0].reported_target.has_value());
}

TEST_CASE("of several entries the latest at or before start counts", "[lifecycle]") {
  Scenario s = worked_example();
  AdvancedReport later = s.advanced_reporting[0];
  later.entered = T("2025-07-15T14:00");
  later.target_mw = MW("7");
  AdvancedReport earlier = s.advanced_reporting[0];
  earlier.entered = T("2025-07-15T10:30");
  earlier.target_mw = MW("9");
  s.advanced_reporting.push_back(later);
  s.advanced_reporting.push_back(earlier);
  const RunRecord r = simulate(s);
  CHECK(r.instructions[0].report == std::optional<std::size_t>(1));
  CHECK(*r.instructions[0].hours[0].reported_target == MW("7"));
}

TEST_CASE("meter integration: 15-minute intervals, a missing interval makes the hour missing", "[lifecycle][meter]") {
  Scenario s = worked_example();
  s.meter.rows.clear();
  // HE16: 10, 10, 12, 16 MW quarters -> 12 MW; HE17: the 16:45 quarter is missing.
  const char* q16[] = {"10", "10", "12", "16"};
  for (int i = 0; i < 4; ++i) s.meter.rows.push_back({"DR-1", T("2025-07-15T15:00") + Duration::minutes(15 * i), 15, MW(q16[i]), 0});
  for (int i = 0; i < 3; ++i) s.meter.rows.push_back({"DR-1", T("2025-07-15T16:00") + Duration::minutes(15 * i), 15, MW("11"), 0});
  const RunRecord r = simulate(s);
  CHECK(*r.instructions[0].hours[0].measured == MW("12"));
  CHECK_FALSE(r.instructions[0].hours[1].measured.has_value());
  CHECK(r.meter_rows == 7);
  // Settled: HE17 missing meter -> actual 0, shortfall = target 10 MW x 410 = 4100.00.
  const Statement st = settle(s, r);
  CHECK((st.hourly[1].settled.flags & kMissingMeter) != 0);
  CHECK(st.hourly[1].settled.energy_charge.str() == "4100.00");
}

TEST_CASE("deployments per season against the seasonal minimum", "[lifecycle]") {
  const RunRecord r = simulate(worked_example());
  REQUIRE(r.deployments.size() == 1);
  CHECK(r.deployments[0].deployments == 1);
  CHECK(r.deployments[0].seasonal_minimum == 5);  // summer
  CHECK(r.deployments[0].max_interruptions == 5);
  CHECK(r.deployments[0].season.season == Season::summer);
}

TEST_CASE("registration exemptions are recorded with their reason when issued", "[lifecycle]") {
  Scenario s = worked_example();
  s.instructions[0].issued = T("2025-07-15T13:30");  // 1.5 h notice < 2 h
  const RunRecord r = simulate(s);
  CHECK(r.instructions[0].whole_exemption == ExemptReason::short_notice);
  CHECK_FALSE(r.instructions[0].deployment);
  bool logged = false;
  for (const auto& e : r.events) logged = logged || (e.kind == "exemption" && e.detail == "short_notice");
  CHECK(logged);
}

TEST_CASE("shortfall MWh is rounded once, on the exact fraction of the hour", "[lifecycle][partial]") {
  // An instruction starting 15:55 on 5-minute meters: 300 s of HE16 obligated, frac 1/12.
  // 7 MW x 300/3600 h = 0.5833333... -> 0.583333 MWh (rounding 1/12 to 0.083333 first would give 0.583331).
  Scenario s = worked_example();
  s.instructions[0].start = T("2025-07-15T15:55");
  s.instructions[0].issued = T("2025-07-15T10:00");
  s.advanced_reporting[0].target_mw = MW("7");
  s.instructions[0].mw = MW("7");
  s.meter.rows.clear();
  s.meter.rows.push_back({"DR-1", T("2025-07-15T15:55"), 5, MW("20"), 0});  // load = baseline: delivered 0
  for (int h = 1; h < 4; ++h) s.meter.rows.push_back({"DR-1", T("2025-07-15T15:00") + Duration::hours(h), 60, MW("13"), 0});
  const RunRecord r = simulate(s);
  REQUIRE(r.instructions[0].hours[0].obligated.us == 300'000'000);  // 300 s
  const Statement st = settle(s, r);
  CHECK(st.hourly[0].settled.shortfall == MW("7"));
  CHECK(st.hourly[0].settled.shortfall_mwh.value() == dec("0.583333"));
  CHECK(st.hourly[0].settled.energy_charge.str() == "145.83");  // 0.583333 x 250 = 145.83325
}

TEST_CASE("an instruction exempt as a whole needs no default baseline", "[lifecycle][baseline]") {
  // No baseline series and no meter history: fine when the instruction is exempt (short notice),
  // an input error naming the resource when it is not.
  Scenario s = worked_example();
  s.baseline = {};
  s.instructions[0].issued = T("2025-07-15T14:00");  // 1 h notice < 2 h
  const RunRecord r = simulate(s);
  CHECK(r.instructions[0].whole_exemption == ExemptReason::short_notice);
  CHECK_FALSE(r.instructions[0].hours[0].baseline.has_value());
  s.instructions[0].issued = T("2025-07-15T10:00");
  try {
    simulate(s);
    FAIL("expected an input error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].key == "resources.DR-1");
    CHECK(e.problems()[0].message.find("only 0 eligible baseline days") == 0);
  }
}

TEST_CASE("without the trace a run keeps no event log nor fingerprint, and the same record", "[lifecycle][trace]") {
  // Exposure trials simulate untraced (SimulateOptions{.trace = false, .explain_baseline = {}}); their figures must be
  // those of the traced run `drsim run` makes. The worked example as is, and withdrawn after its
  // start (a withdrawal note and a shortened window).
  for (const bool withdrawn : {false, true}) {
    Scenario s = worked_example();
    if (withdrawn) s.instructions[0].withdrawn = T("2025-07-15T16:30");
    const RunRecord traced = simulate(s);
    const RunRecord bare = sim::simulate(s, sim::inline_meter_feed(s.meter.rows), sim::SimulateOptions{.trace = false, .explain_baseline = {}});
    CHECK(traced.events.size() >= 10);  // the worked example's 11 events, and their notes
    CHECK(bare.events.empty());
    CHECK(bare.fingerprint.empty());
    CHECK(bare.meter_rows == traced.meter_rows);
    REQUIRE(bare.instructions.size() == 1);
    const auto& a = traced.instructions[0];
    const auto& b = bare.instructions[0];
    CHECK(statuses(b) == statuses(a));
    CHECK(b.whole_exemption == a.whole_exemption);
    CHECK(b.deployment == a.deployment);
    CHECK(b.report == a.report);
    REQUIRE(b.hours.size() == a.hours.size());
    CHECK(b.hours.size() == (withdrawn ? 2U : 4U));
    for (std::size_t h = 0; h < a.hours.size(); ++h) {
      CHECK(b.hours[h].hour == a.hours[h].hour);
      CHECK(b.hours[h].obligated.us == a.hours[h].obligated.us);
      CHECK(b.hours[h].instructed_mw == a.hours[h].instructed_mw);
      CHECK(b.hours[h].reported_target == a.hours[h].reported_target);
      CHECK(b.hours[h].measured == a.hours[h].measured);
      CHECK(b.hours[h].baseline == a.hours[h].baseline);
      CHECK(b.hours[h].exempt == a.hours[h].exempt);
      CHECK(b.hours[h].flags == a.hours[h].flags);
    }
    REQUIRE(bare.deployments.size() == traced.deployments.size());
    CHECK(bare.deployments[0].deployments == traced.deployments[0].deployments);
    const Statement st_traced = settle(s, traced);
    const Statement st_bare = settle(s, bare);
    CHECK(st_bare.penalty == st_traced.penalty);
    CHECK(st_bare.eo_total == st_traced.eo_total);
    CHECK(st_bare.hourly.size() == st_traced.hourly.size());
    // README's worked example: 6290.00 $ energy + 12.75 $ RSG.
    if (!withdrawn) CHECK(st_bare.penalty.str() == "6302.75");
  }
}
