// Target, response, shortfall and charges of one instruction-hour (rules.md 4.3-4.7).
#include "hour_settlement.hpp"

namespace drsim {

namespace {

const Mw kZero{};

std::string text(const std::optional<Mw>& v) { return v ? v->value().str() : "none"; }
std::string text(Mw v) { return v.value().str(); }

}  // namespace

Decimal penalty_multiplier(const Resource& r, const Rules& rules) {
  return (r.type == ResourceType::dr && !r.tested) ? rules.untested_multiplier : Decimal::from_int(1);
}

HourAssessment assess_hour(const Resource& r, const HourRecord& h, const Rules& rules, Explanation* why) {
  HourAssessment s;
  s.flags = h.flags;
  s.multiplier = penalty_multiplier(r, rules);
  if (why) {
    why->add("4.3", "", "instructed MW = min(instruction MW, available MW)",
             {{"instruction_mw", text(h.instruction_mw)}, {"available_mw", text(h.available_mw)},
              {"instructed_mw", text(h.instructed_mw)}});
    why->add("4.7", "untested_multiplier",
             r.type == ResourceType::dr && !r.tested ? "an untested DR: the untested multiplier applies"
                                                     : "a tested DR or a BTMG: multiplier 1",
             {{"type", std::string(name(r.type))}, {"tested", r.tested ? "true" : "false"},
              {"multiplier", s.multiplier.str()}});
  }
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
  if (why) {
    why->add("4.3", "", h.reported_target ? "target = min(reported target, instructed MW)"
                                          : "no advanced reporting at or before the start: no target",
             {{"reported_target_mw", text(h.reported_target)}, {"target_mw", text(s.target)}});
  }
  if (!fsl) {
    // A missing meter value makes the response 0 (4.7). A baseline hour whose shortfall does
    // not depend on its baseline may have none (4.6, v1.2): its actual stays empty. (The MW is
    // assigned, not the optional: a value and its flag stored apart and read back as one stall.)
    if (!h.measured) {
      s.actual = kZero;
    } else if (r.protocol != Protocol::baseline) {
      s.actual = *h.measured;  // metered generation (2)
    } else if (h.baseline) {
      s.actual = *h.baseline - *h.measured;  // baseline - metered load (4.6)
    }
    if (why) {
      const bool baseline = r.protocol == Protocol::baseline;
      why->add(baseline ? "4.6" : "2", "",
               !h.measured ? "no meter value over the obligated part: the response is 0 (4.7)"
               : baseline  ? "actual = baseline - metered load (time-weighted over the obligated part)"
                           : "actual = metered generation (time-weighted over the obligated part)",
               {{"baseline_mw", text(h.baseline)}, {"measured_mw", text(h.measured)}, {"actual_mw", text(s.actual)}});
    }
  }
  if (exempt_hour) {
    if (why) {
      why->add("4.2", excused_outage ? "outage_excused_hours" : "", "the hour is exempt: no shortfall, no charge",
               {{"exempt_reason", std::string(name(h.exempt))}});
    }
    return s;
  }

  if (!s.target) {
    // 4.3: missing or late reporting penalizes the full instruction, whatever the meter shows.
    s.flags |= kNoAdvancedReporting;
    s.shortfall = h.instruction_mw;
    if (why) {
      why->add("4.3", "", "missing or late advanced reporting: the shortfall is the full instruction MW",
               {{"shortfall_mw", text(s.shortfall)}});
    }
  } else if (fsl) {
    // 4.5: the load above the FSL; a missing meter counts as above it by the whole target.
    Mw excess = *s.target;
    if (h.measured) excess = max(*h.measured - r.fsl_mw.value_or(kZero), kZero);
    s.shortfall = rules.fsl_shortfall_cap == FslShortfallCap::target ? min(excess, *s.target) : excess;
    s.actual = *s.target - s.shortfall;
    if (why) {
      why->add("4.5", "fsl_shortfall_cap",
               h.measured ? "excess = max(metered load - FSL, 0); shortfall = the excess, capped at the target by "
                            "fsl_shortfall_cap = target"
                          : "no meter value: the load counts as above the FSL by the whole target",
               {{"measured_mw", text(h.measured)}, {"fsl_mw", text(r.fsl_mw)}, {"excess_mw", text(excess)},
                {"fsl_shortfall_cap", rules.fsl_shortfall_cap == FslShortfallCap::target ? "target" : "none"},
                {"shortfall_mw", text(s.shortfall)}, {"actual_mw", text(s.actual)}});
    }
  } else {
    // 4.4. The lifecycle gives every hour that reaches here a baseline (or fails the run).
    s.shortfall = max(*s.target - s.actual.value_or(kZero), kZero);
    if (why) {
      why->add("4.4", "", "shortfall = max(target - actual, 0)",
               {{"target_mw", text(s.target)}, {"actual_mw", text(s.actual)}, {"shortfall_mw", text(s.shortfall)}});
    }
  }

  // shortfall_mwh = shortfall x frac_h, rounded once to six places on the exact
  // fraction (microseconds / 3.6e9): a 5-minute part of an hour is 1/12, not 0.083333,
  // and 1199.9988 s of 3 MW is 0.999999 (rules.md 1a).
  s.shortfall_mwh = h.obligated.us == ExactDuration::kPerHour  // a whole hour: exactly the MW
                        ? Mwh(s.shortfall.value())
                        : Mwh(Decimal::ratio(int128{s.shortfall.value().micros()} * h.obligated.us,
                                             int128{ExactDuration::kPerHour} * Decimal::kScale));
  if (why) {
    why->add("1a", "",
             "shortfall MWh = shortfall MW x obligated microseconds / 3,600,000,000, rounded once to six places",
             {{"shortfall_mw", text(s.shortfall)}, {"obligated_us", std::to_string(static_cast<long long>(h.obligated.us))},
              {"obligated_fraction", h.frac().str()}, {"shortfall_mwh", s.shortfall_mwh.value().str()}});
  }
  if (r.type == ResourceType::btmg && !rules.penalize_btmg) {
    s.flags |= kNotPenalized;  // measured and reported, never charged nor a failure (rules.md 2)
    if (why) why->add("2", "penalize_btmg", "a BTMG with penalize_btmg = false: never charged nor a failure");
    return s;
  }
  if (!(s.shortfall > rules.shortfall_tolerance_mw)) {
    if (!s.shortfall.is_zero()) s.flags |= kWithinTolerance;
    if (why) {
      why->add("4.7", "shortfall_tolerance_mw", "the shortfall is not above the tolerance: no charge",
               {{"shortfall_mw", text(s.shortfall)}, {"tolerance_mw", text(rules.shortfall_tolerance_mw)}});
    }
    return s;
  }
  s.charged = true;
  s.counts_for_failure = !excused_outage;
  if (why) {
    why->add("4.8", "outage_excused_hours",
             excused_outage ? "charged, but an excused outage hour: it does not count toward a failure"
                            : "charged: the hour counts toward a failed occasion",
             {{"shortfall_mw", text(s.shortfall)}, {"tolerance_mw", text(rules.shortfall_tolerance_mw)},
              {"counts_for_failure", s.counts_for_failure ? "true" : "false"}});
  }
  return s;
}

namespace {

// The steps of charge_hour for drsim explain: out of the way of the charge itself.
[[gnu::noinline, gnu::cold]] void explain_charges(Explanation& why, const HourAssessment& s, const Rules& rules,
                                                  const HourPrices& prices, const HourCharges& c) {
  const UsdPerMwh price = max(*prices.lmp, rules.penalty_lmp_floor_usd_per_mwh);
  const Decimal rsg_multiplier = rules.multiplier_applies_to_rsg ? s.multiplier : Decimal::from_int(1);
  why.add("4.7", "penalty_lmp_floor_usd_per_mwh",
          "energy charge = shortfall MWh x max(LMP, floor) x multiplier, rounded once to the cent (half away from 0)",
          {{"shortfall_mwh", s.shortfall_mwh.value().str()}, {"lmp_usd_per_mwh", prices.lmp->value().str()},
           {"floor_usd_per_mwh", rules.penalty_lmp_floor_usd_per_mwh.value().str()},
           {"price_usd_per_mwh", price.value().str()}, {"multiplier", s.multiplier.str()},
           {"exact_usd", exact_usd_text(charge(s.shortfall_mwh, price, s.multiplier))},
           {"energy_charge_usd", c.energy.str()}});
  why.add("4.7", "multiplier_applies_to_rsg",
          rules.multiplier_applies_to_rsg ? "RSG charge = shortfall MWh x RSG rate x multiplier, rounded once to the cent"
                                          : "RSG charge = shortfall MWh x RSG rate (no multiplier), rounded once to the cent",
          {{"shortfall_mwh", s.shortfall_mwh.value().str()}, {"rsg_usd_per_mwh", prices.rsg->value().str()},
           {"multiplier", rsg_multiplier.str()},
           {"exact_usd", exact_usd_text(charge(s.shortfall_mwh, *prices.rsg, rsg_multiplier))},
           {"rsg_charge_usd", c.rsg.str()}});
}

}  // namespace

HourCharges charge_hour(const HourAssessment& s, const Rules& rules, const HourPrices& prices, Explanation* why) {
  HourCharges c;
  if (!s.charged) return c;
  c.missing_lmp = !prices.lmp;
  c.missing_rsg = !prices.rsg;
  if (c.missing_lmp || c.missing_rsg) return c;
  c.energy = energy_charge(s, rules, *prices.lmp);
  c.rsg = rsg_charge(s, rules, *prices.rsg);
  if (why) explain_charges(*why, s, rules, prices, c);
  return c;
}

HourSettlement settle_hour(const Resource& r, const HourRecord& h, const Rules& rules,
                           const HourPrices& prices, Explanation* why) {
  HourSettlement s;
  static_cast<HourAssessment&>(s) = assess_hour(r, h, rules, why);
  const HourCharges c = charge_hour(s, rules, prices, why);
  s.energy_charge = c.energy;
  s.rsg_charge = c.rsg;
  s.missing_lmp = c.missing_lmp;
  s.missing_rsg = c.missing_rsg;
  return s;
}

}  // namespace drsim
