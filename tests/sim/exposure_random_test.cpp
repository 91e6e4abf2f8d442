// Tests of the trial random stream: reproducible by (seed, trial), and its distributions' properties.
#include <catch2/catch.hpp>

#include <map>

#include "sim/exposure_random.hpp"

using namespace drsim;
using namespace drsim::sim;

TEST_CASE("splitmix64 matches the reference sequence", "[exposure]") {
  // Vigna's splitmix64.c from state 0: the first outputs are published test values.
  std::uint64_t state = 0;
  CHECK(splitmix64(state) == 0xE220A8397B1DCDAFULL);
  CHECK(splitmix64(state) == 0x6E789E6AA1B965F4ULL);
  CHECK(splitmix64(state) == 0x06C45D188009454FULL);
}

TEST_CASE("xoshiro256** matches the reference from state {1, 2, 3, 4}", "[exposure]") {
  // The reference implementation (prng.di.unimi.it/xoshiro256starstar.c) from s = {1, 2, 3, 4}:
  // first output rotl(2 x 5, 7) x 9 = 1280 x 9 = 11520; the next three as it prints them.
  TrialStream s = TrialStream::from_state(1, 2, 3, 4);
  CHECK(s.next() == 11520ULL);
  CHECK(s.next() == 0ULL);
  CHECK(s.next() == 1509978240ULL);
  CHECK(s.next() == 1215971899390074240ULL);
}

TEST_CASE("a trial's stream depends on (seed, trial) alone", "[exposure]") {
  TrialStream a(42, 7), b(42, 7), c(42, 8), d(43, 7);
  bool differs_c = false, differs_d = false;
  for (int i = 0; i < 16; ++i) {
    const auto x = a.next();
    CHECK(x == b.next());
    differs_c = differs_c || x != c.next();
    differs_d = differs_d || x != d.next();
  }
  CHECK(differs_c);
  CHECK(differs_d);
}

TEST_CASE("fixed seed gives fixed draws (pinned: a change here changes every study)", "[exposure]") {
  // Values recorded from this implementation; they must never change silently, since a
  // published exposure study is reproduced from its seed.
  TrialStream s(2025, 0);
  std::vector<int> poisson;
  for (int i = 0; i < 12; ++i) poisson.push_back(s.poisson(Decimal::from_int(2)));
  CHECK(poisson == std::vector<int>{1, 2, 1, 2, 2, 4, 5, 2, 2, 4, 2, 0});
  TrialStream u(2025, 1);
  std::vector<int> dice;
  for (int i = 0; i < 12; ++i) dice.push_back(u.uniform(1, 6));
  CHECK(dice == std::vector<int>{1, 5, 5, 5, 5, 5, 1, 1, 2, 1, 3, 4});
}

TEST_CASE("Poisson by inversion has the right mean and variance", "[exposure]") {
  TrialStream s(1, 0);
  const int n = 200000;
  for (const char* m : {"0.25", "0.5", "3"}) {
    const Decimal mean = *Decimal::parse(m);
    const double lambda = to_double(mean);
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
      const double k = s.poisson(mean);
      sum += k;
      sum2 += k * k;
    }
    const double avg = sum / n;
    const double var = sum2 / n - avg * avg;
    // Standard error of the mean is sqrt(lambda / n) <= 0.004: allow 5 of them.
    CHECK(avg == Approx(lambda).margin(5 * std::sqrt(lambda / n)));
    CHECK(var == Approx(lambda).epsilon(0.03));
  }
  CHECK(s.poisson(Decimal{}) == 0);  // mean 0: always 0
}

TEST_CASE("uniform integers, Bernoulli and decimal ranges", "[exposure]") {
  TrialStream s(9, 9);
  std::map<int, int> counts;
  for (int i = 0; i < 60000; ++i) ++counts[s.uniform(1, 6)];
  REQUIRE(counts.size() == 6);
  for (const auto& [face, c] : counts) CHECK(c == Approx(10000).margin(500));  // 5 sigma is about 456
  int hits = 0;
  for (int i = 0; i < 100000; ++i) hits += s.bernoulli(*Decimal::parse("0.05"));
  CHECK(hits == Approx(5000).margin(350));
  for (int i = 0; i < 1000; ++i) {
    CHECK_FALSE(s.bernoulli(Decimal{}));
    CHECK(s.bernoulli(Decimal::from_int(1)));
    const Decimal d = s.draw(DecimalRange{*Decimal::parse("0.8"), *Decimal::parse("1.05"), 3});
    CHECK(d >= *Decimal::parse("0.8"));
    CHECK(d <= *Decimal::parse("1.05"));
    CHECK(d.micros() % 1000 == 0);  // on the 0.001 grid
  }
  CHECK(s.draw(IntDistribution::list({4})) == 4);
  CHECK(s.draw(IntDistribution::range(3, 3)) == 3);
}

TEST_CASE("drawn doubles enter the model as exact decimals", "[exposure]") {
  CHECK(to_decimal(0.125, 2).str() == "0.13");    // 12.5 cents: half away from zero
  CHECK(to_decimal(-0.125, 2).str() == "-0.13");
  CHECK(to_decimal(1234.5678, 2).str() == "1234.57");
  CHECK(to_decimal(1e300, 2).str() == "1000000000000");  // clamped far inside a Decimal
  TrialStream s(3, 3);
  // sigma 0: exp(0) = 1, the median exactly.
  CHECK(s.lognormal(Decimal::from_int(300), Decimal{}, 2).str() == "300");
}
