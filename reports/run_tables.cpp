// Reads a run's results.sqlite back: typed cells to their exact texts and figures.
#include "reports/run_tables.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <tuple>

#include "reports/run_cells.hpp"

namespace drsim::reports {

namespace {

using T = ColumnType;

// exact_figures: (table, rowid, column) -> the exact text of a figure its typed cell cannot hold.
using ExactFigures = std::map<std::tuple<std::string, std::int64_t, std::string>, std::string>;

ExactFigures read_exact_figures(SQLite::Database& db) {
  ExactFigures out;
  if (!db.tableExists(kExactFiguresTable)) return out;
  SQLite::Statement q(db, std::string("SELECT table_name, row_id, column_name, text FROM ") + kExactFiguresTable);
  while (q.executeStep()) {
    out[{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString()}] = q.getColumn(3).getString();
  }
  return out;
}

Cell decode(const SQLite::Column& v, ColumnType type, const std::string* exact,
            const std::optional<std::int64_t>& cents) {
  if (exact) {
    // The typed cell could not hold this figure exactly (exact_figures).
    Cell c = text_cell(*exact, type);
    return c;
  }
  if ((type == T::usd || type == T::total) && cents) return money_cell(Money::from_cents(*cents));
  if (v.isNull()) return {};
  if (v.isText() || v.isBlob()) return text_cell(v.getString(), type);
  if (v.isInteger()) {
    const std::int64_t n = v.getInt64();
    if (type == T::rule) return {n ? "true" : "false", std::nullopt};  // a boolean rule value
    if (type == T::decimal || type == T::rate) return decimal_cell(int128(n) * Decimal::kScale, type);
    if (type == T::usd || type == T::total) return money_cell(Money::from_cents(int128(n) * 100));
    return {std::to_string(n), n};
  }
  // REAL: a decimal reads back as the shortest text of its double; dollars without their
  // cents (never written so) to the nearest cent of that text.
  const auto micros = real_micros(v.getDouble());
  if (!micros) return {v.getString(), std::nullopt};
  if (type == T::usd || type == T::total) {
    return money_cell(Money::from_cents(div_round_half_away(*micros, Decimal::kScale / 100)));
  }
  if (type == T::integer || type == T::flag || type == T::cents) return {v.getString(), std::nullopt};
  return decimal_cell(*micros, type == T::rule ? T::decimal : type);
}

DbTable read_table(SQLite::Database& db, const std::string& name, const ExactFigures& exact) {
  const TableSchema* schema = results_table(name);
  SQLite::Statement q(db, "SELECT rowid, * FROM \"" + name + "\" ORDER BY rowid");
  DbTable t;
  const int n = q.getColumnCount();
  std::vector<int> keep;
  std::vector<std::string> names(static_cast<std::size_t>(n));
  for (int c = 1; c < n; ++c) names[static_cast<std::size_t>(c)] = q.getColumnName(c);
  std::vector<int> cents_of(static_cast<std::size_t>(n), -1);  // the cents column of a money column
  for (int c = 1; c < n; ++c) {
    const std::string& col = names[static_cast<std::size_t>(c)];
    if (col == "run_id" && name != "runs") continue;
    const Column* def = schema ? schema->find(col) : nullptr;
    const ColumnType type = def ? def->type : T::text;  // a column drsim does not know: as text
    keep.push_back(c);
    t.columns.push_back(col);
    t.types.push_back(type);
    if (type == T::usd || type == T::total) {
      const auto it = std::find(names.begin(), names.end(), cents_column(col));
      if (it != names.end()) cents_of[static_cast<std::size_t>(c)] = static_cast<int>(it - names.begin());
    }
  }
  t.figures.resize(keep.size());
  while (q.executeStep()) {
    const std::int64_t rowid = q.getColumn(0).getInt64();
    std::vector<std::string> row;
    row.reserve(keep.size());
    for (std::size_t k = 0; k < keep.size(); ++k) {
      const int c = keep[k];
      const auto x = exact.empty() ? exact.end() : exact.find({name, rowid, t.columns[k]});
      std::optional<std::int64_t> cents;
      if (const int cc = cents_of[static_cast<std::size_t>(c)]; cc >= 0 && q.getColumn(cc).isInteger()) {
        cents = q.getColumn(cc).getInt64();
      }
      Cell cell = decode(q.getColumn(c), t.types[k], x == exact.end() ? nullptr : &x->second, cents);
      row.push_back(std::move(cell.text));
      if (t.types[k] != T::text) t.figures[k].push_back(cell.figure);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::size_t DbTable::col(const std::string& column) const {
  const auto it = std::find(columns.begin(), columns.end(), column);
  if (it == columns.end()) throw std::out_of_range("no column " + column);
  return static_cast<std::size_t>(it - columns.begin());
}

bool DbTable::has(const std::string& column) const {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

std::optional<Money> DbTable::money(std::size_t row, const std::string& column) const {
  const std::size_t c = col(column);
  if (types[c] != T::usd && types[c] != T::total) throw std::logic_error("results.sqlite: " + column + " is not money");
  const auto& f = figures[c][row];
  if (!f) return std::nullopt;
  return Money::from_cents(*f);
}

std::optional<std::int64_t> DbTable::integer(std::size_t row, const std::string& column) const {
  const std::size_t c = col(column);
  if (types[c] != T::integer && types[c] != T::flag && types[c] != T::cents) {
    throw std::logic_error("results.sqlite: " + column + " is not an integer");
  }
  const auto& f = figures[c][row];
  if (!f) return std::nullopt;
  return static_cast<std::int64_t>(*f);
}

std::optional<WideDecimal> DbTable::number(std::size_t row, const std::string& column) const {
  const std::size_t c = col(column);
  if (types[c] == T::text) return std::nullopt;
  const auto& f = figures[c][row];
  if (!f) return std::nullopt;
  // Millionths of any figure within drsim's limits fit 128 bits (money reaches 3.7e27 cents);
  // a figure beyond (only from a foreign database) has no number rather than overflow.
  constexpr int128 kMaxScaled = int128(1'000'000'000'000'000'000LL) * 1'000'000'000'000'000LL;  // 1e33
  const int128 scale = types[c] == T::usd || types[c] == T::total ? Decimal::kScale / 100
                       : types[c] == T::integer || types[c] == T::flag || types[c] == T::cents ? Decimal::kScale
                                                                                               : 1;
  if (scale > 1 && (*f > kMaxScaled || *f < -kMaxScaled)) return std::nullopt;
  return WideDecimal::from_micros(*f * scale);
}

const DbTable& RunTables::table(const std::string& name) const {
  static const DbTable empty;
  const auto it = tables.find(name);
  return it == tables.end() ? empty : it->second;
}

std::string RunTables::run(const std::string& column) const {
  const DbTable& t = table("runs");
  if (t.rows.empty() || !t.has(column)) return "";
  return t.at(0, column);
}

std::string RunTables::summary(const std::string& key) const {
  const DbTable& t = table("summary");
  if (!t.has("key")) return "";
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (t.at(i, "key") == key) return t.at(i, "value");
  }
  return "";
}

std::vector<std::size_t> resources_with_lines(const RunTables& run) {
  const DbTable& t = run.table("resource_totals");
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (t.integer(i, "instruction_hours").value_or(0) + t.integer(i, "capacity_lines").value_or(0) > 0) out.push_back(i);
  }
  return out;
}

const std::vector<std::string>& run_table_names() {
  static const std::vector<std::string> names{
      "runs",       "rules",      "summary",           "emergencies", "instructions", "hourly",
      "failures",   "disqualifications", "capacity",   "allocation",  "allocation_shares", "eo",
      "deployments", "instruction_status", "warnings", "resource_totals", "lse_totals"};
  return names;
}

RunTables read_run_tables(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error(path + ": no such results database");
  RunTables out;
  out.path = path;
  try {
    // One thread reads it: no mutex taken on every column read.
    SQLite::Database db(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    if (!db.tableExists("runs") || !db.tableExists("hourly")) {
      throw std::runtime_error(path + ": not a drsim results database (no runs or hourly table)");
    }
    const ExactFigures exact = read_exact_figures(db);
    for (const auto& name : run_table_names()) {
      if (db.tableExists(name)) out.tables.emplace(name, read_table(db, name, exact));
    }
  } catch (const SQLite::Exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  return out;
}

}  // namespace drsim::reports
