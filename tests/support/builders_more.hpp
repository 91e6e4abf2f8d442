// Small builders for rule tests: a bare market, resources, instructions and series set in code.
#pragma once

#include <initializer_list>
#include <string>

#include "scenarios/scenario.hpp"
#include "tests/support/scenario_builder.hpp"

namespace drsim::test {

// A season registration: cleared MW, 2 h notice, 5 interruptions, 4 h duration, the given months.
inline SeasonRegistration season_reg(const char* cleared_mw, std::initializer_list<int> months,
                                     int max_interruptions = 5, const char* max_duration_h = "4") {
  SeasonRegistration r;
  r.cleared_mw = MW(cleared_mw);
  r.notification_h = dec("2");
  r.max_interruptions = max_interruptions;
  r.max_duration_h = dec(max_duration_h);
  for (int m : months) r.months = static_cast<std::uint16_t>(r.months | (1U << m));
  return r;
}

inline SeasonRegistration summer_reg(const char* cleared_mw = "10") { return season_reg(cleared_mw, {6, 7, 8}); }
inline SeasonRegistration fall_reg(const char* cleared_mw = "10") { return season_reg(cleared_mw, {9, 10, 11}, 3); }
inline SeasonRegistration winter_reg(const char* cleared_mw = "10") { return season_reg(cleared_mw, {12, 1, 2}); }

// PY `planning_year` with zone LRZ5 (PY 2025-26 ACPs), MP-UTIL, LBA AMMO, LSE-A (static share 1),
// emergency EV-1 over AMMO, a flat RSG of `rsg` $/MWh and no resources yet.
inline Scenario bare_market(int planning_year = 2025, const char* rsg = "0") {
  Scenario s;
  s.path = "rules-test.yaml";
  s.planning_year = planning_year;
  s.zones.push_back(lrz5_py2025());
  s.participants.push_back({"MP-UTIL", true});
  s.lbas = {"AMMO"};
  s.lses = {{"LSE-A", "AMMO", dec("1")}};
  s.emergencies.push_back({"EV-1", {"AMMO"}, "max_gen_event_step_2", T("2025-06-01T00:00"), T("2028-06-01T00:00")});
  s.rsg_flat = UsdPerMwh(dec(rsg));
  s.meter.present = true;
  return s;
}

// A resource of MP-UTIL in AMMO / LRZ5 with cpnode "<id>.N"; seasons set by the caller.
inline Resource& add_resource(Scenario& s, const std::string& id, Protocol p = Protocol::firm_service_level,
                              ResourceType type = ResourceType::dr) {
  Resource r;
  r.id = id;
  r.type = type;
  r.mp = "MP-UTIL";
  r.lba = "AMMO";
  r.zone = "LRZ5";
  r.cpnode = id + ".N";
  r.protocol = p;
  if (p == Protocol::firm_service_level) r.fsl_mw = MW("0");
  s.resources.push_back(r);
  return s.resources.back();
}

// An instruction of EV-1, flat MW.
inline Instruction& add_instruction(Scenario& s, const std::string& id, const std::string& resource,
                                    const char* issued, const char* start, const char* end, const char* mw) {
  Instruction i;
  i.id = id;
  i.emergency = "EV-1";
  i.resource = resource;
  i.issued = T(issued);
  i.start = T(start);
  i.end = T(end);
  i.mw = MW(mw);
  s.instructions.push_back(i);
  return s.instructions.back();
}

inline void add_report(Scenario& s, const std::string& instruction, const char* entered, const char* target_mw) {
  AdvancedReport ar;
  ar.instruction = instruction;
  ar.entered = T(entered);
  ar.target_mw = MW(target_mw);
  s.advanced_reporting.push_back(ar);
}

// The same LMP at the resource's cpnode for `hours` hours from `first_hour`.
inline void set_lmp(Scenario& s, const std::string& resource, const char* first_hour, int hours, const char* usd) {
  const Resource* r = s.find_resource(resource);
  for (int h = 0; h < hours; ++h) s.lmp.set(r->cpnode, T(first_hour) + Duration::hours(h), UsdPerMwh(dec(usd)));
}

inline void add_meter(Scenario& s, const std::string& resource, const char* start, int minutes, const char* mw) {
  s.meter.rows.push_back({resource, T(start), minutes, MW(mw), 0});
}

}  // namespace drsim::test
