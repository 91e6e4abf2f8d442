// The settlement statement of a run: dated line items with their reasons, and their sums.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "capacity.hpp"
#include "earnings.hpp"
#include "failures.hpp"
#include "hour_settlement.hpp"
#include "problem.hpp"

namespace drsim {

// One line of hourly.csv: an instruction in one settlement hour.
struct HourlyLine {
  std::string instruction_id;
  std::string resource_id;
  std::string emergency_id;
  MarketTime hour;
  Decimal frac;
  Mw instruction_mw;           // the instruction's MW in the hour
  Mw available_mw;             // DSRI availability in the hour
  Mw instructed_mw;            // min of the two (4.3)
  std::optional<Mw> measured;  // metered load or generation over the obligated part
  std::optional<Mw> baseline;  // baseline protocol only
  HourSettlement settled;
  std::optional<UsdPerMwh> lmp;
  std::optional<UsdPerMwh> rsg;
  ExemptReason exempt = ExemptReason::none;
  Money charges() const { return settled.energy_charge + settled.rsg_charge; }
};

// The share of one instruction-hour's charges paid to one LSE (4.10).
struct AllocationShare {
  std::string instruction_id;
  MarketTime hour;
  std::string lse_id;
  Decimal weight;     // load (MWh) or static share used
  bool static_share;  // true when the static load_ratio_share was used
  Money amount;
};

struct AllocationLine {
  std::string lse_id;
  Money amount;
};

struct ResourceTotals {
  Money energy_charge, rsg_charge, penalty, capacity;
  int counted_failures = 0;
  bool disqualified = false;
};

struct Statement {
  std::vector<HourlyLine> hourly;
  std::vector<FailureLine> failures;
  std::vector<Disqualification> disqualifications;
  std::vector<CapacityLine> capacity;
  std::vector<AllocationShare> allocation_shares;
  std::vector<AllocationLine> allocation;  // per LSE, sorted by id
  std::vector<EoLine> eo;
  Money energy_charge, rsg_charge, penalty, capacity_total, allocated, eo_total;
  std::vector<std::string> disqualified;  // resources disqualified by this year's failures
  std::map<std::string, ResourceTotals> by_resource;
  // Hours an analyst must act on (hour_warnings(hourly)), filled by the caller that writes
  // a run's outputs and placed in the file (scenarios' located()); settle() leaves it empty,
  // so an exposure trial never formats them.
  std::vector<Problem> warnings;
};

}  // namespace drsim
