// A linear map from exact values (micro-units or seconds) to whole SVG pixels, in integers only.
#pragma once

#include <cstdint>
#include <vector>

#include "settlement/money.hpp"

namespace drsim::reports {

class SvgScale {
 public:
  // Maps [domain_lo, domain_hi] onto [range_lo, range_hi] (range may run downward, as y does).
  // An empty domain is widened by one unit so every value still maps.
  SvgScale(std::int64_t domain_lo, std::int64_t domain_hi, int range_lo, int range_hi);

  // The pixel of `v`, rounded half away from zero.
  int operator()(std::int64_t v) const;
  std::int64_t lo() const { return lo_; }
  std::int64_t hi() const { return hi_; }

 private:
  std::int64_t lo_, hi_;
  int r0_, r1_;
};

// Cents for the integer scales; amounts beyond +-2^62 cents ($4.6e16) are drawn at that edge.
std::int64_t plot_cents(Money m);

// Tick values for [lo, hi] at a step of 1, 2 or 5 x 10^k units giving at most `max_ticks` ticks;
// the ticks are multiples of the step from the first at or above lo.
std::vector<std::int64_t> nice_ticks(std::int64_t lo, std::int64_t hi, int max_ticks);
// The step nice_ticks uses.
std::int64_t nice_step(std::int64_t lo, std::int64_t hi, int max_ticks);

}  // namespace drsim::reports
