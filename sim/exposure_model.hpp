// The Monte Carlo exposure model (rules.md 6): the distributions of one uncertain planning year, as values.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "settlement/calendar.hpp"
#include "settlement/decimal.hpp"
#include "settlement/market.hpp"

namespace drsim::sim {

// An integer drawn uniformly from [min, max], uniformly from a list of values, or
// from a Poisson distribution with a mean.
struct IntDistribution {
  enum class Kind { range, values, poisson };
  Kind kind = Kind::range;
  int min = 0;              // range, inclusive
  int max = 0;              // range, inclusive
  std::vector<int> values;  // values: each entry equally likely (repeat one to weight it)
  Decimal mean;             // poisson
  static IntDistribution range(int lo, int hi) { return {Kind::range, lo, hi, {}, {}}; }
  static IntDistribution list(std::vector<int> v) { return {Kind::values, 0, 0, std::move(v), {}}; }
  static IntDistribution poisson(Decimal m) { return {Kind::poisson, 0, 0, {}, m}; }
};

// A decimal drawn uniformly from the grid of step 10^-places in [min, max].
struct DecimalRange {
  Decimal min;
  Decimal max;
  int places = 3;
};

// Hourly LMP during an emergency, $/MWh: an event level drawn from a lognormal mixture
// (a spike component with its own median), times a lognormal hour-to-hour factor,
// capped, and rounded to the cent before it enters the scenario.
struct LmpDistribution {
  Decimal median_usd_per_mwh = Decimal::from_int(300);
  Decimal sigma = *Decimal::parse("0.7");           // of ln(level)
  Decimal spike_probability = *Decimal::parse("0.25");
  Decimal spike_median_usd_per_mwh = Decimal::from_int(1500);
  Decimal spike_sigma = *Decimal::parse("0.35");
  Decimal hour_sigma = *Decimal::parse("0.3");      // of ln(hour / level)
  Decimal cap_usd_per_mwh = Decimal::from_int(5000);
  Decimal floor_usd_per_mwh = Decimal::from_int(0);
};

// Per season: emergencies in the season, hours per emergency, hour of day it starts.
struct SeasonExposure {
  IntDistribution emergencies;
  IntDistribution hours;
  IntDistribution start_hour;  // 0..23, market time
};

// A set of LBAs an emergency may cover, with its relative weight.
struct Coverage {
  std::vector<std::string> lbas;
  int weight = 1;
};

struct ExposureModel {
  std::array<SeasonExposure, 4> seasons;  // indexed by Season
  std::vector<Coverage> coverage;         // empty: every LBA of the scenario
  IntDistribution notice_h;               // hours from issue to start
  LmpDistribution lmp;
  DecimalRange rsg_usd_per_mwh;           // flat over an emergency, $/MWh
  DecimalRange delivered_fraction;        // of the instructed MW, per resource and emergency
  std::array<std::optional<DecimalRange>, 3> delivered_by_protocol;  // indexed by Protocol (settlement/market.hpp)
  std::map<std::string, DecimalRange> delivered_by_resource;
  Decimal missing_reporting_probability;  // per instruction
  Decimal forced_outage_probability;      // per resource and emergency
  Decimal baseline_factor;                // baseline load = factor x instructed MW (baseline protocol)
  std::string level = "max_gen_event_step_2a";

  // The delivered-fraction range of a resource: by resource, else by protocol, else the default.
  const DecimalRange& delivered_for(const Resource& r) const;
};

// The defaults of docs/exposure.md (sources and assumptions are written there).
ExposureModel default_exposure_model();

}  // namespace drsim::sim
