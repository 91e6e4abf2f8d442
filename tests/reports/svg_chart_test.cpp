// Tests of the integer SVG scales and of the two chart kinds, with pixel positions computed by hand.
#include <catch2/catch.hpp>

#include "reports/svg_hour_chart.hpp"
#include "reports/svg_scale.hpp"
#include "reports/svg_timeline.hpp"
#include "tests/support/text_files.hpp"

using namespace drsim;
using namespace drsim::reports;

namespace {
MarketTime T(const char* text) { return std::get<MarketTime>(parse_market_time(text)); }
Decimal D(const char* text) { return *Decimal::parse(text); }
}  // namespace

TEST_CASE("SvgScale maps exactly and rounds half away from zero", "[svg]") {
  // 0..10 MW (micros) onto y 200..20: 2.5 MW is 200 - 0.25 x 180 = 155.
  const SvgScale y(0, 10'000'000, 200, 20);
  CHECK(y(2'500'000) == 155);
  CHECK(y(0) == 200);
  CHECK(y(10'000'000) == 20);
  // 0..8 onto 0..100: 3 -> 37.5 -> 38; -3 -> -37.5 -> -38 (half away from zero, both ways).
  const SvgScale x(0, 8, 0, 100);
  CHECK(x(3) == 38);
  CHECK(x(-3) == -38);
  // An empty domain is widened by one unit instead of dividing by zero.
  CHECK(SvgScale(5, 5, 0, 10)(5) == 0);
}

TEST_CASE("nice_ticks steps by 1, 2 or 5 x 10^k", "[svg]") {
  // 0..10 MW with at most 6 ticks: 1 MW gives 11, 2 MW gives 6.
  CHECK(nice_step(0, 10'000'000, 6) == 2'000'000);
  CHECK(nice_ticks(0, 10'000'000, 6) == std::vector<std::int64_t>{0, 2'000'000, 4'000'000, 6'000'000, 8'000'000, 10'000'000});
  // -3..7 with at most 3 ticks: 5 gives 3 (span 10 / 5 + 1); first multiple at or above -3 is 0.
  CHECK(nice_ticks(-3, 7, 3) == std::vector<std::int64_t>{0, 5});
}

TEST_CASE("emergency timeline places notice and window on an hour scale", "[svg]") {
  TimelineEmergency e{"EV-1", "max_gen_event_step_2", T("2025-07-15T14:00"), T("2025-07-15T20:00"), {}};
  e.instructions.push_back({"SI-1", "DR-1", T("2025-07-15T10:00"), T("2025-07-15T15:00"), T("2025-07-15T19:00"),
                            std::nullopt, true});
  const std::string svg = emergency_timeline_svg(e);
  // Axis 10:00..20:00 over x 190..940: 75 px per hour. Emergency 14:00 -> 490, 6 h = 450 px;
  // notice 10:00..15:00 -> 190, 375 px; window 15:00..19:00 -> 565, 300 px.
  CHECK(drsim::test::contains(svg, "<rect x=\"490\" y=\"45\" width=\"450\" height=\"16\" class=\"tl-emergency\">"));
  CHECK(drsim::test::contains(svg, "<rect x=\"190\" y=\"74\" width=\"375\" height=\"10\" class=\"tl-notice\">"));
  CHECK(drsim::test::contains(svg, "<rect x=\"565\" y=\"71\" width=\"300\" height=\"16\" class=\"tl-window\">"));
  CHECK_FALSE(drsim::test::contains(svg, "class=\"tl-cut\"><title>"));  // only the legend swatch
  // Every kind of bar is in the legend, the unacknowledged window too.
  CHECK(drsim::test::contains(svg, "<rect x=\"770\" y=\"6\" width=\"14\" height=\"10\" class=\"tl-window unack\"/>"));
  CHECK(drsim::test::contains(svg, ">not acknowledged</text>"));
}

TEST_CASE("a withdrawal after the start cuts the drawn window", "[svg]") {
  TimelineEmergency e{"EV-<1>", "step 2", T("2025-07-15T14:00"), T("2025-07-15T20:00"), {}};
  e.instructions.push_back({"SI-1", "DR-1", T("2025-07-15T10:00"), T("2025-07-15T15:00"), T("2025-07-15T19:00"),
                            T("2025-07-15T17:00"), false});
  const std::string svg = emergency_timeline_svg(e);
  // Window 15:00..17:00 (150 px) not acknowledged, then the cut part 17:00..19:00 (150 px) from x 715.
  CHECK(drsim::test::contains(svg, "<rect x=\"565\" y=\"71\" width=\"150\" height=\"16\" class=\"tl-window unack\">"));
  CHECK(drsim::test::contains(svg, "<rect x=\"715\" y=\"71\" width=\"150\" height=\"16\" class=\"tl-cut\">"));
  CHECK(drsim::test::contains(svg, "withdrawn 07-15T17:00"));
  CHECK(drsim::test::contains(svg, "EV-&lt;1&gt;"));  // the id is escaped
  CHECK_FALSE(drsim::test::contains(svg, "EV-<1>"));
}

TEST_CASE("an hour without advanced reporting is outlined, not shaded over the bar", "[svg]") {
  std::vector<HourPoint> hours;
  // No target: the full 10 MW instruction is the shortfall although 12 MW were delivered.
  HourPoint p{"SI-1", T("2025-07-15T15:00"), D("10"), std::nullopt, D("12"), D("10"), true, ""};
  p.no_advanced_reporting = true;
  hours.push_back(p);
  const std::string svg = resource_hour_chart_svg("DR-1", hours);
  // 12 MW with at most 6 ticks: 5 MW steps, axis 0..15 MW over y 214..34, 12 px per MW. The outline
  // spans 10 MW -> 0: y 94..214 (120 px); one 44 px slot from x 64, drawn 1 px in: x 65, 42 px.
  CHECK(drsim::test::contains(svg, "<rect x=\"65\" y=\"94\" width=\"42\" height=\"120\" class=\"hc-noar\">"));
  CHECK(drsim::test::contains(svg, "no advanced reporting: the full instruction is penalized"));
  CHECK_FALSE(drsim::test::contains(svg, "class=\"hc-shortfall\"><title>"));  // only the legend swatch
}

TEST_CASE("hour chart draws actual bars and shades the shortfall below the target", "[svg]") {
  std::vector<HourPoint> hours;
  hours.push_back({"SI-1", T("2025-07-15T15:00"), D("10"), D("10"), D("10"), D("0"), false, ""});
  hours.push_back({"SI-1", T("2025-07-15T16:00"), D("10"), D("10"), D("8"), D("2"), true, ""});
  const std::string svg = resource_hour_chart_svg("DR-1", hours);
  // MW axis 0..10 over y 214..34 (18 px per MW); two 44 px slots from x 64.
  // HE17: actual 8 MW -> bar from y 70 to 214 (144 px) at x 108 + 2; shortfall 10 -> 8 MW: y 34..70.
  CHECK(drsim::test::contains(svg, "<rect x=\"110\" y=\"70\" width=\"40\" height=\"144\" class=\"hc-actual\">"));
  CHECK(drsim::test::contains(svg, "<rect x=\"109\" y=\"34\" width=\"42\" height=\"36\" class=\"hc-shortfall\">"));
  // HE16 has no shortfall rectangle: exactly one shaded rect in the chart besides the legend's.
  std::size_t n = 0;
  for (std::size_t at = svg.find("class=\"hc-shortfall"); at != std::string::npos; at = svg.find("class=\"hc-shortfall", at + 1)) ++n;
  CHECK(n == 2);
  // The legend names every shading, the hour without advanced reporting included.
  for (const char* entry : {"actual MW", "instructed MW", "target MW", "charged shortfall", "uncharged shortfall",
                            "no advanced reporting (all penalized)", "exempt hour"}) {
    CHECK(drsim::test::contains(svg, std::string(">") + entry + "</text>"));
  }
  CHECK(drsim::test::contains(svg, ">16</text>"));
  CHECK(drsim::test::contains(svg, ">17</text>"));
}
