// NYISO Peak Proxy Load (rules.md 7.2): the 20 highest host loads among the NYCA top-40 peak hours.
#pragma once

#include <vector>

#include "settlement/btm/hourly_load.hpp"

namespace drsim::btm {

inline constexpr int kPeakProxyHours = 20;  // how many of the highest coincident loads are averaged

struct PeakProxyLoad {
  Mw value;                        // average of `used`, rounded to 6 places, MW
  std::vector<HourlyLoad> used;    // the 20 highest coincident readings, highest first
  int coincident_hours_metered = 0;  // peak hours that had a reading
};

// The average of the 20 highest host-load readings whose hour is one of
// `peak_hours` (the prior Summer's and the Winter before it's NYCA top-40 hours;
// a repeated hour counts once). Throws std::invalid_argument when fewer than 20
// peak hours carry a reading, or when one hour has two readings.
PeakProxyLoad peak_proxy_load(const std::vector<HourlyLoad>& host_load,
                              const std::vector<MarketTime>& peak_hours);

}  // namespace drsim::btm
