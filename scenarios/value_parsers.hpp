// Parsers for the scalar values of scenario files and series: exact numbers, times, ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "settlement/decimal.hpp"
#include "settlement/market_time.hpp"
#include "settlement/money.hpp"

namespace drsim::scenarios {

// Each returns what is wrong (lower-case, naming the text), or nothing when `out` was set.
// Numbers are read from their text with Decimal::parse, never through a double.
std::optional<std::string> parse_number(std::string_view text, Decimal& out);
// As parse_number, and the value must not be negative.
std::optional<std::string> parse_non_negative(std::string_view text, Decimal& out);
std::optional<std::string> parse_integer(std::string_view text, long long& out);
std::optional<std::string> parse_time(std::string_view text, MarketTime& out);
// A time that must also be the start of a settlement hour.
std::optional<std::string> parse_hour_start(std::string_view text, MarketTime& out);
std::optional<std::string> parse_day(std::string_view text, Date& out);
// Dollars with at most two decimals (expect: figures, cap_usd).
std::optional<std::string> parse_money(std::string_view text, Money& out);

// Plausibility limits of docs/format.md ("Limits and hostile input"): they keep
// every product and sum of the rules far inside the exact integer ranges.
inline constexpr long long kMaxMw = 100'000;        // any MW or MWh value
inline constexpr long long kMaxValue = 1'000'000;   // any other number ($/MWh, $/MW-day, hours, shares)
// What is wrong when `value` passes the limit of the quantity named by `name` (a
// key path or CSV column: one that mentions "mw" but not "usd" is MW or MWh).
std::optional<std::string> check_limit(std::string_view name, Decimal value);

}  // namespace drsim::scenarios
