// The figures `drsim explain` derives: each one from the run's own inputs through the same
// settlement function that made the statement's figure (given an Explanation to fill), and
// checked against that figure.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/pipeline.hpp"
#include "reports/explain_output.hpp"

namespace drsim::app {

// The steps of the baselines of the lines a --line selector names, by (instruction id, hour
// start in seconds), filled while the scenario runs (sim::SimulateOptions::explain_baseline).
using BaselineSteps = std::map<std::pair<std::string, std::int64_t>, Explanation>;
sim::SimulateOptions baseline_steps_for(const std::string& selector, BaselineSteps& steps);

// The lines of instruction INSTRUCTION in the hour HOUR ("2022-12-23T16:00", "HE17") of a
// selector INSTRUCTION@HOUR, or every line of the statement when `selector` is "all", each
// with its baseline's steps from `steps`. Each function throws std::runtime_error naming what
// is unknown.
std::vector<reports::ExplainedFigure> explain_lines(const RunResult& r, const std::string& selector,
                                                    const BaselineSteps& steps);
// The failed occasion (or not) of an instruction (rules.md 4.8).
reports::ExplainedFigure explain_failure(const RunResult& r, const std::string& instruction);
// RESOURCE:SEASON (rules.md 4.9).
reports::ExplainedFigure explain_capacity(const RunResult& r, const std::string& selector);
// The charges allocated to an LSE, share by share (rules.md 4.10).
reports::ExplainedFigure explain_allocation(const RunResult& r, const std::string& lse);
// MP:SEASON, one figure per EO entry of the MP (rules.md 5).
std::vector<reports::ExplainedFigure> explain_eo(const RunResult& r, const std::string& selector);

}  // namespace drsim::app
