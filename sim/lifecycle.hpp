// The LMR event lifecycle of a scenario (rules.md 3, 4.1-4.3) driven through the engine.
#pragma once

#include <functional>

#include "settlement/explanation.hpp"
#include "settlement/run_record.hpp"
#include "settlement/market.hpp"
#include "sim/meter_integrator.hpp"
#include "sim/meter_row.hpp"

namespace drsim::sim {

// Feeds every meter interval of the scenario into the run's integrator, once
// (after the run has declared its windows and days).
using MeterFeed = std::function<void(MeterIntegrator&)>;

// A feed over the scenario's inline meter rows.
MeterFeed inline_meter_feed(const std::vector<MeterRow>& rows);

// What a run keeps besides the record settlement prices.
struct SimulateOptions {
  // The engine's event trace: RunRecord::events (the event log) and RunRecord::fingerprint.
  // Off, both stay empty and the run skips formatting them; every other field of the record
  // is the same. `drsim run` keeps it; an exposure trial, whose figures never read it, does not.
  bool trace = true;
  // drsim explain: where to add the steps of the baseline of an instruction's hour (null: none).
  std::function<Explanation*(const Instruction&, MarketTime hour)> explain_baseline;
};

// Runs the scenario: declares and ends emergencies, issues the Scheduling
// Instructions, takes advanced reporting, applies availability, outages and the
// registration checks as the clock passes, integrates the meters, and returns
// the complete record for settlement. Throws InputError for input that only the
// run can find wrong (fewer than 10 eligible baseline days).
RunRecord simulate(const Market& s, const MeterFeed& meters, SimulateOptions options = {});

}  // namespace drsim::sim
