// Rows of drsim's hourly series and meter CSVs, and the writer of their files.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "settlement/decimal.hpp"
#include "settlement/market_time.hpp"

namespace drsim::importers {

// One row of an hourly series: key (cpnode or lse), hour start (market time), value.
struct SeriesRow {
  std::string key;
  MarketTime hour;
  Decimal value;
};

// One meter interval: resource, start (market time), length in minutes, MW.
struct MeterInterval {
  std::string resource;
  MarketTime start;
  int minutes = 60;
  Decimal mw;
};

// Keeps hours whose market day lies in [from, to] (both inclusive, either open).
struct DateFilter {
  std::optional<Date> from;
  std::optional<Date> to;
  bool admits(MarketTime t) const {
    const Date d = t.date();
    return (!from || *from <= d) && (!to || d <= *to);
  }
};

// `header` is the CSV's first line, e.g. "cpnode,hour_start,usd_per_mwh".
void write_series(std::ostream& out, const std::string& header, const std::vector<SeriesRow>& rows,
                  bool with_header);
void write_meter(std::ostream& out, const std::vector<MeterInterval>& rows, bool with_header);

}  // namespace drsim::importers
