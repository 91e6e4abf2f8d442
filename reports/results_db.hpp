// results.sqlite: every table of a run's statement, the event log and a `runs` row, in one transaction.
#pragma once

#include <string>

#include "reports/run_info.hpp"
#include "reports/run_tables.hpp"
#include "settlement/run_record.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// Creates the database at `path` (schema: reports/README.md) and writes the run.
void write_results_db(const std::string& path, const RunInfo& info, const Scenario& s, const RunRecord& record,
                      const Statement& st);

// The tables read_run_tables(path) reads back from the database write_results_db(path, ...)
// writes, cell for cell, built in memory by the same writers (so report.html can be built
// while the database is written, and is the same bytes as `drsim report` of the database).
RunTables run_tables(const std::string& path, const RunInfo& info, const Scenario& s, const RunRecord& record,
                     const Statement& st);

}  // namespace drsim::reports
