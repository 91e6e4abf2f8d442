// The file model: a scenario file as read, i.e. the market model (settlement/market.hpp) plus
// where each entity was written, the file's digest, its meter source, `expect:`, the
// `exposure:` study model and the loader's warnings.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "settlement/market.hpp"
#include "settlement/money.hpp"
#include "settlement/problem.hpp"
#include "sim/exposure_model.hpp"
#include "sim/meter_row.hpp"

namespace drsim {

// Where an entity was written: 1-based line and column in the scenario file.
struct Mark {
  int line = 0;
  int column = 0;
};

// Where each entity of the market was written: vectors parallel to the Market's entity
// vectors (marks.instructions[i] is where market.instructions[i] was written), so entities
// with the same id keep their own marks.
struct SourceMarks {
  std::vector<Mark> zones, participants, lses, resources, emergencies, instructions, advanced_reporting,
      availability, outages, eo;
  std::vector<std::array<Mark, 4>> seasons;  // parallel to resources, indexed by Season
  Mark exposure;                             // the `exposure:` section
};

// Where the meter intervals come from. They are the bulk of a scenario, so a
// CSV file is streamed by the reader in scenarios/, never held whole.
struct MeterSource {
  std::string csv_path;             // absolute or relative to the working dir; empty for inline
  std::vector<MeterRow> rows;       // inline rows
  bool present = false;
  std::uint64_t row_count = 0;      // rows counted when the scenario was validated
};

// Figures that `drsim check` compares after a run (format.md `expect:`).
struct ResourceExpect {
  std::optional<Money> energy_charge_usd, rsg_charge_usd, penalty_usd, capacity_usd;
  std::optional<int> counted_failures;
  std::optional<bool> disqualified;
  Mark mark;
};
// The figures of one settlement: of the run, or of one reading of `expect: sweep:`.
struct ExpectFigures {
  std::optional<Money> energy_charge_usd, rsg_charge_usd, penalty_usd, capacity_usd,
      allocated_usd, eo_usd;
  std::optional<std::vector<std::string>> disqualified;
  std::map<std::string, ResourceExpect> resources;
  std::map<std::string, Money> lses;
  std::map<std::string, Mark> lse_marks;
  Mark mark;
};
// `expect: sweep:` (docs/sweep.md): the figures of the scenario under other rules, set on top of
// its own `rules:`.
struct ReadingExpect {
  std::vector<std::pair<std::string, std::string>> set;  // key, value as written
  Rules rules;                                           // the scenario's rules with `set` applied
  ExpectFigures figures;
  Mark mark;                                             // the entry
};
struct Expect : ExpectFigures {
  std::vector<ReadingExpect> sweep;
  bool present = false;
};

// Where a series of the `series:` section was given: its CSV file, or the scenario's line
// (inline rows, a flat RSG rate).
struct SeriesOrigin {
  std::string csv_path;  // empty: inline in the scenario file
  Mark mark;             // the series' entry under `series:`
};

struct Scenario : Market {
  std::string path;            // the scenario file, as given
  std::string sha256;          // hash of the file's bytes
  int format = 1;
  std::vector<std::string> rules_overridden;  // keys the file set
  SourceMarks marks;
  MeterSource meter;
  std::map<std::string, SeriesOrigin> series_origin;  // lmp, rsg, baseline, lse_load
  Expect expect;
  std::optional<sim::ExposureModel> exposure;  // the `exposure:` section (docs/exposure.md), when given
  // Non-fatal problems the loader found (a value ignored, a name unknown in the planning year):
  // printed by the CLI as `file:line:column: warning: key.path: what` and listed in the outputs.
  std::vector<Problem> warnings;
};

// Where the entity a problem of settle() or sim::simulate() names (its key `kind.id`, e.g.
// `instructions.I1`) was written. For an exposure trial give `drawn`, the exposure: section:
// emergencies, instructions, advanced reports and outages of a trial are drawn there.
Mark mark_of(const Scenario& s, const std::string& key, const std::optional<Mark>& drawn = std::nullopt);

// The problems of settle() and sim::simulate() (by key, no place) placed in the scenario
// file: file, line and column of the entity each names. The one mapping every caller uses.
InputError located(const Scenario& s, const InputError& e, const std::optional<Mark>& drawn = std::nullopt);

}  // namespace drsim
