// Hostile series paths: folders, /dev/zero, missing files, .. and /etc/passwd; the scenario as /dev/zero.
#include <catch2/catch.hpp>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

TEST_CASE("hostile paths: a series csv that is a folder, /dev/zero or missing is refused as such") {
  const std::string kBaseline = "{csv: data/baseline.csv}";  // line 62, csv value at column 19
  TempDir dir;
  std::string path = edited(dir, kBaseline, "{csv: data}");
  expect_refused(dir, path, path + ":62:19: series.baseline.csv: cannot open 'data' (looked for " + (dir / "data") +
                                "): it is not a regular file");
  path = edited(dir, kBaseline, "{csv: /dev/zero}");
  expect_refused(dir, path, path + ":62:19: series.baseline.csv: cannot open '/dev/zero' (looked for /dev/zero): "
                                   "it is not a regular file");
  path = edited(dir, kBaseline, "{csv: data/nope.csv}");
  expect_refused(dir, path, path + ":62:19: series.baseline.csv: cannot open 'data/nope.csv' (looked for " +
                                (dir / "data/nope.csv") + "): no such file");
}

TEST_CASE("hostile paths: .. is resolved against the scenario's folder, the target must still be a series") {
  TempDir dir;
  copy_worked_data(dir);
  // sub/s.yaml names ../data/*.csv: allowed, and the scenario is the worked example again.
  std::string yaml = worked_example();
  for (const char* f : {"lmp", "meter", "baseline"}) {
    yaml = replaced(yaml, std::string("{csv: data/") + f, std::string("{csv: ../data/") + f);
  }
  const std::string up = dir.write("sub/s.yaml", yaml);
  TempDir out;
  CHECK(run_drsim("check " + sh_quote(up) + " --out " + sh_quote(out / "out")).status == 0);
  // Climbing to /etc/passwd (a regular file) is read, and refused for its header.
  std::string climb = "../";
  for (auto p = dir.path(); p.has_relative_path(); p = p.parent_path()) climb += "../";
  const std::string path = dir.write("s.yaml", replaced(worked_example(), "{csv: data/baseline.csv}",
                                                        "{csv: " + climb + "etc/passwd}"));
  expect_refused(dir, path, "/etc/passwd:1: resource: missing columns 'resource', 'hour_start', 'mw' (expected the "
                            "columns resource,hour_start,mw, in any order)");
}

TEST_CASE("hostile paths: the scenario itself as /dev/zero or a folder is refused without reading forever") {
  TempDir dir;
  CliResult r = run_drsim("validate /dev/zero");
  INFO(r.out);
  CHECK(r.status == 2);
  CHECK(r.out == "/dev/zero: cannot read the file: it is not a regular file\n");
  r = run_drsim("validate " + sh_quote(dir.path().string()));
  CHECK(r.status == 2);
}
