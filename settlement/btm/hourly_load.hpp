// An hourly metered load reading (MW in the hour starting at hour_start), shared by the BTM calculators.
#pragma once

#include "settlement/market_time.hpp"
#include "settlement/units.hpp"

namespace drsim::btm {

struct HourlyLoad {
  MarketTime hour_start;  // start of the settlement hour, market time
  Mw load;                // metered hourly integrated load, MW
};

}  // namespace drsim::btm
