// `drsim run SCENARIO --out DIR`: simulate, settle and write the output folder.
#include <iostream>

#include "app/command_registry.hpp"
#include "app/pipeline.hpp"
#include "app/warnings_print.hpp"

namespace drsim::app {
namespace {

struct RunOptions {
  std::string scenario;
  std::string out;
  bool force = false;
  bool quiet = false;
};

const RegisterCommand run_command{20, [](CLI::App& app) {
  auto opt = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run",
                                 "Simulate a scenario, settle every instruction-hour and write the outputs.\n"
                                 "Writes hourly.csv, failures.csv, capacity.csv, allocation.csv, eo.csv,\n"
                                 "deployments.csv, resource_totals.csv, lse_totals.csv, summary.json, results.sqlite,\n"
                                 "report.html (open it in a browser)\n"
                                 "and, with eo: entries, the EO workpaper eo.xlsx into DIR, whole or not at all.\n"
                                 "Exit 0 when done, 2 when the scenario is invalid (every problem is printed).");
  cmd->add_option("scenario", opt->scenario, "Scenario file (YAML, docs/format.md)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", opt->out, "Output folder (must not exist or be empty, unless --force)")->required();
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->add_flag("--quiet,-q", opt->quiet, "Print nothing on success (warnings still go to stderr)");
  cmd->callback([opt] {
    const RunResult r = run_scenario(opt->scenario, !opt->quiet);
    print_warnings(r.scenario);
    try {
      write_outputs(r, opt->out, opt->force);
    } catch (const std::runtime_error& e) {
      std::cerr << "drsim run: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
    // The warnings again after the figures, where people look (stderr had them all, first).
    if (!opt->quiet) std::cout << headline(r) << warnings_summary(r.scenario, r.statement.warnings) << "outputs: " << opt->out << '\n';
  });
}};

}  // namespace
}  // namespace drsim::app
