// Splitting an amount of cents by weights with the largest-remainder method (rules.md 4.10).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "explanation.hpp"
#include "money.hpp"

namespace drsim {

struct Weighted {
  std::string id;   // ties in remainders go to the id that sorts first, bytewise
  Decimal weight;   // load (MWh) or a static share; not negative
};

// Splits `amount` over `parts` pro rata on their weights: each part gets the
// floor of its exact quota in cents, and the cents left over go one each to the
// largest exact remainders. The result sums exactly to `amount`, in the order of
// `parts`. The weights must sum to more than 0.
// With `why`, adds the step of part `explained` (its quota, remainder and share: drsim explain --allocation).
std::vector<Money> largest_remainder_split(Money amount, const std::vector<Weighted>& parts, Explanation* why = nullptr,
                                          std::string_view explained = {});

}  // namespace drsim
