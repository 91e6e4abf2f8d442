// The figures of one settled Monte Carlo trial: one row of exposure.csv.
#pragma once

#include <cstdint>
#include <vector>

#include "settlement/money.hpp"

namespace drsim::sim {

struct TrialResult {
  std::uint64_t trial = 0;
  Money penalty, energy_charge, rsg_charge, capacity, eo_before, eo, eo_loss;
  int emergencies = 0;
  int instructions = 0;
  std::vector<std::uint32_t> disqualified;  // indices into the scenario's resources, ascending
};

}  // namespace drsim::sim
