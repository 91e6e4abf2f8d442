// Exact decimal parsing, printing and rounding (rules.md 1a).
#include <catch2/catch.hpp>

#include "settlement/decimal.hpp"

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
