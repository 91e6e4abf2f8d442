// report.html: emergency timelines, per-resource MW charts, the hourly lines and the warnings.
#include <algorithm>
#include <map>
#include <tuple>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "reports/html_escape.hpp"
#include "reports/html_report_sections.hpp"
#include "reports/html_table.hpp"
#include "reports/svg_hour_chart.hpp"
#include "reports/svg_timeline.hpp"
#include "settlement/emergency_levels.hpp"

namespace drsim::reports::html {

namespace {

// Above this many hourly lines the table stops (hourly.csv has them all), and so do the charts drawn on demand.
constexpr std::size_t kMaxHourlyRows = 20000;
// Resources drawn in the page: those with charges or failed occasions, the most charged first.
// The others' charts are drawn by the page's script on a click, from the hourly lines.
constexpr std::size_t kChartedResources = 25;
// Instruction rows of one emergency's timeline; the rest are listed as a count (the hourly lines have them).
constexpr std::size_t kTimelineRows = 40;

bool has_flag(const std::string& flags, const std::string& flag) {
  std::size_t pos = 0;
  while (pos <= flags.size()) {
    const std::size_t end = std::min(flags.find(';', pos), flags.size());
    if (flags.compare(pos, end - pos, flag) == 0) return true;
    pos = end + 1;
  }
  return false;
}

// Whether an hourly line carries a charge; the columns are looked up once per table.
class ChargedTest {
 public:
  explicit ChargedTest(const DbTable& h) : h_(h), energy_(h.col("energy_charge_usd")), rsg_(h.col("rsg_charge_usd")) {}
  bool operator()(std::size_t i) const {
    return !money_of(h_.rows[i][energy_]).is_zero() || !money_of(h_.rows[i][rsg_]).is_zero();
  }

 private:
  const DbTable& h_;
  std::size_t energy_, rsg_;
};

// An emergency's level as the report shows it: the procedure's label and the name as written
// ("Max Gen Event Step 2a (max_gen_event_step_2a)"), or the name and that it is not a level of the
// run's planning year (the loader warned about it).
std::string level_shown(const std::string& level, const std::string& planning_year) {
  int py = 0;
  try {
    py = std::stoi(planning_year);
  } catch (const std::exception&) {
    return level;
  }
  if (const auto l = find_emergency_level(py, level)) return fmt::format("{} ({})", l->label, level);
  return fmt::format("{} (not a level of {}; see the warnings)", level, py_text(planning_year));
}

}  // namespace

std::string emergencies_section(const RunTables& run) {
  const DbTable& e = run.table("emergencies");
  const DbTable& ins = run.table("instructions");
  if (e.rows.empty()) {
    return section("emergencies", "Emergencies",
                   "<p class=\"empty\">No emergencies in this run (or a database written before the emergencies "
                   "table existed).</p>\n");
  }
  std::string body =
      "<p>Each emergency's window, and for each of its Scheduling Instructions the notice (issued to start) and "
      "the deployment window, cut where the instruction was withdrawn. Hover a bar for its times.</p>\n";
  const std::size_t emergency_col = ins.rows.empty() ? 0 : ins.col("emergency_id");
  for (std::size_t i = 0; i < e.rows.size(); ++i) {
    TimelineEmergency te;
    te.id = e.at(i, "id");
    te.level = level_shown(e.at(i, "level"), run.run("planning_year"));
    const auto start = time_or_none(e.at(i, "start"));
    const auto end = time_or_none(e.at(i, "end"));
    if (!start || !end) continue;
    te.start = *start;
    te.end = *end;
    for (std::size_t j = 0; j < ins.rows.size(); ++j) {
      if (ins.rows[j][emergency_col] != te.id) continue;
      TimelineInstruction ti;
      ti.id = ins.at(j, "id");
      ti.resource_id = ins.at(j, "resource_id");
      const auto issued = time_or_none(ins.at(j, "issued"));
      const auto s = time_or_none(ins.at(j, "start"));
      const auto en = time_or_none(ins.at(j, "end"));
      if (!issued || !s || !en) continue;
      ti.issued = *issued;
      ti.start = *s;
      ti.end = *en;
      ti.withdrawn = time_or_none(ins.at(j, "withdrawn"));
      ti.acknowledged = ins.at(j, "acknowledged") != "0";
      te.instructions.push_back(ti);
    }
    std::stable_sort(te.instructions.begin(), te.instructions.end(),
                     [](const TimelineInstruction& a, const TimelineInstruction& b) { return a.start < b.start; });
    const std::size_t n = te.instructions.size();
    std::string more;
    if (n > kTimelineRows) {
      te.instructions.resize(kTimelineRows);
      more = fmt::format(" The timeline draws the first {} by start; the other {} are in the hourly lines "
                         "(filter by their resource).", kTimelineRows, n - kTimelineRows);
    }
    body += "<h3>" + html_escape(te.id) + "</h3>\n<p>" +
            html_escape(fmt::format("Level {}, LBAs {}, {} to {} (end exclusive); {}.{}", te.level, e.at(i, "lbas"),
                                    te.start.str(), te.end.str(), plural(n, "instruction"), more)) +
            "</p>\n<figure>" + emergency_timeline_svg(te) + "</figure>\n";
  }
  return section("emergencies", "Emergencies", body);
}

namespace {

// One resource's hourly lines and the figures its chart's caption and the resource table show.
struct ResourceLines {
  std::vector<std::size_t> rows;          // hourly rows: each instruction's hours together, by first hour
  std::size_t instructions = 0;
  WideDecimal shortfall_mwh;              // a resource's year of lines may pass Decimal's 9.2e12 MWh
  Money charges;              // penalty_usd of resource_totals
  std::size_t failures = 0;   // failed_occasions of resource_totals
};

std::map<std::string, ResourceLines> lines_by_resource(const RunTables& run) {
  const DbTable& h = run.table("hourly");
  std::map<std::string, ResourceLines> by;
  if (h.rows.empty()) return by;
  const std::size_t res = h.col("resource_id"), ins = h.col("instruction_id"), hour = h.col("hour_start");
  const std::size_t mwh = h.col("shortfall_mwh");
  for (std::size_t i = 0; i < h.rows.size(); ++i) by[h.rows[i][res]].rows.push_back(i);
  for (auto& [resource, r] : by) {
    // Instructions in order of their first hour, each one's hours in order.
    std::map<std::string, std::string> first_hour;
    for (std::size_t i : r.rows) {
      auto [it, added] = first_hour.emplace(h.rows[i][ins], h.rows[i][hour]);
      if (!added && h.rows[i][hour] < it->second) it->second = h.rows[i][hour];
    }
    struct Key {
      const std::string* first;  // the instruction's first hour
      const std::string* instruction;
      const std::string* hour;
      std::size_t row;
    };
    std::vector<Key> keys;
    keys.reserve(r.rows.size());
    for (std::size_t i : r.rows) keys.push_back({&first_hour[h.rows[i][ins]], &h.rows[i][ins], &h.rows[i][hour], i});
    std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      return std::tie(*a.first, *a.instruction, *a.hour) < std::tie(*b.first, *b.instruction, *b.hour);
    });
    for (std::size_t k = 0; k < keys.size(); ++k) r.rows[k] = keys[k].row;
    r.instructions = first_hour.size();
    for (std::size_t i : r.rows) r.shortfall_mwh += decimal_or_zero(h.rows[i][mwh]);
  }
  // Charges and failed occasions: the statement's totals as stored, not summed again here.
  const DbTable& t = run.table("resource_totals");
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto it = by.find(t.at(i, "resource_id"));
    if (it == by.end()) continue;
    it->second.charges = t.money(i, "penalty_usd").value_or(Money());
    it->second.failures = static_cast<std::size_t>(t.integer(i, "failed_occasions").value_or(0));
  }
  return by;
}

std::string resource_chart(const RunTables& run, const std::string& resource, const ResourceLines& r) {
  const DbTable& h = run.table("hourly");
  std::vector<HourPoint> points;
  const ChargedTest is_charged(h);
  for (std::size_t i : r.rows) {
    const auto t = time_or_none(h.at(i, "hour_start"));
    if (!t) continue;
    HourPoint p;
    p.instruction_id = h.at(i, "instruction_id");
    p.hour = *t;
    p.instructed = decimal_or_zero(h.at(i, "instructed_mw"));
    p.target = decimal_or_none(h.at(i, "target_mw"));
    p.actual = decimal_or_none(h.at(i, "actual_mw"));
    p.shortfall = decimal_or_zero(h.at(i, "shortfall_mw"));
    p.charged = is_charged(i);
    p.exempt_reason = h.at(i, "exempt_reason");
    p.no_advanced_reporting = has_flag(h.at(i, "flags"), "no_advanced_reporting");
    points.push_back(p);
  }
  return "<h3>" + html_escape(resource) + "</h3>\n<figure>" +
         resource_hour_chart_svg("Instructed, target and actual MW of " + resource, points) + "<figcaption>" +
         html_escape(fmt::format("{} in {}; shortfall {} MWh; charges ${}; {}.", plural(points.size(), "instruction-hour"),
                                 plural(r.instructions, "instruction"), grouped(r.shortfall_mwh.str()),
                                 money_text(r.charges), plural(r.failures, "failed occasion"))) +
         "</figcaption></figure>\n";
}

}  // namespace

std::string resources_section(const RunTables& run) {
  const auto by = lines_by_resource(run);
  if (by.empty()) return section("resources", "Resources", "<p class=\"empty\">No instruction-hours.</p>\n");
  // The resources that matter: charged or failed, the most charged first (then most failures, then id).
  std::vector<const std::pair<const std::string, ResourceLines>*> order;
  for (const auto& entry : by) order.push_back(&entry);
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    if (a->second.charges != b->second.charges) return b->second.charges < a->second.charges;
    return a->second.failures > b->second.failures;
  });
  std::set<std::string> drawn;
  std::string charts;
  for (const auto* entry : order) {
    if (drawn.size() == kChartedResources) break;
    if (entry->second.charges.is_zero() && entry->second.failures == 0) break;
    drawn.insert(entry->first);
    charts += resource_chart(run, entry->first, entry->second);
  }
  std::string body = fmt::format(
      "<p>Per resource, each instruction-hour: the bar is the measured response (actual MW), the dashed line the "
      "instructed MW (capped by availability), the solid line the reported target; the shortfall is shaded below "
      "the target (pale where it carries no charge); an hour without advanced reporting, where the full "
      "instruction is penalized, is outlined in purple; grey slots are exempt hours. Drawn here: {} of {} with "
      "charges or failed occasions, the most charged first. Every other resource's chart is one click away in "
      "the table below (drawn by the page from the hourly lines).</p>\n",
      plural(drawn.size(), "resource"), grouped(std::to_string(by.size())));
  HtmlTable table({"resource", "instructions", "instruction-hours", "shortfall MWh", "charges $", "failed occasions"},
                  {false, true, true, true, true, true});
  for (const auto* entry : order) {
    if (drawn.count(entry->first) != 0) continue;
    const ResourceLines& r = entry->second;
    table.add({entry->first, grouped(std::to_string(r.instructions)), grouped(std::to_string(r.rows.size())),
               grouped(r.shortfall_mwh.str()), money_text(r.charges), grouped(std::to_string(r.failures))},
              r.charges.is_zero() ? "" : "charged");
  }
  std::string rest;
  if (!table.empty()) {
    TableControls controls;
    controls.id = "other-resources";
    controls.page = 25;
    controls.key_column = 0;
    controls.chart_column = 0;
    controls.rows_as_data = true;
    rest = table.html(controls, fmt::format("The other {}: click an id to draw its chart",
                                            plural(table.size(), "resource")));
  }
  // Where the script draws a chart on demand (any resource's, from the hourly lines).
  const std::string ondemand = "<div id=\"ondemand-chart\" class=\"ondemand\" hidden></div>\n";
  return section("resources", "Resources", body + charts + ondemand + rest);
}

std::string hourly_section(const RunTables& run) {
  const DbTable& h = run.table("hourly");
  if (h.rows.empty()) return section("hourly", "Hourly lines", "<p class=\"empty\">No instruction-hours.</p>\n");
  // The money right after the line's key, so it shows at 1280 px; the page's script reads the MW
  // and flag columns by position (html_script.cpp, H).
  HtmlTable table({"instruction", "resource", "hour start", "HE", "energy $", "RSG $", "shortfall MWh", "LMP $/MWh",
                   "RSG $/MWh", "mult.", "instructed MW", "target MW", "actual MW", "shortfall MW", "exempt", "flags"},
                  {false, false, false, true, true, true, true, true, true, true, true, true, true, true, false, false});
  std::vector<std::size_t> c;
  for (const char* name : {"instruction_id", "resource_id", "hour_start", "he", "energy_charge_usd", "rsg_charge_usd",
                           "shortfall_mwh", "lmp_usd_per_mwh", "rsg_usd_per_mwh", "multiplier", "instructed_mw",
                           "target_mw", "actual_mw", "shortfall_mw", "exempt_reason", "flags"}) {
    c.push_back(h.col(name));
  }
  const ChargedTest is_charged(h);
  for (std::size_t i = 0; i < h.rows.size() && i < kMaxHourlyRows; ++i) {
    const auto& row = h.rows[i];
    std::string flags = row[c[15]];
    std::replace(flags.begin(), flags.end(), ';', ' ');
    table.add({row[c[0]], row[c[1]], row[c[2]], row[c[3]], money_text(row[c[4]]), money_text(row[c[5]]),
               grouped(row[c[6]]), price_text(row[c[7]]), price_text(row[c[8]]), row[c[9]], grouped(row[c[10]]),
               grouped(row[c[11]]), grouped(row[c[12]]), grouped(row[c[13]]), row[c[14]], flags},
              !row[c[14]].empty() ? "exempt" : (is_charged(i) ? "charged" : ""));
  }
  std::string body =
      "<p>One line per instruction and settlement hour (hourly.csv). Charged lines are tinted; exempt lines are grey "
      "with their reason. Click a heading to sort (figures sort by their exact value); filter by resource or by "
      "any text (an instruction, a date such as 2025-07-15, a flag).</p>\n";
  if (h.rows.size() > kMaxHourlyRows) {
    body += "<p class=\"warn\">" +
            html_escape(fmt::format("Showing the first {} of {} lines; hourly.csv holds them all.",
                                    grouped(std::to_string(kMaxHourlyRows)), grouped(std::to_string(h.rows.size())))) +
            "</p>\n";
  }
  TableControls controls;
  controls.id = "hourly-lines";
  controls.key_column = 1;
  controls.rows_as_data = true;
  return section("hourly", "Hourly lines", body + table.html(controls));
}

std::string warnings_section(const RunTables& run) {
  const DbTable& h = run.table("hourly");
  struct Kind {
    std::string flag;
    std::string what;
  };
  const std::vector<Kind> kinds{
      {"missing_meter", "Missing meter hours: an interval of the obligated part is missing, so actual counts as 0"},
      {"target_below_instruction", "Targets below the instruction (for the availability review)"},
      {"late_advanced_reporting", "Late advanced reporting: an entry after the start, ignored"},
      {"no_advanced_reporting", "No advanced reporting at or before the start: the full instruction is penalized"},
  };
  std::string body;
  int total = 0;
  // The loader's warnings first: the input problems that did not stop the run (the table's
  // settlement rows are the hours listed by flag below).
  const DbTable& warnings = run.table("warnings");
  std::vector<std::size_t> loader;
  for (std::size_t i = 0; i < warnings.rows.size(); ++i) {
    if (!warnings.has("source") || warnings.at(i, "source") != "settlement") loader.push_back(i);
  }
  if (!loader.empty()) {
    total += static_cast<int>(loader.size());
    body += "<h3><span class=\"warn\">input</span>: " +
            html_escape(fmt::format("Scenario warnings: values ignored or names unknown in the planning year "
                                    "({})", loader.size())) +
            "</h3>\n<ul class=\"warnings\">\n";
    for (const std::size_t i : loader) body += "<li>" + html_escape(warnings.at(i, "text")) + "</li>\n";
    body += "</ul>\n";
  }
  const std::size_t flags_col = h.rows.empty() ? 0 : h.col("flags");
  for (const auto& kind : kinds) {
    std::map<std::string, std::vector<std::string>> hours;  // instruction -> hour labels
    std::map<std::string, std::string> resource_of;
    for (std::size_t i = 0; i < h.rows.size(); ++i) {
      if (h.rows[i][flags_col].empty() || !has_flag(h.rows[i][flags_col], kind.flag)) continue;
      hours[h.at(i, "instruction_id")].push_back(h.at(i, "hour_start").substr(0, 10) + " HE" + h.at(i, "he"));
      resource_of[h.at(i, "instruction_id")] = h.at(i, "resource_id");
    }
    if (hours.empty()) continue;
    std::size_t n = 0;
    for (const auto& [id, list] : hours) n += list.size();
    total += static_cast<int>(n);
    body += "<h3><span class=\"warn\">" + html_escape(kind.flag) + "</span>: " + html_escape(kind.what) +
            html_escape(" (" + plural(n, "hour") + ")") + "</h3>\n<ul class=\"warnings\">\n";
    for (const auto& [id, list] : hours) {
      std::string joined;
      for (const auto& l : list) joined += (joined.empty() ? "" : ", ") + l;
      body += "<li>" + html_escape(fmt::format("{} ({}): {}", id, resource_of[id], joined)) + "</li>\n";
    }
    body += "</ul>\n";
  }
  if (total == 0) body = "<p class=\"empty\">No warnings: no scenario warnings, no missing meter hours, no targets "
                         "below the instruction, no late or missing advanced reporting.</p>\n";
  return section("warnings", "Warnings", body);
}

}  // namespace drsim::reports::html
