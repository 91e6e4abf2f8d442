// Tests of the exposure statistics: nearest-rank percentiles, means to the cent, histogram bins.
#include <catch2/catch.hpp>

#include "sim/exposure_statistics.hpp"

using namespace drsim;
using namespace drsim::sim;

namespace {
Money usd(const char* t) { return *Money::parse(t); }
std::vector<Money> list(std::initializer_list<const char*> v) {
  std::vector<Money> out;
  for (auto t : v) out.push_back(usd(t));
  return out;
}
}  // namespace

TEST_CASE("nearest-rank percentiles on a hand example", "[exposure]") {
  // Sorted 15, 20, 35, 40, 50 (n = 5): rank = ceil(p/100 x 5).
  const auto v = list({"15", "20", "35", "40", "50"});
  CHECK(nearest_rank(v, 5) == usd("15"));    // ceil(0.25) = 1
  CHECK(nearest_rank(v, 30) == usd("20"));   // ceil(1.5) = 2
  CHECK(nearest_rank(v, 40) == usd("20"));   // ceil(2.0) = 2: an exact rank is not rounded up
  CHECK(nearest_rank(v, 50) == usd("35"));   // ceil(2.5) = 3
  CHECK(nearest_rank(v, 95) == usd("50"));   // ceil(4.75) = 5
  CHECK(nearest_rank(v, 100) == usd("50"));
  CHECK_THROWS(nearest_rank({}, 50));
  CHECK_THROWS(nearest_rank(v, 0));
}

TEST_CASE("summary sorts first, P99 of 200 values is the 198th", "[exposure]") {
  std::vector<Money> v;
  for (int i = 200; i >= 1; --i) v.push_back(Money::from_cents(i * 100));  // 200.00 down to 1.00
  const MoneySummary s = summarize(v);
  CHECK(s.n == 200);
  CHECK(s.p5 == usd("10"));    // ceil(5 x 200 / 100) = 10th value
  CHECK(s.p50 == usd("100"));  // 100th
  CHECK(s.p90 == usd("180"));
  CHECK(s.p95 == usd("190"));
  CHECK(s.p99 == usd("198"));
  CHECK(s.mean == usd("100.50"));  // (1 + 200) / 2 dollars
  CHECK(s.min == usd("1"));
  CHECK(s.max == usd("200"));
}

TEST_CASE("means are exact to the cent, half away from zero", "[exposure]") {
  CHECK(mean_of(list({"0.01", "0.02"})) == usd("0.02"));     // 3 cents / 2 = 1.5 -> 2
  CHECK(mean_of(list({"-0.01", "-0.02"})) == usd("-0.02"));  // -1.5 -> -2
  CHECK(mean_of(list({"0.01", "0.01", "0.02"})) == usd("0.01"));  // 4 / 3 = 1.33 -> 1
  CHECK(mean_of(list({"1000000.00", "0.01"})) == usd("500000.01"));  // 100000001 / 2 = 50000000.5 -> ...01
  CHECK_THROWS(mean_of({}));
}

TEST_CASE("histogram bins: a 1-2-5 width from zero to the maximum", "[exposure]") {
  // Range 0 .. 1000.00 $ = 100000 cents in 20 bins: 10, 20 and 50 $ widths; 50 $ (5000 cents) covers it.
  const Histogram h = histogram(list({"0", "250", "1000", "49.99"}), 20);
  REQUIRE(h.edges.size() == 21);
  REQUIRE(h.counts.size() == 20);
  CHECK(h.edges[1] == usd("50"));
  CHECK(h.edges[20] == usd("1000"));
  CHECK(h.counts[0] == 2);   // 0 and 49.99 in [0, 50)
  CHECK(h.counts[5] == 1);   // 250 in [250, 300)
  CHECK(h.counts[19] == 1);  // 1000 is the last bin's upper edge, held by it
  // All values zero: one bin [0, 0.01).
  const Histogram z = histogram(list({"0", "0"}), 20);
  CHECK(z.counts == std::vector<std::uint64_t>{2});
  CHECK(z.edges == list({"0", "0.01"}));
}

TEST_CASE("disqualification probability is count / trials to six places", "[exposure]") {
  CHECK(probability(1, 3).str() == "0.333333");
  CHECK(probability(2, 3).str() == "0.666667");
  CHECK(probability(0, 0).str() == "0");
  CHECK(probability(5, 5).str() == "1");
}
