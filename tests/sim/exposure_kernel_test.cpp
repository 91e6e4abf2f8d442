// The trial kernel against the full path (build_trial + simulate + settle), field by field, on
// many random trials of varied portfolios: every rule key, exemption, outage and availability
// case a trial can meet.
#include <catch2/catch.hpp>

#include <random>

#include "settlement/settle.hpp"
#include "sim/exposure_draw.hpp"
#include "sim/exposure_kernel.hpp"
#include "sim/exposure_runner.hpp"
#include "sim/exposure_trial.hpp"
#include "tests/support/scenario_builder.hpp"

using namespace drsim;
using namespace drsim::sim;
using drsim::test::dec;
using drsim::test::T;

namespace {

template <class T>
const T& pick(std::mt19937& g, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(g)];
}
bool chance(std::mt19937& g, double p) { return std::bernoulli_distribution(p)(g); }
int between(std::mt19937& g, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(g); }

// A portfolio of 14 LMRs over two zones, two MPs and three LBAs (EXTRA has no LSE unless
// `extra_lse`), each registration, availability entry, planned outage and rule drawn at random.
Scenario varied_market(unsigned seed, bool extra_lse) {
  std::mt19937 g(seed);
  Scenario s;
  s.name = "varied";
  s.planning_year = 2025;
  s.zones.push_back(test::lrz5_py2025());
  Zone z1;
  z1.id = "LRZ1";
  z1.acp = {UsdPerMwDay(dec("30.00")), UsdPerMwDay(dec("12.34")), UsdPerMwDay(dec("5.01")), UsdPerMwDay(dec("20.20"))};
  s.zones.push_back(z1);
  s.participants = {{"MP-UTIL", true}, {"MP-B", true}};
  s.lbas = {"AMMO", "NIPS", "EXTRA"};
  s.lses = {{"LSE-A", "AMMO", dec("0.9")}, {"LSE-B", "NIPS", dec("0.5")}, {"LSE-C", "AMMO", dec("0.1")}};
  if (extra_lse) s.lses.push_back({"LSE-X", "EXTRA", dec("1")});
  const std::vector<const char*> durations = {"2", "2.5", "1.333333", "4", "6", "8"};
  const std::vector<std::uint16_t> all_months = {(1U << 6) | (1U << 7) | (1U << 8), (1U << 9) | (1U << 10) | (1U << 11),
                                                 (1U << 12) | (1U << 1) | (1U << 2), (1U << 3) | (1U << 4) | (1U << 5)};
  for (int i = 0; i < 14; ++i) {
    Resource r;
    r.id = "R-" + std::to_string(i + 1);
    r.type = chance(g, 0.75) ? ResourceType::dr : ResourceType::btmg;
    r.protocol = r.type == ResourceType::btmg && chance(g, 0.7) ? Protocol::metered_generation
                 : chance(g, 0.5)                               ? Protocol::baseline
                                                                : Protocol::firm_service_level;
    if (r.protocol == Protocol::firm_service_level) r.fsl_mw = Mw(Decimal::from_int(between(g, 0, 3)));
    r.tested = chance(g, 0.7);
    r.mp = chance(g, 0.7) ? "MP-UTIL" : "MP-B";
    r.lba = pick(g, std::vector<std::string>{"AMMO", "AMMO", "NIPS", "EXTRA"});
    r.zone = chance(g, 0.7) ? "LRZ5" : "LRZ1";
    r.cpnode = r.lba + "." + r.id;
    if (chance(g, 0.15)) r.acp_disqualified_through = Date::from_ymd(2025, 8, 1);
    for (std::size_t k = 0; k < 4; ++k) {
      if (chance(g, 0.1)) continue;  // not registered in the season
      SeasonRegistration reg;
      reg.cleared_mw = Mw(Decimal::from_micros(between(g, 0, 12'000) * 1000));
      if (chance(g, 0.2)) reg.frap_mw = Mw(Decimal::from_int(between(g, 1, 3)));
      reg.notification_h = Decimal::from_int(between(g, 0, 12));
      reg.max_interruptions = between(g, 0, 5);
      reg.max_duration_h = dec(pick(g, durations));
      const unsigned first_month[4] = {6, 9, 12, 3};  // a season without its first month
      reg.months = chance(g, 0.85) ? all_months[k] : static_cast<std::uint16_t>(all_months[k] & ~(1U << first_month[k]));
      reg.excluded = chance(g, 0.05);
      r.seasons[k] = reg;
    }
    if (chance(g, 0.3)) {  // a DSRI entry over part of summer, its ends between hours
      const int day = between(g, 1, 20);
      s.availability.push_back({r.id, MarketTime::at(Date::from_ymd(2025, 7, day), 15) + Duration::minutes(30),
                                MarketTime::at(Date::from_ymd(2025, 7, day) + between(g, 1, 40), 16),
                                Mw(Decimal::from_int(between(g, 0, 6))), std::nullopt});
    }
    if (chance(g, 0.3)) {  // a planned outage of a few days
      const int day = between(g, 1, 25);
      s.outages.push_back({r.id, MarketTime::at(Date::from_ymd(2025, 6 + between(g, 0, 2), day), between(g, 0, 23)),
                           MarketTime::at(Date::from_ymd(2025, 8, day), 12),
                           chance(g, 0.5) ? OutageReason::maintenance : OutageReason::force_majeure});
    }
    s.resources.push_back(r);
  }
  Rules& rules = s.rules;
  rules.untested_multiplier = dec(pick(g, std::vector<const char*>{"3", "1.5", "1"}));
  rules.multiplier_applies_to_rsg = chance(g, 0.5);
  rules.penalty_lmp_floor_usd_per_mwh = UsdPerMwh(dec(pick(g, std::vector<const char*>{"0", "100", "350.5"})));
  rules.shortfall_tolerance_mw = Mw(dec(pick(g, std::vector<const char*>{"0", "0.5", "1.25"})));
  rules.failure_separation_h = dec(pick(g, std::vector<const char*>{"24", "23.9999", "72"}));
  rules.failure_separation_basis = chance(g, 0.5) ? SeparationBasis::start_to_start : SeparationBasis::end_to_start;
  rules.disqualification_effective =
      chance(g, 0.5) ? DisqualificationEffective::next_day : DisqualificationEffective::same_day;
  rules.outage_excused_hours = chance(g, 0.5) ? OutageExcusedHours::charged_not_counted : OutageExcusedHours::exempt;
  rules.fsl_shortfall_cap = chance(g, 0.5) ? FslShortfallCap::target : FslShortfallCap::none;
  rules.penalize_btmg = chance(g, 0.7);
  EoConfig a;
  a.mp = "MP-UTIL";
  a.zone = "LRZ5";
  a.share = dec("0.1");
  if (chance(g, 0.3)) a.nonperformance = NonPerformance::none;
  s.eo.push_back(a);
  EoConfig b;
  b.mp = "MP-B";
  b.zone = "LRZ1";
  if (chance(g, 0.5)) b.cap_usd = *Money::parse("1500.00");
  if (chance(g, 0.3)) b.cleared_mw = BySeason<Mw>{Mw(dec("7")), Mw(dec("3")), std::nullopt, Mw(dec("1"))};
  s.eo.push_back(b);
  return s;
}

// Several emergencies a season, short notice, every hour of the day, coverage over one, two
// or all LBAs, wide delivered fractions, missing reports and outages.
ExposureModel busy_model(unsigned seed) {
  ExposureModel m = default_exposure_model();
  for (auto& season : m.seasons) {
    season.emergencies = IntDistribution::range(1, 4 + static_cast<int>(seed % 3));
    season.hours = IntDistribution::range(1, 8);
    season.start_hour = IntDistribution::range(0, 23);
  }
  m.coverage = {{{"AMMO"}, 3}, {{"NIPS"}, 2}, {{"EXTRA"}, 1}, {{"AMMO", "NIPS", "EXTRA"}, 1}};
  m.notice_h = IntDistribution::range(0, 12);
  m.delivered_fraction = {dec("0.3"), dec("1.2"), 3};
  m.delivered_by_protocol = {};
  m.delivered_by_resource["R-3"] = {dec("0.95"), dec("1.0"), 2};
  m.missing_reporting_probability = dec("0.1");
  m.forced_outage_probability = dec("0.1");
  m.baseline_factor = dec("1.5");
  return m;
}

void check_same(const TrialResult& k, const TrialResult& f) {
  CHECK(k.trial == f.trial);
  CHECK(k.penalty == f.penalty);
  CHECK(k.energy_charge == f.energy_charge);
  CHECK(k.rsg_charge == f.rsg_charge);
  CHECK(k.capacity == f.capacity);
  CHECK(k.eo_before == f.eo_before);
  CHECK(k.eo == f.eo);
  CHECK(k.eo_loss == f.eo_loss);
  CHECK(k.emergencies == f.emergencies);
  CHECK(k.instructions == f.instructions);
  CHECK(k.disqualified == f.disqualified);
}

}  // namespace

TEST_CASE("the trial kernel gives the full path's figures on many random trials of varied portfolios", "[exposure]") {
  int charged = 0, disqualified = 0;
  for (unsigned market = 1; market <= 8; ++market) {
    const Scenario file = varied_market(market, /*extra_lse=*/true);
    const ExposureModel model = busy_model(market);
    const ExposureRunner runner(file, model);
    const Market& base = runner.base();
    const ExposureFrame frame(base, model);
    const TrialKernel kernel(base, model, frame, runner.eo_without_events());
    KernelScratch scratch;  // reused from trial to trial, as each runner thread reuses its own
    for (std::uint64_t trial = 0; trial < 25; ++trial) {
      INFO("market " << market << " trial " << trial);
      DrawnYear y;
      draw_year(base, model, frame, 17, trial, y);
      const auto fast = kernel.settle(trial, y, scratch);
      REQUIRE(fast);  // every LBA has an LSE: the kernel settles every trial
      const TrialResult full = runner.run_full_trial(17, trial);
      check_same(*fast, full);
      charged += full.penalty > Money{};
      disqualified += !full.disqualified.empty();
    }
  }
  // The comparison covered charged trials and disqualifications, not only quiet years.
  CHECK(charged > 100);
  CHECK(disqualified > 20);
}

TEST_CASE("a trial the kernel cannot allocate is settled by the full path, which reports it", "[exposure]") {
  // EXTRA has no LSE: a trial charged in an emergency covering it fails as `drsim run` fails it.
  const Scenario file = varied_market(3, /*extra_lse=*/false);
  const ExposureModel model = busy_model(3);
  const ExposureRunner runner(file, model);
  const ExposureFrame frame(runner.base(), model);
  const TrialKernel kernel(runner.base(), model, frame, runner.eo_without_events());
  int declined = 0, settled = 0;
  KernelScratch scratch;
  for (std::uint64_t trial = 0; trial < 40; ++trial) {
    DrawnYear y;
    draw_year(runner.base(), model, frame, 5, trial, y);
    if (kernel.settle(trial, y, scratch)) {
      ++settled;
      check_same(runner.run_trial(5, trial), runner.run_full_trial(5, trial));
    } else {
      ++declined;
      CHECK_THROWS_WITH(runner.run_trial(5, trial), Catch::Contains("no LSE in the emergency's LBAs"));
    }
  }
  CHECK(declined > 0);
  CHECK(settled > 0);
}

TEST_CASE("build_trial's scenario holds the drawn year", "[exposure]") {
  const Scenario file = varied_market(2, true);
  const ExposureModel model = busy_model(2);
  const Market base = exposure_base(file);
  const ExposureFrame frame(base, model);
  DrawnYear y;
  draw_year(base, model, frame, 9, 4, y);
  const TrialScenario t = build_trial(base, model, frame, 9, 4);
  REQUIRE(t.emergencies == static_cast<int>(y.emergencies.size()));
  REQUIRE(t.market.instructions.size() == y.responses.size());
  CHECK(t.meter_rows.size() == y.hours());
  std::size_t reports = 0;
  for (const auto& d : y.responses) reports += !d.missing_report;
  CHECK(t.market.advanced_reporting.size() == reports);
  const DrawnEmergency& e = y.emergencies.front();
  const Instruction& first = t.market.instructions[e.first];
  CHECK(first.start == e.start);
  CHECK(first.issued == e.issued);
  CHECK(first.resource == base.resources[y.responses[e.first].resource].id);
  CHECK(t.market.lmp.get(base.resources[y.responses[e.first].resource].cpnode, e.start) == e.lmp.front());
}
