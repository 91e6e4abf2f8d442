// The output files of `drsim exposure` and `drsim exposure-merge`, from the trial results alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/exposure_trial_result.hpp"

namespace drsim::reports {

// What a run (or a shard) was: enough for exposure-merge to check shards belong together.
struct ExposureRunInfo {
  std::string scenario_name;
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  std::uint64_t trials = 0;  // N of the whole study
  std::uint64_t first = 0;   // the trials of this output: [first, end)
  std::uint64_t end = 0;
  bool partial = false;      // stopped early (Ctrl-C): only the completed trials are written
  std::vector<std::string> resources;  // resource ids in scenario order (sim::TrialResult::disqualified indexes them)
};

inline constexpr int kHistogramBins = 20;

// Writes exposure.csv, exposure_summary.json, exposure_summary.csv,
// exposure_disqualification.csv, exposure_histogram.csv and exposure_run.csv into
// `dir`. `results` are ordered by trial. The bytes depend only on the arguments.
void write_exposure_outputs(const std::string& dir, const ExposureRunInfo& info,
                            const std::vector<sim::TrialResult>& results);

std::string exposure_summary_json(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results);

}  // namespace drsim::reports
