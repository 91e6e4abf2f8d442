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

TEST_CASE("the open readings: every key of rules.md's open choices, each value parses, the default among them", "[rules]") {
  std::vector<std::string> keys;
  for (const auto& o : open_readings()) keys.push_back(o.key);
  // rules.md order; the two numbers are defaults that rules.md says come from MISO material, not the seeds.
  CHECK(keys == std::vector<std::string>{"untested_multiplier", "multiplier_applies_to_rsg", "failure_separation_basis",
                                         "disqualification_effective", "withdrawal_notice_h", "outage_excused_hours",
                                         "fsl_shortfall_cap", "baseline_same_day_adjustment", "penalize_btmg"});
  const Rules defaults;
  for (const auto& o : open_readings()) {
    INFO(o.key);
    CHECK(o.values.size() == 2);
    CHECK_FALSE(o.section.empty());
    bool has_default = false;
    for (const auto& v : o.values) {
      Rules r;
      CHECK_FALSE(set_rule(r, o.key, v));
      CHECK(rule_value(r, o.key) == v);  // each value as the table prints it
      has_default |= v == rule_value(defaults, o.key);
    }
    CHECK(has_default);
  }
  CHECK(rule_value(defaults, "no_such_rule").empty());
}
