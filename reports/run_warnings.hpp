// A run's warnings as the outputs list them: each with the entity it is about.
#pragma once

#include <string>

#include "scenarios/scenario.hpp"
#include "settlement/problem.hpp"

namespace drsim::reports {

// The entity a warning is about, as `kind.id` (the key shape of settle's problems, e.g.
// `resources.DR-1`, `emergencies.EM-1`), from its key path (`resources[0].fsl_mw`); "" when
// the path names no entity of the scenario.
std::string warning_entity(const Scenario& s, const Problem& w);

}  // namespace drsim::reports
