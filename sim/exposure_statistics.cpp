// Nearest-rank percentiles, means exact to the cent and histogram bins of trial figures.
#include "sim/exposure_statistics.hpp"

#include <algorithm>
#include <stdexcept>

namespace drsim::sim {

Money nearest_rank(const std::vector<Money>& sorted, int percent) {
  if (sorted.empty()) throw std::invalid_argument("nearest_rank of no values");
  if (percent <= 0 || percent > 100) throw std::invalid_argument("nearest_rank: percent outside (0, 100]");
  const std::uint64_t n = sorted.size();
  const std::uint64_t rank = (static_cast<std::uint64_t>(percent) * n + 99) / 100;  // ceil(p n / 100)
  return sorted[rank - 1];
}

Money mean_of(const std::vector<Money>& values) {
  if (values.empty()) throw std::invalid_argument("mean of no values");
  // A trial's figure is at most 5.6e29 cents within the limits (money.cpp): 3e8 such trials fit
  // int128; a sum beyond it throws std::overflow_error (Money +) rather than wrapping.
  Money sum;
  for (const Money& m : values) sum += m;
  return Money::from_cents(div_round_half_away(sum.cents(), static_cast<int128>(values.size())));
}

MoneySummary summarize(std::vector<Money> values) {
  MoneySummary s;
  s.n = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.mean = mean_of(values);
  s.p5 = nearest_rank(values, 5);
  s.p50 = nearest_rank(values, 50);
  s.p90 = nearest_rank(values, 90);
  s.p95 = nearest_rank(values, 95);
  s.p99 = nearest_rank(values, 99);
  s.min = values.front();
  s.max = values.back();
  return s;
}

Histogram histogram(const std::vector<Money>& values, int bins) {
  if (bins < 1) throw std::invalid_argument("histogram: bins < 1");
  Histogram h;
  if (values.empty()) return h;
  const auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
  // Cents in 128 bits: one trial's penalty alone may pass int64 (rules.md 1a v1.2).
  const int128 lo = std::min<int128>(0, lo_it->cents());
  const int128 range = hi_it->cents() - lo;
  // The smallest 1-2-5 step (cents) with bins x step >= range.
  int128 width = 1;
  for (int128 decade = 1;; decade *= 10) {
    bool found = false;
    for (int128 f : {1, 2, 5}) {
      if (f * decade * bins >= range) {
        width = f * decade;
        found = true;
        break;
      }
    }
    if (found) break;
  }
  const int128 n = std::max<int128>(1, (range + width - 1) / width);  // at most 2 x bins
  for (int128 i = 0; i <= n; ++i) h.edges.push_back(Money::from_cents(lo + i * width));
  h.counts.assign(static_cast<std::size_t>(n), 0);
  for (const Money& v : values) {
    const int128 i = std::min<int128>((v.cents() - lo) / width, n - 1);
    ++h.counts[static_cast<std::size_t>(i)];
  }
  return h;
}

Decimal probability(std::uint64_t count, std::uint64_t n) {
  if (n == 0) return Decimal{};
  return Decimal::ratio(static_cast<int128>(count), static_cast<int128>(n));
}

}  // namespace drsim::sim
