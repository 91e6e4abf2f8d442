// The one column description of each table a run writes both as a CSV file and into
// results.sqlite: names, storage types and cells in order, and the fields `drsim diff` compares.
// statement_csv writes the CSV header and rows from it, results_schema the CREATE TABLE,
// results_db the inserts, and run_diff its keys and fields.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "reports/results_schema.hpp"
#include "settlement/market.hpp"
#include "settlement/run_record.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// A typed cell: the CSV prints it (csv_text), results.sqlite stores it by its column's type.
// Nothing: an empty CSV field and NULL.
using StatementCell = std::variant<std::monostate, std::string, std::int64_t, bool, Decimal, WideDecimal, Money>;

// The CSV text of a cell: ids as they are, counts in decimal, booleans `true`/`false`, decimals
// in their shortest exact form (rates with at least two decimals), money with two decimals.
std::string csv_text(const StatementCell& cell, ColumnType type);

// What a row's cells may read besides the row: the market (ids by index), the run, the statement.
struct RunSource {
  const Market& market;
  const RunRecord& record;
  const Statement& st;
};

// Where a column goes: the CSV file, results.sqlite, and whether `drsim diff` compares it.
enum Use : unsigned { kCsv = 1, kDb = 2, kBoth = kCsv | kDb, kDiff = 4 };

template <class Row>
struct StatementColumn {
  Column column;  // name and storage type
  unsigned use = kBoth;
  std::function<StatementCell(const Row&, const RunSource&)> cell;
};

template <class Row>
struct StatementTable {
  std::string name;  // the results.sqlite table; its CSV file is `name`.csv
  std::vector<std::string> key;  // the columns that name a row in `drsim diff`, joined by key_separator
  std::string key_separator;
  std::vector<StatementColumn<Row>> columns;

  // The CSV header: the kCsv columns' names, in order.
  std::vector<std::string> csv_header() const {
    std::vector<std::string> out;
    for (const auto& c : columns) {
      if (c.use & kCsv) out.push_back(c.column.name);
    }
    return out;
  }
  // The results.sqlite table: run_id, then the kDb columns, with diff's key and fields.
  TableSchema schema() const {
    TableSchema t{name, {{"run_id", ColumnType::integer}}, key, key_separator};
    for (const auto& c : columns) {
      if (!(c.use & kDb)) continue;
      t.columns.push_back(c.column);
      t.columns.back().diff = (c.use & kDiff) != 0;
    }
    return t;
  }
  // The cells of `row` of the columns of `use` (kCsv or kDb), in order.
  void cells(const Row& row, const RunSource& src, unsigned use, std::vector<StatementCell>& out) const {
    out.clear();
    for (const auto& c : columns) {
      if (c.use & use) out.push_back(c.cell(row, src));
    }
  }
};

// The rows of resource_totals and lse_totals: Statement::by_resource's and by_lse's entries.
using ResourceRow = std::pair<const std::string, ResourceTotals>;
using LseRow = std::pair<const std::string, LseTotals>;

const StatementTable<HourlyLine>& hourly_table();
const StatementTable<FailureLine>& failures_table();
const StatementTable<CapacityLine>& capacity_table();
const StatementTable<AllocationLine>& allocation_table();
const StatementTable<EoLine>& eo_table();
const StatementTable<DeploymentCount>& deployments_table();
const StatementTable<ResourceRow>& resource_totals_table();
const StatementTable<LseRow>& lse_totals_table();

}  // namespace drsim::reports
