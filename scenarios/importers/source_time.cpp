// Time conventions of the raw sources, converted to market-time (EST) hour starts.
#include "scenarios/importers/source_time.hpp"

#include <stdexcept>
#include <string>
#include <variant>

namespace drsim::importers {

MarketTime hour_start_from_he(Date market_day, int he) {
  if (he < 1 || he > 24) throw std::invalid_argument("hour ending must be 1..24, got " + std::to_string(he));
  return MarketTime::at(market_day, he - 1);
}

MarketTime est_hour_start_from_utc_hour_ending(MarketTime utc_end) {
  return utc_end - Duration::hours(6);
}

std::optional<MarketTime> parse_civil_time(std::string_view text) {
  std::string t(text);
  if (t.size() == 19 && t[10] == ' ') t[10] = 'T';       // "2019-01-28 00:00:00"
  if (t.size() == 13 && t[10] == 'T') t += ":00";         // "2026-01-25T12"
  // Only a bare civil time is accepted: an offset would make parse_market_time convert it.
  if (t.size() != 16 && t.size() != 19) return std::nullopt;
  auto parsed = parse_market_time(t);
  if (const auto* time = std::get_if<MarketTime>(&parsed)) return *time;
  return std::nullopt;
}

}  // namespace drsim::importers
