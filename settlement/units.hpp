// Strong unit types of settlement: MW, MWh, $/MWh, $/MW-day over exact Decimals.
#pragma once

#include <compare>

#include "decimal.hpp"
#include "money.hpp"

namespace drsim {

// A quantity of one unit. Only same-unit arithmetic is defined here; products
// that change the unit are the free functions below.
template <class Tag>
class Quantity {
 public:
  constexpr Quantity() = default;
  constexpr explicit Quantity(Decimal value) : value_(value) {}
  constexpr Decimal value() const { return value_; }
  constexpr bool is_zero() const { return value_.is_zero(); }
  constexpr Quantity operator+(Quantity o) const { return Quantity(value_ + o.value_); }
  constexpr Quantity operator-(Quantity o) const { return Quantity(value_ - o.value_); }
  constexpr Quantity& operator+=(Quantity o) { value_ += o.value_; return *this; }
  constexpr auto operator<=>(const Quantity&) const = default;
  friend constexpr Quantity min(Quantity a, Quantity b) { return a < b ? a : b; }
  friend constexpr Quantity max(Quantity a, Quantity b) { return a < b ? b : a; }

 private:
  Decimal value_;
};

struct MwTag {};
struct MwhTag {};
struct UsdPerMwhTag {};
struct UsdPerMwDayTag {};

using Mw = Quantity<MwTag>;                    // power, MW
using Mwh = Quantity<MwhTag>;                  // energy, MWh
using UsdPerMwh = Quantity<UsdPerMwhTag>;      // energy price, $/MWh
using UsdPerMwDay = Quantity<UsdPerMwDayTag>;  // capacity price, $/MW-day

inline Mw mw(const char* text) { return Mw(*Decimal::parse(text)); }

// MW held over a fraction of an hour gives MWh, rounded to six places (rules.md 1a).
inline Mwh energy(Mw power, Decimal hours) { return Mwh(Decimal::mul(power.value(), hours)); }

// MWh x $/MWh x multiplier, exact until the caller rounds it to cents: within the limits
// at most 320,000 MWh x 1e6 $/MWh x 1e6 = 3.2e17 dollars (money.cpp has the bounds).
[[gnu::always_inline]] inline ExactUsd charge(Mwh energy, UsdPerMwh price, Decimal multiplier) {
  return ExactUsd::product(energy.value(), price.value(), multiplier);
}

// MW x $/MW-day x days, exact: at most 1e5 MW x 1e6 $/MW-day x 366 days = 3.66e13 dollars.
inline ExactUsd capacity_value(Mw cleared, UsdPerMwDay price, Decimal days) {
  return ExactUsd::product(cleared.value(), price.value(), days);
}

}  // namespace drsim
