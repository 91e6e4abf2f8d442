// The default 10-day baseline and its optional same-day adjustment (rules.md 4.6).
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "calendar.hpp"
#include "explanation.hpp"
#include "units.hpp"

namespace drsim {

inline constexpr int kBaselineDays = 10;

// A day a default baseline may use at all: a weekday that is not a NERC holiday.
bool is_baseline_candidate(Date d);

// The (up to) `count` most recent days before `day` that are weekdays, not NERC
// holidays, fully metered (all 24 hours) and without an hour of one of the
// resource's instruction windows, most recent first. The search runs back to
// `earliest` (the first day of the meter history), however far that is (v1.2).
// With `why`, adds a step naming each day looked at: chosen, or skipped and why.
std::vector<Date> eligible_baseline_days(Date day, Date earliest, const std::function<bool(Date)>& fully_metered,
                                         const std::function<bool(Date)>& has_instruction_hour,
                                         int count = kBaselineDays, Explanation* why = nullptr);

// Average of the loads, rounded to six places (rules.md 1a).
Mw average(const std::vector<Mw>& loads);

// The same-day adjustment ratio: metered load over baseline across the 3 whole hours
// before the instruction was issued, rounded to six places and clamped to [0.8, 1.2].
// None when the baseline sum is not above 0.
std::optional<Decimal> same_day_ratio(Mw load_sum, Mw baseline_sum);

}  // namespace drsim
