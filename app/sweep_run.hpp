// Settles a sweep's readings in parallel on an Asio thread pool and gathers their figures by index.
#pragma once

#include <string>
#include <vector>

#include "app/pipeline.hpp"
#include "app/sweep_plan.hpp"
#include "reports/sweep_figures.hpp"

namespace drsim::app {

// The figures of `readings` ([0] the default, whose statement is `base`'s own) of the scenario
// `base` ran, each other reading settled by settle_under on one of `threads` threads. The figures
// are stored by reading index, so they never depend on the thread count or on timing. A reading
// that cannot be settled (InputError) keeps its problems and no figures; any other failure is
// rethrown (that of the lowest reading). With `progress`, a bar of readings on stderr when it is
// a terminal. `grid` names the --grid keys (empty: one key at a time).
reports::SweepFigures run_sweep(const RunResult& base, const std::vector<Reading>& readings,
                                const std::vector<std::string>& grid, unsigned threads, bool progress);

}  // namespace drsim::app
