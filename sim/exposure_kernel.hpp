// The trial kernel: a drawn year settled by the functions `drsim run` settles with (settle_hour,
// the 4.1 exemption stages, count_failures, capacity_line, earnings_opportunity), without
// building the trial's scenario, its meter integrator, event engine, ledger or allocation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "settlement/market.hpp"
#include "settlement/money.hpp"
#include "sim/exposure_draw.hpp"
#include "sim/exposure_model.hpp"
#include "sim/exposure_trial_result.hpp"

namespace drsim::sim {

class TrialKernel {
 public:
  // `base` (an exposure_base), `model` and `frame` must outlive the kernel.
  TrialKernel(const Market& base, const ExposureModel& model, const ExposureFrame& frame, Money eo_without_events);

  // The figures of the drawn year `y` of trial `trial`: those simulate + settle give on its
  // scenario (build_trial). None when the full path would fail the trial (a charge in an
  // emergency whose LBAs have no LSE with a load_ratio_share to allocate it to): the runner
  // then runs the full path, which reports it.
  std::optional<TrialResult> settle(std::uint64_t trial, const DrawnYear& y) const;

 private:
  const Market& base_;
  const ExposureModel& model_;
  const ExposureFrame& frame_;
  Money eo_without_events_;
  std::vector<std::vector<const Availability*>> availability_;  // per resource
  std::vector<std::vector<const Outage*>> outages_;             // per resource (the base's planned ones)
  std::vector<std::array<bool, 4>> declared_;                   // per resource, season: 3.4's declared availability
  std::vector<Money> capacity_;                                 // per resource: its capacity when not disqualified this year
  Money capacity_total_;                                        // the sum of capacity_
  std::vector<bool> allocatable_;                               // per coverage option: a charge has LSE shares to go to
  std::unordered_map<std::string_view, std::uint32_t> index_;   // resource id -> index
};

}  // namespace drsim::sim
