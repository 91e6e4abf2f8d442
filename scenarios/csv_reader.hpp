// A small streaming CSV reader for the scenario's series files (one line in memory at a time).
#pragma once

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/problem.hpp"

namespace drsim::scenarios {

// Reads a CSV file row by row into reused buffers. The first row is the header:
// columns are matched by name (docs/format.md, series files v1.2), so the
// expected columns may come in any order and extra columns anywhere are
// ignored; a missing expected column or a name given twice is a header problem
// (and no row is read). Every data row must have exactly as many fields as the
// header: more or fewer is reported (an unquoted `1,980` must never be read as
// two values) and the row skipped. Handles a UTF-8 byte-order mark, CRLF line ends,
// quoted fields (commas and doubled quotes inside; a quoted field may not span
// lines), blank lines (skipped) and spaces around unquoted fields (trimmed).
// Every problem is appended to `problems` as `file:line: column: what is wrong`.
class CsvReader {
 public:
  CsvReader(std::string path, std::vector<std::string> columns, std::vector<Problem>& problems);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // True when the file opened and its header holds the expected columns.
  bool ok() const { return ok_; }
  // Reads the next data row; false at the end of the file (or when !ok()).
  // A row whose field count differs from the header's, or with a broken quote,
  // is reported and skipped.
  bool next();
  // Takes `text` (one line of the same file, without its newline) as the current
  // row at line `line_no`, exactly as next() would read it: false for a blank line
  // and for a row reported (field count, broken quote). For readers that get the
  // bytes themselves (scenarios/meter_scan.cpp).
  bool take(std::string_view text, int line_no);
  // Fields in the header row, and the header position of expected column i.
  std::size_t header_fields() const { return header_fields_; }
  std::size_t position(std::size_t i) const { return position_[i]; }
  // Field of expected column i of the current row (i < number of expected
  // columns), wherever that column stands in the header.
  std::string_view field(std::size_t i) const { return fields_[position_[i]]; }
  // 1-based line of the current row.
  int line() const { return line_no_; }
  const std::string& file() const { return path_; }
  const std::vector<std::string>& columns() const { return columns_; }
  // A problem about column i of the current row.
  Problem problem(std::size_t column, std::string message) const;

 private:
  bool read_line();
  bool split();  // splits line_ into fields_; false on a broken quote
  bool row_in_line();  // line_ as a data row: false when blank or reported
  bool match_header();  // fills position_ from the header in fields_; reports what is wrong
  bool report_repeated_names();  // false when a header name is given twice
  void report(std::string key, std::string message);

  std::string path_;
  std::vector<std::string> columns_;
  std::vector<Problem>& problems_;
  std::ifstream in_;
  std::string line_;
  std::string scratch_;  // unescaped quoted fields; fields_ may point into it
  std::vector<std::string_view> fields_;
  std::vector<std::size_t> position_;  // header position of each expected column
  std::size_t header_fields_ = 0;      // fields in the header row
  int line_no_ = 0;
  bool ok_ = false;
};

}  // namespace drsim::scenarios
