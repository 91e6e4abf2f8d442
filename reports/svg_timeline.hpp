// The timeline chart of one emergency: its window, and each instruction's notice and deployment window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "settlement/market_time.hpp"

namespace drsim::reports {

struct TimelineInstruction {
  std::string id;
  std::string resource_id;
  MarketTime issued;
  MarketTime start;
  MarketTime end;
  std::optional<MarketTime> withdrawn;
  bool acknowledged = true;
};

struct TimelineEmergency {
  std::string id;
  std::string level;
  MarketTime start;
  MarketTime end;
  std::vector<TimelineInstruction> instructions;  // drawn in this order
};

// An SVG Gantt-style chart: one row for the emergency window, one per instruction
// with its notice [issued, start) and window [start, end) (cut at a withdrawal).
std::string emergency_timeline_svg(const TimelineEmergency& e);

}  // namespace drsim::reports
