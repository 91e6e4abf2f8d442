// The rule key table: defaults, parsing and overrides.
#include <catch2/catch.hpp>

#include "settlement/rules.hpp"

using namespace drsim;

TEST_CASE("every rule key of rules.md has its default", "[rules]") {
  const auto values = rule_values(Rules{});
  REQUIRE(values.size() == 12);
  CHECK(values[0].key == "untested_multiplier");
  CHECK(values[0].value == "3");
  for (const auto& v : values) CHECK_FALSE(v.overridden);
}

TEST_CASE("rule keys are set from text and marked overridden", "[rules]") {
  Rules r;
  CHECK_FALSE(set_rule(r, "failure_separation_basis", "end_to_start"));
  CHECK(r.failure_separation_basis == SeparationBasis::end_to_start);
  CHECK_FALSE(set_rule(r, "penalty_lmp_floor_usd_per_mwh", "-10"));
  CHECK(*set_rule(r, "untested_multiplier", "-1") == "must not be negative, got -1");
  CHECK(*set_rule(r, "penalize_btmg", "yes") == "expected true or false, got 'yes'");
  CHECK(*set_rule(r, "no_such_rule", "1") == "unknown rule key 'no_such_rule'");
  CHECK(*set_rule(r, "fsl_shortfall_cap", "all") == "expected target | none, got 'all'");
  int overridden = 0;
  for (const auto& v : rule_values(r)) overridden += v.overridden;
  CHECK(overridden == 2);
}
