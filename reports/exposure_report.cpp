// The exposure report: histograms and exceedance curves drawn in integer pixels, tables of the statistics.
#include "reports/exposure_report.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "reports/html_escape.hpp"
#include "reports/html_table.hpp"
#include "reports/money_label.hpp"
#include "reports/svg_canvas.hpp"
#include "reports/svg_scale.hpp"

namespace drsim::reports {

namespace {

// Chart geometry (px): the plot area is [kLeft, kWidth - kRight] x [kTop, kHeight - kBottom].
constexpr int kWidth = 640, kHeight = 288, kLeft = 96, kRight = 24, kTop = 24, kBottom = 48;
constexpr std::int64_t kMillion = 1'000'000;  // probabilities on the y axis, in millionths

// The x axis in dollars: ticks on a 1-2-5 step of cents, labelled with thousands separators.
void money_axis(SvgCanvas& c, const SvgScale& x, const std::string& label) {
  const int y0 = kHeight - kBottom;
  c.line(kLeft, y0, kWidth - kRight, y0, "axis");
  const std::int64_t step = nice_step(x.lo(), x.hi(), 6);
  for (const std::int64_t t : nice_ticks(x.lo(), x.hi(), 6)) {
    c.line(x(t), y0, x(t), y0 + 4, "axis");
    c.text(x(t), y0 + 16, usd_grouped(Money::from_cents(t), step < 100), "tick", "middle");
  }
  c.text((kLeft + kWidth - kRight) / 2, kHeight - 8, label, "label", "middle");
}

void count_axis(SvgCanvas& c, const SvgScale& y) {
  c.line(kLeft, kTop, kLeft, kHeight - kBottom, "axis");
  for (const std::int64_t t : nice_ticks(0, y.hi(), 5)) {
    c.line(kLeft - 4, y(t), kLeft, y(t), "axis");
    c.line(kLeft, y(t), kWidth - kRight, y(t), "grid");
    c.text(kLeft - 8, y(t) + 4, count_grouped(static_cast<std::uint64_t>(t)), "tick", "end");
  }
  c.text(8, 14, "trials", "label");  // the axis's name above it: no rotated text needed
}

void probability_axis(SvgCanvas& c, const SvgScale& y) {
  c.line(kLeft, kTop, kLeft, kHeight - kBottom, "axis");
  for (int pct = 0; pct <= 100; pct += 20) {
    const int py = y(pct * kMillion / 100);
    c.line(kLeft - 4, py, kLeft, py, "axis");
    c.line(kLeft, py, kWidth - kRight, py, "grid");
    c.text(kLeft - 8, py + 4, fmt::format("{}%", pct), "tick", "end");
  }
  c.text(8, 14, "share of trials above x", "label");
}

std::string trials_text(std::uint64_t n) { return count_grouped(n) + (n == 1 ? " trial" : " trials"); }

// The points drawn: every one up to kMaxExceedancePoints, else that many spread evenly.
std::vector<ExceedancePoint> drawn(const std::vector<ExceedancePoint>& points) {
  if (points.size() <= kMaxExceedancePoints) return points;
  std::vector<ExceedancePoint> out;
  const std::size_t m = points.size();
  for (std::size_t i = 0; i < kMaxExceedancePoints; ++i) out.push_back(points[i * (m - 1) / (kMaxExceedancePoints - 1)]);
  return out;
}

std::string section(const std::string& what, const std::string& metric_label, const sim::Histogram& h,
                    const std::vector<Money>& values) {
  std::string out = "<section>\n<h2>" + html_escape(metric_label) + "</h2>\n";
  if (values.empty()) return out + "<p>No completed trial.</p>\n</section>\n";
  out += "<div class=\"charts\">\n<figure>" + histogram_svg(what, h) + "<figcaption>Histogram of the " +
         html_escape(what) + " per trial (" + html_escape(trials_text(values.size())) + ")</figcaption></figure>\n";
  out += "<figure>" + exceedance_svg(what, exceedance_points(values)) + "<figcaption>Exceedance: the share of trials whose " +
         html_escape(what) + " is greater than x</figcaption></figure>\n</div>\n</section>\n";
  return out;
}

std::string statistics_table(const ExposureFigures& f) {
  HtmlTable t({"metric", "trials", "mean", "p5", "p50", "p90", "p95", "p99", "min", "max"},
              {false, true, true, true, true, true, true, true, true, true});
  for (const auto& [metric, s] : f.statistics) {
    t.add({metric, count_grouped(s.n), usd_grouped(s.mean), usd_grouped(s.p5), usd_grouped(s.p50), usd_grouped(s.p90),
           usd_grouped(s.p95), usd_grouped(s.p99), usd_grouped(s.min), usd_grouped(s.max)});
  }
  return "<section>\n<h2>Summary statistics</h2>\n" +
         t.html("Per trial; percentiles by the nearest-rank method, means to the cent") + "</section>\n";
}

std::string resources_table(const ExposureRunInfo& info, const ExposureFigures& f, std::uint64_t n) {
  HtmlTable t({"resource", "disqualified trials", "trials", "probability"}, {false, true, true, true});
  for (std::size_t i = 0; i < info.resources.size(); ++i) {
    t.add({info.resources[i], count_grouped(f.disqualified[i]), count_grouped(n), sim::probability(f.disqualified[i], n).str()},
          f.disqualified[i] ? "charged" : "");
  }
  return "<section>\n<h2>Disqualification probabilities</h2>\n" +
         t.html("Share of trials in which the resource loses its ACP (ACP disqualification)") + "</section>\n";
}

constexpr const char* kStyle = R"css(
:root { --fg: #1d2330; --muted: #5b6473; --bar: #3f6fb5; --line: #b5442f; --grid: #e3e6eb; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); margin: 24px auto; max-width: 1360px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 18px; margin: 24px 0 8px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; } figure { margin: 0; } figcaption { color: var(--muted); }
svg.chart { max-width: 100%; height: auto; }
svg .axis { stroke: var(--fg); } svg .grid { stroke: var(--grid); }
svg .bar { fill: var(--bar); } svg .step { stroke: var(--line); stroke-width: 2; } svg .point { fill: var(--line); }
svg .tick { font-size: 11px; fill: var(--muted); } svg .label { font-size: 12px; fill: var(--fg); }
table { border-collapse: collapse; } th, td { padding: 2px 8px; border-bottom: 1px solid var(--grid); text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; } caption { text-align: left; color: var(--muted); }
tr.charged td { background: #fbefe9; } .partial { color: var(--line); font-weight: 600; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
)css";

}  // namespace

std::vector<ExceedancePoint> exceedance_points(std::vector<Money> values) {
  std::sort(values.begin(), values.end());
  std::vector<ExceedancePoint> out;
  const std::uint64_t n = values.size();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i + 1 < values.size() && values[i + 1] == values[i]) continue;  // the last of equal values
    out.push_back({values[i], n - (i + 1), n});
  }
  return out;
}

std::string histogram_svg(const std::string& what, const sim::Histogram& h) {
  SvgCanvas c(kWidth, kHeight, "Histogram of the " + what);
  if (h.counts.empty()) return c.str();
  const SvgScale x(plot_cents(h.edges.front()), plot_cents(h.edges.back()), kLeft, kWidth - kRight);
  const std::uint64_t max_count = *std::max_element(h.counts.begin(), h.counts.end());
  // The count axis runs to the first tick at or above the tallest bar.
  const auto tallest = static_cast<std::int64_t>(std::max<std::uint64_t>(max_count, 1));
  const std::int64_t step = nice_step(0, tallest, 5);
  const SvgScale y(0, (tallest + step - 1) / step * step, kHeight - kBottom, kTop);
  count_axis(c, y);
  for (std::size_t b = 0; b < h.counts.size(); ++b) {
    const int x0 = x(plot_cents(h.edges[b])), x1 = x(plot_cents(h.edges[b + 1]));
    const int y1 = y(static_cast<std::int64_t>(h.counts[b]));
    const bool last = b + 1 == h.counts.size();
    c.rect(x0 + 1, y1, std::max(1, x1 - x0 - 2), kHeight - kBottom - y1, "bar",
           fmt::format("{} from {} to {} ({}): {}", what, usd_grouped(h.edges[b]), usd_grouped(h.edges[b + 1]),
                       last ? "both included" : "upper excluded", trials_text(h.counts[b])));
  }
  money_axis(c, x, what + " per trial");
  return c.str();
}

std::string exceedance_svg(const std::string& what, const std::vector<ExceedancePoint>& points) {
  SvgCanvas c(kWidth, kHeight, "Exceedance curve of the " + what);
  if (points.empty()) return c.str();
  const std::vector<ExceedancePoint> p = drawn(points);
  const std::int64_t lo = std::min<std::int64_t>(0, plot_cents(p.front().value));
  const SvgScale x(lo, plot_cents(p.back().value), kLeft, kWidth - kRight);
  const SvgScale y(0, kMillion, kHeight - kBottom, kTop);
  probability_axis(c, y);
  const auto py = [&](const ExceedancePoint& e) {
    return y(static_cast<std::int64_t>(static_cast<int128>(e.above) * kMillion / static_cast<int128>(e.trials)));
  };
  // A right-continuous step: 1 below the smallest value, then P(X > v) from each value v on.
  int prev_x = x(lo), prev_y = y(kMillion);
  for (const auto& e : p) {
    const int px = x(plot_cents(e.value));
    c.line(prev_x, prev_y, px, prev_y, "step");
    c.line(px, prev_y, px, py(e), "step");
    prev_x = px;
    prev_y = py(e);
  }
  for (const auto& e : p) {
    c.dot(x(plot_cents(e.value)), py(e), 3, "point",
          fmt::format("P({} > {}) = {} ({} of {})", what, usd_grouped(e.value),
                      sim::probability(e.above, e.trials).str(), count_grouped(e.above), trials_text(e.trials)));
  }
  money_axis(c, x, "x = " + what + " per trial");
  return c.str();
}

std::string exposure_report_html(const ExposureRunInfo& info, const std::vector<sim::TrialResult>& results,
                                 const ExposureFigures& figures) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<title>drsim exposure: " + html_escape(info.scenario_name) + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<header>\n";
  out += "<h1>drsim exposure: " + html_escape(info.scenario_name) + "</h1>\n<dl class=\"meta\">\n";
  const auto fact = [&out](const std::string& k, const std::string& v) {
    out += "<dt>" + html_escape(k) + "</dt><dd>" + html_escape(v) + "</dd>\n";
  };
  fact("scenario sha256", info.scenario_sha256);
  fact("seed", std::to_string(info.seed));
  fact("trials", fmt::format("{}..{} of {} ({} completed)", info.first, info.end, info.trials,
                             count_grouped(results.size())));
  if (!results.empty()) fact("EO without events", usd_grouped(results.front().eo + results.front().eo_loss));
  fact("drsim", DRSIM_VERSION);
  out += "</dl>\n";
  if (info.partial) out += "<p class=\"partial\">Partial: the run was interrupted; only the completed trials are shown.</p>\n";
  out += "</header>\n<main>\n";
  const auto& metrics = exposure_metrics();
  const auto field = [&metrics](std::string_view name) {
    return std::find_if(metrics.begin(), metrics.end(), [&](const ExposureMetric& m) { return name == m.name; })->field;
  };
  const auto hist = [&figures](std::string_view name) -> const sim::Histogram& {
    return std::find_if(figures.histograms.begin(), figures.histograms.end(),
                        [&](const ExposureFigures::MetricHistogram& h) { return name == h.metric; })->histogram;
  };
  out += section("penalty", "Penalty (energy and RSG charges)", hist("penalty_usd"),
                 metric_values(results, field("penalty_usd")));
  out += section("EO loss", "EO loss (EO without events minus the trial's EO)", hist("eo_loss_usd"),
                 metric_values(results, field("eo_loss_usd")));
  out += statistics_table(figures);
  out += resources_table(info, figures, results.size());
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace drsim::reports
