// A CSV table built in memory: a header, rows of text cells, RFC 4180 quoting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "settlement/decimal.hpp"
#include "settlement/units.hpp"

namespace drsim::accredit {

class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> header) : header_(std::move(header)) {}
  // Starts a row; cells are appended with the add() calls, and the row must
  // end with as many cells as the header has (checked by text()).
  CsvTable& row();
  CsvTable& add(std::string cell);
  CsvTable& add(Decimal v) { return add(v.str()); }
  CsvTable& add(Mw v) { return add(v.value().str()); }
  CsvTable& add(bool v) { return add(std::string(v ? "true" : "false")); }
  CsvTable& add(int v) { return add(std::to_string(v)); }
  CsvTable& add(const char* v) { return add(std::string(v)); }
  // An absent value is an empty cell.
  template <class T>
  CsvTable& add(const std::optional<T>& v) { return v ? add(*v) : add(std::string()); }
  // The whole table, lines ended by \n. Throws std::logic_error for a short or long row.
  std::string text() const;
  std::size_t rows() const { return rows_.size(); }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace drsim::accredit
