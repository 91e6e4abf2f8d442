// WAPA NITS with BTM generation (rules.md 7.4): 150 kW and 10 MW boundaries, isolated and unmetered units, 12-CP.
#include <catch2/catch.hpp>

#include "settlement/btm/wapa_nits.hpp"

using namespace drsim;
using namespace drsim::btm;

namespace {
Mw m(const char* t) { return Mw(*Decimal::parse(t)); }
std::string s(Mw v) { return v.value().str(); }
WapaGenerator gen(const char* id, const char* sub, const char* mw) {
  WapaGenerator g;
  g.id = id;
  g.substation = sub;
  g.installed = m(mw);
  return g;
}
WapaMonth month(int y, int mo, const char* delivered) {
  WapaMonth w;
  w.year = y;
  w.month = mo;
  w.peak_hour = MarketTime::at(Date::from_ymd(y, mo, 15), 17);
  w.delivered = m(delivered);
  return w;
}
}  // namespace

TEST_CASE("a site of exactly 150 kW is not exempt, just below it is", "[btm][wapa]") {
  auto r = classify_wapa_generators({gen("G1", "S1", "0.15")});
  CHECK(r[0].treatment == WapaTreatment::metered);
  r = classify_wapa_generators({gen("G1", "S1", "0.149999")});
  CHECK(r[0].treatment == WapaTreatment::exempt_below_150kw);
}

TEST_CASE("small units at one substation add up, at different substations they do not", "[btm][wapa]") {
  auto r = classify_wapa_generators({gen("G1", "S1", "0.1"), gen("G2", "S1", "0.1")});
  CHECK(s(r[0].substation_installed) == "0.2");
  CHECK(r[0].treatment == WapaTreatment::metered);
  CHECK(r[1].treatment == WapaTreatment::metered);
  r = classify_wapa_generators({gen("G1", "S1", "0.1"), gen("G2", "S2", "0.1")});
  CHECK(r[0].treatment == WapaTreatment::exempt_below_150kw);
  CHECK(r[1].treatment == WapaTreatment::exempt_below_150kw);
}

TEST_CASE("an isolated-only unit is exempt whatever its size, an unmetered one counts at full load",
          "[btm][wapa]") {
  auto iso = gen("G1", "S1", "50");
  iso.isolated_only = true;
  auto unmetered = gen("G2", "S2", "3");
  unmetered.interval_metered = false;
  const auto r = classify_wapa_generators({iso, unmetered});
  CHECK(r[0].treatment == WapaTreatment::exempt_isolated);
  CHECK(r[1].treatment == WapaTreatment::unmetered_full_load);
}

TEST_CASE("sites of 10 MW or more, or accredited units, need real-time monitoring", "[btm][wapa]") {
  auto r = classify_wapa_generators({gen("G1", "S1", "6"), gen("G2", "S1", "4"), gen("G3", "S2", "9.999999")});
  CHECK(r[0].realtime_monitoring);   // site S1 = 10 MW
  CHECK(r[1].realtime_monitoring);
  CHECK_FALSE(r[2].realtime_monitoring);
  auto small = gen("G4", "S3", "0.5");
  small.accredited_wecc_mapp = true;
  CHECK(classify_wapa_generators({small})[0].realtime_monitoring);
}

TEST_CASE("NITS load adds back BTM generation and subtracts delivery back", "[btm][wapa]") {
  auto unmetered = gen("U", "S2", "2");
  unmetered.interval_metered = false;
  auto iso = gen("I", "S3", "7");
  iso.isolated_only = true;
  auto w = month(2024, 1, "50");
  w.generation["M"] = m("5");
  w.generation["I"] = m("7");  // isolated: left out even when metered
  w.delivered_back = m("1");
  const auto r = compute_wapa_nits({gen("M", "S1", "6"), unmetered, iso}, {w});
  // 50 + (5 metered + 2 unmetered at installed) - 1 = 56
  CHECK(s(r.months[0].btm_generation) == "7");
  CHECK(s(r.months[0].nits_load) == "56");
  CHECK_FALSE(r.months[0].twelve_cp.has_value());  // fewer than 12 months
}

TEST_CASE("the 12-CP is the rolling average of the last 12 monthly values", "[btm][wapa]") {
  std::vector<WapaMonth> months;
  for (int i = 0; i < 12; ++i) months.push_back(month(2024, i + 1, std::to_string(100 + i).c_str()));
  months.push_back(month(2025, 1, "200"));
  const auto r = compute_wapa_nits({}, months);
  CHECK_FALSE(r.months[10].twelve_cp.has_value());
  // (100 + 101 + ... + 111) / 12 = 1266 / 12 = 105.5
  CHECK(s(*r.months[11].twelve_cp) == "105.5");
  // (1266 - 100 + 200) / 12 = 1366 / 12 = 113.8333... -> 113.833333
  CHECK(s(*r.months[12].twelve_cp) == "113.833333");
}

TEST_CASE("months must follow each other and metered units need a reading", "[btm][wapa]") {
  CHECK_THROWS_AS(compute_wapa_nits({}, {month(2024, 1, "1"), month(2024, 3, "1")}), std::invalid_argument);
  CHECK_THROWS_AS(compute_wapa_nits({gen("M", "S1", "1")}, {month(2024, 1, "1")}), std::invalid_argument);
}
