// The figures `drsim explain` derives: each one from the run's own inputs through the same
// settlement function that made the statement's figure (given an Explanation to fill), and
// checked against that figure.
#pragma once

#include <string>
#include <vector>

#include "app/pipeline.hpp"
#include "reports/explain_output.hpp"

namespace drsim::app {

// Every line of instruction `instruction` in the hour `hour` ("2022-12-23T16:00", "HE17"), or
// every line of the statement when `selector` is "all". Each throws std::runtime_error naming
// what is unknown.
std::vector<reports::ExplainedFigure> explain_lines(const RunResult& r, const std::string& selector);
// The failed occasion (or not) of an instruction (rules.md 4.8).
reports::ExplainedFigure explain_failure(const RunResult& r, const std::string& instruction);
// RESOURCE:SEASON (rules.md 4.9).
reports::ExplainedFigure explain_capacity(const RunResult& r, const std::string& selector);
// The charges allocated to an LSE, share by share (rules.md 4.10).
reports::ExplainedFigure explain_allocation(const RunResult& r, const std::string& lse);
// MP:SEASON, one figure per EO entry of the MP (rules.md 5).
std::vector<reports::ExplainedFigure> explain_eo(const RunResult& r, const std::string& selector);

}  // namespace drsim::app
