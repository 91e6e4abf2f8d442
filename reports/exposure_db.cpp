// The SQLite database of an exposure study: the CSV tables with INTEGER counts, INTEGER cents and REAL dollars.
#include "reports/exposure_db.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <charconv>
#include <limits>
#include <optional>
#include <stdexcept>

namespace drsim::reports {

namespace {

// Every amount is two columns: X_cents INTEGER (exact; the CSV's text is cents / 100 with two
// decimals) and X_usd REAL (the nearest double, for plotting and quick SQL). Cents beyond
// SQLite's 64-bit integers leave X_cents NULL and the exact text in big_amounts.
constexpr const char* kSchema = R"sql(
CREATE TABLE run (format INTEGER, scenario_name TEXT, scenario_sha256 TEXT, seed INTEGER, seed_text TEXT,
  trials INTEGER, first_trial INTEGER, end_trial INTEGER, trials_completed INTEGER, partial INTEGER,
  resources INTEGER, eo_without_events_cents INTEGER, eo_without_events_usd REAL, drsim_version TEXT);
CREATE TABLE trials (trial INTEGER PRIMARY KEY, penalty_cents INTEGER, penalty_usd REAL,
  energy_charge_cents INTEGER, energy_charge_usd REAL, rsg_charge_cents INTEGER, rsg_charge_usd REAL,
  capacity_cents INTEGER, capacity_usd REAL, eo_before_cents INTEGER, eo_before_usd REAL,
  eo_cents INTEGER, eo_usd REAL, eo_loss_cents INTEGER, eo_loss_usd REAL,
  disqualified_count INTEGER, emergencies INTEGER, instructions INTEGER);
CREATE TABLE trial_disqualified (trial INTEGER, resource_index INTEGER);
CREATE TABLE resources (resource_index INTEGER PRIMARY KEY, resource_id TEXT, disqualified_trials INTEGER,
  trials INTEGER, probability REAL, probability_millionths INTEGER);
CREATE TABLE statistics (metric TEXT, trials INTEGER, mean_cents INTEGER, mean_usd REAL, p5_cents INTEGER,
  p5_usd REAL, p50_cents INTEGER, p50_usd REAL, p90_cents INTEGER, p90_usd REAL, p95_cents INTEGER,
  p95_usd REAL, p99_cents INTEGER, p99_usd REAL, min_cents INTEGER, min_usd REAL, max_cents INTEGER,
  max_usd REAL);
CREATE TABLE histogram (metric TEXT, bin INTEGER, lower_cents INTEGER, lower_usd REAL, upper_cents INTEGER,
  upper_usd REAL, trials INTEGER);
CREATE TABLE big_amounts (table_name TEXT, row_key TEXT, column_name TEXT, usd TEXT);
)sql";

double dollars(const std::string& text) {
  double v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size()) throw std::logic_error("not a decimal: " + text);
  return v;
}

std::optional<std::int64_t> int64_of(std::uint64_t v) {
  if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

class Inserter {
 public:
  Inserter(SQLite::Database& db, const std::string& table, int columns) : table_(table) {
    std::string sql = "INSERT INTO " + table + " VALUES (";
    for (int i = 0; i < columns; ++i) sql += i ? ",?" : "?";
    q_.emplace(db, sql + ")");
  }
  Inserter& integer(std::optional<std::int64_t> v) {
    if (v) q_->bind(next_++, *v); else q_->bind(next_++);
    return *this;
  }
  Inserter& text(const std::string& v) {
    q_->bind(next_++, v);
    return *this;
  }
  Inserter& real(double v) {
    q_->bind(next_++, v);
    return *this;
  }
  // Two columns: cents and dollars; an amount whose cents pass int64 goes to big_amounts by (row key, column).
  Inserter& money(Money m, const std::string& row_key, const char* column) {
    const std::string usd = m.str();
    const auto c = m.cents64();
    if (!c) big_.push_back({row_key, column, usd});
    integer(c);
    return real(dollars(usd));
  }
  void exec(SQLite::Database& db) {
    q_->exec();
    q_->reset();
    next_ = 1;
    for (const auto& b : big_) {
      SQLite::Statement q(db, "INSERT INTO big_amounts VALUES (?,?,?,?)");
      q.bind(1, table_);
      q.bind(2, b.row_key);
      q.bind(3, b.column);
      q.bind(4, b.usd);
      q.exec();
    }
    big_.clear();
  }

 private:
  struct Big {
    std::string row_key, column, usd;
  };
  std::string table_;
  std::optional<SQLite::Statement> q_;
  int next_ = 1;
  std::vector<Big> big_;
};

void write_run(SQLite::Database& db, const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results) {
  Inserter q(db, "run", 14);
  q.integer(std::stoll(kRunFormat)).text(info.scenario_name).text(info.scenario_sha256).integer(int64_of(info.seed));
  q.text(std::to_string(info.seed)).integer(int64_of(info.trials)).integer(int64_of(info.first));
  q.integer(int64_of(info.end)).integer(int64_of(results.size())).integer(info.partial ? 1 : 0);
  q.integer(int64_of(info.resources.size()));
  if (results.empty()) {
    q.integer(std::nullopt).integer(std::nullopt);  // no trial: no EO without events either
  } else {
    q.money(results.front().eo + results.front().eo_loss, "1", "eo_without_events");
  }
  q.text(DRSIM_VERSION).exec(db);
}

void write_trials(SQLite::Database& db, const std::vector<sim::TrialResult>& results) {
  Inserter q(db, "trials", 18);
  SQLite::Statement d(db, "INSERT INTO trial_disqualified VALUES (?,?)");
  for (const auto& r : results) {
    const std::string key = std::to_string(r.trial);
    q.integer(int64_of(r.trial));
    for (const auto& m : exposure_metrics()) {
      const std::string name(m.name);
      q.money(r.*m.field, key, name.substr(0, name.size() - 4).c_str());  // "penalty_usd" -> "penalty"
    }
    q.integer(int64_of(r.disqualified.size())).integer(r.emergencies).integer(r.instructions).exec(db);
    for (auto i : r.disqualified) {
      d.bind(1, *int64_of(r.trial));
      d.bind(2, static_cast<std::int64_t>(i));
      d.exec();
      d.reset();
    }
  }
}

void write_tables(SQLite::Database& db, const ExposureRunInfo& info, const ExposureFigures& f, std::uint64_t n) {
  Inserter res(db, "resources", 6);
  for (std::size_t i = 0; i < info.resources.size(); ++i) {
    const Decimal p = sim::probability(f.disqualified[i], n);
    res.integer(static_cast<std::int64_t>(i)).text(info.resources[i]).integer(int64_of(f.disqualified[i]));
    res.integer(int64_of(n)).real(dollars(p.str())).integer(p.micros()).exec(db);
  }
  Inserter st(db, "statistics", 18);
  for (const auto& [metric, s] : f.statistics) {
    st.text(metric).integer(int64_of(s.n));
    st.money(s.mean, metric, "mean").money(s.p5, metric, "p5").money(s.p50, metric, "p50");
    st.money(s.p90, metric, "p90").money(s.p95, metric, "p95").money(s.p99, metric, "p99");
    st.money(s.min, metric, "min").money(s.max, metric, "max").exec(db);
  }
  Inserter h(db, "histogram", 7);
  for (const auto& [metric, hist] : f.histograms) {
    for (std::size_t b = 0; b < hist.counts.size(); ++b) {
      const std::string key = std::string(metric) + "/" + std::to_string(b);
      h.text(metric).integer(static_cast<std::int64_t>(b)).money(hist.edges[b], key, "lower");
      h.money(hist.edges[b + 1], key, "upper").integer(int64_of(hist.counts[b])).exec(db);
    }
  }
}

}  // namespace

void write_exposure_db(const std::string& path, const ExposureRunInfo& info,
                       const std::vector<sim::TrialResult>& results, const ExposureFigures& figures) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  SQLite::Transaction tx(db);
  db.exec(kSchema);
  write_run(db, info, results);
  write_trials(db, results);
  write_tables(db, info, figures, results.size());
  tx.commit();
}

}  // namespace drsim::reports
