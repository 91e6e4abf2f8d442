// Writes a market model back out as a scenario file (YAML + series CSVs): `drsim exposure --dump-trial`.
#pragma once

#include <string>

#include <vector>

#include "settlement/market.hpp"
#include "sim/meter_row.hpp"

namespace drsim::reports {

// Writes `dir`/scenario.yaml and `dir`/data/{lmp,rsg,meter,baseline,lse_load}.csv so that
// `drsim run dir/scenario.yaml` loads exactly this model (expect: and exposure: are left out).
// Requires inline meter rows (a trial's); `dir` must exist.
void write_scenario_files(const std::string& dir, const Market& s, const std::vector<std::string>& rules_overridden,
                          const std::vector<MeterRow>& meter_rows);

}  // namespace drsim::reports
