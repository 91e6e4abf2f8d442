// Money rounding and formatting.
#include "money.hpp"

namespace drsim {

namespace {
constexpr int128 kRawPerCent = [] {
  int128 r = 1;
  for (int i = 0; i < ExactUsd::kPlaces - 2; ++i) r *= 10;
  return r;
}();
}  // namespace

ExactUsd ExactUsd::product(Decimal a, Decimal b, Decimal c) {
  return ExactUsd(static_cast<int128>(a.micros()) * b.micros() * c.micros());
}

Money round_to_cents(ExactUsd amount) {
  return Money::from_cents(static_cast<std::int64_t>(div_round_half_away(amount.raw(), kRawPerCent)));
}

std::optional<Money> Money::parse(std::string_view text) {
  const auto d = Decimal::parse(text);
  if (!d || d->micros() % 10'000 != 0) return std::nullopt;
  return Money(d->micros() / 10'000);
}

std::string Money::str() const {
  return Decimal::from_micros(cents_ * 10'000).fixed(2);
}

}  // namespace drsim
