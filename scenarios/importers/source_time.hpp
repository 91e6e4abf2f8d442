// Time conventions of the raw sources, converted to market-time (EST) hour starts.
#pragma once

#include <optional>
#include <string_view>

#include "settlement/market_time.hpp"

namespace drsim::importers {

// MISO market reports label hours Hour Ending 1..24 in EST: HE h of a market
// day covers [day + (h-1) h, day + h h). Throws std::invalid_argument outside 1..24.
MarketTime hour_start_from_he(Date market_day, int he);

// EIA-930 stamps an hourly value with the UTC instant that ENDS its hour. EST is
// UTC-5 all year, so the hour starts at utc_end - 5 h - 1 h = utc_end - 6 h.
// `utc_end` is the UTC civil time held in a MarketTime without conversion.
MarketTime est_hour_start_from_utc_hour_ending(MarketTime utc_end);

// Reads a civil timestamp without any zone conversion: `YYYY-MM-DD HH:MM:SS`,
// `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DDTHH` (EIA API v2 "period").
std::optional<MarketTime> parse_civil_time(std::string_view text);

}  // namespace drsim::importers
