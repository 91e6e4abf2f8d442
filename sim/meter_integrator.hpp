// Integrates meter intervals into the time-weighted MW of the windows a run needs and the hourly sums of its days.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "settlement/exact_time.hpp"
#include "settlement/market.hpp"
#include "settlement/meter_interval.hpp"
#include "sim/meter_row.hpp"

namespace drsim::sim {

// Before the meter stream is read, the run declares what it needs: windows
// (the obligated part of each instruction-hour, whose end may fall between whole
// seconds) and the history of default baselines. add() then takes each interval
// once and keeps only sums for those; nothing of the stream itself is held.
//
// Per resource and day it keeps a bit for each 5-minute slot (meter intervals are
// aligned to their 5, 15 or 60 minutes, so an interval is whole slots of one hour)
// and, for the days a baseline may use, 24 hourly sums. The slot bits tell which
// hours are metered and find two intervals that overlap, in any row order.
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
  // Sorts the windows; call once after the last add_*, before the first interval.
  void seal();

  // Adds one interval. Calls for different resources may run on different threads
  // at once (each resource's sums are its own); the intervals of one resource come
  // from one thread. Returns false when the interval covers a slot that an earlier
  // interval of the resource covered (an overlap: the caller reports it).
  bool add(const MeterInterval& iv);
  // Adds a batch of intervals of any resources; may be called from several threads at
  // once (each run of one resource's intervals is added under that resource's lock).
  // Returns false at the first overlap, as add() does.
  bool add_batch(std::span<const MeterInterval> batch);
  // Adds one row of the inline or streamed form (rows of unknown resources are skipped).
  void feed(const MeterRow& row);
  // Counts rows that add() took from another reader (feed() counts its own).
  void count_rows(std::uint64_t n) { rows_ += n; }
  // The index of a resource id, or none.
  std::optional<std::uint32_t> index_of(std::string_view id) const;

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
  static constexpr int kPageDays = 32;
  using DaySlots = std::array<std::uint64_t, 5>;  // 288 five-minute slots
  // Sums of MW (in millionths) x 5-minute slots covered, per settlement hour. An hour of
  // one resource stays within int32 unless its MW passes about 178 (2^31 / 12e6): such a
  // sum moves to the resource's `wide` map, marked kWide here.
  using HourSums = std::array<std::int32_t, 24>;
  static constexpr std::int32_t kWide = INT32_MIN;
  struct Page {
    std::array<DaySlots, kPageDays> slots{};
    std::unique_ptr<std::array<HourSums, kPageDays>> sums;  // when any day of the page is kept
    std::uint32_t kept = 0;                                 // bit d: day d of the page is kept
  };
  // Window sums in microseconds: MW in millionths x microseconds needs 128 bits.
  struct WindowAcc {
    int128 mw_us = 0;
    std::int64_t us = 0;
  };
  struct Window {
    std::int64_t from = 0;  // microseconds since the epoch
    std::int64_t to = 0;
    WindowId id = 0;
  };
  struct Days {
    std::int64_t first_page = 0;                 // page number (day / kPageDays) of pages[0]
    std::vector<std::unique_ptr<Page>> pages;    // null where no interval fell
    std::vector<std::pair<std::int32_t, std::int32_t>> declared;  // add_days ranges
    std::optional<Date> history_through;          // keep_history's day
    std::unordered_map<std::int64_t, std::int64_t> wide;  // day * 24 + hour -> sum past int32
    // The last page and window used: rows of one resource mostly come in time order.
    std::int64_t last_page = INT64_MIN;
    Page* last = nullptr;
    std::size_t window_cursor = 0;  // no window before it ends after the last interval's start
  };

  bool kept(const Days& d, std::int32_t day) const;
  Page& page_for(std::size_t resource, std::int64_t day);
  const Page* page_at(std::size_t resource, std::int64_t day) const;
  std::int64_t hour_sum(std::size_t resource, const Page& p, std::int64_t day, int hour) const;

  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, IdHash, std::equal_to<>> index_;
  std::vector<std::vector<Window>> windows_;  // per resource, sorted by from
  std::vector<WindowAcc> window_acc_;         // per window id
  std::vector<std::int64_t> window_len_;      // per window id, microseconds
  std::vector<Days> days_;                    // per resource
  std::unique_ptr<std::atomic<bool>[]> locks_;  // per resource: add_batch's
  std::uint64_t rows_ = 0;
  std::string last_fed_id_;                 // feed(): the id of the last row, and its index
  std::optional<std::uint32_t> last_fed_;
  bool has_last_fed_ = false;
};

}  // namespace drsim::sim
