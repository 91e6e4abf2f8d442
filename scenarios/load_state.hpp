// What the loader carries between its passes: the scenario so far, where entities were written, pending references.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/yaml_reader.hpp"
#include "scenarios/scenario.hpp"

namespace drsim::scenarios {

enum class IdKind { zone, participant, lba, lse, resource, emergency, instruction };
std::string_view name(IdKind kind);

// A use of an id that must be defined somewhere in the file (checked after all sections are read).
struct Reference {
  IdKind kind;
  std::string id;
  Mark mark;
  std::string path;
};

// Where a series comes from before it is read: a CSV path (resolved against
// the scenario's folder) or the inline `rows:` list.
struct SeriesSource {
  std::string name;                   // lmp, rsg, meter, baseline, lse_load
  std::string csv_path;               // empty for inline rows
  std::optional<Field> rows;          // the inline rows
  Field where;                        // the series' key
};

// Longest id (bytes of UTF-8) a scenario may define: ids appear in every output row.
inline constexpr std::size_t kMaxIdBytes = 200;

struct LoadState {
  explicit LoadState(Scenario& s) : scenario(s), reader(s.path) {}
  Scenario& scenario;
  YamlReader reader;
  std::string base_dir;  // the scenario file's folder, for relative CSV paths
  // A meter CSV is left to the run's one pass (scenarios/meter_scan.hpp) when
  // nothing else in the scenario is wrong (MeterCheck::in_run).
  bool meter_csv_in_run = false;

  // Defined ids of each kind, with the line that defined them.
  std::map<IdKind, std::map<std::string, int>> ids;
  std::vector<Reference> references;
  // The key path of each instruction and advanced report, parallel to the scenario's vectors.
  std::vector<std::string> instruction_paths;
  std::vector<std::string> report_paths;
  std::vector<std::string> emergency_paths;
  std::vector<SeriesSource> series;

  // Records a defined id; reports a duplicate.
  void define(IdKind kind, const std::string& id, const Field& at);
  // Records a reference to check once every section is read.
  void refer(IdKind kind, const std::string& id, const Field& at);
  bool defined(IdKind kind, const std::string& id) const;
};

// Reads `id` and records it as defined; nothing when it is missing or bad.
std::optional<std::string> read_id(LoadState& st, MapFields& m, IdKind kind);
// Reads a referenced id and records the reference.
std::optional<std::string> read_ref(LoadState& st, MapFields& m, std::string_view key, IdKind kind,
                                    Need need = Need::required);

// The section readers, in the order the loader calls them.
void read_market(LoadState& st, MapFields& top);   // zones, participants, lbas, lses, resources
void read_events(LoadState& st, MapFields& top);   // emergencies, instructions, advanced_reporting, availability, outages
void read_series_section(LoadState& st, MapFields& top);  // series: sources only
void read_eo_and_expect(LoadState& st, MapFields& top);   // eo, expect
// Sets each rule of the map `f` (key: value) in `rules`, reporting an unknown key (with a
// did-you-mean), a key given twice and a bad value; `set` gets each key and value set, in order.
void read_rule_values(LoadState& st, const Field& f, Rules& rules, std::vector<std::pair<std::string, std::string>>& set);
// Reads the hourly series files or rows into the scenario.
void load_hourly_series(LoadState& st);
// Cross-section checks: references, overlapping instructions, the meter pass (prices: settlement, 4.7).
void check_scenario(LoadState& st);

}  // namespace drsim::scenarios

namespace drsim::scenarios {

// Calls fn(item) for each item of the list under `key` (absent or null: nothing).
template <class Fn>
void for_each_item(LoadState& st, MapFields& map, std::string_view key, Fn fn) {
  auto f = map.get(key);
  if (!f || !f->node.IsDefined() || f->node.IsNull()) return;
  if (auto items = st.reader.items(*f)) {
    for (const auto& item : *items) fn(item);
  }
}

}  // namespace drsim::scenarios
