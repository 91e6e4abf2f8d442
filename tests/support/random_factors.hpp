// Random signed factors for the arithmetic cross-checks: a bound drawn from a list of
// magnitudes (so each size is met often), a value up to it, either sign.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace drsim::test {

template <std::size_t N>
std::int64_t signed_factor(std::mt19937_64& g, const std::int64_t (&bounds)[N]) {
  const std::int64_t bound = bounds[g() % N];
  const auto v = static_cast<std::int64_t>(g() % static_cast<std::uint64_t>(bound + 1));
  return (g() & 1) ? -v : v;
}

}  // namespace drsim::test
