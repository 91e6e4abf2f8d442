// Look-ups on the market model.
#include "market.hpp"

#include <algorithm>

namespace drsim {

std::string_view name(ResourceType t) { return t == ResourceType::dr ? "DR" : "BTMG"; }

std::string_view name(Protocol p) {
  switch (p) {
    case Protocol::baseline: return "baseline";
    case Protocol::firm_service_level: return "firm_service_level";
    case Protocol::metered_generation: return "metered_generation";
  }
  return "?";
}

std::string_view name(OutageReason r) {
  switch (r) {
    case OutageReason::maintenance: return "maintenance";
    case OutageReason::force_majeure: return "force_majeure";
    case OutageReason::forced: return "forced";
  }
  return "?";
}

Mw Instruction::mw_in_map(MarketTime hour) const {
  auto it = mw_by_hour.find(hour);
  return it == mw_by_hour.end() ? Mw{} : it->second;
}

const Mw* AdvancedReport::target_at_map(MarketTime hour) const {
  const auto it = target_mw_by_hour.find(hour);
  return it == target_mw_by_hour.end() ? nullptr : &it->second;
}

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Resource* Market::find_resource(const std::string& id) const { return find_by_id(resources, id); }
const Zone* Market::find_zone(const std::string& id) const { return find_by_id(zones, id); }
const Emergency* Market::find_emergency(const std::string& id) const { return find_by_id(emergencies, id); }
const Instruction* Market::find_instruction(const std::string& id) const { return find_by_id(instructions, id); }

std::optional<UsdPerMwh> Market::rsg_at(MarketTime hour) const {
  if (rsg_flat) return rsg_flat;
  return rsg.get("", hour);
}

}  // namespace drsim
