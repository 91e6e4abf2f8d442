// summary.json: the run's totals, disqualified resources, per-resource figures and identity.
#pragma once

#include <string>
#include <vector>

#include "reports/run_info.hpp"
#include "scenarios/scenario.hpp"
#include "settlement/run_record.hpp"
#include "settlement/problem.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// `warnings` are the scenario's (Scenario::warnings): listed as the `warnings` array, in load
// order. Money is written as JSON numbers with two decimals, exactly; rule values as JSON
// booleans, numbers or strings (rule_text.hpp).
std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st,
                         const std::vector<Problem>& warnings = {});
// The same, each warning with the entity it is about (`"entity": "resources.DR-1"`, from the scenario).
std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st, const Scenario& s);

}  // namespace drsim::reports
