// NYISO BTM:NG formulas (rules.md 7.2): hand-computed values and seed 001's worked example.
#include <catch2/catch.hpp>

#include "settlement/btm/nyiso_btmng.hpp"
#include "settlement/btm/peak_proxy_load.hpp"

using namespace drsim;
using namespace drsim::btm;

namespace {
Decimal d(const char* t) { return *Decimal::parse(t); }
Mw m(const char* t) { return Mw(d(t)); }
std::string s(Mw v) { return v.value().str(); }
}  // namespace

TEST_CASE("seed 001: ACHL and AHL from Peak Proxy Load 32 MW, WNF 5.8 %, RLGF 0.6 %, IRM 17.5 %", "[btm][nyiso]") {
  // 32 x 1.058 = 33.856; x 1.006 = 34.059136 exactly (the seed prints 34.05, cut to two places).
  const Mw a = achl(m("32"), d("0.058"), d("0.006"));
  CHECK(s(a) == "34.059136");
  // 34.059136 x 1.175 = 40.0194848 -> 40.019485 (half away from zero; the seed prints 40).
  CHECK(s(ahl(a, d("0.175"))) == "40.019485");
}

TEST_CASE("seed 001: Net ICAP, Gen UCAP, Load UCAP and Net UCAP with the seed's AHL of 40", "[btm][nyiso]") {
  // Adj. DMGC = min(100, 40 + 95, 40 + 98) = 100, as the seed shows.
  const Mw adj = adjusted_dmgc(m("100"), m("40"), m("95"), m("98"));
  CHECK(s(adj) == "100");
  CHECK(s(net_icap(adj, m("40"))) == "60");  // 100 - 40
  // 100 x (1 - 0.0172) x 1 = 98.28 (the seed rounds to 98.3 for display).
  const Mw gen = gen_ucap(adj, d("0.0172"), d("1"));
  CHECK(s(gen) == "98.28");
  // 40 x (1 - 0.092) = 36.32 (the seed shows 36.3).
  const Mw load = load_ucap(m("40"), d("0.092"));
  CHECK(s(load) == "36.32");
  // max(min(98.28 - 36.32, 60), 0) = max(min(61.96, 60), 0) = 60. The seed's own
  // arithmetic prints "Max(Min(98.3 - 36.3), 100, 0) = 62", which drops the Net ICAP
  // cap from its own formula; the formula wins: Net UCAP is capped at Net ICAP, 60.
  CHECK(s(net_ucap(gen, load, net_icap(adj, m("40")))) == "60");
}

TEST_CASE("seed 001 through the whole chain from Peak Proxy Load 32", "[btm][nyiso]") {
  NyisoBtmNgInput in;
  in.peak_proxy_load = m("32");
  in.wnf = d("0.058");
  in.rlgf = d("0.006");
  in.irm = d("0.175");
  in.dmgc = m("100");
  in.injection_limit = m("95");
  in.cris = m("98");
  in.derating_factor = d("0.0172");
  in.caf = d("1");
  in.nyca_tf = d("0.092");
  in.ucap_sold = m("59.9");
  const auto r = compute_nyiso_btmng(in);
  CHECK(s(r.achl) == "34.059136");
  CHECK(s(r.ahl) == "40.019485");
  CHECK(s(r.capability_used) == "100");
  CHECK(s(r.ahl_plus_injection_limit) == "135.019485");
  CHECK(s(*r.ahl_plus_cris) == "138.019485");
  CHECK(s(r.adj_dmgc) == "100");
  CHECK(s(r.net_icap) == "59.980515");        // 100 - 40.019485
  CHECK(s(r.gen_ucap) == "98.28");
  CHECK(s(r.load_ucap) == "36.337692");       // 40.019485 x 0.908 = 36.33769238
  CHECK(s(r.gen_minus_load_ucap) == "61.942308");
  CHECK(s(r.net_ucap) == "59.980515");        // capped at Net ICAP
  CHECK(s(*r.ice) == "60.948311");            // 59.9 / 0.9828 = 60.9483109...
}

TEST_CASE("Adjusted DMGC takes the least term, DMNC replaces DMGC when elected", "[btm][nyiso]") {
  CHECK(s(adjusted_dmgc(m("100"), m("40"), m("50"), m("98"))) == "90");  // AHL + injection binds
  CHECK(s(adjusted_dmgc(m("100"), m("40"), m("95"), m("55"))) == "95");  // AHL + CRIS binds
  NyisoBtmNgInput in;
  in.peak_proxy_load = m("10");
  in.dmgc = m("110");
  in.dmnc = m("100");
  in.injection_limit = m("200");
  in.cris = m("200");
  in.caf = d("1");
  const auto r = compute_nyiso_btmng(in);
  CHECK(s(r.capability_used) == "100");
  CHECK(s(r.adj_dmgc) == "100");  // min(100, 210, 210): the DMNC, not the DMGC of 110
}

TEST_CASE("the Initial CRIS limit leaves out the AHL + CRIS term", "[btm][nyiso]") {
  NyisoBtmNgInput in;
  in.peak_proxy_load = m("40");  // AHL = 40 with zero factors
  in.dmgc = m("100");
  in.injection_limit = m("95");
  in.cris = m("30");
  in.caf = d("1");
  // With CRIS: min(100, 135, 70) = 70, Net ICAP 30.
  CHECK(s(compute_nyiso_btmng(in).net_icap) == "30");
  // Initial CRIS: min(100, 135) = 100, Net ICAP 60; no AHL + CRIS figure.
  in.initial_cris = true;
  const auto r = compute_nyiso_btmng(in);
  CHECK(s(r.net_icap) == "60");
  CHECK_FALSE(r.ahl_plus_cris.has_value());
  in.initial_cris = false;
  in.cris.reset();
  CHECK_THROWS_AS(compute_nyiso_btmng(in), std::invalid_argument);
}

TEST_CASE("Net UCAP is never below zero, ICE divides by (1 - derating) x CAF", "[btm][nyiso]") {
  CHECK(s(net_ucap(m("10"), m("20"), m("5"))) == "0");      // max(min(-10, 5), 0)
  CHECK(s(net_ucap(m("30"), m("20"), m("15"))) == "10");    // gen - load below Net ICAP
  // 10 / ((1 - 0.1) x 0.8) = 10 / 0.72 = 13.8888... -> 13.888889
  CHECK(s(ice(m("10"), d("0.1"), d("0.8"))) == "13.888889");
  CHECK_THROWS_AS(ice(m("10"), d("1"), d("1")), std::invalid_argument);
}

TEST_CASE("Peak Proxy Load averages the 20 highest coincident host loads", "[btm][nyiso]") {
  const Date day = Date::from_ymd(2023, 7, 10);
  std::vector<MarketTime> peaks;
  std::vector<HourlyLoad> loads;
  // 25 peak hours: 19 at 10 MW, one at 10.00001 MW, five at 3 MW (below the top 20).
  for (int i = 0; i < 25; ++i) {
    const MarketTime h = MarketTime::at(day + i, 16);
    peaks.push_back(h);
    loads.push_back({h, i < 19 ? m("10") : i == 19 ? m("10.00001") : m("3")});
  }
  // A higher load outside the peak hours does not count.
  loads.push_back({MarketTime::at(day, 3), m("99")});
  peaks.push_back(peaks.front());  // a repeated peak hour counts once
  const auto p = peak_proxy_load(loads, peaks);
  CHECK(p.coincident_hours_metered == 25);
  CHECK(p.used.size() == 20);
  // (19 x 10 + 10.00001) / 20 = 200.00001 / 20 = 10.0000005 -> 10.000001 (half away from zero)
  CHECK(s(p.value) == "10.000001");
}

TEST_CASE("Peak Proxy Load needs 20 metered peak hours and one reading per hour", "[btm][nyiso]") {
  const Date day = Date::from_ymd(2023, 1, 10);
  std::vector<MarketTime> peaks;
  std::vector<HourlyLoad> loads;
  for (int i = 0; i < 40; ++i) peaks.push_back(MarketTime::at(day + i, 18));
  for (int i = 0; i < 19; ++i) loads.push_back({peaks[static_cast<std::size_t>(i)], m("5")});
  CHECK_THROWS_AS(peak_proxy_load(loads, peaks), std::invalid_argument);  // 19 of 20
  loads.push_back({peaks[19], m("7")});
  CHECK(s(peak_proxy_load(loads, peaks).value) == "5.1");  // (19 x 5 + 7) / 20
  loads.push_back({peaks[19], m("8")});
  CHECK_THROWS_AS(peak_proxy_load(loads, peaks), std::invalid_argument);  // two readings in one hour
}
