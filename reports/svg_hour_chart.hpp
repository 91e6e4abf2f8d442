// The chart of one resource's instruction-hours: instructed, target and actual MW, shortfall shaded.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "settlement/decimal.hpp"
#include "settlement/market_time.hpp"

namespace drsim::reports {

struct HourPoint {
  std::string instruction_id;
  MarketTime hour;                  // start of the settlement hour
  Decimal instructed;               // MW
  std::optional<Decimal> target;    // MW; none without advanced reporting
  std::optional<Decimal> actual;    // MW
  Decimal shortfall;                // MW
  bool charged = false;             // the hour carries a charge
  std::string exempt_reason;        // empty when none
  bool no_advanced_reporting = false;  // flagged: the full instruction is penalized (rules.md), drawn apart
};

// One slot per hour in the given order (a gap between instructions); `title` names the chart.
// html_script.cpp draws the same chart in the browser for the resources the page does not draw.
std::string resource_hour_chart_svg(const std::string& title, const std::vector<HourPoint>& hours);

}  // namespace drsim::reports
