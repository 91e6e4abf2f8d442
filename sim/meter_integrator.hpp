// Integrates streamed meter intervals into the time-weighted MW of the windows a run needs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "settlement/exact_time.hpp"
#include "settlement/scenario.hpp"

namespace drsim::sim {

// Before the meter stream is read, the run declares what it needs: windows
// (the obligated part of each instruction-hour, whose end may fall between whole
// seconds) and the history of default baselines. feed() then takes each interval
// once and keeps only sums for those; nothing else of the stream is held. History
// is kept as 24 hourly sums and their coverage per resource and day, never rows.
class MeterIntegrator {
 public:
  using WindowId = std::uint32_t;

  explicit MeterIntegrator(const std::vector<Resource>& resources);

  // A half-open window [from, to) of one resource; windows of one resource never overlap.
  WindowId add_window(std::size_t resource, ExactTime from, ExactTime to);
  // Keeps the hourly sums of every day in [first, last] for the resource.
  void add_days(std::size_t resource, Date first, Date last);
  // Keeps the hourly sums of every weekday that is not a NERC holiday, up to and
  // including `through`, however far back the meter history goes (the days a
  // default baseline can use, rules.md 4.6). A later call may extend `through`.
  void keep_history(std::size_t resource, Date through);
  // Sorts the windows; call once after the last add_*, before feed().
  void seal();

  void feed(const MeterRow& row);

  // Time-weighted average MW over the window, rounded to six places; none when
  // any part of it has no interval.
  std::optional<Mw> window_average(WindowId id) const;
  // Average MW over the whole settlement hour starting at `hour` (a kept day).
  std::optional<Mw> hour_average(std::size_t resource, MarketTime hour) const;
  // True when all 24 hours of a kept day are metered.
  bool fully_metered(std::size_t resource, Date day) const;
  // The earliest kept day that has any metered interval; none before the first.
  std::optional<Date> first_metered_day(std::size_t resource) const;
  std::uint64_t rows() const { return rows_; }

 private:
  // Sum over one settlement hour of a kept day. |MW| <= 100,000 (format.md limits), so
  // MW in millionths x 3600 s is below 3.6e14: int64 holds it.
  struct HourAcc {
    std::int64_t mw_seconds = 0;  // sum of MW (in millionths) x seconds covered
    std::int32_t seconds = 0;     // seconds covered
  };
  // Sum over a window, in microseconds: MW in millionths x microseconds needs 128 bits.
  struct WindowAcc {
    int128 mw_us = 0;
    std::int64_t us = 0;
  };
  struct Window {
    std::int64_t from = 0;  // microseconds since the epoch
    std::int64_t to = 0;
    WindowId id = 0;
  };
  struct DayAcc {
    std::array<HourAcc, 24> hours;
  };
  DayAcc* kept_day(std::size_t resource, Date day);

  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::vector<Window>> windows_;                    // per resource, sorted by from
  std::vector<WindowAcc> window_acc_;                           // per window id
  std::vector<std::int64_t> window_len_;                        // per window id, microseconds
  std::vector<std::unordered_map<std::int32_t, DayAcc>> days_;  // per resource: day -> hourly sums
  std::vector<std::optional<Date>> history_through_;            // per resource: keep_history's day
  std::vector<std::optional<Date>> first_metered_;              // per resource
  std::uint64_t rows_ = 0;
};

}  // namespace drsim::sim
