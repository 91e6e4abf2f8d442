// JUnit XML, the test report format that GitLab, GitHub Actions reporters and Jenkins read.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace drsim::reports {

// One test case: `failure` when a check did not hold, `error` when it could not run.
struct JunitCase {
  std::string name;       // e.g. "penalty_usd"
  std::string classname;  // e.g. the scenario file
  std::optional<std::string> failure;  // the failure message
  std::optional<std::string> error;    // the error message
  std::string detail;     // text inside the failure or error element
};

// One suite per scenario file.
struct JunitSuite {
  std::string name;
  double seconds = 0;  // wall time, for the reader's information
  std::vector<JunitCase> cases;
};

// The whole document: <testsuites> holding each suite, with tests, failures and errors counted.
// Every text is escaped (control characters become U+FFFD), so any id or message gives valid XML.
std::string junit_xml(const std::string& name, const std::vector<JunitSuite>& suites);

}  // namespace drsim::reports
