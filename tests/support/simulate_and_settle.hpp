// A scenario's inline meter rows through the engine, then settled: what `drsim run` does, in memory.
#pragma once

#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"

namespace drsim::test {

inline Statement simulate_and_settle(const Scenario& s) {
  return settle(s, sim::simulate(s, sim::inline_meter_feed(s.meter.rows)));
}

}  // namespace drsim::test
