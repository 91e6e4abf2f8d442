// SplitMix64 / xoshiro256** and the integer-based distributions of the exposure trials.
#include "sim/exposure_random.hpp"

#include <cmath>
#include <stdexcept>

namespace drsim::sim {

namespace {
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
constexpr double kTwoPi = 6.283185307179586476925286766559;
}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

TrialStream::TrialStream(std::uint64_t seed, std::uint64_t trial) {
  std::uint64_t k = seed;
  std::uint64_t h = splitmix64(k) ^ trial;  // distinct trials of one seed give distinct states
  for (auto& word : s_) word = splitmix64(h);
}

TrialStream TrialStream::from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) {
  TrialStream t;
  t.s_[0] = s0;
  t.s_[1] = s1;
  t.s_[2] = s2;
  t.s_[3] = s3;
  return t;
}

std::uint64_t TrialStream::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t TrialStream::below(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("TrialStream::below(0)");
  // Reject the top partial block of 2^64 so every residue is equally likely. The block's
  // start is at least UINT64_MAX - n + 1, so a draw below that is kept without finding it
  // (the same draws, two divisions fewer).
  std::uint64_t x = next();
  if (x > UINT64_MAX - n) {
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
    while (x > limit) x = next();
  }
  return x % n;
}

int TrialStream::uniform(int lo, int hi) {
  if (hi < lo) throw std::invalid_argument("TrialStream::uniform: empty range");
  return lo + static_cast<int>(below(static_cast<std::uint64_t>(std::int64_t{hi} - lo) + 1));
}

bool TrialStream::bernoulli(Decimal p) {
  return static_cast<std::int64_t>(below(static_cast<std::uint64_t>(Decimal::kScale))) < p.micros();
}

double TrialStream::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double TrialStream::normal() {
  const double u1 = static_cast<double>((next() >> 11) + 1) * 0x1.0p-53;  // (0, 1]: log is finite
  const double u2 = unit();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

int TrialStream::poisson(Decimal mean) {
  if (mean.is_negative()) throw std::invalid_argument("TrialStream::poisson: negative mean");
  const double lambda = to_double(mean);
  double p = std::exp(-lambda);
  double cdf = p;
  const double u = unit();
  int k = 0;
  while (u >= cdf && k < 100000) {
    ++k;
    p *= lambda / k;
    cdf += p;
    if (p == 0.0 && k > lambda) break;  // the tail rounded to nothing
  }
  return k;
}

int TrialStream::draw(const IntDistribution& d) {
  switch (d.kind) {
    case IntDistribution::Kind::range: return uniform(d.min, d.max);
    case IntDistribution::Kind::values: return d.values[below(d.values.size())];
    case IntDistribution::Kind::poisson: return poisson(d.mean);
  }
  return 0;
}

Decimal TrialStream::draw(const DecimalRange& r) {
  std::int64_t step = 1;
  for (int i = r.places; i < Decimal::kPlaces; ++i) step *= 10;
  // The grid points k x step (micros) inside [min, max]; ranges are non-negative (the reader checks).
  const std::int64_t lo = (r.min.micros() + step - 1) / step;
  const std::int64_t hi = r.max.micros() / step;
  if (hi < lo) return r.min;
  const std::int64_t k = lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  return Decimal::from_micros(k * step);
}

Decimal TrialStream::lognormal(Decimal median, Decimal sigma, int places) {
  return to_decimal(to_double(median) * std::exp(to_double(sigma) * normal()), places);
}

Decimal to_decimal(double value, int places) {
  constexpr double kLimit = 1e12;  // inputs stay far inside a Decimal's range
  if (!(value < kLimit)) value = kLimit;
  if (!(value > -kLimit)) value = -kLimit;
  std::int64_t step = 1;
  double scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  for (int i = places; i < Decimal::kPlaces; ++i) step *= 10;
  return Decimal::from_micros(std::llround(value * scale) * step);
}

double to_double(Decimal d) { return static_cast<double>(d.micros()) / static_cast<double>(Decimal::kScale); }

}  // namespace drsim::sim
