// Exact decimal numbers with six places, the arithmetic of rules.md section 1a.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drsim {

__extension__ typedef __int128 int128;

// Rounds value / divisor to the nearest integer, half away from zero (divisor > 0).
int128 div_round_half_away(int128 value, int128 divisor);

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

}  // namespace drsim
