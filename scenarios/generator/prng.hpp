// The generator's deterministic random numbers: std::mt19937_64 with integer draws written here.
#pragma once

#include <cstdint>
#include <random>

namespace drsim::generator {

// std::mt19937_64's output sequence is fixed by the C++ standard, but the
// std distributions are not (they differ across library versions), so every
// draw is derived from raw 64-bit outputs here: same seed, same numbers,
// with any standard library.
class Prng {
 public:
  explicit Prng(std::uint64_t seed) : engine_(seed) {}
  // A stream of its own for each file, derived from (seed, stream), so adding
  // draws to one file's stream leaves the others unchanged.
  static Prng stream(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);  // SplitMix64 finaliser
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return Prng(z ^ (z >> 31));
  }

  std::uint64_t next() { return engine_(); }

  // Uniform integer in [lo, hi] (both inclusive), by rejection so it is unbiased.
  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
    const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
    if (span == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    std::uint64_t r = next();
    while (r >= limit) r = next();
    return lo + static_cast<std::int64_t>(r % span);
  }
  int uniform_int(int lo, int hi) { return static_cast<int>(uniform(lo, hi)); }

  // True with probability per_mille / 1000.
  bool chance(int per_mille) { return uniform(0, 999) < per_mille; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace drsim::generator
