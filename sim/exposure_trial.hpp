// One Monte Carlo trial's market: the base market with a drawn year of emergencies and responses.
#pragma once

#include <cstdint>

#include "sim/exposure_draw.hpp"
#include "sim/exposure_model.hpp"
#include "settlement/market.hpp"
#include "sim/meter_row.hpp"

namespace drsim::sim {

// The base of an exposure study: the file's market, registrations, availability,
// planned outages, rules and eo, with its own emergencies, instructions, advanced
// reporting and series removed (a trial draws its own).
Market exposure_base(const Market& file);

struct TrialScenario {
  Market market;
  std::vector<MeterRow> meter_rows;  // inline meter rows of the drawn responses
  int emergencies = 0;
};

// Draws trial `trial` of the study from the stream of (seed, trial) and builds its scenario
// (docs/exposure.md gives the order of the draws and how responses become meter rows).
TrialScenario build_trial(const Market& base, const ExposureModel& model, std::uint64_t seed, std::uint64_t trial);
// The same, with the study's frame found once (the runner's).
TrialScenario build_trial(const Market& base, const ExposureModel& model, const ExposureFrame& frame,
                          std::uint64_t seed, std::uint64_t trial);

}  // namespace drsim::sim
