// The drawn year of one Monte Carlo trial, as values: what build_trial turns into a scenario and
// the trial kernel settles directly. One drawing code for both, so they settle the same draws.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/market.hpp"
#include "sim/exposure_model.hpp"

namespace drsim::sim {

// What the draws need of the base market and the model, found once per study: for each
// coverage option and season, the resources an emergency gives an instruction (covered and
// registered), in the order of the market's resources.
struct ExposureFrame {
  struct Eligible {
    std::uint32_t resource = 0;  // index into the market's resources
    Mw mw;                       // cleared + FRAP MW of the season: the instruction's MW
  };
  // Per coverage option (an index of model.coverage, or the one option "every LBA" when the
  // model lists none), per season.
  std::vector<std::array<std::vector<Eligible>, 4>> eligible;
  std::vector<const DecimalRange*> delivered;  // per resource: model.delivered_for
  ExposureFrame(const Market& base, const ExposureModel& model);
};

// One instruction of a drawn emergency: a resource's draws.
struct DrawnResponse {
  std::uint32_t resource = 0;  // index into the market's resources
  Mw mw;                       // instructed MW (cleared + FRAP)
  bool outage = false;         // a forced outage over the window
  bool missing_report = false; // no advanced reporting
  Mw delivered;                // the MW it delivers: 0 in an outage, else fraction x MW
};

struct DrawnEmergency {
  Season season = Season::summer;
  std::uint32_t coverage = 0;  // index into ExposureFrame::eligible
  MarketTime start, end, issued;
  std::vector<UsdPerMwh> lmp;  // per hour of the window, to the cent
  UsdPerMwh rsg;
  std::uint32_t first = 0;     // its responses: DrawnYear::responses[first, first + count)
  std::uint32_t count = 0;
};

struct DrawnYear {
  std::vector<DrawnEmergency> emergencies;  // in date order (seasons in planning-year order)
  std::vector<DrawnResponse> responses;
  std::size_t hours() const;                // instruction-hours
};

// Draws trial `trial` from the stream of (seed, trial), in the order docs/exposure.md gives.
// `out` is overwritten (its buffers are reused).
void draw_year(const Market& base, const ExposureModel& model, const ExposureFrame& frame, std::uint64_t seed,
               std::uint64_t trial, DrawnYear& out);

// The ids a trial's scenario gives its k-th emergency (from 0) and that emergency's instruction
// of a resource: "EM-001" and "EM-001.R-7" (build_trial and the kernel's failed occasions).
std::string trial_emergency_id(std::size_t k);
std::string trial_instruction_id(std::string_view emergency_id, std::string_view resource);
void trial_instruction_id(std::string& out, std::string_view emergency_id, std::string_view resource);  // into `out`

// The LBAs of a coverage option.
const std::vector<std::string>& coverage_lbas(const Market& base, const ExposureModel& model, std::uint32_t coverage);

// The response as the meters record it (rules.md 2): the load under the baseline
// (baseline_factor x MW) or above the FSL, or the generation; never below 0.
Mw metered_mw(const Resource& r, const ExposureModel& model, const DrawnResponse& d);
// The baseline of a baseline-protocol response: baseline_factor x MW.
Mw drawn_baseline(const ExposureModel& model, const DrawnResponse& d);

}  // namespace drsim::sim
