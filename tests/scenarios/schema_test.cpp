// Runs tests/scenarios/schema_check.py: every scenario under scenarios/ against the shipped JSON Schema.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <string>

TEST_CASE("every scenario file validates against scenarios/drsim.schema.json") {
  const std::string root = DRSIM_SOURCE_DIR;
  const std::string cmd = "/usr/bin/python3 " + root + "/tests/scenarios/schema_check.py " + root + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  INFO(out);
  // The script also checks that the schema rejects broken copies of the worked example.
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(out.find("checked ") != std::string::npos);
}
