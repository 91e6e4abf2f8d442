// What identifies a run in its outputs: scenario, hash, version, rules and wall-clock times.
#pragma once

#include <string>
#include <vector>

#include "settlement/rules.hpp"

namespace drsim::reports {

struct RunInfo {
  std::string scenario_name;
  std::string scenario_path;
  std::string scenario_sha256;
  std::string drsim_version;
  int planning_year = 0;
  std::vector<RuleValue> rules;  // every rule value in force
  std::string fingerprint;       // the engine's trace fingerprint
  std::string started_at;        // wall clock, UTC ISO 8601 (SQLite only: CSV and JSON stay byte-identical)
  std::string finished_at;
};

}  // namespace drsim::reports
