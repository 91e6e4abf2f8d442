// The trial kernel: each drawn instruction-hour filled and settled as the lifecycle and settle() do.
#include "sim/exposure_kernel.hpp"

#include <algorithm>
#include <numeric>

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
  season_capacity_.resize(n);
  for (Season season : kSeasons) season_days_[static_cast<std::size_t>(season)] = season_range(base.planning_year, season);
  for (std::size_t r = 0; r < n; ++r) index_.emplace(base.resources[r].id, static_cast<std::uint32_t>(r));
  std::vector<std::uint32_t> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0U);
  std::stable_sort(by_id.begin(), by_id.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return base.resources[a].id < base.resources[b].id; });
  id_rank_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) id_rank_[by_id[i]] = i;
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
      if (auto line = capacity_line(base, base.resources[r], season, {})) {
        season_capacity_[r][static_cast<std::size_t>(season)] = line->amount;
        capacity_[r] += line->amount;
      }
    }
    capacity_total_ += capacity_[r];
  }
  for (std::uint32_t c = 0; c < frame.eligible.size(); ++c) {
    allocatable_.push_back(allocatable(base, coverage_lbas(base, model, c)));
  }
}

std::optional<TrialResult> TrialKernel::settle(std::uint64_t trial, const DrawnYear& y, KernelScratch& scratch) const {
  TrialResult out;
  out.trial = trial;
  out.emergencies = static_cast<int>(y.emergencies.size());
  out.instructions = static_cast<int>(y.responses.size());
  const Rules& rules = base_.rules;
  std::vector<ChargedShortfall>& charged = scratch.charged;
  std::vector<std::pair<std::uint32_t, std::uint32_t>>& failed_at = scratch.failed;
  std::vector<std::array<int, 4>>& deployed = scratch.deployed;
  std::vector<const Outage*>& outages = scratch.outages;
  charged.clear();
  failed_at.clear();
  deployed.assign(base_.resources.size(), std::array<int, 4>{});
  Money energy_total, rsg_total;  // summed here, not in `out` (kept in registers)
  Instruction ins;  // the instruction's times and MW: all the exemption and hour functions read
  AdvancedReport report;
  // Two records, an hour's and the one before (fill_hour_terms sets all but the fields set here):
  // kept from instruction to instruction, not cleared each time.
  HourRecord records[2];
  for (std::size_t k = 0; k < y.emergencies.size(); ++k) {
    const DrawnEmergency& e = y.emergencies[k];
    const auto season = static_cast<std::size_t>(e.season);
    const ExactTime start = ExactTime::of(e.start);
    const Outage forced{{}, e.start, e.end, OutageReason::forced};
    const bool allocatable = allocatable_[e.coverage];
    const int month = e.start.date().month();  // of every instruction's start
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
      ExemptReason whole = exemption_at_issue(ins, reg, declared_[d.resource][season], month);
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
      // Hours whose records differ only in their time assess alike (assess_hour does not read
      // it), so a run of them is assessed once and its RSG charge (one rate over the emergency)
      // priced once; each hour's energy charge at its LMP.
      const Mw metered = metered_mw(res, model_, d);  // one 60-minute row over the hour: the average of any part
      const std::optional<Mw> baseline =
          res.protocol == Protocol::baseline ? std::optional<Mw>(drawn_baseline(model_, d)) : std::nullopt;
      for (HourRecord& r : records) {
        r.measured = metered;
        r.baseline = baseline;
      }
      const bool alike = hours_alike(terms);  // every hour's record is the first's: one run
      const auto fill = [&](std::size_t h) -> HourRecord& {
        HourRecord& hr = records[h & 1];
        hr.hour = e.start + Duration::hours(static_cast<int>(h));
        hr.obligated = covered(hr.hour, start, terms.obligated_end);
        fill_hour_terms(terms, hr);  // every other field
        return hr;
      };
      bool failed = false;
      const std::size_t hours = e.lmp.size();
      const HourRecord* record = &fill(0);
      for (std::size_t h = 0; h < hours;) {
        // A run: this hour and the alike ones after it, assessed once.
        const HourAssessment assessed = assess_hour(res, *record, rules);
        const Money rsg = rsg_charge(assessed, rules, e.rsg);
        if (assessed.charged) {  // every hour of the run is: one entry for the EO, counted hour by hour
          charged.push_back({res.id, record->hour, assessed.shortfall, 0});
          failed = failed || assessed.counts_for_failure;
        }
        for (;;) {
          if (assessed.charged) {
            const Money energy = energy_charge(assessed, rules, e.lmp[h]);
            if (!allocatable && !(energy + rsg).is_zero()) return std::nullopt;
            ++charged.back().hours;
            energy_total += energy;
          }
          if (++h == hours) break;
          if (alike) continue;
          const HourRecord& next = fill(h);
          const bool same = same_terms(next, *record);
          record = &next;
          if (!same) break;
        }
        // The run's RSG: the same charge each hour (sum of equal cents: exact).
        if (assessed.charged) rsg_total += Money::from_cents(rsg.cents() * charged.back().hours);
      }
      if (failed) failed_at.emplace_back(d.resource, static_cast<std::uint32_t>(k));
    }
  }
  out.energy_charge = energy_total;
  out.rsg_charge = rsg_total;
  out.penalty = out.energy_charge + out.rsg_charge;

  // The failed occasions in count_failures' order (resource id, season, start, instruction):
  // a resource's come in date order already, one per emergency, so placing them by the rank
  // of their resource's id (a counting sort, stable) is all it takes.
  std::vector<std::uint32_t>& place = scratch.place;
  place.assign(base_.resources.size() + 1, 0);
  for (const auto& f : failed_at) ++place[id_rank_[f.first] + 1];
  for (std::size_t i = 1; i < place.size(); ++i) place[i] += place[i - 1];
  std::vector<std::pair<std::uint32_t, std::uint32_t>>& sorted = scratch.sorted;
  sorted.resize(failed_at.size());
  for (const auto& f : failed_at) sorted[place[id_rank_[f.first]]++] = f;
  std::vector<std::string>& emergency_ids = scratch.emergency_ids;
  for (std::size_t k = emergency_ids.size(); k < y.emergencies.size(); ++k) emergency_ids.push_back(trial_emergency_id(k));
  std::vector<FailedOccasion>& occasions = scratch.occasions;
  occasions.resize(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const auto [r, k] = sorted[i];
    const DrawnEmergency& e = y.emergencies[k];
    FailedOccasion& o = occasions[i];
    o.resource_id = base_.resources[r].id;
    trial_instruction_id(o.instruction_id, emergency_ids[k], base_.resources[r].id);
    o.season = SeasonKey{base_.planning_year, e.season};  // the planning year's emergencies, by season
    o.start = e.start;
    o.end = e.end;
  }
  FailureOutcome& failures = scratch.failures;
  count_failures_into(occasions, rules, failures);
  const std::vector<Disqualification>& dq = failures.disqualifications;

  // Capacity (4.9): the resources not disqualified this year are paid as without events; a
  // disqualified one's seasons that none of its disqualifications reach are paid as without
  // them too, a season one of them covers whole is paid nothing, the others by capacity_line
  // with its disqualifications. The occasions were given in order, so failure line i is
  // occasion i, whose resource `sorted` names by index.
  out.capacity = capacity_total_;
  std::vector<Disqualification>& mine = scratch.mine;
  std::size_t next_dq = 0;  // dq[j] is that of the j-th line marked disqualified
  for (std::size_t i = 0; i < failures.lines.size();) {
    const std::uint32_t r = sorted[i].first;
    mine.clear();
    for (; i < failures.lines.size() && sorted[i].first == r; ++i) {
      if (failures.lines[i].disqualified) mine.push_back(dq[next_dq++]);
    }
    if (mine.empty()) continue;
    out.disqualified.push_back(r);
    const Resource& res = base_.resources[r];
    for (Season season : kSeasons) {
      const DateRange& days = season_days_[static_cast<std::size_t>(season)];
      const Money without = season_capacity_[r][static_cast<std::size_t>(season)];
      const bool reached = std::any_of(mine.begin(), mine.end(),
                                       [&](const Disqualification& d) { return d.from < days.end && days.begin < d.until; });
      if (!reached) continue;  // paid as without its disqualifications
      const bool whole = std::any_of(mine.begin(), mine.end(),
                                     [&](const Disqualification& d) { return d.from <= days.begin && days.end <= d.until; });
      if (whole) {  // no day paid: capacity_line's amount is 0 (cleared x ACP x 0 days)
        out.capacity -= without;
        continue;
      }
      const auto line = capacity_line(base_, res, season, mine);
      out.capacity = out.capacity - without + (line ? line->amount : Money{});
    }
  }
  std::sort(out.disqualified.begin(), out.disqualified.end());
  for (const EoConfig& eo : base_.eo) {
    const EoResult r = earnings_opportunity(base_, eo, dq, charged);
    for (const auto& line : r.lines) out.eo_before += line.eo_before;
    out.eo += r.total;
  }
  out.eo_loss = eo_without_events_ - out.eo;
  return out;
}

}  // namespace drsim::sim
