// The market model's hourly series: set in any order, each hour once, found by key and hour.
#include <catch2/catch.hpp>

#include <variant>

#include "settlement/market.hpp"

using namespace drsim;

namespace {
MarketTime T(const char* text) { return std::get<MarketTime>(parse_market_time(text)); }
UsdPerMwh P(std::int64_t whole) { return UsdPerMwh(Decimal::from_int(whole)); }
}  // namespace

TEST_CASE("hourly series: rows out of time order are found, a repeated hour replaces its value") {
  HourlySeries<UsdPerMwh> s;
  s.set("N1", T("2025-07-15T16:00"), P(40));
  s.set("N1", T("2025-07-15T14:00"), P(20));  // before the last: inserted in order
  s.set("N1", T("2025-07-15T17:00"), P(50));  // after it: appended
  s.set("N1", T("2025-07-15T15:00"), P(30));
  s.set("N1", T("2025-07-15T16:00"), P(45));  // the same hour again: replaced, not added
  s.set("N2", T("2025-07-15T14:00"), P(7));
  CHECK(s.hours() == 5);  // N1: 14, 15, 16, 17; N2: 14
  CHECK(s.get("N1", T("2025-07-15T14:00")) == P(20));
  CHECK(s.get("N1", T("2025-07-15T15:00")) == P(30));
  CHECK(s.get("N1", T("2025-07-15T16:00")) == P(45));
  CHECK(s.get("N1", T("2025-07-15T17:00")) == P(50));
  CHECK_FALSE(s.get("N1", T("2025-07-15T13:00")).has_value());  // before the first
  CHECK_FALSE(s.get("N1", T("2025-07-15T18:00")).has_value());  // after the last
  CHECK_FALSE(s.get("N3", T("2025-07-15T14:00")).has_value());  // no such key
  const auto* n1 = s.hours_of("N1");
  REQUIRE(n1 != nullptr);
  CHECK(n1->size() == 4);
  CHECK(n1->front().first == T("2025-07-15T14:00").seconds());  // kept sorted
  CHECK(n1->back().first == T("2025-07-15T17:00").seconds());
  CHECK(HourlySeries<UsdPerMwh>::value_in(*n1, T("2025-07-15T15:00")) == P(30));
  CHECK(s.hours_of("N3") == nullptr);
  CHECK(s.has_key("N2"));
}
