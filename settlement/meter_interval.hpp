// One meter interval as the simulator integrates it: the resource by its index, exact integers only.
#pragma once

#include <cstdint>

namespace drsim {

// MW averaged over [start, start + minutes) (rules.md 2). `resource` is the
// resource's index in the market's resource list; `start` is whole seconds of
// market time, aligned to the interval's length (5, 15 or 60 minutes); `mw` is
// in millionths of a MW, |mw| <= 100,000 MW (format.md limits), negative allowed.
struct MeterInterval {
  std::int64_t start = 0;
  std::int64_t mw = 0;
  std::uint32_t resource = 0;
  std::int32_t minutes = 60;
};

}  // namespace drsim
