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
  const int128 cents = negative ? -int128{amount.cents()} : int128{amount.cents()};

  std::vector<std::int64_t> share(parts.size());
  std::vector<int128> remainder(parts.size());
  int128 given = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const int128 exact = cents * parts[i].weight.micros();  // quota x total
    share[i] = static_cast<std::int64_t>(exact / total);
    remainder[i] = exact % total;
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
