// The pipeline shared by run, check and the other commands: load, simulate, settle, write.
#pragma once

#include <string>

#include "reports/run_info.hpp"
#include "settlement/run_record.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"
#include "sim/lifecycle.hpp"

namespace drsim::app {

struct RunResult {
  Scenario scenario;
  RunRecord record;
  Statement statement;
  reports::RunInfo info;
};

// Loads and validates the scenario, runs it and settles it. Throws InputError for bad input.
// With `progress`, draws a progress bar of the meter stream on stderr when it is a terminal.
// `options` reach sim::simulate (drsim explain asks for the steps of some baselines).
RunResult run_scenario(const std::string& path, bool progress = false, const sim::SimulateOptions& options = {});

// The statement of the loaded scenario `s` under `rules` in place of its own: the same simulate and
// settle as run_scenario on a copy of its market model (its hour warnings are left out), the meter
// CSV scanned on `meter_threads` threads (0: as a run scans it). Throws InputError, placed in the
// file, for what only these rules meet (a charged hour without a price, a baseline that needs days).
Statement settle_under(const Scenario& s, const Rules& rules, std::size_t meter_threads = 0);

// Writes the output folder whole or not at all (refusing a non-empty one unless `force`).
void write_outputs(const RunResult& r, const std::string& out_dir, bool force);

// The headline figures of a run, as `drsim run` prints them.
std::string headline(const RunResult& r);

// The current wall-clock time, UTC ISO 8601 (for the runs table only).
std::string utc_now();

}  // namespace drsim::app
