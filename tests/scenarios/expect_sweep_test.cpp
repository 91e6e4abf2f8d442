// `expect: sweep:` (docs/sweep.md): each reading's rules set on top of the scenario's, its figures,
// where it was written, and every problem of an entry located.
#include <catch2/catch.hpp>

#include <string>

#include "loader_base.hpp"

using namespace drsim::test::loader;

namespace {

// The base scenario with `rules:` after line 3 and `expect:` after its last line (40).
std::string with_expect(const std::string& rules, const std::string& expect) {
  return with({{3, "planning_year: 2025\n" + rules}, {40, "      - [DR-1, 2025-07-15T16:00, 60, 12]\nexpect:\n" + expect}});
}

}  // namespace

TEST_CASE("expect: sweep: readings set their rules on top of the scenario's, with their figures and line") {
  const Loaded l = load(with_expect("rules: {fsl_shortfall_cap: none}",
                                    "  penalty_usd: 1.00\n"
                                    "  sweep:\n"
                                    "    - rules: {multiplier_applies_to_rsg: true, untested_multiplier: 2}\n"
                                    "      penalty_usd: 2.50\n"
                                    "      resources:\n"
                                    "        DR-1: {rsg_charge_usd: 0.75, counted_failures: 1}\n"
                                    "    - rules: {penalize_btmg: false}\n"
                                    "      disqualified: []\n"));
  INFO(l.problems.size());
  REQUIRE(l.problems.empty());
  const drsim::Expect& e = l.scenario.expect;
  CHECK(e.penalty_usd->str() == "1.00");
  REQUIRE(e.sweep.size() == 2);
  const drsim::ReadingExpect& r = e.sweep[0];
  CHECK(r.set == std::vector<std::pair<std::string, std::string>>{{"multiplier_applies_to_rsg", "true"},
                                                                  {"untested_multiplier", "2"}});
  CHECK(r.rules.multiplier_applies_to_rsg);
  CHECK(r.rules.untested_multiplier.str() == "2");
  CHECK(r.rules.fsl_shortfall_cap == drsim::FslShortfallCap::none);  // the scenario's own rules stay
  CHECK(r.figures.penalty_usd->str() == "2.50");
  CHECK(r.figures.resources.at("DR-1").rsg_charge_usd->str() == "0.75");
  CHECK(r.figures.resources.at("DR-1").counted_failures == 1);
  CHECK(r.mark.line == 45);  // after line 40, one more (rules:), then expect:, penalty_usd: and sweep:
  CHECK(r.mark.column == 7);
  CHECK_FALSE(e.sweep[1].rules.penalize_btmg);
  CHECK(e.sweep[1].figures.disqualified->empty());
  CHECK_FALSE(e.sweep[1].figures.penalty_usd);
}

TEST_CASE("expect: sweep: every problem of an entry is located") {
  CHECK(problems(with_expect("", "  sweep:\n    - penalty_usd: 1.00\n")) ==
        V{"s.yaml:44:7: expect.sweep[0].rules: required key is missing"});
  CHECK(problems(with_expect("", "  sweep:\n    - rules: {}\n    - rules: [penalize_btmg]\n")) ==
        V{"s.yaml:44:14: expect.sweep[0].rules: the map is empty: name at least one rule key and its value",
          "s.yaml:45:14: expect.sweep[1].rules: expected a map of rule keys and values, got a list"});
  CHECK(problems(with_expect("", "  sweep:\n    - rules: {penalise_btmg: false, untested_multiplier: x}\n")) ==
        V{"s.yaml:44:15: expect.sweep[0].rules.penalise_btmg: unknown rule key 'penalise_btmg' (did you mean "
          "'penalize_btmg'?)",
          "s.yaml:44:58: expect.sweep[0].rules.untested_multiplier: expected a number, got 'x'"});
  CHECK(problems(with_expect("", "  sweep:\n    - rules: {penalize_btmg: false, penalize_btmg: true}\n")) ==
        V{"s.yaml:44:37: expect.sweep[0].rules.penalize_btmg: rule 'penalize_btmg' is given twice"});
  CHECK(problems(with_expect("", "  sweep:\n    - rules: {penalize_btmg: false}\n      fine_usd: 1\n"
                                 "      resources:\n        DR-9: {penalty_usd: 1}\n")) ==
        V{"s.yaml:45:7: expect.sweep[0].fine_usd: unknown key 'fine_usd'",
          "s.yaml:47:9: expect.sweep[0].resources.DR-9: no resource 'DR-9' is defined (did you mean 'DR-1'?)"});
  CHECK(problems(with_expect("", "  sweep: {rules: {penalize_btmg: false}}\n")) ==
        V{"s.yaml:43:10: expect.sweep: expected a list, got a map"});
}
