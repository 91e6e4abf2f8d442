// Tests of eo.xlsx: the Attachment C cells, live formulas recomputed here to the cent, and edits flowing through.
#include <catch2/catch.hpp>

#include "tests/reports/report_test_support.hpp"
#include "settlement/money.hpp"
#include "tests/reports/xlsx_formulas.hpp"

using namespace drsim::test;

namespace {

std::string cents_text(const Exact& e) { return drsim::Money::from_cents(e.cents()).str(); }

// Runs the scenario at `scenario` into `dir`/out and opens its workbook.
XlsxBook run_and_open(const TempDir& dir, const fs::path& scenario) {
  const auto r = run_drsim("run " + shell_quote(scenario.string()) + " --out out -q", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  REQUIRE(fs::exists(dir.path() / "out" / "eo.xlsx"));
  return XlsxBook((dir.path() / "out" / "eo.xlsx").string());
}

}  // namespace

TEST_CASE("eo.xlsx holds the PRA inputs in the Attachment C cells", "[eo_workbook]") {
  TempDir dir("eo-cells");
  const XlsxBook book = run_and_open(dir, copy_example("worked-example", dir.path(), "we"));
  const std::string att = "Attachment C";
  // The worked example's zone: winter 33.20, spring 69.88, summer 666.50, fall 91.60 $/MW-day.
  CHECK(book.eval(att, "D18").v == 332);
  CHECK(cents_text(book.eval(att, "D18")) == "33.20");
  CHECK(cents_text(book.eval(att, "E18")) == "69.88");
  CHECK(cents_text(book.eval(att, "F18")) == "666.50");
  CHECK(cents_text(book.eval(att, "G18")) == "91.60");
  CHECK(book.cell(att, "D18").formula.empty());  // inputs are values
  // DR-1 clears 10 MW in summer and fall only.
  CHECK(book.cell(att, "I23").value == "0");
  CHECK(book.cell(att, "J23").value == "0");
  CHECK(book.cell(att, "K23").value == "10");
  CHECK(book.cell(att, "L23").value == "10");
  CHECK(book.cell(att, "C18").value == "PRA cleared price (ACP), $/MW-day");
  CHECK(book.cell(att, "H23").value == "PRA cleared MW");
  // Days per season are formulas of the planning year (PY 2025: 90 / 92 / 92 / 91).
  CHECK(book.cell(att, "D19").formula == "DATE($B$7+1,3,1)-DATE($B$7,12,1)");
  CHECK(book.eval(att, "D19").v == 90);
  CHECK(book.eval(att, "E19").v == 92);
  CHECK(book.eval(att, "F19").v == 92);
  CHECK(book.eval(att, "G19").v == 91);
  // S23 is a formula, and its cached value is drsim's EO.
  CHECK(book.cell(att, "S23").formula == "IF(ISNUMBER($B$9),MIN(N27,$B$9),N27)");
  CHECK(book.cell(att, "S23").value == "451264");
  CHECK(book.sheet_xml(att).find("<c r=\"S23\"") != std::string::npos);
}

TEST_CASE("eo.xlsx formulas recompute eo.csv to the cent", "[eo_workbook]") {
  TempDir dir("eo-recompute");
  const XlsxBook book = run_and_open(dir, copy_example("worked-example", dir.path(), "we"));
  const std::string att = "Attachment C";
  const std::string np = "Non-performance";
  // Summer: NonPerfMW 4 (HE18's shortfall); 92 days x (10 - 4) = 552 MW-days x 666.50 = 367908.00,
  // before adjustment 920 x 666.50 = 613180.00. Fall: 91 x 10 = 910 x 91.60 = 83356.00. EO 451264.00.
  CHECK(book.eval(att, "K24").v == 920);
  CHECK(cents_text(book.eval(att, "K25")) == "613180.00");
  CHECK(cents_text(book.eval(att, "K26")) == "-245272.00");
  CHECK(cents_text(book.eval(att, "K27")) == "367908.00");
  CHECK(cents_text(book.eval(att, "L27")) == "83356.00");
  CHECK(cents_text(book.eval(att, "I27")) == "0.00");
  CHECK(cents_text(book.eval(att, "S23")) == "451264.00");
  CHECK(cents_text(book.eval(np, "D7")) == "4.00");
  CHECK(book.eval(np, "F7").v == 552);
  // The same figures as eo.csv, line by line.
  const std::string csv = read_file(dir.path() / "out" / "eo.csv");
  CHECK(csv.find("MP-UTIL,summer,666.50,10,4,613180.00,-245272.00,367908.00,920,552") != std::string::npos);
  CHECK(csv.find("MP-UTIL,fall,91.60,10,0,83356.00,0.00,83356.00,910,910") != std::string::npos);
}

TEST_CASE("eo.xlsx is live: changing an input changes the EO", "[eo_workbook]") {
  TempDir dir("eo-live");
  XlsxBook book = run_and_open(dir, copy_example("worked-example", dir.path(), "we"));
  const std::string att = "Attachment C";
  // No non-performance in summer: 613180.00 + 83356.00 = 696536.00.
  book.set("Non-performance", "D7", "0");
  CHECK(cents_text(book.eval(att, "S23")) == "696536.00");
  // Summer price 600 with NonPerfMW 4 again: 552 x 600 = 331200.00, + 83356.00 = 414556.00.
  book.set("Non-performance", "D7", "4");
  book.set(att, "F18", "600");
  CHECK(cents_text(book.eval(att, "S23")) == "414556.00");
  // Summer cleared MW 12: (12 - 4) x 92 = 736 MW-days x 600 = 441600.00; fall unchanged: 524956.00.
  book.set(att, "K23", "12");
  CHECK(cents_text(book.eval(att, "S23")) == "524956.00");
  // A cap of 100000: the year's EO is capped.
  book.set(att, "B9", "100000");
  CHECK(cents_text(book.eval(att, "S23")) == "100000.00");
}

TEST_CASE("eo.xlsx reproduces a mid-season ACP disqualification day by day", "[eo_workbook]") {
  TempDir dir("eo-dq");
  const fs::path scenario = copy_example("worked-example", dir.path(), "dq");
  // A second event two days later: SI-2, 3 MW, 15:00-17:00 on 2025-07-17 with no advanced reporting,
  // so the full 3 MW is penalized in both hours (rules.md 4.3). It starts 48 h after SI-1, so it is the
  // second counted failure of the summer: DR-1 loses ACP from 2025-07-18 (next day) to 2027-06-01.
  edit_file(scenario, "instructions:\n",
            "  - {id: EV-2, lbas: [AMMO], level: max_gen_event_step_2, start: 2025-07-17T14:00, end: 2025-07-17T18:00}\n"
            "instructions:\n"
            "  - {id: SI-2, emergency: EV-2, resource: DR-1, issued: 2025-07-17T10:00, start: 2025-07-17T15:00,"
            " end: 2025-07-17T17:00, mw: 3}\n");
  {
    // The worked example's expect: no longer holds; `run` ignores it, but keep the file honest.
    const std::string text = read_file(scenario);
    write_text(scenario, text.substr(0, text.find("expect:")));
  }
  // A flat 20 MW baseline on 2025-07-17 too (otherwise the default baseline would need meter history).
  const fs::path baseline = scenario.parent_path() / "data" / "baseline.csv";
  std::string rows = read_file(baseline);
  for (int h = 0; h < 24; ++h) rows += "DR-1,2025-07-17T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00,20\n";
  write_text(baseline, rows);
  const fs::path lmp = scenario.parent_path() / "data" / "lmp.csv";
  write_text(lmp, read_file(lmp) + "AMMO.DR1,2025-07-17T15:00,100\nAMMO.DR1,2025-07-17T16:00,200\n");
  const XlsxBook book = run_and_open(dir, scenario);
  const std::string att = "Attachment C";
  const std::string daily = "Daily MW";
  // Summer days paid: June 1 .. July 17 = 30 + 17 = 47 days x 10 MW = 470 MW-days; fall none.
  CHECK(book.eval(att, "K24").v == 470);
  CHECK(book.eval(att, "L24").v == 0);
  // Daily sheet: row 5 is 2025-06-01; 2025-07-17 is row 5 + 46 = 51, 2025-07-18 row 52.
  CHECK(book.cell(daily, "D51").value == "0");
  CHECK(book.cell(daily, "D52").value == "10");
  CHECK(book.eval(daily, "E52").v == 0);
  // NonPerfMW(summer) = max(4 (SI-1 HE18), 3 (SI-2)) = 4: 47 x (10 - 4) = 282 MW-days x 666.50 = 187953.00;
  // before adjustment 470 x 666.50 = 313255.00.
  CHECK(cents_text(book.eval(att, "K25")) == "313255.00");
  CHECK(cents_text(book.eval(att, "K27")) == "187953.00");
  CHECK(cents_text(book.eval(att, "S23")) == "187953.00");
  const std::string csv = read_file(dir.path() / "out" / "eo.csv");
  CHECK(csv.find("MP-UTIL,summer,666.50,10,4,313255.00,-125302.00,187953.00,470,282") != std::string::npos);
  CHECK(read_file(dir.path() / "out" / "summary.json").find("\"DR-1\"") != std::string::npos);  // disqualified
}

TEST_CASE("no eo: entries, no workbook", "[eo_workbook]") {
  TempDir dir("eo-none");
  const fs::path scenario = copy_example("worked-example", dir.path(), "noeo");
  std::string text = read_file(scenario);
  const auto from = text.find("eo:\n");
  const auto to = text.find("expect:");
  REQUIRE(from != std::string::npos);
  text.erase(from, to - from);
  write_text(scenario, text);
  const auto r = run_drsim("run " + shell_quote(scenario.string()) + " --out out -q", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK_FALSE(fs::exists(dir.path() / "out" / "eo.xlsx"));
  CHECK(fs::exists(dir.path() / "out" / "report.html"));
}

TEST_CASE("eo.xlsx shows the planning year, prices, MW and money as Attachment C does", "[eo_workbook]") {
  TempDir dir("eo-formats");
  const XlsxBook book = run_and_open(dir, copy_example("worked-example", dir.path(), "we"));
  const std::string att = "Attachment C";
  // The planning year is the number 2025 shown as 2025 (not 2,025), named PY 2025-26 beside it by a formula.
  CHECK(book.cell(att, "B7").value == "2025");
  CHECK(book.number_format(att, "B7") == "0");
  CHECK(book.cell(att, "C7").formula ==
        "\"PY \"&$B$7&\"-\"&RIGHT($B$7+1,2)&\": \"&$B$7&\"-06-01 to \"&($B$7+1)&\"-06-01 (exclusive)\"");
  CHECK(book.cell(att, "C7").value == "PY 2025-26: 2025-06-01 to 2026-06-01 (exclusive)");
  CHECK(book.sheet_xml(att).find("<c r=\"C7\" t=\"str\">") != std::string::npos);  // a text result
  // Prices at least two decimals (33.2 shows 33.20) and every digit drsim has; MW at least one decimal.
  for (const char* ref : {"D18", "E18", "F18", "G18"}) CHECK(book.number_format(att, ref) == "#,##0.00####");
  for (const char* ref : {"I23", "L23", "I24", "N24"}) CHECK(book.number_format(att, ref) == "#,##0.0#####");
  for (const char* ref : {"I25", "K26", "L27", "N27", "S23"}) CHECK(book.number_format(att, ref) == "#,##0.00");
  CHECK(book.number_format(att, "D19") == "0");
  CHECK(book.number_format(att, "B8") == "0.00####");
  CHECK(book.number_format("Non-performance", "B7") == "#,##0.00####");
  CHECK(book.number_format("Non-performance", "D7") == "#,##0.0#####");
  CHECK(book.number_format("Non-performance", "I9") == "#,##0.00");
  CHECK(book.number_format("Daily MW", "G5") == "#,##0.0#####");
  CHECK(book.number_format("Daily MW", "A5") == "yyyy-mm-dd");
}

TEST_CASE("eo.xlsx prints Attachment C and Non-performance on one landscape page each", "[eo_workbook]") {
  TempDir dir("eo-print");
  const XlsxBook book = run_and_open(dir, copy_example("worked-example", dir.path(), "we"));
  const std::string att = book.sheet_xml("Attachment C");
  // Fit to one page: fitToPage with the default fitToWidth = fitToHeight = 1; US Letter (paperSize 1).
  CHECK(att.find("<pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);
  CHECK(att.find("<pageSetup paperSize=\"1\" orientation=\"landscape\"/>") != std::string::npos);
  CHECK(att.find("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>") !=
        std::string::npos);
  CHECK(att.find("<oddHeader>&amp;LZone 5 heat event, July 2025&amp;RPY 2025-26</oddHeader>") != std::string::npos);
  CHECK(att.find("<oddFooter>&amp;LAttachment C&amp;Cdrsim ") != std::string::npos);
  CHECK(att.find("&amp;RPage &amp;P of &amp;N</oddFooter>") != std::string::npos);
  CHECK(att.find("<pane ySplit=\"1\" topLeftCell=\"A2\"") != std::string::npos);  // the title frozen
  const std::string np = book.sheet_xml("Non-performance");
  CHECK(np.find("<pageSetup paperSize=\"1\" orientation=\"landscape\"/>") != std::string::npos);
  CHECK(np.find("<pane ySplit=\"4\" topLeftCell=\"A5\"") != std::string::npos);  // the headings frozen
  // Daily MW: portrait, one page wide and as many tall as its 365 days need, the heading on each.
  const std::string daily = book.sheet_xml("Daily MW");
  CHECK(daily.find("<pageSetup paperSize=\"1\" fitToHeight=\"0\" orientation=\"portrait\"/>") != std::string::npos);
  const std::string wb = book.xml("xl/workbook.xml");
  CHECK(wb.find("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Attachment C'!$A$1:$S$27</definedName>") !=
        std::string::npos);
  CHECK(wb.find("'Non-performance'!$A$1:$I$9</definedName>") != std::string::npos);
  // PY 2025-26 has 365 days: rows 5 .. 369.
  CHECK(wb.find("'Daily MW'!$A$1:$G$369</definedName>") != std::string::npos);
  CHECK(wb.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">'Daily MW'!$4:$4</definedName>") !=
        std::string::npos);
}

TEST_CASE("eo.xlsx columns widen for large figures, and the page header takes any scenario name", "[eo_workbook]") {
  TempDir dir("eo-wide");
  const fs::path scenario = copy_example("worked-example", dir.path(), "wide");
  // Summer ACP 123456.789: EO before = 920 MW-days x 123456.789 = 113580245.88 (cents: .88),
  // shown 113,580,245.88: 14 characters, the column 14 + 2 = 16 (Excel stores 16.7109375).
  edit_file(scenario, "summer: 666.50,", "summer: 123456.789,");
  edit_file(scenario, "name: Zone 5 heat event, July 2025", "name: \"Heat & storm, July 2025\"");
  {
    const std::string text = read_file(scenario);
    write_text(scenario, text.substr(0, text.find("expect:")));
  }
  const XlsxBook book = run_and_open(dir, scenario);
  const std::string att = "Attachment C";
  CHECK(cents_text(book.eval(att, "K25")) == "113580245.88");
  CHECK(book.column_width(att, 11) == Approx(16.7109375));  // K
  // F18 shows 123,456.789: 11 characters + 2 = 13.
  CHECK(book.column_width(att, 6) == Approx(13.7109375));  // F
  CHECK(book.column_width(att, 4) == Approx(10.7109375));  // D: 33.20, the narrowest width 10
  // '&' starts a code in a page header: the name's '&' is written '&&'.
  CHECK(book.sheet_xml(att).find("<oddHeader>&amp;LHeat &amp;&amp; storm, July 2025&amp;RPY 2025-26</oddHeader>") !=
        std::string::npos);
}
