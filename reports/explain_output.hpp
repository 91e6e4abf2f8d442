// `drsim explain`'s output: one figure's inputs (with where each came from), the steps of its
// derivation (rules.md section, rule key, exact values) and its result, as text for a person
// or JSON for a program.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "settlement/explanation.hpp"

namespace drsim::reports {

using NamedValues = std::vector<std::pair<std::string, std::string>>;

// One input of a figure: what it is, where it was written (`file:line`, or the series it is
// a row of) and its values.
struct ExplainInput {
  std::string what;
  std::string source;
  NamedValues values;
};

struct ExplainedFigure {
  std::string kind;     // line, failure, capacity, allocation, eo
  std::string subject;  // SI-B5@2022-12-23T16:00, EL-DR-B2:winter, LSE-1, MP-1:summer
  std::vector<ExplainInput> inputs;
  Explanation derivation;
  NamedValues result;            // the figures, as the statement prints them
  bool matches_statement = false;  // the derivation's result is the statement's figure, to the cent
};

std::string explain_text(const ExplainedFigure& f);
// A JSON array of the figures (one object each).
std::string explain_json(const std::vector<ExplainedFigure>& figures);

}  // namespace drsim::reports
