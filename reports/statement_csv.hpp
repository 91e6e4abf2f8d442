// The CSV statements of a run (format.md): hourly, failures, capacity, allocation, eo, deployments,
// and the totals per resource and per LSE.
#pragma once

#include <string>

#include "settlement/run_record.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// Writes hourly.csv, failures.csv, capacity.csv, allocation.csv, eo.csv, deployments.csv,
// resource_totals.csv and lse_totals.csv into `dir`, each from its column description
// (statement_tables.hpp).
void write_statement_csv(const std::string& dir, const Scenario& s, const RunRecord& record, const Statement& st);

}  // namespace drsim::reports
