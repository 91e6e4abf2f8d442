// OpenADR's dateTime and duration strings (ISO 8601) for market times and lengths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "settlement/market_time.hpp"

namespace drsim::drill {

// A market time as an OpenADR dateTime: "2025-07-15T15:00:00-05:00" (market time is EST).
std::string iso_time(MarketTime t);
// An OpenADR dateTime (any offset, or Z) as market time; nothing when it is not one.
std::optional<MarketTime> parse_iso_time(std::string_view text);

// A length as an ISO 8601 duration: "PT1H", "PT15M", "PT4H30M", "PT0S".
std::string iso_duration(Duration d);
// "PT#H#M#S" and "P#DT..." (days of 24 hours); nothing for months, years, weeks or a sign.
std::optional<Duration> parse_iso_duration(std::string_view text);

}  // namespace drsim::drill
