// Per-resource hourly MW charts drawn as SVG with integer scales.
#include "reports/svg_hour_chart.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/svg_canvas.hpp"
#include "reports/svg_scale.hpp"

namespace drsim::reports {

namespace {

constexpr int kLeft = 64;    // px for the MW axis
constexpr int kRight = 16;
constexpr int kTop = 34;     // px for the legend
constexpr int kPlot = 180;   // px height of the plot
constexpr int kBottom = 44;  // px for hour and date labels

std::string mw(const std::optional<Decimal>& v) { return v ? v->str() : "-"; }

}  // namespace

std::string resource_hour_chart_svg(const std::string& title, const std::vector<HourPoint>& hours) {
  // Slots: one per hour, one empty slot between instructions.
  std::vector<int> slot_of(hours.size());
  int slots = 0;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    if (i > 0 && hours[i].instruction_id != hours[i - 1].instruction_id) ++slots;
    slot_of[i] = slots++;
  }
  const int slot_w = std::clamp(slots > 0 ? 860 / slots : 40, 6, 44);
  const int width = std::max(1000, kLeft + slots * slot_w + kRight);  // at least the legend
  const int height = kTop + kPlot + kBottom;

  std::int64_t lo = 0;
  std::int64_t hi = 0;
  for (const auto& h : hours) {
    for (const auto& v : {std::optional<Decimal>(h.instructed), h.target, h.actual}) {
      if (v) {
        lo = std::min(lo, v->micros());
        hi = std::max(hi, v->micros());
      }
    }
    const Decimal top = h.target ? *h.target : h.instructed;
    lo = std::min(lo, (top - h.shortfall).micros());
  }
  if (hi == lo) hi = lo + Decimal::kScale;  // an all-zero chart still gets a 1 MW axis
  const std::int64_t step = nice_step(lo, hi, 6);
  hi = ((hi + step - 1) / step) * step;
  if (lo < 0) lo = -((-lo + step - 1) / step) * step;
  const SvgScale y(lo, hi, kTop + kPlot, kTop);

  SvgCanvas svg(width, height, title);
  // Legend: one entry per drawing, so no shading goes unexplained (html_script.cpp's legend() is the same).
  svg.rect(kLeft, 8, 12, 10, "hc-actual");
  svg.text(kLeft + 16, 17, "actual MW", "legend");
  svg.line(kLeft + 92, 13, kLeft + 110, 13, "hc-instructed");
  svg.text(kLeft + 114, 17, "instructed MW", "legend");
  svg.line(kLeft + 212, 13, kLeft + 230, 13, "hc-target");
  svg.text(kLeft + 234, 17, "target MW", "legend");
  svg.rect(kLeft + 312, 8, 12, 10, "hc-shortfall");
  svg.text(kLeft + 328, 17, "charged shortfall", "legend");
  svg.rect(kLeft + 436, 8, 12, 10, "hc-uncharged");
  svg.text(kLeft + 452, 17, "uncharged shortfall", "legend");
  svg.rect(kLeft + 572, 8, 12, 10, "hc-noar");
  svg.text(kLeft + 588, 17, "no advanced reporting (all penalized)", "legend");
  svg.rect(kLeft + 826, 8, 12, 10, "hc-exempt");
  svg.text(kLeft + 842, 17, "exempt hour", "legend");

  // MW axis.
  for (const std::int64_t t : nice_ticks(lo, hi, 7)) {
    svg.line(kLeft, y(t), width - kRight, y(t), t == 0 ? "axis0" : "grid");
    svg.text(kLeft - 6, y(t) + 4, Decimal::from_micros(t).str(), "axis", "end");
  }
  svg.text(12, kTop + kPlot / 2, "MW", "axis", "middle");

  const int label_every = slot_w >= 22 ? 1 : (22 + slot_w - 1) / slot_w;
  std::string last_key;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const HourPoint& h = hours[i];
    const int x0 = kLeft + slot_of[i] * slot_w;
    const int x1 = x0 + slot_w;
    const std::string tip = fmt::format(
        "{} {} HE{}: instructed {}, target {}, actual {}, shortfall {} MW{}{}", h.instruction_id, h.hour.str(),
        h.hour.he(), h.instructed.str(), mw(h.target), mw(h.actual), h.shortfall.str(),
        h.no_advanced_reporting ? " (no advanced reporting: the full instruction is penalized)" : "",
        h.exempt_reason.empty() ? "" : " (exempt: " + h.exempt_reason + ")");
    if (!h.exempt_reason.empty()) svg.rect(x0, kTop, slot_w, kPlot, "hc-exempt", tip);
    if (h.actual) svg.rect(x0 + 2, y(0), slot_w - 4, y(h.actual->micros()) - y(0), "hc-actual", tip);
    if (h.shortfall > Decimal()) {
      const Decimal top = h.target ? *h.target : h.instructed;
      svg.rect(x0 + 1, y(top.micros()), slot_w - 2, y((top - h.shortfall).micros()) - y(top.micros()),
               h.no_advanced_reporting ? "hc-noar" : (h.charged ? "hc-shortfall" : "hc-uncharged"), tip);
    }
    svg.line(x0, y(h.instructed.micros()), x1, y(h.instructed.micros()), "hc-instructed");
    if (h.target) svg.line(x0, y(h.target->micros()), x1, y(h.target->micros()), "hc-target");
    if (i % static_cast<std::size_t>(label_every) == 0) {
      svg.text((x0 + x1) / 2, kTop + kPlot + 14, std::to_string(h.hour.he()), "axis", "middle");
    }
    // Under the first hour of each instruction and of each new date: the date and the instruction.
    const std::string date = h.hour.date().str();
    if (date + '\n' + h.instruction_id != last_key) {
      svg.line(x0, kTop + kPlot, x0, kTop + kPlot + 30, "grid");
      svg.text(x0 + 2, kTop + kPlot + 30, date + " " + h.instruction_id, "note");
      last_key = date + '\n' + h.instruction_id;
    }
  }
  svg.text(kLeft - 6, kTop + kPlot + 14, "HE", "axis", "end");
  return svg.str();
}

}  // namespace drsim::reports
