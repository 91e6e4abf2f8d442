// The warnings a settlement raises from its hourly lines: the flags an analyst must act on.
#pragma once

#include <vector>

#include "problem.hpp"
#include "statement.hpp"

namespace drsim {

// One warning per instruction and kind, for the hours flagged no_advanced_reporting,
// late_advanced_reporting, target_below_instruction (the availability review) or
// missing_meter, in that order of kinds and in the lines' order of instructions; each
// named by key (`instructions.SI-1`, for the caller to place in the file) and listing
// its hours: "no advanced reporting at or before the start: the full instruction is
// penalized (2025-07-15 HE16, HE17)".
std::vector<Problem> hour_warnings(const std::vector<HourlyLine>& hourly);

}  // namespace drsim
