// The LMR event lifecycle of a scenario (rules.md 3, 4.1-4.3) driven through the engine.
#pragma once

#include <functional>

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

// Runs the scenario: declares and ends emergencies, issues the Scheduling
// Instructions, takes advanced reporting, applies availability, outages and the
// registration checks as the clock passes, integrates the meters, and returns
// the complete record for settlement. Throws InputError for input that only the
// run can find wrong (fewer than 10 eligible baseline days).
RunRecord simulate(const Market& s, const MeterFeed& meters);

}  // namespace drsim::sim
