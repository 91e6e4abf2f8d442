// `drsim check SCENARIO|FOLDER...`: run scenarios and compare their `expect:` blocks, figure by figure.
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "app/check_files.hpp"
#include "app/command_registry.hpp"
#include "app/pipeline.hpp"
#include "app/warnings_print.hpp"
#include "reports/junit_xml.hpp"
#include "settlement/problem.hpp"

namespace drsim::app {
namespace {

struct CheckOptions {
  std::vector<std::string> scenarios;
  std::string out;
  std::string junit;
  unsigned jobs = 0;
  bool force = false;
};

// The lines a person reads for one file (the same for one file or many).
void print_outcome(const CheckOutcome& o) {
  for (const auto& w : o.warnings) std::cerr << w << '\n';
  for (const auto& p : o.problems) std::cerr << p << '\n';
  if (o.status == CheckOutcome::Status::invalid) return;
  std::size_t differ = 0;
  for (const auto& f : o.figures) {
    if (f.holds) continue;
    std::cout << f.mismatch() << '\n';
    ++differ;
  }
  if (differ > 0) {
    std::cout << fmt::format("{}: {} of {} expected figures differ\n", o.path, differ, o.figures.size());
  } else {
    std::cout << fmt::format("ok: {}: all {} expected figures hold\n", o.path, o.figures.size());
  }
}

// One JUnit suite per file, one test case per expected figure; a file that does not run is one error case.
std::vector<reports::JunitSuite> junit_suites(const std::vector<CheckOutcome>& outcomes) {
  std::vector<reports::JunitSuite> suites;
  for (const auto& o : outcomes) {
    reports::JunitSuite s{o.path, o.seconds, {}};
    if (o.status == CheckOutcome::Status::invalid) {
      std::string detail;
      for (const auto& p : o.problems) detail += p + "\n";
      s.cases.push_back({"scenario", o.path, std::nullopt,
                         fmt::format("the scenario does not run ({} problem(s))", o.problems.size()), detail});
    }
    for (const auto& f : o.figures) {
      reports::JunitCase c{f.key, o.path, std::nullopt, std::nullopt, {}};
      if (!f.holds) c.failure = f.mismatch();
      s.cases.push_back(std::move(c));
    }
    suites.push_back(std::move(s));
  }
  return suites;
}

void run_check(const CheckOptions& opt) {
  const std::vector<std::string> files = scenario_files(opt.scenarios);
  const bool one = files.size() == 1 && opt.scenarios.size() == 1 && files.front() == opt.scenarios.front();
  if (!opt.out.empty() && !one) {
    throw InputError(Problem{"--out", 0, 0, "", "--out writes one run's folder: give it with a single scenario file"});
  }
  std::vector<CheckOutcome> outcomes;
  if (!opt.out.empty()) {
    // One file with its output folder: the run is written as `drsim run` writes it.
    const RunResult r = run_scenario(files.front());
    print_warnings(r.scenario);
    if (!r.scenario.expect.present) {
      throw InputError(Problem{r.scenario.path, 0, 0, "expect", "the scenario has no expect: block to check"});
    }
    write_outputs(r, opt.out, opt.force);
    CheckOutcome o;
    o.path = files.front();
    o.figures = check_run(r);
    o.status = CheckOutcome::Status::holds;
    for (const auto& f : o.figures) {
      if (!f.holds) o.status = CheckOutcome::Status::differs;
    }
    outcomes.push_back(std::move(o));
  } else {
    const unsigned jobs = opt.jobs ? opt.jobs : std::max(1U, std::thread::hardware_concurrency());
    outcomes = check_files(files, jobs);
  }
  std::size_t holds = 0, differs = 0, invalid = 0;
  for (const auto& o : outcomes) {
    print_outcome(o);
    holds += o.status == CheckOutcome::Status::holds;
    differs += o.status == CheckOutcome::Status::differs;
    invalid += o.status == CheckOutcome::Status::invalid;
  }
  if (!one) {
    std::cout << fmt::format("checked {} scenario file(s): {} hold, {} differ, {} invalid\n", outcomes.size(), holds,
                             differs, invalid);
  }
  if (!opt.junit.empty()) {
    std::ofstream xml(opt.junit, std::ios::binary);
    xml << reports::junit_xml("drsim check", junit_suites(outcomes));
    if (!xml) throw std::runtime_error("cannot write the JUnit file " + opt.junit);
  }
  if (invalid > 0) exit_with(kExitInvalid);
  if (differs > 0) exit_with(kExitDiffers);
}

const RegisterCommand check_command{30, [](CLI::App& app) {
  auto opt = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand(
      "check",
      "Run scenarios and compare the figures of their `expect:` blocks. Give files or folders: a folder\n"
      "checks every *.yaml under it that has an expect: block, in parallel (--jobs). Prints each mismatch\n"
      "as `key: expected X, got Y`, one line per file and, for several, a summary. --junit FILE writes\n"
      "JUnit XML (one test case per expected figure) for GitLab, GitHub Actions or Jenkins (docs/ci.md).\n"
      "Exit 0 when all hold, 1 when a figure differs, 2 when a scenario is invalid or has no expect:.");
  cmd->add_option("scenarios", opt->scenarios, "Scenario files (YAML) with an expect: block, or folders of them")
      ->required();
  cmd->add_option("--out,-o", opt->out, "Also write the run's output folder here (one scenario file only)");
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->add_option("--junit", opt->junit, "Write the results as JUnit XML to this file");
  cmd->add_option("--jobs,-j", opt->jobs, "Scenarios checked at once (default: the number of cores)");
  cmd->callback([opt] { run_check(*opt); });
}};

}  // namespace
}  // namespace drsim::app
