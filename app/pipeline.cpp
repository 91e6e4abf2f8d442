// Load, simulate, settle and write: the pipeline of a run.
#include "app/pipeline.hpp"

#include <chrono>
#include <ctime>

#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/progress_bar.hpp"
#include "reports/output_folder.hpp"
#include "reports/run_outputs.hpp"
#include "scenarios/meter_reader.hpp"
#include "scenarios/scenario_loader.hpp"
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

RunResult run_scenario(const std::string& path, bool progress) {
  RunResult r;
  r.info.started_at = utc_now();
  r.scenario = load_scenario(path);
  const Scenario& s = r.scenario;
  // The meter stream is the long part of a large run: show it on a terminal.
  ProgressBar bar(s.meter.row_count, progress && isatty(STDERR_FILENO) != 0 && s.meter.row_count >= 1'000'000,
                  "meter rows");
  r.record = sim::simulate(s, [&s, &bar](const std::function<void(const MeterRow&)>& sink) {
    std::uint64_t rows = 0;
    for_each_meter_row(s.meter, [&](const MeterRow& row) {
      sink(row);
      if (++rows % 500'000 == 0) bar.update(rows);
    });
    bar.update(rows);
    bar.finish();
  });
  r.statement = settle(s, r.record);
  r.info.scenario_name = s.name;
  r.info.scenario_path = s.path;
  r.info.scenario_sha256 = s.sha256;
  r.info.drsim_version = DRSIM_VERSION;
  r.info.planning_year = s.planning_year;
  r.info.rules = rule_values(s.rules);
  r.info.fingerprint = r.record.fingerprint;
  return r;
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
  std::string out = fmt::format("{}: {} instructions, {} instruction-hours\n", r.scenario.name,
                                r.record.instructions.size(), st.hourly.size());
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
