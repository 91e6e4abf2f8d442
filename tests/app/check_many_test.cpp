// `drsim check` over folders of scenario files, as a team's own CI runs it: one line per file, a summary,
// the exit status of the worst file, and JUnit XML that CI servers read (checked against tests/app/data/junit.xsd).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

using Cli = drsim::test::CliResult;
using drsim::test::run_shell;

// The worked example copied to `dir/name/`, with `from` replaced by `to` in its YAML.
void worked_example(const drsim::test::TempDir& dir, const std::string& name, const std::string& from = "",
                    const std::string& to = "") {
  const fs::path src = fs::path(DRSIM_SOURCE_DIR) / "scenarios/examples/worked-example";
  fs::copy(src, dir.path() / name, fs::copy_options::recursive);
  if (from.empty()) return;
  const fs::path yaml = dir.path() / name / "scenario.yaml";
  std::string text = drsim::test::read_file(yaml);
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(yaml, std::ios::binary) << text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("drsim check FOLDER: one line per file, a summary, exit 1 when a figure differs") {
  drsim::test::TempDir dir;
  worked_example(dir, "a-holds");
  // The worked example's penalty is 6302.75; expecting 6302.74 must fail by one cent.
  worked_example(dir, "b-differs", "  penalty_usd: 6302.75", "  penalty_usd: 6302.74");
  dir.write("notes/readme.yaml", "just: notes\n");  // no expect: block, so not a scenario to check
  const Cli r = run_shell(std::string(DRSIM_BINARY) + " check " + dir.str() + " --jobs 2");
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(r.out.find("ok: " + dir.str() + "/a-holds/scenario.yaml: all 11 expected figures hold\n") != std::string::npos);
  CHECK(r.out.find("penalty_usd: expected 6302.74, got 6302.75\n" + dir.str() +
                   "/b-differs/scenario.yaml: 1 of 11 expected figures differ\n") != std::string::npos);
  CHECK(r.out.find("checked 2 scenario file(s): 1 hold, 1 differ, 0 invalid\n") != std::string::npos);
}

TEST_CASE("drsim check --junit: valid JUnit XML, one case per figure, failures and errors counted") {
  drsim::test::TempDir dir;
  worked_example(dir, "a-holds");
  worked_example(dir, "b-differs", "  penalty_usd: 6302.75", "  penalty_usd: 6302.74");
  // An invalid file: a misspelt rule key is one located problem.
  worked_example(dir, "c-invalid", "  failure_separation_h: 24", "  failure_separaton_h: 24");
  const std::string xml = dir / "check.xml";
  const Cli r = run_shell(std::string(DRSIM_BINARY) + " check " + dir.str() + " --junit " + xml);
  INFO(r.out);
  CHECK(r.status == 2);  // an invalid file outranks a differing figure
  CHECK(r.out.find("checked 3 scenario file(s): 1 hold, 1 differ, 1 invalid\n") != std::string::npos);
  CHECK(r.out.find("c-invalid/scenario.yaml:16:3: rules.failure_separaton_h: unknown rule key") != std::string::npos);
  const Cli lint = run_shell("xmllint --noout --schema " + std::string(DRSIM_SOURCE_DIR) + "/tests/app/data/junit.xsd " + xml);
  INFO(lint.out);
  CHECK(lint.status == 0);
  const std::string text = drsim::test::read_file(xml);
  // 11 figures in each of two files that ran, plus one error case for the invalid one.
  CHECK(text.find("<testsuites name=\"drsim check\" tests=\"23\" failures=\"1\" errors=\"1\"") != std::string::npos);
  CHECK(count(text, "<testcase ") == 23);
  CHECK(text.find("<failure message=\"penalty_usd: expected 6302.74, got 6302.75\" type=\"figure differs\">") !=
        std::string::npos);
  CHECK(text.find("<error message=\"the scenario does not run (1 problem(s))\" type=\"invalid input\">") !=
        std::string::npos);
}

TEST_CASE("drsim check: a missing path, an empty folder and --out with many files are bad input") {
  drsim::test::TempDir dir;
  fs::create_directories(dir.path() / "empty");
  const std::string bin = DRSIM_BINARY;
  const Cli missing = run_shell(bin + " check " + dir / "nope");
  CHECK(missing.status == 2);
  CHECK(missing.out == dir / "nope" + ": no such file or folder\n");
  const Cli empty = run_shell(bin + " check " + dir / "empty");
  CHECK(empty.status == 2);
  CHECK(empty.out == dir / "empty" + ": the folder holds no scenario file with an expect: block\n");
  worked_example(dir, "a");
  const Cli out = run_shell(bin + " check " + dir / "a" + " --out " + dir / "o");
  CHECK(out.status == 2);
  CHECK(out.out == "--out: --out writes one run's folder: give it with a single scenario file\n");
}
