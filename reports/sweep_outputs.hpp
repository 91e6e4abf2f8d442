// The output files of `drsim sweep` (docs/sweep.md): sweep.csv, sweep.json and sweep.html, from the figures alone.
#pragma once

#include <string>

#include "reports/sweep_figures.hpp"

namespace drsim::reports {

// sweep.csv: per reading a `total` row, then one `resource` row per resource (none for a reading
// that was not settled), each with the value of every open key, every figure and its change from
// the default reading.
void write_sweep_csv(const std::string& path, const SweepFigures& f);

// sweep.json: the keys and their readings, then each reading with its rules, figures and changes,
// in total and per resource.
std::string sweep_json(const SweepFigures& f);

// Writes sweep.csv, sweep.json and sweep.html into the output folder `out_dir`, whole or not at all
// (refusing a non-empty one unless `force`). The bytes depend only on `f`.
void write_sweep_outputs(const SweepFigures& f, const std::string& out_dir, bool force);

}  // namespace drsim::reports
