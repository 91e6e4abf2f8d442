// A credit (negative charge under a negative penalty_lmp_floor) through settle(): allocated like a charge, negated (rules.md 4.10 v1.2).
#include <catch2/catch.hpp>

#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/scenario_builder.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

// The worked example with three equal static shares, RSG 0 and the LMP 0 except HE17 (2 MWh short),
// where it is `he17_lmp`: HE17's charge is 2 MWh x he17_lmp, the only non-zero amount to allocate.
// settle() is also what every exposure trial runs (sim/exposure_runner.cpp settle_inline and the trial runner).
Statement run_with_he17_lmp(const char* he17_lmp) {
  Scenario s = worked_example();
  s.lses = {{"LSE-A", "AMMO", dec("1")}, {"LSE-B", "AMMO", dec("1")}, {"LSE-C", "AMMO", dec("1")}};
  s.rules.penalty_lmp_floor_usd_per_mwh = UsdPerMwh(dec("-1000"));
  s.rsg_flat = UsdPerMwh(dec("0"));
  for (int h = 0; h < 4; ++h) s.lmp.set("AMMO.DR1", T("2025-07-15T15:00") + Duration::hours(h), UsdPerMwh(dec("0")));
  s.lmp.set("AMMO.DR1", T("2025-07-15T16:00"), UsdPerMwh(dec(he17_lmp)));
  return settle(s, sim::simulate(s, sim::inline_meter_feed(s.meter.rows)));
}

}  // namespace

TEST_CASE("settle: a credit of -0.05 over three equal LSEs is the negation of the +0.05 split") {
  // +0.025 $/MWh x 2 MWh = +0.05: 5 cents / 3 = floors 1, 1, 1, the two spare cents to LSE-A and
  // LSE-B (equal remainders, bytewise first). -0.025 x 2 = -0.05: the same ids get the extra cent, negated.
  const Statement charge = run_with_he17_lmp("0.025");
  const Statement credit = run_with_he17_lmp("-0.025");
  CHECK(charge.penalty.str() == "0.05");
  CHECK(credit.penalty.str() == "-0.05");
  REQUIRE(charge.allocation.size() == 3);
  REQUIRE(credit.allocation.size() == 3);
  const char* ids[] = {"LSE-A", "LSE-B", "LSE-C"};
  const char* plus[] = {"0.02", "0.02", "0.01"};
  const char* minus[] = {"-0.02", "-0.02", "-0.01"};
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(ids[i]);
    CHECK(charge.allocation[i].lse_id == ids[i]);
    CHECK(credit.allocation[i].lse_id == ids[i]);
    CHECK(charge.allocation[i].amount.str() == plus[i]);
    CHECK(credit.allocation[i].amount.str() == minus[i]);
    CHECK(credit.allocation[i].amount == -charge.allocation[i].amount);
  }
  CHECK(credit.allocated.str() == "-0.05");
}
