// Where a row of an hourly series was written, for `drsim explain`: the series' CSV file and the
// row's line, or the series' entry in the scenario file (inline rows, a flat RSG rate).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario.hpp"

namespace drsim::scenarios {

// The columns of a series' CSV file (and of its inline rows): [key,] hour_start, value.
const std::vector<std::string>& series_columns(std::string_view series);

// `file:line` of the row of `series` (lmp, rsg, baseline, lse_load) for `key` (empty for rsg) at
// `hour`: the CSV is read again to find it. For inline rows or a flat rate, the scenario file and
// the line of the series' entry; "series.NAME" when the scenario has no such series.
std::string series_row_place(const Scenario& s, std::string_view series, const std::string& key, MarketTime hour);

}  // namespace drsim::scenarios
