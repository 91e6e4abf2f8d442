// Capacity payments (rules.md 4.9).
#include "capacity.hpp"

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

std::vector<CapacityLine> capacity_payments(const Market& s, const std::vector<Disqualification>& dq) {
  std::vector<CapacityLine> lines;
  const auto dq_of = disqualifications_by_resource(s.resources, dq);
  for (std::size_t i = 0; i < s.resources.size(); ++i) {
    const Resource& r = s.resources[i];
    const Zone* zone = s.find_zone(r.zone);
    const auto& mine = dq_of[i];
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
