// Builds a trial scenario: emergencies per season, instructions, reporting, outages, meters and prices.
#include "sim/exposure_trial.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "sim/exposure_random.hpp"

namespace drsim::sim {

namespace {

struct DrawnEmergency {
  Emergency emergency;
  Season season;
  MarketTime issued;
  std::vector<UsdPerMwh> lmp;  // per hour of the window
  UsdPerMwh rsg;
};

const SeasonRegistration* registered(const Resource& r, Season s) {
  const auto& reg = at(r.seasons, s);
  if (!reg || reg->excluded || (reg->cleared_mw + reg->frap_mw) <= Mw{}) return nullptr;
  return &*reg;
}

const std::vector<std::string>& draw_coverage(const Market& base, const ExposureModel& m, TrialStream& rng) {
  if (m.coverage.empty()) return base.lbas;
  std::uint64_t total = 0;
  for (const auto& c : m.coverage) total += static_cast<std::uint64_t>(c.weight);
  std::uint64_t pick = rng.below(total);
  for (const auto& c : m.coverage) {
    if (pick < static_cast<std::uint64_t>(c.weight)) return c.lbas;
    pick -= static_cast<std::uint64_t>(c.weight);
  }
  return m.coverage.back().lbas;
}

// The emergencies of one season, in date order.
void draw_season(const Market& base, const ExposureModel& m, Season season, TrialStream& rng,
                 std::vector<DrawnEmergency>& out) {
  const SeasonExposure& se = m.seasons[static_cast<std::size_t>(season)];
  const DateRange days = season_range(base.planning_year, season);
  const int n = std::clamp(rng.draw(se.emergencies), 0, days.days());
  // Distinct days by a partial Fisher-Yates shuffle, then in date order.
  std::vector<int> day(static_cast<std::size_t>(days.days()));
  std::iota(day.begin(), day.end(), 0);
  for (int i = 0; i < n; ++i) {
    const int j = rng.uniform(i, days.days() - 1);
    std::swap(day[static_cast<std::size_t>(i)], day[static_cast<std::size_t>(j)]);
  }
  std::sort(day.begin(), day.begin() + n);
  const LmpDistribution& lp = m.lmp;
  for (int i = 0; i < n; ++i) {
    const Date date = days.begin + day[static_cast<std::size_t>(i)];
    const int start_hour = std::clamp(rng.draw(se.start_hour), 0, 23);
    const int hours = std::clamp(rng.draw(se.hours), 1, 24 - start_hour);  // ends by midnight
    DrawnEmergency e;
    e.season = season;
    e.emergency.lbas = draw_coverage(base, m, rng);
    e.emergency.level = m.level;
    e.emergency.start = MarketTime::at(date, start_hour);
    e.emergency.end = e.emergency.start + Duration::hours(hours);
    e.issued = e.emergency.start - Duration::hours(std::clamp(rng.draw(m.notice_h), 0, 168));
    const bool spike = rng.bernoulli(lp.spike_probability);
    const double level = to_double(spike ? lp.spike_median_usd_per_mwh : lp.median_usd_per_mwh) *
                         std::exp(to_double(spike ? lp.spike_sigma : lp.sigma) * rng.normal());
    for (int h = 0; h < hours; ++h) {
      double price = level * std::exp(to_double(lp.hour_sigma) * rng.normal());
      price = std::clamp(price, to_double(lp.floor_usd_per_mwh), to_double(lp.cap_usd_per_mwh));
      e.lmp.push_back(UsdPerMwh(to_decimal(price, 2)));
    }
    e.rsg = UsdPerMwh(rng.draw(m.rsg_usd_per_mwh));
    out.push_back(std::move(e));
  }
}

bool covers(const Emergency& e, const std::string& lba) {
  return std::find(e.lbas.begin(), e.lbas.end(), lba) != e.lbas.end();
}

}  // namespace

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
  TrialStream rng(seed, trial);
  std::vector<DrawnEmergency> drawn;
  for (Season season : kSeasons) draw_season(base, m, season, rng, drawn);

  TrialScenario t{base, {}, static_cast<int>(drawn.size())};
  Market& s = t.market;
  s.name = fmt::format("{} (exposure trial {}, seed {})", base.name, trial, seed);
  // At most one instruction per resource and emergency, one meter row per instruction-hour.
  std::size_t drawn_hours = 0;
  for (const auto& e : drawn) drawn_hours += e.lmp.size();
  s.instructions.reserve(drawn.size() * base.resources.size());
  s.advanced_reporting.reserve(drawn.size() * base.resources.size());
  s.emergencies.reserve(drawn.size());
  t.meter_rows.reserve(drawn_hours * base.resources.size());
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    DrawnEmergency& e = drawn[k];
    e.emergency.id = fmt::format("EM-{:03}", k + 1);
    const int hours = static_cast<int>(e.lmp.size());
    for (int h = 0; h < hours; ++h) s.rsg.set("", e.emergency.start + Duration::hours(h), e.rsg);
    for (const Resource& r : base.resources) {
      if (!covers(e.emergency, r.lba)) continue;
      const SeasonRegistration* reg = registered(r, e.season);
      if (!reg) continue;
      const Mw mw = reg->cleared_mw + reg->frap_mw;
      const bool outage = rng.bernoulli(m.forced_outage_probability);
      const bool missing_report = rng.bernoulli(m.missing_reporting_probability);
      const Decimal fraction = rng.draw(m.delivered_for(r));
      Instruction ins;
      ins.id = fmt::format("{}.{}", e.emergency.id, r.id);
      ins.emergency = e.emergency.id;
      ins.resource = r.id;
      ins.issued = e.issued;
      ins.start = e.emergency.start;
      ins.end = e.emergency.end;
      ins.mw = mw;
      if (!missing_report) {
        AdvancedReport ar;
        ar.instruction = ins.id;
        ar.entered = e.issued;
        ar.target_mw = mw;
        s.advanced_reporting.push_back(std::move(ar));
      }
      if (outage) s.outages.push_back({r.id, ins.start, ins.end, OutageReason::forced});
      const Mw delivered = outage ? Mw{} : Mw(Decimal::mul(fraction, mw.value()));
      for (int h = 0; h < hours; ++h) {
        const MarketTime hour = ins.start + Duration::hours(h);
        s.lmp.set(r.cpnode, hour, e.lmp[static_cast<std::size_t>(h)]);
        Mw metered;
        switch (r.protocol) {
          case Protocol::baseline: {
            const Mw baseline(Decimal::mul(m.baseline_factor, mw.value()));
            s.baseline.set(r.id, hour, baseline);
            metered = baseline - delivered;
            break;
          }
          case Protocol::firm_service_level:
            metered = r.fsl_mw.value_or(Mw{}) + (mw - delivered);
            break;
          case Protocol::metered_generation:
            metered = delivered;
            break;
        }
        t.meter_rows.push_back({r.id, hour, 60, max(metered, Mw{}), 0});
      }
      s.instructions.push_back(std::move(ins));
    }
    s.emergencies.push_back(std::move(e.emergency));
  }
  return t;
}

}  // namespace drsim::sim
