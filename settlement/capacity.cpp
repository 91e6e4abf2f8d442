// Capacity payments (rules.md 4.9).
#include "capacity.hpp"

namespace drsim {

bool acp_disqualified_on(const Resource& r, const std::vector<Disqualification>& dq, Date day) {
  if (r.acp_disqualified_through && day <= *r.acp_disqualified_through) return true;
  for (const auto& d : dq) {
    if (d.resource_id == r.id && d.from <= day && day < d.until) return true;
  }
  return false;
}

std::vector<Disqualification> disqualifications_of(const Resource& r, const std::vector<Disqualification>& dq) {
  std::vector<Disqualification> mine;
  for (const auto& d : dq) {
    if (d.resource_id == r.id) mine.push_back(d);
  }
  return mine;
}

std::vector<CapacityLine> capacity_payments(const Market& s, const std::vector<Disqualification>& dq) {
  std::vector<CapacityLine> lines;
  for (const auto& r : s.resources) {
    const Zone* zone = s.find_zone(r.zone);
    const auto mine = disqualifications_of(r, dq);
    for (Season season : kSeasons) {
      const auto& reg = at(r.seasons, season);
      if (!reg || !(reg->cleared_mw > Mw{})) continue;
      CapacityLine line{r.id, s.planning_year, season, reg->cleared_mw, {}, 0, {}};
      if (zone != nullptr && at(zone->acp, season)) line.acp = *at(zone->acp, season);
      if (!reg->excluded) {
        const DateRange days = season_range(s.planning_year, season);
        for (Date d = days.begin; d < days.end; d = d + 1) {
          if (!acp_disqualified_on(r, mine, d)) ++line.days_paid;
        }
      }
      line.amount = round_to_cents(capacity_value(line.cleared_mw, line.acp, Decimal::from_int(line.days_paid)));
      lines.push_back(line);
    }
  }
  return lines;
}

}  // namespace drsim
