// Exact decimal parsing, printing and rounding (rules.md 1a).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <limits>
#include <stdexcept>

#include "settlement/decimal.hpp"
#include "tests/support/random_factors.hpp"

using drsim::Decimal;

static Decimal d(const char* t) { return *Decimal::parse(t); }

TEST_CASE("decimal parses exactly", "[decimal]") {
  CHECK(d("10").micros() == 10'000'000);
  CHECK(d("-0.35").micros() == -350'000);
  CHECK(d("10.10").micros() == 10'100'000);
  CHECK(d("1e3").micros() == 1'000'000'000);
  CHECK(d("2.5E-2").micros() == 25'000);
  CHECK(d("+7").micros() == 7'000'000);
  CHECK(d("-0").micros() == 0);
  CHECK(d(".5").micros() == 500'000);
}

TEST_CASE("decimal rounds a seventh place half away from zero", "[decimal]") {
  CHECK(d("0.0000005").micros() == 1);    // half rounds up
  CHECK(d("-0.0000005").micros() == -1);  // and away from zero when negative
  CHECK(d("0.00000049").micros() == 0);
  CHECK(d("1.2345675").micros() == 1'234'568);
}

TEST_CASE("decimal rejects what is not a plain number", "[decimal]") {
  for (const char* bad : {"", "-", "nan", "NaN", "inf", "-inf", "1,000", "1.2.3", "1e", "abc", "1e400",
                          "12 ", "0x10", "1e308"}) {
    INFO(bad);
    CHECK_FALSE(Decimal::parse(bad).has_value());
  }
}

TEST_CASE("decimal prints shortest and fixed forms", "[decimal]") {
  CHECK(d("12.50").str() == "12.5");
  CHECK(d("-0.000001").str() == "-0.000001");
  CHECK(d("3").fixed(2) == "3.00");
  CHECK(d("2.345").fixed(2) == "2.35");    // half away from zero
  CHECK(d("-2.345").fixed(2) == "-2.35");
  CHECK(d("0.004").fixed(2) == "0.00");
}

TEST_CASE("decimal products and quotients round to six places", "[decimal]") {
  // 0.35 MW x 10.10 $/MWh = 3.535 exactly: binary floating point would give 3.5349999.
  CHECK(Decimal::mul(d("0.35"), d("10.10")) == d("3.535"));
  CHECK(Decimal::div(d("10"), d("3")) == d("3.333333"));
  CHECK(Decimal::div(d("20"), d("3")) == d("6.666667"));
  CHECK(Decimal::div(d("-20"), d("3")) == d("-6.666667"));
  CHECK(Decimal::ratio(1, 8) == d("0.125"));
}

TEST_CASE("decimal keeps its range and refuses what is beyond it", "[decimal]") {
  // The largest Decimal is INT64_MAX micros, 9223372036854.775807; one micro more is refused.
  CHECK(d("9223372036854.775807").micros() == INT64_MAX);
  CHECK(d("-9223372036854.775807").micros() == -INT64_MAX);
  CHECK_FALSE(Decimal::parse("9223372036854.775808").has_value());
  CHECK(d("9223372036854.775807").str() == "9223372036854.775807");
  CHECK(d("-9223372036854.775807").fixed(2) == "-9223372036854.78");
  // A product or quotient beyond the range throws rather than wrapping (rules.md 1a v1.2):
  // 1e7 x 1e7 = 1e14 > 9.2e12.
  CHECK_THROWS_AS(Decimal::mul(d("10000000"), d("10000000")), std::overflow_error);
  CHECK_THROWS_AS(Decimal::div(d("9000000000000"), d("0.5")), std::overflow_error);
}

TEST_CASE("a rate prints every digit it has, with at least two decimals", "[decimal]") {
  CHECK(d("398.987").str_at_least(2) == "398.987");  // an ACP as the PRA cleared it
  CHECK(d("666.50").str_at_least(2) == "666.50");
  CHECK(d("666.5").str_at_least(2) == "666.50");
  CHECK(d("100").str_at_least(2) == "100.00");
  CHECK(d("0.000001").str_at_least(2) == "0.000001");
  CHECK(d("-0.5").str_at_least(2) == "-0.50");
  CHECK(d("0").str_at_least(2) == "0.00");
}

TEST_CASE("wide decimals hold MW-day sums beyond Decimal and print them exactly", "[decimal]") {
  using drsim::WideDecimal;
  // 1e6 resources x 100,000 MW x 366 days = 36,600,000,000,000 MW-days: 3.66e19 micros > INT64_MAX.
  WideDecimal sum;
  const WideDecimal day = WideDecimal::from_micros(drsim::int128{100'000} * 1'000'000 * 1'000'000);  // 1e11 MW
  for (int i = 0; i < 366; ++i) sum += day;
  CHECK(sum.str() == "36600000000000");
  CHECK((sum + WideDecimal(d("0.000001"))).str() == "36600000000000.000001");
  CHECK(WideDecimal(d("-2.5")).str() == "-2.5");
  const WideDecimal top = WideDecimal::from_micros(std::numeric_limits<drsim::int128>::max());
  CHECK_THROWS_AS(top + WideDecimal(d("0.000001")), std::overflow_error);
}

TEST_CASE("128-bit integers print exactly and scaled text parses exactly", "[decimal]") {
  using drsim::int128;
  const int128 max = std::numeric_limits<int128>::max();
  CHECK(drsim::int128_str(max) == "170141183460469231731687303715884105727");
  CHECK(drsim::int128_str(-max - 1) == "-170141183460469231731687303715884105728");
  CHECK(drsim::scaled_fixed(-max - 1, 2, 2) == "-1701411834604692317316873037158841057.28");
  CHECK(drsim::scaled_fixed(int128{-5}, 3, 2) == "-0.01");  // -0.005 half away from zero
  CHECK(*drsim::parse_scaled("92233720368547758.08", 2, true) == int128{INT64_MAX} + 1);
  CHECK_FALSE(drsim::parse_scaled("1.005", 2, true).has_value());  // not whole cents
  CHECK(*drsim::parse_scaled("1.005", 2, false) == 101);           // rounded half away
  CHECK(*drsim::parse_scaled("-1.5e3", 2, true) == -150000);
}

TEST_CASE("decimal products by either path equal the exact product rounded half away from zero", "[decimal]") {
  // Decimal::ratio(a x b, 1e12) rounds the exact 128-bit product by the general path: the
  // reference for mul's path through 64 bits and for products beyond them.
  std::mt19937_64 g(20261204);
  const std::int64_t magnitudes[] = {1, 999'999, 1'000'000, 1'500'000, 4'294'967'296, 3'037'000'499, 2'000'000'000'000};  // products within Decimal's range
  int within = 0, beyond = 0;
  for (int i = 0; i < 20000; ++i) {
    const auto draw = [&] { return drsim::test::signed_factor(g, magnitudes); };
    const std::int64_t a = draw(), b = draw();
    const drsim::int128 exact = drsim::int128{a} * b;
    INFO(a << " x " << b);
    REQUIRE(Decimal::mul(Decimal::from_micros(a), Decimal::from_micros(b)) == Decimal::ratio(exact, 1'000'000'000'000));
    ((exact < 0 ? -exact : exact) <= drsim::int128{std::numeric_limits<std::uint64_t>::max()} ? within : beyond) += 1;
  }
  CHECK(within > 2000);
  CHECK(beyond > 2000);
  // Halves, both signs: 0.0000005 rounds away from zero.
  CHECK(Decimal::mul(Decimal::from_micros(1), Decimal::from_micros(500'000)).micros() == 1);
  CHECK(Decimal::mul(Decimal::from_micros(-1), Decimal::from_micros(500'000)).micros() == -1);
  CHECK(Decimal::mul(Decimal::from_micros(1), Decimal::from_micros(499'999)).micros() == 0);
}
