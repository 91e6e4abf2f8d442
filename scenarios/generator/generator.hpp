// `drsim generate`: writes a synthetic, valid scenario (YAML and series CSVs) from a seed.
#pragma once

#include <cstdint>
#include <string>

namespace drsim::generator {

// What to generate. Same options, same bytes.
struct Options {
  int resources = 100;          // LMRs, 1..100000
  int days = 30;                // market days from planning_year-06-01, 1..days of the planning year
  int interval_minutes = 60;    // meter interval: 5, 15 or 60
  std::uint64_t seed = 1;
  int planning_year = 2025;     // 2000..2100
  bool lse_load = false;        // also write data/lse_load.csv (hourly MWh per LSE)
  std::string out;              // folder to write; created when missing
};

// What was written.
struct Summary {
  std::size_t resources = 0;
  std::size_t lses = 0;
  std::size_t emergencies = 0;
  std::size_t instructions = 0;
  std::size_t advanced_reports = 0;
  std::size_t outages = 0;
  std::uint64_t meter_rows = 0;
  std::uint64_t lmp_rows = 0;
  std::uint64_t baseline_rows = 0;
  std::uint64_t bytes = 0;      // all files together
};

// Checks the options (InputError naming each bad one), then writes
// `scenario.yaml` and `data/*.csv` into `options.out`. Each file is written
// under a temporary name and renamed when complete.
Summary generate(const Options& options);

}  // namespace drsim::generator
