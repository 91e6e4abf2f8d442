// The sections of report.html, each a function of the run's tables (used by html_report.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "reports/money_label.hpp"
#include "reports/run_tables.hpp"
#include "settlement/decimal.hpp"
#include "settlement/market_time.hpp"
#include "settlement/money.hpp"

namespace drsim::reports::html {

// Run header, rules in force, totals and per-resource totals.
std::string run_header_section(const RunTables& run);
std::string rules_section(const RunTables& run);
std::string totals_section(const RunTables& run);
// One timeline per emergency; one MW chart per resource; the hourly lines; the warnings.
std::string emergencies_section(const RunTables& run);
std::string resources_section(const RunTables& run);
std::string hourly_section(const RunTables& run);
std::string warnings_section(const RunTables& run);
// Failed occasions and disqualifications; capacity; EO; allocation.
std::string failures_section(const RunTables& run);
std::string capacity_section(const RunTables& run);
std::string eo_section(const RunTables& run);
std::string allocation_section(const RunTables& run);

// Shared helpers: exact parsing of stored text, and money for reading ("1,234.56").
Decimal decimal_or_zero(const std::string& text);
std::optional<Decimal> decimal_or_none(const std::string& text);
std::optional<MarketTime> time_or_none(const std::string& text);
// The exact amount of a stored *_usd text ("" reads as 0). The report sums these, not the
// *_cents INTEGER columns, which are NULL for cents beyond 64 bits (results_db.cpp).
Money money_of(const std::string& usd_text);
std::string money_text(Money amount);
std::string money_text(const std::string& usd_text);  // "613180.00" -> "613,180.00"
// Any exact decimal text with its integer digits grouped by thousands ("12817.5" -> "12,817.5");
// a text that is not a number passes unchanged.
std::string grouped(const std::string& decimal_text);
// A price: grouped, at least two decimals, never rounded ("7.8" -> "7.80", "1.125" stays).
std::string price_text(const std::string& decimal_text);
// "1 instruction", "2 instructions", "1,000 resources" (money_label.hpp).
using reports::plural;
// A planning year written one way everywhere: "2025" -> "PY 2025-26".
std::string py_text(const std::string& planning_year);
std::string section(const std::string& id, const std::string& heading, const std::string& body);

}  // namespace drsim::reports::html
