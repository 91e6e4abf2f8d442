// Baselines of a run: series values, the default baseline over eligible days, the same-day ratio.
#include "sim/baseline_provider.hpp"

#include <algorithm>

namespace drsim::sim {

bool needs_baseline(ExemptReason whole, const HourRecord& hr, const Rules& rules) {
  if (whole != ExemptReason::none) return false;
  if (hr.exempt == ExemptReason::max_duration) return false;
  if (hr.exempt == ExemptReason::outage_excused && rules.outage_excused_hours != OutageExcusedHours::charged_not_counted) {
    return false;
  }
  return hr.reported_target.has_value() && hr.measured.has_value();
}

BaselineProvider::BaselineProvider(const std::vector<Resource>& resources, const std::vector<Instruction>& instructions,
                                   const HourlySeries<Mw>& series, const Rules& rules,
                                   const std::vector<ObligationSchedule>& plans, const MeterHistory& meters)
    : resources_(resources),
      instructions_(instructions),
      rules_(rules),
      meters_(meters),
      instruction_days_(resources.size()),
      series_of_(resources.size(), nullptr) {
  // Each resource's hours of the series, found once: a look-up per hour is then by time only.
  for (std::size_t r = 0; r < resources.size(); ++r) {
    series_of_[r] = series.hours_of(resources[r].id);
  }
  // Days with an hour of an instruction window (4.6). Left out: one withdrawn at or
  // before start - withdrawal_notice_h, whatever its 4.1 reason (short notice too),
  // and an empty window (withdrawn at its very start, 3.2), which has no hour.
  for (const ObligationSchedule& p : plans) {
    if (p.withdrawn_in_time) continue;
    for (const HourObligation& h : p.hours) instruction_days_[p.resource].push_back(h.hour.date().days());
  }
  for (auto& days : instruction_days_) {  // sorted, each day once
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
  }
}

std::optional<Mw> BaselineProvider::series_value(std::size_t r, MarketTime hour) const {
  const auto* hours = series_of_[r];
  if (hours == nullptr) return std::nullopt;
  return HourlySeries<Mw>::value_in(*hours, hour);
}

// History is kept for every hour that would show a default baseline, not only for those
// whose shortfall needs one, so what an hour shows never depends on other instructions.
HistoryNeed BaselineProvider::history_need(const ObligationSchedule& plan) const {
  HistoryNeed need;
  if (resources_[plan.resource].protocol != Protocol::baseline) return need;
  std::optional<Date> through;
  for (const HourObligation& h : plan.hours) {
    if (!series_value(plan.resource, h.hour)) through = h.hour.date();
  }
  if (!through) return need;
  if (rules_.baseline_same_day_adjustment) {
    const MarketTime last_end = instructions_[plan.instruction].issued.hour_start();
    const Date first = (last_end - Duration::hours(3)).date();
    const Date last = (last_end - Duration::hours(1)).date();
    need.same_day_days = std::make_pair(first, last);
    through = std::max(*through, last);
  }
  need.through = through;
  return need;
}

const std::vector<Date>& BaselineProvider::eligible_days(std::size_t r, Date day) {
  auto key = std::make_pair(r, day.days());
  auto cached = eligible_.find(key);
  if (cached == eligible_.end()) {
    const auto& inst_days = instruction_days_[r];
    const auto first = meters_.first_metered_day(r);
    auto days = first ? eligible_baseline_days(
                            day, *first, [&](Date d) { return meters_.fully_metered(r, d); },
                            [&](Date d) { return std::binary_search(inst_days.begin(), inst_days.end(), d.days()); })
                      : std::vector<Date>{};
    cached = eligible_.emplace(key, std::move(days)).first;
  }
  return cached->second;
}

std::optional<Mw> BaselineProvider::default_baseline(std::size_t r, MarketTime hour, Explanation* why) {
  if (why) {  // the same days, found again with each day's reason told
    const auto& inst_days = instruction_days_[r];
    if (const auto first = meters_.first_metered_day(r)) {
      eligible_baseline_days(
          hour.date(), *first, [&](Date d) { return meters_.fully_metered(r, d); },
          [&](Date d) { return std::binary_search(inst_days.begin(), inst_days.end(), d.days()); }, kBaselineDays, why);
    } else {
      why->add("4.6", "", "the resource has no meter history: no eligible day");
    }
  }
  const auto& days = eligible_days(r, hour.date());
  if (static_cast<int>(days.size()) < kBaselineDays) return std::nullopt;
  std::vector<Mw> loads;
  for (Date d : days) loads.push_back(*meters_.hour_average(r, MarketTime::at(d, hour.hour())));
  const Mw base = average(loads);
  if (why) {
    std::vector<std::pair<std::string, std::string>> v;
    for (std::size_t k = 0; k < days.size(); ++k) v.emplace_back(days[k].str(), loads[k].value().str());
    why->add("4.6", "", "the default baseline: the average load of the same hour over the chosen days, to six places", std::move(v));
    why->back_values({{"hour_ending", std::to_string(hour.he())}, {"default_baseline_mw", base.value().str()}});
  }
  return base;
}

std::optional<Decimal> BaselineProvider::same_day_ratio_before(std::size_t r, MarketTime issued, Explanation* why) {
  const MarketTime last_end = issued.hour_start();
  Mw load_sum, base_sum;
  std::vector<std::pair<std::string, std::string>> v;
  for (int back = 3; back >= 1; --back) {
    const MarketTime h = last_end - Duration::hours(back);
    auto load = meters_.hour_average(r, h);
    std::optional<Mw> b = series_value(r, h);
    if (!b) b = default_baseline(r, h);
    if (why) {
      v.emplace_back(h.str(), "load " + (load ? load->value().str() : std::string("none")) + ", baseline " +
                                  (b ? b->value().str() : std::string("none")));
    }
    if (!load || !b) {
      if (why) why->add("4.6", "baseline_same_day_adjustment", "the 3 whole hours before the instruction was issued", std::move(v));
      return std::nullopt;
    }
    load_sum += *load;
    base_sum += *b;
  }
  const auto ratio = same_day_ratio(load_sum, base_sum);
  if (why) {
    why->add("4.6", "baseline_same_day_adjustment",
             "same-day ratio = load / baseline over the 3 whole hours before issue, to six places, within [0.8, 1.2]",
             std::move(v));
    why->back_values({{"load_sum_mw", load_sum.value().str()}, {"baseline_sum_mw", base_sum.value().str()},
                      {"ratio", ratio ? ratio->str() : "none"}});
  }
  return ratio;
}

BaselineValue BaselineProvider::baseline(const ObligationSchedule& plan, MarketTime hour, Explanation* why) {
  BaselineValue out;
  if (auto v = series_value(plan.resource, hour)) {
    out.mw = v;
    if (why) why->add("4.6", "", "the baseline series has the hour: its value is the baseline", {{"baseline_mw", v->value().str()}});
    return out;
  }
  auto base = default_baseline(plan.resource, hour, why);
  if (!base) {
    out.too_few_days = true;
    return out;
  }
  out.flags |= kDefaultBaseline;
  if (rules_.baseline_same_day_adjustment) {
    if (auto ratio = same_day_ratio_before(plan.resource, instructions_[plan.instruction].issued, why)) {
      out.flags |= kSameDayAdjusted;
      out.mw = Mw(Decimal::mul(base->value(), *ratio));
      if (why) {
        why->add("4.6", "baseline_same_day_adjustment", "adjusted baseline = default baseline x ratio, to six places",
                 {{"default_baseline_mw", base->value().str()}, {"ratio", ratio->str()}, {"baseline_mw", out.mw->value().str()}});
      }
      return out;
    }
    if (why) why->add("4.6", "baseline_same_day_adjustment", "no same-day ratio (a load or baseline of the 3 hours is missing, or their baseline sum is 0): not adjusted");
  } else if (why) {
    why->add("4.6", "baseline_same_day_adjustment", "baseline_same_day_adjustment = false: the default baseline as it is");
  }
  out.mw = base;
  return out;
}

}  // namespace drsim::sim
