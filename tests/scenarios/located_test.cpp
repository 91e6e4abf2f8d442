// located(): the one mapping from a problem named by entity key (settle(), sim::simulate()) to
// the entity's file, line and column, through the scenario's source marks.
#include <catch2/catch.hpp>

#include "scenarios/scenario.hpp"
#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/scenario_builder.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

// The worked example with marks as if read from a file: DR-1 at 12:5, EV-1 at 20:5, SI-1 at 27:5.
Scenario marked_example() {
  Scenario s = worked_example();
  s.marks.resources = {{12, 5}};
  s.marks.emergencies = {{20, 5}};
  s.marks.instructions = {{27, 5}};
  return s;
}

Problem by_key(std::string key, std::string message) { return Problem{"", 0, 0, std::move(key), std::move(message)}; }

}  // namespace

TEST_CASE("settle() names an entity by key only, located() places it at the entity's mark", "[located]") {
  Scenario s = marked_example();
  // LMP at 15:00, 16:00 and 18:00 only: the 17:00 hour (shortfall 4 MW) is charged without a price.
  s.lmp = {};
  for (const char* h : {"2025-07-15T15:00", "2025-07-15T16:00", "2025-07-15T18:00"}) {
    s.lmp.set("AMMO.DR1", T(h), UsdPerMwh(dec("250")));
  }
  const RunRecord rec = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
  try {
    settle(s, rec);
    FAIL("expected an input error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    const Problem& p = e.problems()[0];
    CHECK(p.file.empty());
    CHECK(p.line == 0);
    CHECK(p.column == 0);
    CHECK(p.key == "instructions.SI-1");
    CHECK(located(s, e).problems()[0].str() ==
          "worked-example.yaml:27:5: instructions.SI-1: no LMP at cpnode AMMO.DR1 for charged hour "
          "2025-07-15T17:00 (series.lmp)");
  }
}

TEST_CASE("located() maps each kind through its own marks and keeps placed problems", "[located]") {
  const Scenario s = marked_example();
  const InputError e({by_key("resources.DR-1", "r"), by_key("emergencies.EV-1", "e"),
                      Problem{"meter.csv", 4, 0, "mw", "already placed"}});
  const InputError placed = located(s, e);
  const auto& out = placed.problems();
  REQUIRE(out.size() == 3);
  CHECK(out[0].str() == "worked-example.yaml:12:5: resources.DR-1: r");
  CHECK(out[1].str() == "worked-example.yaml:20:5: emergencies.EV-1: e");
  CHECK(out[2].str() == "meter.csv:4: mw: already placed");
}

TEST_CASE("located(): two entities with one id keep their own marks, the first is the one named", "[located]") {
  Scenario s = marked_example();
  s.instructions.push_back(s.instructions[0]);
  s.marks.instructions.push_back({40, 7});
  CHECK(s.marks.instructions.size() == s.instructions.size());
  CHECK(mark_of(s, "instructions.SI-1").line == 27);  // as find_instruction: the first
  CHECK(s.marks.instructions[1].line == 40);
}

TEST_CASE("located() with an exposure trial: drawn entities at exposure:, resources at their own", "[located]") {
  Scenario s = marked_example();
  s.marks.exposure = {50, 1};
  const InputError e({by_key("instructions.EM-001.DR-1", "i"), by_key("emergencies.EM-001", "e"),
                      by_key("resources.DR-1", "r")});
  const InputError placed = located(s, e, s.marks.exposure);
  const auto& out = placed.problems();
  CHECK(out[0].str() == "worked-example.yaml:50:1: instructions.EM-001.DR-1: i");
  CHECK(out[1].str() == "worked-example.yaml:50:1: emergencies.EM-001: e");
  CHECK(out[2].str() == "worked-example.yaml:12:5: resources.DR-1: r");
}
