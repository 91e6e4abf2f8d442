// The names of emergency levels (MISO Max Gen procedure, NERC EEA) valid in each planning year: one table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drsim {

// One level an emergency may be declared at, as a scenario writes it (`level:`) and as reports show it.
struct EmergencyLevel {
  std::string_view name;   // snake_case, e.g. max_gen_event_step_2a
  std::string_view label;  // for people, e.g. "Max Gen Event Step 2a"
};

// The levels of one procedure, in force from `first_planning_year` until the next row's.
struct EmergencyLevelRow {
  int first_planning_year = 0;  // PY N runs N-06-01 .. N+1-06-01
  std::string_view procedure;   // what the row is, for messages
  std::vector<EmergencyLevel> levels;
};

// The rows, oldest first. A procedure change is one more row here.
const std::vector<EmergencyLevelRow>& emergency_level_table();
// The row in force in `planning_year` (the first row also covers earlier years).
const EmergencyLevelRow& emergency_levels_of(int planning_year);
// The level called `name` in `planning_year`, or nothing when that year has no such name.
std::optional<EmergencyLevel> find_emergency_level(int planning_year, std::string_view name);
// "alert, warning, ..." : the names of that year, comma-separated, in procedure order.
std::string emergency_level_names(int planning_year);

}  // namespace drsim
