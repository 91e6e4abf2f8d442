// summary.json: typed values (rule booleans and numbers, money with two decimals) against
// docs/summary.schema.json, and warnings with their entity.
#include <catch2/catch.hpp>

#include "reports/summary_json.hpp"
#include "tests/reports/report_test_support.hpp"

using namespace drsim;
using namespace drsim::reports;
using namespace drsim::test;

TEST_CASE("summary.json of example and real runs validates against docs/summary.schema.json") {
  TempDir dir("summary-schema");
  std::string files;
  for (const std::string name : {"worked-example", "format-worked-example", "earnings-opportunity", "allocation"}) {
    const fs::path s = copy_example(name, dir.path(), name);
    const CommandResult r = run_drsim("run " + shell_quote(s.string()) + " --out out-" + name + " -q", dir.path());
    INFO(r.output);
    REQUIRE(r.status == 0);
    files += " out-" + name + "/summary.json";
  }
  const std::string elliott = std::string(DRSIM_SOURCE_DIR) + "/scenarios/real/elliott-2022/scenario.yaml";
  REQUIRE(run_drsim("run " + shell_quote(elliott) + " --out out-elliott -q", dir.path()).status == 0);
  files += " out-elliott/summary.json";
  const std::string script = std::string(DRSIM_SOURCE_DIR) + "/tests/reports/scripts/summary_schema_check.py";
  const CommandResult r =
      run_command("/usr/bin/python3 " + shell_quote(script) + " " + shell_quote(DRSIM_SOURCE_DIR) + files, dir.path());
  INFO(r.output);
  CHECK(r.status == 0);
  const std::string we = read_file(dir.path() / "out-worked-example/summary.json");
  CHECK(we.find("    \"multiplier_applies_to_rsg\": false,\n") != std::string::npos);
  CHECK(we.find("    \"withdrawal_notice_h\": 2,\n") != std::string::npos);
  CHECK(we.find("  \"penalty_usd\": 6302.75,\n") != std::string::npos);  // the worked example's penalty
}

TEST_CASE("summary.json lists each warning with the entity its key path names") {
  Scenario s;
  s.resources.push_back(Resource{});
  s.resources.back().id = "DR-1";
  s.emergencies.push_back(Emergency{});
  s.emergencies.back().id = "EV-1";
  s.warnings.push_back(Problem{"s.yaml", 25, 13, "resources[0].fsl_mw", "fsl_mw ignored"});
  s.warnings.push_back(Problem{"s.yaml", 31, 38, "emergencies[0].level", "level unknown"});
  s.warnings.push_back(Problem{"s.yaml", 40, 1, "emergencies[7].level", "no such emergency"});  // out of range
  const std::string j = summary_json(RunInfo{}, RunRecord{}, Statement{}, s);
  INFO(j);
  CHECK(j.find("\"line\": 25,\n      \"column\": 13,") != std::string::npos);
  CHECK(j.find("\"text\": \"s.yaml:25:13: warning: resources[0].fsl_mw: fsl_mw ignored\",\n      \"entity\": "
               "\"resources.DR-1\"") != std::string::npos);
  CHECK(j.find("\"entity\": \"emergencies.EV-1\"") != std::string::npos);
  CHECK(j.find("\"entity\": \"\"") != std::string::npos);
  // Without the scenario (the overload drsim run's writer calls today) there is no entity.
  CHECK(summary_json(RunInfo{}, RunRecord{}, Statement{}, s.warnings).find("entity") == std::string::npos);
}
