// eo.xlsx: the earnings-opportunity workpaper in the layout of Ameren's Attachment C, with live formulas.
#pragma once

#include <string>

#include "reports/run_info.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// Writes the workbook for every `eo:` entry of the scenario: per entry the sheets
// "Attachment C" (PRA prices D18:G18, cleared MW I23:L23, EO in S23), "Non-performance"
// (the adjustment by season) and "Daily MW" (ClearedMW(s, d) day by day, rules.md 5);
// entries after the first get " 2", " 3", ... appended to the sheet names. Inputs are
// values, everything else a formula whose cached result is drsim's figure; the formulas
// reproduce eo.csv to the cent. Formatted and set up to print as Attachment C: one landscape
// US Letter page for Attachment C and for Non-performance (reports/README.md). Throws std::runtime_error when the file cannot be
// written and std::logic_error when the day-by-day MW would not reproduce the statement.
void write_eo_workbook(const std::string& path, const RunInfo& info, const Scenario& s, const Statement& st);

}  // namespace drsim::reports
