// `drsim diff`: the differences between two runs' results databases, figure by figure.
#pragma once

#include <string>
#include <vector>

#include "reports/run_tables.hpp"

namespace drsim::reports {

// One figure that differs. `a`/`b` are empty where the row exists in one run only.
struct DiffRow {
  std::string section;  // rule, total, resource, lse, capacity, eo, failure, hourly
  std::string key;      // e.g. DR-1, LSE-A, DR-1/summer, SI-1@2025-07-15T16:00
  std::string field;    // column name, or "line" for a row present in one run only
  std::string a;
  std::string b;
  std::string change;   // b - a, exact, for figures; empty otherwise
};

struct RunDiff {
  std::string a_path;
  std::string b_path;
  std::vector<DiffRow> rows;  // sections in the order above, keys in run A's order then B's new ones
  bool identical() const { return rows.empty(); }
  std::size_t count(const std::string& section) const;
};

RunDiff diff_runs(const RunTables& a, const RunTables& b);

// `arg` is an output folder (holding results.sqlite) or a results.sqlite file.
std::string results_db_path(const std::string& arg);

// The rows as an aligned text table with a one-line summary per section, for the terminal.
std::string diff_text(const RunDiff& diff);

// Writes diff.csv: section,key,field,a,b,change.
void write_diff_csv(const RunDiff& diff, const std::string& path);

}  // namespace drsim::reports
