// sweep.csv, sweep.json and sweep.html from figures built by hand: exact money, the tornado's
// integer geometry and order, escaping, and a reading that was not settled.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "reports/sweep_outputs.hpp"
#include "reports/sweep_report.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

using namespace drsim;
using namespace drsim::reports;

namespace {

Money usd(const char* text) { return *Money::parse(text); }

// Two resources; the default, a reading that lowers R-1's penalty by 1000.00 and raises R-2's
// capacity by 250.00, one that raises the penalty by 0.01, and one that was not settled.
SweepFigures figures() {
  SweepFigures f;
  f.scenario_name = "Heat <event> & \"co\"";
  f.scenario_path = "s.yaml";
  f.scenario_sha256 = "abc";
  f.keys = {{"penalize_btmg", "2", {"false", "true"}}};
  f.resources = {"R-1", "R-2"};
  SweepTotals r1, r2;
  r1.penalty = usd("1500.00");
  r1.capacity = usd("10000.00");
  r2.capacity = usd("5000.00");
  for (SweepTotals* t : {&r1, &r2}) t->net = t->capacity - t->penalty;
  SweepTotals total;
  total.penalty = usd("1500.00");
  total.capacity = usd("15000.00");
  total.net = usd("13500.00");
  f.readings.push_back({"default", {}, {"true"}, {}, total, {r1, r2}});
  SweepReading lower{"lower", {{"penalize_btmg", "false"}}, {"false"}, {}, total, {r1, r2}};
  lower.total.penalty = usd("500.00");
  lower.total.capacity = usd("15250.00");
  lower.total.net = usd("14750.00");
  lower.resources[0].penalty = usd("500.00");
  lower.resources[0].net = usd("9500.00");
  lower.resources[1].capacity = usd("5250.00");
  lower.resources[1].net = usd("5250.00");
  SweepReading cent{"cent", {}, {"true"}, {}, total, {r1, r2}};
  cent.total.penalty = usd("1500.01");
  cent.total.net = usd("13499.99");
  f.readings.push_back(cent);
  f.readings.push_back(lower);
  f.readings.push_back({"broken", {}, {"true"}, {"s.yaml:3:1: lmp: no LMP for N1 at 2025-07-15T15:00"}, {}, {}});
  return f;
}

}  // namespace

TEST_CASE("sweep figures: changes from the default, exact, and none for a reading not settled") {
  const SweepFigures f = figures();
  CHECK(f.total_change(2).net.str() == "1250.00");   // 14750.00 - 13500.00
  CHECK(f.total_change(1).penalty.str() == "0.01");
  CHECK(f.resource_change(2, 1).capacity.str() == "250.00");
  CHECK(f.total_change(3).net.is_zero());
  CHECK(sweep_figures().size() == 10);
}

TEST_CASE("sweep.html: the tornado's bars in integer pixels, largest first, the page escaped") {
  const SweepFigures f = figures();
  const std::string svg = sweep_tornado_svg(f);
  // Names are at most 7 characters: the plot starts at the minimum, 160 px, and spans 450 px.
  // The changes of the net run -1..125000 cents; the 4-tick step is 50000 cents, so the domain is
  // [-50000, 150000] and x(v) = 160 + (v + 50000) x 450 / 200000, rounded half away from zero:
  // x(0) = 272.5 -> 273, x(125000) = 553.75 -> 554 (the bar of +1250.00 is 281 px wide), and
  // x(-1) = 272.497... -> 272: -0.01 is a 1 px loss bar left of zero.
  CHECK(svg.find("<rect x=\"273\" y=\"16\" width=\"281\" height=\"16\" class=\"gain\"><title>lower: net +$1,250.00, "
                 "penalty -$1,000.00, capacity +$250.00, EO $0.00</title></rect>") != std::string::npos);
  CHECK(svg.find("<rect x=\"272\" y=\"40\" width=\"1\" height=\"16\" class=\"loss\">") != std::string::npos);
  CHECK(svg.find("<text x=\"160\" y=\"108\" class=\"tick\" text-anchor=\"middle\">-$500</text>") != std::string::npos);
  CHECK(svg.find(">$1,500</text>") != std::string::npos);  // the axis's last tick, at 610 px
  CHECK(svg.find(">not settled (see below)</text>") != std::string::npos);
  CHECK(svg.find(">$1,500</text>") != std::string::npos);  // the axis's last tick
  const std::string html = sweep_report_html(f);
  CHECK(html.find("<h1>drsim sweep: Heat &lt;event&gt; &amp; &quot;co&quot;</h1>") != std::string::npos);
  CHECK(html.find("no LMP for N1") != std::string::npos);
  CHECK(html.find("<td>lower</td><td>R-2</td>") != std::string::npos);  // R-2's capacity changed
}

TEST_CASE("sweep.csv and sweep.json: every figure and change, exact, and a reading not settled keeps its problems") {
  drsim::test::TempDir dir;
  const SweepFigures f = figures();
  write_sweep_csv(dir / "sweep.csv", f);
  const std::string csv = drsim::test::read_file(dir / "sweep.csv");
  CHECK(csv.find("lower,settled,false,total,,0.00,0.00,500.00,15250.00,0.00,0.00,14750.00,0,0,0,"
                 "0.00,0.00,-1000.00,250.00,0.00,0.00,1250.00,0,0,0,\n") != std::string::npos);
  CHECK(csv.find("lower,settled,false,resource,R-2,0.00,0.00,0.00,5250.00,,,5250.00,0,0,0,"
                 "0.00,0.00,0.00,250.00,,,250.00,0,0,0,\n") != std::string::npos);
  CHECK(csv.find("broken,invalid,true,total,,,,,,,,,,,,,,,,,,,,,,s.yaml:3:1: lmp: no LMP for N1 at 2025-07-15T15:00\n") !=
        std::string::npos);
  const std::string json = sweep_json(f);
  CHECK(json.find("\"change\": {\n        \"energy_charge_usd\": 0.00,\n        \"rsg_charge_usd\": 0.00,\n        \"penalty_usd\": -1000.00") !=
        std::string::npos);
  CHECK(json.find("\"status\": \"invalid\"") != std::string::npos);
  CHECK(json.find("\"penalize_btmg\": false") != std::string::npos);
}
