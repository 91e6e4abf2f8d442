// Exact durations and instants to the microsecond, for hour counts read as Decimals (rules.md 1a).
#pragma once

#include <compare>
#include <cstdint>

#include "decimal.hpp"
#include "market_time.hpp"

namespace drsim {

// A length of time in microseconds. A Decimal hour count has six places, so it is
// a whole number of microseconds (1e-6 h = 3600 us): `max_duration_h: 1.333333`
// is 4,799,998,800 us (4799.9988 s), `notification_h: 2.0001` is 7,200,360,000 us.
// Durations, windows and notice tests compare these exactly, never a value rounded
// to whole seconds. int64 holds about 292,000 years.
struct ExactDuration {
  static constexpr std::int64_t kPerSecond = 1'000'000;
  static constexpr std::int64_t kPerHour = 3'600'000'000;
  std::int64_t us = 0;

  // h hours exactly; a count beyond the int64 range saturates (it compares as
  // longer, or shorter, than any real duration).
  static constexpr ExactDuration hours(Decimal h) {
    const int128 v = int128{h.micros()} * 3600;
    if (v > INT64_MAX) return {INT64_MAX};
    if (v < INT64_MIN) return {INT64_MIN};
    return {static_cast<std::int64_t>(v)};
  }
  static constexpr ExactDuration of(Duration d) { return {d.in_seconds() * kPerSecond}; }
  constexpr auto operator<=>(const ExactDuration&) const = default;
};

// An instant in market time to the microsecond. MarketTime stays whole seconds
// (every timestamp is written to the second); this is the end of a window that
// an exact duration sets, such as `start + max_duration_h`.
class ExactTime {
 public:
  constexpr ExactTime() = default;
  static constexpr ExactTime of(MarketTime t) { return ExactTime(t.seconds() * ExactDuration::kPerSecond); }
  constexpr std::int64_t us() const { return us_; }
  // The first whole second at or after this instant.
  constexpr MarketTime ceil_second() const {
    const std::int64_t s = us_ / ExactDuration::kPerSecond;
    return MarketTime::from_seconds(s * ExactDuration::kPerSecond < us_ ? s + 1 : s);
  }
  constexpr ExactTime operator+(ExactDuration d) const { return ExactTime(us_ + d.us); }
  constexpr ExactTime operator-(ExactDuration d) const { return ExactTime(us_ - d.us); }
  constexpr ExactDuration operator-(ExactTime o) const { return {us_ - o.us_}; }
  constexpr auto operator<=>(const ExactTime&) const = default;
  friend constexpr ExactTime min(ExactTime a, ExactTime b) { return a < b ? a : b; }
  friend constexpr ExactTime max(ExactTime a, ExactTime b) { return a < b ? b : a; }

 private:
  explicit constexpr ExactTime(std::int64_t us) : us_(us) {}
  std::int64_t us_ = 0;
};

// The exact length from `from` to `to` (both whole seconds).
constexpr ExactDuration exact_between(MarketTime from, MarketTime to) { return ExactDuration::of(to - from); }

}  // namespace drsim
