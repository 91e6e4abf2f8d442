// CSV quoting and row-shape checking.
#include "reports/accredit/csv_table.hpp"

#include <stdexcept>

namespace drsim::accredit {

namespace {
std::string quote(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string q = "\"";
  for (char c : cell) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

void line(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += quote(cells[i]);
  }
  out += '\n';
}
}  // namespace

CsvTable& CsvTable::row() {
  rows_.emplace_back();
  return *this;
}

CsvTable& CsvTable::add(std::string cell) {
  if (rows_.empty()) throw std::logic_error("CsvTable::add before row()");
  rows_.back().push_back(std::move(cell));
  return *this;
}

std::string CsvTable::text() const {
  std::string out;
  line(out, header_);
  for (const auto& r : rows_) {
    if (r.size() != header_.size()) {
      throw std::logic_error("csv row has " + std::to_string(r.size()) + " cells, header " +
                             std::to_string(header_.size()));
    }
    line(out, r);
  }
  return out;
}

}  // namespace drsim::accredit
