// HTML tables of the report.
#include "reports/html_table.hpp"

#include <stdexcept>

#include <fmt/format.h>

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

std::string HtmlTable::head(const std::string& caption) const {
  std::string out = "<div class=\"tablewrap\"><table>";
  if (!caption.empty()) out += "<caption>" + html_escape(caption) + "</caption>";
  out += "<thead><tr>";
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    out += numeric_[c] ? "<th class=\"num\">" : "<th>";
    out += html_escape(headers_[c]) + "</th>";
  }
  return out + "</tr></thead><tbody>\n";
}

std::string HtmlTable::body_rows() const {
  std::string out;
  for (const auto& row : rows_) {
    out += row.cls.empty() ? "<tr>" : "<tr class=\"" + html_escape(row.cls) + "\">";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      out += numeric_[c] ? "<td class=\"num\">" : "<td>";
      out += html_escape(row.cells[c]) + "</td>";
    }
    out += "</tr>\n";
  }
  return out;
}

std::string HtmlTable::data_rows() const {
  // One line per row: the class, then the cells, separated by tabs (a third the size of JSON).
  std::string out = "\n";
  out.reserve(rows_.size() * (headers_.size() * 8 + 8));
  for (const auto& row : rows_) {
    append_data_cell(out, row.cls);
    for (const auto& cell : row.cells) {
      out += '\t';
      append_data_cell(out, cell);
    }
    out += '\n';
  }
  return out;
}

std::string HtmlTable::html(const std::string& caption) const {
  return head(caption) + body_rows() + "</tbody></table></div>\n";
}

std::string HtmlTable::html(const TableControls& k, const std::string& caption) const {
  std::string out = fmt::format("<div class=\"dt\" id=\"{}\" data-page=\"{}\"", html_escape(k.id), k.page);
  if (k.key_column >= 0) out += fmt::format(" data-key=\"{}\"", k.key_column);
  if (k.chart_column >= 0) out += fmt::format(" data-chart=\"{}\"", k.chart_column);
  if (k.rows_as_data) out += " data-rows=\"" + html_escape(k.id) + "-rows\"";
  if (k.print_all) out += " data-print=\"all\"";
  out += fmt::format(" data-total=\"{}\">\n", rows_.size());
  // The controls stay hidden until the script runs (without it they would do nothing).
  out += "<div class=\"dt-tools\" hidden>";
  if (k.key_column >= 0) {
    out += "<label>" + html_escape(headers_[static_cast<std::size_t>(k.key_column)]) +
           " <input class=\"dt-key\" list=\"resource-ids\" size=\"14\" autocomplete=\"off\"></label> ";
  }
  out += "<label>contains <input class=\"dt-q\" type=\"search\" size=\"18\"></label> "
         "<button type=\"button\" class=\"dt-prev\">&lsaquo; previous</button> "
         "<button type=\"button\" class=\"dt-next\">next &rsaquo;</button> <span class=\"dt-count\"></span></div>\n";
  if (k.rows_as_data) {
    out += head(caption) + "</tbody></table></div>\n";
    out += fmt::format("<noscript><p class=\"warn\">These {} rows are drawn by the page's script, which is off; "
                       "the CSV files hold them all.</p></noscript>\n",
                       rows_.size());
    out += "<script type=\"text/plain\" id=\"" + html_escape(k.id) + "-rows\">" + data_rows() + "</script>\n";
  } else {
    out += head(caption) + body_rows() + "</tbody></table></div>\n";
  }
  return out + "</div>\n";
}

void append_data_cell(std::string& out, const std::string& text) {
  for (const char ch : text) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '<': out += "\\x3c"; break;  // no "</script>" or "<!--" can end or bend the element
      default: out += ch;
    }
  }
}

}  // namespace drsim::reports
