// summary.json: the run's totals, disqualified resources, per-resource figures and identity.
#pragma once

#include <string>

#include "reports/run_info.hpp"
#include "settlement/run_record.hpp"
#include "settlement/statement.hpp"

namespace drsim::reports {

std::string summary_json(const RunInfo& info, const RunRecord& record, const Statement& st);

}  // namespace drsim::reports
