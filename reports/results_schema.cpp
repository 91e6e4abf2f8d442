// The column description of results.sqlite, and the one conversion of a decimal to and from REAL.
#include "reports/results_schema.hpp"

#include "reports/statement_tables.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace drsim::reports {

namespace {

using T = ColumnType;

std::vector<TableSchema> build() {
  const Column run{"run_id", T::integer};
  return {
      {"runs",
       {run, {"scenario_name", T::text}, {"scenario_path", T::text}, {"scenario_sha256", T::text},
        {"drsim_version", T::text}, {"planning_year", T::integer}, {"trace_fingerprint", T::text},
        {"started_at", T::text}, {"finished_at", T::text}}},
      {"rules",
       {run, {"key", T::text}, {"value", T::rule}, {"default_value", T::rule}, {"overridden", T::flag},
        {"set_in_scenario", T::flag}}},
      hourly_table().schema(),
      failures_table().schema(),
      {"disqualifications",
       {run, {"resource_id", T::text}, {"acp_stops_from", T::text}, {"acp_resumes_on", T::text}}},
      capacity_table().schema(),
      allocation_table().schema(),
      {"allocation_shares",
       {run, {"instruction_id", T::text}, {"hour_start", T::text}, {"lse_id", T::text}, {"weight", T::decimal},
        {"static_share", T::flag}, {"amount_usd", T::usd}, {"amount_cents", T::cents}}},
      eo_table().schema(),
      deployments_table().schema(),
      {"instruction_status", {run, {"instruction_id", T::text}, {"at", T::text}, {"status", T::text}}},
      {"events",
       {run, {"sequence", T::integer}, {"time", T::text}, {"kind", T::text}, {"entity", T::text},
        {"detail", T::text}}},
      {"summary", {run, {"key", T::text}, {"value", T::total}, {"value_cents", T::cents}}},
      {"emergencies",
       {run, {"id", T::text}, {"lbas", T::text}, {"level", T::text}, {"start", T::text}, {"end", T::text}}},
      {"instructions",
       {run, {"id", T::text}, {"emergency_id", T::text}, {"resource_id", T::text}, {"issued", T::text},
        {"start", T::text}, {"end", T::text}, {"acknowledged", T::flag}, {"withdrawn", T::text}}},
      {"warnings",
       {run, {"file", T::text}, {"line", T::integer}, {"column", T::integer}, {"key", T::text},
        {"message", T::text}, {"text", T::text}, {"entity", T::text}, {"source", T::text}}},
      resource_totals_table().schema(),
      lse_totals_table().schema(),
      {kExactFiguresTable,
       {run, {"table_name", T::text}, {"row_id", T::integer}, {"column_name", T::text}, {"text", T::text}}},
  };
}

const char* declared(ColumnType t) {
  switch (t) {
    case T::text: return " TEXT";
    case T::integer:
    case T::flag:
    case T::cents: return " INTEGER";
    case T::decimal:
    case T::rate:
    case T::usd: return " REAL";
    case T::rule:
    case T::total: return "";  // no affinity: each cell keeps the storage class it was written with
  }
  return "";
}

}  // namespace

std::vector<std::string> TableSchema::diff_fields() const {
  std::vector<std::string> out;
  for (const auto& c : columns) {
    if (c.diff) out.push_back(c.name);
  }
  return out;
}

const Column* TableSchema::find(std::string_view column) const {
  for (const auto& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

const std::vector<TableSchema>& results_schema() {
  static const std::vector<TableSchema> tables = build();
  return tables;
}

const TableSchema* results_table(std::string_view name) {
  for (const auto& t : results_schema()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string results_schema_sql() {
  std::string sql;
  for (const auto& t : results_schema()) {
    sql += "CREATE TABLE " + t.name + " (";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const Column& c = t.columns[i];
      sql += (i ? ", \"" : "\"") + c.name + "\"" + declared(c.type);
      if (t.name == "runs" && c.name == "run_id") sql += " PRIMARY KEY";
    }
    sql += ");\n";
  }
  return sql;
}

std::string cents_column(std::string_view usd_column) {
  std::string s(usd_column);
  if (s.ends_with("_usd")) s.resize(s.size() - 4);
  return s + "_cents";
}

double stored_real(std::string_view text) {
  // The text's nearest double (from_chars rounds correctly), so the database's bytes do not
  // depend on the platform's arithmetic.
  double d = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), d);
  if (r.ec != std::errc()) throw std::logic_error("results.sqlite: no double for " + std::string(text));
  return d;
}

std::optional<int128> real_micros(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);  // the shortest text that reads back as `value`
  if (r.ec != std::errc()) return std::nullopt;
  return parse_scaled(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), Decimal::kPlaces, false);
}

}  // namespace drsim::reports
