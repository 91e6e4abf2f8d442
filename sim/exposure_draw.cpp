// The draws of a trial: emergencies per season, their prices, and each instruction's response.
#include "sim/exposure_draw.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include "sim/exposure_random.hpp"

namespace drsim::sim {

namespace {

const SeasonRegistration* registered(const Resource& r, Season s) {
  const auto& reg = at(r.seasons, s);
  if (!reg || reg->excluded || (reg->cleared_mw + reg->frap_mw) <= Mw{}) return nullptr;
  return &*reg;
}

bool covers(const std::vector<std::string>& lbas, const std::string& lba) {
  return std::find(lbas.begin(), lbas.end(), lba) != lbas.end();
}

std::uint32_t draw_coverage(const ExposureModel& m, TrialStream& rng) {
  if (m.coverage.empty()) return 0;
  std::uint64_t total = 0;
  for (const auto& c : m.coverage) total += static_cast<std::uint64_t>(c.weight);
  std::uint64_t pick = rng.below(total);
  for (std::size_t k = 0; k < m.coverage.size(); ++k) {
    const auto weight = static_cast<std::uint64_t>(m.coverage[k].weight);
    if (pick < weight) return static_cast<std::uint32_t>(k);
    pick -= weight;
  }
  return static_cast<std::uint32_t>(m.coverage.size() - 1);
}

// The emergencies of one season, in date order, appended to `out` (their responses come later).
void draw_season(const Market& base, const ExposureModel& m, Season season, TrialStream& rng, std::vector<int>& day,
                 std::vector<DrawnEmergency>& out) {
  const SeasonExposure& se = m.seasons[static_cast<std::size_t>(season)];
  const DateRange days = season_range(base.planning_year, season);
  const int n = std::clamp(rng.draw(se.emergencies), 0, days.days());
  // Distinct days by a partial Fisher-Yates shuffle, then in date order.
  day.resize(static_cast<std::size_t>(days.days()));
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
    DrawnEmergency& e = out.emplace_back();
    e.season = season;
    e.coverage = draw_coverage(m, rng);
    e.start = MarketTime::at(date, start_hour);
    e.end = e.start + Duration::hours(hours);
    e.issued = e.start - Duration::hours(std::clamp(rng.draw(m.notice_h), 0, 168));
    const bool spike = rng.bernoulli(lp.spike_probability);
    const double level = to_double(spike ? lp.spike_median_usd_per_mwh : lp.median_usd_per_mwh) *
                         std::exp(to_double(spike ? lp.spike_sigma : lp.sigma) * rng.normal());
    for (int h = 0; h < hours; ++h) {
      double price = level * std::exp(to_double(lp.hour_sigma) * rng.normal());
      price = std::clamp(price, to_double(lp.floor_usd_per_mwh), to_double(lp.cap_usd_per_mwh));
      e.lmp.push_back(UsdPerMwh(to_decimal(price, 2)));
    }
    e.rsg = UsdPerMwh(rng.draw(m.rsg_usd_per_mwh));
  }
}

}  // namespace

ExposureFrame::ExposureFrame(const Market& base, const ExposureModel& model) {
  const std::size_t options = model.coverage.empty() ? 1 : model.coverage.size();
  eligible.resize(options);
  for (std::uint32_t c = 0; c < options; ++c) {
    const auto& lbas = coverage_lbas(base, model, c);
    for (Season season : kSeasons) {
      auto& list = eligible[c][static_cast<std::size_t>(season)];
      for (std::size_t r = 0; r < base.resources.size(); ++r) {
        const Resource& res = base.resources[r];
        if (!covers(lbas, res.lba)) continue;
        const SeasonRegistration* reg = registered(res, season);
        if (reg) list.push_back({static_cast<std::uint32_t>(r), reg->cleared_mw + reg->frap_mw});
      }
    }
  }
  delivered.reserve(base.resources.size());
  for (const Resource& r : base.resources) delivered.push_back(&model.delivered_for(r));
}

std::string trial_emergency_id(std::size_t k) {
  char digits[24];
  const auto n = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, k + 1).ptr - digits);
  std::string id("EM-");
  id.append(n < 3 ? 3 - n : 0, '0').append(digits, n);
  return id;
}

void trial_instruction_id(std::string& out, std::string_view emergency_id, std::string_view resource) {
  out.resize(emergency_id.size() + 1 + resource.size());  // the buffer kept, written in place
  emergency_id.copy(out.data(), emergency_id.size());
  out[emergency_id.size()] = '.';
  resource.copy(out.data() + emergency_id.size() + 1, resource.size());
}

std::string trial_instruction_id(std::string_view emergency_id, std::string_view resource) {
  std::string id;
  trial_instruction_id(id, emergency_id, resource);
  return id;
}

const std::vector<std::string>& coverage_lbas(const Market& base, const ExposureModel& model, std::uint32_t coverage) {
  return model.coverage.empty() ? base.lbas : model.coverage[coverage].lbas;
}

std::size_t DrawnYear::hours() const {
  std::size_t n = 0;
  for (const auto& e : emergencies) n += e.lmp.size() * e.count;
  return n;
}

void draw_year(const Market& base, const ExposureModel& m, const ExposureFrame& frame, std::uint64_t seed,
               std::uint64_t trial, DrawnYear& out) {
  TrialStream rng(seed, trial);
  out.emergencies.clear();  // the vectors keep their capacity for the next trial
  std::vector<int> day;
  for (Season season : kSeasons) draw_season(base, m, season, rng, day, out.emergencies);
  out.responses.clear();
  for (DrawnEmergency& e : out.emergencies) {
    e.first = static_cast<std::uint32_t>(out.responses.size());
    for (const ExposureFrame::Eligible& el : frame.eligible[e.coverage][static_cast<std::size_t>(e.season)]) {
      DrawnResponse d;
      d.resource = el.resource;
      d.mw = el.mw;
      d.outage = rng.bernoulli(m.forced_outage_probability);
      d.missing_report = rng.bernoulli(m.missing_reporting_probability);
      const Decimal fraction = rng.draw(*frame.delivered[el.resource]);
      d.delivered = d.outage ? Mw{} : Mw(Decimal::mul(fraction, d.mw.value()));
      out.responses.push_back(d);
    }
    e.count = static_cast<std::uint32_t>(out.responses.size()) - e.first;
  }
}

Mw drawn_baseline(const ExposureModel& m, const DrawnResponse& d) { return Mw(Decimal::mul(m.baseline_factor, d.mw.value())); }

Mw metered_mw(const Resource& r, const ExposureModel& m, const DrawnResponse& d) {
  Mw metered;
  switch (r.protocol) {
    case Protocol::baseline: metered = drawn_baseline(m, d) - d.delivered; break;
    case Protocol::firm_service_level: metered = r.fsl_mw.value_or(Mw{}) + (d.mw - d.delivered); break;
    case Protocol::metered_generation: metered = d.delivered; break;
  }
  return max(metered, Mw{});
}

}  // namespace drsim::sim
