// Load, simulate, settle and write: the pipeline of a run.
#include "app/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <span>
#include <thread>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/progress_bar.hpp"
#include "reports/money_label.hpp"
#include "reports/output_folder.hpp"
#include "reports/run_outputs.hpp"
#include "scenarios/meter_reader.hpp"
#include "scenarios/meter_scan.hpp"
#include "scenarios/scenario_loader.hpp"
#include "settlement/hour_warnings.hpp"
#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"

namespace drsim::app {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// The meter CSV's problems need the loader's exact checker to be named (each with
// its line, overlaps with both lines): the one pass only knows that there is one.
struct MeterNeedsCheck {};

// Parts of the one meter pass: one per core, at most 4 (each reads a share of the
// file's bytes).
std::size_t meter_parts() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4); }

// The one pass over a meter CSV: rows parsed, checked and integrated at once, on
// meter_parts() threads (by bytes; the integrator locks a resource while it adds).
void scan_meter_file(const Scenario& s, sim::MeterIntegrator& m, bool progress, std::size_t parts = meter_parts()) {
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(s.meter.csv_path, ec);
  const std::uint64_t mb = ec ? 0 : bytes >> 20;
  ProgressBar bar(mb, progress && isatty(STDERR_FILENO) != 0 && mb >= 64, "MB of meter rows");
  std::atomic<std::uint64_t> done{0};
  std::vector<scenarios::MeterBatchSink> sinks;
  for (std::size_t k = 0; k < parts; ++k) {
    sinks.emplace_back([&m, &bar, &done, k, n = std::uint64_t{0}](std::span<const MeterInterval> batch) mutable {
      if (!m.add_batch(batch)) return false;
      if (k == 0 && ++n % 64 == 0) bar.update(done.load() >> 20);
      return true;
    });
  }
  const auto result = scenarios::scan_meter_csv(s.meter.csv_path, s.resources, sinks, &done);
  bar.update(mb);
  bar.finish();
  if (!result.clean) throw MeterNeedsCheck{};
  m.count_rows(result.rows);
}

// The slow and exact way: rows streamed by the loader's reader (after its full check).
void stream_meter_rows(const Scenario& s, sim::MeterIntegrator& m) {
  for_each_meter_row(s.meter, [&m](const MeterRow& row) { m.feed(row); });
}

// The run of run_scenario, its simulate and settle problems still named by key.
void run_into(RunResult& r, const std::string& path, bool progress, const sim::SimulateOptions& options) {
  r.info.started_at = utc_now();
  r.scenario = load_scenario(path, MeterCheck::in_run);
  try {
    const Scenario& s = r.scenario;
    r.record = sim::simulate(
        s,
        [&s, progress](sim::MeterIntegrator& m) {
          if (s.meter.csv_path.empty()) {
            stream_meter_rows(s, m);
          } else {
            scan_meter_file(s, m, progress);
          }
        },
        options);
  } catch (const MeterNeedsCheck&) {
    r.scenario = load_scenario(path, MeterCheck::full);  // throws the located problems
    const Scenario& s = r.scenario;
    r.record = sim::simulate(s, [&s](sim::MeterIntegrator& m) { stream_meter_rows(s, m); }, options);
  }
  const Scenario& s = r.scenario;
  r.scenario.meter.row_count = r.record.meter_rows;
  r.statement = settle(s, r.record);
  // The hours to act on, placed at their instructions' lines like every problem.
  if (auto flagged = hour_warnings(r.statement.hourly); !flagged.empty()) {
    r.statement.warnings = located(s, InputError(std::move(flagged))).problems();
  }
  r.info.scenario_name = s.name;
  r.info.scenario_path = s.path;
  r.info.scenario_sha256 = s.sha256;
  r.info.drsim_version = DRSIM_VERSION;
  r.info.planning_year = s.planning_year;
  r.info.rules = rule_values(s.rules);
  r.info.fingerprint = r.record.fingerprint;
}

}  // namespace

RunResult run_scenario(const std::string& path, bool progress, const sim::SimulateOptions& options) {
  RunResult r;
  try {
    run_into(r, path, progress, options);
  } catch (const InputError& e) {
    throw located(r.scenario, e);  // simulate and settle name entities by key: place them in the file
  }
  return r;
}

Statement settle_under(const Scenario& s, const Rules& rules, std::size_t meter_threads) {
  Market market = s;  // the market model only: the meter rows stay in the scenario
  market.rules = rules;
  const std::size_t parts = meter_threads == 0 ? meter_parts() : meter_threads;
  sim::SimulateOptions options;
  options.trace = false;  // no event log: the readings never read it
  try {
    RunRecord record;
    try {
      record = sim::simulate(market, [&s, parts](sim::MeterIntegrator& m) {
        if (s.meter.csv_path.empty()) {
          stream_meter_rows(s, m);
        } else {
          scan_meter_file(s, m, false, parts);
        }
      }, options);
    } catch (const MeterNeedsCheck&) {
      // The run got past the loader's full check (run_into): its rows stream as they are.
      record = sim::simulate(market, [&s](sim::MeterIntegrator& m) { stream_meter_rows(s, m); }, options);
    }
    return settle(market, record);
  } catch (const InputError& e) {
    throw located(s, e);
  }
}

void write_outputs(const RunResult& r, const std::string& out_dir, bool force) {
  reports::OutputFolder folder(out_dir, force);
  reports::RunInfo info = r.info;
  info.finished_at = utc_now();
  reports::write_run_outputs(folder.staging().string(), info, r.scenario, r.record, r.statement);
  folder.commit();
}

std::string headline(const RunResult& r) {
  const Statement& st = r.statement;
  std::string out = fmt::format("{}: {}, {}\n", r.scenario.name,
                                reports::plural(r.record.instructions.size(), "instruction"),
                                reports::plural(st.hourly.size(), "instruction-hour"));
  out += fmt::format("  energy charges   {:>16} $\n", st.energy_charge.str());
  out += fmt::format("  RSG charges      {:>16} $\n", st.rsg_charge.str());
  out += fmt::format("  penalty          {:>16} $\n", st.penalty.str());
  out += fmt::format("  capacity paid    {:>16} $\n", st.capacity_total.str());
  out += fmt::format("  allocated        {:>16} $\n", st.allocated.str());
  if (!r.scenario.eo.empty()) out += fmt::format("  EO               {:>16} $\n", st.eo_total.str());
  int counted = 0;
  for (const auto& f : st.failures) counted += f.counted;
  out += fmt::format("  failed occasions {:>16} ({} counted)\n", st.failures.size(), counted);
  out += fmt::format("  disqualified     {:>16}\n", st.disqualified.empty() ? "none" : fmt::format("{}", fmt::join(st.disqualified, ", ")));
  return out;
}

}  // namespace drsim::app
