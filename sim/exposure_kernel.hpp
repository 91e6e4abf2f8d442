// The trial kernel: a drawn year settled by the functions `drsim run` settles with (settle_hour,
// the 4.1 exemption stages, count_failures, capacity_line, earnings_opportunity), without
// building the trial's scenario, its meter integrator, event engine, ledger or allocation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "settlement/earnings.hpp"
#include "settlement/failures.hpp"
#include "settlement/market.hpp"
#include "settlement/money.hpp"
#include "sim/exposure_draw.hpp"
#include "sim/exposure_model.hpp"
#include "sim/exposure_trial_result.hpp"

namespace drsim::sim {

// The buffers one thread reuses from trial to trial (the kernel itself is shared and const).
struct KernelScratch {
  std::vector<ChargedShortfall> charged;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> failed;  // (resource, emergency) of each failed occasion
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted;  // the same in count_failures' order
  std::vector<std::uint32_t> place;                             // the counting sort's slots
  std::vector<std::string> emergency_ids;                       // trial_emergency_id(k), kept from trial to trial
  std::vector<FailedOccasion> occasions;
  FailureOutcome failures;
  std::vector<Disqualification> mine;                           // one resource's disqualifications
  std::vector<std::array<int, 4>> deployed;                     // per resource, season: deployments so far
  std::vector<const Outage*> outages;
};

class TrialKernel {
 public:
  // `base` (an exposure_base), `model` and `frame` must outlive the kernel.
  TrialKernel(const Market& base, const ExposureModel& model, const ExposureFrame& frame, Money eo_without_events);

  // The figures of the drawn year `y` of trial `trial`: those simulate + settle give on its
  // scenario (build_trial). None when the full path would fail the trial (a charge in an
  // emergency whose LBAs have no LSE with a load_ratio_share to allocate it to): the runner
  // then runs the full path, which reports it.
  std::optional<TrialResult> settle(std::uint64_t trial, const DrawnYear& y, KernelScratch& scratch) const;

 private:
  const Market& base_;
  const ExposureModel& model_;
  const ExposureFrame& frame_;
  Money eo_without_events_;
  std::vector<std::vector<const Availability*>> availability_;  // per resource
  std::vector<std::vector<const Outage*>> outages_;             // per resource (the base's planned ones)
  std::vector<std::array<bool, 4>> declared_;                   // per resource, season: 3.4's declared availability
  std::vector<Money> capacity_;                                 // per resource: its capacity when not disqualified this year
  std::vector<std::array<Money, 4>> season_capacity_;           // per resource, season: the same by season
  std::array<DateRange, 4> season_days_;                        // the planning year's seasons
  Money capacity_total_;                                        // the sum of capacity_
  std::vector<bool> allocatable_;                               // per coverage option: a charge has LSE shares to go to
  std::unordered_map<std::string_view, std::uint32_t> index_;   // resource id -> index
  std::vector<std::uint32_t> id_rank_;                          // per resource: its place in the order of ids
};

}  // namespace drsim::sim
