// The SQLite results database of a run.
#include "results_db.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>

#include "reports/statement_csv.hpp"
#include "settlement/warning.hpp"

namespace drsim::reports {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE runs (run_id INTEGER PRIMARY KEY, scenario_name TEXT, scenario_path TEXT, scenario_sha256 TEXT,
  drsim_version TEXT, planning_year INTEGER, trace_fingerprint TEXT, started_at TEXT, finished_at TEXT);
CREATE TABLE rules (run_id INTEGER, key TEXT, value TEXT, default_value TEXT, overridden INTEGER,
  set_in_scenario INTEGER);
CREATE TABLE hourly (run_id INTEGER, instruction_id TEXT, resource_id TEXT, hour_start TEXT, he INTEGER,
  instructed_mw TEXT, target_mw TEXT, actual_mw TEXT, shortfall_mw TEXT, shortfall_mwh TEXT,
  lmp_usd_per_mwh TEXT, rsg_usd_per_mwh TEXT, multiplier TEXT, energy_charge_usd TEXT, rsg_charge_usd TEXT,
  exempt_reason TEXT, flags TEXT, emergency_id TEXT, obligated_fraction TEXT, instruction_mw TEXT,
  available_mw TEXT, measured_mw TEXT, baseline_mw TEXT, energy_charge_cents INTEGER, rsg_charge_cents INTEGER);
CREATE TABLE failures (run_id INTEGER, resource_id TEXT, instruction_id TEXT, planning_year INTEGER, season TEXT,
  start TEXT, counted INTEGER, disqualified INTEGER);
CREATE TABLE disqualifications (run_id INTEGER, resource_id TEXT, acp_stops_from TEXT, acp_resumes_on TEXT);
CREATE TABLE capacity (run_id INTEGER, resource_id TEXT, planning_year INTEGER, season TEXT, cleared_mw TEXT,
  acp_usd_per_mw_day TEXT, days_paid INTEGER, amount_usd TEXT, amount_cents INTEGER);
CREATE TABLE allocation (run_id INTEGER, lse_id TEXT, amount_usd TEXT, amount_cents INTEGER);
CREATE TABLE allocation_shares (run_id INTEGER, instruction_id TEXT, hour_start TEXT, lse_id TEXT, weight TEXT,
  static_share INTEGER, amount_usd TEXT, amount_cents INTEGER);
CREATE TABLE eo (run_id INTEGER, mp_id TEXT, season TEXT, acp_usd_per_mw_day TEXT, cleared_mw TEXT,
  nonperformance_mw TEXT, eo_before_usd TEXT, adjustment_usd TEXT, eo_usd TEXT, mw_days_before TEXT,
  mw_days_after TEXT, eo_cents INTEGER);
CREATE TABLE deployments (run_id INTEGER, resource_id TEXT, planning_year INTEGER, season TEXT,
  deployments INTEGER, max_interruptions INTEGER, seasonal_minimum INTEGER);
CREATE TABLE instruction_status (run_id INTEGER, instruction_id TEXT, at TEXT, status TEXT);
CREATE TABLE events (run_id INTEGER, sequence INTEGER, time TEXT, kind TEXT, entity TEXT, detail TEXT);
CREATE TABLE summary (run_id INTEGER, key TEXT, value TEXT);
CREATE TABLE emergencies (run_id INTEGER, id TEXT, lbas TEXT, level TEXT, start TEXT, "end" TEXT);
CREATE TABLE instructions (run_id INTEGER, id TEXT, emergency_id TEXT, resource_id TEXT, issued TEXT, start TEXT,
  "end" TEXT, acknowledged INTEGER, withdrawn TEXT);
CREATE TABLE warnings (run_id INTEGER, file TEXT, line INTEGER, "column" INTEGER, key TEXT, message TEXT, text TEXT);
)sql";

// An INTEGER cents column: SQLite integers are 64-bit, so cents beyond +-9.2e18
// (a line above $92,233,720,368,547,758.07, reachable within the limits) are
// stored as NULL there; the TEXT *_usd column beside it always holds the exact
// amount, and drsim's report and diff read that (docs/format.md).
struct Cents {
  std::optional<std::int64_t> value;
};
Cents cents(Money m) { return Cents{m.cents64()}; }

template <class T>
void bind(SQLite::Statement& q, int i, const T& v) { q.bind(i, v); }
void bind(SQLite::Statement& q, int i, const Cents& c) {
  if (c.value) q.bind(i, *c.value); else q.bind(i);
}

template <class... Args>
void insert(SQLite::Statement& q, const Args&... args) {
  int i = 1;
  (bind(q, i++, args), ...);
  q.exec();
  q.reset();
}

}  // namespace

void write_results_db(const std::string& path, const RunInfo& info, const Scenario& s, const RunRecord& record,
                      const Statement& st) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  SQLite::Transaction tx(db);
  db.exec(kSchema);
  const int run = 1;
  {
    SQLite::Statement q(db, "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?)");
    insert(q, run, info.scenario_name, info.scenario_path, info.scenario_sha256, info.drsim_version,
           info.planning_year, info.fingerprint, info.started_at, info.finished_at);
  }
  {
    SQLite::Statement q(db, "INSERT INTO rules VALUES (?,?,?,?,?,?)");
    for (const auto& r : info.rules) {
      const bool set = std::find(s.rules_overridden.begin(), s.rules_overridden.end(), r.key) != s.rules_overridden.end();
      insert(q, run, r.key, r.value, r.default_value, r.overridden ? 1 : 0, set ? 1 : 0);
    }
  }
  {
    // The scenario's emergencies and instructions, read-only, for the report's timelines.
    SQLite::Statement q(db, "INSERT INTO emergencies VALUES (?,?,?,?,?,?)");
    for (const auto& e : s.emergencies) {
      std::string lbas;
      for (const auto& l : e.lbas) lbas += (lbas.empty() ? "" : ";") + l;
      insert(q, run, e.id, lbas, e.level, e.start.str(), e.end.str());
    }
    // The loader's warnings (Scenario::warnings), for the report's warnings section.
    SQLite::Statement wq(db, "INSERT INTO warnings VALUES (?,?,?,?,?,?,?)");
    for (const auto& w : s.warnings) insert(wq, run, w.file, w.line, w.column, w.key, w.message, warning_text(w));
    SQLite::Statement iq(db, "INSERT INTO instructions VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& i : s.instructions) {
      iq.bind(1, run);
      iq.bind(2, i.id);
      iq.bind(3, i.emergency);
      iq.bind(4, i.resource);
      iq.bind(5, i.issued.str());
      iq.bind(6, i.start.str());
      iq.bind(7, i.end.str());
      iq.bind(8, i.acknowledged ? 1 : 0);
      if (i.withdrawn) iq.bind(9, i.withdrawn->str()); else iq.bind(9);  // NULL: not withdrawn
      iq.exec();
      iq.reset();
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO hourly VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& l : st.hourly) {
      insert(q, run, l.instruction_id, l.resource_id, l.hour.str(), l.hour.he(), text(l.instructed_mw.value()),
             text(l.settled.target), text(l.settled.actual), text(l.settled.shortfall.value()),
             text(l.settled.shortfall_mwh.value()), text(l.lmp), text(l.rsg), text(l.settled.multiplier),
             l.settled.energy_charge.str(), l.settled.rsg_charge.str(), std::string(name(l.exempt)),
             flags_text(l.settled.flags), l.emergency_id, text(l.frac), text(l.instruction_mw.value()),
             text(l.available_mw.value()), text(l.measured), text(l.baseline),
             cents(l.settled.energy_charge),
             cents(l.settled.rsg_charge));
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO failures VALUES (?,?,?,?,?,?,?,?)");
    for (const auto& f : st.failures) {
      insert(q, run, f.occasion.resource_id, f.occasion.instruction_id, f.occasion.season.planning_year,
             std::string(name(f.occasion.season.season)), f.occasion.start.str(), f.counted ? 1 : 0,
             f.disqualified ? 1 : 0);
    }
    SQLite::Statement d(db, "INSERT INTO disqualifications VALUES (?,?,?,?)");
    for (const auto& x : st.disqualifications) insert(d, run, x.resource_id, x.from.str(), x.until.str());
  }
  {
    SQLite::Statement q(db, "INSERT INTO capacity VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& c : st.capacity) {
      insert(q, run, c.resource_id, c.planning_year, std::string(name(c.season)), text(c.cleared_mw.value()),
             c.acp.value().str_at_least(2), c.days_paid, c.amount.str(), cents(c.amount));
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO allocation VALUES (?,?,?,?)");
    for (const auto& a : st.allocation) insert(q, run, a.lse_id, a.amount.str(), cents(a.amount));
    SQLite::Statement d(db, "INSERT INTO allocation_shares VALUES (?,?,?,?,?,?,?,?)");
    for (const auto& a : st.allocation_shares) {
      insert(d, run, a.instruction_id, a.hour.str(), a.lse_id, text(a.weight), a.static_share ? 1 : 0,
             a.amount.str(), cents(a.amount));
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO eo VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& e : st.eo) {
      insert(q, run, e.mp_id, std::string(name(e.season)), e.acp.value().str_at_least(2), text(e.cleared_mw.value()),
             text(e.nonperformance_mw.value()), e.eo_before.str(), e.adjustment.str(), e.eo.str(),
             text(e.mw_days_before), text(e.mw_days_after), cents(e.eo));
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO deployments VALUES (?,?,?,?,?,?,?)");
    for (const auto& d : record.deployments) {
      insert(q, run, s.resources[d.resource].id, d.season.planning_year, std::string(name(d.season.season)),
             d.deployments, d.max_interruptions, d.seasonal_minimum);
    }
    SQLite::Statement st_q(db, "INSERT INTO instruction_status VALUES (?,?,?,?)");
    for (const auto& rec : record.instructions) {
      for (const auto& c : rec.statuses) {
        insert(st_q, run, s.instructions[rec.instruction].id, c.at.str(), std::string(name(c.status)));
      }
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO events VALUES (?,?,?,?,?,?)");
    for (const auto& e : record.events) {
      insert(q, run, static_cast<std::int64_t>(e.sequence), e.time.str(), e.kind, e.entity, e.detail);
    }
  }
  {
    SQLite::Statement q(db, "INSERT INTO summary VALUES (?,?,?)");
    insert(q, run, std::string("energy_charge_usd"), st.energy_charge.str());
    insert(q, run, std::string("rsg_charge_usd"), st.rsg_charge.str());
    insert(q, run, std::string("penalty_usd"), st.penalty.str());
    insert(q, run, std::string("capacity_usd"), st.capacity_total.str());
    insert(q, run, std::string("allocated_usd"), st.allocated.str());
    insert(q, run, std::string("eo_usd"), st.eo_total.str());
    for (const auto& id : st.disqualified) insert(q, run, std::string("disqualified"), id);
  }
  tx.commit();
}

}  // namespace drsim::reports
