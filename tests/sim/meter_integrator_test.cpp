// The meter integrator on its own: hourly means of kept days, windows to the microsecond, sums
// past int32, overlaps in any order (rules.md 2 and 4.6; format.md limits |MW| <= 100,000).
#include <thread>

#include <catch2/catch.hpp>

#include "sim/meter_integrator.hpp"

namespace drsim {
namespace {

constexpr std::int64_t kJune2 = 1748736000 + 86400;  // 2025-06-02T00:00 market time, a Monday

std::vector<Resource> one_resource() {
  Resource r;
  r.id = "R1";
  return {r};
}

MeterInterval iv(std::int64_t start, std::int32_t minutes, std::int64_t mw_micros) {
  return MeterInterval{MarketTime::from_seconds(start), Mw(Decimal::from_micros(mw_micros)), 0, minutes};
}

Date june2() { return MarketTime::from_seconds(kJune2).date(); }

}  // namespace

TEST_CASE("meter integrator: the hour's mean of 5- and 15-minute intervals, rounded half away") {
  sim::MeterIntegrator m(one_resource());
  m.add_days(0, june2(), june2());
  m.seal();
  // Hour 00: twelve 5-minute intervals of 1..12 MW: (1 + ... + 12) / 12 = 78 / 12 = 6.5 MW.
  for (int k = 0; k < 12; ++k) REQUIRE(m.add(iv(kJune2 + k * 300, 5, (k + 1) * 1'000'000)));
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2))->value().str() == "6.5");
  // Hour 01: four 15-minute intervals 1, 1, 1, 0.000002 MW: 3.000002 / 4 = 0.7500005, half away: 0.750001.
  for (int k = 0; k < 3; ++k) REQUIRE(m.add(iv(kJune2 + 3600 + k * 900, 15, 1'000'000)));
  REQUIRE(m.add(iv(kJune2 + 3600 + 2700, 15, 2)));
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2 + 3600))->value().str() == "0.750001");
  // The same mean negated: -0.7500005 rounds away from zero to -0.750001.
  for (int k = 0; k < 3; ++k) REQUIRE(m.add(iv(kJune2 + 7200 + k * 900, 15, -1'000'000)));
  REQUIRE(m.add(iv(kJune2 + 7200 + 2700, 15, -2)));
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2 + 7200))->value().str() == "-0.750001");
  // Hour 03 lacks its last 5 minutes: no mean, and the day is not fully metered.
  for (int k = 0; k < 11; ++k) REQUIRE(m.add(iv(kJune2 + 3 * 3600 + k * 300, 5, 1'000'000)));
  CHECK_FALSE(m.hour_average(0, MarketTime::from_seconds(kJune2 + 3 * 3600)));
  CHECK_FALSE(m.fully_metered(0, june2()));
  CHECK(m.first_metered_day(0) == june2());
}

TEST_CASE("meter integrator: hourly sums past int32 stay exact") {
  sim::MeterIntegrator m(one_resource());
  m.add_days(0, june2(), june2());
  m.seal();
  // 500 MW for an hour: 500e6 x 12 slots = 6e9, beyond int32: the mean is still 500.
  REQUIRE(m.add(iv(kJune2, 60, 500'000'000)));
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2))->value().str() == "500");
  // 200 MW in 5-minute intervals: the sum passes 2^31 at the 11th (2.2e9), then one more: 200.
  for (int k = 0; k < 12; ++k) REQUIRE(m.add(iv(kJune2 + 3600 + k * 300, 5, 200'000'000)));
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2 + 3600))->value().str() == "200");
  // -100,000 MW (the limit) then +100,000.000001 is refused by the reader, so: -100,000 and 99,999.999999
  // over two half hours of 15-minute intervals: (-100000 x 2 + 99999.999999 x 2) / 4 = -0.0000005 -> -0.000001.
  REQUIRE(m.add(iv(kJune2 + 7200, 15, -100'000'000'000)));
  REQUIRE(m.add(iv(kJune2 + 7200 + 900, 15, -100'000'000'000)));
  REQUIRE(m.add(iv(kJune2 + 7200 + 1800, 15, 99'999'999'999)));
  REQUIRE(m.add(iv(kJune2 + 7200 + 2700, 15, 99'999'999'999)));
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2 + 7200))->value().str() == "-0.000001");
}

TEST_CASE("meter integrator: a window to the microsecond across intervals") {
  sim::MeterIntegrator m(one_resource());
  // [00:00, 00:07:30.000001): 5 minutes at 2 MW, then 150.000001 s at 4 MW:
  // (2 x 300 + 4 x 150.000001) / 450.000001 = 1200.000004 / 450.000001 = 2.66666667... -> 2.666667.
  const auto from = ExactTime::of(MarketTime::from_seconds(kJune2));
  const auto to = ExactTime::of(MarketTime::from_seconds(kJune2 + 450)) + ExactDuration{1};
  const auto w = m.add_window(0, from, to);
  m.seal();
  REQUIRE(m.add(iv(kJune2, 5, 2'000'000)));
  CHECK_FALSE(m.window_average(w));  // the rest of the window has no interval yet
  REQUIRE(m.add(iv(kJune2 + 300, 5, 4'000'000)));
  CHECK(m.window_average(w)->value().str() == "2.666667");
  // A day that is neither declared nor history keeps no hourly sums.
  CHECK_FALSE(m.hour_average(0, MarketTime::from_seconds(kJune2)));
  CHECK_FALSE(m.first_metered_day(0));
}

TEST_CASE("meter integrator: an overlap is refused in whichever order the rows come") {
  for (const bool reversed : {false, true}) {
    CAPTURE(reversed);
    sim::MeterIntegrator m(one_resource());
    m.seal();
    // 00:15 for 15 minutes holds the 5-minute slot of 00:20.
    const MeterInterval a = iv(kJune2 + 900, 15, 1'000'000);
    const MeterInterval b = iv(kJune2 + 1200, 5, 1'000'000);
    CHECK(m.add(reversed ? b : a));
    CHECK_FALSE(m.add(reversed ? a : b));
    // Touching intervals do not overlap, before or after, days apart or on the day before.
    CHECK(m.add(iv(kJune2 + 1800, 60, 1)));
    CHECK(m.add(iv(kJune2 - 3600, 60, 1)));
    CHECK(m.add(iv(kJune2 - 40 * 86400, 5, 1)));
    CHECK_FALSE(m.add(iv(kJune2 - 40 * 86400, 60, 1)));
  }
}

TEST_CASE("meter integrator: history days are the weekdays that are not holidays, up to `through`") {
  sim::MeterIntegrator m(one_resource());
  // Through Friday 2025-07-04 (Independence Day, a NERC holiday): Thursday 3 July is kept,
  // 4 July and the weekend 5-6 July are not.
  const Date july3 = Date::from_ymd(2025, 7, 3);
  m.keep_history(0, july3 + 3);
  m.seal();
  for (int d = 0; d < 4; ++d) {
    const std::int64_t day = std::int64_t{(july3 + d).days()} * 86400;
    for (int h = 0; h < 24; ++h) REQUIRE(m.add(iv(day + h * 3600, 60, 3'000'000)));
  }
  CHECK(m.fully_metered(0, july3));
  CHECK(m.hour_average(0, MarketTime::at(july3, 5))->value().str() == "3");
  for (int d = 1; d < 4; ++d) CHECK_FALSE(m.fully_metered(0, july3 + d));
  CHECK(m.first_metered_day(0) == july3);
}

}  // namespace drsim

namespace drsim {

TEST_CASE("meter integrator: add_batch from two threads at once, rows of one resource on both") {
  // Two resources, a day of 5-minute intervals each, dealt out alternately to two threads
  // in batches that mix the resources: the means are those of one thread adding in order.
  std::vector<Resource> rs(2);
  rs[0].id = "R1";
  rs[1].id = "R2";
  sim::MeterIntegrator m(rs);
  m.add_days(0, june2(), june2());
  m.add_days(1, june2(), june2());
  const auto w = m.add_window(1, ExactTime::of(MarketTime::from_seconds(kJune2 + 600)), ExactTime::of(MarketTime::from_seconds(kJune2 + 4200)));
  m.seal();
  std::vector<MeterInterval> share[2];
  for (int k = 0; k < 288; ++k) {
    for (std::uint32_t r = 0; r < 2; ++r) {
      // R1: k MW in slot k; R2: 2 MW in even slots, 3 MW in odd ones.
      const std::int64_t mw = r == 0 ? k * 1'000'000 : (k % 2 == 0 ? 2'000'000 : 3'000'000);
      share[(k + r) % 2].push_back(MeterInterval{MarketTime::from_seconds(kJune2 + k * 300), Mw(Decimal::from_micros(mw)), r, 5});
    }
  }
  bool ok[2] = {false, false};
  std::thread a([&] { ok[0] = m.add_batch(share[0]); });
  std::thread b([&] { ok[1] = m.add_batch(share[1]); });
  a.join();
  b.join();
  CHECK(ok[0]);
  CHECK(ok[1]);
  // R1's hour 10: slots 120..131, (120 + ... + 131) / 12 = 1506 / 12 = 125.5 MW.
  CHECK(m.hour_average(0, MarketTime::from_seconds(kJune2 + 10 * 3600))->value().str() == "125.5");
  CHECK(m.fully_metered(0, june2()));
  CHECK(m.hour_average(1, MarketTime::from_seconds(kJune2 + 5 * 3600))->value().str() == "2.5");
  // R2's window 00:10-01:10: slots 2..13, six of 2 MW and six of 3 MW: 2.5 MW.
  CHECK(m.window_average(w)->value().str() == "2.5");
  // The same intervals again: each is an overlap, refused.
  CHECK_FALSE(m.add_batch(share[0]));
}

}  // namespace drsim
