// NYISO BTM:NG capacity formulas of rules.md 7.2, exact to six places.
#include "settlement/btm/nyiso_btmng.hpp"

#include <stdexcept>

namespace drsim::btm {

namespace {
const Decimal kOne = Decimal::from_int(1);
}

Mw achl(Mw peak_proxy_load, Decimal wnf, Decimal rlgf) {
  return Mw(Decimal::mul(Decimal::mul(peak_proxy_load.value(), kOne + wnf), kOne + rlgf));
}

Mw ahl(Mw achl_mw, Decimal irm) { return Mw(Decimal::mul(achl_mw.value(), kOne + irm)); }

Mw adjusted_dmgc(Mw dmgc, Mw ahl_mw, Mw injection_limit, std::optional<Mw> cris) {
  Mw v = min(dmgc, ahl_mw + injection_limit);
  if (cris) v = min(v, ahl_mw + *cris);
  return v;
}

Mw net_icap(Mw adj_dmgc, Mw ahl_mw) { return adj_dmgc - ahl_mw; }

Mw gen_ucap(Mw adj_dmgc, Decimal derating_factor, Decimal caf) {
  return Mw(Decimal::mul(Decimal::mul(adj_dmgc.value(), kOne - derating_factor), caf));
}

Mw load_ucap(Mw ahl_mw, Decimal nyca_tf) { return Mw(Decimal::mul(ahl_mw.value(), kOne - nyca_tf)); }

Mw net_ucap(Mw gen_ucap_mw, Mw load_ucap_mw, Mw net_icap_mw) {
  return max(min(gen_ucap_mw - load_ucap_mw, net_icap_mw), Mw());
}

Mw ice(Mw ucap_sold, Decimal derating_factor, Decimal caf) {
  const Decimal denominator = Decimal::mul(kOne - derating_factor, caf);
  if (denominator.is_zero()) throw std::invalid_argument("ICE: (1 - derating factor) x CAF is 0");
  return Mw(Decimal::div(ucap_sold.value(), denominator));
}

NyisoBtmNgResult compute_nyiso_btmng(const NyisoBtmNgInput& in) {
  if (!in.initial_cris && !in.cris) throw std::invalid_argument("NYISO BTM:NG: CRIS is required");
  NyisoBtmNgResult r;
  r.achl = achl(in.peak_proxy_load, in.wnf, in.rlgf);
  r.ahl = ahl(r.achl, in.irm);
  r.capability_used = in.dmnc ? *in.dmnc : in.dmgc;
  r.ahl_plus_injection_limit = r.ahl + in.injection_limit;
  const std::optional<Mw> cris = in.initial_cris ? std::nullopt : in.cris;
  if (cris) r.ahl_plus_cris = r.ahl + *cris;
  r.adj_dmgc = adjusted_dmgc(r.capability_used, r.ahl, in.injection_limit, cris);
  r.net_icap = net_icap(r.adj_dmgc, r.ahl);
  r.gen_ucap = gen_ucap(r.adj_dmgc, in.derating_factor, in.caf);
  r.load_ucap = load_ucap(r.ahl, in.nyca_tf);
  r.gen_minus_load_ucap = r.gen_ucap - r.load_ucap;
  r.net_ucap = net_ucap(r.gen_ucap, r.load_ucap, r.net_icap);
  if (in.ucap_sold) r.ice = ice(*in.ucap_sold, in.derating_factor, in.caf);
  return r;
}

}  // namespace drsim::btm
