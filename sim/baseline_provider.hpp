// Baselines of a run (rules.md 4.6): the series value, or the default 10-day baseline with its same-day adjustment.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "settlement/baseline.hpp"
#include "settlement/run_record.hpp"
#include "settlement/market.hpp"
#include "sim/obligation_plan.hpp"

namespace drsim::sim {

// The meter history a default baseline reads: the run's MeterIntegrator, or a table in a test.
class MeterHistory {
 public:
  virtual ~MeterHistory() = default;
  // Average MW over the settlement hour starting at `hour`; none when not wholly metered.
  virtual std::optional<Mw> hour_average(std::size_t resource, MarketTime hour) const = 0;
  // True when all 24 hours of the day are metered.
  virtual bool fully_metered(std::size_t resource, Date day) const = 0;
  // The first day with any meter interval; none when the resource has none.
  virtual std::optional<Date> first_metered_day(std::size_t resource) const = 0;
};

// What meter history an instruction's default baselines need kept, declared before
// the meter stream is read.
struct HistoryNeed {
  // Every baseline candidate day up to and including this one (the hours without a
  // series value and, with the same-day adjustment, the 3 hours before issue).
  std::optional<Date> through;
  // The days of the 3 whole hours before issue (same-day adjustment only).
  std::optional<std::pair<Date, Date>> same_day_days;
};

// A baseline of one hour, and how it was found.
struct BaselineValue {
  std::optional<Mw> mw;     // none when neither the series nor the default has one
  std::uint32_t flags = 0;  // kDefaultBaseline, kSameDayAdjusted
  bool too_few_days = false;  // the default was needed and fewer than 10 eligible days exist
};

// True when the hour's shortfall depends on its baseline (4.6, v1.2): not for an instruction
// exempt as a whole, an hour exempt by 4.2 (an excused outage hour still does under
// charged_not_counted), an hour without advanced reporting (charged the instruction's MW
// whatever the response), nor an hour without a meter value (its response is 0, 4.7).
bool needs_baseline(ExemptReason whole_exemption, const HourRecord& hour, const Rules& rules);

class BaselineProvider {
 public:
  // `plans` give the days with an hour of an instruction window (those withdrawn in time
  // left out); `series` is the baseline series keyed by resource id. All are held by reference.
  BaselineProvider(const std::vector<Resource>& resources, const std::vector<Instruction>& instructions,
                   const HourlySeries<Mw>& series, const Rules& rules, const std::vector<ObligationSchedule>& plans,
                   const MeterHistory& meters);

  // The meter history the plan's default baselines need: none for a resource not on the
  // baseline protocol, or whose hours all have a series value.
  HistoryNeed history_need(const ObligationSchedule& plan) const;

  // The baseline of the plan's hour starting at `hour`; with `why`, the steps that find it
  // (the days chosen and skipped, their loads, the average, the same-day ratio).
  BaselineValue baseline(const ObligationSchedule& plan, MarketTime hour, Explanation* why = nullptr);

  // The eligible days before `day`, most recent first, at most 10 (cached).
  const std::vector<Date>& eligible_days(std::size_t resource, Date day);
  // The average load of the same clock hour over the eligible days; none when too few.
  std::optional<Mw> default_baseline(std::size_t resource, MarketTime hour, Explanation* why = nullptr);
  // Load over baseline across the 3 whole hours ending at or before `issued`, clamped to
  // [0.8, 1.2]; none when a load or baseline of those hours is missing or the baseline sum is 0.
  std::optional<Decimal> same_day_ratio_before(std::size_t resource, MarketTime issued, Explanation* why = nullptr);

 private:
  std::optional<Mw> series_value(std::size_t resource, MarketTime hour) const;

  const std::vector<Resource>& resources_;
  const std::vector<Instruction>& instructions_;
  const Rules& rules_;
  const MeterHistory& meters_;
  std::vector<std::vector<std::int32_t>> instruction_days_;  // per resource, sorted day numbers
  std::map<std::pair<std::size_t, std::int32_t>, std::vector<Date>> eligible_;
  std::vector<const HourlySeries<Mw>::Hours*> series_of_;  // per resource: its hours in the series, or null
};

}  // namespace drsim::sim
