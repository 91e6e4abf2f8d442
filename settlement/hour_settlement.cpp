// Target, response, shortfall and charges of one instruction-hour (rules.md 4.3-4.7).
#include "hour_settlement.hpp"

namespace drsim {

namespace {

const Mw kZero{};

// The response as the protocol measures it, for baseline and metered generation (2).
std::optional<Mw> measured_response(const Resource& r, const HourRecord& h) {
  if (!h.measured) return std::nullopt;
  if (r.protocol == Protocol::baseline) {
    if (!h.baseline) return std::nullopt;
    return *h.baseline - *h.measured;
  }
  return h.measured;
}

}  // namespace

Decimal penalty_multiplier(const Resource& r, const Rules& rules) {
  return (r.type == ResourceType::dr && !r.tested) ? rules.untested_multiplier : Decimal::from_int(1);
}

HourSettlement settle_hour(const Resource& r, const HourRecord& h, const Rules& rules,
                           const HourPrices& prices) {
  HourSettlement s;
  s.flags = h.flags;
  s.multiplier = penalty_multiplier(r, rules);
  if (!h.measured) s.flags |= kMissingMeter;
  if (r.protocol == Protocol::baseline && h.measured && !h.baseline) s.flags |= kMissingBaseline;

  const bool exempt_hour =
      h.exempt != ExemptReason::none &&
      !(h.exempt == ExemptReason::outage_excused &&
        rules.outage_excused_hours == OutageExcusedHours::charged_not_counted);
  const bool excused_outage = h.exempt == ExemptReason::outage_excused;
  if (excused_outage && !exempt_hour) s.flags |= kOutageExcused;

  const bool fsl = r.protocol == Protocol::firm_service_level;
  if (h.reported_target) {
    s.target = min(*h.reported_target, h.instructed_mw);
    if (*s.target < h.instructed_mw) s.flags |= kTargetBelowInstruction;
  }
  if (!fsl) {
    s.actual = measured_response(r, h);
    // A missing meter value makes the response 0 (4.7). A baseline hour whose shortfall does
    // not depend on its baseline may have none (4.6, v1.2): its actual stays empty.
    if (!s.actual && !h.measured) s.actual = kZero;
  }
  if (exempt_hour) return s;

  if (!s.target) {
    // 4.3: missing or late reporting penalizes the full instruction, whatever the meter shows.
    s.flags |= kNoAdvancedReporting;
    s.shortfall = h.instruction_mw;
  } else if (fsl) {
    // 4.5: the load above the FSL; a missing meter counts as above it by the whole target.
    Mw excess = *s.target;
    if (h.measured) excess = max(*h.measured - r.fsl_mw.value_or(kZero), kZero);
    s.shortfall = rules.fsl_shortfall_cap == FslShortfallCap::target ? min(excess, *s.target) : excess;
    s.actual = *s.target - s.shortfall;
  } else {
    // 4.4. The lifecycle gives every hour that reaches here a baseline (or fails the run).
    s.shortfall = max(*s.target - s.actual.value_or(kZero), kZero);
  }

  // shortfall_mwh = shortfall x frac_h, rounded once to six places on the exact
  // fraction (microseconds / 3.6e9): a 5-minute part of an hour is 1/12, not 0.083333,
  // and 1199.9988 s of 3 MW is 0.999999 (rules.md 1a).
  s.shortfall_mwh = Mwh(Decimal::ratio(int128{s.shortfall.value().micros()} * h.obligated.us,
                                       int128{ExactDuration::kPerHour} * Decimal::kScale));
  if (r.type == ResourceType::btmg && !rules.penalize_btmg) {
    s.flags |= kNotPenalized;  // measured and reported, never charged nor a failure (rules.md 2)
    return s;
  }
  if (!(s.shortfall > rules.shortfall_tolerance_mw)) {
    if (!s.shortfall.is_zero()) s.flags |= kWithinTolerance;
    return s;
  }
  s.charged = true;
  s.counts_for_failure = !excused_outage;
  s.missing_lmp = !prices.lmp;
  s.missing_rsg = !prices.rsg;
  if (s.missing_lmp || s.missing_rsg) return s;
  const UsdPerMwh price = max(*prices.lmp, rules.penalty_lmp_floor_usd_per_mwh);
  s.energy_charge = round_to_cents(charge(s.shortfall_mwh, price, s.multiplier));
  const Decimal rsg_multiplier = rules.multiplier_applies_to_rsg ? s.multiplier : Decimal::from_int(1);
  s.rsg_charge = round_to_cents(charge(s.shortfall_mwh, *prices.rsg, rsg_multiplier));
  return s;
}

}  // namespace drsim
