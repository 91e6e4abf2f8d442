// report.html: the analyst's self-contained report of a run, built from its results database.
#pragma once

#include <string>

#include "reports/run_tables.hpp"

namespace drsim::reports {

// The whole report as one HTML document (styles and SVG charts inline, no scripts,
// no network). Same tables in, same bytes out.
std::string html_report(const RunTables& run);

// Reads `db_path` (results.sqlite) and writes the report to `out_path`.
void write_html_report(const std::string& db_path, const std::string& out_path);
// Writes the report of `run` to `out_path`.
void write_html_report(const RunTables& run, const std::string& out_path);

}  // namespace drsim::reports
