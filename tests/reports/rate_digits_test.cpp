// Printed rates keep their digits: the rate-digits golden scenario's CSV, SQLite and HTML text (format.md).
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tests/reports/report_test_support.hpp"
#include "tests/support/text_files.hpp"

using namespace drsim::test;

namespace {


}  // namespace

// `drsim check` compares money only; this test holds the printed rates of
// scenarios/examples/rate-digits (figures worked by hand in its scenario.yaml).
TEST_CASE("rates print with every digit they have, and each row's amount is their product to the cent",
          "[rate_digits]") {
  TempDir dir("rates");
  const fs::path scenario = copy_example("rate-digits", dir.path(), "rd");
  const auto r = run_drsim("run " + shell_quote(scenario.string()) + " --out out -q", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const fs::path out = dir.path() / "out";

  // 3.3 MW x 398.987 $/MW-day x 92 days = 121,132.4532 -> 121132.45 (398.99 would read 121,133.36);
  // 3.3 x 91.6045 x 91 = 27,508.83135 -> 27508.83.
  const std::string capacity = read_file(out / "capacity.csv");
  INFO(capacity);
  CHECK(drsim::test::contains(capacity, "\nDR-1,2025,summer,3.3,398.987,92,121132.45\n"));
  CHECK(drsim::test::contains(capacity, "\nDR-1,2025,fall,3.3,91.6045,91,27508.83\n"));

  // 0.75 x 398.987 x 303.6 = 90,849.3399 -> 90849.34; x 138 = 41,295.1545 -> 41295.15;
  // 0.75 x 91.6045 x 300.3 = 20,631.6235125 -> 20631.62; winter 33.2 prints with two decimals.
  const std::string eo = read_file(out / "eo.csv");
  INFO(eo);
  CHECK(drsim::test::contains(eo, "\nMP-UTIL,summer,398.987,3.3,1.8,90849.34,-49554.19,41295.15,303.6,138\n"));
  CHECK(drsim::test::contains(eo, "\nMP-UTIL,fall,91.6045,3.3,0,20631.62,0.00,20631.62,300.3,300.3\n"));
  CHECK(drsim::test::contains(eo, "\nMP-UTIL,winter,33.20,0,0,0.00,0.00,0.00,0,0\n"));
  CHECK(drsim::test::contains(eo, "\nMP-UTIL,spring,69.875,0,0,0.00,0.00,0.00,0,0\n"));

  // hourly.csv: 1.8 MWh x 410.1234 $/MWh = 738.22212 -> 738.22; x 1.505 = 2.709 -> 2.71.
  const std::string hourly = read_file(out / "hourly.csv");
  CHECK(drsim::test::contains(hourly, "\nSI-1,DR-1,2025-07-15T16:00,17,3.3,3.3,1.5,1.8,1.8,410.1234,1.505,1,738.22,2.71,"));

  // results.sqlite and report.html carry the same text.
  SQLite::Database db((out / "results.sqlite").string(), SQLite::OPEN_READONLY);
  SQLite::Statement c(db, "SELECT acp_usd_per_mw_day, amount_usd FROM capacity WHERE season = 'summer'");
  REQUIRE(c.executeStep());
  CHECK(c.getColumn(0).getString() == "398.987");
  CHECK(c.getColumn(1).getString() == "121132.45");
  SQLite::Statement e(db, "SELECT acp_usd_per_mw_day FROM eo WHERE season = 'fall'");
  REQUIRE(e.executeStep());
  CHECK(e.getColumn(0).getString() == "91.6045");
  const std::string html = read_file(out / "report.html");
  CHECK(drsim::test::contains(html, "398.987"));
  CHECK_FALSE(drsim::test::contains(html, "398.99<"));
}
