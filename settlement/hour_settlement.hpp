// Settlement of one instruction-hour: target, response, shortfall and charges (rules.md 4.3-4.7).
#pragma once

#include <optional>

#include "explanation.hpp"
#include "money.hpp"
#include "rules.hpp"
#include "run_record.hpp"
#include "market.hpp"
#include "units.hpp"

namespace drsim {

struct HourPrices {
  std::optional<UsdPerMwh> lmp;  // real-time LMP at the resource's CPNode
  std::optional<UsdPerMwh> rsg;  // RSG rate
};

struct HourSettlement {
  std::optional<Mw> target;  // none when advanced reporting is missing or late
  std::optional<Mw> actual;  // the response as its protocol measures it
  Mw shortfall;
  Mwh shortfall_mwh;
  Decimal multiplier = Decimal::from_int(1);
  Money energy_charge;
  Money rsg_charge;
  bool charged = false;             // shortfall above the tolerance on a chargeable hour
  bool counts_for_failure = false;  // charged, and not an excused outage hour (4.8)
  bool missing_lmp = false;         // charged but no LMP: an input error for the caller
  bool missing_rsg = false;         // charged but no RSG rate: an input error for the caller
  std::uint32_t flags = 0;
};

// The untested multiplier applies to an untested DR only (4.7).
Decimal penalty_multiplier(const Resource& r, const Rules& rules);

// Settles one hour of an instruction. Pure: all inputs are values. With `why`, adds each
// step of the derivation to it as it is computed (drsim explain --line).
HourSettlement settle_hour(const Resource& resource, const HourRecord& hour, const Rules& rules,
                           const HourPrices& prices, Explanation* why = nullptr);

}  // namespace drsim
