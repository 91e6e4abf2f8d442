// Loader rules of v1.2 with their exact text and place: one planning year per scenario (an error),
// fsl_mw outside firm_service_level and emergency levels by planning year (warnings, Scenario::warnings).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "loader_base.hpp"
#include "settlement/emergency_levels.hpp"

namespace {

using namespace drsim::test::loader;

// The base moved to PY 2026-27: every 2025-07-15 becomes 2026-07-15.
std::string py2026(std::vector<std::pair<int, std::string>> edits) {
  std::string s = with(std::move(edits));
  for (auto at = s.find("2025-07-15"); at != std::string::npos; at = s.find("2025-07-15")) s.replace(at, 10, "2026-07-15");
  const auto py = s.find("planning_year: 2025");
  s.replace(py, 19, "planning_year: 2026");
  return s;
}

}  // namespace

TEST_CASE("loader v1.2: the base of these tests loads without problems or warnings") {
  const Loaded l = load(with({}));
  CHECK(l.problems.empty());
  CHECK(l.warnings.empty());
  const Loaded l26 = load(py2026({{22, "  - {id: EV-1, lbas: [AMMO], level: max_gen_event_step_2, start: "
                                       "2025-07-15T14:00, end: 2025-07-15T20:00}"}}));
  CHECK(l26.problems.empty());
  CHECK(l26.warnings.empty());
}

TEST_CASE("loader v1.2: an instruction starting outside the planning year is an error at its start") {
  // PY 2025-26 is [2025-06-01, 2026-06-01): a call on 3 June 2026 belongs to PY 2026-27 (rules.md 3.2).
  // "    start: " is 11 characters, so the value is at column 12 of line 28.
  CHECK(load(with({{28, "    start: 2026-06-03T15:00"}, {29, "    end: 2026-06-03T17:00"}})).problems ==
        V{"s.yaml:28:12: instructions[0].start: start 2026-06-03T15:00 is outside planning year 2025-26 "
          "(2025-06-01T00:00 .. 2026-06-01T00:00): a scenario covers one planning year"});
  // The first instant of the next year is outside; the last hour of this one is inside.
  CHECK(load(with({{28, "    start: 2026-06-01T00:00"}, {29, "    end: 2026-06-01T01:00"}})).problems ==
        V{"s.yaml:28:12: instructions[0].start: start 2026-06-01T00:00 is outside planning year 2025-26 "
          "(2025-06-01T00:00 .. 2026-06-01T00:00): a scenario covers one planning year"});
  CHECK(load(with({{28, "    start: 2025-05-31T23:00"}, {29, "    end: 2025-06-01T01:00"}})).problems ==
        V{"s.yaml:28:12: instructions[0].start: start 2025-05-31T23:00 is outside planning year 2025-26 "
          "(2025-06-01T00:00 .. 2026-06-01T00:00): a scenario covers one planning year"});
  CHECK(load(with({{28, "    start: 2025-06-01T00:00"}, {29, "    end: 2025-06-01T02:00"}})).problems.empty());
  // Starting in the year's last hour, the window may run past its end.
  CHECK(load(with({{28, "    start: 2026-05-31T23:00"}, {29, "    end: 2026-06-01T02:00"}})).problems.empty());
}

TEST_CASE("loader v1.2: fsl_mw with another protocol is a warning and the value is ignored") {
  // "    fsl_mw: " is 12 characters: the value is at column 13.
  const Loaded l = load(with({{18, "    protocol: baseline\n    fsl_mw: 2.0"}}));
  CHECK(l.problems.empty());
  CHECK(l.warnings == V{"s.yaml:19:13: warning: resources[0].fsl_mw: fsl_mw applies only to protocol "
                        "firm_service_level; ignored for protocol baseline"});
  REQUIRE(l.scenario.resources.size() == 1);
  CHECK_FALSE(l.scenario.resources[0].fsl_mw.has_value());
  // A malformed value is still an error.
  CHECK(load(with({{18, "    protocol: baseline\n    fsl_mw: two"}})).problems ==
        V{"s.yaml:19:13: resources[0].fsl_mw: expected a number, got 'two'"});
  // With firm_service_level the value is kept.
  const Loaded fsl = load(with({{18, "    protocol: firm_service_level\n    fsl_mw: 2.0"}}));
  CHECK(fsl.warnings.empty());
  REQUIRE(fsl.scenario.resources.size() == 1);
  CHECK(*fsl.scenario.resources[0].fsl_mw == drsim::Mw(*drsim::Decimal::parse("2.0")));
}

TEST_CASE("loader: an emergency level unknown in the planning year is a warning naming that year's levels") {
  // Step 2a is a level before PY 2026-27 only (KA-01551 merged the steps).
  // "  - {id: EV-1, lbas: [AMMO], level: " is 36 characters, so the value starts at column 37.
  const std::string step2a = "  - {id: EV-1, lbas: [AMMO], level: max_gen_event_step_2a, start: 2025-07-15T14:00, "
                             "end: 2025-07-15T20:00}";
  const Loaded l = load(py2026({{22, step2a}}));
  CHECK(l.problems.empty());
  CHECK(l.warnings ==
        V{"s.yaml:22:37: warning: emergencies[0].level: level 'max_gen_event_step_2a' is not a level of PY 2026-27 "
          "(MISO Max Gen procedure from PY 2026-27 (KA-01551)); that year's levels are max_gen_warning, "
          "max_gen_event_step_1, max_gen_event_step_2, max_gen_event_step_3, eea1, eea2, eea3"});
  REQUIRE(l.scenario.emergencies.size() == 1);
  CHECK(l.scenario.emergencies[0].level == "max_gen_event_step_2a");  // kept as written
  // The new procedure's Step 1 is not a level of PY 2025-26.
  const Loaded old = load(with({{22, "  - {id: EV-1, lbas: [AMMO], level: max_gen_event_step_1, start: "
                                     "2025-07-15T14:00, end: 2025-07-15T20:00}"}}));
  CHECK(old.warnings ==
        V{"s.yaml:22:37: warning: emergencies[0].level: level 'max_gen_event_step_1' is not a level of PY 2025-26 "
          "(MISO Max Gen procedure before PY 2026-27); that year's levels are max_gen_alert, max_gen_warning, "
          "max_gen_event_step_1a, max_gen_event_step_1b, max_gen_event_step_2, max_gen_event_step_2a, "
          "max_gen_event_step_2b, max_gen_event_step_3, max_gen_event_step_4, max_gen_event_step_5, eea1, eea2, "
          "eea3"});
  // A name of neither procedure warns too; EEA levels are valid in both years.
  CHECK(load(with({{22, "  - {id: EV-1, lbas: [AMMO], level: step2, start: 2025-07-15T14:00, end: "
                        "2025-07-15T20:00}"}})).warnings.size() == 1);
  CHECK(load(py2026({{22, "  - {id: EV-1, lbas: [AMMO], level: eea2, start: 2025-07-15T14:00, end: "
                          "2025-07-15T20:00}"}})).warnings.empty());
}

TEST_CASE("emergency levels: one row per procedure, chosen by planning year") {
  using drsim::find_emergency_level;
  // PY 2025-26 (1 June 2025 .. 31 May 2026) still has the Alert and Step 5; PY 2026-27 has neither.
  CHECK(find_emergency_level(2025, "max_gen_alert").has_value());
  CHECK(find_emergency_level(2025, "max_gen_event_step_5").has_value());
  CHECK_FALSE(find_emergency_level(2026, "max_gen_alert").has_value());
  CHECK_FALSE(find_emergency_level(2026, "max_gen_event_step_5").has_value());
  CHECK(find_emergency_level(2026, "max_gen_event_step_3")->label == "Max Gen Event Step 3 (EEA 3)");
  CHECK(find_emergency_level(2030, "max_gen_event_step_1").has_value());  // the last row holds on
  CHECK(find_emergency_level(1990, "max_gen_event_step_2b").has_value());  // the first row covers earlier years
  CHECK(drsim::emergency_levels_of(2026).first_planning_year == 2026);
}

TEST_CASE("loader: warnings come in line order, whatever order the sections are read in") {
  // emergencies (line 21) moved above resources: the level warning (line 12 after the move) comes first,
  // although the resources section, with the fsl_mw warning, is read before the emergencies.
  std::vector<std::pair<int, std::string>> edits = {
      {11, "emergencies:\n  - {id: EV-1, lbas: [AMMO], level: step2, start: 2025-07-15T14:00, end: 2025-07-15T20:00}\n"
           "resources:"},
      {18, "    protocol: baseline\n    fsl_mw: 1"},
      {21, "#"},
      {22, "#"}};
  const Loaded l = load(with(edits));
  REQUIRE(l.problems.empty());
  REQUIRE(l.warnings.size() == 2);
  CHECK(l.warnings[0].rfind("s.yaml:12:37: warning: emergencies[0].level: level 'step2' is not a level of PY 2025-26", 0) == 0);
  CHECK(l.warnings[1].rfind("s.yaml:21:13: warning: resources[0].fsl_mw:", 0) == 0);
}
