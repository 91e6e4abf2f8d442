// sweep.html: the tornado drawn in integer pixels from exact cents, and tables of every figure.
#include "reports/sweep_report.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "reports/html_escape.hpp"
#include "reports/html_table.hpp"
#include "reports/money_label.hpp"
#include "reports/svg_canvas.hpp"
#include "reports/svg_scale.hpp"

namespace drsim::reports {

namespace {

// Tornado geometry (px): reading names on the left, as wide as the longest needs (about 7 px a
// character at 12 px, within [kMinLabels, kMaxLabels]), then the bars over kPlot, kRight for the
// value beside the longest bar.
constexpr int kMinLabels = 160, kMaxLabels = 600, kPlot = 450, kRight = 110, kTop = 16, kRow = 24, kBar = 16, kAxis = 44;

struct TornadoFrame {
  int left;   // the plot's left edge: the names end 8 px before it
  int right;  // the plot's right edge
  int width;  // of the whole chart
};

TornadoFrame tornado_frame(const SweepFigures& f) {
  std::size_t longest = 0;
  for (const auto& r : f.readings) longest = std::max(longest, r.name.size());
  const int left = std::clamp(static_cast<int>(std::min<std::size_t>(longest, 200)) * 7 + 16, kMinLabels, kMaxLabels);
  return {left, left + kPlot, left + kPlot + kRight};
}
// Rows of the per-resource table in the page (sweep.csv has every one).
constexpr std::size_t kMaxResourceRows = 5000;

// A change as people read it: "+$12.75", "-$6,290.00", "$0.00".
std::string signed_usd(Money m) { return (m > Money{} ? "+" : "") + usd_grouped(m); }
std::string signed_count(std::int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string figure_cell(const SweepFigure& c, const SweepTotals& t) {
  return c.money ? usd_grouped(t.*c.money) : std::to_string(t.*c.count);
}
std::string change_cell(const SweepFigure& c, const SweepTotals& t) {
  return c.money ? signed_usd(t.*c.money) : signed_count(t.*c.count);
}

// The readings drawn, largest change of the net first (ties in reading order); unsettled last.
std::vector<std::size_t> tornado_order(const SweepFigures& f) {
  std::vector<std::size_t> order(f.readings.size() - 1);
  std::iota(order.begin(), order.end(), 1);
  const auto size = [&f](std::size_t i) {
    const int128 c = f.total_change(i).net.cents();
    return f.readings[i].settled() ? (c < 0 ? -c : c) : int128{-1};
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size(a) > size(b); });
  return order;
}

// The axis, ticked at every `step` of its domain (whose ends are multiples of it).
void tornado_axis(SvgCanvas& c, const TornadoFrame& g, const SvgScale& x, std::int64_t step, int y0) {
  c.line(g.left, y0, g.right, y0, "axis");
  for (std::int64_t t = x.lo(); t <= x.hi(); t += step) {
    c.line(x(t), y0, x(t), y0 + 4, "axis");
    c.text(x(t), y0 + 16, usd_grouped(Money::from_cents(t), step < 100), "tick", "middle");
  }
  c.text((g.left + g.right) / 2, y0 + 34, "change of the net (capacity paid - penalty) from the default",
         "label", "middle");
}

std::string facts(const SweepFigures& f) {
  std::string out = "<dl class=\"meta\">\n";
  const auto fact = [&out](const std::string& k, const std::string& v) {
    out += "<dt>" + html_escape(k) + "</dt><dd>" + html_escape(v) + "</dd>\n";
  };
  fact("scenario", f.scenario_path);
  fact("scenario sha256", f.scenario_sha256);
  std::string grid;
  for (const auto& k : f.grid) grid += (grid.empty() ? "" : ", ") + k;
  fact("readings", f.grid.empty() ? plural(f.readings.size() - 1, "reading") + " besides the default, one key at a time"
                                  : plural(f.readings.size(), "combination") + " of " + grid);
  fact("drsim", DRSIM_VERSION);
  return out + "</dl>\n";
}

std::string keys_table(const SweepFigures& f) {
  HtmlTable t({"rule key", "rules.md", "in force (default reading)", "readings settled"}, {false, false, false, false});
  for (std::size_t k = 0; k < f.keys.size(); ++k) {
    std::string values;
    for (const auto& v : f.keys[k].values) values += (values.empty() ? "" : ", ") + v;
    t.add({f.keys[k].key, f.keys[k].section, f.readings[0].values[k], values});
  }
  return "<section>\n<h2>Rule keys with open readings</h2>\n" + t.html() + "</section>\n";
}

// Totals per reading, then their changes from the default.
std::string totals_tables(const SweepFigures& f) {
  std::vector<std::string> head{"reading"};
  std::vector<bool> numeric{false};
  for (const auto& c : sweep_figures()) {
    head.push_back(c.label);
    numeric.push_back(true);
  }
  HtmlTable totals(head, numeric), changes(head, numeric);
  for (std::size_t i = 0; i < f.readings.size(); ++i) {
    const SweepReading& r = f.readings[i];
    std::vector<std::string> a{r.name}, b{r.name};
    for (const auto& c : sweep_figures()) {
      a.push_back(r.settled() ? figure_cell(c, r.total) : "not settled");
      b.push_back(r.settled() ? change_cell(c, f.total_change(i)) : "not settled");
    }
    totals.add(std::move(a), i == 0 ? "default" : "");
    if (i > 0) changes.add(std::move(b));
  }
  return "<section>\n<h2>Totals by reading</h2>\n" + totals.html("Each reading settled in full; the first is the scenario's own rules") +
         changes.html("Change from the default reading (reading minus default)") + "</section>\n";
}

std::string resource_table(const SweepFigures& f) {
  std::vector<std::string> head{"reading", "resource"};
  std::vector<bool> numeric{false, false};
  for (const auto& c : sweep_figures()) {
    if (c.total_only) continue;
    head.push_back(c.label);
    numeric.push_back(true);
  }
  HtmlTable t(head, numeric);
  std::size_t rows = 0;
  for (std::size_t i = 1; i < f.readings.size(); ++i) {
    if (!f.readings[i].settled()) continue;
    for (std::size_t k = 0; k < f.resources.size(); ++k) {
      const SweepTotals d = f.resource_change(i, k);
      std::vector<std::string> row{f.readings[i].name, f.resources[k]};
      bool changed = false;
      for (const auto& c : sweep_figures()) {
        if (c.total_only) continue;
        changed |= c.money ? !(d.*c.money).is_zero() : d.*c.count != 0;
        row.push_back(change_cell(c, d));
      }
      if (!changed) continue;
      if (++rows <= kMaxResourceRows) t.add(std::move(row));
    }
  }
  std::string out = "<section>\n<h2>Changes by resource</h2>\n";
  if (rows == 0) return out + "<p>No reading changes any resource's figures.</p>\n</section>\n";
  out += t.html("Each resource whose figures a reading changes, reading minus default");
  if (rows > kMaxResourceRows) {
    out += fmt::format("<p>The first {} of {} rows; sweep.csv has every one.</p>\n", count_grouped(kMaxResourceRows),
                       count_grouped(rows));
  }
  return out + "</section>\n";
}

std::string problems_section(const SweepFigures& f) {
  std::string out;
  for (const auto& r : f.readings) {
    if (r.settled()) continue;
    out += "<h3>" + html_escape(r.name) + "</h3>\n<ul>\n";
    for (const auto& p : r.problems) out += "<li>" + html_escape(p) + "</li>\n";
    out += "</ul>\n";
  }
  if (out.empty()) return out;
  return "<section>\n<h2>Readings that could not be settled</h2>\n<p>Under these readings the scenario lacks an input "
         "that the default reading does not need:</p>\n" + out + "</section>\n";
}

constexpr const char* kStyle = R"css(
:root { --fg: #1d2330; --muted: #5b6473; --gain: #2f7d4f; --loss: #b5442f; --grid: #e3e6eb; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); margin: 24px auto; max-width: 1360px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 18px; margin: 24px 0 8px; } h3 { font-size: 15px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 0; } figcaption { color: var(--muted); } svg.chart { max-width: 100%; height: auto; }
svg .axis { stroke: var(--fg); } svg .zero { stroke: var(--fg); stroke-dasharray: 3 2; }
svg .gain { fill: var(--gain); } svg .loss { fill: var(--loss); }
svg .name { font-size: 12px; fill: var(--fg); } svg .value { font-size: 12px; fill: var(--muted); }
svg .tick { font-size: 11px; fill: var(--muted); } svg .label { font-size: 12px; fill: var(--fg); }
.tablewrap { overflow-x: auto; } table { border-collapse: collapse; margin: 0 0 12px; }
th, td { padding: 2px 8px; border-bottom: 1px solid var(--grid); text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; } caption { text-align: left; color: var(--muted); }
tr.default td { font-weight: 600; }
@media print { body { margin: 0; max-width: none; } section, figure { break-inside: avoid; } }
)css";

}  // namespace

std::string sweep_tornado_svg(const SweepFigures& f) {
  const std::vector<std::size_t> order = tornado_order(f);
  const int height = kTop + kRow * static_cast<int>(std::max<std::size_t>(order.size(), 1)) + kAxis;
  const TornadoFrame g = tornado_frame(f);
  SvgCanvas c(g.width, height, "Tornado: change of the net of each reading from the default");
  std::int64_t lo = 0, hi = 0;
  for (const std::size_t i : order) {
    lo = std::min(lo, plot_cents(f.total_change(i).net));
    hi = std::max(hi, plot_cents(f.total_change(i).net));
  }
  if (lo == hi) hi = lo + 100;  // no reading changes the net: a one-dollar axis
  // The domain runs to the ticks around the bars (at most 6 ticks), so the axis labels its ends.
  const std::int64_t step = nice_step(lo, hi, 4);
  const SvgScale x(lo < 0 ? (lo - step + 1) / step * step : 0, hi > 0 ? (hi + step - 1) / step * step : 0, g.left,
                   g.right);
  int y = kTop;
  for (const std::size_t i : order) {
    const SweepReading& r = f.readings[i];
    c.text(g.left - 8, y + kBar - 3, r.name, "name", "end");
    if (!r.settled()) {
      c.text(x(0) + 4, y + kBar - 3, "not settled (see below)", "value");
    } else {
      const SweepTotals d = f.total_change(i);
      const int x0 = x(0);
      int x1 = x(plot_cents(d.net));
      if (x1 == x0 && !d.net.is_zero()) x1 += d.net < Money{} ? -1 : 1;  // a change under a pixel still shows
      const std::string tip = fmt::format("{}: net {}, penalty {}, capacity {}, EO {}", r.name, signed_usd(d.net),
                                          signed_usd(d.penalty), signed_usd(d.capacity), signed_usd(d.eo));
      if (x1 != x0) c.rect(std::min(x0, x1), y, std::abs(x1 - x0), kBar, d.net < Money{} ? "loss" : "gain", tip);
      const bool left = d.net < Money{};
      c.text(left ? std::min(x0, x1) - 4 : std::max(x0, x1) + 4, y + kBar - 3, signed_usd(d.net), "value",
             left ? "end" : "start");
    }
    y += kRow;
  }
  c.line(x(0), kTop - 4, x(0), y, "zero");
  tornado_axis(c, g, x, step, y + 4);
  return c.str();
}

std::string sweep_report_html(const SweepFigures& f) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<title>drsim sweep: " + html_escape(f.scenario_name) + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<header>\n";
  out += "<h1>drsim sweep: " + html_escape(f.scenario_name) + "</h1>\n" + facts(f) + "</header>\n<main>\n";
  out += "<section>\n<h2>What each reading is worth</h2>\n<figure>" + sweep_tornado_svg(f) +
         "<figcaption>Each bar is one reading of the rules settled in full against the default (the scenario's own "
         "rules): the change of what the market participants keep, capacity paid less the penalty. Largest first; "
         "exact to the cent in the tables below.</figcaption></figure>\n</section>\n";
  out += totals_tables(f) + resource_table(f) + problems_section(f) + keys_table(f);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace drsim::reports
