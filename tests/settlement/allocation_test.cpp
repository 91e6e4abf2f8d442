// Largest-remainder allocation (rules.md 4.10): a credit splits exactly like a charge of the same size.
#include <catch2/catch.hpp>

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
