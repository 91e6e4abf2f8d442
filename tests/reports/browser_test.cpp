// Renders a run's report.html in headless Chromium (tests/browser/check_report.py) and checks that it draws.
#include <catch2/catch.hpp>

#include "tests/reports/report_test_support.hpp"

using namespace drsim::test;

TEST_CASE("report.html renders in headless Chromium with headings, charts and no console errors", "[browser]") {
  TempDir dir("browser");
  const fs::path scenario = copy_example("worked-example", dir.path(), "we");
  REQUIRE(run_drsim("run " + shell_quote(scenario.string()) + " --out out -q", dir.path()).status == 0);
  const std::string script = std::string(DRSIM_SOURCE_DIR) + "/tests/browser/check_report.py";
  const auto r = run_command("python3 " + shell_quote(script) + " out/report.html shots", dir.path());
  INFO(r.output);
  if (r.status == 77) FAIL("chromium is not installed: `./build.sh test` installs it (Debian package chromium)");
  CHECK(r.status == 0);
}
