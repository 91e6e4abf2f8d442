// The figures of a sweep (docs/sweep.md): each reading's totals, in total and per resource, and
// their changes from the default reading, taken once from the statements so every writer agrees.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "settlement/money.hpp"
#include "settlement/rules.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// What one reading settles to, in total or for one resource (allocated and eo: in total only).
// `net` is what the market participants keep, capacity paid less the penalty: the tornado's measure.
struct SweepTotals {
  Money energy_charge, rsg_charge, penalty, capacity, allocated, eo, net;
  std::int64_t failed_occasions = 0, counted_failures = 0, disqualified = 0;  // counts (of resources, in total)
  SweepTotals operator-(const SweepTotals& o) const;
};

// One figure of SweepTotals as every writer names and prints it: the one description of the
// columns of sweep.csv, the keys of sweep.json and the columns of sweep.html.
struct SweepFigure {
  const char* name;         // "penalty_usd", "counted_failures"
  const char* change_name;  // "penalty_change_usd", "counted_failures_change"
  const char* label;        // "penalty", for people
  Money SweepTotals::*money = nullptr;           // a money figure, or
  std::int64_t SweepTotals::*count = nullptr;    // a count
  bool total_only = false;  // allocated and EO: no per-resource figure
  // The figure's text: money with two decimals ("6302.75"), a count as an integer.
  std::string text(const SweepTotals& t) const;
};
const std::vector<SweepFigure>& sweep_figures();

struct SweepReading {
  std::string name;                                          // "default", "penalize_btmg=false", ...
  std::vector<std::pair<std::string, std::string>> changed;  // key, value: what differs from the default
  std::vector<std::string> values;                           // the value of each swept key, parallel to SweepFigures::keys
  std::vector<std::string> problems;                         // why it could not be settled; empty when it was
  SweepTotals total;
  std::vector<SweepTotals> resources;                        // parallel to SweepFigures::resources
  bool settled() const { return problems.empty(); }
};

struct SweepFigures {
  std::string scenario_name, scenario_path, scenario_sha256;
  std::vector<std::string> grid;           // the --grid keys; empty for one key at a time
  std::vector<OpenReading> keys;           // every open key, with the values a sweep settles
  std::vector<std::string> resources;      // resource ids, in scenario order
  std::vector<SweepReading> readings;      // [0] is the default: the scenario's own rules
  // The change of reading `i` from the default (zero for one that was not settled).
  SweepTotals total_change(std::size_t i) const;
  SweepTotals resource_change(std::size_t i, std::size_t resource) const;
};

// The totals of a statement, in total and for each of `resources` (zeros for one it does not list).
SweepTotals statement_totals(const Statement& st);
std::vector<SweepTotals> resource_totals(const Statement& st, const std::vector<std::string>& resources);

}  // namespace drsim::reports
