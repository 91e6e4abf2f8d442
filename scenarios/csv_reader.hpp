// A small streaming CSV reader for the scenario's series files (one line in memory at a time).
#pragma once

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/problem.hpp"

namespace drsim::scenarios {

// Reads a CSV file row by row into reused buffers. The first row is the header:
// it must begin with exactly the expected column names, in order; extra columns
// after them are ignored. Handles a UTF-8 byte-order mark, CRLF line ends,
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
  // A row with too few fields or a broken quote is reported and skipped.
  bool next();
  // Field i of the current row (i < number of expected columns).
  std::string_view field(std::size_t i) const { return fields_[i]; }
  // 1-based line of the current row.
  int line() const { return line_no_; }
  const std::string& file() const { return path_; }
  const std::vector<std::string>& columns() const { return columns_; }
  // A problem about column i of the current row.
  Problem problem(std::size_t column, std::string message) const;

 private:
  bool read_line();
  bool split();  // splits line_ into fields_; false on a broken quote
  void report(std::string key, std::string message);

  std::string path_;
  std::vector<std::string> columns_;
  std::vector<Problem>& problems_;
  std::ifstream in_;
  std::string line_;
  std::string scratch_;  // unescaped quoted fields; fields_ may point into it
  std::vector<std::string_view> fields_;
  int line_no_ = 0;
  bool ok_ = false;
};

}  // namespace drsim::scenarios
