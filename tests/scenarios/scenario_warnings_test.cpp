// Loader rules of v1.2 with their exact text and place: one planning year per scenario (an error),
// fsl_mw outside firm_service_level and emergency levels by planning year (warnings, Scenario::warnings).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scenarios/scenario_loader.hpp"
#include "settlement/emergency_levels.hpp"
#include "settlement/warning.hpp"
#include "temp_files.hpp"

namespace {

// A valid PY 2025-26 scenario; the line numbers in the comments are what the tests cite.
const std::vector<std::string> kBase = {
    "drsim: 1",                                                           // 1
    "name: test",                                                         // 2
    "planning_year: 2025",                                                // 3
    "zones:",                                                             // 4
    "  - {id: LRZ5, acp_usd_per_mw_day: {summer: 666.50}}",               // 5
    "participants:",                                                      // 6
    "  - {id: MP, certified: true}",                                      // 7
    "lbas: [AMMO]",                                                       // 8
    "lses:",                                                              // 9
    "  - {id: LSE-A, lba: AMMO, load_ratio_share: 1}",                    // 10
    "resources:",                                                         // 11
    "  - id: DR-1",                                                       // 12
    "    type: DR",                                                       // 13
    "    mp: MP",                                                         // 14
    "    lba: AMMO",                                                      // 15
    "    zone: LRZ5",                                                     // 16
    "    cpnode: N1",                                                     // 17
    "    protocol: baseline",                                             // 18
    "    seasons:",                                                       // 19
    "      summer: {cleared_mw: 10, notification_h: 2, max_interruptions: 5, max_duration_h: 4, months: [6, 7, 8]}",  // 20
    "emergencies:",                                                       // 21
    "  - {id: EV-1, lbas: [AMMO], level: max_gen_event_step_2a, start: 2025-07-15T14:00, end: 2025-07-15T20:00}",  // 22
    "instructions:",                                                      // 23
    "  - id: SI-1",                                                       // 24
    "    emergency: EV-1",                                                // 25
    "    resource: DR-1",                                                 // 26
    "    issued: 2025-07-15T10:00",                                       // 27
    "    start: 2025-07-15T15:00",                                        // 28
    "    end: 2025-07-15T17:00",                                          // 29
    "    mw: 10",                                                         // 30
    "series:",                                                            // 31
    "  lmp:",                                                             // 32
    "    rows:",                                                          // 33
    "      - [N1, 2025-07-15T15:00, 250]",                                // 34
    "      - [N1, 2025-07-15T16:00, 410]",                                // 35
    "  rsg: {usd_per_mwh: 1.5}",                                          // 36
    "  meter:",                                                           // 37
    "    rows:",                                                          // 38
    "      - [DR-1, 2025-07-15T15:00, 60, 10]",                           // 39
    "      - [DR-1, 2025-07-15T16:00, 60, 12]",                           // 40
};

std::string with(std::vector<std::pair<int, std::string>> edits) {
  std::vector<std::string> lines = kBase;
  for (auto& [line, text] : edits) lines.at(static_cast<std::size_t>(line - 1)) = text;
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// The base moved to PY 2026-27: every 2025-07-15 becomes 2026-07-15.
std::string py2026(std::vector<std::pair<int, std::string>> edits) {
  std::string s = with(std::move(edits));
  for (auto at = s.find("2025-07-15"); at != std::string::npos; at = s.find("2025-07-15")) s.replace(at, 10, "2026-07-15");
  const auto py = s.find("planning_year: 2025");
  s.replace(py, 19, "planning_year: 2026");
  return s;
}

struct Loaded {
  std::vector<std::string> problems;
  std::vector<std::string> warnings;  // as warning_text prints them
  drsim::Scenario scenario;
};

// Loads `yaml` as s.yaml in a temporary folder, the folder left out of every message.
Loaded load(const std::string& yaml) {
  drsim::test::TempDir dir;
  const std::string path = dir.write("s.yaml", yaml);
  const std::string prefix = dir.str() + "/";
  auto strip = [&](std::string s) {
    for (auto at = s.find(prefix); at != std::string::npos; at = s.find(prefix)) s.erase(at, prefix.size());
    return s;
  };
  Loaded out;
  try {
    out.scenario = drsim::load_scenario(path);
    for (const auto& w : out.scenario.warnings) out.warnings.push_back(strip(drsim::warning_text(w)));
  } catch (const drsim::InputError& e) {
    for (const auto& p : e.problems()) out.problems.push_back(strip(p.str()));
  }
  return out;
}

using V = std::vector<std::string>;

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
