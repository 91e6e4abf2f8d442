// Money: the one rounding to cents, half away from zero.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <limits>
#include <random>
#include <stdexcept>

#include "settlement/explanation.hpp"
#include "settlement/money.hpp"
#include "settlement/units.hpp"
#include "tests/support/random_factors.hpp"

using namespace drsim;

namespace Catch {
// Failure messages show 128-bit cents as digits.
template <>
struct StringMaker<drsim::int128> {
  static std::string convert(drsim::int128 v) { return drsim::int128_str(v); }
};
}  // namespace Catch

static Decimal d(const char* t) { return *Decimal::parse(t); }

TEST_CASE("the brief's example: 0.35 MW x 10.10 $/MWh is 3.54", "[money]") {
  CHECK(round_to_cents(ExactUsd::product(d("0.35"), d("10.10"))).str() == "3.54");
}

TEST_CASE("rounding to cents is half away from zero", "[money]") {
  CHECK(round_to_cents(ExactUsd::product(d("0.005"), d("1"))).cents() == 1);
  CHECK(round_to_cents(ExactUsd::product(d("-0.005"), d("1"))).cents() == -1);
  CHECK(round_to_cents(ExactUsd::product(d("0.004999"), d("1"))).cents() == 0);
  CHECK(round_to_cents(ExactUsd::product(d("1.125"), d("1"), d("1"))).cents() == 113);
}

TEST_CASE("three-factor products are exact before rounding", "[money]") {
  // 2.5 MWh x 620 $/MWh x 3 = 4650.00
  CHECK(round_to_cents(charge(Mwh(d("2.5")), UsdPerMwh(d("620")), d("3"))).str() == "4650.00");
  // 10 MW x 666.50 $/MW-day x 92 days = 613,180.00
  CHECK(round_to_cents(capacity_value(Mw(d("10")), UsdPerMwDay(d("666.50")), d("92"))).str() ==
        "613180.00");
  // 0.333333 MWh x 0.015 $/MWh = 0.004999995: rounds down to 0.00
  CHECK(round_to_cents(charge(Mwh(d("0.333333")), UsdPerMwh(d("0.015")), d("1"))).cents() == 0);
}

TEST_CASE("money parses and prints two decimals", "[money]") {
  CHECK(Money::parse("6302.75")->cents() == 630275);
  CHECK(Money::parse("-3")->str() == "-3.00");
  CHECK_FALSE(Money::parse("1.005").has_value());
  CHECK(Money::from_cents(5).str() == "0.05");
  CHECK(Money::from_cents(-5).str() == "-0.05");
}

TEST_CASE("MW over part of an hour gives MWh rounded to six places", "[units]") {
  CHECK(energy(Mw(d("2.5")), d("0.5")).value() == d("1.25"));
  CHECK(energy(Mw(d("1")), Decimal::ratio(1, 3)).value() == d("0.333333"));
}

// ---- Money at the documented limits (rules.md 1a v1.2; docs/format.md "Limits") ----
// MWh values are at most 100,000, prices and multipliers at most 1,000,000 in magnitude;
// rule values (untested_multiplier) are read up to Decimal's 9223372036854.775807.

TEST_CASE("the largest charge a line can reach prints exactly, beyond int64 cents", "[money]") {
  // 100,000 MWh x 1,000,000 $/MWh x 1,000,000 = 1e17 dollars = 1e19 cents > INT64_MAX (9.2e18).
  const Money top = round_to_cents(charge(Mwh(d("100000")), UsdPerMwh(d("1000000")), d("1000000")));
  CHECK(top.str() == "100000000000000000.00");
  CHECK(top.cents() == int128{10'000'000'000} * 1'000'000'000);
  CHECK_FALSE(top.cents64().has_value());  // stored as NULL in results.sqlite's *_cents columns
  // A shortfall reaches 320,000 MW (target 100,000 + baseline 120,000 after the 1.2 same-day
  // cap + a meter at -100,000): 320,000 x 1,000,000 x 1,000,000 = 3.2e17 dollars.
  CHECK(round_to_cents(charge(Mwh(d("320000")), UsdPerMwh(d("1000000")), d("1000000"))).str() ==
        "320000000000000000.00");
  // A rule multiplier is read without the 1e6 limit, up to 9223372036854.775807:
  // 100,000 x 1,000,000 x 9223372036854.775807 = 922,337,203,685,477,580,700,000.00 exactly.
  CHECK(round_to_cents(charge(Mwh(d("100000")), UsdPerMwh(d("1000000")), d("9223372036854.775807"))).str() ==
        "922337203685477580700000.00");
  // A negative price at its limit (a penalty floor of -1,000,000): the same figure, negative.
  CHECK(round_to_cents(charge(Mwh(d("100000")), UsdPerMwh(d("-1000000")), d("1000000"))).str() ==
        "-100000000000000000.00");
  // Below the int64 line the cents still agree with the 64-bit column.
  CHECK(*Money::parse("92233720368547758.07")->cents64() == INT64_MAX);
  CHECK_FALSE(Money::parse("92233720368547758.08")->cents64().has_value());
}

TEST_CASE("capacity and EO at the limits are exact", "[money]") {
  // 100,000 MW x 1,000,000 $/MW-day x 366 days = 36,600,000,000,000.00 (3.66e13: printed with
  // the wrong sign before, when str() went through int64 micros).
  CHECK(round_to_cents(capacity_value(Mw(d("100000")), UsdPerMwDay(d("1000000")), d("366"))).str() ==
        "36600000000000.00");
  // EO = share x ACP x MW-days: 1,000,000 x 1,000,000 $/MW-day x 36,600,000,000,000 MW-days
  // (1e6 resources x 100,000 MW x 366 days) = 3.66e25 dollars.
  const WideDecimal mw_days = WideDecimal::from_micros(int128{36'600'000'000'000} * 1'000'000);
  CHECK(round_to_cents(ExactUsd::product(d("1000000"), d("1000000"), mw_days)).str() ==
        "36600000000000000000000000.00");
  // And with a fraction: 0.5 x 398.987 x 36,600,000,000,000.000001 = 7,301,462,100,000,000.0001994935
  // -> 7301462100000000.00.
  const WideDecimal odd = mw_days + WideDecimal(d("0.000001"));
  CHECK(round_to_cents(ExactUsd::product(d("0.5"), d("398.987"), odd)).str() == "7301462100000000.00");
}

TEST_CASE("sums of many lines at the limit are exact", "[money]") {
  // 1,000,000 lines of 100000000000000000.00 = 1e23 dollars; with 8,784 hours (a leap planning
  // year) of the 3.2e17 line: 2,810,880,000,000,000,000,000.00.
  const Money line = round_to_cents(charge(Mwh(d("100000")), UsdPerMwh(d("1000000")), d("1000000")));
  Money total;
  for (int i = 0; i < 1'000'000; ++i) total += line;
  CHECK(total.str() == "100000000000000000000000.00");
  const Money longest = round_to_cents(charge(Mwh(d("320000")), UsdPerMwh(d("1000000")), d("1000000")));
  Money year;
  for (int h = 0; h < 8784; ++h) year += longest;
  CHECK(year.str() == "2810880000000000000000.00");
  // Credits and charges: the negative line cancels exactly.
  CHECK((total - total).str() == "0.00");
  CHECK((-total).str() == "-100000000000000000000000.00");
  // Beyond int128's 1.7e38 cents a sum throws instead of wrapping.
  const Money huge = Money::from_cents(std::numeric_limits<int128>::max());
  CHECK_THROWS_AS(huge + Money::from_cents(1), std::overflow_error);
  CHECK_THROWS_AS(-huge - Money::from_cents(2), std::overflow_error);
}

TEST_CASE("half a cent rounds away from zero at large magnitudes", "[money]") {
  // 99,999.5 MWh x 999,999.01 $/MWh x 999,999 = 99,999,301,001,093,999.505 exactly: half a cent,
  // which goes up to .51; with a negative price, down to -.51.
  const Money up = round_to_cents(charge(Mwh(d("99999.5")), UsdPerMwh(d("999999.01")), d("999999")));
  CHECK(up.str() == "99999301001093999.51");
  const Money down = round_to_cents(charge(Mwh(d("99999.5")), UsdPerMwh(d("-999999.01")), d("999999")));
  CHECK(down.str() == "-99999301001093999.51");
  // 1e-18 dollars less than the half (0.000001^3) rounds toward zero instead: .50 and -.50.
  const ExactUsd tiny = ExactUsd::product(d("0.000001"), d("0.000001"), d("0.000001"));
  CHECK(round_to_cents(charge(Mwh(d("99999.5")), UsdPerMwh(d("999999.01")), d("999999")) + -tiny).str() ==
        "99999301001093999.50");
  CHECK(round_to_cents(charge(Mwh(d("99999.5")), UsdPerMwh(d("-999999.01")), d("999999")) + tiny).str() ==
        "-99999301001093999.50");
  // The same at the smallest scale: +-0.005 -> +-0.01, and 0.004999999999999999 -> 0.00.
  CHECK(round_to_cents(ExactUsd::product(d("0.005"), d("1"))).str() == "0.01");
  CHECK(round_to_cents(ExactUsd::product(d("-0.005"), d("1"))).str() == "-0.01");
  CHECK(round_to_cents(ExactUsd::product(d("0.005"), d("1")) + -tiny).str() == "0.00");
  CHECK(round_to_cents(ExactUsd::product(d("-0.005"), d("1")) + tiny).str() == "0.00");
}

TEST_CASE("money parses and prints large figures exactly", "[money]") {
  CHECK(Money::parse("100000000000000000.00")->str() == "100000000000000000.00");
  CHECK(Money::parse("-36600000000000000000000000.00")->str() == "-36600000000000000000000000.00");
  CHECK(Money::parse("1e20")->str() == "100000000000000000000.00");
  CHECK(Money::parse("-0")->str() == "0.00");
  // What parses prints as text that parses back (fuzz_value_parsers found 29 digits refused once printed
  // with ".00", since trailing zeros counted against a 30-digit cap).
  CHECK(Money::parse("24424202220229222024202220229")->str() == "24424202220229222024202220229.00");
  CHECK(Money::parse("24424202220229222024202220229.00")->str() == "24424202220229222024202220229.00");
  // 35 digits of dollars (37 of cents) is the bound; 36 is refused, not wrapped.
  CHECK(Money::parse("12345678901234567890123456789012345.00").has_value());
  CHECK_FALSE(Money::parse("123456789012345678901234567890123456").has_value());
  // Whole cents only: a seventh-place remainder is not money (Decimal used to round it away).
  CHECK_FALSE(Money::parse("0.0000001").has_value());
  CHECK_FALSE(Money::parse("").has_value());
  CHECK_FALSE(Money::parse("1,000.00").has_value());
  // The most negative and most positive 128-bit cents print without an int64 on the way.
  CHECK(Money::from_cents(std::numeric_limits<int128>::max()).str() == "1701411834604692317316873037158841057.27");
  CHECK(Money::from_cents(std::numeric_limits<int128>::min()).str() == "-1701411834604692317316873037158841057.28");
}

TEST_CASE("a product beyond 1.7e36 dollars throws instead of wrapping", "[money]") {
  const Decimal big = d("9223372036854.775807");
  CHECK_THROWS_AS(ExactUsd::product(big, big, big), std::overflow_error);
}

TEST_CASE("exact_usd_text keeps every digit of an amount before its rounding") {
  using drsim::ExactUsd;
  using drsim::exact_usd_text;
  CHECK(exact_usd_text(ExactUsd::product(drsim::Decimal::parse("1.5").value(), drsim::Decimal::parse("4.75").value())) == "7.125");
  CHECK(exact_usd_text(ExactUsd::product(drsim::Decimal::parse("0.35").value(), drsim::Decimal::parse("10.10").value())) == "3.535");
  CHECK(exact_usd_text(ExactUsd::product(drsim::Decimal::parse("-0.000001").value(), drsim::Decimal::parse("0.000001").value())) ==
        "-0.000000000001");
  CHECK(exact_usd_text(ExactUsd::product(drsim::Decimal::parse("-2").value(), drsim::Decimal::parse("3.5").value())) == "-7.00");
  CHECK(exact_usd_text(ExactUsd{}) == "0.00");
}

TEST_CASE("products on both sides of the 64-bit path's bounds equal the full 128-bit product", "[money]") {
  // a x b x c formed whole in 128 bits (the factors kept small enough for it), then split
  // into cents x 1e16 + rest: what product() gives by each of its paths (c = +-1 exactly,
  // the 64-bit split, the 128-bit one).
  std::mt19937_64 g(20261204);
  const std::int64_t magnitudes[] = {1, 999, 1'000'000, 35'000'000, 4'294'967'296, 99'999'999'999, 100'000'000'000,
                                     3'000'000'000'000};
  int one = 0, small = 0, large = 0;  // products with c = +-1 on the 64-bit path, the others on it, the rest
  for (int i = 0; i < 20000; ++i) {
    const auto draw = [&] { return drsim::test::signed_factor(g, magnitudes); };
    const std::int64_t a = draw(), b = draw();
    const std::int64_t c = g() % 4 == 0 ? ((g() & 1) ? -1'000'000 : 1'000'000) : draw();  // c = +-1: a path of its own
    const int128 full = int128{a} * b * c;  // |a b c| <= (3e12)^3 = 2.7e37 < 1.7e38
    int128 cents = full / ExactUsd::kRestPerCent;
    int128 rest = full % ExactUsd::kRestPerCent;
    if (rest < 0) {  // floor, with 0 <= rest < 1e16
      rest += ExactUsd::kRestPerCent;
      cents -= 1;
    }
    const ExactUsd p = ExactUsd::product(Decimal::from_micros(a), Decimal::from_micros(b), Decimal::from_micros(c));
    INFO(a << " x " << b << " x " << c);
    REQUIRE(p.floor_cents() == cents);
    REQUIRE(p.rest() == static_cast<std::int64_t>(rest));
    // Rounded: rounded_product's own path for c = +-1 gives round_to_cents' cents.
    REQUIRE(rounded_product(Decimal::from_micros(a), Decimal::from_micros(b), Decimal::from_micros(c)) == round_to_cents(p));
    const uint128 ab = static_cast<uint128>(a < 0 ? -int128{a} : a) * static_cast<uint128>(b < 0 ? -int128{b} : b);
    const int128 cm = c < 0 ? -int128{c} : c;
    ((ab <= UINT64_MAX && cm == 1'000'000) ? one : (ab <= UINT64_MAX && cm < 100'000'000'000) ? small : large) += 1;
  }
  CHECK(one > 2000);
  CHECK(small > 2000);
  CHECK(large > 2000);
}
