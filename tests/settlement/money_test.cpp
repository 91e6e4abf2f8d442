// Money: the one rounding to cents, half away from zero.
#include <catch2/catch.hpp>

#include "settlement/money.hpp"
#include "settlement/units.hpp"

using namespace drsim;

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
