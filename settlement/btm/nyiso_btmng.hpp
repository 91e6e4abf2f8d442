// NYISO BTM:NG capacity (rules.md 7.2): ACHL, AHL, Adjusted DMGC, Net ICAP, Gen/Load/Net UCAP, ICE.
#pragma once

#include <optional>
#include <string>

#include "settlement/units.hpp"

namespace drsim::btm {

// ACHL = PeakProxyLoad x (1 + WNF) x (1 + RLGF); WNF and RLGF are fractions (5.8 % is 0.058).
// Each product is rounded to 6 places in that order.
Mw achl(Mw peak_proxy_load, Decimal wnf, Decimal rlgf);
// AHL = ACHL x (1 + IRM), rounded to 6 places.
Mw ahl(Mw achl_mw, Decimal irm);
// AdjDMGC = min(DMGC, AHL + InjectionLimit, AHL + CRIS); without CRIS (the
// Initial CRIS limit) the last term is left out.
Mw adjusted_dmgc(Mw dmgc, Mw ahl_mw, Mw injection_limit, std::optional<Mw> cris);
// NetICAP = AdjDMGC - AHL.
Mw net_icap(Mw adj_dmgc, Mw ahl_mw);
// GenUCAP = AdjDMGC x (1 - DeratingFactor) x CAF, each product rounded to 6 places.
Mw gen_ucap(Mw adj_dmgc, Decimal derating_factor, Decimal caf);
// LoadUCAP = AHL x (1 - NYCA_TF), rounded to 6 places.
Mw load_ucap(Mw ahl_mw, Decimal nyca_tf);
// NetUCAP = max(min(GenUCAP - LoadUCAP, NetICAP), 0).
Mw net_ucap(Mw gen_ucap_mw, Mw load_ucap_mw, Mw net_icap_mw);
// ICE = UCAPSold / ((1 - DeratingFactor) x CAF): the denominator is rounded to
// 6 places, then the quotient. Throws std::invalid_argument for a zero denominator.
Mw ice(Mw ucap_sold, Decimal derating_factor, Decimal caf);

// The capacity inputs of one BTM:NG resource for one capability period.
struct NyisoBtmNgInput {
  Mw peak_proxy_load;           // MW (peak_proxy_load() or given)
  Decimal wnf;                  // weather normalization factor, fraction
  Decimal rlgf;                 // regional load growth factor, fraction
  Decimal irm;                  // installed reserve margin, fraction
  Mw dmgc;                      // DMGC test, MW
  std::optional<Mw> dmnc;       // DMNC test, MW: when elected, used in place of DMGC
  Mw injection_limit;           // MW
  std::optional<Mw> cris;       // CRIS, MW (left out for the Initial CRIS limit)
  bool initial_cris = false;    // compute the Initial CRIS limit: NetICAP without AHL + CRIS
  Decimal derating_factor;      // fraction
  Decimal caf;                  // capacity accreditation factor, fraction
  Decimal nyca_tf;              // NYCA translation factor, fraction
  std::optional<Mw> ucap_sold;  // MW, for ICE
};

// Every intermediate of the calculation, for the report.
struct NyisoBtmNgResult {
  Mw achl;
  Mw ahl;
  Mw capability_used;                 // DMNC when elected, else DMGC
  Mw ahl_plus_injection_limit;
  std::optional<Mw> ahl_plus_cris;    // absent for the Initial CRIS limit
  Mw adj_dmgc;
  Mw net_icap;
  Mw gen_ucap;
  Mw load_ucap;
  Mw gen_minus_load_ucap;
  Mw net_ucap;
  std::optional<Mw> ice;
};

// Throws std::invalid_argument when CRIS is missing outside the Initial CRIS
// variant (the reader reports that with its line and column first).
NyisoBtmNgResult compute_nyiso_btmng(const NyisoBtmNgInput& in);

}  // namespace drsim::btm
