// Compares a scenario's `expect:` block with the settled statement (format.md), figure by figure.
#pragma once

#include <string>
#include <vector>

#include "scenarios/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::app {

// One figure the block names: its key path, the expected and the settled value as printed.
struct FigureCheck {
  std::string key;       // e.g. "resources.DR-1.penalty_usd"
  std::string expected;  // "6302.75", "true", "[DR-1, DR-2]"
  std::string actual;
  bool holds = false;
  // `key: expected X, got Y`
  std::string mismatch() const { return key + ": expected " + expected + ", got " + actual; }
};

// Every figure the block names, in the block's order (totals, resources by id, LSEs by id).
std::vector<FigureCheck> check_figures(const Expect& expect, const Statement& st);

}  // namespace drsim::app
