// The obligation schedule of each instruction (rules.md 3.2, 4, 4.1): a pure function of the market data.
#pragma once

#include <optional>
#include <vector>

#include "settlement/calendar.hpp"
#include "settlement/exact_time.hpp"
#include "settlement/market.hpp"

namespace drsim::sim {

// One settlement hour of an instruction window.
struct HourObligation {
  MarketTime hour;           // start of the settlement hour
  ExactDuration obligated;   // its part in the obligated part [start, obligated_end), exact
  // The part the meter average is taken over: the obligated part of the hour, or
  // for an hour wholly past it, its part of the window (for the record only).
  ExactTime measure_from;
  ExactTime measure_to;
  MarketTime settle_at;      // when it is settled: its end within the window, never before active_at
};

// When each status of an instruction falls due and what it is obliged to do, hour by hour.
struct ObligationSchedule {
  std::size_t instruction = 0;  // index into the instructions
  std::size_t resource = 0;     // index into the resources
  SeasonKey season;             // of start
  const SeasonRegistration* registration = nullptr;  // in that season; null when not listed
  MarketTime effective_end;     // end, or a withdrawal at or after start (3.2)
  ExactTime obligated_end;      // min(effective_end, start + max_duration_h) (4), exact
  // Withdrawn at or before start - rules.withdrawal_notice_h: exempt as withdrawn (4.1) and
  // its window days stay eligible baseline days (4.6).
  bool withdrawn_in_time = false;
  std::optional<MarketTime> withdrawal_at;  // the withdrawal, taken no earlier than issue
  // Near from start - notification_h, at the next whole second (the instant may fall
  // between seconds, 1a); none unless strictly between issue and start.
  std::optional<MarketTime> near_at;
  MarketTime active_at;     // start, or issue when issued at or after start (short notice)
  MarketTime completed_at;  // effective_end, never before active_at
  std::vector<HourObligation> hours;
};

// The settlement hours of a window [start, end): none when it is empty (a withdrawal at
// its very start, 3.2), so such a window has no hour, no charge and no failure.
std::vector<MarketTime> window_hours(MarketTime start, MarketTime end);

// The schedule of every instruction, ordered by start, then id. Each instruction's
// resource must be one of `resources` (the loader checks it; std::out_of_range if not).
std::vector<ObligationSchedule> plan_obligations(const std::vector<Instruction>& instructions,
                                                 const std::vector<Resource>& resources, const Rules& rules);

}  // namespace drsim::sim
