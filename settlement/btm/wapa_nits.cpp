// WAPA NITS load per monthly peak, generator exemptions and the rolling 12-CP average.
#include "settlement/btm/wapa_nits.hpp"

#include <stdexcept>

namespace drsim::btm {

std::string_view name(WapaTreatment t) {
  switch (t) {
    case WapaTreatment::metered: return "metered";
    case WapaTreatment::unmetered_full_load: return "unmetered_full_load";
    case WapaTreatment::exempt_below_150kw: return "exempt_below_150kw";
    case WapaTreatment::exempt_isolated: return "exempt_isolated";
  }
  return "?";
}

std::vector<WapaGeneratorResult> classify_wapa_generators(const std::vector<WapaGenerator>& gens) {
  std::map<std::string, Mw> site;
  for (const auto& g : gens) site[g.substation] += g.installed;
  std::vector<WapaGeneratorResult> out;
  for (const auto& g : gens) {
    WapaGeneratorResult r;
    r.id = g.id;
    r.substation = g.substation;
    r.installed = g.installed;
    r.substation_installed = site[g.substation];
    if (g.isolated_only) {
      r.treatment = WapaTreatment::exempt_isolated;
    } else if (r.substation_installed < kWapaExemptBelow) {
      r.treatment = WapaTreatment::exempt_below_150kw;
    } else {
      r.treatment = g.interval_metered ? WapaTreatment::metered : WapaTreatment::unmetered_full_load;
    }
    r.realtime_monitoring = r.substation_installed >= kWapaMonitoringFrom || g.accredited_wecc_mapp;
    out.push_back(std::move(r));
  }
  return out;
}

WapaNitsResult compute_wapa_nits(const std::vector<WapaGenerator>& gens, const std::vector<WapaMonth>& months) {
  WapaNitsResult res;
  res.generators = classify_wapa_generators(gens);
  for (const auto& g : res.generators) res.realtime_monitoring = res.realtime_monitoring || g.realtime_monitoring;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const WapaMonth& m = months[i];
    if (i > 0) {
      const int prev = months[i - 1].year * 12 + months[i - 1].month;
      if (m.year * 12 + m.month != prev + 1) throw std::invalid_argument("months are not consecutive");
    }
    WapaMonthResult r;
    r.year = m.year;
    r.month = m.month;
    r.peak_hour = m.peak_hour;
    r.delivered = m.delivered;
    r.delivered_back = m.delivered_back;
    for (const auto& g : res.generators) {
      if (g.treatment == WapaTreatment::unmetered_full_load) {
        r.btm_generation += g.installed;
      } else if (g.treatment == WapaTreatment::metered) {
        auto it = m.generation.find(g.id);
        if (it == m.generation.end()) throw std::invalid_argument("no metered output for " + g.id);
        r.btm_generation += it->second;
      }
    }
    r.nits_load = r.delivered + r.btm_generation - r.delivered_back;
    res.months.push_back(r);
    if (i + 1 >= kWapaCpMonths) {
      Decimal sum;
      for (std::size_t k = i + 1 - kWapaCpMonths; k <= i; ++k) sum += res.months[k].nits_load.value();
      res.months.back().twelve_cp = Mw(Decimal::div(sum, Decimal::from_int(kWapaCpMonths)));
    }
  }
  return res;
}

}  // namespace drsim::btm
