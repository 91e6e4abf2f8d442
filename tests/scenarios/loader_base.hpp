// Test helper of the loader tests: a valid scenario whose line numbers the tests cite, edits of it by line,
// and loading a text to its problems and warnings with the temporary folder left out of every message.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenarios/scenario_loader.hpp"
#include "settlement/warning.hpp"
#include "temp_files.hpp"

namespace drsim::test::loader {

// A valid PY 2025-26 scenario; the line numbers in the comments are what the tests cite.
inline const std::vector<std::string> kBase = {
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

// The base with line `line` (1-based) replaced by `text` (which may hold several lines).
inline std::string with(std::vector<std::pair<int, std::string>> edits) {
  std::vector<std::string> lines = kBase;
  for (auto& [line, text] : edits) lines.at(static_cast<std::size_t>(line - 1)) = text;
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}
inline std::string with(int line, const std::string& text) { return with({{line, text}}); }
inline std::string base() { return with({}); }

struct Loaded {
  std::vector<std::string> problems;
  std::vector<std::string> warnings;  // as warning_text prints them
  drsim::Scenario scenario;
};

// Loads `yaml` as s.yaml in a temporary folder (beside `files`, name and text), the folder left out of
// every message.
inline Loaded load(const std::string& yaml, const std::vector<std::pair<std::string, std::string>>& files = {}) {
  drsim::test::TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
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

inline std::vector<std::string> problems(const std::string& yaml,
                                         const std::vector<std::pair<std::string, std::string>>& files = {}) {
  return load(yaml, files).problems;
}

using V = std::vector<std::string>;

}  // namespace drsim::test::loader
