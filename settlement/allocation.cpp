// Largest-remainder allocation on exact quotas.
#include "allocation.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace drsim {

std::vector<Money> largest_remainder_split(Money amount, const std::vector<Weighted>& parts, Explanation* why,
                                          std::string_view explained) {
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
  struct Quota {
    int128 share;
    int128 remainder;
    std::size_t index;  // into parts
  };
  std::vector<Quota> quota(parts.size());
  int128 given = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const int128 w = parts[i].weight.micros();
    const int128 spread = part * w;  // < total x w
    quota[i] = {whole * w + spread / total, spread % total, i};
    given += quota[i].share;
  }
  const int128 floor_sum = given;  // before the cents left over
  // Largest remainder first, ties to the id that sorts first, then to the earlier part (stable).
  const auto before = [&](const Quota& a, const Quota& b) {
    if (a.remainder != b.remainder) return a.remainder > b.remainder;
    return parts[a.index].id < parts[b.index].id;
  };
  if (quota.size() <= 16) {
    // An insertion sort is stable and allocates nothing: an hour's LSEs are mostly a few.
    for (std::size_t i = 1; i < quota.size(); ++i) {
      for (std::size_t j = i; j > 0 && before(quota[j], quota[j - 1]); --j) std::swap(quota[j], quota[j - 1]);
    }
  } else {
    std::stable_sort(quota.begin(), quota.end(), before);
  }
  for (std::size_t k = 0; given < cents; ++k, ++given) ++quota[k % quota.size()].share;

  std::vector<Money> out(parts.size());
  for (const Quota& q : quota) out[q.index] = Money::from_cents(negative ? -q.share : q.share);
  if (why) {
    for (std::size_t k = 0; k < quota.size(); ++k) {
      const Quota& q = quota[k];
      if (parts[q.index].id != explained) continue;
      const int128 floor_share = whole * parts[q.index].weight.micros() + part * parts[q.index].weight.micros() / total;
      why->add("4.10", "",
               "share = floor of amount x weight / total weight in cents; the cents left over go one each to the "
               "largest remainders (ties to the id that sorts first)",
               {{"amount_usd", amount.str()}, {"weight", parts[q.index].weight.str()},
                {"total_weight", WideDecimal::from_micros(total).str()},
                {"floor_usd", Money::from_cents(negative ? -floor_share : floor_share).str()},
                {"remainder_rank", std::to_string(k + 1) + " of " + std::to_string(quota.size())},
                {"cents_left_over", std::to_string(static_cast<long long>(cents - floor_sum))},
                {"share_usd", out[q.index].str()}});
    }
  }
  return out;
}

}  // namespace drsim
