// The CSV statements of a run (format.md): hourly, failures, capacity, allocation, eo, deployments.
#pragma once

#include <string>

#include "settlement/run_record.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// Writes hourly.csv, failures.csv, capacity.csv, allocation.csv, eo.csv and deployments.csv into `dir`.
void write_statement_csv(const std::string& dir, const Scenario& s, const RunRecord& record, const Statement& st);

// Text forms shared by every writer: shortest exact decimals, two-place money, empty for none.
std::string text(const std::optional<Mw>& v);
std::string text(const std::optional<UsdPerMwh>& v);
inline std::string text(Decimal v) { return v.str(); }
inline std::string text(const WideDecimal& v) { return v.str(); }
inline std::string text(bool v) { return v ? "true" : "false"; }

}  // namespace drsim::reports
