// Emergency timelines drawn as SVG with integer time scales.
#include "reports/svg_timeline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/svg_canvas.hpp"
#include "reports/svg_scale.hpp"

namespace drsim::reports {

namespace {

constexpr int kWidth = 960;
constexpr int kLeft = 190;   // px for row labels
constexpr int kRight = 20;
constexpr int kTop = 40;     // px for the time axis and legend
constexpr int kRow = 26;     // px per row

// A tick step in seconds: whole hours giving at most 10 ticks.
std::int64_t hour_step(std::int64_t span_s) {
  for (const std::int64_t h : {1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720}) {
    if (span_s / (h * 3600) <= 10) return h * 3600;
  }
  return 1440 * 3600;
}

std::string short_time(MarketTime t) { return t.str().substr(5); }  // MM-DDTHH:MM

}  // namespace

std::string emergency_timeline_svg(const TimelineEmergency& e) {
  MarketTime lo = e.start;
  MarketTime hi = e.end;
  for (const auto& i : e.instructions) {
    lo = std::min({lo, i.issued, i.start});
    hi = std::max({hi, i.end, i.start});
  }
  // Whole hours either side, so the axis starts and ends on a tick.
  const std::int64_t lo_s = lo.hour_start().seconds();
  std::int64_t hi_s = hi.hour_start().seconds();
  if (hi_s < hi.seconds() || hi_s == lo_s) hi_s += 3600;
  const int height = kTop + kRow * static_cast<int>(e.instructions.size() + 1) + 24;
  SvgCanvas svg(kWidth, height, "Timeline of emergency " + e.id);
  const SvgScale x(lo_s, hi_s, kLeft, kWidth - kRight);

  // Legend: one entry per kind of bar (the withdrawal line carries its own label).
  svg.rect(kLeft, 6, 14, 10, "tl-emergency");
  svg.text(kLeft + 18, 15, "emergency", "legend");
  svg.rect(kLeft + 100, 6, 14, 10, "tl-notice");
  svg.text(kLeft + 118, 15, "notice (issued to start)", "legend");
  svg.rect(kLeft + 280, 6, 14, 10, "tl-window");
  svg.text(kLeft + 298, 15, "deployment window", "legend");
  svg.rect(kLeft + 440, 6, 14, 10, "tl-cut");
  svg.text(kLeft + 458, 15, "withdrawn part", "legend");
  svg.rect(kLeft + 580, 6, 14, 10, "tl-window unack");
  svg.text(kLeft + 598, 15, "not acknowledged", "legend");

  // Time axis: grid lines and labels; the date is shown where it changes.
  const std::int64_t step = hour_step(hi_s - lo_s);
  std::string last_date;
  const int bottom = kTop + kRow * static_cast<int>(e.instructions.size() + 1);
  for (std::int64_t t = ((lo_s + step - 1) / step) * step; t <= hi_s; t += step) {
    const MarketTime mt = MarketTime::from_seconds(t);
    const int px = x(t);
    svg.line(px, kTop - 6, px, bottom, "grid");
    const std::string date = mt.date().str();
    std::string label = mt.str().substr(11);
    if (date != last_date) label = date.substr(5) + " " + label;
    last_date = date;
    svg.text(px, kTop - 10, label, "axis", "middle");
  }

  // Row 0: the emergency.
  int y = kTop;
  svg.text(kLeft - 8, y + 17, e.id, "rowlabel", "end");
  svg.rect(x(e.start.seconds()), y + 5, x(e.end.seconds()) - x(e.start.seconds()), kRow - 10, "tl-emergency",
           fmt::format("emergency {} ({}): {} to {}", e.id, e.level, e.start.str(), e.end.str()));
  for (const auto& i : e.instructions) {
    y += kRow;
    svg.text(kLeft - 8, y + 17, i.id + " \u00b7 " + i.resource_id, "rowlabel", "end");
    svg.rect(x(i.issued.seconds()), y + 8, x(i.start.seconds()) - x(i.issued.seconds()), kRow - 16, "tl-notice",
             fmt::format("{} notice: issued {}, starts {}", i.id, i.issued.str(), i.start.str()));
    MarketTime end = i.end;
    if (i.withdrawn && *i.withdrawn >= i.start && *i.withdrawn < i.end) end = *i.withdrawn;  // window cut short
    const std::string cls = i.acknowledged ? "tl-window" : "tl-window unack";
    svg.rect(x(i.start.seconds()), y + 5, x(end.seconds()) - x(i.start.seconds()), kRow - 10, cls,
             fmt::format("{} window {} to {}{}", i.id, i.start.str(), end.str(),
                         i.acknowledged ? "" : " (not acknowledged)"));
    if (end < i.end) {
      svg.rect(x(end.seconds()), y + 5, x(i.end.seconds()) - x(end.seconds()), kRow - 10, "tl-cut",
               fmt::format("{} withdrawn at {}: no obligation after it", i.id, end.str()));
    }
    if (i.withdrawn) {
      const int wx = x(std::clamp(i.withdrawn->seconds(), lo_s, hi_s));
      svg.line(wx, y + 2, wx, y + kRow - 2, "tl-withdrawn");
      svg.text(wx + 3, y + kRow - 4, "withdrawn " + short_time(*i.withdrawn), "note");
    }
  }
  return svg.str();
}

}  // namespace drsim::reports
