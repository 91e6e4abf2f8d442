// The generated scenario as plain integer values (milli-MW, cents, market seconds), before it is written out.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/generator/generator.hpp"
#include "settlement/calendar.hpp"
#include "settlement/market_time.hpp"
#include "scenarios/scenario.hpp"

namespace drsim::generator {

inline constexpr std::int64_t kHour = 3600;  // seconds

// Every figure is an integer in a fixed unit, so writing it is exact decimal
// text with no floating point: MW and MWh in thousandths, money in cents.
struct PlanZone {
  std::string id;
  std::string cpnode;                    // one pricing node per zone
  std::array<std::int64_t, 4> acp_cents; // $/MW-day by Season, in cents
};

struct PlanLba {
  std::string id;
  int zone = 0;                          // index into Plan::zones
  std::string utility_mp;                // the LBA's utility market participant
  std::int64_t peak_milli = 0;           // LBA peak load, milli-MW (for lse_load)
};

struct PlanLse {
  std::string id;
  int lba = 0;
  int share_milli = 0;                   // load ratio share, thousandths; per LBA they sum to 1000
};

struct PlanResource {
  std::string id;
  ResourceType type = ResourceType::dr;
  Protocol protocol = Protocol::baseline;
  int lba = 0;
  std::string mp;
  bool tested = true;
  std::array<std::int64_t, 4> cleared_milli{};  // cleared MW by Season
  std::int64_t peak_milli = 0;    // DR: peak load; BTMG: nameplate output
  std::int64_t fsl_milli = 0;     // firm_service_level only
  int notification_h = 2;
  int max_interruptions = 5;
  int max_duration_h = 4;
  std::vector<int> instructions;  // indices into Plan::instructions, by start
  std::vector<int> outages;       // indices into Plan::outages, by start
};

struct PlanEmergency {
  std::string id;
  std::vector<int> lbas;          // indices into Plan::lbas, ascending
  std::string level;
  MarketTime start;
  MarketTime end;
};

struct PlanInstruction {
  std::string id;
  int emergency = 0;
  int resource = 0;
  MarketTime issued;
  MarketTime start;
  MarketTime end;
  std::int64_t mw_milli = 0;
  bool acknowledged = true;
  int delivered_permille = 1000;  // share of the instructed MW the resource delivers
  bool reported = true;           // advanced reporting entered
  MarketTime entered;
  std::int64_t target_milli = 0;
};

struct PlanOutage {
  int resource = 0;
  MarketTime start;
  MarketTime end;
  OutageReason reason = OutageReason::maintenance;
};

struct Plan {
  Options options;
  Date first_day;                 // planning_year-06-01
  std::vector<PlanZone> zones;
  std::vector<std::string> mps;   // market participants, all certified
  std::vector<PlanLba> lbas;
  std::vector<PlanLse> lses;
  std::vector<PlanResource> resources;
  std::vector<PlanEmergency> emergencies;
  std::vector<PlanInstruction> instructions;
  std::vector<PlanOutage> outages;
  // Per zone, per hour of the period: an emergency covers one of its LBAs.
  std::vector<std::vector<bool>> zone_emergency_hours;

  MarketTime start() const { return MarketTime::at(first_day); }
  int hours() const { return options.days * 24; }
  int zone_of(const PlanResource& r) const { return lbas[static_cast<std::size_t>(r.lba)].zone; }

  // The expected hourly load of a DR (milli-MW) in the hour starting at `hour`,
  // from its peak, a daily shape, the season and the kind of day: the meter
  // scatters around it, and it is the baseline the scenario gives.
  std::int64_t base_load_milli(const PlanResource& r, MarketTime hour) const;
};

// Per mille of the daily peak in each hour of the day (commercial/industrial shape).
int daily_shape_permille(int hour);
// Per mille of the summer level in each season.
int season_permille(Season s);
// Per mille for the kind of day: weekdays 1000, weekends and NERC holidays less.
int day_permille(Date d);

// Draws the whole scenario from `options.seed`.
Plan build_plan(const Options& options);

}  // namespace drsim::generator
