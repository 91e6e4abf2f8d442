// Writes the whole output folder of a run: CSV statements, summary.json, results.sqlite, report.
#pragma once

#include <string>

#include "reports/run_info.hpp"
#include "settlement/run_record.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// Writes every output into `dir` (an existing, empty staging folder).
void write_run_outputs(const std::string& dir, RunInfo info, const Scenario& s, const RunRecord& record,
                       const Statement& st);

}  // namespace drsim::reports
