// EIA-930 demand importer: UTC hour-ending MW of a MISO (sub-)BA, split into LSE loads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/importers/series_writer.hpp"
#include "scenarios/importers/source_csv.hpp"

namespace drsim::importers {

// One hour of demand: EST hour start and MW (= MWh over the hour).
struct HourlyLoad {
  MarketTime hour;
  Decimal mwh;
};

// Reads either EIA-930 layout, sorted by hour:
//  - `date_time,demand (MW)[,forecast demand (MW)]` (one BA per file), or
//  - EIA API v2 `period,subba,subba-name,parent,value,value-units` (rows of
//    `subba` only; the file may be in any order).
// Timestamps are UTC hour-ending and become EST hour starts (utc_end - 6 h).
// A blank demand cell is a missing hour (left out); a repeated hour is a problem.
std::vector<HourlyLoad> import_eia930(SourceCsv& in, const std::optional<std::string>& subba,
                                      const DateFilter& filter);

// Splits each hour's load across LSEs: lse MWh = load x share, rounded to 6 places.
std::vector<SeriesRow> split_load(const std::vector<HourlyLoad>& load,
                                  const std::vector<std::pair<std::string, Decimal>>& shares);

}  // namespace drsim::importers
