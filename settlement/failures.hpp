// Failed occasions, their counting, and ACP disqualification (rules.md 4.8).
#pragma once

#include <string>
#include <vector>

#include "calendar.hpp"
#include "explanation.hpp"
#include "rules.hpp"

namespace drsim {

// An instruction with a chargeable shortfall in an hour that counts (4.8).
struct FailedOccasion {
  std::string resource_id;
  std::string instruction_id;
  SeasonKey season;   // of the instruction's start
  MarketTime start;
  MarketTime end;     // effective end of the window
};

struct FailureLine {
  FailedOccasion occasion;
  bool counted = false;
  bool disqualified = false;  // the counted failure that disqualifies the resource
};

// An ACP disqualification in effect over the market days [from, until).
struct Disqualification {
  std::string resource_id;
  Date from;
  Date until;  // exclusive: the first day of the planning year after next
};

struct FailureOutcome {
  std::vector<FailureLine> lines;               // every failed occasion, by resource, season, start, instruction
  std::vector<Disqualification> disqualifications;
};

// Counts failed occasions per resource, planning year and season in order of
// start (then instruction id): the first is counted, a later one when it starts
// at least failure_separation_h after the start (or end) of the last counted one;
// the second counted one disqualifies from the next (or same) market day to the
// end of the next planning year. Occasions of different seasons never pair.
// With `why`, adds the steps that decide the occasion of instruction `explained` (drsim explain --failure).
FailureOutcome count_failures(const std::vector<FailedOccasion>& occasions, const Rules& rules, Explanation* why = nullptr,
                              std::string_view explained = {});
// The same, into `out` (overwritten, its buffers reused: the exposure kernel counts a trial's
// failures this way, trial after trial).
void count_failures_into(const std::vector<FailedOccasion>& occasions, const Rules& rules, FailureOutcome& out,
                         Explanation* why = nullptr, std::string_view explained = {});

}  // namespace drsim
