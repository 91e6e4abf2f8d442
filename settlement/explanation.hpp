// The derivation of a settled figure, step by step, as the settlement functions compute it:
// each step names its rules.md section and rule key and carries its exact values as text.
// A settlement function given an Explanation adds its steps while it computes the figure,
// so what `drsim explain` prints is the run's own arithmetic, never a second computation.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "money.hpp"

namespace drsim {

struct ExplainStep {
  std::string section;   // rules.md section ("4.4")
  std::string rule_key;  // the rule key the step reads ("" when none)
  std::string text;      // what the step does, in words
  std::vector<std::pair<std::string, std::string>> values;  // name, exact value
};

struct Explanation {
  std::vector<ExplainStep> steps;

  void add(std::string section, std::string rule_key, std::string text,
           std::vector<std::pair<std::string, std::string>> values = {}) {
    steps.push_back({std::move(section), std::move(rule_key), std::move(text), std::move(values)});
  }
  // Adds values to the last step.
  void back_values(std::vector<std::pair<std::string, std::string>> values) {
    for (auto& v : values) steps.back().values.push_back(std::move(v));
  }
};

// An exact amount before its rounding to the cent, every digit kept ("3.535", "-0.000001").
std::string exact_usd_text(ExactUsd amount);

}  // namespace drsim
