// HTML tables of the report.
#include "reports/html_table.hpp"

#include <stdexcept>

#include "reports/html_escape.hpp"

namespace drsim::reports {

HtmlTable::HtmlTable(std::vector<std::string> headers, std::vector<bool> numeric)
    : headers_(std::move(headers)), numeric_(std::move(numeric)) {
  if (numeric_.size() != headers_.size()) throw std::logic_error("HtmlTable: one numeric flag per column");
}

void HtmlTable::add(std::vector<std::string> cells, std::string row_class) {
  if (cells.size() != headers_.size()) throw std::logic_error("HtmlTable: row width differs from the header");
  rows_.push_back({std::move(cells), std::move(row_class)});
}

std::string HtmlTable::html(const std::string& caption) const {
  std::string out = "<div class=\"tablewrap\"><table>";
  if (!caption.empty()) out += "<caption>" + html_escape(caption) + "</caption>";
  out += "<thead><tr>";
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    out += numeric_[c] ? "<th class=\"num\">" : "<th>";
    out += html_escape(headers_[c]) + "</th>";
  }
  out += "</tr></thead><tbody>\n";
  for (const auto& row : rows_) {
    out += row.cls.empty() ? "<tr>" : "<tr class=\"" + html_escape(row.cls) + "\">";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      out += numeric_[c] ? "<td class=\"num\">" : "<td>";
      out += html_escape(row.cells[c]) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

}  // namespace drsim::reports
