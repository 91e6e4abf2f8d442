// An HTML table of text cells, escaped, with numeric columns right-aligned.
#pragma once

#include <string>
#include <vector>

namespace drsim::reports {

class HtmlTable {
 public:
  // `numeric` lists, per column, whether it holds figures (right-aligned, tabular digits).
  HtmlTable(std::vector<std::string> headers, std::vector<bool> numeric);

  // Adds a row of plain text cells (escaped on output); `row_class` marks the row (e.g. "charged").
  void add(std::vector<std::string> cells, std::string row_class = "");
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }

  // The table as HTML; `caption` (escaped) is shown above it when not empty.
  std::string html(const std::string& caption = "") const;

 private:
  struct Row {
    std::vector<std::string> cells;
    std::string cls;
  };
  std::vector<std::string> headers_;
  std::vector<bool> numeric_;
  std::vector<Row> rows_;
};

}  // namespace drsim::reports
