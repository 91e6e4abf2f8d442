// Integer linear scales and tick steps for the report's charts (no floating point, so output is byte-stable).
#include "reports/svg_scale.hpp"

#include <algorithm>

#include "settlement/decimal.hpp"

namespace drsim::reports {

std::int64_t plot_cents(Money m) {
  constexpr int128 kEdge = int128{1} << 62;
  return static_cast<std::int64_t>(std::clamp<int128>(m.cents(), -kEdge, kEdge));
}

SvgScale::SvgScale(std::int64_t domain_lo, std::int64_t domain_hi, int range_lo, int range_hi)
    : lo_(domain_lo), hi_(domain_hi > domain_lo ? domain_hi : domain_lo + 1), r0_(range_lo), r1_(range_hi) {}

int SvgScale::operator()(std::int64_t v) const {
  const int128 num = static_cast<int128>(v - lo_) * (r1_ - r0_);
  const int128 span = static_cast<int128>(hi_) - lo_;
  // div_round_half_away wants a positive divisor; the numerator carries the sign.
  return r0_ + static_cast<int>(div_round_half_away(num, span));
}

std::int64_t nice_step(std::int64_t lo, std::int64_t hi, int max_ticks) {
  const std::int64_t span = hi > lo ? hi - lo : 1;
  std::int64_t magnitude = 1;
  while (true) {
    for (const std::int64_t m : {1, 2, 5}) {
      const std::int64_t step = m * magnitude;
      if (span / step + 1 <= max_ticks) return step;
    }
    if (magnitude > INT64_MAX / 100) return magnitude * 10;
    magnitude *= 10;
  }
}

std::vector<std::int64_t> nice_ticks(std::int64_t lo, std::int64_t hi, int max_ticks) {
  const std::int64_t step = nice_step(lo, hi, max_ticks);
  std::int64_t first = (lo / step) * step;
  if (first < lo) first += step;
  std::vector<std::int64_t> out;
  for (std::int64_t t = first; t <= hi; t += step) out.push_back(t);
  return out;
}

}  // namespace drsim::reports
