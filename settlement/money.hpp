// Money: whole cents in 128 bits, and the one function that rounds an exact amount to them.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decimal.hpp"

namespace drsim {

// An exact dollar amount before rounding: a whole number of cents (rounded down)
// and the rest in 1e-18 dollars, 0 <= rest < 1e16. It holds the product of three
// six-place figures (MWh x $/MWh x multiplier, MW x $/MW-day x days,
// share x $/MW-day x MW-days) without losing a digit for any result below
// 1.7e36 dollars; a product beyond that throws std::overflow_error. Within the
// documented limits the largest is an EO of 1e6 x 1e6 $/MW-day x 3.66e13 MW-days
// = 3.66e25 dollars (rules.md 1a v1.2; worked in money.cpp).
class ExactUsd {
 public:
  static constexpr std::int64_t kRestPerCent = 10'000'000'000'000'000;  // 1e16 x 1e-18 dollars
  constexpr ExactUsd() = default;
  // a x b x c exactly (each in millionths, so the product is in 1e-18 dollars).
  static ExactUsd product(Decimal a, Decimal b, Decimal c = Decimal::from_int(1));
  static ExactUsd product(Decimal a, Decimal b, WideDecimal c);
  // |a b| x |c| = p64 x c64 with the sign `negative`, for p64 < 2^64 and c64 < kSmallFactor: the
  // split of product() in 64-bit steps (every charge of an hour and every capacity line).
  static constexpr std::uint64_t kSmallFactor = 100'000'000'000;  // 1e11 micros
  static ExactUsd small_product(std::uint64_t p64, std::uint64_t c64, bool negative);
  constexpr int128 floor_cents() const { return cents_; }
  constexpr std::int64_t rest() const { return rest_; }  // in 1e-18 dollars, 0 <= rest < 1e16
  ExactUsd operator+(ExactUsd o) const;
  ExactUsd& operator+=(ExactUsd o) { return *this = *this + o; }
  ExactUsd operator-() const;
  constexpr auto operator<=>(const ExactUsd&) const = default;

 private:
  constexpr ExactUsd(int128 cents, std::int64_t rest) : cents_(cents), rest_(rest) {}
  int128 cents_ = 0;       // value = cents_ x 1e16 + rest_, in 1e-18 dollars
  std::int64_t rest_ = 0;
};

// p = q x 1e16 + r, r = rh x 1e8 + rl, and r c = (rh c div 1e8) x 1e16 + ((rh c mod 1e8) x 1e8 + rl c),
// each term below 2^64 for c < 1e11.
inline ExactUsd ExactUsd::small_product(std::uint64_t p64, std::uint64_t c64, bool negative) {
  constexpr std::uint64_t kRest = kRestPerCent, kHalf = 100'000'000;  // kRest = kHalf^2
  const std::uint64_t q = p64 / kRest, r = p64 % kRest;
  const std::uint64_t high = (r / kHalf) * c64, low = (r % kHalf) * c64;
  const std::uint64_t tail = (high % kHalf) * kHalf + low;  // < 1e16 + 1e19
  const int128 cents = static_cast<int128>(q) * c64 + high / kHalf + tail / kRest;
  const auto rest = static_cast<std::int64_t>(tail % kRest);
  if (!negative || (cents == 0 && rest == 0)) return ExactUsd(cents, rest);
  return -ExactUsd(cents, rest);
}

// Always inlined: every charged hour takes it twice, mostly by its first path.
[[gnu::always_inline]] inline ExactUsd ExactUsd::product(Decimal a, Decimal b, Decimal c) {
  const uint128 p = uint128{magnitude_u64(a.micros())} * magnitude_u64(b.micros());
  const std::uint64_t cm = magnitude_u64(c.micros());
  const bool negative = ((a.micros() < 0) != (b.micros() < 0)) != (c.micros() < 0);
  if (p <= UINT64_MAX && cm == Decimal::kScale) {
    // c = 1 (most charges: a tested resource's multiplier): |a b| in 1e-12 dollars, 1e10 to the cent.
    constexpr std::uint64_t kPerCent = kRestPerCent / Decimal::kScale;
    const auto p64 = static_cast<std::uint64_t>(p);
    const ExactUsd v(static_cast<int128>(p64 / kPerCent), static_cast<std::int64_t>(p64 % kPerCent) * Decimal::kScale);
    return negative && p64 != 0 ? -v : v;
  }
  if (p <= UINT64_MAX && cm < kSmallFactor) return small_product(static_cast<std::uint64_t>(p), cm, negative);
  return product(a, b, WideDecimal(c));
}

// A settled amount of money in whole cents, held in 128 bits: the largest line a
// scenario within the documented limits can charge (3.2e5 MWh x 1e6 $/MWh x 1e6)
// is 3.2e19 cents, beyond int64. Sums and differences that would leave
// +-1.7e38 cents throw std::overflow_error instead of wrapping (rules.md 1a v1.2).
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(int128 cents) { return Money(cents); }
  // Parses a dollar figure with at most two decimals ("6302.75", "-3", "0.5", "1e3"),
  // exactly, up to 37 digits of cents.
  static std::optional<Money> parse(std::string_view text);
  constexpr int128 cents() const { return cents_; }
  constexpr bool is_zero() const { return cents_ == 0; }
  // The cents when they fit a signed 64-bit integer (SQLite's INTEGER), else nothing.
  std::optional<std::int64_t> cents64() const;
  // "6302.75", "-0.05": always two decimals, every digit exact.
  std::string str() const;
  Money operator+(Money o) const;  // throw std::overflow_error beyond +-1.7e38 cents
  Money operator-(Money o) const;
  Money operator-() const { return Money(0) - *this; }
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  explicit constexpr Money(int128 cents) : cents_(cents) {}
  int128 cents_ = 0;
};

// Throws std::overflow_error(what): out of line, so the sums above stay small enough to inline.
[[noreturn]] void money_overflow(const char* what);

inline Money Money::operator+(Money o) const {
  int128 r = 0;
  if (__builtin_add_overflow(cents_, o.cents_, &r)) money_overflow("money sum beyond 1.7e36 dollars");
  return Money(r);
}

inline Money Money::operator-(Money o) const {
  int128 r = 0;
  if (__builtin_sub_overflow(cents_, o.cents_, &r)) money_overflow("money difference beyond 1.7e36 dollars");
  return Money(r);
}

// The one rounding of money in drsim: to the cent, half away from zero
// (rules.md 1a, 4.7). Every line item passes through here exactly once.
// value = cents x 1e16 + rest with 0 <= rest < 1e16. Half away from zero: a value
// at or above 0 goes up when rest >= 0.5 cent; a negative one (cents < 0) has the
// magnitude (-cents - 1) + (1e16 - rest)/1e16, which rounds up in magnitude, to
// `cents`, when rest <= 0.5 cent, and down, to cents + 1, when rest > 0.5 cent.
inline Money round_to_cents(ExactUsd amount) {
  constexpr std::int64_t kHalf = ExactUsd::kRestPerCent / 2;
  const int128 cents = amount.floor_cents();
  const bool up = cents >= 0 ? amount.rest() >= kHalf : amount.rest() > kHalf;
  return Money::from_cents(up ? cents + 1 : cents);
}

// round_to_cents(ExactUsd::product(a, b, c)): with c = 1 (a tested resource's multiplier: most
// charges) and |a b| below 2^64, the cents straight from |a b| in 1e-12 dollars, half away from
// zero, without forming the exact amount (money_test checks both ways agree on random factors).
inline Money rounded_product(Decimal a, Decimal b, Decimal c) {
  if (c.micros() == Decimal::kScale) {
    const uint128 p = uint128{magnitude_u64(a.micros())} * magnitude_u64(b.micros());
    if (p <= UINT64_MAX) {
      constexpr std::uint64_t kPerCent = ExactUsd::kRestPerCent / Decimal::kScale;  // 1e10
      const auto cents = static_cast<std::int64_t>(div_half_away_u64(static_cast<std::uint64_t>(p), kPerCent));
      return Money::from_cents((a.micros() < 0) != (b.micros() < 0) ? -cents : cents);
    }
  }
  return round_to_cents(ExactUsd::product(a, b, c));
}

}  // namespace drsim
