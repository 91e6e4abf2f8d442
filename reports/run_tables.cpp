// Reads a run's results.sqlite back into text tables.
#include "reports/run_tables.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace drsim::reports {

std::size_t DbTable::col(const std::string& column) const {
  const auto it = std::find(columns.begin(), columns.end(), column);
  if (it == columns.end()) throw std::out_of_range("no column " + column);
  return static_cast<std::size_t>(it - columns.begin());
}

bool DbTable::has(const std::string& column) const {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
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

const std::vector<std::string>& run_table_names() {
  static const std::vector<std::string> names{
      "runs",       "rules",      "summary",           "emergencies", "instructions", "hourly",
      "failures",   "disqualifications", "capacity",   "allocation",  "allocation_shares", "eo",
      "deployments", "instruction_status", "warnings"};
  return names;
}

RunTables read_run_tables(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error(path + ": no such results database");
  RunTables out;
  out.path = path;
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    if (!db.tableExists("runs") || !db.tableExists("hourly")) {
      throw std::runtime_error(path + ": not a drsim results database (no runs or hourly table)");
    }
    for (const auto& name : run_table_names()) {
      if (!db.tableExists(name)) continue;
      SQLite::Statement q(db, "SELECT * FROM \"" + name + "\" ORDER BY rowid");
      DbTable t;
      const int n = q.getColumnCount();
      std::vector<int> keep;
      for (int c = 0; c < n; ++c) {
        const std::string col = q.getColumnName(c);
        if (col == "run_id" && name != "runs") continue;
        keep.push_back(c);
        t.columns.push_back(col);
      }
      while (q.executeStep()) {
        std::vector<std::string> row;
        row.reserve(keep.size());
        for (int c : keep) row.push_back(q.getColumn(c).isNull() ? std::string() : q.getColumn(c).getString());
        t.rows.push_back(std::move(row));
      }
      out.tables.emplace(name, std::move(t));
    }
  } catch (const SQLite::Exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  return out;
}

}  // namespace drsim::reports
