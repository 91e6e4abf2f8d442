// Settles a run: prices every instruction-hour, counts failures, pays capacity,
// allocates the charges and computes the earnings opportunity (rules.md 4, 5).
#pragma once

#include "run_record.hpp"
#include "scenario.hpp"
#include "statement.hpp"

namespace drsim {

// Throws InputError naming every charged hour without an LMP or RSG rate, and
// every hour whose charges cannot be allocated (no LSE, no load and no static share).
Statement settle(const Scenario& scenario, const RunRecord& record);

}  // namespace drsim
