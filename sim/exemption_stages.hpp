// The rules.md 4.1 table of whole-instruction exemptions, each row evaluated at the stage where what it needs is known.
#pragma once

#include <vector>

#include "settlement/calendar.hpp"
#include "settlement/exemption.hpp"
#include "settlement/market.hpp"

namespace drsim::sim {

// Rows 1-3, known when the instruction is issued: `not_registered` (no registration for the
// season of start, excluded, or neither cleared nor FRAP MW), `outside_availability` (month
// of start not available and no availability above 0 declared in the season),
// `short_notice` (start - issued < notification_h, exact). `none` when no row holds.
ExemptReason exemption_at_issue(const Instruction& i, const SeasonRegistration* registration,
                                bool declared_availability);
// The same with the month of start (1-12) given: the trial kernel finds it once per emergency.
ExemptReason exemption_at_issue(const Instruction& i, const SeasonRegistration* registration,
                                bool declared_availability, int start_month);

// Rows 4-5, known at start, for an instruction that rows 1-3 leave unexempt (so it has a
// registration): `withdrawn` (at or before start - rules.withdrawal_notice_h), then
// `max_interruptions` (prior deployments of the season already at the maximum).
ExemptReason exemption_at_start(const Instruction& i, const SeasonRegistration& registration, int prior_deployments,
                                const Rules& rules);

// Rules.md 3.4: an availability entry above 0 MW in force at any time of the season
// [first day 00:00, day after the last 00:00).
bool declared_availability(const std::vector<const Availability*>& entries, SeasonKey season);

}  // namespace drsim::sim
