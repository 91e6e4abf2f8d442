// Builds small scenarios in code for settlement and lifecycle tests.
#pragma once

#include <string>
#include <variant>

#include "scenarios/scenario.hpp"

namespace drsim::test {

inline Decimal dec(const char* t) { return *Decimal::parse(t); }
inline Mw MW(const char* t) { return Mw(dec(t)); }
inline MarketTime T(const char* t) { return std::get<MarketTime>(parse_market_time(t)); }

// Zone LRZ5 with the PY 2025-26 auction clearing prices, $/MW-day.
inline Zone lrz5_py2025() {
  Zone z;
  z.id = "LRZ5";
  z.acp = {UsdPerMwDay(dec("666.50")), UsdPerMwDay(dec("91.60")), UsdPerMwDay(dec("33.20")),
           UsdPerMwDay(dec("69.88"))};
  return z;
}

// The worked example of format.md: DR-1, 10 MW cleared in summer and fall at LRZ5 (PY 2025-26),
// one 4-hour instruction on 2025-07-15 15:00-19:00, a 20 MW flat baseline, metered load
// 10, 12, 14, 12.5 MW, LMP 250, 410, 980, 620 and a flat RSG of 1.50 $/MWh.
inline Scenario worked_example() {
  Scenario s;
  s.path = "worked-example.yaml";
  s.name = "Zone 5 heat event, July 2025";
  s.planning_year = 2025;
  s.zones.push_back(lrz5_py2025());
  s.participants.push_back({"MP-UTIL", true});
  s.lbas = {"AMMO"};
  s.lses = {{"LSE-A", "AMMO", dec("0.90")}, {"LSE-B", "AMMO", dec("0.08")}, {"LSE-C", "AMMO", dec("0.02")}};
  Resource r;
  r.id = "DR-1";
  r.mp = "MP-UTIL";
  r.lba = "AMMO";
  r.zone = "LRZ5";
  r.cpnode = "AMMO.DR1";
  r.protocol = Protocol::baseline;
  r.fsl_mw = MW("2.0");
  SeasonRegistration summer;
  summer.cleared_mw = MW("10");
  summer.notification_h = dec("2");
  summer.max_interruptions = 5;
  summer.max_duration_h = dec("4");
  summer.months = (1U << 6) | (1U << 7) | (1U << 8);
  SeasonRegistration fall = summer;
  fall.max_interruptions = 3;
  fall.months = (1U << 9) | (1U << 10) | (1U << 11);
  r.seasons[0] = summer;
  r.seasons[1] = fall;
  s.resources.push_back(r);
  s.emergencies.push_back({"EV-1", {"AMMO"}, "max_gen_event_step_2", T("2025-07-15T14:00"), T("2025-07-15T20:00")});
  Instruction i;
  i.id = "SI-1";
  i.emergency = "EV-1";
  i.resource = "DR-1";
  i.issued = T("2025-07-15T10:00");
  i.start = T("2025-07-15T15:00");
  i.end = T("2025-07-15T19:00");
  i.mw = MW("10");
  s.instructions.push_back(i);
  AdvancedReport ar;
  ar.instruction = "SI-1";
  ar.entered = T("2025-07-15T11:00");
  ar.target_mw = MW("10");
  s.advanced_reporting.push_back(ar);
  const char* loads[] = {"10", "12", "14", "12.5"};
  const char* lmps[] = {"250", "410", "980", "620"};
  for (int h = 0; h < 4; ++h) {
    const MarketTime hour = T("2025-07-15T15:00") + Duration::hours(h);
    s.meter.rows.push_back({"DR-1", hour, 60, MW(loads[h]), 0});
    s.lmp.set("AMMO.DR1", hour, UsdPerMwh(dec(lmps[h])));
    s.baseline.set("DR-1", hour, Mw(dec("20")));
  }
  s.meter.present = true;
  s.rsg_flat = UsdPerMwh(dec("1.50"));
  return s;
}

}  // namespace drsim::test
