// report.html: document skeleton, styles, the run header, rules and totals.
#include "reports/html_report.hpp"

#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "reports/html_escape.hpp"
#include "reports/html_report_sections.hpp"
#include "reports/money_label.hpp"
#include "reports/html_script.hpp"
#include "reports/html_table.hpp"
#include "settlement/money.hpp"

namespace drsim::reports {

namespace html {

Decimal decimal_or_zero(const std::string& text) { return decimal_or_none(text).value_or(Decimal()); }

std::optional<Decimal> decimal_or_none(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Decimal::parse(text);
}

std::optional<MarketTime> time_or_none(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto parsed = parse_market_time(text);
  if (const auto* t = std::get_if<MarketTime>(&parsed)) return *t;
  return std::nullopt;
}

Money money_of(const std::string& usd_text) {
  if (usd_text.empty()) return Money();
  const auto m = Money::parse(usd_text);
  if (!m) throw std::runtime_error("results database: '" + usd_text + "' is not an amount of dollars");
  return *m;
}

std::string money_text(Money amount) { return money_text(amount.str()); }

std::string money_text(const std::string& usd_text) { return grouped(usd_text); }

namespace {
// "-12.5", "7", "0.25": an optional minus, digits, optionally a point and digits.
bool is_decimal_text(const std::string& text) {
  std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  const std::size_t int_begin = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) ++i;
  if (i == int_begin) return false;
  if (i == text.size()) return true;
  if (text[i] != '.' || i + 1 == text.size()) return false;
  for (++i; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return false;
  }
  return true;
}
}  // namespace

std::string price_text(const std::string& text) {
  if (!is_decimal_text(text)) return text;
  const std::size_t dot = text.find('.');
  const std::size_t decimals = dot == std::string::npos ? 0 : text.size() - dot - 1;
  std::string padded = text;
  if (dot == std::string::npos) padded += '.';
  if (decimals < 2) padded.append(2 - decimals, '0');
  return grouped(padded);
}

std::string py_text(const std::string& planning_year) {
  try {
    const int py = std::stoi(planning_year);
    return fmt::format("PY {}-{:02}", py, (py + 1) % 100);
  } catch (const std::exception&) {
    return planning_year;
  }
}


std::string grouped(const std::string& text) {
  if (!is_decimal_text(text)) return text;
  const std::size_t dot = text.find('.');
  const std::size_t int_end = dot == std::string::npos ? text.size() : dot;
  const std::size_t int_begin = text[0] == '-' ? 1 : 0;
  std::string out = text.substr(0, int_begin);
  for (std::size_t i = int_begin; i < int_end; ++i) {
    if (i > int_begin && (int_end - i) % 3 == 0) out += ',';
    out += text[i];
  }
  return out + text.substr(int_end);
}

std::string section(const std::string& id, const std::string& heading, const std::string& body) {
  return "<section id=\"" + html_escape(id) + "\">\n<h2>" + html_escape(heading) + "</h2>\n" + body + "</section>\n";
}

std::string run_header_section(const RunTables& run) {
  std::string out = "<header>\n<h1>drsim report: " + html_escape(run.run("scenario_name")) + "</h1>\n<dl class=\"meta\">\n";
  const auto item = [&out](const std::string& k, const std::string& v, const std::string& cls = "") {
    out += "<dt>" + html_escape(k) + "</dt><dd" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" +
           html_escape(v) + "</dd>\n";
  };
  const std::string py = run.run("planning_year");
  item("Scenario file", run.run("scenario_path"));
  item("Scenario SHA-256", run.run("scenario_sha256"), "mono");
  item("drsim version", run.run("drsim_version"));
  item("Planning year", py.empty() ? "" : fmt::format("{}: {}-06-01 to {}-06-01 (end exclusive)", py_text(py), py,
                                                          std::stoi(py) + 1));
  item("Event trace fingerprint", run.run("trace_fingerprint"), "mono");
  item("Run started / finished (UTC)", run.run("started_at") + " / " + run.run("finished_at"));
  out += "</dl>\n<nav><ul>";
  out += "<li class=\"part\">Statement:</li>";
  for (const auto& [id, name] : std::vector<std::pair<std::string, std::string>>{
           {"totals", "Totals"}, {"failures", "Failures"}, {"allocation", "Allocation"},
           {"eo", "Earnings opportunity"}, {"", "Detail:"}, {"capacity", "Capacity"}, {"rules", "Rules"},
           {"warnings", "Warnings"}, {"emergencies", "Emergencies"}, {"resources", "Resources"},
           {"hourly", "Hourly lines"}}) {
    out += id.empty() ? "<li class=\"part\">" + name + "</li>" : "<li><a href=\"#" + id + "\">" + name + "</a></li>";
  }
  out += "</ul></nav>\n</header>\n";
  return out;
}

std::string rules_section(const RunTables& run) {
  const DbTable& t = run.table("rules");
  HtmlTable table({"rule", "value in force", "default", "overridden", "set in scenario"}, {false, false, false, false, false});
  int overridden = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const bool over = t.at(i, "overridden") == "1";
    const bool set = t.has("set_in_scenario") && t.at(i, "set_in_scenario") == "1";
    overridden += over;
    table.add({t.at(i, "key"), t.at(i, "value"), t.at(i, "default_value"), over ? "yes" : "", set ? "yes" : ""},
              over ? "overridden" : "");
  }
  const std::string intro = fmt::format(
      "<p>Every rule value in force (rules.md). <strong>{}</strong> of {} differ{} from the default "
      "(highlighted); \"set in scenario\" marks the keys the scenario's <code>rules:</code> block names, "
      "even where it restates the default.</p>\n",
      overridden, t.rows.size(), overridden == 1 ? "s" : "");
  return section("rules", "Rules in force", intro + table.html(TableControls{.id = "rule-list", .print_all = true}));
}

std::string totals_section(const RunTables& run) {
  std::string cards = "<div class=\"cards\">\n";
  const auto card = [&cards](const std::string& label, const std::string& value, const std::string& note) {
    cards += "<div class=\"card\"><div class=\"label\">" + html_escape(label) + "</div><div class=\"value\">" +
             html_escape(value) + "</div><div class=\"note\">" + html_escape(note) + "</div></div>\n";
  };
  card("Penalty", "$" + money_text(run.summary("penalty_usd")), "energy + RSG charges");
  card("Energy charges", "$" + money_text(run.summary("energy_charge_usd")), "shortfall MWh x LMP x multiplier");
  card("RSG charges", "$" + money_text(run.summary("rsg_charge_usd")), "shortfall MWh x RSG rate");
  card("Capacity payments", "$" + money_text(run.summary("capacity_usd")), "cleared MW x ACP x days paid");
  card("Allocated to LSEs", "$" + money_text(run.summary("allocated_usd")), "penalty revenue by load ratio share");
  if (!run.table("eo").rows.empty()) card("Earnings opportunity", "$" + money_text(run.summary("eo_usd")), "after non-performance");
  std::string dq;
  int dq_count = 0;
  constexpr int kListed = 12;  // ids named on the card; the Failures section lists them all
  const DbTable& s = run.table("summary");
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    if (s.at(i, "key") == "disqualified") {
      if (dq_count < kListed) dq += (dq.empty() ? "" : ", ") + s.at(i, "value");
      ++dq_count;
    }
  }
  if (dq_count > kListed) dq += fmt::format(" and {} more (Failures and disqualifications)", dq_count - kListed);
  // A few ids fit the card's figure; a longer list goes to its note.
  const std::string because = "by this planning year's second counted failures";
  if (dq_count == 0) {
    card("Disqualified from ACP", "none", because);
  } else if (dq_count <= 3) {
    card("Disqualified from ACP", dq, because);
  } else {
    card("Disqualified from ACP", plural(static_cast<std::size_t>(dq_count), "resource"), because + ": " + dq);
  }
  cards += "</div>\n";

  // Per resource with a line: the statement's totals as stored (resource_totals).
  const DbTable& by = run.table("resource_totals");
  const std::vector<std::size_t> rows = resources_with_lines(run);
  HtmlTable table({"resource", "energy $", "RSG $", "penalty $", "capacity $", "failed occasions", "counted", "disqualified"},
                  {false, true, true, true, true, true, true, false});
  for (std::size_t i : rows) {
    const bool disqualified = by.flag(i, "disqualified");
    table.add({by.at(i, "resource_id"), money_text(by.at(i, "energy_charge_usd")), money_text(by.at(i, "rsg_charge_usd")),
               money_text(by.at(i, "penalty_usd")), money_text(by.at(i, "capacity_usd")),
               grouped(by.at(i, "failed_occasions")), grouped(by.at(i, "counted_failures")), disqualified ? "yes" : "no"},
              disqualified ? "disqualified" : "");
  }
  TableControls controls;
  controls.id = "by-resource";
  controls.key_column = 0;
  controls.print_all = true;  // part of the statement
  return section("totals", "Totals",
                 cards + "<p>Per resource: click a heading to sort, type a resource id or any text to filter.</p>\n" +
                     table.html(controls, "By resource (" + plural(rows.size(), "resource") + ")"));
}

}  // namespace html

namespace {

constexpr const char* kStyle = R"css(
:root { --ink:#1d2430; --muted:#5b6473; --line:#d5dae1; --band:#f4f6f9; --accent:#1f5fa8;
  --short:#d1343a; --warn:#b86e00; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1500px; padding: 24px 20px 60px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 22px 0 6px; }
p { margin: 6px 0 10px; max-width: 80ch; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav a { color: var(--accent); text-decoration: none; } nav a:hover { text-decoration: underline; }
nav li.part { color: var(--muted); font-weight: 600; }
.tablewrap { overflow-x: auto; margin: 6px 0 14px; }
table { border-collapse: collapse; font-size: 12px; min-width: 40%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td { white-space: nowrap; } td:last-child { white-space: normal; min-width: 16ch; }  /* ids and times stay whole */
th { background: var(--band); font-weight: 600; position: sticky; top: 0; }
#hourly-lines td:last-child { min-width: 12ch; overflow-wrap: anywhere; }  /* the flags wrap: the table fits 1280 px */
#hourly-lines th, #hourly-lines td { padding: 3px 4px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }  /* "shortfall MWh" may take two lines; the figures never do */
tr.charged td { background: #fdecec; } tr.exempt td { color: var(--muted); background: #f7f7f7; }
tr.overridden td { background: #fff4d6; font-weight: 600; } tr.disqualified td { background: #fde2e2; }
tr.counted td:first-child { border-left: 3px solid var(--short); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 8px 0 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--band); }
.card .label { color: var(--muted); font-size: 12px; } .card .value { font-size: 20px; font-weight: 650;
  font-variant-numeric: tabular-nums; overflow-wrap: anywhere; } .card .note { color: var(--muted); font-size: 11.5px; }
.empty { color: var(--muted); font-style: italic; }
ul.warnings li { margin: 3px 0; } .warn { color: var(--warn); font-weight: 600; }
figure { margin: 8px 0 18px; overflow-x: auto; } figcaption { color: var(--muted); font-size: 12px; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
svg .grid { stroke: #e3e7ec; stroke-width: 1; } svg .axis0 { stroke: #8a93a0; stroke-width: 1; }
svg text { fill: var(--ink); font-family: inherit; } svg text.axis, svg text.note { fill: var(--muted); font-size: 10.5px; }
svg text.legend { font-size: 11px; } svg text.rowlabel { font-size: 11.5px; }
svg .tl-emergency { fill: #f3c9a4; stroke: #c46a1c; } svg .tl-notice { fill: #cfdcef; stroke: #7d9cc8; }
svg .tl-window { fill: #1f5fa8; } svg .tl-window.unack { fill: #fff; stroke: #1f5fa8; stroke-dasharray: 4 2; }
svg .tl-cut { fill: #e1e4e8; stroke: #9aa3ad; stroke-dasharray: 3 2; } svg .tl-withdrawn { stroke: var(--short); stroke-width: 2; }
svg .hc-actual { fill: #4b8fd6; } svg .hc-shortfall { fill: var(--short); fill-opacity: .55; stroke: var(--short); }
svg .hc-instructed { stroke: #e08a00; stroke-width: 2; stroke-dasharray: 5 3; } svg .hc-target { stroke: #1d2430; stroke-width: 2; }
svg .hc-exempt { fill: #eceff3; }
svg .hc-uncharged { fill: var(--short); fill-opacity: .18; stroke: var(--short); stroke-dasharray: 2 2; }
svg .hc-noar { fill: none; stroke: #7b3fa0; stroke-width: 2; stroke-dasharray: 4 2; }  /* an outline: the bar under it stays its colour */
.dt-tools { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin: 4px 0; font-size: 12.5px; }
.dt-tools input { font: inherit; padding: 2px 4px; } .dt-count { color: var(--muted); }
.dt-tools button, button.chart-btn, button.chart-close { font: inherit; font-size: 12px; padding: 1px 6px; cursor: pointer; }
th.sortable { cursor: pointer; user-select: none; } th.sortable:hover { text-decoration: underline; }
th[aria-sort=ascending]::after { content: " \25B2"; font-size: 9px; } th[aria-sort=descending]::after { content: " \25BC"; font-size: 9px; }
.ondemand { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; margin: 8px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  table { font-size: 9px; } th, td { padding: 2px 4px; }
  nav { display: none; }
  h2 { break-after: avoid; } figure, .card, tr { break-inside: avoid; }
  section { break-before: auto; } .tablewrap, figure { overflow: visible; }
  .detail { break-before: page; } .dt-tools label, .dt-tools button, button.chart-close { display: none; }
  button.chart-btn { border: 0; background: none; padding: 0; font: inherit; }
  th { position: static; } a { color: inherit; text-decoration: none; }
  tr.charged td, tr.overridden td, tr.disqualified td, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// Every resource id of the run, for the "resource" filter boxes' suggestions.
std::string resource_datalist(const RunTables& run) {
  std::set<std::string> ids;
  for (const char* table : {"hourly", "capacity", "failures"}) {
    const DbTable& t = run.table(table);
    if (!t.has("resource_id")) continue;
    const std::size_t c = t.col("resource_id");
    for (const auto& row : t.rows) ids.insert(row[c]);
  }
  std::string out = "<datalist id=\"resource-ids\">";
  for (const auto& id : ids) out += "<option value=\"" + html_escape(id) + "\">";
  return out + "</datalist>\n";
}

}  // namespace

std::string html_report(const RunTables& run) {
  using namespace html;
  std::string out;
  out.reserve(1 << 21);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No network: everything is inline, the policy forbids any fetch the page might attempt and
  // runs the one script below (by its hash) and no other.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; script-src " + report_script_csp_source() + "\">\n";
  out += "<title>drsim report: " + html_escape(run.run("scenario_name")) + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += run_header_section(run);
  out += "<main>\n";
  // The statement first (on screen and on paper), the detail after it.
  out += "<div class=\"statement\">\n";
  out += totals_section(run);
  out += failures_section(run);
  out += allocation_section(run);
  out += eo_section(run);
  out += "</div>\n<div class=\"detail\">\n";
  out += capacity_section(run);
  out += rules_section(run);
  out += warnings_section(run);
  out += emergencies_section(run);
  out += resources_section(run);
  out += hourly_section(run);
  out += "</div>\n</main>\n";
  out += resource_datalist(run);
  out += "<footer>Written by drsim " + html_escape(run.run("drsim_version")) +
         " from results.sqlite. Figures are exact decimals; money is rounded to the cent per line "
         "(rules.md 1a) and every total is the sum of its lines. The page's script only sorts, filters and "
         "draws these texts; it computes no figure.</footer>\n";
  out += "<script>" + report_script() + "</script>\n</body>\n</html>\n";
  return out;
}

void write_html_report(const std::string& db_path, const std::string& out_path) {
  write_html_report(read_run_tables(db_path), out_path);
}

void write_html_report(const RunTables& run, const std::string& out_path) {
  const std::string doc = html_report(run);
  std::ofstream out(out_path, std::ios::binary);
  out << doc;
  if (!out) throw std::runtime_error("failed writing " + out_path);
}

}  // namespace drsim::reports
