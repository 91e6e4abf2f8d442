// Exemptions of whole instructions (rules.md 4.1) and single hours (4.2), and the
// instruction's effective and obligated windows (3.2, 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "exact_time.hpp"
#include "market.hpp"

namespace drsim {

enum class ExemptReason : std::uint8_t {  // one byte: HourRecord compares it apart from its flags
  none,
  not_registered,
  outside_availability,
  short_notice,
  withdrawn,
  max_interruptions,
  max_duration,
  outage_excused,
};
std::string_view name(ExemptReason r);

// The end of the instruction's window: a withdrawal at or after `start` ends it
// there (rules.md 3.2); an earlier one leaves the window as it was.
MarketTime effective_end(const Instruction& i);
// End of the obligated part `[start, min(end, start + max_duration_h))` (rules.md 4), exact:
// max_duration_h 1.333333 from 14:00 ends it at 15:19:59.9988 (rules.md 1a).
ExactTime obligated_end(const Instruction& i, const SeasonRegistration* reg);
// True when the withdrawal came at or before `start - withdrawal_notice_h` (exact duration).
bool withdrawn_in_time(const Instruction& i, const Rules& rules);

// What 4.1 needs to know about the resource in the instruction's season.
struct RegistrationFacts {
  const SeasonRegistration* registration = nullptr;  // null when the season is not listed
  bool declared_availability = false;  // DSRI availability above 0 at any time in the season
  int prior_deployments = 0;           // deployments of the season before this instruction
};

// The first reason of the table of 4.1 that holds, or `none`.
ExemptReason whole_instruction_exemption(const Instruction& i, const RegistrationFacts& facts,
                                         const Rules& rules);
// A deployment is an acknowledged instruction not exempt as a whole, or exempt only as withdrawn.
bool is_deployment(const Instruction& i, ExemptReason whole);

// 4.2 for the settlement hour starting at `hour`: `max_duration` when the hour lies wholly at
// or after the obligated end, else `outage_excused` when `excused_outage`, else none.
inline ExemptReason hour_exemption(MarketTime hour, ExactTime obligated_end, bool excused_outage) {
  if (ExactTime::of(hour) >= obligated_end) return ExemptReason::max_duration;
  if (excused_outage) return ExemptReason::outage_excused;
  return ExemptReason::none;
}

// The part [from, to) covers of the hour starting at `hour`, exactly (0 when none).
inline ExactDuration covered(MarketTime hour, ExactTime from, ExactTime to) {
  const ExactTime a = max(ExactTime::of(hour), from);
  const ExactTime b = min(ExactTime::of(hour + Duration::hours(1)), to);
  return b <= a ? ExactDuration{} : b - a;
}

// Instructed MW for MISO in an hour: min(instruction MW, available MW) (4.3).
inline Mw instructed_mw(Mw instruction_mw, Mw available_mw) { return min(instruction_mw, available_mw); }

}  // namespace drsim
