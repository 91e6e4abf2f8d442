// One Monte Carlo trial's scenario: the base scenario with a drawn year of emergencies and responses.
#pragma once

#include <cstdint>

#include "settlement/exposure_model.hpp"
#include "settlement/scenario.hpp"

namespace drsim::sim {

// The base of an exposure study: the file's market, registrations, availability,
// planned outages, rules and eo, with its own emergencies, instructions, advanced
// reporting and series removed (a trial draws its own).
Scenario exposure_base(const Scenario& file);

struct TrialScenario {
  Scenario scenario;
  int emergencies = 0;
};

// Draws trial `trial` of the study from the stream of (seed, trial) and builds its scenario
// (docs/exposure.md gives the order of the draws and how responses become meter rows).
TrialScenario build_trial(const Scenario& base, const ExposureModel& model, std::uint64_t seed, std::uint64_t trial);

}  // namespace drsim::sim
