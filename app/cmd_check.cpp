// `drsim check SCENARIO`: run the scenario and compare its `expect:` block, figure by figure.
#include <iostream>

#include <fmt/format.h>

#include "app/command_registry.hpp"
#include "app/expectations.hpp"
#include "app/pipeline.hpp"
#include "app/warnings_print.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {
namespace {

struct CheckOptions {
  std::string scenario;
  std::string out;
  bool force = false;
};

const RegisterCommand reg{30, [](CLI::App& app) {
  auto opt = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check",
                                 "Run a scenario and compare the figures of its `expect:` block.\n"
                                 "Prints each mismatch as `key: expected X, got Y`. Exit 0 when all hold,\n"
                                 "1 when a figure differs, 2 when the scenario is invalid or has no expect:.\n"
                                 "Use it to keep scenarios with their expected settlement in your own CI.");
  cmd->add_option("scenario", opt->scenario, "Scenario file (YAML) with an expect: block")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", opt->out, "Also write the run's output folder here");
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->callback([opt] {
    const RunResult r = run_scenario(opt->scenario);
    print_warnings(r.scenario);
    if (!r.scenario.expect.present) {
      throw InputError(Problem{r.scenario.path, 0, 0, "expect", "the scenario has no expect: block to check"});
    }
    if (!opt->out.empty()) write_outputs(r, opt->out, opt->force);
    const auto mismatches = compare_expectations(r.scenario.expect, r.statement);
    for (const auto& m : mismatches) std::cout << m << '\n';
    if (!mismatches.empty()) {
      std::cout << fmt::format("{}: {} of {} expected figures differ\n", r.scenario.path, mismatches.size(),
                               count_expectations(r.scenario.expect));
      exit_with(kExitDiffers);
    }
    std::cout << fmt::format("ok: {}: all {} expected figures hold\n", r.scenario.path,
                             count_expectations(r.scenario.expect));
  });
}};

}  // namespace
}  // namespace drsim::app
