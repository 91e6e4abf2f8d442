// Writes a market model back out as a scenario file (YAML + series CSVs): `drsim exposure --dump-trial`.
#pragma once

#include <string>

#include <vector>

#include "settlement/market.hpp"
#include "sim/meter_row.hpp"

namespace drsim::reports {

// The names a written scenario takes in its folder, and the comment it opens with.
struct ScenarioFiles {
  std::string yaml = "scenario.yaml";
  std::string data = "data";  // the series CSVs' folder, beside the YAML
  std::string comment = "Written by drsim (exposure --dump-trial): one Monte Carlo trial as an ordinary scenario.";
};

// Writes `dir`/scenario.yaml and `dir`/data/{lmp,rsg,meter,baseline,lse_load}.csv (or the names of
// `files`) so that `drsim run dir/scenario.yaml` loads exactly this model (expect: and exposure: are
// left out). Takes the meter rows apart from the model (a trial's, a drill's); `dir` must exist.
void write_scenario_files(const std::string& dir, const Market& s, const std::vector<std::string>& rules_overridden,
                          const std::vector<MeterRow>& meter_rows, const ScenarioFiles& files = {});

}  // namespace drsim::reports
