// Summary statistics of Monte Carlo trials: nearest-rank percentiles, exact means, histograms.
#pragma once

#include <cstdint>
#include <vector>

#include "settlement/decimal.hpp"
#include "settlement/money.hpp"

namespace drsim::sim {

// The nearest-rank percentile (rules.md 6) of ascending values: the value at rank
// ceil(percent / 100 x n), 1-based; percent in (0, 100]. Throws on an empty list.
Money nearest_rank(const std::vector<Money>& sorted, int percent);

// Sum in cents / n, rounded half away from zero (n > 0).
Money mean_of(const std::vector<Money>& values);

struct MoneySummary {
  std::size_t n = 0;
  Money mean, p5, p50, p90, p95, p99, min, max;
};
// Summary of the values (any order); all zero when there are none.
MoneySummary summarize(std::vector<Money> values);

// Equal-width bins from 0 (or the minimum, when negative) to the maximum. The
// width is the smallest "nice" dollar step (1, 2 or 5 x 10^k cents) that covers the
// range in at most `bins` bins; bin i holds [edges[i], edges[i+1]), the last bin
// also holds its upper edge.
struct Histogram {
  std::vector<Money> edges;
  std::vector<std::uint64_t> counts;
};
Histogram histogram(const std::vector<Money>& values, int bins);

// count / n as a Decimal (six places, half away from zero); 0 when n is 0.
Decimal probability(std::uint64_t count, std::uint64_t n);

}  // namespace drsim::sim
