// Loads and validates a scenario file (format.md): the one entry point to the YAML reader.
#pragma once

#include <string>

#include "settlement/problem.hpp"
#include "scenarios/scenario.hpp"

namespace drsim {

// Reads the YAML scenario at `path` and its series into the model, checking
// every key, value, reference and series row (docs/format.md lists the checks).
// Collects all problems and then throws one InputError holding them, each as
// `file:line:column: key.path: what is wrong` (CSV rows: `file:line: column: ...`).
// Meter rows are checked here by streaming them once; the model keeps only the
// meter file's path (or the inline rows), to be streamed again by the simulator.
//
// With MeterCheck::in_run a meter CSV is not read here when the rest of the
// scenario is right: the run reads it once, checking and integrating at the same
// time (app/pipeline.cpp), and on any problem loads again with MeterCheck::full
// for the located errors. With any other problem the meter rows are checked here
// as well, so every problem is still reported at once.
enum class MeterCheck { full, in_run };
Scenario load_scenario(const std::string& path, MeterCheck meter = MeterCheck::full);

}  // namespace drsim
