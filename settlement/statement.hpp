// The settlement statement of a run: dated line items with their reasons, and their sums.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "capacity.hpp"
#include "earnings.hpp"
#include "failures.hpp"
#include "hour_settlement.hpp"
#include "ledger.hpp"
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

// An LSE's allocated charges (by_lse's amounts, for allocation.csv).
struct AllocationLine {
  std::string lse_id;
  Money amount;
};

// A resource's totals: its money from the ledger (totals_by_resource), its failures from the
// failure lines.
struct ResourceTotals {
  Money energy_charge, rsg_charge, penalty, capacity;
  std::size_t instruction_hours = 0;  // hourly lines
  std::size_t capacity_lines = 0;     // capacity lines (seasons with cleared MW)
  int failed_occasions = 0;           // failure lines
  int counted_failures = 0;
  bool disqualified = false;
};

// An LSE's totals from the ledger (totals_by_lse): its shares of the charges (4.10).
struct LseTotals {
  Money allocated;
  std::size_t shares = 0;  // allocation shares (instruction-hours whose charges it shares)
};

struct Statement {
  std::vector<HourlyLine> hourly;
  std::vector<FailureLine> failures;
  std::vector<Disqualification> disqualifications;
  std::vector<CapacityLine> capacity;
  std::vector<AllocationShare> allocation_shares;
  std::vector<AllocationLine> allocation;  // per LSE, sorted by id
  std::vector<EoLine> eo;
  // Every amount of the lines above as one dated line item (ledger.hpp); the totals below are
  // its one aggregation (sum_by_subject_and_reason).
  Ledger ledger;
  Money energy_charge, rsg_charge, penalty, capacity_total, allocated, eo_total;
  std::vector<std::string> disqualified;  // resources disqualified by this year's failures
  std::map<std::string, ResourceTotals> by_resource;  // every resource of the market, by id
  std::map<std::string, LseTotals> by_lse;             // every LSE of the market, by id
  // Hours an analyst must act on (hour_warnings(hourly)), filled by the caller that writes
  // a run's outputs and placed in the file (scenarios' located()); settle() leaves it empty,
  // so an exposure trial never formats them.
  std::vector<Problem> warnings;
};

}  // namespace drsim
