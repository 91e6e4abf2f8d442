// `drsim sweep SCENARIO --out DIR [--grid KEY,KEY] [--threads N]`: settle every open reading of the rules.
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "app/command_registry.hpp"
#include "app/pipeline.hpp"
#include "app/sweep_plan.hpp"
#include "app/sweep_run.hpp"
#include "app/warnings_print.hpp"
#include "reports/money_label.hpp"
#include "reports/sweep_outputs.hpp"

namespace drsim::app {
namespace {

struct SweepOptions {
  std::string scenario;
  std::string out;
  std::vector<std::string> grid;
  unsigned threads = 0;
  bool force = false;
  bool quiet = false;
};

// The lines `drsim sweep` prints: per reading its net change and penalty change from the default.
std::string sweep_summary(const reports::SweepFigures& f) {
  std::string out = fmt::format("{}: {} besides the default\n", f.scenario_name,
                                reports::plural(f.readings.size() - 1, "reading"));
  std::size_t width = 0;
  for (const auto& r : f.readings) width = std::max(width, r.name.size());
  out += fmt::format("  {:<{}} {:>16} {:>16}\n", "reading", width, "net change $", "penalty change $");
  for (std::size_t i = 1; i < f.readings.size(); ++i) {
    const auto& r = f.readings[i];
    if (!r.settled()) {
      out += fmt::format("  {:<{}} not settled: {}\n", r.name, width, r.problems.front());
      continue;
    }
    const auto d = f.total_change(i);
    out += fmt::format("  {:<{}} {:>16} {:>16}\n", r.name, width, d.net.str(), d.penalty.str());
  }
  return out;
}

void run_sweep_command(const SweepOptions& opt) {
  if (!opt.grid.empty()) grid(Rules{}, opt.grid);  // a bad --grid key is refused before the run
  const RunResult base = run_scenario(opt.scenario, !opt.quiet);
  print_warnings(base.scenario);
  const std::vector<Reading> readings =
      opt.grid.empty() ? one_at_a_time(base.scenario.rules) : grid(base.scenario.rules, opt.grid);
  const unsigned threads = opt.threads ? opt.threads : std::max(1U, std::thread::hardware_concurrency());
  const reports::SweepFigures f = run_sweep(base, readings, opt.grid, threads, !opt.quiet);
  for (const auto& r : f.readings) {
    for (const auto& p : r.problems) std::cerr << "drsim sweep: reading " << r.name << ": " << p << '\n';
  }
  try {
    reports::write_sweep_outputs(f, opt.out, opt.force);
  } catch (const std::runtime_error& e) {
    std::cerr << "drsim sweep: " << e.what() << '\n';
    exit_with(kExitInvalid);
  }
  if (!opt.quiet) std::cout << sweep_summary(f) << "outputs: " << opt.out << '\n';
}

const RegisterCommand sweep_command{38, [](CLI::App& app) {
  auto opt = std::make_shared<SweepOptions>();
  auto* cmd = app.add_subcommand(
      "sweep",
      "Settle a scenario under each reading of the rules that rules.md leaves open: what is each worth?\n"
      "The default is the scenario's own rules; then each other value of each open key, one key at a\n"
      "time: untested_multiplier (1, 3), multiplier_applies_to_rsg, failure_separation_basis,\n"
      "disqualification_effective, withdrawal_notice_h (0, 2), outage_excused_hours, fsl_shortfall_cap,\n"
      "baseline_same_day_adjustment, penalize_btmg. --grid KEY,KEY settles every combination of the\n"
      "named keys' values instead. Writes into DIR sweep.csv (per reading every key's value, every total\n"
      "and its change from the default, in total and per resource), sweep.json and sweep.html (a tornado\n"
      "chart of each reading's dollar effect, tables to the cent: a page for a filing). Readings run in\n"
      "parallel (--threads), the same bytes for any thread count. A reading the scenario lacks an input\n"
      "for (an LMP only it charges) is listed as not settled. Pin what a reading is worth with\n"
      "`expect: sweep:` and drsim check (docs/sweep.md).\n"
      "Exit 0 when done, 2 when the scenario or an option is invalid.");
  cmd->add_option("scenario", opt->scenario, "Scenario file (YAML, docs/format.md)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", opt->out, "Output folder (must not exist or be empty, unless --force)")->required();
  cmd->add_option("--grid", opt->grid, "Settle every combination of these open keys' values (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--threads,-t", opt->threads, "Readings settled at once (default: the number of cores)");
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->add_flag("--quiet,-q", opt->quiet, "Print nothing on success (warnings still go to stderr)");
  cmd->callback([opt] { run_sweep_command(*opt); });
}};

}  // namespace
}  // namespace drsim::app
