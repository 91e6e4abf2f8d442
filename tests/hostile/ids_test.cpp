// Hostile ids: duplicates, empty, unknown references, 10,000 characters.
#include <catch2/catch.hpp>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

TEST_CASE("hostile ids: duplicates, empty ids and references to nothing are refused at their place") {
  TempDir dir;
  // Line 25 "  - {id: LSE-B," -> LSE-A again: the value at column 10; first definition at line 24.
  std::string path = edited(dir, "{id: LSE-B,", "{id: LSE-A,");
  expect_refused(dir, path, path + ":25:10: lses[1].id: duplicate lse id 'LSE-A' (first at line 24)");
  path = edited(dir, "{id: LSE-B,", "{id: \"\",");
  expect_refused(dir, path, path + ":25:10: lses[1].id: expected text, got an empty string");
  // Line 45 "    resource: DR-1" -> DR-9: column 15.
  path = edited(dir, "    resource: DR-1\n", "    resource: DR-9\n");
  expect_refused(dir, path, path + ":45:15: instructions[0].resource: no resource 'DR-9' is defined (did you mean 'DR-1'?)");
}

TEST_CASE("hostile ids: an id of 10000 characters is refused, 200 bytes is the limit") {
  TempDir dir;
  const std::string long_id(10000, 'L');
  std::string path = edited(dir, "{id: LSE-C,", "{id: " + long_id + ",");
  // Line 26, the value at column 10; LSE-C is then also unknown in expect (line 81).
  expect_refused(dir, path, path + ":26:10: lses[2].id: lse id 'LLLLLLLLLLLLLLLLLLLL...' is 10000 bytes long; "
                                   "ids are limited to 200 bytes");
  // Exactly 200 bytes is fine (renamed in expect too).
  TempDir dir2;
  copy_worked_data(dir2);
  const std::string id200(200, 'L');
  std::string yaml = replaced(worked_example(), "{id: LSE-C,", "{id: " + id200 + ",");
  // Allocation's one-cent tie in HE19 (.5/.5 between LSE-A and LSE-C, worked example) goes to
  // the id that sorts first: now "LLL..." before "LSE-A", so LSE-A 5672.47 and it 126.06.
  yaml = replaced(yaml, "    LSE-C: {amount_usd: 126.05}", "    " + id200 + ": {amount_usd: 126.06}");
  yaml = replaced(yaml, "    LSE-A: {amount_usd: 5672.48}", "    LSE-A: {amount_usd: 5672.47}");
  path = dir2.write("s.yaml", yaml);
  const CliResult r = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir2 / "out"));
  INFO(r.out);
  CHECK(r.status == 0);
}
