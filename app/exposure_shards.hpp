// Reads the output folders of `drsim exposure --shard` back for `drsim exposure-merge`.
#pragma once

#include <string>
#include <vector>

#include "reports/exposure_outputs.hpp"
#include "sim/exposure_trial_result.hpp"

namespace drsim::app {

struct ExposureShard {
  std::string dir;
  reports::ExposureRunInfo info;
  std::vector<sim::TrialResult> results;  // ordered by trial
};

// Reads exposure_run.csv, exposure_resources.csv and exposure.csv of one folder. Throws InputError naming each bad row.
ExposureShard read_exposure_shard(const std::string& dir);

// Checks that the shards are one study (same scenario hash, seed, trials and resources,
// none partial) whose slices cover 0..N-1 exactly once, and joins them in trial order.
// Throws InputError with every problem found.
ExposureShard merge_exposure_shards(std::vector<ExposureShard> shards);

}  // namespace drsim::app
