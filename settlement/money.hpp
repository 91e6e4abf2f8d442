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
  Money operator+(Money o) const;
  Money operator-(Money o) const;
  Money operator-() const { return Money(0) - *this; }
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  explicit constexpr Money(int128 cents) : cents_(cents) {}
  int128 cents_ = 0;
};

// The one rounding of money in drsim: to the cent, half away from zero
// (rules.md 1a, 4.7). Every line item passes through here exactly once.
Money round_to_cents(ExactUsd amount);

}  // namespace drsim
