// Exact decimal numbers with six places, the arithmetic of rules.md section 1a.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drsim {

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

// Rounds value / divisor to the nearest integer, half away from zero (divisor > 0).
int128 div_round_half_away(int128 value, int128 divisor);

// The same for magnitudes that fit 64 bits (m >= 0, d > 0): the one rounding rule of every
// 64-bit division of decimals and money (by a constant d, a multiply once inlined).
constexpr std::uint64_t div_half_away_u64(std::uint64_t m, std::uint64_t d) {
  const std::uint64_t rest = m % d;
  return m / d + (rest >= d - rest ? 1 : 0);  // rest x 2 >= d, without overflow
}

// |v| as an unsigned integer (defined for the most negative value too).
constexpr std::uint64_t magnitude_u64(std::int64_t v) {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// Exact decimal text of an integer: "-170141183460469231731687303715884105728".
std::string int128_str(int128 value);
// Text of `units` / 10^scale with exactly `places` decimals (0 <= places <= scale <= 18),
// rounded half away from zero; no integer narrower than 128 bits on the way.
std::string scaled_fixed(int128 units, int scale, int places);

// The value of a decimal text ("12", "-0.35", "1e3", "+2.5E-2") times 10^places, as an
// integer of at most 37 digits. Digits beyond `places` are rounded half away from zero,
// or make the text invalid when `exact`. Nothing when the text is not a plain number.
std::optional<int128> parse_scaled(std::string_view text, int places, bool exact);

// A decimal number held as an integer count of millionths. Values read from
// scenario files and every rounded intermediate of the rules are Decimals, so
// no figure ever passes through binary floating point.
class Decimal {
 public:
  static constexpr int kPlaces = 6;
  static constexpr std::int64_t kScale = 1'000'000;
  // Largest magnitude a Decimal holds (about 9.2e12): beyond it parse() fails.
  static constexpr std::int64_t kMaxMicros = INT64_MAX;

  constexpr Decimal() = default;
  static constexpr Decimal from_micros(std::int64_t micros) { return Decimal(micros); }
  static constexpr Decimal from_int(std::int64_t whole) { return Decimal(whole * kScale); }

  // Parses "12", "-0.35", "1e3", "+2.5E-2" exactly; digits beyond the sixth
  // place are rounded half away from zero (rules.md 1a). Rejects NaN, inf,
  // thousands separators, empty text and values beyond the range.
  static std::optional<Decimal> parse(std::string_view text);

  constexpr std::int64_t micros() const { return micros_; }
  constexpr bool is_zero() const { return micros_ == 0; }
  constexpr bool is_negative() const { return micros_ < 0; }

  // Shortest exact text: "10", "12.5", "-0.000001".
  std::string str() const;
  // Text with exactly `places` decimals (0..6), rounded half away from zero.
  std::string fixed(int places) const;
  // Every digit, and at least `places` decimals: a rate as printed ("666.50", "398.987").
  std::string str_at_least(int places) const;

  constexpr Decimal operator-() const { return Decimal(-micros_); }
  constexpr Decimal operator+(Decimal o) const { return Decimal(micros_ + o.micros_); }
  constexpr Decimal operator-(Decimal o) const { return Decimal(micros_ - o.micros_); }
  constexpr Decimal& operator+=(Decimal o) { micros_ += o.micros_; return *this; }
  constexpr Decimal& operator-=(Decimal o) { micros_ -= o.micros_; return *this; }
  constexpr auto operator<=>(const Decimal&) const = default;

  // a x b rounded to six places, half away from zero.
  static Decimal mul(Decimal a, Decimal b);
  // a / b rounded to six places, half away from zero (b != 0).
  static Decimal div(Decimal a, Decimal b);
  // numerator / denominator (integers) rounded to six places.
  static Decimal ratio(int128 numerator, int128 denominator);

 private:
  explicit constexpr Decimal(std::int64_t micros) : micros_(micros) {}
  std::int64_t micros_ = 0;
};

constexpr Decimal min(Decimal a, Decimal b) { return a < b ? a : b; }
constexpr Decimal max(Decimal a, Decimal b) { return a < b ? b : a; }

// A six-place decimal held in 128 bits, for sums that may leave Decimal's range
// (about 9.2e12): the MW-days of a utility over a season reach 1e6 resources x
// 100,000 MW x 366 days = 3.66e13 within the documented limits (rules.md 1a v1.2).
class WideDecimal {
 public:
  constexpr WideDecimal() = default;
  constexpr WideDecimal(Decimal d) : micros_(d.micros()) {}  // NOLINT: every Decimal is one
  static constexpr WideDecimal from_micros(int128 micros) { WideDecimal w; w.micros_ = micros; return w; }
  constexpr int128 micros() const { return micros_; }
  constexpr bool is_zero() const { return micros_ == 0; }
  // Shortest exact text, as Decimal::str().
  std::string str() const;
  // Adding more than 1.7e32 (never within the limits) throws std::overflow_error.
  WideDecimal& operator+=(WideDecimal o);
  WideDecimal operator+(WideDecimal o) const { WideDecimal r = *this; return r += o; }
  constexpr auto operator<=>(const WideDecimal&) const = default;

 private:
  int128 micros_ = 0;
};

}  // namespace drsim
