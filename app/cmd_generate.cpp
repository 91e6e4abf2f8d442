// drsim generate: writes a synthetic, valid scenario (YAML and series CSVs) of any size from a seed.
#include <chrono>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/command_registry.hpp"
#include "reports/output_folder.hpp"
#include "scenarios/generator/generator.hpp"

namespace {

const drsim::app::RegisterCommand generate_command{80, [](CLI::App& app) {
  auto options = std::make_shared<drsim::generator::Options>();
  CLI::App* cmd = app.add_subcommand(
      "generate",
      "Write a synthetic scenario (scenario.yaml and data/*.csv) from a seed: 4 LBAs in 3 zones, DR and BTMG "
      "resources, emergencies with instructions, advanced reporting, outages, hourly LMP and RSG and meter data for "
      "every interval. Same seed, same bytes.");
  cmd->add_option("--resources", options->resources, "number of resources (1..100000)")->capture_default_str();
  cmd->add_option("--days", options->days, "market days from planning_year-06-01")->capture_default_str();
  cmd->add_option("--interval-minutes", options->interval_minutes, "meter interval in minutes: 5, 15 or 60")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "seed of the pseudo-random draws")->capture_default_str();
  cmd->add_option("--planning-year", options->planning_year, "planning year N (June N .. May N+1)")
      ->capture_default_str();
  cmd->add_flag("--lse-load", options->lse_load, "also write data/lse_load.csv (hourly MWh per LSE)");
  auto force = std::make_shared<bool>(false);
  cmd->add_option("--out", options->out, "folder to write (must not exist or be empty, unless --force)")->required();
  cmd->add_flag("--force", *force, "Replace a non-empty output folder");
  cmd->callback([options, force] {
    const auto started = std::chrono::steady_clock::now();  // for the user's information only
    drsim::generator::Summary s;
    try {
      // Like every command's output folder: whole or not at all, never over other files unasked.
      drsim::reports::OutputFolder folder(options->out, *force);
      drsim::generator::Options staged = *options;
      staged.out = folder.staging().string();
      s = drsim::generator::generate(staged);
      folder.commit();
    } catch (const std::runtime_error& e) {
      std::cerr << "drsim generate: " << e.what() << '\n';
      drsim::app::exit_with(drsim::app::kExitInvalid);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format(
        "wrote {}/scenario.yaml: {} resources, {} LSEs, {} emergencies, {} instructions ({} with advanced "
        "reporting), {} outages; {} meter rows, {} LMP rows, {} baseline rows; {:.1f} MB in {:.1f} s\n",
        options->out, s.resources, s.lses, s.emergencies, s.instructions, s.advanced_reports, s.outages,
        s.meter_rows, s.lmp_rows, s.baseline_rows, static_cast<double>(s.bytes) / 1e6, secs);
    drsim::app::exit_with(drsim::app::kExitOk);
  });
}};

}  // namespace
