// Largest-remainder allocation on exact quotas.
#include "allocation.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace drsim {

std::vector<Money> largest_remainder_split(Money amount, const std::vector<Weighted>& parts) {
  int128 total = 0;
  for (const auto& p : parts) total += p.weight.micros();
  if (total <= 0) throw std::invalid_argument("largest_remainder_split: weights sum to 0");
  const bool negative = amount.cents() < 0;
  const int128 cents = negative ? -amount.cents() : amount.cents();

  // Each quota is cents x weight / total. With cents = whole x total + part, it is
  // whole x weight + part x weight / total, so no product exceeds the result itself
  // or part x weight < total x weight <= 1e18 x 1e12 (1e6 LSEs of weight at most
  // 1e6 in micros): exact for any amount of 128-bit cents (rules.md 1a v1.2).
  const int128 whole = cents / total;
  const int128 part = cents % total;
  std::vector<int128> share(parts.size());
  std::vector<int128> remainder(parts.size());
  int128 given = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const int128 w = parts[i].weight.micros();
    const int128 spread = part * w;  // < total x w
    share[i] = whole * w + spread / total;
    remainder[i] = spread % total;
    given += share[i];
  }
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return parts[a].id < parts[b].id;
  });
  for (std::size_t k = 0; given < cents; ++k, ++given) ++share[order[k % order.size()]];

  std::vector<Money> out;
  out.reserve(parts.size());
  for (auto c : share) out.push_back(Money::from_cents(negative ? -c : c));
  return out;
}

}  // namespace drsim
