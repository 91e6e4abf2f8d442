// Exact texts for explanations.
#include "explanation.hpp"

#include <string>

namespace drsim {

std::string exact_usd_text(ExactUsd amount) {
  // value = floor_cents x 1e16 + rest, in 1e-18 dollars, 0 <= rest < 1e16.
  int128 cents = amount.floor_cents();
  std::int64_t rest = amount.rest();
  const bool negative = cents < 0;
  if (negative) {  // |value| = -(cents x 1e16 + rest) = (-cents - 1) x 1e16 + (1e16 - rest)
    if (rest != 0) {
      cents = -cents - 1;
      rest = ExactUsd::kRestPerCent - rest;
    } else {
      cents = -cents;
    }
  }
  std::string whole = Money::from_cents(cents).str();  // "3.53"
  std::string frac = std::to_string(rest);
  frac = std::string(16 - frac.size(), '0') + frac;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = whole + frac;
  if (negative && out != "0.00") out = "-" + out;
  return out;
}

}  // namespace drsim
