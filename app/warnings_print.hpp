// Prints a scenario's warnings on stderr: the one place validate, run and check do it.
#pragma once

#include "scenarios/scenario.hpp"

namespace drsim::app {

// Each warning on its own line of stderr, as `file:line:column: warning: key.path: what`.
void print_warnings(const Scenario& s);

}  // namespace drsim::app
