// Earnings opportunity (rules.md 5).
#include "earnings.hpp"

#include <algorithm>
#include <map>

#include "capacity.hpp"

namespace drsim {

Mw max_hourly_nonperformance(const std::vector<ChargedShortfall>& charged,
                             const std::vector<std::string>& resources, SeasonKey season) {
  std::map<MarketTime, Mw> by_hour;
  for (const auto& c : charged) {
    if (season_key(c.hour.date()) != season) continue;
    if (std::find(resources.begin(), resources.end(), c.resource_id) == resources.end()) continue;
    by_hour[c.hour] += c.shortfall;
  }
  Mw worst;
  for (const auto& [hour, mw] : by_hour) worst = max(worst, mw);
  return worst;
}

EoResult earnings_opportunity(const Market& s, const EoConfig& eo, const std::vector<Disqualification>& dq,
                              const std::vector<ChargedShortfall>& charged) {
  EoResult out;
  const Zone* zone = s.find_zone(eo.zone);
  std::vector<const Resource*> mine;
  std::vector<std::vector<Disqualification>> mine_dq;  // per resource of `mine`
  std::vector<std::string> ids;
  // The entry's zone selects its resources (rules.md 5 v1.2): an LMR of the MP in another zone
  // belongs to an entry for that zone, priced at that zone's ACP, and counts in neither figure here.
  for (const auto& r : s.resources) {
    if (r.mp == eo.mp && r.zone == eo.zone) {
      mine.push_back(&r);
      mine_dq.push_back(disqualifications_of(r, dq));
      ids.push_back(r.id);
    }
  }
  Money sum;
  for (Season season : kSeasons) {
    EoLine line;
    line.mp_id = eo.mp;
    line.season = season;
    if (zone != nullptr && at(zone->acp, season)) line.acp = *at(zone->acp, season);
    const SeasonKey key{s.planning_year, season};
    line.nonperformance_mw = eo.nonperformance == NonPerformance::max_hourly
                                 ? max_hourly_nonperformance(charged, ids, key) : Mw{};
    const DateRange days = season_range(s.planning_year, season);
    const std::optional<Mw> fixed = eo.cleared_mw ? at(*eo.cleared_mw, season) : std::nullopt;
    for (const Resource* r : mine) {
      const auto& reg = at(r->seasons, season);
      if (reg && !reg->excluded) line.cleared_mw += reg->cleared_mw;
    }
    if (fixed) line.cleared_mw = *fixed;
    // Bounds (rules.md 1a v1.2): with at most 1e6 resources (one YAML node each at least) of at
    // most 1e5 MW, `cleared`, line.cleared_mw and the hourly sums of shortfall (at most 3.2e5 MW
    // each) stay below 3.2e11 MW, inside Decimal's 9.2e12; the day sums go to WideDecimal.
    for (Date d = days.begin; d < days.end; d = d + 1) {
      Mw cleared;
      if (fixed) {
        cleared = *fixed;
      } else {
        for (std::size_t i = 0; i < mine.size(); ++i) {
          const auto& reg = at(mine[i]->seasons, season);
          if (reg && !reg->excluded && !acp_disqualified_on(*mine[i], mine_dq[i], d)) cleared += reg->cleared_mw;
        }
      }
      line.mw_days_before += cleared.value();
      line.mw_days_after += max(cleared - line.nonperformance_mw, Mw{}).value();
    }
    line.eo_before = round_to_cents(ExactUsd::product(eo.share, line.acp.value(), line.mw_days_before));
    line.eo = round_to_cents(ExactUsd::product(eo.share, line.acp.value(), line.mw_days_after));
    line.adjustment = line.eo - line.eo_before;
    sum += line.eo;
    out.lines.push_back(line);
  }
  out.total = eo.cap_usd && *eo.cap_usd < sum ? *eo.cap_usd : sum;
  return out;
}

}  // namespace drsim
