// The trial kernel: each drawn instruction-hour filled and settled as the lifecycle and settle() do.
#include "sim/exposure_kernel.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "settlement/capacity.hpp"
#include "settlement/earnings.hpp"
#include "settlement/exemption.hpp"
#include "settlement/failures.hpp"
#include "settlement/hour_settlement.hpp"
#include "sim/exemption_stages.hpp"
#include "sim/hour_terms.hpp"

namespace drsim::sim {

namespace {

// settle()'s allocation finds a weight for every charged hour (4.10): the LSEs of the LBAs,
// each with a static share (an exposure base has no lse_load), summing above 0.
bool allocatable(const Market& base, const std::vector<std::string>& lbas) {
  Decimal total;
  bool any = false;
  for (const Lse& l : base.lses) {
    if (std::find(lbas.begin(), lbas.end(), l.lba) == lbas.end()) continue;
    if (!l.load_ratio_share) return false;
    any = true;
    total += *l.load_ratio_share;
  }
  return any && total > Decimal{};
}

}  // namespace

TrialKernel::TrialKernel(const Market& base, const ExposureModel& model, const ExposureFrame& frame,
                         Money eo_without_events)
    : base_(base), model_(model), frame_(frame), eo_without_events_(eo_without_events) {
  const std::size_t n = base.resources.size();
  availability_.resize(n);
  outages_.resize(n);
  declared_.resize(n);
  capacity_.resize(n);
  for (std::size_t r = 0; r < n; ++r) index_.emplace(base.resources[r].id, static_cast<std::uint32_t>(r));
  for (const auto& a : base.availability) {
    if (auto it = index_.find(a.resource); it != index_.end()) availability_[it->second].push_back(&a);
  }
  for (const auto& o : base.outages) {
    if (auto it = index_.find(o.resource); it != index_.end()) outages_[it->second].push_back(&o);
  }
  for (std::size_t r = 0; r < n; ++r) {
    for (Season season : kSeasons) {
      declared_[r][static_cast<std::size_t>(season)] =
          declared_availability(availability_[r], SeasonKey{base.planning_year, season});
      if (auto line = capacity_line(base, base.resources[r], season, {})) capacity_[r] += line->amount;
    }
    capacity_total_ += capacity_[r];
  }
  for (std::uint32_t c = 0; c < frame.eligible.size(); ++c) {
    allocatable_.push_back(allocatable(base, coverage_lbas(base, model, c)));
  }
}

std::optional<TrialResult> TrialKernel::settle(std::uint64_t trial, const DrawnYear& y) const {
  TrialResult out;
  out.trial = trial;
  out.emergencies = static_cast<int>(y.emergencies.size());
  out.instructions = static_cast<int>(y.responses.size());
  const Rules& rules = base_.rules;
  std::vector<ChargedShortfall> charged;
  std::vector<FailedOccasion> occasions;
  std::vector<std::array<int, 4>> deployed(base_.resources.size(), std::array<int, 4>{});
  std::vector<const Outage*> outages;
  Instruction ins;  // the instruction's times and MW: all the exemption and hour functions read
  AdvancedReport report;
  for (std::size_t k = 0; k < y.emergencies.size(); ++k) {
    const DrawnEmergency& e = y.emergencies[k];
    const auto season = static_cast<std::size_t>(e.season);
    const SeasonKey key = season_key(e.start.date());
    const ExactTime start = ExactTime::of(e.start);
    const Outage forced{{}, e.start, e.end, OutageReason::forced};
    ins.issued = e.issued;
    ins.start = e.start;
    ins.end = e.end;
    report.entered = e.issued;
    for (std::uint32_t n = e.first; n < e.first + e.count; ++n) {
      const DrawnResponse& d = y.responses[n];
      const Resource& res = base_.resources[d.resource];
      const SeasonRegistration* reg = &*at(res.seasons, e.season);
      ins.mw = d.mw;
      report.target_mw = d.mw;
      // 4.1 in its two stages, deployments counted in order of start as the lifecycle counts them.
      int& prior = deployed[d.resource][season];
      ExemptReason whole = exemption_at_issue(ins, reg, declared_[d.resource][season]);
      if (whole == ExemptReason::none) whole = exemption_at_start(ins, *reg, prior, rules);
      if (is_deployment(ins, whole)) ++prior;
      if (d.outage) {  // the base's outages of the resource and the drawn one
        outages = outages_[d.resource];
        outages.push_back(&forced);
      }
      const InstructionTerms terms{ins,
                                   reg,
                                   obligated_end(ins, reg),
                                   availability_[d.resource],
                                   d.outage ? outages : outages_[d.resource],
                                   d.missing_report ? nullptr : &report,
                                   false,
                                   whole};
      const Mw metered = metered_mw(res, model_, d);
      const std::optional<Mw> baseline =
          res.protocol == Protocol::baseline ? std::optional<Mw>(drawn_baseline(model_, d)) : std::nullopt;
      bool failed = false;
      for (std::size_t h = 0; h < e.lmp.size(); ++h) {
        HourRecord hr;
        hr.hour = e.start + Duration::hours(static_cast<int>(h));
        hr.obligated = covered(hr.hour, start, terms.obligated_end);
        fill_hour_terms(terms, hr);
        hr.measured = metered;  // one 60-minute row over the hour: the average of any part of it
        hr.baseline = baseline;
        const HourSettlement s = settle_hour(res, hr, rules, HourPrices{e.lmp[h], e.rsg});
        if (s.charged) charged.push_back({res.id, hr.hour, s.shortfall});
        failed = failed || s.counts_for_failure;
        if (!(s.energy_charge + s.rsg_charge).is_zero() && !allocatable_[e.coverage]) return std::nullopt;
        out.energy_charge += s.energy_charge;
        out.rsg_charge += s.rsg_charge;
      }
      if (failed) occasions.push_back({res.id, fmt::format("EM-{:03}.{}", k + 1, res.id), key, e.start, e.end});
    }
  }
  out.penalty = out.energy_charge + out.rsg_charge;
  const FailureOutcome failures = count_failures(std::move(occasions), rules);
  const std::vector<Disqualification>& dq = failures.disqualifications;
  if (dq.empty()) {
    out.capacity = capacity_total_;
  } else {
    const auto dq_of = disqualifications_by_resource(base_.resources, dq);
    for (std::size_t r = 0; r < base_.resources.size(); ++r) {
      if (dq_of[r].empty()) {
        out.capacity += capacity_[r];
        continue;
      }
      for (Season season : kSeasons) {
        if (auto line = capacity_line(base_, base_.resources[r], season, dq_of[r])) out.capacity += line->amount;
      }
    }
    for (const auto& d : dq) out.disqualified.push_back(index_.at(d.resource_id));
    std::sort(out.disqualified.begin(), out.disqualified.end());
    out.disqualified.erase(std::unique(out.disqualified.begin(), out.disqualified.end()), out.disqualified.end());
  }
  for (const EoConfig& eo : base_.eo) {
    const EoResult r = earnings_opportunity(base_, eo, dq, charged);
    for (const auto& line : r.lines) out.eo_before += line.eo_before;
    out.eo += r.total;
  }
  out.eo_loss = eo_without_events_ - out.eo;
  return out;
}

}  // namespace drsim::sim
