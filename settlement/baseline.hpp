// The default 10-day baseline and its optional same-day adjustment (rules.md 4.6).
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "calendar.hpp"
#include "units.hpp"

namespace drsim {

inline constexpr int kBaselineDays = 10;
// Days before the market day searched for the eligible days. Not from the seeds:
// drsim's bound so that a year of meter data need not be held; ten eligible
// weekdays take about fourteen calendar days, so the bound only matters for a
// sparse meter history, which then is an error naming the resource.
inline constexpr int kBaselineLookbackDays = 60;

// The (up to) `count` most recent days before `day` that are weekdays, not NERC
// holidays, fully metered (all 24 hours) and without an hour of one of the
// resource's instruction windows, searched back `lookback_days` days; most recent first.
std::vector<Date> eligible_baseline_days(Date day, const std::function<bool(Date)>& fully_metered,
                                         const std::function<bool(Date)>& has_instruction_hour,
                                         int count = kBaselineDays, int lookback_days = kBaselineLookbackDays);

// Average of the loads, rounded to six places (rules.md 1a).
Mw average(const std::vector<Mw>& loads);

// The same-day adjustment ratio: metered load over baseline across the 3 whole hours
// before the instruction was issued, rounded to six places and clamped to [0.8, 1.2].
// None when the baseline sum is not above 0.
std::optional<Decimal> same_day_ratio(Mw load_sum, Mw baseline_sum);

}  // namespace drsim
