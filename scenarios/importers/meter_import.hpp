// Building meter importer: hourly kWh readings scaled into a resource's MW meter.
#pragma once

#include <string>
#include <vector>

#include "scenarios/importers/series_writer.hpp"
#include "scenarios/importers/source_csv.hpp"

namespace drsim::importers {

// An assumed response over [start, end) in market time: the metered MW in those
// hours is the scaled building load x fraction (rounded to 6 places).
struct ResponseWindow {
  MarketTime start;
  MarketTime end;
  Decimal fraction;
  bool contains(MarketTime t) const { return start <= t && t < end; }
};

struct MeterRecipe {
  std::string resource;
  Decimal factor = Decimal::from_int(1);  // MW = kWh / 1000 x factor (dimensionless)
  int shift_days = 0;                     // calendar shift of the readings, whole days
  std::vector<ResponseWindow> windows;
  bool windows_only = false;              // emit only the hours inside the windows
  DateFilter filter;                      // on the shifted market day
};

// Reads `datetime,equipment load [kWh]` (hourly kWh = average kW, clock time,
// used as market time by calendar; shifted by `shift_days`), and returns one
// 60-minute interval per reading.
std::vector<MeterInterval> import_building_meter(SourceCsv& in, const MeterRecipe& recipe);

}  // namespace drsim::importers
