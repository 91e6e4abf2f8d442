// The random stream of one Monte Carlo trial, fixed by (seed, trial) alone, and its distributions.
#pragma once

#include <cstdint>

#include "settlement/decimal.hpp"
#include "sim/exposure_model.hpp"

namespace drsim::sim {

// SplitMix64 step: the mixing function used to seed and to hash (seed, trial).
std::uint64_t splitmix64(std::uint64_t& state);

// xoshiro256** seeded from (seed, trial) through SplitMix64, so trial i draws the same
// numbers whichever thread or shard runs it. Every distribution is written here on
// integers (or, for lognormal inputs, on doubles rounded to a fixed number of
// places), so no result depends on the standard library's distributions.
class TrialStream {
 public:
  TrialStream(std::uint64_t seed, std::uint64_t trial);
  // A stream from a raw xoshiro256** state (to check the generator against its reference outputs).
  static TrialStream from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);
  std::uint64_t next();
  // Uniform on [0, n) by rejection (n > 0): no modulo bias.
  std::uint64_t below(std::uint64_t n);
  // Uniform integer on [lo, hi] (lo <= hi).
  int uniform(int lo, int hi);
  // True with probability p (a Decimal in [0, 1], compared in millionths).
  bool bernoulli(Decimal p);
  // Uniform on [0, 1) with 53 random bits.
  double unit();
  // Standard normal by Box-Muller (one value per call; the second is discarded).
  double normal();
  // Poisson by inversion of the cumulative distribution (mean <= 700).
  int poisson(Decimal mean);
  int draw(const IntDistribution& d);
  // A value of the grid 10^-places in [min, max], uniformly.
  Decimal draw(const DecimalRange& r);
  // A lognormal value median x exp(sigma x z), rounded to `places` (0..6) decimals.
  Decimal lognormal(Decimal median, Decimal sigma, int places);

 private:
  TrialStream() = default;
  std::uint64_t s_[4] = {};
};

// A double rounded half away from zero to `places` decimals, as an exact Decimal.
Decimal to_decimal(double value, int places);
double to_double(Decimal d);

}  // namespace drsim::sim
