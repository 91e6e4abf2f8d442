// Flags carried by an instruction-hour line: facts an analyst must see beside the figures.
#pragma once

#include <cstdint>
#include <string>

namespace drsim {

enum Flag : std::uint32_t {
  kNoAdvancedReporting = 1U << 0,     // no reporting at or before start: full instruction penalized
  kLateAdvancedReporting = 1U << 1,   // an entry came after start and was ignored
  kTargetBelowInstruction = 1U << 2,  // reported target below the instructed MW (availability review)
  kMissingMeter = 1U << 3,            // an interval of the obligated part is missing: actual 0
  kOutageExcused = 1U << 4,           // maintenance/force-majeure outage: charged, never a failure
  kForcedOutage = 1U << 5,            // a forced outage overlaps the hour (excuses nothing)
  kNotAcknowledged = 1U << 6,         // settled, but not a deployment
  kNotPenalized = 1U << 7,            // BTMG with penalize_btmg false: measured only
  kDefaultBaseline = 1U << 8,         // baseline computed by rules.md 4.6
  kSameDayAdjusted = 1U << 9,         // default baseline scaled by the same-day ratio
  kWithinTolerance = 1U << 10,        // a shortfall at or below the tolerance: no charge
  kMissingBaseline = 1U << 11,        // baseline protocol hour without a baseline value
};

// Flags joined with ';' in a fixed order, as format.md's `flags` column.
std::string flags_text(std::uint32_t flags);

}  // namespace drsim
