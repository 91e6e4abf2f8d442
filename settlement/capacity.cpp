// Capacity payments (rules.md 4.9).
#include "capacity.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace drsim {

bool acp_disqualified_on(const Resource& r, const std::vector<Disqualification>& dq, Date day) {
  if (r.acp_disqualified_through && day <= *r.acp_disqualified_through) return true;
  for (const auto& d : dq) {
    if (d.from <= day && day < d.until && d.resource_id == r.id) return true;
  }
  return false;
}

std::vector<DateRange> disqualified_runs(const Resource& r, const std::vector<Disqualification>& dq, DateRange days) {
  std::vector<DateRange> runs;
  runs.reserve(dq.size() + 1);  // one allocation at most
  const auto add = [&](Date from, Date until) {
    from = std::max(from, days.begin);
    until = std::min(until, days.end);
    if (from < until) runs.push_back({from, until});
  };
  if (r.acp_disqualified_through) add(days.begin, *r.acp_disqualified_through + 1);
  for (const auto& d : dq) {
    if (d.resource_id == r.id) add(d.from, d.until);
  }
  const auto earlier = [](const DateRange& a, const DateRange& b) { return a.begin < b.begin; };
  if (!std::is_sorted(runs.begin(), runs.end(), earlier)) std::sort(runs.begin(), runs.end(), earlier);
  std::size_t kept = 0;
  for (const DateRange& run : runs) {
    if (kept > 0 && run.begin <= runs[kept - 1].end) {
      runs[kept - 1].end = std::max(runs[kept - 1].end, run.end);
    } else {
      runs[kept++] = run;
    }
  }
  runs.resize(kept);
  return runs;
}

std::vector<Disqualification> disqualifications_of(const Resource& r, const std::vector<Disqualification>& dq) {
  std::vector<Disqualification> mine;
  for (const auto& d : dq) {
    if (d.resource_id == r.id) mine.push_back(d);
  }
  return mine;
}

std::vector<std::vector<Disqualification>> disqualifications_by_resource(const std::vector<Resource>& resources,
                                                                         const std::vector<Disqualification>& dq) {
  std::vector<std::vector<Disqualification>> out(resources.size());
  if (dq.empty()) return out;
  std::unordered_map<std::string_view, std::vector<std::size_t>> positions;  // id -> every resource of it
  for (std::size_t i = 0; i < resources.size(); ++i) positions[resources[i].id].push_back(i);
  for (const auto& d : dq) {
    const auto it = positions.find(d.resource_id);
    if (it == positions.end()) continue;
    for (const std::size_t i : it->second) out[i].push_back(d);
  }
  return out;
}

std::optional<CapacityLine> capacity_line(const Market& s, const Resource& r, Season season,
                                          const std::vector<Disqualification>& mine, Explanation* why) {
  const auto& reg = at(r.seasons, season);
  if (!reg || !(reg->cleared_mw > Mw{})) return std::nullopt;
  const Zone* zone = s.find_zone(r.zone);
  CapacityLine line{r.id, s.planning_year, season, reg->cleared_mw, {}, 0, {}};
  if (zone != nullptr && at(zone->acp, season)) line.acp = *at(zone->acp, season);
  const DateRange days = season_range(s.planning_year, season);
  if (why) {
    why->add("4.9", "", "the season's market days, the end exclusive",
             {{"from", days.begin.str()}, {"until", days.end.str()}, {"cleared_mw", line.cleared_mw.value().str()},
              {"acp_usd_per_mw_day", line.acp.value().str()}, {"zone", r.zone}});
    if (r.acp_disqualified_through) {
      why->add("4.8", "", "disqualified from an earlier year, through this day inclusive",
               {{"acp_disqualified_through", r.acp_disqualified_through->str()}});
    }
    for (const auto& d : mine) {
      why->add("4.8", "disqualification_effective", "disqualified by this year's failures (the end exclusive)",
               {{"acp_stops_from", d.from.str()}, {"acp_resumes_on", d.until.str()}});
    }
  }
  if (!reg->excluded) {
    line.days_paid = days.days();
    for (const DateRange& run : disqualified_runs(r, mine, days)) line.days_paid -= run.days();
  } else if (why) {
    why->add("4.9", "", "the season's registration is excluded from ACP: no day is paid");
  }
  const ExactUsd exact = capacity_value(line.cleared_mw, line.acp, Decimal::from_int(line.days_paid));
  line.amount = round_to_cents(exact);
  if (why) {
    why->add("4.9", "", "capacity = cleared MW x ACP x days paid, rounded once to the cent",
             {{"cleared_mw", line.cleared_mw.value().str()}, {"acp_usd_per_mw_day", line.acp.value().str()},
              {"days_paid", std::to_string(line.days_paid)}, {"exact_usd", exact_usd_text(exact)},
              {"amount_usd", line.amount.str()}});
  }
  return line;
}

std::vector<CapacityLine> capacity_payments(const Market& s, const std::vector<Disqualification>& dq) {
  std::vector<CapacityLine> lines;
  const auto dq_of = disqualifications_by_resource(s.resources, dq);
  for (std::size_t i = 0; i < s.resources.size(); ++i) {
    for (Season season : kSeasons) {
      if (auto line = capacity_line(s, s.resources[i], season, dq_of[i])) lines.push_back(std::move(*line));
    }
  }
  return lines;
}

}  // namespace drsim
