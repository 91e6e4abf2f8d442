// results.sqlite: every table of a run's statement, the event log and a `runs` row, in one transaction.
#pragma once

#include <string>

#include "reports/run_info.hpp"
#include "settlement/run_record.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// Creates the database at `path` (schema: reports/README.md) and writes the run.
void write_results_db(const std::string& path, const RunInfo& info, const Scenario& s, const RunRecord& record,
                      const Statement& st);

}  // namespace drsim::reports
