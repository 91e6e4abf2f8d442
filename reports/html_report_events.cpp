// report.html: emergency timelines, per-resource MW charts, the hourly lines and the warnings.
#include <algorithm>
#include <map>
#include <tuple>
#include <set>

#include <fmt/format.h>

#include "reports/html_escape.hpp"
#include "reports/html_report_sections.hpp"
#include "reports/html_table.hpp"
#include "reports/svg_hour_chart.hpp"
#include "reports/svg_timeline.hpp"
#include "settlement/emergency_levels.hpp"

namespace drsim::reports::html {

namespace {

// Above this many hourly lines the table stops (hourly.csv has them all); charts are unaffected.
constexpr std::size_t kMaxHourlyRows = 20000;

bool has_flag(const std::string& flags, const std::string& flag) {
  std::size_t pos = 0;
  while (pos <= flags.size()) {
    const std::size_t end = std::min(flags.find(';', pos), flags.size());
    if (flags.compare(pos, end - pos, flag) == 0) return true;
    pos = end + 1;
  }
  return false;
}

bool is_charged(const DbTable& h, std::size_t i) {
  return !money_of(h.at(i, "energy_charge_usd")).is_zero() || !money_of(h.at(i, "rsg_charge_usd")).is_zero();
}

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
  return fmt::format("{} (not a level of PY {}-{:02}; see the warnings)", level, py, (py + 1) % 100);
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
      if (ins.at(j, "emergency_id") != te.id) continue;
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
    body += "<h3>" + html_escape(te.id) + "</h3>\n<p>" +
            html_escape(fmt::format("Level {}, LBAs {}, {} to {}; {} instruction(s).", te.level, e.at(i, "lbas"),
                                    te.start.str(), te.end.str(), te.instructions.size())) +
            "</p>\n<figure>" + emergency_timeline_svg(te) + "</figure>\n";
  }
  return section("emergencies", "Emergencies", body);
}

std::string resources_section(const RunTables& run) {
  const DbTable& h = run.table("hourly");
  std::map<std::string, std::vector<std::size_t>> rows_of;  // resource -> hourly rows
  for (std::size_t i = 0; i < h.rows.size(); ++i) rows_of[h.at(i, "resource_id")].push_back(i);
  if (rows_of.empty()) return section("resources", "Resources", "<p class=\"empty\">No instruction-hours.</p>\n");
  std::string body =
      "<p>Per resource, each instruction-hour: the bar is the measured response (actual MW), the dashed line the "
      "instructed MW (capped by availability), the solid line the reported target; the shortfall is shaded below "
      "the target (pale where it carries no charge). Grey slots are exempt hours.</p>\n";
  for (auto& [resource, rows] : rows_of) {
    std::stable_sort(rows.begin(), rows.end(), [&h](std::size_t a, std::size_t b) {
      return std::tie(h.at(a, "hour_start"), h.at(a, "instruction_id")) <
             std::tie(h.at(b, "hour_start"), h.at(b, "instruction_id"));
    });
    // Keep each instruction's hours together, instructions in order of their first hour.
    std::vector<std::string> order;
    for (std::size_t r : rows) {
      if (std::find(order.begin(), order.end(), h.at(r, "instruction_id")) == order.end()) {
        order.push_back(h.at(r, "instruction_id"));
      }
    }
    std::vector<HourPoint> points;
    WideDecimal shortfall_mwh;  // a resource's year of lines may pass Decimal's 9.2e12 MWh
    Money charges;
    for (const auto& instruction : order) {
      for (std::size_t r : rows) {
        if (h.at(r, "instruction_id") != instruction) continue;
        HourPoint p;
        p.instruction_id = instruction;
        const auto t = time_or_none(h.at(r, "hour_start"));
        if (!t) continue;
        p.hour = *t;
        p.instructed = decimal_or_zero(h.at(r, "instructed_mw"));
        p.target = decimal_or_none(h.at(r, "target_mw"));
        p.actual = decimal_or_none(h.at(r, "actual_mw"));
        p.shortfall = decimal_or_zero(h.at(r, "shortfall_mw"));
        p.charged = is_charged(h, r);
        p.exempt_reason = h.at(r, "exempt_reason");
        shortfall_mwh += decimal_or_zero(h.at(r, "shortfall_mwh"));
        charges += money_of(h.at(r, "energy_charge_usd")) + money_of(h.at(r, "rsg_charge_usd"));
        points.push_back(p);
      }
    }
    body += "<h3>" + html_escape(resource) + "</h3>\n<figure>" +
            resource_hour_chart_svg("Instructed, target and actual MW of " + resource, points) + "<figcaption>" +
            html_escape(fmt::format("{} instruction-hour(s) in {} instruction(s); shortfall {} MWh; charges ${}.",
                                    points.size(), order.size(), shortfall_mwh.str(), money_text(charges))) +
            "</figcaption></figure>\n";
  }
  return section("resources", "Resources", body);
}

std::string hourly_section(const RunTables& run) {
  const DbTable& h = run.table("hourly");
  HtmlTable table({"instruction", "resource", "hour start", "HE", "instructed MW", "target MW", "actual MW",
                   "shortfall MW", "shortfall MWh", "LMP $/MWh", "RSG $/MWh", "mult.", "energy $", "RSG $",
                   "exempt", "flags"},
                  {false, false, false, true, true, true, true, true, true, true, true, true, true, true, false, false});
  for (std::size_t i = 0; i < h.rows.size() && i < kMaxHourlyRows; ++i) {
    std::string flags = h.at(i, "flags");
    std::replace(flags.begin(), flags.end(), ';', ' ');
    table.add({h.at(i, "instruction_id"), h.at(i, "resource_id"), h.at(i, "hour_start"), h.at(i, "he"),
               h.at(i, "instructed_mw"), h.at(i, "target_mw"), h.at(i, "actual_mw"), h.at(i, "shortfall_mw"),
               h.at(i, "shortfall_mwh"), h.at(i, "lmp_usd_per_mwh"), h.at(i, "rsg_usd_per_mwh"), h.at(i, "multiplier"),
               money_text(h.at(i, "energy_charge_usd")), money_text(h.at(i, "rsg_charge_usd")), h.at(i, "exempt_reason"),
               flags},
              !h.at(i, "exempt_reason").empty() ? "exempt" : (is_charged(h, i) ? "charged" : ""));
  }
  std::string body =
      "<p>One line per instruction and settlement hour (hourly.csv). Charged lines are tinted; exempt lines are grey "
      "with their reason.</p>\n";
  if (h.rows.empty()) return section("hourly", "Hourly lines", "<p class=\"empty\">No instruction-hours.</p>\n");
  if (h.rows.size() > kMaxHourlyRows) {
    body += "<p class=\"warn\">" +
            html_escape(fmt::format("Showing the first {} of {} lines; hourly.csv holds them all.", kMaxHourlyRows,
                                    h.rows.size())) +
            "</p>\n";
  }
  return section("hourly", "Hourly lines", body + table.html());
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
  // The loader's warnings first: the input problems that did not stop the run.
  const DbTable& loader = run.table("warnings");
  if (!loader.rows.empty()) {
    total += static_cast<int>(loader.rows.size());
    body += "<h3><span class=\"warn\">input</span>: " +
            html_escape(fmt::format("Scenario warnings: values ignored or names unknown in the planning year "
                                    "({})", loader.rows.size())) +
            "</h3>\n<ul class=\"warnings\">\n";
    for (std::size_t i = 0; i < loader.rows.size(); ++i) body += "<li>" + html_escape(loader.at(i, "text")) + "</li>\n";
    body += "</ul>\n";
  }
  for (const auto& kind : kinds) {
    std::map<std::string, std::vector<std::string>> hours;  // instruction -> hour labels
    std::map<std::string, std::string> resource_of;
    for (std::size_t i = 0; i < h.rows.size(); ++i) {
      if (!has_flag(h.at(i, "flags"), kind.flag)) continue;
      hours[h.at(i, "instruction_id")].push_back(h.at(i, "hour_start").substr(0, 10) + " HE" + h.at(i, "he"));
      resource_of[h.at(i, "instruction_id")] = h.at(i, "resource_id");
    }
    if (hours.empty()) continue;
    std::size_t n = 0;
    for (const auto& [id, list] : hours) n += list.size();
    total += static_cast<int>(n);
    body += "<h3><span class=\"warn\">" + html_escape(kind.flag) + "</span>: " + html_escape(kind.what) +
            html_escape(fmt::format(" ({} hour(s))", n)) + "</h3>\n<ul class=\"warnings\">\n";
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
