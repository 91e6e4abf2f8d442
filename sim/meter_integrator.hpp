// Integrates streamed meter intervals into the time-weighted MW of the windows a run needs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "settlement/scenario.hpp"

namespace drsim::sim {

// Before the meter stream is read, the run declares what it needs: windows
// (the obligated part of each instruction-hour) and whole days (history for
// default baselines). feed() then takes each interval once and keeps only sums
// for those; nothing else of the stream is held.
class MeterIntegrator {
 public:
  using WindowId = std::uint32_t;

  explicit MeterIntegrator(const std::vector<Resource>& resources);

  // A half-open window [from, to) of one resource; windows of one resource never overlap.
  WindowId add_window(std::size_t resource, MarketTime from, MarketTime to);
  // Keeps the hourly sums of every day in [first, last] for the resource.
  void add_days(std::size_t resource, Date first, Date last);
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
  std::uint64_t rows() const { return rows_; }

 private:
  struct Acc {
    std::int64_t mw_seconds = 0;  // sum of MW (in millionths) x seconds covered
    std::int32_t seconds = 0;     // seconds covered
  };
  struct Window {
    std::int64_t from = 0;
    std::int64_t to = 0;
    WindowId id = 0;
  };
  struct DayAcc {
    std::array<Acc, 24> hours;
  };
  static std::optional<Mw> mean(const Acc& a, std::int64_t needed_seconds);

  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::vector<Window>> windows_;       // per resource, sorted by from
  std::vector<Acc> window_acc_;                    // per window id
  std::vector<std::int64_t> window_len_;           // per window id, seconds
  std::vector<std::unordered_map<std::int32_t, DayAcc>> days_;  // per resource: day -> hourly sums
  std::uint64_t rows_ = 0;
};

}  // namespace drsim::sim
