// Peak Proxy Load: select the coincident readings, keep the 20 highest, average them.
#include "settlement/btm/peak_proxy_load.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace drsim::btm {

PeakProxyLoad peak_proxy_load(const std::vector<HourlyLoad>& host_load,
                              const std::vector<MarketTime>& peak_hours) {
  std::map<MarketTime, Mw> by_hour;
  for (const auto& r : host_load) {
    if (!by_hour.emplace(r.hour_start, r.load).second) {
      throw std::invalid_argument("two host-load readings for the hour " + r.hour_start.str());
    }
  }
  const std::set<MarketTime> peaks(peak_hours.begin(), peak_hours.end());
  PeakProxyLoad out;
  for (MarketTime h : peaks) {
    auto it = by_hour.find(h);
    if (it != by_hour.end()) out.used.push_back({h, it->second});
  }
  out.coincident_hours_metered = static_cast<int>(out.used.size());
  if (out.coincident_hours_metered < kPeakProxyHours) {
    throw std::invalid_argument("only " + std::to_string(out.coincident_hours_metered) +
                                " of the NYCA peak hours have a host-load reading, 20 are needed");
  }
  // Highest first; equal loads by hour so the list is repeatable (the average is not affected).
  std::stable_sort(out.used.begin(), out.used.end(),
                   [](const HourlyLoad& a, const HourlyLoad& b) { return a.load > b.load; });
  out.used.resize(kPeakProxyHours);
  Decimal sum;
  for (const auto& r : out.used) sum += r.load.value();
  out.value = Mw(Decimal::div(sum, Decimal::from_int(kPeakProxyHours)));
  return out;
}

}  // namespace drsim::btm
