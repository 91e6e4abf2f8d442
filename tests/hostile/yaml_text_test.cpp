// Hostile YAML and text: alias bombs, deep nesting, a 10 MB line, non-UTF-8 bytes, BOM, CRLF, tabs.
#include <catch2/catch.hpp>

#include <string>

#include "hostile_support.hpp"

using namespace drsim::hostile;

TEST_CASE("hostile yaml: a billion-laughs alias bomb is refused quickly with bounded memory") {
  TempDir dir;
  // Ten levels of ten aliases each: 10^10 nodes once expanded, a few hundred bytes on disk.
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", " : "") + prev;
    yaml += "]\n";
  }
  const std::string path = dir.write("laughs.yaml", yaml);
  expect_refused(dir, path, path + ":1:1: the document has more than 1000000 nodes");
  const Measured m = drsim_measured({"validate", path}, dir / "log");
  CHECK(m.status == 2);
  CHECK(m.seconds < 30);              // the node count stops at 10^6, not 10^10
  CHECK(m.max_rss_kb < 512 * 1024);   // no expansion in memory (sanitizer builds use more)
}

TEST_CASE("hostile yaml: 100000 nested flow lists are refused, not a stack overflow") {
  TempDir dir;
  const std::string path =
      dir.write("deep.yaml", "drsim: 1\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  // yaml-cpp's depth guard stops at 500 levels: line 2, column of the 501st '[' plus the "x: " prefix.
  const CliResult v = run_drsim("validate " + sh_quote(path));
  INFO(v.out);
  CHECK(v.status == 2);
  CHECK(v.out.find(path + ":2:") == 0);
  CHECK(v.out.find("nests too deeply") != std::string::npos);
  expect_refused(dir, path, "yaml: the document nests too deeply");
}

TEST_CASE("hostile yaml: 3000 nested block maps are refused at the depth limit") {
  TempDir dir;
  std::string yaml = "drsim: 1\n";
  for (int i = 0; i < 3000; ++i) yaml += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  const std::string path = dir.write("deep.yaml", yaml);
  // Line 1 is drsim: 1, the first k: is line 2; yaml-cpp refuses at depth 500 (line 500, column 501).
  expect_refused(dir, path, path + ":500:501: yaml: the document nests too deeply");
}

TEST_CASE("hostile yaml: 65 nested lists pass yaml-cpp but stop at drsim's depth limit of 64") {
  TempDir dir;
  const std::string path =
      dir.write("deep.yaml", "drsim: 1\nx: " + std::string(70, '[') + std::string(70, ']') + "\n");
  expect_refused(dir, path, "the document nests deeper than 64 levels");
}

TEST_CASE("hostile text: a 10 MB single line is read in bounded time and memory") {
  TempDir dir;
  copy_worked_data(dir);
  // The name holds 10 MB: valid YAML; drsim reads it and reports the other problem (a missing key).
  std::string yaml = replaced(worked_example(), "planning_year: 2025\n", "");
  yaml = replaced(yaml, "name: Zone 5 heat event, July 2025", "name: " + std::string(10'000'000, 'x'));
  const std::string path = dir.write("long.yaml", yaml);
  const Measured m = drsim_measured({"validate", path}, dir / "log");
  INFO(m.out.substr(0, 300));
  CHECK(m.status == 2);
  // The map that lacks planning_year starts at line 11, column 1.
  CHECK(m.out == path + ":11:1: planning_year: required key is missing\n");
  CHECK(m.seconds < 60);
  CHECK(m.max_rss_kb < 1024 * 1024);  // a few copies of 10 MB, not quadratic
}

TEST_CASE("hostile text: non-UTF-8 bytes are refused with line and column") {
  TempDir dir;
  copy_worked_data(dir);
  // 0xFF is never valid UTF-8: line 12 "name: Zone " puts it at column 12.
  const std::string path = dir.write(
      "bad.yaml", replaced(worked_example(), "name: Zone 5 heat", "name: Zone \xff\xfe 5 heat"));
  expect_refused(dir, path, path + ":12:12: the file is not valid UTF-8 (byte 0xff)");
}

TEST_CASE("hostile text: a truncated UTF-8 sequence in an id is refused where it starts") {
  TempDir dir;
  copy_worked_data(dir);
  // "\xc3(" is a two-byte lead followed by an ASCII byte; line 29 "    type: " puts it at column 11.
  const std::string path = dir.write("bad.yaml", replaced(worked_example(), "    type: DR\n", "    type: \xc3(\n"));
  expect_refused(dir, path, path + ":29:11: the file is not valid UTF-8 (byte 0xc3)");
}

TEST_CASE("hostile text: valid UTF-8 ids, a byte-order mark and CRLF line ends are accepted") {
  TempDir dir;
  copy_worked_data(dir);
  std::string yaml = worked_example();
  // Unicode LSE ids: LSE-C becomes "LSE-Ä" in its definition and in expect.
  yaml = replaced(yaml, "{id: LSE-C,", "{id: LSE-\xc3\x84,");
  yaml = replaced(yaml, "    LSE-C: {amount_usd", "    LSE-\xc3\x84: {amount_usd");
  std::string crlf = "\xef\xbb\xbf";
  for (char c : yaml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string path = dir.write("bom.yaml", crlf);
  const CliResult v = run_drsim("check " + sh_quote(path) + " --out " + sh_quote(dir / "out"));
  INFO(v.out);
  CHECK(v.status == 0);  // same figures as the worked example: allocation to the renamed LSE 126.05
}

TEST_CASE("hostile text: a tab in the indentation gets a message that names the tab") {
  TempDir dir;
  copy_worked_data(dir);
  // Line 28 "  - id: DR-1" indented with a tab instead of two spaces.
  const std::string path = dir.write("tab.yaml", replaced(worked_example(), "\n  - id: DR-1\n", "\n\t- id: DR-1\n"));
  expect_refused(dir, path, path + ":28:1: a tab in the indentation (YAML indents with spaces only)");
}

TEST_CASE("hostile text: a tab inside a line's text is fine") {
  TempDir dir;
  copy_worked_data(dir);
  const std::string path =
      dir.write("tab.yaml", replaced(worked_example(), "name: Zone 5 heat event", "name:\tZone 5 heat event"));
  CHECK(run_drsim("validate " + sh_quote(path)).status == 0);
}
