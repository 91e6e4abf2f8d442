// Writes a scenario model back out as a scenario file (YAML + series CSVs): `drsim exposure --dump-trial`.
#pragma once

#include <string>

#include "settlement/scenario.hpp"

namespace drsim::reports {

// Writes `dir`/scenario.yaml and `dir`/data/{lmp,rsg,meter,baseline,lse_load}.csv so that
// `drsim run dir/scenario.yaml` loads exactly this model (expect: and exposure: are left out).
// Requires inline meter rows (a trial's); `dir` must exist.
void write_scenario_files(const std::string& dir, const Scenario& s);

}  // namespace drsim::reports
