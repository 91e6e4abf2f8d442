// Runs Monte Carlo trials in parallel, each settled by the same code as `drsim run`.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/exposure_model.hpp"
#include "sim/exposure_trial_result.hpp"
#include "settlement/market.hpp"
#include "settlement/statement.hpp"
#include "sim/exposure_kernel.hpp"
#include "sim/exposure_trial.hpp"

namespace drsim::sim {

struct ExposureBatch {
  std::vector<TrialResult> results;  // completed trials, by trial index
  bool cancelled = false;            // stopped early: results hold only the completed trials
};

class ExposureRunner {
 public:
  // Settles the base year without events once: the EO a trial's loss is measured from.
  ExposureRunner(const Market& file, ExposureModel model);
  ExposureRunner(const ExposureRunner&) = delete;  // the kernel refers to the members
  ExposureRunner& operator=(const ExposureRunner&) = delete;

  const Market& base() const { return base_; }
  const ExposureModel& model() const { return model_; }
  Money eo_without_events() const { return eo_without_events_; }

  TrialScenario trial_scenario(std::uint64_t seed, std::uint64_t trial) const;
  // Settles one trial: its drawn year through the trial kernel (the settlement functions of
  // `drsim run` on the draws), or, where the kernel declines (a trial that fails), run_full_trial.
  TrialResult run_trial(std::uint64_t seed, std::uint64_t trial) const;
  // Builds the trial's scenario and simulates and settles it (sim::simulate + settle, as `drsim run`).
  TrialResult run_full_trial(std::uint64_t seed, std::uint64_t trial) const;
  // The figures of a settled trial.
  TrialResult result_of(std::uint64_t trial, const TrialScenario& t, const Statement& st) const;

  // Runs trials [first, end) on a boost::asio::thread_pool of `threads` threads: the trials are
  // posted as tasks of a few consecutive trials each, and each result is stored in its slot by
  // trial index, so nothing depends on the thread count or timing. Stops starting new trials once
  // *cancel is set (the completed ones are kept); `progress(done)` is called about every 100 ms on
  // the calling thread. Rethrows the error of the lowest failing trial (every trial below it runs).
  ExposureBatch run(std::uint64_t seed, std::uint64_t first, std::uint64_t end, unsigned threads,
                    const std::atomic<bool>* cancel = nullptr,
                    const std::function<void(std::uint64_t done)>& progress = {}) const;

 private:
  Market base_;
  ExposureModel model_;
  ExposureFrame frame_;
  Money eo_without_events_;
  std::map<std::string, std::uint32_t> resource_index_;
  TrialKernel kernel_;
};

// Settles a market with inline meter rows exactly as `drsim run` does (without the event
// trace, which no figure of a statement reads).
Statement settle_inline(const Market& s, const std::vector<MeterRow>& meter_rows);

}  // namespace drsim::sim
