// The scenario model: the market, its resources and what happened, as pure values.
// scenarios/ fills it from a YAML file; sim/ and settlement/ only read it.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "exposure_model.hpp"
#include "market_time.hpp"
#include "money.hpp"
#include "problem.hpp"
#include "rules.hpp"
#include "units.hpp"

namespace drsim {

// Where an entity was written: 1-based line and column in the scenario file.
struct Mark {
  int line = 0;
  int column = 0;
};

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
  Mark mark;
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
  Mark mark;
};

struct Zone {
  std::string id;
  BySeason<UsdPerMwDay> acp;  // $/MW-day
  Mark mark;
};

struct Participant {
  std::string id;
  bool certified = false;
  Mark mark;
};

struct Lse {
  std::string id;
  std::string lba;
  std::optional<Decimal> load_ratio_share;
  Mark mark;
};

struct Emergency {
  std::string id;
  std::vector<std::string> lbas;
  std::string level;
  MarketTime start;
  MarketTime end;
  Mark mark;
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
  Mark mark;
  // Instructed MW in the hour starting at `hour` (0 where a by-hour map omits it).
  Mw mw_in(MarketTime hour) const;
};

struct AdvancedReport {
  std::string instruction;
  MarketTime entered;
  std::optional<Mw> target_mw;
  std::map<MarketTime, Mw> target_mw_by_hour;
  Mark mark;
  // The reported target in the hour starting at `hour`, or nothing when left out.
  std::optional<Mw> target_in(MarketTime hour) const;
};

struct Availability {
  std::string resource;
  MarketTime start;
  MarketTime end;
  Mw available_mw;
  std::optional<Mw> self_scheduled_mw;
  Mark mark;
};

struct Outage {
  std::string resource;
  MarketTime start;
  MarketTime end;
  OutageReason reason = OutageReason::forced;
  Mark mark;
};

struct EoConfig {
  std::string mp;
  std::string zone;
  Decimal share = Decimal::from_int(1);
  NonPerformance nonperformance = NonPerformance::max_hourly;
  std::optional<Money> cap_usd;
  std::optional<BySeason<Mw>> cleared_mw;
  Mark mark;
};

// An hourly series keyed by an id (cpnode, resource, lse) and the hour's start.
class HourlySeries {
 public:
  void set(const std::string& key, MarketTime hour, Decimal value) { data_[key][hour.seconds()] = value; }
  std::optional<Decimal> get(const std::string& key, MarketTime hour) const;
  bool has_key(const std::string& key) const { return data_.count(key) != 0; }
  std::size_t hours() const;
  bool empty() const { return data_.empty(); }
  const std::unordered_map<std::string, std::unordered_map<std::int64_t, Decimal>>& data() const { return data_; }

 private:
  std::unordered_map<std::string, std::unordered_map<std::int64_t, Decimal>> data_;
};

// One meter interval (rules.md 2): MW averaged over [start, start + minutes).
struct MeterRow {
  std::string resource;
  MarketTime start;
  int minutes = 60;
  Mw mw;
  int line = 0;  // line in its file (or the scenario file for inline rows)
};

// Where the meter intervals come from. They are the bulk of a scenario, so a
// CSV file is streamed by the reader in scenarios/, never held whole.
struct MeterSource {
  std::string csv_path;             // absolute or relative to the working dir; empty for inline
  std::vector<MeterRow> rows;       // inline rows
  bool present = false;
  std::uint64_t row_count = 0;      // rows counted when the scenario was validated
};

// Figures that `drsim check` compares after a run (format.md `expect:`).
struct ResourceExpect {
  std::optional<Money> energy_charge_usd, rsg_charge_usd, penalty_usd, capacity_usd;
  std::optional<int> counted_failures;
  std::optional<bool> disqualified;
  Mark mark;
};
struct Expect {
  std::optional<Money> energy_charge_usd, rsg_charge_usd, penalty_usd, capacity_usd,
      allocated_usd, eo_usd;
  std::optional<std::vector<std::string>> disqualified;
  std::map<std::string, ResourceExpect> resources;
  std::map<std::string, Money> lses;
  std::map<std::string, Mark> lse_marks;
  Mark mark;
  bool present = false;
};

struct Scenario {
  std::string path;            // the scenario file, as given
  std::string sha256;          // hash of the file's bytes
  int format = 1;
  std::string name;
  int planning_year = 0;
  Rules rules;
  std::vector<std::string> rules_overridden;  // keys the file set
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
  HourlySeries lmp;                  // key: cpnode, $/MWh
  HourlySeries rsg;                  // key: "" , $/MWh
  std::optional<UsdPerMwh> rsg_flat; // flat RSG rate, $/MWh
  MeterSource meter;
  HourlySeries baseline;             // key: resource, MW
  HourlySeries lse_load;             // key: lse, MWh
  std::vector<EoConfig> eo;
  Expect expect;
  std::optional<ExposureModel> exposure;  // the `exposure:` section (docs/exposure.md), when given
  // Non-fatal problems the loader found (a value ignored, a name unknown in the planning year):
  // printed by the CLI as `file:line:column: warning: key.path: what` and listed in the outputs.
  std::vector<Problem> warnings;

  const Resource* find_resource(const std::string& id) const;
  const Zone* find_zone(const std::string& id) const;
  const Emergency* find_emergency(const std::string& id) const;
  const Instruction* find_instruction(const std::string& id) const;
  std::optional<UsdPerMwh> rsg_at(MarketTime hour) const;
};

}  // namespace drsim
