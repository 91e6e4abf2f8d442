// Settles a run: prices every instruction-hour, counts failures, pays capacity,
// allocates the charges and computes the earnings opportunity (rules.md 4, 5).
#pragma once

#include "run_record.hpp"
#include "market.hpp"
#include "statement.hpp"

namespace drsim {

// Throws InputError naming every charged hour without an LMP or RSG rate, and
// every hour whose charges cannot be allocated (no LSE, no load and no static share).
// Each problem names its entity by key (`instructions.I1`, `emergencies.E1`) with no file,
// line or column; scenarios/scenario.hpp `located` places it in the scenario file.
Statement settle(const Market& market, const RunRecord& record);

}  // namespace drsim
