// Money rounding and formatting, exact in 128 bits.
//
// Bounds within the documented limits (docs/format.md "Limits": 100,000 per MW or
// MWh value, +-1,000,000 for every other number; at most 1,000,000 YAML nodes, so
// at most 1e6 resources, LSEs or instructions):
// - a shortfall is at most 100,000 (target) + 120,000 (baseline x the 1.2 same-day
//   cap) + 100,000 (a negative meter value) = 3.2e5 MW, so an energy charge is at
//   most 3.2e5 MWh x 1e6 $/MWh x 1e6 = 3.2e17 dollars = 3.2e19 cents (beyond int64);
//   rule values are read without that limit, up to Decimal's 9.2e12, which gives
//   3.2e5 x 9.2e12 x 9.2e12 = 2.7e31 dollars: still exact here;
// - a capacity line is at most 1e5 MW x 1e6 $/MW-day x 366 days = 3.66e13 dollars;
// - an EO season is at most 1e6 x 1e6 $/MW-day x 3.66e13 MW-days = 3.66e25 dollars;
// - a total of 8.8e9 lines (1e6 instructions x 8,784 hours) of 6.4e19 cents each is
//   5.6e29 cents, far inside int128's 1.7e38.
#include "money.hpp"

#include <limits>
#include <stdexcept>

namespace drsim {

namespace {


constexpr uint128 kRest = ExactUsd::kRestPerCent;

[[noreturn]] void overflow(const char* what) { throw std::overflow_error(what); }

uint128 magnitude(int128 v) { return v < 0 ? -static_cast<uint128>(v) : static_cast<uint128>(v); }

}  // namespace

// a x b x c in 1e-18 dollars, split as cents x 1e16 + rest without ever forming
// the full product: P = |a x b| = q x 1e16 + r (|a x b| <= (9.2e18)^2 < 2^127), so
// |a b c| = (q |c|) x 1e16 + r |c|, where r |c| < 1e16 |c| fits 128 bits for
// |c| < 3.4e22 micros (MW-days reach 3.66e19) and q |c| is the result's cents.
ExactUsd ExactUsd::product(Decimal a, Decimal b, WideDecimal c) {
  const char* const beyond = "money product beyond 1.7e36 dollars";
  const uint128 p = magnitude(a.micros()) * magnitude(b.micros());
  const bool negative = ((a.micros() < 0) != (b.micros() < 0)) != (c.micros() < 0);
  const uint128 cm = magnitude(c.micros());
  if (p <= UINT64_MAX && cm < kSmallFactor) return small_product(static_cast<std::uint64_t>(p), static_cast<std::uint64_t>(cm), negative);
  const uint128 q = p / kRest;
  const uint128 r = p % kRest;
  uint128 whole = 0, part = 0, cents = 0;
  if (__builtin_mul_overflow(q, magnitude(c.micros()), &whole) ||
      __builtin_mul_overflow(r, magnitude(c.micros()), &part) ||
      __builtin_add_overflow(whole, part / kRest, &cents) ||
      cents >= static_cast<uint128>(std::numeric_limits<int128>::max())) {
    overflow(beyond);
  }
  const auto magnitude_cents = static_cast<int128>(cents);
  const auto rest = static_cast<std::int64_t>(part % kRest);
  if (!negative || (magnitude_cents == 0 && rest == 0)) return ExactUsd(magnitude_cents, rest);
  return -ExactUsd(magnitude_cents, rest);
}

ExactUsd ExactUsd::operator+(ExactUsd o) const {
  std::int64_t rest = rest_ + o.rest_;  // < 2e16: no overflow
  int128 carry = 0;
  if (rest >= kRestPerCent) {
    rest -= kRestPerCent;
    carry = 1;
  }
  int128 cents = 0;
  if (__builtin_add_overflow(cents_, o.cents_, &cents) || __builtin_add_overflow(cents, carry, &cents)) {
    overflow("exact money sum beyond 1.7e36 dollars");
  }
  return ExactUsd(cents, rest);
}

ExactUsd ExactUsd::operator-() const {
  if (rest_ == 0) return ExactUsd(-cents_, 0);
  return ExactUsd(-cents_ - 1, kRestPerCent - rest_);
}

std::optional<Money> Money::parse(std::string_view text) {
  const auto cents = parse_scaled(text, 2, true);
  if (!cents) return std::nullopt;
  return Money(*cents);
}

std::optional<std::int64_t> Money::cents64() const {
  if (cents_ > std::numeric_limits<std::int64_t>::max() || cents_ < std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(cents_);
}

std::string Money::str() const { return scaled_fixed(cents_, 2, 2); }

void money_overflow(const char* what) { throw std::overflow_error(what); }

}  // namespace drsim
