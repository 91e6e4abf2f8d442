// One meter interval as the simulator integrates it (rules.md 2).
#pragma once

#include <string>

#include "settlement/market_time.hpp"
#include "settlement/units.hpp"

namespace drsim {

// MW averaged over [start, start + minutes).
struct MeterRow {
  std::string resource;
  MarketTime start;
  int minutes = 60;
  Mw mw;
  int line = 0;  // line in its file (or the scenario file for inline rows), for the reader's problems
};

}  // namespace drsim
