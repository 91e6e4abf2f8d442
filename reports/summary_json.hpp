// summary.json: the run's totals, disqualified resources, per-resource figures and identity.
#pragma once

#include <string>
#include <vector>

#include "reports/run_info.hpp"
#include "settlement/run_record.hpp"
#include "settlement/problem.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

// `warnings` are the scenario's (Scenario::warnings): listed as the `warnings` array, in load order.
std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st,
                         const std::vector<Problem>& warnings = {});

}  // namespace drsim::reports
