// Largest-remainder allocation (rules.md 4.10): a credit splits exactly like a charge of the same size.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "settlement/allocation.hpp"

using namespace drsim;

namespace {
std::vector<std::string> cents_of(const std::vector<Money>& split) {
  std::vector<std::string> out;
  for (const auto& m : split) out.push_back(m.str());
  return out;
}
// Three LSEs with equal shares, given out of id order so the tie rule (bytewise id) is what decides.
const std::vector<Weighted> kEqual = {{"LSE-C", Decimal::from_int(1)}, {"LSE-A", Decimal::from_int(1)},
                                      {"LSE-B", Decimal::from_int(1)}};
}  // namespace

TEST_CASE("allocation: +0.05 over three equal shares gives the spare cents to the ids that sort first") {
  // 5 cents / 3 = 1.67 each: floors 1 + 1 + 1 = 3, two spare cents, all three remainders equal (2/3),
  // so they go to LSE-A and LSE-B (bytewise first); LSE-C keeps 1 cent. Results follow the parts' order.
  CHECK(cents_of(largest_remainder_split(Money::from_cents(5), kEqual)) == std::vector<std::string>{"0.01", "0.02", "0.02"});
}

TEST_CASE("allocation: a credit of -0.05 over three equal shares is exactly the negation of the +0.05 split") {
  // v1.2: split |-0.05| = 0.05 as above, then negate each share: LSE-A and LSE-B get -0.02, LSE-C -0.01
  // (the same ids get the extra cent; a floor-toward-minus-infinity split would give LSE-C -0.02 instead).
  const auto credit = largest_remainder_split(Money::from_cents(-5), kEqual);
  const auto charge = largest_remainder_split(Money::from_cents(5), kEqual);
  CHECK(cents_of(credit) == std::vector<std::string>{"-0.01", "-0.02", "-0.02"});
  REQUIRE(credit.size() == charge.size());
  for (std::size_t i = 0; i < credit.size(); ++i) CHECK(credit[i] == -charge[i]);
  // Unequal quotas too: -10.01 on 0.90 / 0.08 / 0.02 is 9.009, 0.8008, 0.2002 in cents' terms:
  // 900.9, 80.08, 20.02 cents, floors 900 + 80 + 20 = 1000, the spare cent to the largest remainder (0.9, LSE-A).
  const std::vector<Weighted> shares = {{"LSE-A", *Decimal::parse("0.90")}, {"LSE-B", *Decimal::parse("0.08")},
                                        {"LSE-C", *Decimal::parse("0.02")}};
  CHECK(cents_of(largest_remainder_split(Money::from_cents(-1001), shares)) ==
        std::vector<std::string>{"-9.01", "-0.80", "-0.20"});
  CHECK(cents_of(largest_remainder_split(Money::from_cents(1001), shares)) ==
        std::vector<std::string>{"9.01", "0.80", "0.20"});
}

TEST_CASE("allocation: the spare cents go to the largest exact remainders before any id order") {
  // 0.10 over 0.13 / 0.39 / 0.48: quotas 1.3, 3.9, 4.8 cents; floors 1 + 3 + 4 = 8; 2 spare cents to the
  // remainders 0.9 (LSE-B) and 0.8 (LSE-C), not to LSE-A (0.3) though it sorts first: 0.01, 0.04, 0.05.
  const std::vector<Weighted> w = {{"LSE-A", *Decimal::parse("0.13")}, {"LSE-B", *Decimal::parse("0.39")},
                                   {"LSE-C", *Decimal::parse("0.48")}};
  CHECK(cents_of(largest_remainder_split(Money::from_cents(10), w)) == std::vector<std::string>{"0.01", "0.04", "0.05"});
}

TEST_CASE("allocation: ties go to the id that sorts first bytewise, upper case before lower case") {
  // 0.01 over two equal weights: quotas 0.5 each, one spare cent; "LSE-Z" < "LSE-a" bytewise ('Z' 0x5A < 'a' 0x61),
  // so LSE-Z gets it although a case-blind order would pick LSE-a.
  const std::vector<Weighted> w = {{"LSE-a", Decimal::from_int(1)}, {"LSE-Z", Decimal::from_int(1)}};
  CHECK(cents_of(largest_remainder_split(Money::from_cents(1), w)) == std::vector<std::string>{"0.00", "0.01"});
  // 100.00 over three equal loads of 2.5 MWh: 3333.33... cents each, one spare to LSE-A: 33.34, 33.33, 33.33.
  const std::vector<Weighted> thirds = {{"LSE-A", *Decimal::parse("2.5")}, {"LSE-B", *Decimal::parse("2.5")},
                                        {"LSE-C", *Decimal::parse("2.5")}};
  CHECK(cents_of(largest_remainder_split(Money::from_cents(10'000), thirds)) ==
        std::vector<std::string>{"33.34", "33.33", "33.33"});
}

TEST_CASE("allocation: one part takes all, a zero weight takes nothing, zero splits to zeros") {
  CHECK(cents_of(largest_remainder_split(Money::from_cents(82'300), {{"LSE-A", *Decimal::parse("0.3")}})) ==
        std::vector<std::string>{"823.00"});
  // 0.07 over 0 / 1 / 1: 0, 3.5, 3.5 cents; the spare cent to the tie's first id LSE-B; LSE-A (weight 0) stays 0
  // even though it sorts first (its remainder is 0).
  const std::vector<Weighted> w = {{"LSE-A", Decimal{}}, {"LSE-B", Decimal::from_int(1)}, {"LSE-C", Decimal::from_int(1)}};
  CHECK(cents_of(largest_remainder_split(Money::from_cents(7), w)) == std::vector<std::string>{"0.00", "0.04", "0.03"});
  CHECK(cents_of(largest_remainder_split(Money{}, w)) == std::vector<std::string>{"0.00", "0.00", "0.00"});
}

TEST_CASE("allocation: weights summing to 0 are refused") {
  CHECK_THROWS_AS(largest_remainder_split(Money::from_cents(5), {{"LSE-A", Decimal{}}, {"LSE-B", Decimal{}}}),
                  std::invalid_argument);
}

TEST_CASE("allocation: an amount beyond 64-bit cents splits exactly (1a v1.2)") {
  // 1e20 cents over three equal weights: 33,333,333,333,333,333,333.33... each; one spare cent to LSE-A.
  const int128 e20 = int128{10'000'000'000} * 10'000'000'000;
  const auto split = largest_remainder_split(Money::from_cents(e20), kEqual);  // ids C, A, B
  CHECK(split[0].str() == "333333333333333333.33");
  CHECK(split[1].str() == "333333333333333333.34");
  CHECK(split[2].str() == "333333333333333333.33");
}

TEST_CASE("allocation: the tie rule is the same with up to 16 parts (insertion sort) and beyond (stable sort)") {
  // n equal shares given in reverse id order (P-15 .. P-00, then P-16 .. P-00): 5 cents / n is
  // below one cent each, so every floor is 0, all remainders are equal, and the 5 spare cents
  // go to P-00 .. P-04, the last five parts; every other part gets nothing.
  for (const int n : {16, 17}) {
    std::vector<Weighted> parts;
    for (int i = n - 1; i >= 0; --i) parts.push_back({fmt::format("P-{:02}", i), Decimal::from_int(1)});
    const auto split = cents_of(largest_remainder_split(Money::from_cents(5), parts));
    REQUIRE(split.size() == static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) CHECK(split[static_cast<std::size_t>(k)] == (k >= n - 5 ? "0.01" : "0.00"));
  }
}
