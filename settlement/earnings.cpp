// Earnings opportunity (rules.md 5).
#include "earnings.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "capacity.hpp"

namespace drsim {

namespace {

// One charged shortfall of the entry's resources: its hour (seconds), MW and season.
struct SeasonedShortfall {
  std::int64_t hour;
  Mw shortfall;
  SeasonKey season;
};

// The charged shortfalls of `resources`, each with its season, found once for all seasons
// (a hash set of the ids: no search of the portfolio per charged hour).
std::vector<SeasonedShortfall> shortfalls_of(const std::vector<ChargedShortfall>& charged,
                                             const std::vector<std::string>& resources) {
  const std::unordered_set<std::string_view> mine(resources.begin(), resources.end());
  std::vector<SeasonedShortfall> out;
  // Charged hours come in runs of one resource and one day: each looked up once per run.
  std::string_view last_id;  // the run's id (by address: a run shares one id's storage)
  bool last_mine = false;
  std::optional<Date> last_day;
  SeasonKey last_season;
  for (const auto& c : charged) {
    if (c.resource_id.data() != last_id.data() || c.resource_id.size() != last_id.size()) {
      last_id = c.resource_id;
      last_mine = mine.contains(c.resource_id);
    }
    if (!last_mine) continue;
    const Date day = c.hour.date();
    if (day != last_day) {
      last_day = day;
      last_season = season_key(day);
    }
    out.push_back({c.hour.seconds(), c.shortfall, last_season});
  }
  return out;
}

// The largest sum over one hour of the season: the hours' sums by sorting, no tree node per
// hour (MW sums are exact, so the order of adding is free).
Mw max_hourly_in(const std::vector<SeasonedShortfall>& shortfalls, SeasonKey season,
                 std::optional<std::int64_t>* worst_hour = nullptr) {
  // The season's hours as a dense table (a season has at most 92 x 24 hours), summed in one
  // pass; hours not on the hour (never a settlement hour, but possible in a test) go by sorting.
  const DateRange days = season_range(season.planning_year, season.season);
  const std::int64_t first = MarketTime::at(days.begin).seconds();
  const auto hours = static_cast<std::size_t>(days.days()) * 24;
  std::vector<Mw> sum(hours);
  std::vector<char> seen(hours, 0);
  std::vector<std::pair<std::int64_t, Mw>> odd;
  for (const auto& c : shortfalls) {
    if (c.season != season) continue;
    const std::int64_t offset = c.hour - first;
    if (offset >= 0 && offset % 3600 == 0 && static_cast<std::size_t>(offset / 3600) < hours) {
      const auto h = static_cast<std::size_t>(offset / 3600);
      sum[h] += c.shortfall;
      seen[h] = 1;
    } else {
      odd.emplace_back(c.hour, c.shortfall);
    }
  }
  for (std::size_t h = 0; h < hours; ++h) {
    if (seen[h]) odd.emplace_back(first + static_cast<std::int64_t>(h) * 3600, sum[h]);
  }
  std::sort(odd.begin(), odd.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Mw worst;
  for (std::size_t i = 0; i < odd.size();) {
    Mw total;
    const std::int64_t hour = odd[i].first;
    for (; i < odd.size() && odd[i].first == hour; ++i) total += odd[i].second;
    if (worst_hour && (!*worst_hour || worst < total)) *worst_hour = hour;
    worst = max(worst, total);
  }
  return worst;
}

}  // namespace

Mw max_hourly_nonperformance(const std::vector<ChargedShortfall>& charged,
                             const std::vector<std::string>& resources, SeasonKey season) {
  return max_hourly_in(shortfalls_of(charged, resources), season);
}

EoResult earnings_opportunity(const Market& s, const EoConfig& eo, const std::vector<Disqualification>& dq,
                              const std::vector<ChargedShortfall>& charged, Explanation* why,
                              std::optional<Season> explained) {
  EoResult out;
  const Zone* zone = s.find_zone(eo.zone);
  std::vector<const Resource*> mine;
  std::vector<std::vector<Disqualification>> mine_dq;  // per resource of `mine`
  std::vector<std::string> ids;
  // The entry's zone selects its resources (rules.md 5 v1.2): an LMR of the MP in another zone
  // belongs to an entry for that zone, priced at that zone's ACP, and counts in neither figure here.
  const auto dq_of = disqualifications_by_resource(s.resources, dq);
  for (std::size_t i = 0; i < s.resources.size(); ++i) {
    const Resource& r = s.resources[i];
    if (r.mp == eo.mp && r.zone == eo.zone) {
      mine.push_back(&r);
      mine_dq.push_back(dq_of[i]);
      ids.push_back(r.id);
    }
  }
  const std::vector<SeasonedShortfall> shortfalls =
      eo.nonperformance == NonPerformance::max_hourly ? shortfalls_of(charged, ids) : std::vector<SeasonedShortfall>{};
  Money sum;
  for (Season season : kSeasons) {
    EoLine line;
    line.mp_id = eo.mp;
    line.season = season;
    if (zone != nullptr && at(zone->acp, season)) line.acp = *at(zone->acp, season);
    const SeasonKey key{s.planning_year, season};
    Explanation* w = why && explained == season ? why : nullptr;
    std::optional<std::int64_t> worst_hour;
    line.nonperformance_mw = eo.nonperformance == NonPerformance::max_hourly
                                 ? max_hourly_in(shortfalls, key, &worst_hour) : Mw{};
    if (w) {
      std::string list;
      for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
      w->add("5", "", "the MP's LMRs in the entry's zone",
             {{"mp", eo.mp}, {"zone", eo.zone}, {"resources", list.empty() ? "none" : list},
              {"share", eo.share.str()}, {"acp_usd_per_mw_day", line.acp.value().str()}});
      w->add("5", "",
             eo.nonperformance == NonPerformance::max_hourly
                 ? "NonPerfMW = the largest sum over one hour of the season of the charged shortfall MW"
                 : "nonperformance: none (NonPerfMW = 0)",
             {{"nonperformance_mw", line.nonperformance_mw.value().str()},
              {"hour", worst_hour ? MarketTime::from_seconds(*worst_hour).str() : "none"}});
    }
    const DateRange days = season_range(s.planning_year, season);
    const std::optional<Mw> fixed = eo.cleared_mw ? at(*eo.cleared_mw, season) : std::nullopt;
    for (const Resource* r : mine) {
      const auto& reg = at(r->seasons, season);
      if (reg && !reg->excluded) line.cleared_mw += reg->cleared_mw;
    }
    if (fixed) line.cleared_mw = *fixed;
    // ClearedMW by day, as runs of days with the same MW (for the explanation only).
    std::vector<std::pair<Date, Mw>> runs;
    // Bounds (rules.md 1a v1.2): with at most 1e6 resources (one YAML node each at least) of at
    // most 1e5 MW, `cleared`, line.cleared_mw and the hourly sums of shortfall (at most 3.2e5 MW
    // each) stay below 3.2e11 MW, inside Decimal's 9.2e12; the day sums go to WideDecimal.
    // ClearedMW(s, d): the MW of every LMR not excluded, less that of each on the days of its
    // disqualified runs (a difference array over the season's days: no look-up per day).
    Mw all;
    std::vector<Mw> drop(static_cast<std::size_t>(days.days()) + 1);
    for (std::size_t i = 0; i < mine.size() && !fixed; ++i) {
      const auto& reg = at(mine[i]->seasons, season);
      if (!reg || reg->excluded) continue;
      all += reg->cleared_mw;
      for (const DateRange& run : disqualified_runs(*mine[i], mine_dq[i], days)) {
        drop[static_cast<std::size_t>(run.begin - days.begin)] += reg->cleared_mw;
        Mw& back = drop[static_cast<std::size_t>(run.end - days.begin)];
        back = back - reg->cleared_mw;
      }
    }
    Mw dropped;
    for (Date d = days.begin; d < days.end; d = d + 1) {
      dropped += drop[static_cast<std::size_t>(d - days.begin)];
      const Mw cleared = fixed ? *fixed : all - dropped;
      if (w && (runs.empty() || runs.back().second != cleared)) runs.emplace_back(d, cleared);
      line.mw_days_before += cleared.value();
      line.mw_days_after += max(cleared - line.nonperformance_mw, Mw{}).value();
    }
    const ExactUsd before = ExactUsd::product(eo.share, line.acp.value(), line.mw_days_before);
    const ExactUsd after = ExactUsd::product(eo.share, line.acp.value(), line.mw_days_after);
    line.eo_before = round_to_cents(before);
    line.eo = round_to_cents(after);
    line.adjustment = line.eo - line.eo_before;
    if (w) {
      for (std::size_t k = 0; k < runs.size(); ++k) {
        const Date until = k + 1 < runs.size() ? runs[k + 1].first : days.end;
        w->add("5", "", fixed ? "ClearedMW: the entry's fixed cleared MW" : "ClearedMW: the cleared MW of the LMRs not disqualified that day",
               {{"from", runs[k].first.str()}, {"until", until.str()}, {"cleared_mw", runs[k].second.value().str()}});
      }
      w->add("5", "", "MW-days before = sum of ClearedMW; after = sum of max(ClearedMW - NonPerfMW, 0)",
             {{"mw_days_before", line.mw_days_before.str()}, {"mw_days_after", line.mw_days_after.str()}});
      w->add("5", "", "EO = share x ACP x MW-days, each rounded once to the cent; adjustment = after - before",
             {{"eo_before_exact_usd", exact_usd_text(before)}, {"eo_before_usd", line.eo_before.str()},
              {"eo_exact_usd", exact_usd_text(after)}, {"eo_usd", line.eo.str()},
              {"adjustment_usd", line.adjustment.str()}});
    }
    sum += line.eo;
    out.lines.push_back(line);
  }
  out.total = eo.cap_usd && *eo.cap_usd < sum ? *eo.cap_usd : sum;
  return out;
}

}  // namespace drsim
