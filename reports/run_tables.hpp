// The tables of one run read back from results.sqlite as text, for the report and for `drsim diff`.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace drsim::reports {

// One table of results.sqlite: column names (without run_id) and rows of text (NULL reads as "").
struct DbTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  // Index of `column`; throws std::out_of_range when the table has no such column.
  std::size_t col(const std::string& column) const;
  // The cell of row `row` in `column`.
  const std::string& at(std::size_t row, const std::string& column) const { return rows[row][col(column)]; }
  bool has(const std::string& column) const;
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

// Reads the results database at `path`; throws std::runtime_error when it is not one.
RunTables read_run_tables(const std::string& path);

// The table names read_run_tables reads, in the order the report and diff use.
const std::vector<std::string>& run_table_names();

}  // namespace drsim::reports
