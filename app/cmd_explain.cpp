// `drsim explain RUN_DIR_OR_SCENARIO --line INSTRUCTION@HOUR` (or --failure, --capacity,
// --allocation, --eo): the derivation of one figure of the statement, step by step.
#include <filesystem>
#include <iostream>

#include "app/command_registry.hpp"
#include "app/explain_figures.hpp"
#include "app/pipeline.hpp"
#include "reports/run_tables.hpp"

namespace drsim::app {
namespace {

struct ExplainOptions {
  std::string target;
  std::string line, failure, capacity, allocation, eo;
  bool json = false;
};

// The scenario of a run folder (or its results.sqlite), or the scenario file itself.
std::string scenario_of(const std::string& target) {
  namespace fs = std::filesystem;
  fs::path db;
  if (fs::is_directory(target)) db = fs::path(target) / "results.sqlite";
  else if (fs::path(target).extension() == ".sqlite") db = target;
  if (db.empty()) return target;
  const std::string path = reports::read_run_tables(db.string()).run("scenario_path");
  if (path.empty() || !fs::is_regular_file(path)) {
    throw std::runtime_error(db.string() + ": its scenario '" + path +
                             "' is not there (give the scenario file instead; the path is as the run was given it)");
  }
  return path;
}

const RegisterCommand explain_command{37, [](CLI::App& app) {
  auto opt = std::make_shared<ExplainOptions>();
  auto* cmd = app.add_subcommand(
      "explain",
      "Explain one figure of a run's statement back to its inputs and rules: the inputs with the\n"
      "file and line they came from, then each step of the arithmetic with its rules.md section,\n"
      "rule key and exact values (charges before and after their one rounding to the cent).\n"
      "The scenario is run again and each figure derived by the same settlement function that\n"
      "made it, then checked against the statement. Give one of the selectors below.\n"
      "Exit 0 when explained, 2 for an unknown selector or a bad scenario, 3 if a derivation\n"
      "differs from the statement (a bug: please report it).");
  cmd->add_option("target", opt->target, "A run's output folder (or its results.sqlite), or a scenario file")
      ->required()
      ->check(CLI::ExistingPath);
  auto* line = cmd->add_option("--line", opt->line,
                               "INSTRUCTION@HOUR: one line of hourly.csv (HOUR as its hour_start, "
                               "2022-12-23T16:00, or HE17); `all` explains every line");
  auto* failure = cmd->add_option("--failure", opt->failure, "INSTRUCTION: why it is (or is not) a failed occasion, "
                                                            "and what it disqualifies (rules.md 4.8)");
  auto* capacity = cmd->add_option("--capacity", opt->capacity, "RESOURCE:SEASON: days paid and amount (4.9)");
  auto* allocation = cmd->add_option("--allocation", opt->allocation, "LSE: its share of every charged hour (4.10)");
  auto* eo = cmd->add_option("--eo", opt->eo, "MP:SEASON: ClearedMW by day, NonPerfMW and the EO (5)");
  for (auto* o : {line, failure, capacity, allocation, eo}) {
    for (auto* other : {line, failure, capacity, allocation, eo}) {
      if (o != other) o->excludes(other);
    }
  }
  cmd->add_flag("--json", opt->json, "Print JSON (an array of figures) instead of text");
  cmd->callback([opt] {
    std::vector<reports::ExplainedFigure> figures;
    try {
      BaselineSteps baselines;
      const sim::SimulateOptions options = opt->line.empty() ? sim::SimulateOptions{} : baseline_steps_for(opt->line, baselines);
      const RunResult r = run_scenario(scenario_of(opt->target), false, options);
      if (!opt->line.empty()) figures = explain_lines(r, opt->line, baselines);
      else if (!opt->failure.empty()) figures.push_back(explain_failure(r, opt->failure));
      else if (!opt->capacity.empty()) figures.push_back(explain_capacity(r, opt->capacity));
      else if (!opt->allocation.empty()) figures.push_back(explain_allocation(r, opt->allocation));
      else if (!opt->eo.empty()) figures = explain_eo(r, opt->eo);
      else throw std::runtime_error("give one of --line, --failure, --capacity, --allocation, --eo (see --help)");
    } catch (const InputError&) {
      throw;  // the scenario's problems, printed by main with their places
    } catch (const std::runtime_error& e) {
      std::cerr << "drsim explain: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
    if (opt->json) {
      std::cout << reports::explain_json(figures);
    } else {
      for (std::size_t i = 0; i < figures.size(); ++i) std::cout << (i ? "\n" : "") << reports::explain_text(figures[i]);
    }
    for (const auto& f : figures) {
      if (!f.matches_statement) {
        std::cerr << "drsim explain: the derivation of " << f.kind << " " << f.subject
                  << " differs from the statement (a bug: please report it)\n";
        exit_with(kExitInternal);
      }
    }
  });
}};

}  // namespace
}  // namespace drsim::app
