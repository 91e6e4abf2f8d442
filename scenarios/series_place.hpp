// Where a row of an hourly series was written, for `drsim explain`: the series' CSV file and the
// row's line, or the series' entry in the scenario file (inline rows, a flat RSG rate).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario.hpp"

namespace drsim::scenarios {

// The columns of a series' CSV file (and of its inline rows): [key,] hour_start, value.
const std::vector<std::string>& series_columns(std::string_view series);

// `file:line` of the row of `series` (lmp, rsg, baseline, lse_load) for `key` (empty for rsg) at
// `hour`: each series' CSV is read again once, on first use, into an index of its rows' lines. For
// inline rows or a flat rate, the scenario file and the line of the series' entry; "series.NAME"
// when the scenario has no such series.
class SeriesPlaces {
 public:
  explicit SeriesPlaces(const Scenario& s) : s_(s) {}
  std::string place(std::string_view series, const std::string& key, MarketTime hour);

 private:
  const Scenario& s_;
  std::map<std::string, std::map<std::pair<std::string, std::int64_t>, int>, std::less<>> lines_;  // per CSV series
};

}  // namespace drsim::scenarios
