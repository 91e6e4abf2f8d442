// Plain CSV reading for the raw source files: line splitting and problem reporting.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/decimal.hpp"
#include "settlement/problem.hpp"

namespace drsim::importers {

// Reads a raw source file line by line, tracking the line number for problems.
// Double-quoted fields (which may hold commas) are unquoted.
class SourceCsv {
 public:
  SourceCsv(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}
  // Next line split on commas (a trailing CR is dropped); nothing at the end.
  std::optional<std::vector<std::string>> next();
  int line() const { return line_; }
  const std::string& file() const { return file_; }
  // A problem at the current line, in column `key`.
  Problem problem(std::string key, std::string message) const;
  // Parses a number exactly, or records a problem and returns nothing.
  std::optional<Decimal> number(std::string_view text, const std::string& key,
                                std::vector<Problem>& problems) const;

 private:
  std::istream& in_;
  std::string file_;
  int line_ = 0;
};

// Index of `name` in a header row, or nothing.
std::optional<std::size_t> column_of(const std::vector<std::string>& header, std::string_view name);

}  // namespace drsim::importers
