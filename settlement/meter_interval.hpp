// One meter interval as the simulator integrates it: the resource by its index, the values in their units.
#pragma once

#include <cstdint>

#include "market_time.hpp"
#include "units.hpp"

namespace drsim {

// MW averaged over [start, start + length()) (rules.md 2). `resource` is the
// resource's index in the market's resource list; `start` is aligned to the
// interval's length (5, 15 or 60 minutes); |mw| <= 100,000 MW (format.md limits),
// negative allowed.
struct MeterInterval {
  MarketTime start;
  Mw mw;
  std::uint32_t resource = 0;
  std::int32_t minutes = 60;
  Duration length() const { return Duration::minutes(minutes); }
};

}  // namespace drsim
