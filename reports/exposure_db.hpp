// exposure.sqlite: the exposure outputs as typed SQLite tables (integers, cents and dollars).
#pragma once

#include <string>
#include <vector>

#include "reports/exposure_outputs.hpp"

namespace drsim::reports {

// Writes the database at `path` (which must not exist) in one transaction: tables run, trials,
// trial_disqualified, resources, statistics, histogram and big_amounts (reports/README.md).
// No timestamps: the bytes depend only on the arguments (and the SQLite library).
void write_exposure_db(const std::string& path, const ExposureRunInfo& info,
                       const std::vector<sim::TrialResult>& results, const ExposureFigures& figures);

}  // namespace drsim::reports
