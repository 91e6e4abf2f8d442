// Money: whole cents, and the one function that rounds an exact amount to them.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decimal.hpp"

namespace drsim {

// An exact dollar amount before rounding, as an integer count of 1e-18 dollars:
// the product of up to three six-place Decimals (MWh x $/MWh x multiplier,
// MW x $/MW-day x days, share x $/MW-day x MW-days) without losing a digit.
class ExactUsd {
 public:
  static constexpr int kPlaces = 18;
  constexpr ExactUsd() = default;
  static constexpr ExactUsd from_raw(int128 raw) { return ExactUsd(raw); }
  // a x b x c exactly (each a Decimal in millionths, so the product is in 1e-18).
  static ExactUsd product(Decimal a, Decimal b, Decimal c = Decimal::from_int(1));
  constexpr int128 raw() const { return raw_; }
  constexpr ExactUsd operator+(ExactUsd o) const { return ExactUsd(raw_ + o.raw_); }
  constexpr ExactUsd& operator+=(ExactUsd o) { raw_ += o.raw_; return *this; }
  constexpr ExactUsd operator-() const { return ExactUsd(-raw_); }
  constexpr auto operator<=>(const ExactUsd&) const = default;

 private:
  explicit constexpr ExactUsd(int128 raw) : raw_(raw) {}
  int128 raw_ = 0;
};

// A settled amount of money in whole cents.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
  // Parses a dollar figure with at most two decimals ("6302.75", "-3", "0.5").
  static std::optional<Money> parse(std::string_view text);
  constexpr std::int64_t cents() const { return cents_; }
  constexpr bool is_zero() const { return cents_ == 0; }
  // "6302.75", "-0.05": always two decimals.
  std::string str() const;
  Decimal as_decimal() const { return Decimal::from_micros(cents_ * 10'000); }
  constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
  constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
  constexpr Money operator-() const { return Money(-cents_); }
  constexpr Money& operator+=(Money o) { cents_ += o.cents_; return *this; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  explicit constexpr Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

// The one rounding of money in drsim: to the cent, half away from zero
// (rules.md 1a, 4.7). Every line item passes through here exactly once.
Money round_to_cents(ExactUsd amount);

}  // namespace drsim
