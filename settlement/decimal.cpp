// Exact parsing, printing and rounded products of six-place decimals.
#include "decimal.hpp"

#include <cctype>

namespace drsim {

int128 div_round_half_away(int128 value, int128 divisor) {
  const bool negative = value < 0;
  const int128 magnitude = negative ? -value : value;
  int128 quotient = magnitude / divisor;
  const int128 remainder = magnitude % divisor;
  if (remainder * 2 >= divisor) ++quotient;
  return negative ? -quotient : quotient;
}

namespace {

constexpr int128 pow10(int n) {
  int128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  // Mantissa digits, kept exactly up to a bound that no valid value reaches.
  int128 mantissa = 0;
  int fraction_digits = 0;
  int significant = 0;
  bool any_digit = false;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    any_digit = true;
    if (mantissa == 0 && c == '0') {
      if (seen_point) ++fraction_digits;
      continue;
    }
    if (significant >= 30) return std::nullopt;  // beyond any plausible value
    mantissa = mantissa * 10 + (c - '0');
    ++significant;
    if (seen_point) ++fraction_digits;
  }
  if (!any_digit) return std::nullopt;
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    bool exp_digit = false;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      exp_digit = true;
      if (exponent > 1000) return std::nullopt;
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (!exp_digit) return std::nullopt;
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  // value = mantissa x 10^(exponent - fraction_digits); we want value x 10^6.
  const int shift = exponent - fraction_digits + kPlaces;
  int128 micros = 0;
  if (mantissa == 0) {
    micros = 0;
  } else if (shift >= 0) {
    if (shift > 20 || significant + shift > 37) return std::nullopt;
    micros = mantissa * pow10(shift);
  } else {
    if (-shift > 36) {
      micros = 0;  // rounds to zero
    } else {
      micros = div_round_half_away(mantissa, pow10(-shift));
    }
  }
  if (micros > kMaxMicros) return std::nullopt;
  const auto m = static_cast<std::int64_t>(micros);
  return Decimal(negative ? -m : m);
}

std::string Decimal::str() const {
  std::string s = fixed(kPlaces);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string Decimal::fixed(int places) const {
  if (places < 0) places = 0;
  if (places > kPlaces) places = kPlaces;
  const int128 unit = pow10(kPlaces - places);
  int128 scaled = div_round_half_away(micros_, unit);
  const bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  const int128 divisor = pow10(places);
  const auto whole = static_cast<std::uint64_t>(scaled / divisor);
  auto frac = static_cast<std::uint64_t>(scaled % divisor);
  std::string out = negative ? "-" : "";
  out += std::to_string(whole);
  if (places > 0) {
    std::string f = std::to_string(frac);
    out += '.';
    out.append(static_cast<std::size_t>(places) - f.size(), '0');
    out += f;
  }
  return out;
}

Decimal Decimal::mul(Decimal a, Decimal b) {
  return Decimal(static_cast<std::int64_t>(
      div_round_half_away(static_cast<int128>(a.micros_) * b.micros_, kScale)));
}

Decimal Decimal::div(Decimal a, Decimal b) {
  return ratio(a.micros_, b.micros_);
}

Decimal Decimal::ratio(int128 numerator, int128 denominator) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  return Decimal(static_cast<std::int64_t>(
      div_round_half_away(numerator * kScale, denominator)));
}

}  // namespace drsim
