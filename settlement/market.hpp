// The market model: the market, its resources, registrations, rules, events and typed hourly
// series, as pure values. It knows nothing of files: scenarios/scenario.hpp's Scenario adds
// where each entity was written. scenarios/ fills it; sim/ and settlement/ only read it.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "market_time.hpp"
#include "money.hpp"
#include "rules.hpp"
#include "units.hpp"

namespace drsim {

template <class T>
using BySeason = std::array<std::optional<T>, 4>;  // indexed by Season

template <class T>
const std::optional<T>& at(const BySeason<T>& s, Season season) {
  return s[static_cast<std::size_t>(season)];
}

enum class ResourceType { dr, btmg };
enum class Protocol { baseline, firm_service_level, metered_generation };
enum class OutageReason { maintenance, force_majeure, forced };
enum class NonPerformance { max_hourly, none };

std::string_view name(ResourceType t);
std::string_view name(Protocol p);
std::string_view name(OutageReason r);

// A resource's registration for one season of the planning year (rules.md 2).
struct SeasonRegistration {
  Mw cleared_mw;
  Mw frap_mw;
  Decimal notification_h;      // hours, at most 12
  int max_interruptions = 0;   // deployments per season
  Decimal max_duration_h;      // hours per interruption
  std::uint16_t months = 0;    // bit m set when month m (1..12) is available
  bool excluded = false;
  bool has_month(int m) const { return (months >> m) & 1U; }
};

struct Resource {
  std::string id;
  ResourceType type = ResourceType::dr;
  std::string mp;
  std::string lba;
  std::string zone;
  std::string cpnode;
  Protocol protocol = Protocol::baseline;
  std::optional<Mw> fsl_mw;
  bool tested = true;
  std::optional<Date> acp_disqualified_through;
  BySeason<SeasonRegistration> seasons;
};

struct Zone {
  std::string id;
  BySeason<UsdPerMwDay> acp;  // $/MW-day
};

struct Participant {
  std::string id;
  bool certified = false;
};

struct Lse {
  std::string id;
  std::string lba;
  std::optional<Decimal> load_ratio_share;
};

struct Emergency {
  std::string id;
  std::vector<std::string> lbas;
  std::string level;
  MarketTime start;
  MarketTime end;
};

struct Instruction {
  std::string id;
  std::string emergency;
  std::string resource;
  MarketTime issued;
  MarketTime start;
  MarketTime end;
  std::optional<Mw> mw;                   // flat MW
  std::map<MarketTime, Mw> mw_by_hour;    // or MW by hour start
  bool acknowledged = true;
  std::optional<MarketTime> withdrawn;
  // Instructed MW in the hour starting at `hour` (0 where a by-hour map omits it).
  Mw mw_in(MarketTime hour) const { return mw ? *mw : mw_in_map(hour); }

 private:
  Mw mw_in_map(MarketTime hour) const;
};

struct AdvancedReport {
  std::string instruction;
  MarketTime entered;
  std::optional<Mw> target_mw;
  std::map<MarketTime, Mw> target_mw_by_hour;
  // The reported target in the hour starting at `hour`, or nothing when left out.
  std::optional<Mw> target_in(MarketTime hour) const {
    const Mw* v = target_at(hour);
    return v ? std::optional<Mw>(*v) : std::nullopt;
  }
  // The same as a pointer to the MW held here (null when left out): no optional copied.
  const Mw* target_at(MarketTime hour) const { return target_mw ? &*target_mw : target_at_map(hour); }

 private:
  const Mw* target_at_map(MarketTime hour) const;
};

struct Availability {
  std::string resource;
  MarketTime start;
  MarketTime end;
  Mw available_mw;
  std::optional<Mw> self_scheduled_mw;
};

struct Outage {
  std::string resource;
  MarketTime start;
  MarketTime end;
  OutageReason reason = OutageReason::forced;
};

struct EoConfig {
  std::string mp;
  std::string zone;
  Decimal share = Decimal::from_int(1);
  NonPerformance nonperformance = NonPerformance::max_hourly;
  std::optional<Money> cap_usd;
  std::optional<BySeason<Mw>> cleared_mw;
};

// An hourly series of one unit (UsdPerMwh, Mw, Mwh) keyed by an id (cpnode, resource, lse)
// and the hour's start. Each key's hours are one sorted vector: a look-up is a binary search
// in contiguous memory, and rows set in time order (as files and trials give them) append.
template <class T>
class HourlySeries {
 public:
  // One key's hours: (start in seconds, value), sorted by start, each start once.
  using Hours = std::vector<std::pair<std::int64_t, T>>;
  using Map = std::unordered_map<std::string, Hours>;
  // Sets (or replaces) the value of the key's hour.
  void set(const std::string& key, MarketTime hour, T value) {
    Hours& h = data_[key];
    const std::int64_t at = hour.seconds();
    if (h.empty() || h.back().first < at) {
      h.emplace_back(at, value);
      return;
    }
    auto it = lower(h, at);
    if (it != h.end() && it->first == at) it->second = value;
    else h.insert(it, {at, value});
  }
  std::optional<T> get(const std::string& key, MarketTime hour) const {
    auto k = data_.find(key);
    if (k == data_.end()) return std::nullopt;
    return value_in(k->second, hour);
  }
  // The hours of a key, or null: found once, then read by value_in() for each hour.
  const Hours* hours_of(const std::string& key) const {
    auto k = data_.find(key);
    return k == data_.end() ? nullptr : &k->second;
  }
  static std::optional<T> value_in(const Hours& h, MarketTime hour) {
    const std::int64_t at = hour.seconds();
    auto it = lower(h, at);
    if (it == h.end() || it->first != at) return std::nullopt;
    return it->second;
  }
  bool has_key(const std::string& key) const { return data_.count(key) != 0; }
  std::size_t hours() const {
    std::size_t n = 0;
    for (const auto& [k, v] : data_) n += v.size();
    return n;
  }
  bool empty() const { return data_.empty(); }
  const Map& data() const { return data_; }

 private:
  template <class V>
  static auto lower(V& h, std::int64_t at) {
    return std::lower_bound(h.begin(), h.end(), at, [](const auto& e, std::int64_t t) { return e.first < t; });
  }
  Map data_;
};

// The market of one planning year: what settlement and the simulator read.
struct Market {
  std::string name;
  int planning_year = 0;
  Rules rules;
  std::vector<Zone> zones;
  std::vector<Participant> participants;
  std::vector<std::string> lbas;
  std::vector<Lse> lses;
  std::vector<Resource> resources;
  std::vector<Emergency> emergencies;
  std::vector<Instruction> instructions;
  std::vector<AdvancedReport> advanced_reporting;
  std::vector<Availability> availability;
  std::vector<Outage> outages;
  HourlySeries<UsdPerMwh> lmp;       // key: cpnode
  HourlySeries<UsdPerMwh> rsg;       // key: ""
  std::optional<UsdPerMwh> rsg_flat; // flat RSG rate
  HourlySeries<Mw> baseline;         // key: resource
  HourlySeries<Mwh> lse_load;        // key: lse
  std::vector<EoConfig> eo;

  const Resource* find_resource(const std::string& id) const;
  const Zone* find_zone(const std::string& id) const;
  const Emergency* find_emergency(const std::string& id) const;
  const Instruction* find_instruction(const std::string& id) const;
  std::optional<UsdPerMwh> rsg_at(MarketTime hour) const;
};

}  // namespace drsim
