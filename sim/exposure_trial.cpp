// Builds a trial scenario: emergencies per season, instructions, reporting, outages, meters and prices.
#include "sim/exposure_trial.hpp"

#include <fmt/format.h>

#include "sim/exposure_draw.hpp"

namespace drsim::sim {

Market exposure_base(const Market& file) {
  Market s = file;
  s.emergencies.clear();
  s.instructions.clear();
  s.advanced_reporting.clear();
  s.lmp = {};
  s.rsg = {};
  s.rsg_flat.reset();
  s.baseline = {};
  s.lse_load = {};
  return s;
}

TrialScenario build_trial(const Market& base, const ExposureModel& m, std::uint64_t seed, std::uint64_t trial) {
  return build_trial(base, m, ExposureFrame(base, m), seed, trial);
}

TrialScenario build_trial(const Market& base, const ExposureModel& m, const ExposureFrame& frame, std::uint64_t seed,
                          std::uint64_t trial) {
  DrawnYear y;
  draw_year(base, m, frame, seed, trial, y);
  TrialScenario t{base, {}, static_cast<int>(y.emergencies.size())};
  Market& s = t.market;
  s.name = fmt::format("{} (exposure trial {}, seed {})", base.name, trial, seed);
  // One instruction per response, one meter row per instruction-hour.
  s.instructions.reserve(y.responses.size());
  s.advanced_reporting.reserve(y.responses.size());
  s.emergencies.reserve(y.emergencies.size());
  t.meter_rows.reserve(y.hours());
  for (std::size_t k = 0; k < y.emergencies.size(); ++k) {
    const DrawnEmergency& e = y.emergencies[k];
    Emergency em;
    em.id = trial_emergency_id(k);
    em.lbas = coverage_lbas(base, m, e.coverage);
    em.level = m.level;
    em.start = e.start;
    em.end = e.end;
    const int hours = static_cast<int>(e.lmp.size());
    for (int h = 0; h < hours; ++h) s.rsg.set("", e.start + Duration::hours(h), e.rsg);
    for (std::uint32_t n = e.first; n < e.first + e.count; ++n) {
      const DrawnResponse& d = y.responses[n];
      const Resource& r = base.resources[d.resource];
      Instruction ins;
      ins.id = trial_instruction_id(em.id, r.id);
      ins.emergency = em.id;
      ins.resource = r.id;
      ins.issued = e.issued;
      ins.start = e.start;
      ins.end = e.end;
      ins.mw = d.mw;
      if (!d.missing_report) {
        AdvancedReport ar;
        ar.instruction = ins.id;
        ar.entered = e.issued;
        ar.target_mw = d.mw;
        s.advanced_reporting.push_back(std::move(ar));
      }
      if (d.outage) s.outages.push_back({r.id, ins.start, ins.end, OutageReason::forced});
      const Mw metered = metered_mw(r, m, d);
      for (int h = 0; h < hours; ++h) {
        const MarketTime hour = ins.start + Duration::hours(h);
        s.lmp.set(r.cpnode, hour, e.lmp[static_cast<std::size_t>(h)]);
        if (r.protocol == Protocol::baseline) s.baseline.set(r.id, hour, drawn_baseline(m, d));
        t.meter_rows.push_back({r.id, hour, 60, metered, 0});
      }
      s.instructions.push_back(std::move(ins));
    }
    s.emergencies.push_back(std::move(em));
  }
  return t;
}

}  // namespace drsim::sim
