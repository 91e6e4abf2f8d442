// report.html: failed occasions and disqualifications, capacity payments, EO and allocation.
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "reports/html_escape.hpp"
#include "reports/html_report_sections.hpp"
#include "reports/html_table.hpp"
#include "settlement/calendar.hpp"
#include "settlement/money.hpp"

namespace drsim::reports::html {

namespace {

std::string rule_value(const RunTables& run, const std::string& key) {
  const DbTable& r = run.table("rules");
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    if (r.at(i, "key") == key) return r.at(i, "value");
  }
  return "";
}

// The effective end of an instruction's window: a withdrawal at or after its start cuts it (rules.md 3.2).
std::optional<MarketTime> effective_end(const RunTables& run, const std::string& instruction_id) {
  const DbTable& ins = run.table("instructions");
  for (std::size_t i = 0; i < ins.rows.size(); ++i) {
    if (ins.at(i, "id") != instruction_id) continue;
    const auto start = time_or_none(ins.at(i, "start"));
    const auto end = time_or_none(ins.at(i, "end"));
    const auto withdrawn = time_or_none(ins.at(i, "withdrawn"));
    if (start && end && withdrawn && *withdrawn >= *start && *withdrawn < *end) return withdrawn;
    return end;
  }
  return std::nullopt;
}

std::string hours_between(MarketTime a, MarketTime b) { return Decimal::ratio((b - a).in_seconds(), 3600).str(); }

}  // namespace

std::string failures_section(const RunTables& run) {
  const DbTable& f = run.table("failures");
  const DbTable& dq = run.table("disqualifications");
  const std::string separation = rule_value(run, "failure_separation_h");
  const std::string basis = rule_value(run, "failure_separation_basis");
  std::string body = "<p>" +
                     html_escape(fmt::format(
                         "A failed occasion is an instruction with a charged shortfall in an hour that counts "
                         "(rules.md 4.8). Per resource and season the first is counted; a later one is counted when "
                         "it starts at least {} h after the {} of the last counted one ({}). The second counted "
                         "failure of a season stops ACP payments.",
                         separation, basis == "end_to_start" ? "end" : "start", basis)) +
                     "</p>\n";
  if (f.rows.empty()) return section("failures", "Failures and disqualifications", body + "<p class=\"empty\">No failed occasions.</p>\n");

  // Group by resource, planning year and season, each in order of start then instruction id.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    groups[{f.at(i, "resource_id"), f.at(i, "planning_year"), f.at(i, "season")}].push_back(i);
  }
  HtmlTable table({"resource", "planning year", "season", "instruction", "start", "counted", "disqualifies", "why"},
                  {false, false, false, false, false, false, false, false});
  for (auto& [key, rows] : groups) {
    std::stable_sort(rows.begin(), rows.end(), [&f](std::size_t a, std::size_t b) {
      return std::tie(f.at(a, "start"), f.at(a, "instruction_id")) < std::tie(f.at(b, "start"), f.at(b, "instruction_id"));
    });
    std::optional<std::size_t> last_counted;
    int counted = 0;
    for (std::size_t r : rows) {
      const bool is_counted = f.at(r, "counted") == "1";
      const bool disq = f.at(r, "disqualified") == "1";
      std::string why;
      const auto start = time_or_none(f.at(r, "start"));
      std::optional<MarketTime> from;
      if (last_counted) {
        from = basis == "end_to_start" ? effective_end(run, f.at(*last_counted, "instruction_id"))
                                       : time_or_none(f.at(*last_counted, "start"));
      }
      if (!last_counted) {
        why = "first failed occasion of the season";
      } else if (start && from) {
        why = fmt::format("starts {} h after the {} of counted failure {} ({} {} h)", hours_between(*from, *start),
                          basis == "end_to_start" ? "end" : "start", f.at(*last_counted, "instruction_id"),
                          is_counted ? "at least" : "less than", separation);
      }
      if (is_counted) {
        ++counted;
        last_counted = r;
        if (disq) {
          for (std::size_t d = 0; d < dq.rows.size(); ++d) {
            if (dq.at(d, "resource_id") == f.at(r, "resource_id")) {
              why += fmt::format("; second counted failure: ACP stops from {} until {}", dq.at(d, "acp_stops_from"),
                                 dq.at(d, "acp_resumes_on"));
            }
          }
        } else if (counted > 2) {
          why += "; changes nothing more (already disqualified)";
        }
      } else {
        why += "; penalized, not counted";
      }
      table.add({f.at(r, "resource_id"), py_text(f.at(r, "planning_year")), f.at(r, "season"), f.at(r, "instruction_id"),
                 f.at(r, "start"), is_counted ? "yes" : "no", disq ? "yes" : "", why},
                disq ? "disqualified" : (is_counted ? "counted" : ""));
    }
  }
  TableControls controls;
  controls.id = "failure-list";
  controls.key_column = 0;
  controls.print_all = true;  // part of the statement
  HtmlTable dtable({"resource", "ACP stops from", "ACP resumes on (exclusive)"}, {false, false, false});
  for (std::size_t d = 0; d < dq.rows.size(); ++d) {
    dtable.add({dq.at(d, "resource_id"), dq.at(d, "acp_stops_from"), dq.at(d, "acp_resumes_on")}, "disqualified");
  }
  TableControls dcontrols = controls;
  dcontrols.id = "disqualification-list";
  // Disqualifications first: they stop payments; the occasions behind them follow.
  body += dtable.empty() ? "<p>No ACP disqualification from this planning year's failures.</p>\n"
                         : dtable.html(dcontrols, fmt::format("ACP disqualifications ({}; market days, end "
                                                              "exclusive: ACP is paid again from the resume date)",
                                                              plural(dtable.size(), "resource")));
  body += table.html(controls, fmt::format("Failed occasions by resource and season ({})",
                                           plural(table.size(), "occasion")));
  return section("failures", "Failures and disqualifications", body);
}

namespace {
TableControls capacity_controls() {
  TableControls controls;
  controls.id = "capacity-lines";
  controls.key_column = 0;
  controls.rows_as_data = true;  // detail: capacity.csv has the same lines
  return controls;
}
}  // namespace

std::string capacity_section(const RunTables& run) {
  const DbTable& c = run.table("capacity");
  if (c.rows.empty()) return section("capacity", "Capacity payments", "<p class=\"empty\">No cleared MW.</p>\n");
  HtmlTable table({"resource", "season", "cleared MW", "ACP $/MW-day", "days in season", "days paid", "amount $"},
                  {false, false, true, true, true, true, true});
  std::map<std::string, Money> by_season;
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    std::string days = "";
    const auto season = parse_season(c.at(i, "season"));
    if (season && !c.at(i, "planning_year").empty()) days = std::to_string(season_days(std::stoi(c.at(i, "planning_year")), *season));
    by_season[c.at(i, "season")] += money_of(c.at(i, "amount_usd"));
    table.add({c.at(i, "resource_id"), c.at(i, "season"), grouped(c.at(i, "cleared_mw")),
               price_text(c.at(i, "acp_usd_per_mw_day")), days, c.at(i, "days_paid"), money_text(c.at(i, "amount_usd"))},
              days != c.at(i, "days_paid") ? "disqualified" : "");
  }
  HtmlTable seasons({"season", "capacity $"}, {false, true});
  for (Season s : kSeasons) {
    const auto it = by_season.find(std::string(name(s)));
    if (it != by_season.end()) seasons.add({std::string(name(s)), money_text(it->second)});
  }
  return section("capacity", "Capacity payments",
                 "<p>Cleared MW x ACP x days paid, per resource and season, rounded per line (rules.md 4.9). Rows "
                 "with fewer days paid than days in the season are tinted (ACP disqualification or exclusion).</p>\n" +
                     seasons.html("By season") + table.html(capacity_controls(), "By resource and season"));
}

std::string eo_section(const RunTables& run) {
  const DbTable& e = run.table("eo");
  if (e.rows.empty()) return section("eo", "Earnings opportunity", "<p class=\"empty\">The scenario has no eo: entries.</p>\n");
  HtmlTable table({"utility (MP)", "season", "ACP $/MW-day", "cleared MW", "non-performance MW", "MW-days before",
                   "MW-days after", "EO before $", "adjustment $", "EO after $"},
                  {false, false, true, true, true, true, true, true, true, true});
  Money before;
  Money after;
  for (std::size_t i = 0; i < e.rows.size(); ++i) {
    before += money_of(e.at(i, "eo_before_usd"));
    after += money_of(e.at(i, "eo_usd"));
    table.add({e.at(i, "mp_id"), e.at(i, "season"), price_text(e.at(i, "acp_usd_per_mw_day")), grouped(e.at(i, "cleared_mw")),
               grouped(e.at(i, "nonperformance_mw")), e.has("mw_days_before") ? grouped(e.at(i, "mw_days_before")) : "",
               e.has("mw_days_after") ? grouped(e.at(i, "mw_days_after")) : "", money_text(e.at(i, "eo_before_usd")),
               money_text(e.at(i, "adjustment_usd")), money_text(e.at(i, "eo_usd"))},
              e.at(i, "adjustment_usd") != "0.00" ? "charged" : "");
  }
  const std::string total = run.summary("eo_usd");
  std::string body = "<p>" +
                     html_escape(fmt::format(
                         "EO(s) = share x ACP(s) x sum over the season's days of max(ClearedMW(s,d) - NonPerfMW(s), 0) "
                         "(rules.md 5). Before adjustment: ${}; after: ${}; EO of the year: ${}{}. The workbook eo.xlsx "
                         "holds the same computation as live formulas.",
                         money_text(before), money_text(after), money_text(total),
                         money_of(total) < after ? " (capped)" : "")) +
                     "</p>\n";
  return section("eo", "Earnings opportunity", body + table.html(TableControls{.id = "eo-lines", .print_all = true}));
}

std::string allocation_section(const RunTables& run) {
  const DbTable& a = run.table("allocation");
  const DbTable& shares = run.table("allocation_shares");
  if (a.rows.empty()) return section("allocation", "Allocation of penalty revenue", "<p class=\"empty\">Nothing allocated.</p>\n");
  std::map<std::string, std::pair<int, int>> hours;  // lse -> (hour shares, from static shares)
  for (std::size_t i = 0; i < shares.rows.size(); ++i) {
    auto& h = hours[shares.at(i, "lse_id")];
    ++h.first;
    h.second += shares.at(i, "static_share") == "1";
  }
  HtmlTable table({"LSE", "amount $", "instruction-hours", "of which on static shares"}, {false, true, true, true});
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    const auto& h = hours[a.at(i, "lse_id")];
    table.add({a.at(i, "lse_id"), money_text(a.at(i, "amount_usd")), grouped(std::to_string(h.first)),
               grouped(std::to_string(h.second))});
  }
  return section("allocation", "Allocation of penalty revenue",
                 "<p>Each instruction-hour's charges go to the LSEs of its emergency's LBAs by load ratio share, "
                 "cents split by largest remainder (rules.md 4.10).</p>\n" +
                     table.html(TableControls{.id = "allocation-list", .print_all = true}));
}

}  // namespace drsim::reports::html
