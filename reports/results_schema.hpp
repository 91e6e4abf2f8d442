// The tables of results.sqlite and the storage type of each column: the one description the
// writer (results_db) and the reader (run_tables) share. The tables that are also CSV files take
// their columns from reports/statement_tables.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/decimal.hpp"

namespace drsim::reports {

// What a column holds, and so how it is stored and read back (reports/README.md).
enum class ColumnType {
  text,     // TEXT: ids, names, ISO times, flags lists
  integer,  // INTEGER: counts, years, hour ending, line numbers
  flag,     // INTEGER 0/1
  decimal,  // REAL: MW, MWh, $/MWh, multipliers, fractions; read back as the shortest exact text
  rate,     // REAL: $/MW-day; read back with at least two decimals ("666.50")
  usd,      // REAL dollars (for queries); the exact amount is the *_cents column beside it
  cents,    // INTEGER cents: the exact amount of the *_usd column of the same stem
  rule,     // no declared type: a rule value as REAL (number), INTEGER 0/1 (boolean) or TEXT (name)
  total,    // no declared type: a summary total as REAL dollars (exact: value_cents), or TEXT (an id)
};

struct Column {
  std::string name;
  ColumnType type;
  bool diff = false;  // a field `drsim diff` compares (statement_tables.hpp)
};

struct TableSchema {
  std::string name;
  std::vector<Column> columns;  // run_id first, in the tables' column order
  // The columns that name a row in `drsim diff`, joined by diff_key_separator (empty: not compared row by row).
  std::vector<std::string> diff_key = {};
  std::string diff_key_separator = {};
  const Column* find(std::string_view column) const;
  // The diff fields: the columns marked `diff`, in column order.
  std::vector<std::string> diff_fields() const;
};

// Every table of results.sqlite, in the order they are created.
const std::vector<TableSchema>& results_schema();
// The table `name` (nullptr when results.sqlite has no such table).
const TableSchema* results_table(std::string_view name);
// The CREATE TABLE statements of every table.
std::string results_schema_sql();

// The cents column that holds the exact amount of the usd column `usd_column`
// ("energy_charge_usd" -> "energy_charge_cents", "value" -> "value_cents").
std::string cents_column(std::string_view usd_column);

// Where a figure the typed cell cannot hold exactly is kept as text: a decimal beyond
// 15 significant digits, or an amount whose cents pass 64 bits (the cents cell is NULL).
inline constexpr const char* kExactFiguresTable = "exact_figures";

// The REAL a decimal text ("0.35", "6302.75") is stored as: the nearest double to its exact value.
double stored_real(std::string_view decimal_text);
// The six-place value a stored REAL reads back as: the shortest decimal text that gives the
// same double, in millionths (exact for every decimal of at most 15 significant digits,
// i.e. every figure below 1e9 in magnitude with six places). Nothing for NaN or infinity.
std::optional<int128> real_micros(double value);

}  // namespace drsim::reports
