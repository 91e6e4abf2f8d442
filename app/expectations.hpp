// Compares a scenario's `expect:` block with the settled statement (format.md).
#pragma once

#include <string>
#include <vector>

#include "settlement/scenario.hpp"
#include "settlement/statement.hpp"

namespace drsim::app {

// One line per figure that differs: `key.path: expected X, got Y`.
std::vector<std::string> compare_expectations(const Expect& expect, const Statement& st);
// How many figures the block names.
int count_expectations(const Expect& expect);

}  // namespace drsim::app
