// Benchmark: Monte Carlo exposure trials per second (build + simulate + settle), at 1 and 2 threads.
//
// Usage: bench_exposure [trials]   (default 400)
// Portfolio: 100 LMRs of one MP in LRZ5 (60 DR on a baseline, 25 DR on a firm service
// level, 15 BTMG), 1-15 MW each, registered in every season with room for 4 deployments;
// the exposure model draws exactly 4 emergencies per season (16 a year) of 4-6 hours
// covering the one LBA, so every trial settles about 1,600 instructions and 8,000
// instruction-hours. Prints trials/s at 1 and 2 threads, the speed-up, and checks both
// runs agree trial by trial.
#include <utility>  // before Asio headers (included through the runner)

#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include <fmt/core.h>

#include "sim/exposure_model.hpp"
#include "sim/exposure_runner.hpp"

namespace {

using namespace drsim;
using namespace drsim::sim;

Decimal d(const char* t) { return *Decimal::parse(t); }

Market portfolio() {
  Market s;
  s.name = "bench: 100-resource utility";
  s.planning_year = 2025;
  Zone z;
  z.id = "LRZ5";
  z.acp = {UsdPerMwDay(d("666.50")), UsdPerMwDay(d("91.60")), UsdPerMwDay(d("33.20")), UsdPerMwDay(d("69.88"))};
  s.zones.push_back(z);
  s.participants.push_back({"MP-UTIL", true});
  s.lbas = {"AMMO"};
  s.lses = {{"LSE-A", "AMMO", d("0.9")}, {"LSE-B", "AMMO", d("0.1")}};
  const std::uint16_t months[4] = {(1U << 6) | (1U << 7) | (1U << 8), (1U << 9) | (1U << 10) | (1U << 11),
                                   (1U << 12) | (1U << 1) | (1U << 2), (1U << 3) | (1U << 4) | (1U << 5)};
  for (int i = 0; i < 100; ++i) {
    Resource r;
    r.id = fmt::format("R-{:03}", i + 1);
    r.type = i < 85 ? ResourceType::dr : ResourceType::btmg;
    r.protocol = i < 60 ? Protocol::baseline : i < 85 ? Protocol::firm_service_level : Protocol::metered_generation;
    if (r.protocol == Protocol::firm_service_level) r.fsl_mw = Mw(Decimal::from_int(2));
    r.mp = "MP-UTIL";
    r.lba = "AMMO";
    r.zone = "LRZ5";
    r.cpnode = "AMMO." + r.id;
    for (std::size_t s_i = 0; s_i < 4; ++s_i) {
      SeasonRegistration reg;
      reg.cleared_mw = Mw(Decimal::from_int(1 + i % 15));
      reg.notification_h = Decimal::from_int(2 + i % 4);
      reg.max_interruptions = 5;
      reg.max_duration_h = Decimal::from_int(6);
      reg.months = months[s_i];
      r.seasons[s_i] = reg;
    }
    s.resources.push_back(r);
  }
  EoConfig eo;
  eo.mp = "MP-UTIL";
  eo.zone = "LRZ5";
  eo.share = d("0.1");
  s.eo.push_back(eo);
  return s;
}

ExposureModel sixteen_a_year() {
  ExposureModel m = default_exposure_model();
  for (auto& season : m.seasons) {
    season.emergencies = IntDistribution::list({4});
    season.hours = IntDistribution::range(4, 6);
    season.start_hour = IntDistribution::range(8, 17);
  }
  return m;
}

double trials_per_second(const sim::ExposureRunner& runner, std::uint64_t trials, unsigned threads,
                         sim::ExposureBatch& out) {
  const auto t0 = std::chrono::steady_clock::now();
  out = runner.run(2025, 0, trials, threads);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return static_cast<double>(trials) / s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t trials = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 400;
  const sim::ExposureRunner runner(portfolio(), sixteen_a_year());
  const sim::TrialScenario sample = runner.trial_scenario(2025, 0);
  fmt::print("portfolio: 100 resources, {} emergencies and {} instructions per trial, {} trials\n",
             sample.emergencies, sample.market.instructions.size(), trials);
  sim::ExposureBatch one, two;
  const double r1 = trials_per_second(runner, trials, 1, one);
  fmt::print("1 thread : {:8.1f} trials/s\n", r1);
  const double r2 = trials_per_second(runner, trials, 2, two);
  fmt::print("2 threads: {:8.1f} trials/s\n", r2);
  fmt::print("speed-up : {:8.2f}x\n", r2 / r1);
  for (std::size_t i = 0; i < one.results.size(); ++i) {
    if (one.results[i].penalty != two.results[i].penalty || one.results[i].eo != two.results[i].eo) {
      fmt::print("MISMATCH at trial {}\n", i);
      return 1;
    }
  }
  Money total;
  for (const auto& r : one.results) total += r.penalty;
  fmt::print("check    : 1 and 2 threads agree on all {} trials (sum of penalties {} $)\n", one.results.size(), total.str());
  return 0;
}
