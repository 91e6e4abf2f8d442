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

// What an hour owes before its prices: assess_hour's result. 64 bytes, so it is cleared by a
// few stores where a larger result is cleared by `rep stos` (a fifth of assess_hour's time).
struct HourAssessment {
  std::optional<Mw> target;  // none when advanced reporting is missing or late
  std::optional<Mw> actual;  // the response as its protocol measures it
  Mw shortfall;
  Mwh shortfall_mwh;
  Decimal multiplier = Decimal::from_int(1);
  bool charged = false;             // shortfall above the tolerance on a chargeable hour
  bool counts_for_failure = false;  // charged, and not an excused outage hour (4.8)
  std::uint32_t flags = 0;
};

// A settled hour: its assessment and its charges.
struct HourSettlement : HourAssessment {
  Money energy_charge;
  Money rsg_charge;
  bool missing_lmp = false;         // charged but no LMP: an input error for the caller
  bool missing_rsg = false;         // charged but no RSG rate: an input error for the caller
};

// The untested multiplier applies to an untested DR only (4.7).
Decimal penalty_multiplier(const Resource& r, const Rules& rules);

// The money of a charged hour (4.7), or why it has none.
struct HourCharges {
  Money energy;
  Money rsg;
  bool missing_lmp = false;  // charged but no LMP
  bool missing_rsg = false;  // charged but no RSG rate
};

// The two steps of settle_hour. assess_hour: target, response, shortfall and whether the hour
// is charged and counts toward a failure (4.3-4.8), which depend on the hour's record and not
// on its prices or its time (`hour.hour` is not read), so hours with the same terms assess
// alike. charge_hour: a charged hour's energy and RSG charges at its prices (4.7); none for an
// hour not charged.
HourAssessment assess_hour(const Resource& resource, const HourRecord& hour, const Rules& rules,
                           Explanation* why = nullptr);
HourCharges charge_hour(const HourAssessment& s, const Rules& rules, const HourPrices& prices, Explanation* why = nullptr);

// The two charges charge_hour makes of a charged hour with both prices, each alone (0 for an
// hour not charged): the energy charge at the LMP, shortfall MWh x max(LMP, floor) x
// multiplier, and the RSG charge, shortfall MWh x RSG rate (x multiplier when
// multiplier_applies_to_rsg), each rounded once to the cent (4.7): round_to_cents(charge(...)).
inline Money energy_charge(const HourAssessment& s, const Rules& rules, UsdPerMwh lmp) {
  if (!s.charged) return Money{};
  return rounded_product(s.shortfall_mwh.value(), max(lmp, rules.penalty_lmp_floor_usd_per_mwh).value(), s.multiplier);
}
inline Money rsg_charge(const HourAssessment& s, const Rules& rules, UsdPerMwh rsg) {
  if (!s.charged) return Money{};
  return rounded_product(s.shortfall_mwh.value(), rsg.value(),
                         rules.multiplier_applies_to_rsg ? s.multiplier : Decimal::from_int(1));
}

// Settles one hour of an instruction: assess_hour, then charge_hour. Pure: all inputs are values. With `why`, adds each
// step of the derivation to it as it is computed (drsim explain --line).
HourSettlement settle_hour(const Resource& resource, const HourRecord& hour, const Rules& rules,
                           const HourPrices& prices, Explanation* why = nullptr);

}  // namespace drsim
