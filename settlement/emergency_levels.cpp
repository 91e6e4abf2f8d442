// The table of emergency levels by planning year (docs/format.md, emergencies: level).
#include "emergency_levels.hpp"

namespace drsim {

namespace {

const std::vector<EmergencyLevelRow> kRows = {
    // MISO Max Gen Emergency procedure before PY 2026-27: Alert, Warning, Event Steps 1a..5.
    // max_gen_event_step_2 names Step 2 without its a/b part (scenarios written before the split).
    {0,
     "MISO Max Gen procedure before PY 2026-27",
     {{"max_gen_alert", "Max Gen Alert"},
      {"max_gen_warning", "Max Gen Warning"},
      {"max_gen_event_step_1a", "Max Gen Event Step 1a"},
      {"max_gen_event_step_1b", "Max Gen Event Step 1b"},
      {"max_gen_event_step_2", "Max Gen Event Step 2"},
      {"max_gen_event_step_2a", "Max Gen Event Step 2a"},
      {"max_gen_event_step_2b", "Max Gen Event Step 2b"},
      {"max_gen_event_step_3", "Max Gen Event Step 3"},
      {"max_gen_event_step_4", "Max Gen Event Step 4"},
      {"max_gen_event_step_5", "Max Gen Event Step 5"},
      // NERC Energy Emergency Alert levels, declared alongside MISO's steps in every year.
      {"eea1", "EEA 1"},
      {"eea2", "EEA 2"},
      {"eea3", "EEA 3"}}},
    // From 1 June 2026 (MISO KA-01551): three steps aligned with the NERC EEA levels. The Alert is
    // gone, Step 1a moves into the Max Gen Warning, Steps 3 and 4 merge into Step 2, Step 5 becomes Step 3.
    {2026,
     "MISO Max Gen procedure from PY 2026-27 (KA-01551)",
     {{"max_gen_warning", "Max Gen Warning"},
      {"max_gen_event_step_1", "Max Gen Event Step 1 (EEA 1)"},
      {"max_gen_event_step_2", "Max Gen Event Step 2 (EEA 2)"},
      {"max_gen_event_step_3", "Max Gen Event Step 3 (EEA 3)"},
      // NERC Energy Emergency Alert levels, declared alongside MISO's steps in every year.
      {"eea1", "EEA 1"},
      {"eea2", "EEA 2"},
      {"eea3", "EEA 3"}}},
};

}  // namespace

const std::vector<EmergencyLevelRow>& emergency_level_table() { return kRows; }

const EmergencyLevelRow& emergency_levels_of(int planning_year) {
  const EmergencyLevelRow* row = &kRows.front();
  for (const auto& r : kRows) {
    if (r.first_planning_year <= planning_year) row = &r;
  }
  return *row;
}

std::optional<EmergencyLevel> find_emergency_level(int planning_year, std::string_view name) {
  for (const auto& l : emergency_levels_of(planning_year).levels) {
    if (l.name == name) return l;
  }
  return std::nullopt;
}

std::string emergency_level_names(int planning_year) {
  std::string out;
  for (const auto& l : emergency_levels_of(planning_year).levels) {
    if (!out.empty()) out += ", ";
    out += l.name;
  }
  return out;
}

}  // namespace drsim
