// drsim validate: checks a scenario file and its series by running it without writing anything, so a file
// that validates runs (rules.md 4.7): one code path, not a second list of checks kept in step.
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "app/command_registry.hpp"
#include "app/pipeline.hpp"
#include "app/warnings_print.hpp"
#include "reports/money_label.hpp"

namespace {

void run_validate(const std::string& path) {
  // Load, simulate and settle exactly as `drsim run` does, and write nothing. Problems propagate
  // as InputError: main prints each one and exits 2.
  const drsim::app::RunResult r = drsim::app::run_scenario(path, /*progress=*/true);
  drsim::app::print_warnings(r.scenario);
  const drsim::Scenario& s = r.scenario;
  const auto meter_rows = s.meter.row_count;
  const std::size_t series_hours = s.lmp.hours() + s.rsg.hours() + s.baseline.hours() + s.lse_load.hours();
  using drsim::reports::plural;
  std::cout << "ok: " << s.name << ": " << plural(s.resources.size(), "resource") << ", "
            << plural(s.instructions.size(), "instruction") << ", " << plural(series_hours, "series hour") << ", "
            << plural(meter_rows, "meter row") << "\n";
  drsim::app::exit_with(drsim::app::kExitOk);
}

const drsim::app::RegisterCommand validate_command{10, [](CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check a scenario file and every series it names (docs/format.md) by simulating and settling\n"
      "it as `drsim run` does, writing nothing: a file that validates runs.\n"
      "Prints `ok: NAME: N resources, M instructions, K series hours, R meter rows` and exits 0,\n"
      "or prints every problem to stderr as `file:line:column: key.path: what is wrong`\n"
      "(CSV rows: `file:line: column: what is wrong`) and exits 2. Warnings (a value ignored, a level\n"
      "name not used in the planning year) print on stderr as `file:line:column: warning: ...` and\n"
      "do not change the exit status.");
  cmd->add_option("scenario", *path, "the scenario YAML file")->required();
  cmd->callback([path] { run_validate(*path); });
}};

}  // namespace
