// The cell of a results table as the report and `drsim diff` see it: the exact text the CSV
// files print and the figure. One set of conversions, used by the reader of results.sqlite
// (run_tables.cpp) and by the run's own tables in memory (results_db.cpp), so both give the
// same cells and report.html the same bytes.
#pragma once

#include <optional>
#include <string>

#include "reports/results_schema.hpp"
#include "settlement/decimal.hpp"
#include "settlement/money.hpp"

namespace drsim::reports {

struct Cell {
  std::string text;
  std::optional<int128> figure;  // cents, millionths or the integer (DbTable::figures)
};

// A six-place figure of a decimal or rate column ("0.35"; a rate with at least two places, "666.50").
Cell decimal_cell(int128 micros, ColumnType type);
// An amount: two decimals and its cents.
Cell money_cell(Money m);
// A cell held as text (a text column, an id in the summary, a figure kept in exact_figures or
// written as TEXT by an older drsim): the text as it is, its figure when it reads as one.
Cell text_cell(std::string text, ColumnType type);
// The cell of a six-place figure written to a REAL column of `type` (decimal, rate, or a
// numeric rule value): what reading it back gives, whether the REAL holds it exactly or
// exact_figures keeps its text.
Cell stored_decimal_cell(int128 micros, ColumnType type);

}  // namespace drsim::reports
