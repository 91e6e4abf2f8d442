// Nearest-rank percentiles, means exact to the cent and histogram bins of trial figures.
#include "exposure_statistics.hpp"

#include <algorithm>
#include <stdexcept>

namespace drsim {

Money nearest_rank(const std::vector<Money>& sorted, int percent) {
  if (sorted.empty()) throw std::invalid_argument("nearest_rank of no values");
  if (percent <= 0 || percent > 100) throw std::invalid_argument("nearest_rank: percent outside (0, 100]");
  const std::uint64_t n = sorted.size();
  const std::uint64_t rank = (static_cast<std::uint64_t>(percent) * n + 99) / 100;  // ceil(p n / 100)
  return sorted[rank - 1];
}

Money mean_of(const std::vector<Money>& values) {
  if (values.empty()) throw std::invalid_argument("mean of no values");
  int128 sum = 0;
  for (const Money& m : values) sum += m.cents();
  return Money::from_cents(static_cast<std::int64_t>(div_round_half_away(sum, static_cast<int128>(values.size()))));
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
  const std::int64_t lo = std::min<std::int64_t>(0, lo_it->cents());
  const std::int64_t range = hi_it->cents() - lo;
  // The smallest 1-2-5 step (cents) with bins x step >= range.
  std::int64_t width = 1;
  for (std::int64_t decade = 1;; decade *= 10) {
    bool found = false;
    for (std::int64_t f : {1, 2, 5}) {
      if (f * decade * bins >= range) {
        width = f * decade;
        found = true;
        break;
      }
    }
    if (found) break;
  }
  const std::int64_t n = std::max<std::int64_t>(1, (range + width - 1) / width);
  for (std::int64_t i = 0; i <= n; ++i) h.edges.push_back(Money::from_cents(lo + i * width));
  h.counts.assign(static_cast<std::size_t>(n), 0);
  for (const Money& v : values) {
    const std::int64_t i = std::min<std::int64_t>((v.cents() - lo) / width, n - 1);
    ++h.counts[static_cast<std::size_t>(i)];
  }
  return h;
}

Decimal probability(std::uint64_t count, std::uint64_t n) {
  if (n == 0) return Decimal{};
  return Decimal::ratio(static_cast<int128>(count), static_cast<int128>(n));
}

}  // namespace drsim
