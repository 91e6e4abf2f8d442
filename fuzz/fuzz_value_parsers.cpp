// libFuzzer target: the exact number, money and market-time parsers, with round-trip properties.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "settlement/decimal.hpp"
#include "settlement/market_time.hpp"
#include "settlement/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // A parsed decimal prints as text that parses back to the same value.
  if (auto d = drsim::Decimal::parse(text)) {
    auto again = drsim::Decimal::parse(d->str());
    if (!again || *again != *d) __builtin_trap();
  }
  if (auto m = drsim::Money::parse(text)) {
    auto again = drsim::Money::parse(m->str());
    if (!again || *again != *m) __builtin_trap();
  }
  // A parsed market time prints (in market time) as text that parses back to the same instant.
  auto t = drsim::parse_market_time(text);
  if (const auto* mt = std::get_if<drsim::MarketTime>(&t)) {
    auto again = drsim::parse_market_time(mt->str());
    if (!std::holds_alternative<drsim::MarketTime>(again) || std::get<drsim::MarketTime>(again) != *mt) {
      __builtin_trap();
    }
  } else if (std::get<drsim::TimeError>(t).message.empty()) {
    __builtin_trap();
  }
  auto day = drsim::parse_date(text);
  if (const auto* dd = std::get_if<drsim::Date>(&day)) {
    auto again = drsim::parse_date(dd->str());
    if (!std::holds_alternative<drsim::Date>(again) || std::get<drsim::Date>(again) != *dd) __builtin_trap();
  }
  return 0;
}
