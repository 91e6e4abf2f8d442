// Defaults of the exposure model; docs/exposure.md gives the source or the assumption behind each.
#include "sim/exposure_model.hpp"

#include "settlement/market.hpp"

namespace drsim::sim {

namespace {
Decimal d(const char* text) { return *Decimal::parse(text); }
}  // namespace

const DecimalRange& ExposureModel::delivered_for(const Resource& r) const {
  if (auto it = delivered_by_resource.find(r.id); it != delivered_by_resource.end()) return it->second;
  if (const auto& p = delivered_by_protocol[static_cast<std::size_t>(r.protocol)]) return *p;
  return delivered_fraction;
}

ExposureModel default_exposure_model() {
  ExposureModel m;
  // Summer: one LMR deployment in a few years (June 2025 heat); Fall and Spring: rare.
  m.seasons[static_cast<std::size_t>(Season::summer)] = {IntDistribution::poisson(d("0.25")),
                                                         IntDistribution::range(3, 6), IntDistribution::range(12, 17)};
  m.seasons[static_cast<std::size_t>(Season::fall)] = {IntDistribution::poisson(d("0.05")),
                                                       IntDistribution::range(2, 4), IntDistribution::range(13, 17)};
  // Winter: LMR deployments per winter, PY 2018-19 .. 2025-26 (2019-01-30, 2021-02, 2022-12-23, 2026-01-24).
  m.seasons[static_cast<std::size_t>(Season::winter)] = {IntDistribution::list({1, 0, 1, 0, 1, 0, 0, 1}),
                                                         IntDistribution::list({4, 6, 8}),
                                                         IntDistribution::range(5, 17)};
  m.seasons[static_cast<std::size_t>(Season::spring)] = {IntDistribution::poisson(d("0.05")),
                                                         IntDistribution::range(2, 4), IntDistribution::range(13, 17)};
  m.notice_h = IntDistribution::range(6, 12);
  m.rsg_usd_per_mwh = {d("0"), d("5"), 2};
  m.delivered_fraction = {d("0.80"), d("1.05"), 3};
  m.delivered_by_protocol[static_cast<std::size_t>(Protocol::baseline)] = DecimalRange{d("0.70"), d("1.10"), 3};
  m.delivered_by_protocol[static_cast<std::size_t>(Protocol::firm_service_level)] = DecimalRange{d("0.85"), d("1.05"), 3};
  m.delivered_by_protocol[static_cast<std::size_t>(Protocol::metered_generation)] = DecimalRange{d("0.90"), d("1.00"), 3};
  m.missing_reporting_probability = d("0.02");
  m.forced_outage_probability = d("0.05");
  m.baseline_factor = d("2");
  return m;
}

}  // namespace drsim::sim
