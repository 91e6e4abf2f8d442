// Compares a scenario's `expect:` block with the settled statement (format.md), figure by figure.
#pragma once

#include <string>
#include <vector>

#include "app/pipeline.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::app {

// One figure the block names: its key path, the expected and the settled value as printed.
struct FigureCheck {
  std::string key;       // e.g. "resources.DR-1.penalty_usd", "sweep[penalize_btmg=false].penalty_usd"
  std::string expected;  // "6302.75", "true", "[DR-1, DR-2]"
  std::string actual;
  bool holds = false;
  std::string where;     // `file:line:column` of an `expect: sweep:` entry; empty for the run's own figures
  // `key: expected X, got Y`, after `where: ` when there is one
  std::string mismatch() const {
    return (where.empty() ? "" : where + ": ") + key + ": expected " + expected + ", got " + actual;
  }
};

// Every figure the block names, in the block's order (totals, resources by id, LSEs by id), each
// key after `prefix`.
std::vector<FigureCheck> check_figures(const ExpectFigures& expect, const Statement& st, const std::string& prefix = "");

// The run's figures, then those of each `expect: sweep:` reading in file order, each reading
// settled under its rules (settle_under; an InputError of a reading propagates, placed in the file).
std::vector<FigureCheck> check_run(const RunResult& r);

}  // namespace drsim::app
