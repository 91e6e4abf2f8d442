// Prints a scenario's warnings on stderr, and their count and first few on stdout after the
// figures of `drsim run`: the one place validate, run and check do it.
#pragma once

#include <cstddef>
#include <string>

#include "scenarios/scenario.hpp"

namespace drsim::app {

// Each warning on its own line of stderr, as `file:line:column: warning: key.path: what`.
void print_warnings(const Scenario& s);

// How many warnings shown after the figures; summary.json, results.sqlite and report.html list all.
inline constexpr std::size_t kWarningsShown = 5;

// The lines after `drsim run`'s figures: the count ("none" without warnings), then the first
// `shown`, each with its scenario line and entity, and how many more there are. The
// scenario's warnings come first, then the settlement's hours to act on (`settled`: the
// statement's warnings, which stderr does not repeat).
std::string warnings_summary(const Scenario& s, const std::vector<Problem>& settled = {},
                             std::size_t shown = kWarningsShown);

}  // namespace drsim::app
