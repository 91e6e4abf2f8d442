// The tables of one run read back from results.sqlite, for the report and for `drsim diff`: each
// cell as the exact text the CSV files print, and each figure typed. The one reader that knows
// how results.sqlite stores its columns (reports/results_schema.hpp, reports/README.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/results_schema.hpp"
#include "settlement/decimal.hpp"
#include "settlement/money.hpp"

namespace drsim::reports {

// One table of results.sqlite: column names (without run_id), rows of text (NULL reads as ""),
// and the figure of every numeric cell.
struct DbTable {
  std::vector<std::string> columns;
  std::vector<ColumnType> types;  // parallel to columns
  std::vector<std::vector<std::string>> rows;
  // Per column, per row: the figure of the cell (cents for money, millionths for decimals and
  // rates, the value for integers and flags); an empty vector for a text column.
  std::vector<std::vector<std::optional<int128>>> figures;

  // Index of `column`; throws std::out_of_range when the table has no such column.
  std::size_t col(const std::string& column) const;
  // The cell of row `row` in `column`, as text: money with two decimals ("6302.75"), decimals in
  // their shortest exact form ("0.35", "10.1"), rates with at least two decimals ("666.50"),
  // integers and flags ("1"), rule values as written ("true", "3", "start_to_start").
  const std::string& at(std::size_t row, const std::string& column) const { return rows[row][col(column)]; }
  bool has(const std::string& column) const;

  // The amount of a money cell (a *_usd column, or a summary total); nothing when NULL or an id.
  // Throws std::logic_error for a column that holds no money.
  std::optional<Money> money(std::size_t row, const std::string& column) const;
  // The value of an integer or flag cell (nothing when NULL); throws std::logic_error otherwise.
  std::optional<std::int64_t> integer(std::size_t row, const std::string& column) const;
  // Whether a flag cell is 1.
  bool flag(std::size_t row, const std::string& column) const { return integer(row, column).value_or(0) != 0; }
  // Any figure (money, decimal, rate, integer, flag, a numeric rule value) in millionths, exactly;
  // nothing for text, NULL, booleans of the rules table and ids.
  std::optional<WideDecimal> number(std::size_t row, const std::string& column) const;
};

// Every table of a results database, in insertion order (rowid). A table the
// database lacks (written by an older drsim) reads as empty.
struct RunTables {
  std::string path;
  std::map<std::string, DbTable> tables;

  const DbTable& table(const std::string& name) const;
  // The first row's value of `column` in the `runs` table ("" when none).
  std::string run(const std::string& column) const;
  // The value of `key` in the `summary` table ("" when none).
  std::string summary(const std::string& key) const;
};

// Reads the results database at `path`; throws std::runtime_error when it is not one. Reads
// databases of earlier drsim versions too, whose figures were all TEXT.
RunTables read_run_tables(const std::string& path);

// The rows of resource_totals whose resource has a line (an instruction-hour or a capacity line):
// the resources the report and `drsim diff` list. None for a database without the table (an
// earlier drsim's).
std::vector<std::size_t> resources_with_lines(const RunTables& run);

// The table names read_run_tables reads, in the order the report and diff use.
const std::vector<std::string>& run_table_names();

}  // namespace drsim::reports
