// Tests of trial generation and the exposure runner: hand-computed trials, determinism across threads.
#include <catch2/catch.hpp>

#include "sim/exposure_random.hpp"
#include "settlement/settle.hpp"
#include "sim/exposure_runner.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/scenario_builder.hpp"

using namespace drsim;
using namespace drsim::sim;
using drsim::test::dec;

namespace {

// Two summer emergencies of 4 hours from 15:00 on distinct days, no other season; a flat
// LMP of exactly 300 $/MWh (sigma 0, no spikes), RSG exactly 1.00, every resource delivers
// exactly 80 %, always reports, never has an outage.
ExposureModel fixed_model() {
  ExposureModel m = default_exposure_model();
  for (auto& s : m.seasons) s.emergencies = IntDistribution::list({0});
  m.seasons[0] = {IntDistribution::list({2}), IntDistribution::list({4}), IntDistribution::list({15})};
  m.notice_h = IntDistribution::list({4});
  m.lmp.median_usd_per_mwh = Decimal::from_int(300);
  m.lmp.sigma = Decimal{};
  m.lmp.spike_probability = Decimal{};
  m.lmp.hour_sigma = Decimal{};
  m.rsg_usd_per_mwh = {Decimal::from_int(1), Decimal::from_int(1), 2};
  m.delivered_fraction = {dec("0.8"), dec("0.8"), 3};
  m.delivered_by_protocol = {};
  m.missing_reporting_probability = Decimal{};
  m.forced_outage_probability = Decimal{};
  m.baseline_factor = Decimal::from_int(2);
  return m;
}

Scenario base_with_eo() {
  Scenario s = test::worked_example();
  EoConfig eo;
  eo.mp = "MP-UTIL";
  eo.zone = "LRZ5";
  s.eo.push_back(eo);
  return s;
}

}  // namespace

TEST_CASE("a trial with fixed draws settles to hand-computed figures", "[exposure]") {
  const sim::ExposureRunner runner(base_with_eo(), fixed_model());
  // EO without events: DR-1 clears 10 MW in summer (92 days at 666.50) and fall (91 days at 91.60):
  // 10 x 666.50 x 92 + 10 x 91.60 x 91 = 613180.00 + 83356.00 = 696536.00.
  CHECK(runner.eo_without_events() == *Money::parse("696536.00"));

  const sim::TrialScenario t = runner.trial_scenario(11, 0);
  REQUIRE(t.emergencies == 2);
  REQUIRE(t.market.instructions.size() == 2);
  const Instruction& first = t.market.instructions[0];
  CHECK(first.start.hour() == 15);
  CHECK(first.end - first.start == Duration::hours(4));
  CHECK(first.start - first.issued == Duration::hours(4));
  CHECK(first.mw == test::MW("10"));
  CHECK(t.market.advanced_reporting.size() == 2);
  // Baseline protocol: baseline = 2 x 10 = 20 MW, load = 20 - 0.8 x 10 = 12 MW in every hour.
  REQUIRE(t.meter_rows.size() == 8);
  for (const auto& row : t.meter_rows) CHECK(row.mw == test::MW("12"));
  CHECK(t.market.baseline.get("DR-1", first.start) == Mw(dec("20")));
  CHECK(t.market.lmp.get("AMMO.DR1", first.start) == UsdPerMwh(dec("300")));

  const TrialResult r = runner.run_trial(11, 0);
  // Shortfall 10 - 8 = 2 MW in 8 hours: energy 2 x 300 x 8 = 4800.00, RSG 2 x 1.00 x 8 = 16.00.
  CHECK(r.energy_charge == *Money::parse("4800.00"));
  CHECK(r.rsg_charge == *Money::parse("16.00"));
  CHECK(r.penalty == *Money::parse("4816.00"));
  // Two failed occasions on different days of one season: the second disqualifies DR-1.
  CHECK(r.disqualified == std::vector<std::uint32_t>{0});
  CHECK(r.emergencies == 2);
  CHECK(r.instructions == 2);
  CHECK(r.eo + r.eo_loss == runner.eo_without_events());
  CHECK(r.eo_loss > Money{});
}

TEST_CASE("a trial's figures are those of simulate + settle on its scenario", "[exposure]") {
  ExposureModel m = default_exposure_model();
  m.seasons[0].emergencies = IntDistribution::poisson(Decimal::from_int(3));
  const sim::ExposureRunner runner(base_with_eo(), m);
  int with_penalty = 0;
  for (std::uint64_t i = 0; i < 20; ++i) {
    const sim::TrialScenario t = runner.trial_scenario(5, i);
    const Statement st = settle(t.market, sim::simulate(t.market, sim::inline_meter_feed(t.meter_rows)));
    const TrialResult r = runner.run_trial(5, i);
    CHECK(r.penalty == st.penalty);
    CHECK(r.capacity == st.capacity_total);
    CHECK(r.eo == st.eo_total);
    with_penalty += r.penalty > Money{};
  }
  CHECK(with_penalty > 0);  // the comparison covered charged trials
}

TEST_CASE("the runner's results do not depend on the number of threads", "[exposure]") {
  ExposureModel m = default_exposure_model();
  m.seasons[0].emergencies = IntDistribution::poisson(Decimal::from_int(2));
  const sim::ExposureRunner runner(base_with_eo(), m);
  // 41 trials: not a multiple of the trials per pool task, so the last task is a short one.
  const auto one = runner.run(99, 0, 41, 1);
  const auto two = runner.run(99, 0, 41, 2);
  const auto three = runner.run(99, 0, 41, 3);
  const auto tail = runner.run(99, 25, 41, 2);
  REQUIRE(one.results.size() == 41);
  REQUIRE(two.results.size() == 41);
  REQUIRE(three.results.size() == 41);
  CHECK_FALSE(one.cancelled);
  CHECK_FALSE(three.cancelled);
  int charged = 0;
  for (std::size_t i = 0; i < 41; ++i) {
    INFO("trial " << i);
    CHECK(one.results[i].trial == i);
    for (const auto* other : {&two, &three}) {
      const TrialResult& a = one.results[i];
      const TrialResult& b = other->results[i];
      CHECK(b.trial == i);
      CHECK(a.penalty == b.penalty);
      CHECK(a.energy_charge == b.energy_charge);
      CHECK(a.rsg_charge == b.rsg_charge);
      CHECK(a.capacity == b.capacity);
      CHECK(a.eo_before == b.eo_before);
      CHECK(a.eo == b.eo);
      CHECK(a.eo_loss == b.eo_loss);
      CHECK(a.emergencies == b.emergencies);
      CHECK(a.instructions == b.instructions);
      CHECK(a.disqualified == b.disqualified);
    }
    charged += one.results[i].penalty != Money{};
  }
  CHECK(charged > 0);  // the comparison covered trials with a penalty, not only zeros
  REQUIRE(tail.results.size() == 16);
  for (std::size_t i = 0; i < 16; ++i) {
    CHECK(tail.results[i].trial == 25 + i);
    CHECK(tail.results[i].penalty == one.results[25 + i].penalty);
  }
}

TEST_CASE("a failing trial is rethrown whatever the thread count, and an empty range runs nothing", "[exposure]") {
  // No LSE: a drawn emergency's penalty has nowhere to go, so a trial whose one summer
  // emergency is charged (a delivered fraction below 1 leaves a shortfall) throws.
  Scenario s = base_with_eo();
  s.lses.clear();
  ExposureModel m = default_exposure_model();
  m.seasons[0].emergencies = IntDistribution::list({1});
  const sim::ExposureRunner runner(s, m);
  for (unsigned threads : {1U, 2U, 3U}) {
    INFO(threads << " threads");
    CHECK_THROWS_WITH(runner.run(5, 0, 9, threads), Catch::Contains("no LSE"));
  }
  const auto none = runner.run(5, 3, 3, 2);
  CHECK(none.results.empty());
  CHECK_FALSE(none.cancelled);
}

TEST_CASE("a cancelled run keeps only completed trials", "[exposure]") {
  const sim::ExposureRunner runner(base_with_eo(), default_exposure_model());
  std::atomic<bool> cancel{true};
  const auto batch = runner.run(1, 0, 10, 2, &cancel);
  CHECK(batch.cancelled);
  CHECK(batch.results.empty());
}
