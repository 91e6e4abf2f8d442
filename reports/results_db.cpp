// The SQLite results database of a run: typed columns (reports/results_schema), exact figures.
#include "results_db.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "reports/results_schema.hpp"
#include "reports/rule_text.hpp"
#include "reports/run_cells.hpp"
#include "reports/run_warnings.hpp"
#include "reports/statement_tables.hpp"
#include "settlement/warning.hpp"

namespace drsim::reports {

namespace {

// A six-place figure for a REAL column (nothing: NULL).
struct Num {
  std::optional<int128> micros;
};
Num num(Decimal d) { return {d.micros()}; }
Num num(const WideDecimal& d) { return {d.micros()}; }
// The cents column of an amount.
struct Cents {
  Money amount;
};
// A rule value's text, stored by its kind (rule_text.hpp).
struct Rule {
  std::string text;
};
struct Null {};

// A figure the typed cell cannot hold exactly, kept as text in exact_figures.
struct ExactFigure {
  std::string table, column, text;
  std::int64_t row = 0;
};

// Where the rows go: into the database (with the figures its typed cells cannot hold), or into
// the run's tables in memory, each cell as read_run_tables reads the database back.
struct Target {
  SQLite::Database* db = nullptr;
  std::vector<ExactFigure>* exact = nullptr;
  RunTables* memory = nullptr;
};

// Inserts rows into one table of the schema, checking that each value fits its column's type,
// so the schema and the inserts cannot drift apart.
class TableWriter {
 public:
  TableWriter(const Target& target, const std::string& table) : schema_(*require(table)), exact_(target.exact) {
    if (target.db) q_.emplace(*target.db, insert_sql(schema_));
    if (target.memory) {
      const auto& read = run_table_names();
      if (std::find(read.begin(), read.end(), schema_.name) != read.end()) mem_ = &memory_table(*target.memory);
    }
  }

  template <class... Args>
  void row(const Args&... args) {
    if (sizeof...(args) + 1 != schema_.columns.size()) {
      throw std::logic_error("results.sqlite: " + schema_.name + " has " + std::to_string(schema_.columns.size()) +
                             " columns, given " + std::to_string(sizeof...(args) + 1));
    }
    if (!q_ && !mem_) return;  // a table the report does not read, kept in memory
    ++row_;  // a new table: the n-th row inserted has rowid n
    if (q_) q_->bind(1, 1);  // run_id: one run per database
    if (mem_) {
      mem_->rows.emplace_back();
      mem_->rows.back().reserve(mem_->columns.size());
      column_ = 0;
      if (schema_.name == "runs") put(Cell{"1", 1});  // read_run_tables keeps run_id of runs only
    }
    int i = 2;
    (bind(i++, args), ...);
    if (q_) {
      q_->exec();
      q_->reset();
    }
  }

  // A row of a statement table (statement_tables.hpp): each cell bound by its column's type.
  void row(const std::vector<StatementCell>& cells) {
    if (cells.size() + 1 != schema_.columns.size()) {
      throw std::logic_error("results.sqlite: " + schema_.name + " has " + std::to_string(schema_.columns.size()) +
                             " columns, given " + std::to_string(cells.size() + 1));
    }
    if (!q_ && !mem_) return;
    ++row_;
    if (q_) q_->bind(1, 1);
    if (mem_) {
      mem_->rows.emplace_back();
      mem_->rows.back().reserve(mem_->columns.size());
      column_ = 0;
    }
    for (std::size_t k = 0; k < cells.size(); ++k) bind_cell(static_cast<int>(k) + 2, cells[k]);
    if (q_) {
      q_->exec();
      q_->reset();
    }
  }

 private:
  static const TableSchema* require(const std::string& table) {
    const TableSchema* t = results_table(table);
    if (!t) throw std::logic_error("results.sqlite: no table " + table);
    return t;
  }
  static std::string insert_sql(const TableSchema& t) {
    std::string marks;
    for (std::size_t i = 0; i < t.columns.size(); ++i) marks += i ? ",?" : "?";
    return "INSERT INTO " + t.name + " VALUES (" + marks + ")";
  }
  // The table in memory, with the columns read_run_tables gives it.
  DbTable& memory_table(RunTables& run) const {
    DbTable& t = run.tables[schema_.name];
    t = DbTable{};
    for (const auto& c : schema_.columns) {
      if (c.name == "run_id" && schema_.name != "runs") continue;
      t.columns.push_back(c.name);
      t.types.push_back(c.type);
    }
    t.figures.resize(t.columns.size());
    return t;
  }
  const Column& column(int i, std::initializer_list<ColumnType> allowed, const char* given) const {
    const Column& c = schema_.columns[static_cast<std::size_t>(i - 1)];
    if (std::find(allowed.begin(), allowed.end(), c.type) == allowed.end()) {
      throw std::logic_error("results.sqlite: " + schema_.name + "." + c.name + " given " + given);
    }
    return c;
  }
  void keep_exact(const Column& c, std::string text) {
    if (exact_) exact_->push_back({schema_.name, c.name, std::move(text), row_});
  }
  // The next cell of the row in memory.
  void put(Cell cell) {
    mem_->rows.back().push_back(std::move(cell.text));
    if (mem_->types[column_] != ColumnType::text) mem_->figures[column_].push_back(cell.figure);
    ++column_;
  }

  void bind(int i, const std::string& v) {
    const Column& c = column(i, {ColumnType::text, ColumnType::total}, "text");
    if (q_) q_->bind(i, v);
    if (mem_) put(text_cell(v, c.type));
  }
  void bind(int i, const char* v) { bind(i, std::string(v)); }
  void bind(int i, int v) { bind(i, static_cast<std::int64_t>(v)); }
  void bind(int i, std::int64_t v) {
    column(i, {ColumnType::integer}, "an integer");
    if (q_) q_->bind(i, v);
    if (mem_) put(Cell{std::to_string(v), v});
  }
  void bind(int i, bool v) {
    column(i, {ColumnType::flag}, "a flag");
    if (q_) q_->bind(i, v ? 1 : 0);
    if (mem_) put(Cell{v ? "1" : "0", v ? 1 : 0});
  }
  void bind(int i, Null) {
    if (q_) q_->bind(i);
    if (mem_) put(Cell{});
  }
  void bind(int i, const std::optional<std::string>& v) {
    if (v) bind(i, *v); else bind(i, Null{});
  }
  void bind(int i, const Num& v) {
    const Column& c = column(i, {ColumnType::decimal, ColumnType::rate}, "a decimal");
    if (!v.micros) return bind(i, Null{});
    if (q_) bind_real_exact(i, c, *v.micros);
    if (mem_) put(stored_decimal_cell(*v.micros, c.type));
  }
  void bind(int i, const Money& m) {
    column(i, {ColumnType::usd, ColumnType::total}, "an amount");
    // Dollars for queries: the nearest double (exact up to 2^53 cents); the cents column is exact.
    if (q_) q_->bind(i, stored_real(m.str()));
    if (mem_) put(money_cell(m));
  }
  void bind(int i, const Cents& c) {
    const Column& col = column(i, {ColumnType::cents}, "cents");
    const auto v = c.amount.cents64();
    if (mem_) put(v ? Cell{std::to_string(*v), *v} : Cell{});
    if (!q_) return;
    if (v) return q_->bind(i, *v);
    q_->bind(i);  // beyond 64 bits: NULL here, the exact amount in exact_figures
    const std::string usd = col.name == "value_cents" ? "value" : col.name.substr(0, col.name.size() - 6) + "_usd";
    keep_exact(Column{usd, ColumnType::usd}, c.amount.str());
  }
  void bind(int i, const Rule& r) {
    const Column& c = column(i, {ColumnType::rule}, "a rule value");
    switch (rule_kind(r.text)) {
      case RuleKind::boolean:
        if (q_) q_->bind(i, r.text == "true" ? 1 : 0);
        if (mem_) put(Cell{r.text == "true" ? "true" : "false", std::nullopt});
        return;
      case RuleKind::number: {
        const auto d = Decimal::parse(r.text);
        if (q_) bind_real_exact(i, c, d->micros());
        if (mem_) put(stored_decimal_cell(d->micros(), ColumnType::rule));
        return;
      }
      case RuleKind::name:
        if (q_) q_->bind(i, r.text);
        if (mem_) put(text_cell(r.text, ColumnType::rule));
        return;
    }
  }
  void bind_cell(int i, const StatementCell& cell) {
    const ColumnType type = schema_.columns[static_cast<std::size_t>(i - 1)].type;
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>) bind(i, Null{});
          else if constexpr (std::is_same_v<V, Decimal> || std::is_same_v<V, WideDecimal>) bind(i, num(v));
          else if constexpr (std::is_same_v<V, Money>) type == ColumnType::cents ? bind(i, Cents{v}) : bind(i, v);
          else bind(i, v);
        },
        cell);
  }
  void bind_real_exact(int i, const Column& c, int128 micros) {
    const std::string text = WideDecimal::from_micros(micros).str();
    const double d = stored_real(text);
    q_->bind(i, d);
    if (real_micros(d) != micros) keep_exact(c, text);
  }

  const TableSchema& schema_;
  std::optional<SQLite::Statement> q_;
  std::vector<ExactFigure>* exact_;
  DbTable* mem_ = nullptr;
  std::size_t column_ = 0;  // the next cell of the row in memory
  std::int64_t row_ = 0;
};

// Each step writes a few tables: `table(name)` gives a checked writer of one.
struct Tables {
  Target target;
  TableWriter operator()(const char* name) const { return TableWriter(target, name); }
};


void write_run(const Tables& table, const RunInfo& info, const Scenario& s) {
  table("runs").row(info.scenario_name, info.scenario_path, info.scenario_sha256, info.drsim_version,
                    info.planning_year, info.fingerprint, info.started_at, info.finished_at);
  auto q = table("rules");
  for (const auto& r : info.rules) {
    const bool set = std::find(s.rules_overridden.begin(), s.rules_overridden.end(), r.key) != s.rules_overridden.end();
    q.row(r.key, Rule{r.value}, Rule{r.default_value}, r.overridden, set);
  }
}

// The scenario's emergencies, instructions and warnings, read-only, for the report.
void write_inputs(const Tables& table, const Scenario& s, const Statement& st) {
  auto q = table("emergencies");
  for (const auto& e : s.emergencies) {
    std::string lbas;
    for (const auto& l : e.lbas) lbas += (lbas.empty() ? "" : ";") + l;
    q.row(e.id, lbas, e.level, e.start.str(), e.end.str());
  }
  // The loader's warnings (Scenario::warnings), then the settlement's hours to act on
  // (Statement::warnings), each with the entity it is about and its source.
  auto wq = table("warnings");
  for (const auto& w : s.warnings) {
    wq.row(w.file, w.line, w.column, w.key, w.message, warning_text(w), warning_entity(s, w), "scenario");
  }
  for (const auto& w : st.warnings) {
    wq.row(w.file, w.line, w.column, w.key, w.message, warning_text(w), warning_entity(s, w), "settlement");
  }
  auto iq = table("instructions");
  for (const auto& i : s.instructions) {
    std::optional<std::string> withdrawn;  // NULL: not withdrawn
    if (i.withdrawn) withdrawn = i.withdrawn->str();
    iq.row(i.id, i.emergency, i.resource, i.issued.str(), i.start.str(), i.end.str(), i.acknowledged, withdrawn);
  }
}

// One statement table from its column description (statement_tables.hpp).
template <class Row, class Rows>
void write_table(const Tables& table, const StatementTable<Row>& t, const Rows& rows, const RunSource& src) {
  auto q = table(t.name.c_str());
  std::vector<StatementCell> cells;
  for (const Row& row : rows) {
    t.cells(row, src, kDb, cells);
    q.row(cells);
  }
}

// Failures, disqualifications, capacity, allocation and EO.
void write_settlement(const Tables& table, const RunSource& src) {
  const Statement& st = src.st;
  write_table(table, failures_table(), st.failures, src);
  auto d = table("disqualifications");
  for (const auto& x : st.disqualifications) d.row(x.resource_id, x.from.str(), x.until.str());
  write_table(table, capacity_table(), st.capacity, src);
  write_table(table, allocation_table(), st.allocation, src);
  auto sh = table("allocation_shares");
  for (const auto& x : st.allocation_shares) {
    sh.row(x.instruction_id, x.hour.str(), x.lse_id, num(x.weight), x.static_share, x.amount, Cents{x.amount});
  }
  write_table(table, eo_table(), st.eo, src);
}

// Deployments, instruction statuses and the engine's event log.
void write_record(const Tables& table, const RunSource& src) {
  const Market& s = src.market;
  const RunRecord& record = src.record;
  write_table(table, deployments_table(), record.deployments, src);
  auto sq = table("instruction_status");
  for (const auto& rec : record.instructions) {
    for (const auto& c : rec.statuses) sq.row(s.instructions[rec.instruction].id, c.at.str(), std::string(name(c.status)));
  }
  auto eq = table("events");
  for (const auto& e : record.events) {
    eq.row(static_cast<std::int64_t>(e.sequence), e.time.str(), e.kind, e.entity, e.detail);
  }
}

void write_summary(const Tables& table, const Statement& st) {
  auto q = table("summary");
  const auto total = [&](const char* key, Money m) { q.row(std::string(key), m, Cents{m}); };
  total("energy_charge_usd", st.energy_charge);
  total("rsg_charge_usd", st.rsg_charge);
  total("penalty_usd", st.penalty);
  total("capacity_usd", st.capacity_total);
  total("allocated_usd", st.allocated);
  total("eo_usd", st.eo_total);
  for (const auto& id : st.disqualified) q.row(std::string("disqualified"), id, Null{});
}

void write_tables(const Tables& table, const RunInfo& info, const Scenario& s, const RunRecord& record,
                  const Statement& st) {
  write_run(table, info, s);
  write_inputs(table, s, st);
  const RunSource src{s, record, st};
  write_table(table, hourly_table(), st.hourly, src);
  write_settlement(table, src);
  write_record(table, src);
  write_summary(table, st);
  write_table(table, resource_totals_table(), st.by_resource, src);
  write_table(table, lse_totals_table(), st.by_lse, src);
}

}  // namespace

void write_results_db(const std::string& path, const RunInfo& info, const Scenario& s, const RunRecord& record,
                      const Statement& st) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  SQLite::Transaction tx(db);
  db.exec(results_schema_sql());
  std::vector<ExactFigure> exact;
  const Tables table{Target{&db, &exact, nullptr}};
  write_tables(table, info, s, record, st);
  // Last: the figures the steps above could not store exactly in their typed cells.
  auto q = table(kExactFiguresTable);
  for (const auto& x : exact) q.row(x.table, x.row, x.column, x.text);
  tx.commit();
}

RunTables run_tables(const std::string& path, const RunInfo& info, const Scenario& s, const RunRecord& record,
                     const Statement& st) {
  RunTables run;
  run.path = path;
  write_tables(Tables{Target{nullptr, nullptr, &run}}, info, s, record, st);
  return run;
}

}  // namespace drsim::reports
