// Exact parsing, printing and rounded products of six-place decimals.
#include "decimal.hpp"

#include <cctype>
#include <stdexcept>

namespace drsim {

int128 div_round_half_away(int128 value, int128 divisor) {
  const bool negative = value < 0;
  // The magnitude in unsigned 128 bits, so that even the most negative value has one.
  const uint128 magnitude = negative ? -static_cast<uint128>(value)
                                               : static_cast<uint128>(value);
  const auto d = static_cast<uint128>(divisor);
  if (magnitude <= UINT64_MAX && d <= UINT64_MAX) {  // the common case, in one 64-bit division
    const std::uint64_t q = div_half_away_u64(static_cast<std::uint64_t>(magnitude), static_cast<std::uint64_t>(d));
    return negative ? -static_cast<int128>(q) : static_cast<int128>(q);
  }
  uint128 quotient = magnitude / d;
  const uint128 remainder = magnitude % d;
  if (remainder >= d - remainder) ++quotient;  // remainder x 2 >= divisor, without overflow
  return negative ? -static_cast<int128>(quotient) : static_cast<int128>(quotient);
}

namespace {

constexpr int128 pow10(int n) {
  int128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

std::string unsigned_str(uint128 v) {
  char buf[40];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  std::string out;
  out.reserve(static_cast<std::size_t>(n));
  while (n > 0) out += buf[--n];
  return out;
}

// The shortest exact text of units / 10^scale: trailing zeros and a bare point dropped.
std::string shortest(int128 units, int scale) {
  std::string s = scaled_fixed(units, scale, scale);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

// A rounded product or quotient back in Decimal's range; beyond it (never within
// the documented limits) an error rather than a wrapped value (rules.md 1a v1.2).
Decimal narrow(int128 micros) {
  if (micros > Decimal::kMaxMicros || micros < -Decimal::kMaxMicros) {
    throw std::overflow_error("decimal result beyond +-9.2e12: " + scaled_fixed(micros, Decimal::kPlaces, 6));
  }
  return Decimal::from_micros(static_cast<std::int64_t>(micros));
}

}  // namespace

std::string int128_str(int128 value) {
  if (value < 0) return "-" + unsigned_str(-static_cast<uint128>(value));
  return unsigned_str(static_cast<uint128>(value));
}

std::string scaled_fixed(int128 units, int scale, int places) {
  if (places < 0) places = 0;
  if (places > scale) places = scale;
  int128 scaled = places == scale ? units : div_round_half_away(units, pow10(scale - places));
  const bool negative = scaled < 0;
  const uint128 magnitude = negative ? -static_cast<uint128>(scaled)
                                               : static_cast<uint128>(scaled);
  const auto divisor = static_cast<uint128>(pow10(places));
  std::string out = negative ? "-" : "";
  out += unsigned_str(magnitude / divisor);
  if (places > 0) {
    const std::string f = unsigned_str(magnitude % divisor);
    out += '.';
    out.append(static_cast<std::size_t>(places) - f.size(), '0');
    out += f;
  }
  return out;
}

std::optional<int128> parse_scaled(std::string_view text, int places, bool exact) {
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
    // 38 digits still fit 128 bits (10^38 < 1.7e38); the bound on the scaled value is checked below. Trailing
    // zeros count here, so the cap must stay above that bound: "X.00", X of 35 digits, is what str() prints
    // for a money amount that parsed (a fuzzer found the round trip refused at a cap of 30).
    if (significant >= 38) return std::nullopt;
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
  // value = mantissa x 10^(exponent - fraction_digits); we want value x 10^places.
  const int shift = exponent - fraction_digits + places;
  int128 scaled = 0;
  if (mantissa == 0) {
    scaled = 0;
  } else if (shift >= 0) {
    if (significant + shift > 37) return std::nullopt;  // mantissa < 10^significant: below 10^37
    scaled = mantissa * pow10(shift);
  } else if (-shift > 36) {
    if (exact) return std::nullopt;
    scaled = 0;  // rounds to zero
  } else {
    const int128 unit = pow10(-shift);
    if (exact && mantissa % unit != 0) return std::nullopt;
    scaled = div_round_half_away(mantissa, unit);
  }
  return negative ? -scaled : scaled;
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  const auto micros = parse_scaled(text, kPlaces, false);
  if (!micros || *micros > kMaxMicros || *micros < -kMaxMicros) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(*micros));
}

std::string Decimal::str() const { return shortest(micros_, kPlaces); }

std::string Decimal::fixed(int places) const { return scaled_fixed(micros_, kPlaces, places); }

std::string Decimal::str_at_least(int places) const {
  std::string s = str();
  std::size_t dot = s.find('.');
  if (places <= 0) return s;
  if (dot == std::string::npos) {
    dot = s.size();
    s += '.';
  }
  const std::size_t have = s.size() - dot - 1;
  if (have < static_cast<std::size_t>(places)) s.append(static_cast<std::size_t>(places) - have, '0');
  return s;
}

Decimal Decimal::mul(Decimal a, Decimal b) {
  // |a x b| <= (9.2e18)^2 = 8.5e37 < 2^127: the product of two int64 is exact in 128 bits.
  const int128 p = static_cast<int128>(a.micros_) * b.micros_;
  const uint128 magnitude = p < 0 ? -static_cast<uint128>(p) : static_cast<uint128>(p);
  if (magnitude <= UINT64_MAX) {  // most products: divided by the constant scale (a multiply, not a division)
    const std::uint64_t q = div_half_away_u64(static_cast<std::uint64_t>(magnitude), static_cast<std::uint64_t>(kScale));
    return Decimal(p < 0 ? -static_cast<std::int64_t>(q) : static_cast<std::int64_t>(q));
  }
  return narrow(div_round_half_away(p, kScale));
}

Decimal Decimal::div(Decimal a, Decimal b) {
  return ratio(a.micros_, b.micros_);
}

Decimal Decimal::ratio(int128 numerator, int128 denominator) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  int128 scaled = 0;
  if (__builtin_mul_overflow(numerator, int128{kScale}, &scaled)) {
    throw std::overflow_error("decimal ratio numerator beyond 1.7e32");
  }
  return narrow(div_round_half_away(scaled, denominator));
}

std::string WideDecimal::str() const { return shortest(micros_, Decimal::kPlaces); }

WideDecimal& WideDecimal::operator+=(WideDecimal o) {
  if (__builtin_add_overflow(micros_, o.micros_, &micros_)) throw std::overflow_error("wide decimal sum beyond 1.7e32");
  return *this;
}

}  // namespace drsim
