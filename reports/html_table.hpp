// An HTML table of text cells, escaped, with numeric columns right-aligned; optionally sortable,
// filterable and paged by the report's script (html_script), its rows inline or as one block of data.
#pragma once

#include <string>
#include <vector>

namespace drsim::reports {

// How report.html's script runs a table (html_script.cpp reads these as data-* attributes).
struct TableControls {
  std::string id;              // unique in the page; data rows are in <script id="ID-rows">
  std::size_t page = 50;       // rows per page on screen
  int key_column = -1;         // column the "resource" box filters on exactly (-1: no such box)
  int chart_column = -1;       // column whose cells are buttons drawing that resource's chart (-1: none)
  bool rows_as_data = false;   // rows as one text block (compact; drawn by the script) instead of <tbody> rows
  bool print_all = false;      // print every (filtered) row, not only the page on screen
};

class HtmlTable {
 public:
  // `numeric` lists, per column, whether it holds figures (right-aligned, tabular digits, sorted
  // as exact decimals).
  HtmlTable(std::vector<std::string> headers, std::vector<bool> numeric);

  // Adds a row of plain text cells (escaped on output); `row_class` marks the row (e.g. "charged").
  void add(std::vector<std::string> cells, std::string row_class = "");
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }

  // The table as static HTML; `caption` (escaped) is shown above it when not empty.
  std::string html(const std::string& caption = "") const;
  // The table with the script's controls: sort on a header click, filter, pages. With
  // rows_as_data the <tbody> is empty, the rows are in <script type="text/plain" id="ID-rows">, one
  // line per row, the class then the cells separated by tabs, each cell with \\ \t \n \r and
  // < written \\, \t, \n, \r and \x3c (append_data_cell); a <noscript> note stands in for them.
  std::string html(const TableControls& controls, const std::string& caption = "") const;

 private:
  struct Row {
    std::vector<std::string> cells;
    std::string cls;
  };
  std::string head(const std::string& caption) const;
  std::string body_rows() const;
  std::string data_rows() const;
  std::vector<std::string> headers_;
  std::vector<bool> numeric_;
  std::vector<Row> rows_;
};

// `text` as a cell of a table's data rows (see TableControls::rows_as_data).
void append_data_cell(std::string& out, const std::string& text);

}  // namespace drsim::reports
