// The obligation schedule (sim/obligation_plan): windows, obligated parts, notice, withdrawal and status times,
// worked by hand from the market data alone (no engine, no meters).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "sim/obligation_plan.hpp"
#include "tests/support/builders_more.hpp"

using namespace drsim;
using namespace drsim::test;
using drsim::sim::ObligationSchedule;
using drsim::sim::plan_obligations;

namespace {

constexpr std::int64_t kUsPerS = ExactDuration::kPerSecond;

ExactTime X(const char* t) { return ExactTime::of(T(t)); }

// One resource DR-1 registered for summer (2 h notice, 4 h duration, June-August).
Scenario market(const char* max_duration_h = "4", const char* notification_h = "2") {
  Scenario s = bare_market();
  Resource& r = add_resource(s, "DR-1", Protocol::baseline);
  r.seasons[0] = season_reg("10", {6, 7, 8}, 5, max_duration_h);
  r.seasons[0]->notification_h = dec(notification_h);
  return s;
}

std::vector<ObligationSchedule> plan(const Scenario& s) { return plan_obligations(s.instructions, s.resources, s.rules); }

}  // namespace

TEST_CASE("plan: the worked example's 4 whole hours, near at start - 2 h", "[plan]") {
  Scenario s = market();
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T15:00", "2025-07-15T19:00", "10");
  const auto p = plan(s);
  REQUIRE(p.size() == 1);
  const ObligationSchedule& o = p[0];
  CHECK(o.instruction == 0);
  CHECK(o.resource == 0);
  CHECK(o.season.planning_year == 2025);
  CHECK(o.season.season == Season::summer);
  REQUIRE(o.registration != nullptr);
  CHECK(o.effective_end == T("2025-07-15T19:00"));
  // 15:00 + min(4 h duration, 4 h window) = 19:00.
  CHECK(o.obligated_end == X("2025-07-15T19:00"));
  CHECK_FALSE(o.withdrawn_in_time);
  CHECK_FALSE(o.withdrawal_at);
  CHECK(o.near_at == T("2025-07-15T13:00"));  // 15:00 - 2 h, after the 10:00 issue
  CHECK(o.active_at == T("2025-07-15T15:00"));
  CHECK(o.completed_at == T("2025-07-15T19:00"));
  REQUIRE(o.hours.size() == 4);
  for (int h = 0; h < 4; ++h) {
    const MarketTime hour = T("2025-07-15T15:00") + Duration::hours(h);
    CHECK(o.hours[h].hour == hour);
    CHECK(o.hours[h].obligated.us == 3600 * kUsPerS);
    CHECK(o.hours[h].measure_from == ExactTime::of(hour));
    CHECK(o.hours[h].measure_to == ExactTime::of(hour + Duration::hours(1)));
    CHECK(o.hours[h].settle_at == hour + Duration::hours(1));  // HE16 settles at 16:00
  }
}

TEST_CASE("plan: max_duration_h 1.333333 ends the obligated part between seconds", "[plan][exact]") {
  // 1.333333 h = 4,799,998,800 us = 4799.9988 s: 14:00 + 1 h 19 min 59.9988 s = 15:19:59.9988.
  Scenario s = market("1.333333");
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T14:00", "2025-07-15T17:00", "10");
  const ObligationSchedule o = plan(s).at(0);
  const ExactTime end = X("2025-07-15T14:00") + ExactDuration{4'799'998'800};
  CHECK(o.obligated_end == end);
  REQUIRE(o.hours.size() == 3);
  // HE15: wholly obligated.
  CHECK(o.hours[0].obligated.us == 3'600'000'000);
  // HE16: 15:00 to 15:19:59.9988 is 1199.9988 s = 1,199,998,800 us, measured over that part only.
  CHECK(o.hours[1].obligated.us == 1'199'998'800);
  CHECK(o.hours[1].measure_from == X("2025-07-15T15:00"));
  CHECK(o.hours[1].measure_to == end);
  // HE17: wholly past the obligated end, obligated 0, measured over its part of the window (for the record).
  CHECK(o.hours[2].obligated.us == 0);
  CHECK(o.hours[2].measure_from == X("2025-07-15T16:00"));
  CHECK(o.hours[2].measure_to == X("2025-07-15T17:00"));
  CHECK(o.hours[2].settle_at == T("2025-07-15T17:00"));
}

TEST_CASE("plan: notification_h 2.0001 puts near at the next whole second", "[plan][exact]") {
  // 2.0001 h = 7200.36 s: 16:00 - 2:00:00.36 = 13:59:59.64, placed at 14:00:00.
  Scenario s = market("4", "2.0001");
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T12:00", "2025-07-15T16:00", "2025-07-15T17:00", "10");
  // Issued at 14:00 exactly: the near instant is not after the issue, so there is none.
  add_instruction(s, "SI-2", "DR-1", "2025-07-15T14:00", "2025-07-15T16:00", "2025-07-15T17:00", "10");
  const auto p = plan(s);
  REQUIRE(p.size() == 2);
  CHECK(p[0].near_at == T("2025-07-15T14:00"));
  CHECK_FALSE(p[1].near_at);
}

TEST_CASE("plan: a withdrawal in the window ends it, one before start leaves it whole", "[plan]") {
  Scenario s = market();
  // Withdrawn at 15:30, 30 min into a 15:00-18:00 window: one hour, obligated 1800 s, settled at 15:30.
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T15:00", "2025-07-15T18:00", "10").withdrawn =
      T("2025-07-15T15:30");
  // Withdrawn at its very start: an empty window, no hour; completed at the start.
  add_instruction(s, "SI-2", "DR-1", "2025-07-16T10:00", "2025-07-16T15:00", "2025-07-16T18:00", "10").withdrawn =
      T("2025-07-16T15:00");
  // Withdrawn at 13:00, exactly start - withdrawal_notice_h (2 h, default): in time; window unchanged.
  add_instruction(s, "SI-3", "DR-1", "2025-07-17T10:00", "2025-07-17T15:00", "2025-07-17T17:00", "10").withdrawn =
      T("2025-07-17T13:00");
  // Withdrawn at 13:00:01, 1 s too late: the full obligation stays.
  add_instruction(s, "SI-4", "DR-1", "2025-07-18T10:00", "2025-07-18T15:00", "2025-07-18T17:00", "10").withdrawn =
      T("2025-07-18T13:00:01");
  // Withdrawn at 09:00, before its 10:00 issue: taken at the issue.
  add_instruction(s, "SI-5", "DR-1", "2025-07-21T10:00", "2025-07-21T15:00", "2025-07-21T16:00", "10").withdrawn =
      T("2025-07-21T09:00");
  const auto p = plan(s);
  REQUIRE(p.size() == 5);

  CHECK(p[0].effective_end == T("2025-07-15T15:30"));
  CHECK(p[0].obligated_end == X("2025-07-15T15:30"));
  CHECK(p[0].withdrawal_at == T("2025-07-15T15:30"));
  CHECK_FALSE(p[0].withdrawn_in_time);
  REQUIRE(p[0].hours.size() == 1);
  CHECK(p[0].hours[0].obligated.us == 1800 * kUsPerS);
  CHECK(p[0].hours[0].settle_at == T("2025-07-15T15:30"));
  CHECK(p[0].completed_at == T("2025-07-15T15:30"));

  CHECK(p[1].effective_end == T("2025-07-16T15:00"));
  CHECK(p[1].hours.empty());
  CHECK(p[1].completed_at == T("2025-07-16T15:00"));
  CHECK_FALSE(p[1].withdrawn_in_time);  // 0 h ahead < 2 h

  CHECK(p[2].withdrawn_in_time);
  CHECK(p[2].effective_end == T("2025-07-17T17:00"));
  CHECK(p[2].hours.size() == 2);
  CHECK(p[2].withdrawal_at == T("2025-07-17T13:00"));

  CHECK_FALSE(p[3].withdrawn_in_time);  // 1 h 59 min 59 s ahead < 2 h
  CHECK(p[3].hours.size() == 2);

  CHECK(p[4].withdrawn_in_time);
  CHECK(p[4].withdrawal_at == T("2025-07-21T10:00"));
}

TEST_CASE("plan: issued at or after start (short notice) becomes active when issued", "[plan]") {
  Scenario s = market();
  // Issued 16:30 for 16:00-18:00: active 16:30; HE17 settles at 17:00, HE18 at 18:00; no near.
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T16:30", "2025-07-15T16:00", "2025-07-15T18:00", "10");
  // Issued 18:30, after its 16:00-18:00 window: every hour settles, and it completes, at 18:30.
  add_instruction(s, "SI-2", "DR-1", "2025-07-16T18:30", "2025-07-16T16:00", "2025-07-16T18:00", "10");
  const auto p = plan(s);
  REQUIRE(p.size() == 2);
  CHECK(p[0].active_at == T("2025-07-15T16:30"));
  CHECK_FALSE(p[0].near_at);
  REQUIRE(p[0].hours.size() == 2);
  CHECK(p[0].hours[0].settle_at == T("2025-07-15T17:00"));
  CHECK(p[0].hours[1].settle_at == T("2025-07-15T18:00"));
  CHECK(p[1].active_at == T("2025-07-16T18:30"));
  CHECK(p[1].hours[0].settle_at == T("2025-07-16T18:30"));
  CHECK(p[1].hours[1].settle_at == T("2025-07-16T18:30"));
  CHECK(p[1].completed_at == T("2025-07-16T18:30"));
}

TEST_CASE("plan: a window starting inside an hour, and a season the resource does not list", "[plan]") {
  Scenario s = market();
  // 15:20-17:10 in summer: HE16 from 15:20 (2400 s), HE17 whole, HE18 to 17:10 (600 s).
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T15:20", "2025-07-15T17:10", "10");
  // 2025-09-02 is fall, which DR-1 does not list: no registration, so no duration cap and no near.
  add_instruction(s, "SI-2", "DR-1", "2025-09-02T10:00", "2025-09-02T15:00", "2025-09-02T21:00", "10");
  const auto p = plan(s);
  REQUIRE(p.size() == 2);
  REQUIRE(p[0].hours.size() == 3);
  CHECK(p[0].hours[0].hour == T("2025-07-15T15:00"));
  CHECK(p[0].hours[0].obligated.us == 2400 * kUsPerS);
  CHECK(p[0].hours[0].measure_from == X("2025-07-15T15:20"));
  CHECK(p[0].hours[1].obligated.us == 3600 * kUsPerS);
  CHECK(p[0].hours[2].obligated.us == 600 * kUsPerS);
  CHECK(p[0].hours[2].measure_to == X("2025-07-15T17:10"));
  CHECK(p[0].hours[2].settle_at == T("2025-07-15T17:10"));
  CHECK(p[1].season.season == Season::fall);
  CHECK(p[1].registration == nullptr);
  CHECK(p[1].obligated_end == X("2025-09-02T21:00"));  // 6 h, not capped at 4 h
  CHECK(p[1].hours.size() == 6);
  CHECK_FALSE(p[1].near_at);
}

TEST_CASE("plan: schedules come ordered by start, then id, and an unknown resource throws", "[plan]") {
  Scenario s = market();
  add_resource(s, "DR-2", Protocol::baseline).seasons[0] = summer_reg();
  add_instruction(s, "SI-B", "DR-2", "2025-07-15T10:00", "2025-07-15T16:00", "2025-07-15T17:00", "5");
  add_instruction(s, "SI-C", "DR-1", "2025-07-15T10:00", "2025-07-15T15:00", "2025-07-15T17:00", "5");
  add_instruction(s, "SI-A", "DR-1", "2025-07-15T11:00", "2025-07-15T16:00", "2025-07-15T17:00", "5");
  const auto p = plan(s);
  REQUIRE(p.size() == 3);
  // SI-C starts first (15:00); SI-A and SI-B both start at 16:00, SI-A sorts first.
  CHECK(p[0].instruction == 1);
  CHECK(p[1].instruction == 2);
  CHECK(p[2].instruction == 0);
  CHECK(p[2].resource == 1);
  add_instruction(s, "SI-X", "DR-9", "2025-07-15T10:00", "2025-07-15T15:00", "2025-07-15T16:00", "5");
  CHECK_THROWS_AS(plan(s), std::out_of_range);
}

TEST_CASE("plan: window_hours of an empty window is empty", "[plan]") {
  CHECK(sim::window_hours(T("2025-07-15T15:00"), T("2025-07-15T15:00")).empty());
  CHECK(sim::window_hours(T("2025-07-15T15:30"), T("2025-07-15T16:00")) ==
        std::vector<MarketTime>{T("2025-07-15T15:00")});
}
