// CSV statements of a run.
#include "statement_csv.hpp"

#include "reports/csv_writer.hpp"
#include "reports/statement_tables.hpp"

namespace drsim::reports {

namespace {

// One table's CSV file from its column description (statement_tables.hpp).
template <class Row, class Rows>
void write_table(const std::string& dir, const StatementTable<Row>& table, const Rows& rows, const RunSource& src) {
  const std::vector<std::string> header = table.csv_header();
  CsvWriter w(dir + "/" + table.name + ".csv", header);
  std::vector<StatementCell> cells;
  std::vector<std::string> fields;
  std::vector<ColumnType> types;
  for (const auto& c : table.columns) {
    if (c.use & kCsv) types.push_back(c.column.type);
  }
  for (const Row& row : rows) {
    table.cells(row, src, kCsv, cells);
    fields.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) fields.push_back(csv_text(cells[i], types[i]));
    w.row(fields);
  }
  w.close();
}

}  // namespace

void write_statement_csv(const std::string& dir, const Scenario& s, const RunRecord& record, const Statement& st) {
  const RunSource src{s, record, st};
  write_table(dir, hourly_table(), st.hourly, src);
  write_table(dir, failures_table(), st.failures, src);
  write_table(dir, capacity_table(), st.capacity, src);
  write_table(dir, allocation_table(), st.allocation, src);
  write_table(dir, eo_table(), st.eo, src);
  write_table(dir, deployments_table(), record.deployments, src);
  write_table(dir, resource_totals_table(), st.by_resource, src);
  write_table(dir, lse_totals_table(), st.by_lse, src);
}

}  // namespace drsim::reports
