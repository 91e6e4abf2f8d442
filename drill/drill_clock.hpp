// The drill's accelerated clock: simulated market time from the wall clock at `speed`
// (60: one simulated minute per wall second; 1: real time).
#pragma once

#include <chrono>

#include "settlement/market_time.hpp"

namespace drsim::drill {

class DrillClock {
 public:
  using Wall = std::chrono::steady_clock;
  DrillClock(MarketTime start, double speed, Wall::time_point wall_start = Wall::now())
      : start_(start), speed_(speed), wall_start_(wall_start) {}
  // Market time now: whole simulated seconds since the start.
  MarketTime now(Wall::time_point wall = Wall::now()) const {
    const double elapsed = std::chrono::duration<double>(wall - wall_start_).count();
    return start_ + Duration::seconds(static_cast<std::int64_t>(elapsed * speed_));
  }
  // The wall time at which market time `t` is reached.
  Wall::time_point wall_at(MarketTime t) const {
    const double s = static_cast<double>((t - start_).in_seconds()) / speed_;
    return wall_start_ + std::chrono::duration_cast<Wall::duration>(std::chrono::duration<double>(s));
  }
  MarketTime start() const { return start_; }
  double speed() const { return speed_; }

 private:
  MarketTime start_;
  double speed_;
  Wall::time_point wall_start_;
};

}  // namespace drsim::drill
