// Tests of report.html through the CLI: sections and figures, escaping of ids, determinism, `drsim report`.
#include <catch2/catch.hpp>

#include "reports/html_report_sections.hpp"
#include "reports/html_script.hpp"
#include "tests/reports/report_test_support.hpp"
#include "tests/support/text_files.hpp"

using namespace drsim::test;

namespace {


std::size_t count(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

// The report without its one wall-clock line (run started / finished).
std::string without_clock(std::string html) {
  const std::string key = "<dt>Run started / finished (UTC)</dt>";
  const auto at = html.find(key);
  if (at != std::string::npos) html.erase(at, html.find('\n', at) - at);
  return html;
}

}  // namespace

TEST_CASE("money_text groups thousands and keeps the cents", "[html_report]") {
  using drsim::reports::html::money_text;
  CHECK(money_text(std::string("613180.00")) == "613,180.00");
  CHECK(money_text(std::string("-1234567.05")) == "-1,234,567.05");
  CHECK(money_text(std::string("0.00")) == "0.00");
  CHECK(money_text(std::string("999.99")) == "999.99");
  CHECK(money_text(drsim::Money::from_cents(630275)) == "6,302.75");
  // 3.2e19 cents, beyond int64: the largest energy charge a line can reach within the limits
  // (320,000 MWh x 1,000,000 $/MWh x 1,000,000), grouped digit for digit.
  CHECK(money_text(drsim::Money::from_cents(drsim::int128{320'000} * 1'000'000 * 1'000'000 * 100)) ==
        "320,000,000,000,000,000.00");
}

TEST_CASE("figures are grouped by thousands, prices keep two decimals, counts are plural-aware", "[html_report]") {
  using namespace drsim::reports::html;
  // MW and MWh texts: only the integer digits are grouped, every decimal is kept.
  CHECK(grouped("12817.5") == "12,817.5");
  CHECK(grouped("-1000") == "-1,000");
  CHECK(grouped("999.123456") == "999.123456");
  CHECK(grouped("") == "");
  CHECK(grouped("n/a") == "n/a");  // not a number: unchanged
  CHECK(grouped("2025-07-15") == "2025-07-15");
  CHECK(price_text("1e5") == "1e5");
  // Prices: padded to two decimals, never rounded (1.125 $/MWh stays 1.125).
  CHECK(price_text("7.8") == "7.80");
  CHECK(price_text("980") == "980.00");
  CHECK(price_text("1.125") == "1.125");
  CHECK(price_text("2411.71") == "2,411.71");
  CHECK(price_text("") == "");
  CHECK(plural(1, "instruction") == "1 instruction");
  CHECK(plural(0, "instruction") == "0 instructions");
  CHECK(plural(1000, "resource") == "1,000 resources");
  CHECK(py_text("2022") == "PY 2022-23");
  CHECK(py_text("2099") == "PY 2099-00");
}

TEST_CASE("report.html of the worked example shows every section with its figures", "[html_report]") {
  TempDir dir("html");
  const fs::path scenario = copy_example("worked-example", dir.path(), "we");
  const auto r = run_drsim("run " + shell_quote(scenario.string()) + " --out out -q", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const std::string html = read_file(dir.path() / "out" / "report.html");
  for (const char* h : {"Rules in force", "Totals", "Emergencies", "Resources", "Hourly lines",
                        "Failures and disqualifications", "Capacity payments", "Earnings opportunity",
                        "Allocation of penalty revenue", "Warnings"}) {
    CHECK(drsim::test::contains(html, std::string("<h2>") + h + "</h2>"));
  }
  // Totals of format.md's worked example: penalty 6302.75 = 6290.00 + 12.75; capacity
  // 10 MW x (666.50 x 92 + 91.60 x 91) = 613180.00 + 83356.00 = 696536.00; EO 451264.00.
  CHECK(drsim::test::contains(html, "$6,302.75"));
  CHECK(drsim::test::contains(html, "$6,290.00"));
  CHECK(drsim::test::contains(html, "$12.75"));
  CHECK(drsim::test::contains(html, "$696,536.00"));
  CHECK(drsim::test::contains(html, "$451,264.00"));
  CHECK(drsim::test::contains(html, "<td>LSE-A</td><td class=\"num\">5,672.48</td>"));
  CHECK(drsim::test::contains(html, "<td>LSE-B</td><td class=\"num\">504.22</td>"));
  CHECK(drsim::test::contains(html, "<td>LSE-C</td><td class=\"num\">126.05</td>"));
  // Two charts: the timeline of EV-1 and the MW chart of DR-1.
  CHECK(count(html, "<svg ") == 2);
  CHECK(drsim::test::contains(html, "Timeline of emergency EV-1"));
  CHECK(drsim::test::contains(html, "SI-1 \xc2\xb7 DR-1"));
  // The hourly lines, a line of data each (class, then the cells by tabs): HE18's charge 4 MWh x 980 =
  // 3920.00 and RSG 4 x 1.50 = 6.00, money right after the key, prices with two decimals (LMP 980.00).
  CHECK(drsim::test::contains(html, "\ncharged\tSI-1\tDR-1\t2025-07-15T17:00\t18\t3,920.00\t6.00\t4\t980.00\t1.50\t"));
  // Statement first: totals, failures, allocation, EO; then the detail.
  CHECK(html.find("<h2>Totals</h2>") < html.find("<h2>Failures and disqualifications</h2>"));
  CHECK(html.find("<h2>Failures and disqualifications</h2>") < html.find("<h2>Allocation of penalty revenue</h2>"));
  CHECK(html.find("<h2>Earnings opportunity</h2>") < html.find("<div class=\"detail\">"));
  CHECK(html.find("<div class=\"detail\">") < html.find("<h2>Capacity payments</h2>"));
  CHECK(drsim::test::contains(html, "PY 2025-26: 2025-06-01 to 2026-06-01 (end exclusive)"));
  CHECK(drsim::test::contains(html, "1 instruction."));
  CHECK_FALSE(drsim::test::contains(html, "instruction(s)"));
  CHECK_FALSE(drsim::test::contains(html, "hour(s)"));
  // The rules: none differs from the default, but the file names two of them.
  CHECK(drsim::test::contains(html, "<strong>0</strong> of 12 differ"));
  CHECK(count(html, "<td>yes</td></tr>") == 2);
  // The one failure is the first of the summer, counted, not disqualifying.
  CHECK(drsim::test::contains(html, "first failed occasion of the season"));
  CHECK(drsim::test::contains(html, "No warnings"));
  // Self-contained: one inline script, allowed by its hash and nothing else; no external fetches.
  CHECK(count(html, "<script>") == 1);
  CHECK_FALSE(drsim::test::contains(html, "<script src"));
  CHECK(drsim::test::contains(html, "script-src " + drsim::reports::report_script_csp_source() + "\""));
  CHECK(drsim::test::contains(html, "<script>" + drsim::reports::report_script() + "</script>"));
  std::string no_ns = html;
  for (std::size_t at = no_ns.find("xmlns=\"http://www.w3.org/2000/svg\""); at != std::string::npos;
       at = no_ns.find("xmlns=\"http://www.w3.org/2000/svg\"")) {
    no_ns.erase(at, 34);  // the SVG namespace is a name, not a fetch
  }
  CHECK_FALSE(drsim::test::contains(no_ns, "http://"));
  CHECK_FALSE(drsim::test::contains(no_ns, "https://"));
  CHECK(drsim::test::contains(html, "@media print"));
}

TEST_CASE("report.html is deterministic and drsim report rewrites it byte for byte", "[html_report]") {
  TempDir dir("html-det");
  const fs::path scenario = copy_example("worked-example", dir.path(), "we");
  REQUIRE(run_drsim("run " + shell_quote(scenario.string()) + " --out one -q", dir.path()).status == 0);
  REQUIRE(run_drsim("run " + shell_quote(scenario.string()) + " --out two -q", dir.path()).status == 0);
  const std::string one = read_file(dir.path() / "one" / "report.html");
  // Two runs differ only in their wall-clock times.
  CHECK(without_clock(one) == without_clock(read_file(dir.path() / "two" / "report.html")));
  // The same database gives the same bytes, clock included.
  const auto r = run_drsim("report --db one/results.sqlite --out again", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(read_file(dir.path() / "again" / "report.html") == one);
  // A folder works as --db too; a missing database is bad input.
  CHECK(run_drsim("report --db one --out again2", dir.path()).status == 0);
  CHECK(run_drsim("report --db nowhere.sqlite --out x", dir.path()).status == 2);
}

TEST_CASE("ids with markup and unicode are escaped everywhere in the report", "[html_report]") {
  TempDir dir("html-escape");
  const fs::path scenario = copy_example("worked-example", dir.path(), "we");
  // Rename the resource to DR-<é>&'1 in the scenario and its series files.
  const std::string id = "DR-<\xc3\xa9>&'1";
  for (const auto& entry : fs::recursive_directory_iterator(scenario.parent_path())) {
    if (!entry.is_regular_file()) continue;
    std::string text = read_file(entry.path());
    const bool yaml = entry.path().extension() == ".yaml";
    const std::string to = yaml ? "\"" + id + "\"" : id;
    for (std::size_t at = text.find("DR-1"); at != std::string::npos; at = text.find("DR-1", at + to.size())) {
      text.replace(at, 4, to);
    }
    write_text(entry.path(), text);
  }
  const auto r = run_drsim("run " + shell_quote(scenario.string()) + " --out out -q", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const std::string html = read_file(dir.path() / "out" / "report.html");
  CHECK(drsim::test::contains(html, "DR-&lt;\xc3\xa9&gt;&amp;&#39;1"));
  CHECK_FALSE(drsim::test::contains(html, id));
  CHECK(drsim::test::contains(html, "$6,302.75"));  // the figures are the same
}
