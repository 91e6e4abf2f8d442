// Warnings: non-fatal input problems (Scenario::warnings in scenarios/), and the one way they are written out.
#pragma once

#include <string>

#include "problem.hpp"

namespace drsim {

// `file:line:column: warning: key.path: what` (the shape of an error, with `warning:` after the place).
std::string warning_text(const Problem& w);

}  // namespace drsim
